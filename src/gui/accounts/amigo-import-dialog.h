/* amigo-import-dialog.h — pick AWS CLI profiles to use as accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMPORT_DIALOG (amigo_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImportDialog, amigo_import_dialog, AMIGO, IMPORT_DIALOG, AdwWindow)

AmigoImportDialog *amigo_import_dialog_new (GtkWindow           *parent,
                                            AmigoAccountManager *manager);

G_END_DECLS
