/* amigo-ec2-image-cleanup.h — what keeps the image shelf clean: which
 * images are still referred to, disabling, the Recycle Bin, where an image
 * came from, and the account's Allowed AMIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-image-ancestry-entry.h"
#include "amigo-image-criterion.h"
#include "amigo-image-reference.h"
#include "amigo-recycle-bin-image.h"

G_BEGIN_DECLS

/* DescribeImageReferences: "ImageIds … Maximum of 1000 images" is not
 * documented; Amigo asks for this many at a time. */
#define AMIGO_EC2_IMAGE_REFERENCES_BATCH 100

/* Allowed AMIs states (GetAllowedImagesSettings `state`) */
#define AMIGO_ALLOWED_IMAGES_DISABLED   "disabled"
#define AMIGO_ALLOWED_IMAGES_ENABLED    "enabled"
#define AMIGO_ALLOWED_IMAGES_AUDIT_MODE "audit-mode"

/**
 * AmigoAllowedImagesSettings:
 * @state: `disabled`, `enabled` or `audit-mode`
 * @managed_by: (nullable): `account` or `declarative-policy` (then the
 *   account cannot change it)
 * @criteria: (element-type AmigoImageCriterion): the criteria
 *
 * The account's Allowed AMIs settings in one region.
 */
typedef struct {
  char *state;
  char *managed_by;
  GPtrArray *criteria;
} AmigoAllowedImagesSettings;

void amigo_allowed_images_settings_free (AmigoAllowedImagesSettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoAllowedImagesSettings, amigo_allowed_images_settings_free)

/**
 * AmigoImageCriterionRequest:
 * @image_providers: (array zero-terminated=1) (nullable): `amazon`,
 *   `aws-marketplace`, `aws-backup-vault`, account ids, or `none` alone
 * @marketplace_product_codes: (array zero-terminated=1) (nullable)
 * @image_names: (array zero-terminated=1) (nullable): with `*` and `?`
 * @maximum_days_since_deprecated: 0 for no limit
 * @maximum_days_since_created: 0 for no limit
 *
 * One criterion to set (ReplaceImageCriteriaInAllowedImagesSettings).
 */
typedef struct {
  const char * const *image_providers;
  const char * const *marketplace_product_codes;
  const char * const *image_names;
  guint maximum_days_since_deprecated;
  guint maximum_days_since_created;
} AmigoImageCriterionRequest;

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_image_references,
                     const char * const *image_ids);
AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_disable_image, const char *image_id);
AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_enable_image, const char *image_id);
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_list_images_in_recycle_bin,
                     const char * const *image_ids);
AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_restore_image_from_recycle_bin,
                     const char *image_id);
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_get_image_ancestry, const char *image_id);
AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoAllowedImagesSettings *, amigo_ec2_get_allowed_images_settings);
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_enable_allowed_images_settings, const char *state);
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_disable_allowed_images_settings);
AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_replace_image_criteria,
                     const AmigoImageCriterionRequest *criteria,
                     guint n_criteria);

G_END_DECLS
