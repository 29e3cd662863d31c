/* amigo-image-list.h — the table of images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-image-filter.h"
#include "amigo-image-store.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_LIST (amigo_image_list_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageList, amigo_image_list, AMIGO, IMAGE_LIST, AdwBin)

GtkWidget        *amigo_image_list_new                  (void);
void              amigo_image_list_set_store            (AmigoImageList  *self,
                                                         AmigoImageStore *store);
AmigoImageFilter *amigo_image_list_get_filter           (AmigoImageList  *self);
GListModel       *amigo_image_list_get_shown            (AmigoImageList  *self);
GtkColumnView    *amigo_image_list_get_column_view      (AmigoImageList  *self);
GPtrArray        *amigo_image_list_get_selected_images  (AmigoImageList  *self);
AmigoImage       *amigo_image_list_get_focused_image    (AmigoImageList  *self);
void              amigo_image_list_set_show_region      (AmigoImageList  *self,
                                                         gboolean         show_region);
void              amigo_image_list_set_show_account     (AmigoImageList  *self,
                                                         gboolean         show_account);
void              amigo_image_list_sort_by              (AmigoImageList  *self,
                                                         const char      *column_id,
                                                         GtkSortType      order);

/* Column ids, for the column chooser and GSettings. */
const char * const *amigo_image_list_get_column_ids     (void);
const char       *amigo_image_list_get_column_title     (const char      *column_id);
void              amigo_image_list_set_column_visible   (AmigoImageList  *self,
                                                         const char      *column_id,
                                                         gboolean         visible);
gboolean          amigo_image_list_get_column_visible   (AmigoImageList  *self,
                                                         const char      *column_id);

G_END_DECLS
