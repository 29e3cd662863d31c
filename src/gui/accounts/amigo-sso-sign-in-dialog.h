/* amigo-sso-sign-in-dialog.h — signing in to IAM Identity Center
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"
#include "amigo-sso.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SSO_SIGN_IN_DIALOG (amigo_sso_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSsoSignInDialog, amigo_sso_sign_in_dialog, AMIGO, SSO_SIGN_IN_DIALOG, AdwWindow)

AmigoSsoSignInDialog *amigo_sso_sign_in_dialog_new             (GtkWindow            *parent,
                                                                AmigoSsoSession      *session);
AmigoSsoSession      *amigo_sso_sign_in_dialog_session_for_account (AmigoAccountManager *manager,
                                                                    AmigoAccount        *account);
void                  amigo_sso_sign_in_dialog_start           (AmigoSsoSignInDialog *self,
                                                                AmigoSsoGrant         grant);
const char           *amigo_sso_sign_in_dialog_get_page        (AmigoSsoSignInDialog *self);
const char           *amigo_sso_sign_in_dialog_get_user_code   (AmigoSsoSignInDialog *self);

/* Where the authorize page goes instead of the desktop's browser: for
 * tests, which fetch it themselves. %NULL: the browser again. */
typedef void (*AmigoSsoOpenUriFunc) (const char *uri,
                                     gpointer    user_data);
void                  amigo_sso_sign_in_dialog_set_uri_opener  (AmigoSsoOpenUriFunc   func,
                                                                gpointer              user_data);

G_END_DECLS
