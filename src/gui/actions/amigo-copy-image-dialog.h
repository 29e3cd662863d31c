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

/* What the dialog holds, for its tests. */
guint        amigo_copy_image_dialog_get_n_pending (AmigoCopyImageDialog *self);
GtkWidget   *amigo_copy_image_dialog_get_region_row (AmigoCopyImageDialog *self,
                                                     const char           *region);
const char  *amigo_copy_image_dialog_get_region_unavailable (AmigoCopyImageDialog *self,
                                                             const char           *region);
const char  *amigo_copy_image_dialog_get_region_image_id (AmigoCopyImageDialog *self,
                                                          const char           *region);
const char  *amigo_copy_image_dialog_get_region_error (AmigoCopyImageDialog *self,
                                                       const char           *region);
const char  *amigo_copy_image_dialog_get_region_client_token (AmigoCopyImageDialog *self,
                                                              const char           *region);
/* What pressing Copy does, also while the button is off: every problem
 * is shown. Returns %FALSE when nothing was sent. */
gboolean     amigo_copy_image_dialog_submit (AmigoCopyImageDialog *self);
/* Whether @text would be accepted as a KMS key (ID, ARN or alias). */
gboolean     amigo_copy_image_kms_key_is_valid (const char *text);

G_END_DECLS
