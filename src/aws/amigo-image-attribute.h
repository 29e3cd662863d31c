/* amigo-image-attribute.h — the answer of DescribeImageAttribute: one attribute of an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-block-device-mapping.h"
#include "amigo-launch-permission.h"
#include "amigo-product-code.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_ATTRIBUTE (amigo_image_attribute_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageAttribute, amigo_image_attribute, AMIGO, IMAGE_ATTRIBUTE, GObject)

AmigoImageAttribute           *amigo_image_attribute_new                           (void);
const char                    *amigo_image_attribute_get_image_id                  (AmigoImageAttribute *self);
const AmigoLaunchPermission   *amigo_image_attribute_get_launch_permissions        (AmigoImageAttribute *self,
                                                                                    guint               *n_launch_permissions);
const AmigoProductCode        *amigo_image_attribute_get_product_codes             (AmigoImageAttribute *self,
                                                                                    guint               *n_product_codes);
const AmigoBlockDeviceMapping *amigo_image_attribute_get_block_device_mappings     (AmigoImageAttribute *self,
                                                                                    guint               *n_block_device_mappings);
const char                    *amigo_image_attribute_get_description               (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_kernel_id                 (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_ramdisk_id                (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_sriov_net_support         (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_boot_mode                 (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_tpm_support               (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_uefi_data                 (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_last_launched_time        (AmigoImageAttribute *self);
gint64                         amigo_image_attribute_get_last_launched_time_usec   (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_imds_support              (AmigoImageAttribute *self);
const char                    *amigo_image_attribute_get_deregistration_protection (AmigoImageAttribute *self);

G_END_DECLS
