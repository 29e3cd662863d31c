/* amigo-image-filter.h — search and filters over a list of images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_FILTER (amigo_image_filter_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageFilter, amigo_image_filter, AMIGO, IMAGE_FILTER, GtkFilter)

AmigoImageFilter *amigo_image_filter_new                    (void);
void              amigo_image_filter_set_search             (AmigoImageFilter *self,
                                                             const char       *text);
const char       *amigo_image_filter_get_search             (AmigoImageFilter *self);
/* Each takes an EC2 value ("x86_64", "ebs", "hvm", "windows", "available")
 * or NULL for any. Platform "linux" matches images without a platform. */
void              amigo_image_filter_set_architecture       (AmigoImageFilter *self,
                                                             const char       *architecture);
void              amigo_image_filter_set_root_device_type   (AmigoImageFilter *self,
                                                             const char       *root_device_type);
void              amigo_image_filter_set_virtualization_type (AmigoImageFilter *self,
                                                             const char       *virtualization_type);
void              amigo_image_filter_set_platform           (AmigoImageFilter *self,
                                                             const char       *platform);
void              amigo_image_filter_set_state              (AmigoImageFilter *self,
                                                             const char       *state);
void              amigo_image_filter_set_include_deprecated (AmigoImageFilter *self,
                                                             gboolean          include_deprecated);
gboolean          amigo_image_filter_get_include_deprecated (AmigoImageFilter *self);
void              amigo_image_filter_set_now                (AmigoImageFilter *self,
                                                             gint64            now_usec);
gboolean          amigo_image_filter_is_active              (AmigoImageFilter *self);
gboolean          amigo_image_filter_match_image            (AmigoImageFilter *self,
                                                             AmigoImage       *image);

G_END_DECLS
