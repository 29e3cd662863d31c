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
  AMIGO_RECORD_FIELD (AmigoImage, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (AmigoImage, "imageLocation", "ImageLocation", "image-location", STRING, image_location),
  AMIGO_RECORD_FIELD (AmigoImage, "imageState", "State", "state", POOLED, state),
  AMIGO_RECORD_FIELD (AmigoImage, "imageOwnerId", "OwnerId", "owner-id", POOLED, owner_id),
  AMIGO_RECORD_DATE (AmigoImage, "creationDate", "CreationDate", "creation-date", creation_date),
  AMIGO_RECORD_FIELD (AmigoImage, "isPublic", "Public", "is-public", BOOLEAN, is_public),
  AMIGO_RECORD_LIST (AmigoImage, "productCodes", "ProductCodes", "product-codes", product_codes, amigo_product_code_record),
  AMIGO_RECORD_FIELD (AmigoImage, "architecture", "Architecture", "architecture", POOLED, architecture),
  AMIGO_RECORD_FIELD (AmigoImage, "imageType", "ImageType", "image-type", POOLED, image_type),
  AMIGO_RECORD_FIELD (AmigoImage, "kernelId", "KernelId", "kernel-id", POOLED, kernel_id),
  AMIGO_RECORD_FIELD (AmigoImage, "ramdiskId", "RamdiskId", "ramdisk-id", POOLED, ramdisk_id),
  AMIGO_RECORD_FIELD (AmigoImage, "platform", "Platform", "platform", POOLED, platform),
  AMIGO_RECORD_FIELD (AmigoImage, "platformDetails", "PlatformDetails", "platform-details", POOLED, platform_details),
  AMIGO_RECORD_FIELD (AmigoImage, "usageOperation", "UsageOperation", "usage-operation", POOLED, usage_operation),
  AMIGO_RECORD_FIELD (AmigoImage, "sriovNetSupport", "SriovNetSupport", "sriov-net-support", POOLED, sriov_net_support),
  AMIGO_RECORD_FIELD (AmigoImage, "enaSupport", "EnaSupport", "ena-support", BOOLEAN, ena_support),
  AMIGO_RECORD_STRUCT (AmigoImage, "stateReason", "StateReason", "state-reason", state_reason, amigo_state_reason_record),
  AMIGO_RECORD_FIELD (AmigoImage, "imageOwnerAlias", "ImageOwnerAlias", "image-owner-alias", POOLED, image_owner_alias),
  AMIGO_RECORD_FIELD (AmigoImage, "name", "Name", "name", STRING, name),
  AMIGO_RECORD_FIELD (AmigoImage, "description", "Description", "description", STRING, description),
  AMIGO_RECORD_FIELD (AmigoImage, "rootDeviceType", "RootDeviceType", "root-device-type", POOLED, root_device_type),
  AMIGO_RECORD_FIELD (AmigoImage, "rootDeviceName", "RootDeviceName", "root-device-name", POOLED, root_device_name),
  AMIGO_RECORD_LIST (AmigoImage, "blockDeviceMapping", "BlockDeviceMappings", "block-device-mappings", block_device_mappings, amigo_block_device_mapping_record),
  AMIGO_RECORD_FIELD (AmigoImage, "virtualizationType", "VirtualizationType", "virtualization-type", POOLED, virtualization_type),
  AMIGO_RECORD_LIST (AmigoImage, "tagSet", "Tags", "tags", tags, amigo_tag_record),
  AMIGO_RECORD_FIELD (AmigoImage, "hypervisor", "Hypervisor", "hypervisor", POOLED, hypervisor),
  AMIGO_RECORD_FIELD (AmigoImage, "bootMode", "BootMode", "boot-mode", POOLED, boot_mode),
  AMIGO_RECORD_FIELD (AmigoImage, "tpmSupport", "TpmSupport", "tpm-support", POOLED, tpm_support),
  AMIGO_RECORD_DATE (AmigoImage, "deprecationTime", "DeprecationTime", "deprecation-time", deprecation_time),
  AMIGO_RECORD_FIELD (AmigoImage, "imdsSupport", "ImdsSupport", "imds-support", POOLED, imds_support),
  AMIGO_RECORD_FIELD (AmigoImage, "sourceInstanceId", "SourceInstanceId", "source-instance-id", STRING, source_instance_id),
  AMIGO_RECORD_FIELD (AmigoImage, "deregistrationProtection", "DeregistrationProtection", "deregistration-protection", POOLED, deregistration_protection),
  AMIGO_RECORD_DATE (AmigoImage, "lastLaunchedTime", "LastLaunchedTime", "last-launched-time", last_launched_time),
  AMIGO_RECORD_FIELD (AmigoImage, "imageAllowed", "ImageAllowed", "image-allowed", BOOLEAN, image_allowed),
  AMIGO_RECORD_FIELD (AmigoImage, "sourceImageId", "SourceImageId", "source-image-id", STRING, source_image_id),
  AMIGO_RECORD_FIELD (AmigoImage, "sourceImageRegion", "SourceImageRegion", "source-image-region", POOLED, source_image_region),
  AMIGO_RECORD_FIELD (AmigoImage, "freeTierEligible", "FreeTierEligible", "free-tier-eligible", BOOLEAN, free_tier_eligible),
};

AmigoRecordType amigo_image_record =
  AMIGO_RECORD_TYPE ("Image", AmigoImage, image_fields, amigo_image_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImage, amigo_image, amigo_image_record)

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
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoImage, amigo_image, AMIGO_IS_IMAGE, field)

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
TRISTATE_GETTER (is_public)

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
TRISTATE_GETTER (ena_support)

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
TRISTATE_GETTER (image_allowed)

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
TRISTATE_GETTER (free_tier_eligible)
