/* amigo-image.c — an Amazon Machine Image (EC2 `Image`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image.h"
#include "amigo-record-private.h"

struct _AmigoImage
{
  GObject parent_instance;

  char *image_id;
  char *image_location;
  char *state;  /* pooled */
  char *owner_id;  /* pooled */
  char *creation_date;
  AmigoProductCode *product_codes;
  char *architecture;  /* pooled */
  char *image_type;  /* pooled */
  char *kernel_id;  /* pooled */
  char *ramdisk_id;  /* pooled */
  char *platform;  /* pooled */
  char *platform_details;  /* pooled */
  char *usage_operation;  /* pooled */
  char *sriov_net_support;  /* pooled */
  char *image_owner_alias;  /* pooled */
  char *name;
  char *description;
  char *root_device_type;  /* pooled */
  char *root_device_name;  /* pooled */
  AmigoBlockDeviceMapping *block_device_mappings;
  char *virtualization_type;  /* pooled */
  AmigoTag *tags;
  char *hypervisor;  /* pooled */
  char *boot_mode;  /* pooled */
  char *tpm_support;  /* pooled */
  char *deprecation_time;
  char *imds_support;  /* pooled */
  char *source_instance_id;
  char *deregistration_protection;  /* pooled */
  char *last_launched_time;
  char *source_image_id;
  char *source_image_region;  /* pooled */
  AmigoStateReason state_reason;
  gint64 creation_date_usec;
  gint64 deprecation_time_usec;
  gint64 last_launched_time_usec;
  guint n_product_codes;
  guint n_block_device_mappings;
  guint n_tags;
  gboolean has_state_reason;
  gint8 is_public;  /* AmigoTristate */
  gint8 ena_support;  /* AmigoTristate */
  gint8 image_allowed;  /* AmigoTristate */
  gint8 free_tier_eligible;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoImage, amigo_image, G_TYPE_OBJECT)

static const AmigoRecordField image_fields[] = {
  { "imageId", "ImageId", "image-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, image_id), AMIGO_FIELD_NO_AUX, NULL },
  { "imageLocation", "ImageLocation", "image-location", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, image_location), AMIGO_FIELD_NO_AUX, NULL },
  { "imageState", "State", "state", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, state), AMIGO_FIELD_NO_AUX, NULL },
  { "imageOwnerId", "OwnerId", "owner-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "creationDate", "CreationDate", "creation-date", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoImage, creation_date), G_STRUCT_OFFSET (AmigoImage, creation_date_usec), NULL },
  { "isPublic", "Public", "is-public", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoImage, is_public), AMIGO_FIELD_NO_AUX, NULL },
  { "productCodes", "ProductCodes", "product-codes", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoImage, product_codes), G_STRUCT_OFFSET (AmigoImage, n_product_codes), &amigo_product_code_record },
  { "architecture", "Architecture", "architecture", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, architecture), AMIGO_FIELD_NO_AUX, NULL },
  { "imageType", "ImageType", "image-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, image_type), AMIGO_FIELD_NO_AUX, NULL },
  { "kernelId", "KernelId", "kernel-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, kernel_id), AMIGO_FIELD_NO_AUX, NULL },
  { "ramdiskId", "RamdiskId", "ramdisk-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, ramdisk_id), AMIGO_FIELD_NO_AUX, NULL },
  { "platform", "Platform", "platform", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, platform), AMIGO_FIELD_NO_AUX, NULL },
  { "platformDetails", "PlatformDetails", "platform-details", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, platform_details), AMIGO_FIELD_NO_AUX, NULL },
  { "usageOperation", "UsageOperation", "usage-operation", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, usage_operation), AMIGO_FIELD_NO_AUX, NULL },
  { "sriovNetSupport", "SriovNetSupport", "sriov-net-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, sriov_net_support), AMIGO_FIELD_NO_AUX, NULL },
  { "enaSupport", "EnaSupport", "ena-support", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoImage, ena_support), AMIGO_FIELD_NO_AUX, NULL },
  { "stateReason", "StateReason", "state-reason", AMIGO_FIELD_STRUCT,
    G_STRUCT_OFFSET (AmigoImage, state_reason), G_STRUCT_OFFSET (AmigoImage, has_state_reason), &amigo_state_reason_record },
  { "imageOwnerAlias", "ImageOwnerAlias", "image-owner-alias", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, image_owner_alias), AMIGO_FIELD_NO_AUX, NULL },
  { "name", "Name", "name", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, name), AMIGO_FIELD_NO_AUX, NULL },
  { "description", "Description", "description", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, description), AMIGO_FIELD_NO_AUX, NULL },
  { "rootDeviceType", "RootDeviceType", "root-device-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, root_device_type), AMIGO_FIELD_NO_AUX, NULL },
  { "rootDeviceName", "RootDeviceName", "root-device-name", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, root_device_name), AMIGO_FIELD_NO_AUX, NULL },
  { "blockDeviceMapping", "BlockDeviceMappings", "block-device-mappings", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoImage, block_device_mappings), G_STRUCT_OFFSET (AmigoImage, n_block_device_mappings), &amigo_block_device_mapping_record },
  { "virtualizationType", "VirtualizationType", "virtualization-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, virtualization_type), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoImage, tags), G_STRUCT_OFFSET (AmigoImage, n_tags), &amigo_tag_record },
  { "hypervisor", "Hypervisor", "hypervisor", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, hypervisor), AMIGO_FIELD_NO_AUX, NULL },
  { "bootMode", "BootMode", "boot-mode", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, boot_mode), AMIGO_FIELD_NO_AUX, NULL },
  { "tpmSupport", "TpmSupport", "tpm-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, tpm_support), AMIGO_FIELD_NO_AUX, NULL },
  { "deprecationTime", "DeprecationTime", "deprecation-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoImage, deprecation_time), G_STRUCT_OFFSET (AmigoImage, deprecation_time_usec), NULL },
  { "imdsSupport", "ImdsSupport", "imds-support", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, imds_support), AMIGO_FIELD_NO_AUX, NULL },
  { "sourceInstanceId", "SourceInstanceId", "source-instance-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, source_instance_id), AMIGO_FIELD_NO_AUX, NULL },
  { "deregistrationProtection", "DeregistrationProtection", "deregistration-protection", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, deregistration_protection), AMIGO_FIELD_NO_AUX, NULL },
  { "lastLaunchedTime", "LastLaunchedTime", "last-launched-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoImage, last_launched_time), G_STRUCT_OFFSET (AmigoImage, last_launched_time_usec), NULL },
  { "imageAllowed", "ImageAllowed", "image-allowed", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoImage, image_allowed), AMIGO_FIELD_NO_AUX, NULL },
  { "sourceImageId", "SourceImageId", "source-image-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoImage, source_image_id), AMIGO_FIELD_NO_AUX, NULL },
  { "sourceImageRegion", "SourceImageRegion", "source-image-region", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoImage, source_image_region), AMIGO_FIELD_NO_AUX, NULL },
  { "freeTierEligible", "FreeTierEligible", "free-tier-eligible", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoImage, free_tier_eligible), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_image_record =
  AMIGO_RECORD_TYPE ("Image", AmigoImage, image_fields, amigo_image_get_type, NULL);

static void
amigo_image_finalize (GObject *object)
{
  amigo_record_clear (&amigo_image_record, object);

  G_OBJECT_CLASS (amigo_image_parent_class)->finalize (object);
}

static void
amigo_image_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_image_record, object, prop_id, value, pspec);
}

static void
amigo_image_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_image_record, object, prop_id, value, pspec);
}

static void
amigo_image_class_init (AmigoImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_image_finalize;
  object_class->get_property = amigo_image_get_property;
  object_class->set_property = amigo_image_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_image_record);
}

static void
amigo_image_init (AmigoImage *self)
{
  amigo_record_init (&amigo_image_record, self);
}

/**
 * amigo_image_new:
 *
 * Creates an empty AmigoImage; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoImage
 */
AmigoImage *
amigo_image_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImage, amigo_image, AMIGO_IS_IMAGE, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoImage, amigo_image, AMIGO_IS_IMAGE, Item, field)

/**
 * amigo_image_get_image_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the AMI id (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_image_get_image_location:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): where the image came from (`imageLocation`)
 */
GETTER (const char *, image_location, NULL)

/**
 * amigo_image_get_state:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `pending`, `available`, `invalid`, `deregistered`, `transient`, `failed`, `error` or `disabled` (`imageState`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_image_get_owner_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the owner's account id (`imageOwnerId`)
 */
GETTER (const char *, owner_id, NULL)

/**
 * amigo_image_get_creation_date:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): when it was created (`creationDate`)
 */
GETTER (const char *, creation_date, NULL)

/**
 * amigo_image_get_creation_date_usec:
 * @self: an #AmigoImage
 *
 * Returns: when it was created, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, creation_date_usec, 0)

/**
 * amigo_image_get_is_public:
 * @self: an #AmigoImage
 *
 * Returns: whether anyone may launch it (`isPublic`); %FALSE when not given
 */
gboolean
amigo_image_get_is_public (AmigoImage *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE (self), FALSE);

  return self->is_public == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_image_get_product_codes:
 * @self: an #AmigoImage
 * @n_product_codes: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_product_codes) (nullable): its product codes (`productCodes`)
 */
ARRAY_GETTER (AmigoProductCode, product_codes)

/**
 * amigo_image_get_architecture:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `i386`, `x86_64`, `arm64`, `x86_64_mac` or `arm64_mac` (`architecture`)
 */
GETTER (const char *, architecture, NULL)

/**
 * amigo_image_get_image_type:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `machine`, `kernel` or `ramdisk` (`imageType`)
 */
GETTER (const char *, image_type, NULL)

/**
 * amigo_image_get_kernel_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the kernel of a paravirtual image (`kernelId`)
 */
GETTER (const char *, kernel_id, NULL)

/**
 * amigo_image_get_ramdisk_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the RAM disk of a paravirtual image (`ramdiskId`)
 */
GETTER (const char *, ramdisk_id, NULL)

/**
 * amigo_image_get_platform:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `windows` for Windows images (`platform`)
 */
GETTER (const char *, platform, NULL)

/**
 * amigo_image_get_platform_details:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the platform details, e.g. `Linux/UNIX` (`platformDetails`)
 */
GETTER (const char *, platform_details, NULL)

/**
 * amigo_image_get_usage_operation:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the billing operation, e.g. `RunInstances` (`usageOperation`)
 */
GETTER (const char *, usage_operation, NULL)

/**
 * amigo_image_get_sriov_net_support:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `simple` when enhanced networking with the Intel 82599 VF is on (`sriovNetSupport`)
 */
GETTER (const char *, sriov_net_support, NULL)

/**
 * amigo_image_get_ena_support:
 * @self: an #AmigoImage
 *
 * Returns: whether enhanced networking with ENA is on (`enaSupport`); %FALSE when not given
 */
gboolean
amigo_image_get_ena_support (AmigoImage *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE (self), FALSE);

  return self->ena_support == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_image_get_state_reason:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): why the image is in its state (`stateReason`)
 */
const AmigoStateReason *
amigo_image_get_state_reason (AmigoImage *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE (self), NULL);

  return self->has_state_reason ? &self->state_reason : NULL;
}

/**
 * amigo_image_get_image_owner_alias:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the owner's alias (`amazon`, `aws-marketplace`, …) (`imageOwnerAlias`)
 */
GETTER (const char *, image_owner_alias, NULL)

/**
 * amigo_image_get_name:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the name (`name`)
 */
GETTER (const char *, name, NULL)

/**
 * amigo_image_get_description:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the description (`description`)
 */
GETTER (const char *, description, NULL)

/**
 * amigo_image_get_root_device_type:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `ebs` or `instance-store` (`rootDeviceType`)
 */
GETTER (const char *, root_device_type, NULL)

/**
 * amigo_image_get_root_device_name:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the root device, e.g. `/dev/xvda` (`rootDeviceName`)
 */
GETTER (const char *, root_device_name, NULL)

/**
 * amigo_image_get_block_device_mappings:
 * @self: an #AmigoImage
 * @n_block_device_mappings: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_block_device_mappings) (nullable): its block device mappings (`blockDeviceMapping`)
 */
ARRAY_GETTER (AmigoBlockDeviceMapping, block_device_mappings)

/**
 * amigo_image_get_virtualization_type:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `hvm` or `paravirtual` (`virtualizationType`)
 */
GETTER (const char *, virtualization_type, NULL)

/**
 * amigo_image_get_tags:
 * @self: an #AmigoImage
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)

/**
 * amigo_image_get_hypervisor:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `ovm` or `xen` (`hypervisor`)
 */
GETTER (const char *, hypervisor, NULL)

/**
 * amigo_image_get_boot_mode:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `legacy-bios`, `uefi` or `uefi-preferred` (`bootMode`)
 */
GETTER (const char *, boot_mode, NULL)

/**
 * amigo_image_get_tpm_support:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `v2.0` when NitroTPM is on (`tpmSupport`)
 */
GETTER (const char *, tpm_support, NULL)

/**
 * amigo_image_get_deprecation_time:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): when it is deprecated (`deprecationTime`)
 */
GETTER (const char *, deprecation_time, NULL)

/**
 * amigo_image_get_deprecation_time_usec:
 * @self: an #AmigoImage
 *
 * Returns: when it is deprecated, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, deprecation_time_usec, 0)

/**
 * amigo_image_get_imds_support:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `v2.0` when instances must use IMDSv2 (`imdsSupport`)
 */
GETTER (const char *, imds_support, NULL)

/**
 * amigo_image_get_source_instance_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the instance it was created from (`sourceInstanceId`)
 */
GETTER (const char *, source_instance_id, NULL)

/**
 * amigo_image_get_deregistration_protection:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): `disabled`, `enabled` or `enabled-with-cooldown` (`deregistrationProtection`)
 */
GETTER (const char *, deregistration_protection, NULL)

/**
 * amigo_image_get_last_launched_time:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): when it was last used to launch an instance (`lastLaunchedTime`)
 */
GETTER (const char *, last_launched_time, NULL)

/**
 * amigo_image_get_last_launched_time_usec:
 * @self: an #AmigoImage
 *
 * Returns: when it was last used to launch an instance, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, last_launched_time_usec, 0)

/**
 * amigo_image_get_image_allowed:
 * @self: an #AmigoImage
 *
 * Returns: whether Allowed AMIs lets it be used (`imageAllowed`); %FALSE when not given
 */
gboolean
amigo_image_get_image_allowed (AmigoImage *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE (self), FALSE);

  return self->image_allowed == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_image_get_source_image_id:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the image it was copied from (`sourceImageId`)
 */
GETTER (const char *, source_image_id, NULL)

/**
 * amigo_image_get_source_image_region:
 * @self: an #AmigoImage
 *
 * Returns: (transfer none) (nullable): the region it was copied from (`sourceImageRegion`)
 */
GETTER (const char *, source_image_region, NULL)

/**
 * amigo_image_get_free_tier_eligible:
 * @self: an #AmigoImage
 *
 * Returns: whether it is eligible for the free tier (`freeTierEligible`); %FALSE when not given
 */
gboolean
amigo_image_get_free_tier_eligible (AmigoImage *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE (self), FALSE);

  return self->free_tier_eligible == AMIGO_TRISTATE_TRUE;
}
