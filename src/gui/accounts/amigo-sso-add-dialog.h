/* amigo-sso-add-dialog.h — "Add Accounts from IAM Identity Center"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SSO_ADD_DIALOG (amigo_sso_add_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSsoAddDialog, amigo_sso_add_dialog, AMIGO, SSO_ADD_DIALOG, AdwWindow)

AmigoSsoAddDialog *amigo_sso_add_dialog_new      (GtkWindow           *parent,
                                                  AmigoAccountManager *manager);
const char        *amigo_sso_add_dialog_get_page (AmigoSsoAddDialog   *self);

G_END_DECLS
