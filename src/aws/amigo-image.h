/* amigo-image.h — an Amazon Machine Image (EC2 `Image`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-block-device-mapping.h"
#include "amigo-product-code.h"
#include "amigo-state-reason.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE (amigo_image_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImage, amigo_image, AMIGO, IMAGE, GObject)

AmigoImage                    *amigo_image_new                           (void);
const char                    *amigo_image_get_image_id                  (AmigoImage *self);
const char                    *amigo_image_get_image_location            (AmigoImage *self);
const char                    *amigo_image_get_state                     (AmigoImage *self);
const char                    *amigo_image_get_owner_id                  (AmigoImage *self);
const char                    *amigo_image_get_creation_date             (AmigoImage *self);
gint64                         amigo_image_get_creation_date_usec        (AmigoImage *self);
gboolean                       amigo_image_get_is_public                 (AmigoImage *self);
const AmigoProductCode        *amigo_image_get_product_codes             (AmigoImage *self,
                                                                          guint      *n_product_codes);
const char                    *amigo_image_get_architecture              (AmigoImage *self);
const char                    *amigo_image_get_image_type                (AmigoImage *self);
const char                    *amigo_image_get_kernel_id                 (AmigoImage *self);
const char                    *amigo_image_get_ramdisk_id                (AmigoImage *self);
const char                    *amigo_image_get_platform                  (AmigoImage *self);
const char                    *amigo_image_get_platform_details          (AmigoImage *self);
const char                    *amigo_image_get_usage_operation           (AmigoImage *self);
const char                    *amigo_image_get_sriov_net_support         (AmigoImage *self);
gboolean                       amigo_image_get_ena_support               (AmigoImage *self);
const AmigoStateReason        *amigo_image_get_state_reason              (AmigoImage *self);
const char                    *amigo_image_get_image_owner_alias         (AmigoImage *self);
const char                    *amigo_image_get_name                      (AmigoImage *self);
const char                    *amigo_image_get_description               (AmigoImage *self);
const char                    *amigo_image_get_root_device_type          (AmigoImage *self);
const char                    *amigo_image_get_root_device_name          (AmigoImage *self);
const AmigoBlockDeviceMapping *amigo_image_get_block_device_mappings     (AmigoImage *self,
                                                                          guint      *n_block_device_mappings);
const char                    *amigo_image_get_virtualization_type       (AmigoImage *self);
const AmigoTag                *amigo_image_get_tags                      (AmigoImage *self,
                                                                          guint      *n_tags);
const char                    *amigo_image_get_hypervisor                (AmigoImage *self);
const char                    *amigo_image_get_boot_mode                 (AmigoImage *self);
const char                    *amigo_image_get_tpm_support               (AmigoImage *self);
const char                    *amigo_image_get_deprecation_time          (AmigoImage *self);
gint64                         amigo_image_get_deprecation_time_usec     (AmigoImage *self);
const char                    *amigo_image_get_imds_support              (AmigoImage *self);
const char                    *amigo_image_get_source_instance_id        (AmigoImage *self);
const char                    *amigo_image_get_deregistration_protection (AmigoImage *self);
const char                    *amigo_image_get_last_launched_time        (AmigoImage *self);
gint64                         amigo_image_get_last_launched_time_usec   (AmigoImage *self);
gboolean                       amigo_image_get_image_allowed             (AmigoImage *self);
const char                    *amigo_image_get_source_image_id           (AmigoImage *self);
const char                    *amigo_image_get_source_image_region       (AmigoImage *self);
gboolean                       amigo_image_get_free_tier_eligible        (AmigoImage *self);

G_END_DECLS
