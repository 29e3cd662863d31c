/* amigo-image-criterion.h — one criterion of the account's Allowed AMIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_CRITERION (amigo_image_criterion_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageCriterion, amigo_image_criterion, AMIGO, IMAGE_CRITERION, GObject)

AmigoImageCriterion *amigo_image_criterion_new                              (void);
const char * const  *amigo_image_criterion_get_image_providers              (AmigoImageCriterion *self);
const char * const  *amigo_image_criterion_get_marketplace_product_codes    (AmigoImageCriterion *self);
const char * const  *amigo_image_criterion_get_image_names                  (AmigoImageCriterion *self);
gint                 amigo_image_criterion_get_maximum_days_since_deprecated (AmigoImageCriterion *self);
gint                 amigo_image_criterion_get_maximum_days_since_created   (AmigoImageCriterion *self);

G_END_DECLS
