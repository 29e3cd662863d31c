/* amigo-shown-images.h — the images of a list as shown: filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-image-filter.h"

G_BEGIN_DECLS

/* What images can be sorted by: one per column of the image list, in the
 * same order. */
typedef enum {
  AMIGO_IMAGE_SORT_NAME,
  AMIGO_IMAGE_SORT_IMAGE_ID,
  AMIGO_IMAGE_SORT_STATE,
  AMIGO_IMAGE_SORT_ARCHITECTURE,
  AMIGO_IMAGE_SORT_ROOT_DEVICE,
  AMIGO_IMAGE_SORT_VIRTUALIZATION,
  AMIGO_IMAGE_SORT_PLATFORM,
  AMIGO_IMAGE_SORT_OWNER,
  AMIGO_IMAGE_SORT_CREATED,
  AMIGO_IMAGE_SORT_VISIBILITY,
  AMIGO_IMAGE_SORT_DEPRECATION,
  AMIGO_IMAGE_SORT_REGION,
  AMIGO_IMAGE_SORT_ACCOUNT,
  AMIGO_IMAGE_N_SORT_KEYS
} AmigoImageSortKey;

typedef struct {
  AmigoImageSortKey key;
  gboolean descending;
} AmigoImageSort;

#define AMIGO_TYPE_SHOWN_IMAGES (amigo_shown_images_get_type ())

G_DECLARE_FINAL_TYPE (AmigoShownImages, amigo_shown_images, AMIGO, SHOWN_IMAGES, GObject)

AmigoShownImages *amigo_shown_images_new       (AmigoImageFilter     *filter);
void              amigo_shown_images_set_model (AmigoShownImages     *self,
                                                GListModel           *model);
void              amigo_shown_images_set_sort  (AmigoShownImages     *self,
                                                const AmigoImageSort *sort,
                                                guint                 n_sort);

G_END_DECLS
