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
  { "supportedArchitectures", "SupportedArchitectures", "supported-architectures", AMIGO_FIELD_STRV,
    G_STRUCT_OFFSET (AmigoInstanceType, supported_architectures), AMIGO_FIELD_NO_AUX, NULL },
  { "manufacturer", "Manufacturer", "processor-manufacturer", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceType, processor_manufacturer), AMIGO_FIELD_NO_AUX, NULL },
};

static AmigoRecordType instance_type_processor_info_type =
  { "ProcessorInfo", 0, instance_type_processor_info_fields, G_N_ELEMENTS (instance_type_processor_info_fields), NULL, NULL, NULL, NULL };

static const AmigoRecordField instance_type_v_cpu_info_fields[] = {
  { "defaultVCpus", "DefaultVCpus", "default-v-cpus", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoInstanceType, default_v_cpus), AMIGO_FIELD_NO_AUX, NULL },
  { "defaultCores", "DefaultCores", "default-cores", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoInstanceType, default_cores), AMIGO_FIELD_NO_AUX, NULL },
  { "defaultThreadsPerCore", "DefaultThreadsPerCore", "default-threads-per-core", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoInstanceType, default_threads_per_core), AMIGO_FIELD_NO_AUX, NULL },
};

static AmigoRecordType instance_type_v_cpu_info_type =
  { "VCpuInfo", 0, instance_type_v_cpu_info_fields, G_N_ELEMENTS (instance_type_v_cpu_info_fields), NULL, NULL, NULL, NULL };

static const AmigoRecordField instance_type_memory_info_fields[] = {
  { "sizeInMiB", "SizeInMiB", "memory-size-in-mib", AMIGO_FIELD_INT64,
    G_STRUCT_OFFSET (AmigoInstanceType, memory_size_in_mib), AMIGO_FIELD_NO_AUX, NULL },
};

static AmigoRecordType instance_type_memory_info_type =
  { "MemoryInfo", 0, instance_type_memory_info_fields, G_N_ELEMENTS (instance_type_memory_info_fields), NULL, NULL, NULL, NULL };

static const AmigoRecordField instance_type_network_info_fields[] = {
  { "enaSupport", "EnaSupport", "ena-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceType, ena_support), AMIGO_FIELD_NO_AUX, NULL },
};

static AmigoRecordType instance_type_network_info_type =
  { "NetworkInfo", 0, instance_type_network_info_fields, G_N_ELEMENTS (instance_type_network_info_fields), NULL, NULL, NULL, NULL };

static const AmigoRecordField instance_type_fields[] = {
  { "instanceType", "InstanceType", "instance-type", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoInstanceType, instance_type), AMIGO_FIELD_NO_AUX, NULL },
  { "currentGeneration", "CurrentGeneration", "current-generation", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, current_generation), AMIGO_FIELD_NO_AUX, NULL },
  { "freeTierEligible", "FreeTierEligible", "free-tier-eligible", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, free_tier_eligible), AMIGO_FIELD_NO_AUX, NULL },
  { "supportedUsageClasses", "SupportedUsageClasses", "supported-usage-classes", AMIGO_FIELD_STRV,
    G_STRUCT_OFFSET (AmigoInstanceType, supported_usage_classes), AMIGO_FIELD_NO_AUX, NULL },
  { "supportedRootDeviceTypes", "SupportedRootDeviceTypes", "supported-root-device-types", AMIGO_FIELD_STRV,
    G_STRUCT_OFFSET (AmigoInstanceType, supported_root_device_types), AMIGO_FIELD_NO_AUX, NULL },
  { "supportedVirtualizationTypes", "SupportedVirtualizationTypes", "supported-virtualization-types", AMIGO_FIELD_STRV,
    G_STRUCT_OFFSET (AmigoInstanceType, supported_virtualization_types), AMIGO_FIELD_NO_AUX, NULL },
  { "bareMetal", "BareMetal", "bare-metal", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, bare_metal), AMIGO_FIELD_NO_AUX, NULL },
  { "hypervisor", "Hypervisor", "hypervisor", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceType, hypervisor), AMIGO_FIELD_NO_AUX, NULL },
  { "processorInfo", "ProcessorInfo", NULL, AMIGO_FIELD_STRUCT,
    0, AMIGO_FIELD_NO_AUX, &instance_type_processor_info_type },
  { "vCpuInfo", "VCpuInfo", NULL, AMIGO_FIELD_STRUCT,
    0, AMIGO_FIELD_NO_AUX, &instance_type_v_cpu_info_type },
  { "memoryInfo", "MemoryInfo", NULL, AMIGO_FIELD_STRUCT,
    0, AMIGO_FIELD_NO_AUX, &instance_type_memory_info_type },
  { "networkInfo", "NetworkInfo", NULL, AMIGO_FIELD_STRUCT,
    0, AMIGO_FIELD_NO_AUX, &instance_type_network_info_type },
  { "instanceStorageSupported", "InstanceStorageSupported", "instance-storage-supported", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, instance_storage_supported), AMIGO_FIELD_NO_AUX, NULL },
  { "hibernationSupported", "HibernationSupported", "hibernation-supported", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, hibernation_supported), AMIGO_FIELD_NO_AUX, NULL },
  { "burstablePerformanceSupported", "BurstablePerformanceSupported", "burstable-performance-supported", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, burstable_performance_supported), AMIGO_FIELD_NO_AUX, NULL },
  { "dedicatedHostsSupported", "DedicatedHostsSupported", "dedicated-hosts-supported", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, dedicated_hosts_supported), AMIGO_FIELD_NO_AUX, NULL },
  { "autoRecoverySupported", "AutoRecoverySupported", "auto-recovery-supported", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoInstanceType, auto_recovery_supported), AMIGO_FIELD_NO_AUX, NULL },
  { "supportedBootModes", "SupportedBootModes", "supported-boot-modes", AMIGO_FIELD_STRV,
    G_STRUCT_OFFSET (AmigoInstanceType, supported_boot_modes), AMIGO_FIELD_NO_AUX, NULL },
  { "nitroEnclavesSupport", "NitroEnclavesSupport", "nitro-enclaves-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceType, nitro_enclaves_support), AMIGO_FIELD_NO_AUX, NULL },
  { "nitroTpmSupport", "NitroTpmSupport", "nitro-tpm-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceType, nitro_tpm_support), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_instance_type_record =
  AMIGO_RECORD_TYPE ("InstanceTypeInfo", AmigoInstanceType, instance_type_fields, amigo_instance_type_get_type, NULL);

static void
amigo_instance_type_finalize (GObject *object)
{
  amigo_record_clear (&amigo_instance_type_record, object);

  G_OBJECT_CLASS (amigo_instance_type_parent_class)->finalize (object);
}

static void
amigo_instance_type_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_instance_type_record, object, prop_id, value, pspec);
}

static void
amigo_instance_type_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_instance_type_record, object, prop_id, value, pspec);
}

static void
amigo_instance_type_class_init (AmigoInstanceTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_instance_type_finalize;
  object_class->get_property = amigo_instance_type_get_property;
  object_class->set_property = amigo_instance_type_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_instance_type_record);
}

static void
amigo_instance_type_init (AmigoInstanceType *self)
{
  amigo_record_init (&amigo_instance_type_record, self);
}

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
gboolean
amigo_instance_type_get_current_generation (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->current_generation == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_free_tier_eligible:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is eligible for the free tier (`freeTierEligible`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_free_tier_eligible (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->free_tier_eligible == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_supported_usage_classes:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `on-demand`, `spot`, `capacity-block` (`supportedUsageClasses`)
 */
const char * const *
amigo_instance_type_get_supported_usage_classes (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) self->supported_usage_classes;
}

/**
 * amigo_instance_type_get_supported_root_device_types:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `ebs`, `instance-store` (`supportedRootDeviceTypes`)
 */
const char * const *
amigo_instance_type_get_supported_root_device_types (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) self->supported_root_device_types;
}

/**
 * amigo_instance_type_get_supported_virtualization_types:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `hvm`, `paravirtual` (`supportedVirtualizationTypes`)
 */
const char * const *
amigo_instance_type_get_supported_virtualization_types (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) self->supported_virtualization_types;
}

/**
 * amigo_instance_type_get_bare_metal:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is bare metal (`bareMetal`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_bare_metal (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->bare_metal == AMIGO_TRISTATE_TRUE;
}

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
const char * const *
amigo_instance_type_get_supported_architectures (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) self->supported_architectures;
}

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
gboolean
amigo_instance_type_get_instance_storage_supported (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->instance_storage_supported == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_hibernation_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it can hibernate (`hibernationSupported`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_hibernation_supported (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->hibernation_supported == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_burstable_performance_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it is burstable (`burstablePerformanceSupported`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_burstable_performance_supported (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->burstable_performance_supported == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_dedicated_hosts_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it runs on Dedicated Hosts (`dedicatedHostsSupported`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_dedicated_hosts_supported (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->dedicated_hosts_supported == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_auto_recovery_supported:
 * @self: an #AmigoInstanceType
 *
 * Returns: whether it supports auto recovery (`autoRecoverySupported`); %FALSE when not given
 */
gboolean
amigo_instance_type_get_auto_recovery_supported (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), FALSE);

  return self->auto_recovery_supported == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_instance_type_get_supported_boot_modes:
 * @self: an #AmigoInstanceType
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): `legacy-bios`, `uefi` (`supportedBootModes`)
 */
const char * const *
amigo_instance_type_get_supported_boot_modes (AmigoInstanceType *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) self->supported_boot_modes;
}

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
