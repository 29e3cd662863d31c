/* amigo-image-store.h — the images of one source in one or more regions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-ec2.h"
#include "amigo-image.h"
#include "amigo-image-search.h"

G_BEGIN_DECLS

/**
 * AmigoImageSource:
 * @AMIGO_IMAGE_SOURCE_SELF: images the account owns (`Owner=self`)
 * @AMIGO_IMAGE_SOURCE_SHARED: images others shared with the account
 *   (`ExecutableBy=self`, less the account's own)
 * @AMIGO_IMAGE_SOURCE_AMAZON: `Owner=amazon`
 * @AMIGO_IMAGE_SOURCE_MARKETPLACE: `Owner=aws-marketplace`
 * @AMIGO_IMAGE_SOURCE_PUBLIC: every public image (`is-public=true`): large
 */
typedef enum {
  AMIGO_IMAGE_SOURCE_SELF,
  AMIGO_IMAGE_SOURCE_SHARED,
  AMIGO_IMAGE_SOURCE_AMAZON,
  AMIGO_IMAGE_SOURCE_MARKETPLACE,
  AMIGO_IMAGE_SOURCE_PUBLIC,
} AmigoImageSource;

#define AMIGO_TYPE_IMAGE_STORE (amigo_image_store_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageStore, amigo_image_store, AMIGO, IMAGE_STORE, GObject)

AmigoImageStore *amigo_image_store_new           (void);
void             amigo_image_store_load          (AmigoImageStore   *self,
                                                  GPtrArray         *ec2s,
                                                  AmigoImageSource   source,
                                                  const char        *account_number);
void             amigo_image_store_load_full     (AmigoImageStore   *self,
                                                  GPtrArray         *ec2s,
                                                  AmigoImageSource   source,
                                                  const char        *account_number,
                                                  gboolean           include_deprecated,
                                                  const AmigoImageSearch *search);
gboolean         amigo_image_source_is_large     (AmigoImageSource   source);
void             amigo_image_store_cancel        (AmigoImageStore   *self);
void             amigo_image_store_clear         (AmigoImageStore   *self);
gboolean         amigo_image_store_get_loading   (AmigoImageStore   *self);
const GError    *amigo_image_store_get_error     (AmigoImageStore   *self);
guint            amigo_image_store_get_n_regions_failed (AmigoImageStore *self);
const GError    *amigo_image_store_get_region_error (AmigoImageStore *self,
                                                     const char      *region);
void             amigo_image_store_append        (AmigoImageStore   *self,
                                                  GPtrArray         *images,
                                                  const char        *region);

const char      *amigo_image_store_get_image_region (AmigoImage     *image);

void             amigo_image_store_load_accounts (AmigoImageStore        *self,
                                                  GPtrArray              *ec2s,
                                                  GPtrArray              *accounts,
                                                  AmigoImageSource        source,
                                                  gboolean                include_deprecated,
                                                  const AmigoImageSearch *search);
AmigoAccount    *amigo_image_store_get_image_account (AmigoImage      *image);
const GError    *amigo_image_store_get_account_error (AmigoImageStore *self,
                                                      AmigoAccount    *account,
                                                      const char      *region);

G_END_DECLS
