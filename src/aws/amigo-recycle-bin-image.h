/* amigo-recycle-bin-image.h — an image kept in the Recycle Bin (ListImagesInRecycleBin)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_RECYCLE_BIN_IMAGE (amigo_recycle_bin_image_get_type ())

G_DECLARE_FINAL_TYPE (AmigoRecycleBinImage, amigo_recycle_bin_image, AMIGO, RECYCLE_BIN_IMAGE, GObject)

AmigoRecycleBinImage *amigo_recycle_bin_image_new (void);
const char *amigo_recycle_bin_image_get_image_id (AmigoRecycleBinImage *self);
const char *amigo_recycle_bin_image_get_name (AmigoRecycleBinImage *self);
const char *amigo_recycle_bin_image_get_description (AmigoRecycleBinImage *self);
const char *amigo_recycle_bin_image_get_recycle_bin_enter_time (AmigoRecycleBinImage *self);
gint64      amigo_recycle_bin_image_get_recycle_bin_enter_time_usec (AmigoRecycleBinImage *self);
const char *amigo_recycle_bin_image_get_recycle_bin_exit_time (AmigoRecycleBinImage *self);
gint64      amigo_recycle_bin_image_get_recycle_bin_exit_time_usec (AmigoRecycleBinImage *self);

G_END_DECLS
