/* amigo-image-details-private.h — what the tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-image-details.h"

G_BEGIN_DECLS

/* @name: general, dates, machine, storage, tags, product-codes, source,
 * launch-permissions */
AdwPreferencesGroup *_amigo_image_details_get_group         (AmigoImageDetails *self,
                                                             const char        *name);
GtkWidget           *_amigo_image_details_get_header        (AmigoImageDetails *self);
GtkButton           *_amigo_image_details_get_launch_permissions_button (AmigoImageDetails *self);
/* The value shown at the end of a row made by the pane, or NULL. */
const char          *_amigo_image_details_row_get_value     (GtkWidget         *row);
/* Freezes the clock relative dates are measured from; 0 for real time. */
void                 _amigo_image_details_set_now           (AmigoImageDetails *self,
                                                             gint64             now_usec);

G_END_DECLS
