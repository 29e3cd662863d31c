/* amigo-image-reference.h — a resource that still uses an image (DescribeImageReferences)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_REFERENCE (amigo_image_reference_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageReference, amigo_image_reference, AMIGO, IMAGE_REFERENCE, GObject)

AmigoImageReference *amigo_image_reference_new (void);
const char *amigo_image_reference_get_image_id (AmigoImageReference *self);
const char *amigo_image_reference_get_resource_type (AmigoImageReference *self);
const char *amigo_image_reference_get_arn (AmigoImageReference *self);

G_END_DECLS
