/* amigo-auto-scaling-page.h — the Auto Scaling groups of a region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-fleet-page.h"
#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_AUTO_SCALING_PAGE (amigo_auto_scaling_page_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAutoScalingPage, amigo_auto_scaling_page, AMIGO, AUTO_SCALING_PAGE, AmigoFleetPage)

GtkWidget *amigo_auto_scaling_page_new        (void);
void       amigo_auto_scaling_page_load       (AmigoAutoScalingPage *self,
                                               AmigoAccount         *account,
                                               const char           *region);
void       amigo_auto_scaling_page_set_image  (AmigoAutoScalingPage *self,
                                               AmigoImage           *image);
GPtrArray *amigo_auto_scaling_page_get_groups (AmigoAutoScalingPage *self);
GtkWidget *amigo_auto_scaling_page_roll_out   (AmigoAutoScalingPage *self,
                                               const char           *group_name);

G_END_DECLS
