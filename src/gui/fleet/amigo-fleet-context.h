/* amigo-fleet-context.h — what the fleet pages (Quick Start, launch
 * templates, Auto Scaling groups) share with the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-image.h"
#include "amigo-task-manager.h"

G_BEGIN_DECLS

/* Opens the image action @name ("launch", "copy-image", …) for @image,
 * as the window's own menu does; @parameter (nullable) is the public
 * parameter that names the image, which a launch may refer to instead. */
void amigo_fleet_open_image_action (GtkWidget    *page,
                                    AmigoAccount *account,
                                    const char   *region,
                                    AmigoImage   *image,
                                    const char   *parameter,
                                    const char   *action_name);

/* A menu button offering every image action that applies to an image the
 * account does not own: launch, copy, … (@parameter as above) */
GtkWidget *amigo_fleet_image_menu_button_new (GtkWidget    *page,
                                              AmigoAccount *account,
                                              const char   *region,
                                              AmigoImage   *image,
                                              const char   *parameter);

void amigo_fleet_show_error (GtkWidget    *page,
                             const char   *heading,
                             const GError *error);

G_END_DECLS
