/* amigo-image-criterion.c — one criterion of the account's Allowed AMIs
 * (GetAllowedImagesSettings `imageCriterionSet`): an image is allowed when
 * it matches everything one criterion names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-criterion.h"
#include "amigo-record-private.h"

struct _AmigoImageCriterion
{
  GObject parent_instance;

  char **image_providers;
  char **marketplace_product_codes;
  char **image_names;
  gint32 maximum_days_since_deprecated;
  gint32 maximum_days_since_created;
};

G_DEFINE_FINAL_TYPE (AmigoImageCriterion, amigo_image_criterion, G_TYPE_OBJECT)

static const AmigoRecordField deprecation_fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageCriterion, "maximumDaysSinceDeprecated", "MaximumDaysSinceDeprecated", "maximum-days-since-deprecated", INT, maximum_days_since_deprecated),
};

static AmigoRecordType deprecation_type =
  AMIGO_RECORD_NESTED_TYPE ("DeprecationTimeCondition", deprecation_fields);

static const AmigoRecordField creation_fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageCriterion, "maximumDaysSinceCreated", "MaximumDaysSinceCreated", "maximum-days-since-created", INT, maximum_days_since_created),
};

static AmigoRecordType creation_type =
  AMIGO_RECORD_NESTED_TYPE ("CreationDateCondition", creation_fields);

static const AmigoRecordField fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageCriterion, "imageProviderSet", "ImageProviders", "image-providers", STRV, image_providers),
  AMIGO_RECORD_FIELD (AmigoImageCriterion, "marketplaceProductCodeSet", "MarketplaceProductCodes", "marketplace-product-codes", STRV, marketplace_product_codes),
  AMIGO_RECORD_FIELD (AmigoImageCriterion, "imageNameSet", "ImageNames", "image-names", STRV, image_names),
  AMIGO_RECORD_FLATTEN ("deprecationTimeCondition", "DeprecationTimeCondition", deprecation_type),
  AMIGO_RECORD_FLATTEN ("creationDateCondition", "CreationDateCondition", creation_type),
};

AmigoRecordType amigo_image_criterion_record =
  AMIGO_RECORD_TYPE ("ImageCriterion", AmigoImageCriterion, fields, amigo_image_criterion_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImageCriterion, amigo_image_criterion, amigo_image_criterion_record)

/**
 * amigo_image_criterion_new:
 *
 * Returns: (transfer full): a new, empty #AmigoImageCriterion
 */
AmigoImageCriterion *
amigo_image_criterion_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_CRITERION, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImageCriterion, amigo_image_criterion, AMIGO_IS_IMAGE_CRITERION, Ret, field, fallback)
#define STRV_GETTER(field) \
  AMIGO_RECORD_STRV_GETTER (AmigoImageCriterion, amigo_image_criterion, AMIGO_IS_IMAGE_CRITERION, field)

/**
 * amigo_image_criterion_get_image_providers:
 * @self: an #AmigoImageCriterion
 *
 * Returns: (transfer none) (nullable): `amazon`, `aws-marketplace`,
 *   `aws-backup-vault`, account ids, or `none` (the account's own images
 *   only) (`imageProviderSet`)
 */
STRV_GETTER (image_providers)

/**
 * amigo_image_criterion_get_marketplace_product_codes:
 * @self: an #AmigoImageCriterion
 *
 * Returns: (transfer none) (nullable): AWS Marketplace product codes
 *   (`marketplaceProductCodeSet`)
 */
STRV_GETTER (marketplace_product_codes)

/**
 * amigo_image_criterion_get_image_names:
 * @self: an #AmigoImageCriterion
 *
 * Returns: (transfer none) (nullable): image names, with `*` and `?`
 *   (`imageNameSet`)
 */
STRV_GETTER (image_names)

/**
 * amigo_image_criterion_get_maximum_days_since_deprecated:
 * @self: an #AmigoImageCriterion
 *
 * Returns: how long after its deprecation an image stays allowed, in days;
 *   -1 when not limited
 */
GETTER (gint, maximum_days_since_deprecated, -1)

/**
 * amigo_image_criterion_get_maximum_days_since_created:
 * @self: an #AmigoImageCriterion
 *
 * Returns: how old an image may be, in days; -1 when not limited
 */
GETTER (gint, maximum_days_since_created, -1)
