/* amigo-image-rows.h — the rows of the image table, and their selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_ROW (amigo_image_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageRow, amigo_image_row, AMIGO, IMAGE_ROW, GObject)

AmigoImage     *amigo_image_row_get_image (AmigoImageRow *self);

#define AMIGO_TYPE_IMAGE_ROWS (amigo_image_rows_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageRows, amigo_image_rows, AMIGO, IMAGE_ROWS, GObject)

AmigoImageRows *amigo_image_rows_new        (GListModel     *images);
gboolean        amigo_image_rows_get_frozen (AmigoImageRows *self);

G_END_DECLS
