/* amigo-state-badge.h — an image's state as a small coloured label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

const char *amigo_image_state_to_label       (const char *state);
const char *amigo_image_state_to_style_class (const char *state);

GtkWidget  *amigo_state_badge_new            (const char *state);
void        amigo_state_badge_set_state      (GtkLabel   *badge,
                                              const char *state);

G_END_DECLS
