/* amigo-filter-popover.h — the filters of the image list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-image-filter.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_FILTER_POPOVER (amigo_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (AmigoFilterPopover, amigo_filter_popover, AMIGO, FILTER_POPOVER, GtkPopover)

GtkWidget *amigo_filter_popover_new        (void);
void       amigo_filter_popover_set_filter (AmigoFilterPopover *self,
                                            AmigoImageFilter   *filter);
/* For tests: select the entry whose EC2 value is @value (NULL = any). */
void       amigo_filter_popover_select     (AmigoFilterPopover *self,
                                            const char         *field,
                                            const char         *value);
void       amigo_filter_popover_reset      (AmigoFilterPopover *self);

G_END_DECLS
