/* amigo-import-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-import-dialog.h"

G_BEGIN_DECLS

struct _AmigoImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkStack *stack;
  AdwPreferencesGroup *error_group;
  AdwActionRow *error_row;
  AdwPreferencesGroup *profiles_group;
  AdwStatusPage *empty_page;

  /* owned */
  AmigoAccountManager *manager;
  GPtrArray *checks;            /* GtkCheckButton, one a profile; "profile-name" data */
};

GtkCheckButton *_amigo_import_dialog_get_check (AmigoImportDialog *self,
                                                const char        *profile_name);

G_END_DECLS
