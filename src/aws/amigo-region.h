/* amigo-region.h — an EC2 region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_REGION (amigo_region_get_type ())

G_DECLARE_FINAL_TYPE (AmigoRegion, amigo_region, AMIGO, REGION, GObject)

AmigoRegion *amigo_region_new               (void);
const char  *amigo_region_get_region_name   (AmigoRegion *self);
const char  *amigo_region_get_endpoint      (AmigoRegion *self);
const char  *amigo_region_get_opt_in_status (AmigoRegion *self);

G_END_DECLS
