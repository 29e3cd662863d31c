/* amigo-import-image-dialog.h — a virtual machine's disk becomes an AMI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "actions/amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMPORT_IMAGE_DIALOG (amigo_import_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImportImageDialog, amigo_import_image_dialog, AMIGO, IMPORT_IMAGE_DIALOG, AmigoActionDialog)

/* amigo_import_image_dialog_new() is in actions/amigo-actions.h, with the
 * other action dialogs. What the file chooser would hand over (tests pick a file without a portal). */
void       amigo_import_image_dialog_set_file (AmigoImportImageDialog *self,
                                               GFile                  *file);

G_END_DECLS
