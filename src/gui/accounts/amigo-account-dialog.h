/* amigo-account-dialog.h — add an AWS account, or edit a stored one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACCOUNT_DIALOG (amigo_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAccountDialog, amigo_account_dialog, AMIGO, ACCOUNT_DIALOG, AdwWindow)

AmigoAccountDialog *amigo_account_dialog_new_add     (GtkWindow           *parent,
                                                      AmigoAccountManager *manager);
AmigoAccountDialog *amigo_account_dialog_new_edit    (GtkWindow           *parent,
                                                      AmigoAccountManager *manager,
                                                      AmigoAccount        *account);
AmigoAccount       *amigo_account_dialog_get_account (AmigoAccountDialog  *self);
void                amigo_account_dialog_set_notice  (AmigoAccountDialog  *self,
                                                      const char          *notice);

G_END_DECLS
