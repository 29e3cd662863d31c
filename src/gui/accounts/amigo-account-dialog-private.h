/* amigo-account-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-account-dialog.h"

G_BEGIN_DECLS

struct _AmigoAccountDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  AdwPreferencesGroup *notice_group;
  AdwActionRow *notice_row;
  AdwActionRow *keyring_row;
  AdwEntryRow *name_row;
  AdwComboRow *region_row;
  AdwPreferencesGroup *keys_group;
  AdwEntryRow *access_key_row;
  AdwEntryRow *secret_row;
  AdwEntryRow *token_row;
  AdwExpanderRow *advanced_row;
  AdwEntryRow *endpoint_row;
  AdwActionRow *plain_http_row;
  GtkSwitch *plain_http_switch;
  GtkLabel *problem_label;
  AdwActionRow *test_row;
  GtkImage *test_icon;
  GtkSpinner *test_spinner;
  GtkButton *test_button;

  /* owned */
  AmigoAccountManager *manager;
  AmigoAccount *account;                /* edit mode: the account edited */
  GPtrArray *region_codes;              /* parallel to region_row's model */
  GCancellable *test_cancellable;
  GCancellable *save_cancellable;
  char *problems;                       /* what blocks Test and Save, for people */
  char *save_error;
  char *tested_account_number;
  char *tested_arn;
  AmigoKeyringAccount *saved;           /* edit mode: the latest stored version */

  AmigoAccountTestState test_state;
  guint generation;                     /* bumped when what the test checks changes */
  guint tested_generation;
  gboolean loading;                     /* filling in the fields: not the person */
  gboolean saving;
  gboolean keys_saved;                  /* edit mode: the new keys are in the keyring */
  gboolean name_touched;
  gboolean keys_touched;
  gboolean endpoint_touched;
};

/* Shared by the files of the class. */
/* amigo-account-dialog.c */
gboolean           _amigo_account_dialog_is_edit_mode           (AmigoAccountDialog *self);
const char        *_amigo_account_dialog_selected_region        (AmigoAccountDialog *self);
gboolean           _amigo_account_dialog_keys_entered           (AmigoAccountDialog *self);
char              *_amigo_account_dialog_dup_endpoint           (AmigoAccountDialog *self);
gboolean           _amigo_account_dialog_allows_plain_http      (AmigoAccountDialog *self);
gboolean           _amigo_account_dialog_needs_test             (AmigoAccountDialog *self);
AmigoCredentials  *_amigo_account_dialog_credentials_from_fields (AmigoAccountDialog *self);
void               _amigo_account_dialog_update_state           (AmigoAccountDialog *self);
/* amigo-account-dialog-test.c */
void               _amigo_account_dialog_show_test_state        (AmigoAccountDialog *self,
                                                                 const char         *message);
void               _amigo_account_dialog_invalidate_test        (AmigoAccountDialog *self);
void               _amigo_account_dialog_test_action            (GtkWidget  *widget,
                                                                 const char *action_name,
                                                                 GVariant   *parameter);

G_END_DECLS
