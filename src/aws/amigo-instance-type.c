/* amigo-instance-type.c — what an instance type offers (EC2 `InstanceTypeInfo`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-instance-type.h"
#include "amigo-record-private.h"

struct _AmigoInstanceType
{
  GObject parent_instance;

  char *instance_type;
  char **supported_usage_classes;
  char **supported_root_device_types;
  char **supported_virtualization_types;
  char *hypervisor;  /* pooled */
  char **supported_architectures;
  char *processor_manufacturer;  /* pooled */
  char **supported_boot_modes;
  char *nitro_enclaves_support;  /* pooled */
  char *nitro_tpm_support;  /* pooled */
  char *ena_support;  /* pooled */
  gint64 memory_size_in_mib;
  gint32 default_v_cpus;
  gint32 default_cores;
  gint32 default_threads_per_core;
  gint8 current_generation;  /* AmigoTristate */
  gint8 free_tier_eligible;  /* AmigoTristate */
  gint8 bare_metal;  /* AmigoTristate */
  gint8 instance_storage_supported;  /* AmigoTristate */
  gint8 hibernation_supported;  /* AmigoTristate */
  gint8 burstable_performance_supported;  /* AmigoTristate */
  gint8 dedicated_hosts_supported;  /* AmigoTristate */
  gint8 auto_recovery_supported;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoInstanceType, amigo_instance_type, G_TYPE_OBJECT)

static const AmigoRecordField instance_type_processor_info_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceType, "supportedArchitectures", "SupportedArchitectures", "supported-architectures", STRV, supported_architectures),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "manufacturer", "Manufacturer", "processor-manufacturer", POOLED, processor_manufacturer),
};

static AmigoRecordType instance_type_processor_info_type =
  AMIGO_RECORD_NESTED_TYPE ("ProcessorInfo", instance_type_processor_info_fields);

static const AmigoRecordField instance_type_v_cpu_info_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceType, "defaultVCpus", "DefaultVCpus", "default-v-cpus", INT, default_v_cpus),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "defaultCores", "DefaultCores", "default-cores", INT, default_cores),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "defaultThreadsPerCore", "DefaultThreadsPerCore", "default-threads-per-core", INT, default_threads_per_core),
};

static AmigoRecordType instance_type_v_cpu_info_type =
  AMIGO_RECORD_NESTED_TYPE ("VCpuInfo", instance_type_v_cpu_info_fields);

static const AmigoRecordField instance_type_memory_info_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceType, "sizeInMiB", "SizeInMiB", "memory-size-in-mib", INT64, memory_size_in_mib),
};

static AmigoRecordType instance_type_memory_info_type =
  AMIGO_RECORD_NESTED_TYPE ("MemoryInfo", instance_type_memory_info_fields);

static const AmigoRecordField instance_type_network_info_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceType, "enaSupport", "EnaSupport", "ena-support", POOLED, ena_support),
};

static AmigoRecordType instance_type_network_info_type =
  AMIGO_RECORD_NESTED_TYPE ("NetworkInfo", instance_type_network_info_fields);

static const AmigoRecordField instance_type_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceType, "instanceType", "InstanceType", "instance-type", STRING, instance_type),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "currentGeneration", "CurrentGeneration", "current-generation", BOOLEAN, current_generation),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "freeTierEligible", "FreeTierEligible", "free-tier-eligible", BOOLEAN, free_tier_eligible),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "supportedUsageClasses", "SupportedUsageClasses", "supported-usage-classes", STRV, supported_usage_classes),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "supportedRootDeviceTypes", "SupportedRootDeviceTypes", "supported-root-device-types", STRV, supported_root_device_types),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "supportedVirtualizationTypes", "SupportedVirtualizationTypes", "supported-virtualization-types", STRV, supported_virtualization_types),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "bareMetal", "BareMetal", "bare-metal", BOOLEAN, bare_metal),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "hypervisor", "Hypervisor", "hypervisor", POOLED, hypervisor),
  AMIGO_RECORD_FLATTEN ("processorInfo", "ProcessorInfo", instance_type_processor_info_type),
  AMIGO_RECORD_FLATTEN ("vCpuInfo", "VCpuInfo", instance_type_v_cpu_info_type),
  AMIGO_RECORD_FLATTEN ("memoryInfo", "MemoryInfo", instance_type_memory_info_type),
  AMIGO_RECORD_FLATTEN ("networkInfo", "NetworkInfo", instance_type_network_info_type),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "instanceStorageSupported", "InstanceStorageSupported", "instance-storage-supported", BOOLEAN, instance_storage_supported),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "hibernationSupported", "HibernationSupported", "hibernation-supported", BOOLEAN, hibernation_supported),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "burstablePerformanceSupported", "BurstablePerformanceSupported", "burstable-performance-supported", BOOLEAN, burstable_performance_supported),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "dedicatedHostsSupported", "DedicatedHostsSupported", "dedicated-hosts-supported", BOOLEAN, dedicated_hosts_supported),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "autoRecoverySupported", "AutoRecoverySupported", "auto-recovery-supported", BOOLEAN, auto_recovery_supported),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "supportedBootModes", "SupportedBootModes", "supported-boot-modes", STRV, supported_boot_modes),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "nitroEnclavesSupport", "NitroEnclavesSupport", "nitro-enclaves-support", POOLED, nitro_enclaves_support),
  AMIGO_RECORD_FIELD (AmigoInstanceType, "nitroTpmSupport", "NitroTpmSupport", "nitro-tpm-support", POOLED, nitro_tpm_support),
};

AmigoRecordType amigo_instance_type_record =
  AMIGO_RECORD_TYPE ("InstanceTypeInfo", AmigoInstanceType, instance_type_fields, amigo_instance_type_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoInstanceType, amigo_instance_type, amigo_instance_type_record)

/**
 * amigo_instance_type_new:
 *
 * Creates an empty AmigoInstanceType; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoInstanceType
 */
AmigoInstanceType *
amigo_instance_type_new (void)
{
  return g_object_new (AMIGO_TYPE_INSTANCE_TYPE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoInstanceType, amigo_instance_type, AMIGO_IS_INSTANCE_TYPE, Ret, field, fallback)
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoInstanceType, amigo_instance_type, AMIGO_IS_INSTANCE_TYPE, field)
#define STRV_GETTER(field) \
  AMIGO_RECORD_STRV_GETTER (AmigoInstanceType, amigo_instance_type, AMIGO_IS_INSTANCE_TYPE, field)

/**
 * amigo_instance_type_get_instance_type:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): the name, e.g. `t3.micro` (`instanceType`)
 */
GETTER (const char *, instance_type, NULL)

/**
 * amigo_instance_type_get_current_generation:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is of the current generation (`currentGeneration`); %FALSE when not given
 */
TRISTATE_GETTER (current_generation)

/**
 * amigo_instance_type_get_free_tier_eligible:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is eligible for the free tier (`freeTierEligible`); %FALSE when not given
 */
TRISTATE_GETTER (free_tier_eligible)

/**
 * amigo_instance_type_get_supported_usage_classes:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `on-demand`, `spot`, `capacity-block` (`supportedUsageClasses`)
 */
STRV_GETTER (supported_usage_classes)

/**
 * amigo_instance_type_get_supported_root_device_types:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `ebs`, `instance-store` (`supportedRootDeviceTypes`)
 */
STRV_GETTER (supported_root_device_types)

/**
 * amigo_instance_type_get_supported_virtualization_types:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `hvm`, `paravirtual` (`supportedVirtualizationTypes`)
 */
STRV_GETTER (supported_virtualization_types)

/**
 * amigo_instance_type_get_bare_metal:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is bare metal (`bareMetal`); %FALSE when not given
 */
TRISTATE_GETTER (bare_metal)

/**
 * amigo_instance_type_get_hypervisor:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): `nitro` or `xen` (`hypervisor`)
 */
GETTER (const char *, hypervisor, NULL)

/**
 * amigo_instance_type_get_supported_architectures:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `i386`, `x86_64`, `arm64`, … (`supportedArchitectures`)
 */
STRV_GETTER (supported_architectures)

/**
 * amigo_instance_type_get_processor_manufacturer:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): the processor maker (`manufacturer`)
 */
GETTER (const char *, processor_manufacturer, NULL)

/**
 * amigo_instance_type_get_default_v_cpus:
 * @self: an #AmigoInstanceType
 *
 * Returns: the number of vCPUs, -1 if not given (`defaultVCpus`)
 */
GETTER (gint, default_v_cpus, -1)

/**
 * amigo_instance_type_get_default_cores:
 * @self: an #AmigoInstanceType
 *
 * Returns: the number of cores, -1 if not given (`defaultCores`)
 */
GETTER (gint, default_cores, -1)

/**
 * amigo_instance_type_get_default_threads_per_core:
 * @self: an #AmigoInstanceType
 *
 * Returns: the threads per core, -1 if not given (`defaultThreadsPerCore`)
 */
GETTER (gint, default_threads_per_core, -1)

/**
 * amigo_instance_type_get_memory_size_in_mib:
 * @self: an #AmigoInstanceType
 *
 * Returns: the memory in MiB, -1 if not given (`sizeInMiB`)
 */
GETTER (gint64, memory_size_in_mib, -1)

/**
 * amigo_instance_type_get_instance_storage_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it has instance store volumes (`instanceStorageSupported`); %FALSE when not given
 */
TRISTATE_GETTER (instance_storage_supported)

/**
 * amigo_instance_type_get_hibernation_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it can hibernate (`hibernationSupported`); %FALSE when not given
 */
TRISTATE_GETTER (hibernation_supported)

/**
 * amigo_instance_type_get_burstable_performance_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is burstable (`burstablePerformanceSupported`); %FALSE when not given
 */
TRISTATE_GETTER (burstable_performance_supported)

/**
 * amigo_instance_type_get_dedicated_hosts_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it runs on Dedicated Hosts (`dedicatedHostsSupported`); %FALSE when not given
 */
TRISTATE_GETTER (dedicated_hosts_supported)

/**
 * amigo_instance_type_get_auto_recovery_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it supports auto recovery (`autoRecoverySupported`); %FALSE when not given
 */
TRISTATE_GETTER (auto_recovery_supported)

/**
 * amigo_instance_type_get_supported_boot_modes:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `legacy-bios`, `uefi` (`supportedBootModes`)
 */
STRV_GETTER (supported_boot_modes)

/**
 * amigo_instance_type_get_nitro_enclaves_support:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): `supported` or `unsupported` (`nitroEnclavesSupport`)
 */
GETTER (const char *, nitro_enclaves_support, NULL)

/**
 * amigo_instance_type_get_nitro_tpm_support:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): `supported` or `unsupported` (`nitroTpmSupport`)
 */
GETTER (const char *, nitro_tpm_support, NULL)

/**
 * amigo_instance_type_get_ena_support:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable): `unsupported`, `supported` or
 *   `required` (`networkInfo.enaSupport`)
 */
GETTER (const char *, ena_support, NULL)

/* ---- Which instance types can run an image ------------------------- */

/* Whether @list holds @value; an empty list (AWS said nothing) holds anything. */
static gboolean
list_allows (const char * const *list,
             const char         *value)
{
  if (list == NULL || list[0] == NULL || value == NULL)
    return TRUE;
  return g_strv_contains (list, value);
}

/* The boot mode an image boots in when it names none: the EC2 User Guide,
 * "Boot modes": "For AMIs with no boot mode parameter, the instances
 * launched from these AMIs use the default boot mode value of the instance
 * type" — "Graviton instance types: UEFI", "Intel and AMD instance types:
 * Legacy BIOS". */
static const char *
default_boot_mode (const char *architecture)
{
  if (g_strcmp0 (architecture, "arm64") == 0 || g_strcmp0 (architecture, "arm64_mac") == 0)
    return "uefi";
  if (g_strcmp0 (architecture, "x86_64") == 0 || g_strcmp0 (architecture, "i386") == 0 ||
      g_strcmp0 (architecture, "x86_64_mac") == 0)
    return "legacy-bios";
  return NULL;
}

static gboolean
boot_mode_fits (AmigoInstanceType *instance_type,
                AmigoImage        *image)
{
  const char * const *modes = amigo_instance_type_get_supported_boot_modes (instance_type);
  const char *boot_mode = amigo_image_get_boot_mode (image);

  if (modes == NULL || modes[0] == NULL)
    return TRUE;
  /* "When the boot mode parameter is set to uefi-preferred, and if the
   * instance type supports UEFI, the instance is launched on UEFI. If the
   * instance type does not support UEFI, the instance is launched on
   * Legacy BIOS." */
  if (g_strcmp0 (boot_mode, "uefi-preferred") == 0)
    return g_strv_contains (modes, "uefi") || g_strv_contains (modes, "legacy-bios");
  if (boot_mode == NULL || *boot_mode == '\0')
    boot_mode = default_boot_mode (amigo_image_get_architecture (image));
  return list_allows (modes, boot_mode);
}

/**
 * amigo_instance_type_can_run_image:
 * @instance_type: an instance type of the image's region
 * @image: an image
 *
 * Whether an instance of @instance_type can boot @image, as far as their
 * descriptions tell: the image's architecture is one the processor
 * supports; its virtualization type (`hvm`, `paravirtual`) and root device
 * (`ebs`, `instance-store`, which also needs instance storage) are
 * supported; a type whose `networkInfo.enaSupport` is `required` needs an
 * image with `enaSupport`; the image's boot mode is one the type supports
 * (`uefi-preferred` boots either way; an image without one boots the
 * architecture's default: legacy BIOS on x86, UEFI on arm64); a NitroTPM
 * image (`tpmSupport` `v2.0`) needs a type with `nitroTpmSupport`. What
 * either description leaves out (or an unknown root device type) does not
 * rule the pair out.
 *
 * Returns: %TRUE if the type can run the image
 */
gboolean
amigo_instance_type_can_run_image (AmigoInstanceType *instance_type,
                                   AmigoImage        *image)
{
  const char *root_device_type;
  const char *tpm_support;

  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (instance_type), FALSE);
  g_return_val_if_fail (AMIGO_IS_IMAGE (image), FALSE);

  if (!list_allows (amigo_instance_type_get_supported_architectures (instance_type),
                    amigo_image_get_architecture (image)))
    return FALSE;

  if (!list_allows (amigo_instance_type_get_supported_virtualization_types (instance_type),
                    amigo_image_get_virtualization_type (image)))
    return FALSE;

  /* Only the two documented root device types are checked (moto, for one,
   * writes the volume type there for the images it creates). */
  root_device_type = amigo_image_get_root_device_type (image);
  if ((g_strcmp0 (root_device_type, "ebs") == 0 ||
       g_strcmp0 (root_device_type, "instance-store") == 0) &&
      !list_allows (amigo_instance_type_get_supported_root_device_types (instance_type),
                    root_device_type))
    return FALSE;
  if (g_strcmp0 (root_device_type, "instance-store") == 0 &&
      amigo_model_has_value (instance_type, "instance-storage-supported") &&
      !amigo_instance_type_get_instance_storage_supported (instance_type))
    return FALSE;

  /* EnaSupport, in the API reference's NetworkInfo: "Indicates whether
   * Elastic Network Adapter (ENA) is supported"; `required` types launch
   * only from an image with enaSupport. */
  if (g_strcmp0 (amigo_instance_type_get_ena_support (instance_type), "required") == 0 &&
      !amigo_image_get_ena_support (image))
    return FALSE;

  if (!boot_mode_fits (instance_type, image))
    return FALSE;

  tpm_support = amigo_image_get_tpm_support (image);
  if (tpm_support != NULL && *tpm_support != '\0' &&
      amigo_instance_type_get_nitro_tpm_support (instance_type) != NULL &&
      g_strcmp0 (amigo_instance_type_get_nitro_tpm_support (instance_type), "supported") != 0)
    return FALSE;

  return TRUE;
}
