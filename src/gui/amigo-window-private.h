/* amigo-window-private.h — what the ui tests reach inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "images/amigo-filter-popover.h"
#include "images/amigo-image-list.h"
#include "amigo-image-store.h"
#include "amigo-window.h"

G_BEGIN_DECLS

AmigoImageStore    *_amigo_window_get_store          (AmigoWindow *self);
AmigoImageList     *_amigo_window_get_image_list     (AmigoWindow *self);
AmigoFilterPopover *_amigo_window_get_filter_popover (AmigoWindow *self);
GtkSearchEntry     *_amigo_window_get_search_entry   (AmigoWindow *self);
const char         *_amigo_window_get_visible_page   (AmigoWindow *self);
AdwStatusPage      *_amigo_window_get_error_page     (AmigoWindow *self);
AdwStatusPage      *_amigo_window_get_empty_page     (AmigoWindow *self);
GtkWidget          *_amigo_window_get_details        (AmigoWindow *self);
gboolean            _amigo_window_select_region      (AmigoWindow *self,
                                                      const char  *region);
void                _amigo_window_select_source      (AmigoWindow *self,
                                                      guint        source);
AmigoAccount       *_amigo_window_get_account        (AmigoWindow *self);

G_END_DECLS
