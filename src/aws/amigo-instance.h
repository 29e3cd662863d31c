/* amigo-instance.h — an EC2 instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-group-identifier.h"
#include "amigo-instance-block-device-mapping.h"
#include "amigo-product-code.h"
#include "amigo-state-reason.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_INSTANCE (amigo_instance_get_type ())

G_DECLARE_FINAL_TYPE (AmigoInstance, amigo_instance, AMIGO, INSTANCE, GObject)

AmigoInstance                         *amigo_instance_new                            (void);
const char                            *amigo_instance_get_instance_id                (AmigoInstance *self);
const char                            *amigo_instance_get_image_id                   (AmigoInstance *self);
gint                                   amigo_instance_get_state_code                 (AmigoInstance *self);
const char                            *amigo_instance_get_state                      (AmigoInstance *self);
const char                            *amigo_instance_get_private_dns_name           (AmigoInstance *self);
const char                            *amigo_instance_get_public_dns_name            (AmigoInstance *self);
const char                            *amigo_instance_get_state_transition_reason    (AmigoInstance *self);
const char                            *amigo_instance_get_key_name                   (AmigoInstance *self);
gint                                   amigo_instance_get_ami_launch_index           (AmigoInstance *self);
const AmigoProductCode                *amigo_instance_get_product_codes              (AmigoInstance *self,
                                                                                      guint         *n_product_codes);
const char                            *amigo_instance_get_instance_type              (AmigoInstance *self);
const char                            *amigo_instance_get_launch_time                (AmigoInstance *self);
gint64                                 amigo_instance_get_launch_time_usec           (AmigoInstance *self);
const char                            *amigo_instance_get_availability_zone          (AmigoInstance *self);
const char                            *amigo_instance_get_placement_group_name       (AmigoInstance *self);
const char                            *amigo_instance_get_tenancy                    (AmigoInstance *self);
const char                            *amigo_instance_get_kernel_id                  (AmigoInstance *self);
const char                            *amigo_instance_get_ramdisk_id                 (AmigoInstance *self);
const char                            *amigo_instance_get_platform                   (AmigoInstance *self);
const char                            *amigo_instance_get_monitoring_state           (AmigoInstance *self);
const char                            *amigo_instance_get_subnet_id                  (AmigoInstance *self);
const char                            *amigo_instance_get_vpc_id                     (AmigoInstance *self);
const char                            *amigo_instance_get_private_ip_address         (AmigoInstance *self);
const char                            *amigo_instance_get_public_ip_address          (AmigoInstance *self);
const AmigoStateReason                *amigo_instance_get_state_reason               (AmigoInstance *self);
const char                            *amigo_instance_get_architecture               (AmigoInstance *self);
const char                            *amigo_instance_get_root_device_type           (AmigoInstance *self);
const char                            *amigo_instance_get_root_device_name           (AmigoInstance *self);
const AmigoInstanceBlockDeviceMapping *amigo_instance_get_block_device_mappings      (AmigoInstance *self,
                                                                                      guint         *n_block_device_mappings);
const char                            *amigo_instance_get_virtualization_type        (AmigoInstance *self);
const char                            *amigo_instance_get_client_token               (AmigoInstance *self);
const AmigoTag                        *amigo_instance_get_tags                       (AmigoInstance *self,
                                                                                      guint         *n_tags);
const AmigoGroupIdentifier            *amigo_instance_get_security_groups            (AmigoInstance *self,
                                                                                      guint         *n_security_groups);
gboolean                               amigo_instance_get_source_dest_check          (AmigoInstance *self);
const char                            *amigo_instance_get_hypervisor                 (AmigoInstance *self);
gboolean                               amigo_instance_get_ebs_optimized              (AmigoInstance *self);
gboolean                               amigo_instance_get_ena_support                (AmigoInstance *self);
const char                            *amigo_instance_get_iam_instance_profile_arn   (AmigoInstance *self);
const char                            *amigo_instance_get_iam_instance_profile_id    (AmigoInstance *self);
const char                            *amigo_instance_get_instance_lifecycle         (AmigoInstance *self);
const char                            *amigo_instance_get_spot_instance_request_id   (AmigoInstance *self);
const char                            *amigo_instance_get_boot_mode                  (AmigoInstance *self);
const char                            *amigo_instance_get_current_instance_boot_mode (AmigoInstance *self);
const char                            *amigo_instance_get_platform_details           (AmigoInstance *self);
const char                            *amigo_instance_get_usage_operation            (AmigoInstance *self);
const char                            *amigo_instance_get_tpm_support                (AmigoInstance *self);
const char                            *amigo_instance_get_ipv6_address               (AmigoInstance *self);

G_END_DECLS
