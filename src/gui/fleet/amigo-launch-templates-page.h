/* amigo-launch-templates-page.h — the launch templates of a region and their versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-fleet-page.h"
#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_LAUNCH_TEMPLATES_PAGE (amigo_launch_templates_page_get_type ())

G_DECLARE_FINAL_TYPE (AmigoLaunchTemplatesPage, amigo_launch_templates_page, AMIGO, LAUNCH_TEMPLATES_PAGE, AmigoFleetPage)

GtkWidget  *amigo_launch_templates_page_new          (void);
void        amigo_launch_templates_page_load         (AmigoLaunchTemplatesPage *self,
                                                      AmigoAccount             *account,
                                                      const char               *region);
void        amigo_launch_templates_page_set_image    (AmigoLaunchTemplatesPage *self,
                                                      AmigoImage               *image);
GPtrArray  *amigo_launch_templates_page_get_templates (AmigoLaunchTemplatesPage *self);
GPtrArray  *amigo_launch_templates_page_get_versions (AmigoLaunchTemplatesPage *self,
                                                      const char               *template_id);
void        amigo_launch_templates_page_new_version  (AmigoLaunchTemplatesPage *self,
                                                      const char               *template_id,
                                                      gboolean                  make_default);
void        amigo_launch_templates_page_create       (AmigoLaunchTemplatesPage *self,
                                                      const char               *name,
                                                      const char               *instance_type);
gboolean    amigo_launch_templates_page_get_busy     (AmigoLaunchTemplatesPage *self);

G_END_DECLS
