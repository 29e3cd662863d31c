/* amigo-create-image-dialog.h — make an image of one of the region's instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_CREATE_IMAGE_DIALOG (amigo_create_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoCreateImageDialog, amigo_create_image_dialog, AMIGO, CREATE_IMAGE_DIALOG, AmigoActionDialog)

/* What the dialog holds, for its tests. */
const char  *amigo_create_image_dialog_get_created_image_id (AmigoCreateImageDialog *self);
const char  *amigo_create_image_dialog_get_free_name (AmigoCreateImageDialog *self);
const char  *amigo_create_image_dialog_get_taken_name (AmigoCreateImageDialog *self);
gboolean     amigo_create_image_dialog_get_loading_instances (AmigoCreateImageDialog *self);
const char  *amigo_create_image_dialog_get_instances_error (AmigoCreateImageDialog *self);
GPtrArray   *amigo_create_image_dialog_get_instances (AmigoCreateImageDialog *self);
gboolean     amigo_create_image_dialog_get_loading_volumes (AmigoCreateImageDialog *self);
const char  *amigo_create_image_dialog_get_volumes_error (AmigoCreateImageDialog *self);
gboolean     amigo_create_image_dialog_is_root_volume (AmigoCreateImageDialog *self,
                                                       GtkWidget              *row);
GPtrArray   *amigo_create_image_dialog_get_left_out (AmigoCreateImageDialog *self);
/* Every problem the dialog shows, one a line. */
char        *amigo_create_image_dialog_dup_problems (AmigoCreateImageDialog *self);

G_END_DECLS
