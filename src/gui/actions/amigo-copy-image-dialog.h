/* amigo-copy-image-dialog.h — copy an image to other regions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_COPY_IMAGE_DIALOG (amigo_copy_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoCopyImageDialog, amigo_copy_image_dialog, AMIGO, COPY_IMAGE_DIALOG, AmigoActionDialog)

GtkWindow *amigo_copy_image_dialog_new (GtkWindow          *parent,
                                        AmigoActionContext *context);

/* What the dialog holds, for its tests. */
guint        amigo_copy_image_dialog_get_n_pending (AmigoCopyImageDialog *self);

G_END_DECLS
