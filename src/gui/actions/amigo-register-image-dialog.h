/* amigo-register-image-dialog.h — register an image from an EBS snapshot or an S3 manifest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_REGISTER_IMAGE_DIALOG (amigo_register_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoRegisterImageDialog, amigo_register_image_dialog, AMIGO, REGISTER_IMAGE_DIALOG, AmigoActionDialog)

/* What the dialog holds, for its tests. */
const char  *amigo_register_image_dialog_get_registered_image_id (AmigoRegisterImageDialog *self);
const char  *amigo_register_image_dialog_get_free_name (AmigoRegisterImageDialog *self);
gboolean     amigo_register_image_dialog_get_loading_snapshots (AmigoRegisterImageDialog *self);
const char  *amigo_register_image_dialog_get_snapshots_error (AmigoRegisterImageDialog *self);
GPtrArray   *amigo_register_image_dialog_get_snapshots (AmigoRegisterImageDialog *self);
/* Every problem the dialog shows, one a line. */
char        *amigo_register_image_dialog_dup_problems (AmigoRegisterImageDialog *self);

G_END_DECLS
