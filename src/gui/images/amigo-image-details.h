/* amigo-image-details.h — everything about one image, in the side pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-ec2.h"
#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_DETAILS (amigo_image_details_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageDetails, amigo_image_details, AMIGO, IMAGE_DETAILS, AdwBin)

GtkWidget  *amigo_image_details_new         (void);
void        amigo_image_details_set_image   (AmigoImageDetails *self,
                                             AmigoImage        *image);
AmigoImage *amigo_image_details_get_image   (AmigoImageDetails *self);
void        amigo_image_details_set_context (AmigoImageDetails *self,
                                             AmigoEc2          *ec2,
                                             const char        *account_number);

/* For tests only (see the function's documentation). */
void        amigo_image_details_set_now_for_testing (AmigoImageDetails *self,
                                                     gint64             now_usec);

G_END_DECLS
