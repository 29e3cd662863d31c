/* amigo-instance-type.h — what an instance type offers (EC2 `InstanceTypeInfo`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-image.h"
#include "amigo-model.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_INSTANCE_TYPE (amigo_instance_type_get_type ())

G_DECLARE_FINAL_TYPE (AmigoInstanceType, amigo_instance_type, AMIGO, INSTANCE_TYPE, GObject)

AmigoInstanceType  *amigo_instance_type_new                                 (void);
const char         *amigo_instance_type_get_instance_type                   (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_current_generation              (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_free_tier_eligible              (AmigoInstanceType *self);
const char * const *amigo_instance_type_get_supported_usage_classes         (AmigoInstanceType *self);
const char * const *amigo_instance_type_get_supported_root_device_types     (AmigoInstanceType *self);
const char * const *amigo_instance_type_get_supported_virtualization_types  (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_bare_metal                      (AmigoInstanceType *self);
const char         *amigo_instance_type_get_hypervisor                      (AmigoInstanceType *self);
const char * const *amigo_instance_type_get_supported_architectures         (AmigoInstanceType *self);
const char         *amigo_instance_type_get_processor_manufacturer          (AmigoInstanceType *self);
gint                amigo_instance_type_get_default_v_cpus                  (AmigoInstanceType *self);
gint                amigo_instance_type_get_default_cores                   (AmigoInstanceType *self);
gint                amigo_instance_type_get_default_threads_per_core        (AmigoInstanceType *self);
gint64              amigo_instance_type_get_memory_size_in_mib              (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_instance_storage_supported      (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_hibernation_supported           (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_burstable_performance_supported (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_dedicated_hosts_supported       (AmigoInstanceType *self);
gboolean            amigo_instance_type_get_auto_recovery_supported         (AmigoInstanceType *self);
const char * const *amigo_instance_type_get_supported_boot_modes            (AmigoInstanceType *self);
const char         *amigo_instance_type_get_nitro_enclaves_support          (AmigoInstanceType *self);
const char         *amigo_instance_type_get_nitro_tpm_support               (AmigoInstanceType *self);
const char         *amigo_instance_type_get_ena_support                     (AmigoInstanceType *self);

gboolean            amigo_instance_type_can_run_image                       (AmigoInstanceType *instance_type,
                                                                             AmigoImage        *image);

G_END_DECLS
