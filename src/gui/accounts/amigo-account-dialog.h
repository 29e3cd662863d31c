/* amigo-account-dialog.h — add an AWS account, or edit a stored one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

typedef enum {
  AMIGO_ACCOUNT_TEST_NONE,      /* not tested, or changed since */
  AMIGO_ACCOUNT_TEST_RUNNING,
  AMIGO_ACCOUNT_TEST_PASSED,
  AMIGO_ACCOUNT_TEST_FAILED,
} AmigoAccountTestState;

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

/* What the dialog knows of the keys and its work, for its tests. */
AmigoAccountTestState amigo_account_dialog_get_test_state            (AmigoAccountDialog *self);
const char           *amigo_account_dialog_get_tested_account_number (AmigoAccountDialog *self);
gboolean              amigo_account_dialog_get_busy                  (AmigoAccountDialog *self);

G_END_DECLS
