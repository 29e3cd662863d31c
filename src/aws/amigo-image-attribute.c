/* amigo-image-attribute.c — the answer of DescribeImageAttribute: one attribute of an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-attribute.h"
#include "amigo-record-private.h"

struct _AmigoImageAttribute
{
  GObject parent_instance;

  char *image_id;
  AmigoLaunchPermission *launch_permissions;
  AmigoProductCode *product_codes;
  AmigoBlockDeviceMapping *block_device_mappings;
  char *description;
  char *kernel_id;
  char *ramdisk_id;
  char *sriov_net_support;
  char *boot_mode;
  char *tpm_support;
  char *uefi_data;
  char *last_launched_time;
  char *imds_support;
  char *deregistration_protection;
  gint64 last_launched_time_usec;
  guint n_launch_permissions;
  guint n_product_codes;
  guint n_block_device_mappings;
};

G_DEFINE_FINAL_TYPE (AmigoImageAttribute, amigo_image_attribute, G_TYPE_OBJECT)

/* EC2 wraps each attribute in <value> */
static const AmigoRecordField attribute_value_fields[] = {
  { "value", "Value", NULL, AMIGO_FIELD_STRING, 0, AMIGO_FIELD_NO_AUX, NULL },
};

static AmigoRecordType attribute_value_type =
  { "AttributeValue", sizeof (char *), attribute_value_fields, G_N_ELEMENTS (attribute_value_fields),
    NULL, NULL, NULL, NULL };

static const AmigoRecordField image_attribute_last_launched_time_fields[] = {
  { "value", "Value", NULL, AMIGO_FIELD_DATE, 0,
    G_STRUCT_OFFSET (AmigoImageAttribute, last_launched_time_usec) - G_STRUCT_OFFSET (AmigoImageAttribute, last_launched_time), NULL },
};

static AmigoRecordType image_attribute_last_launched_time_type =
  AMIGO_RECORD_NESTED_TYPE ("AttributeValue", image_attribute_last_launched_time_fields);

/* An attribute EC2 wraps in <value>: a string read from that child */
#define ATTRIBUTE_VALUE(element, member, property, field)                     \
  { element, member, property, AMIGO_FIELD_STRUCT,                            \
    G_STRUCT_OFFSET (AmigoImageAttribute, field), AMIGO_FIELD_NO_AUX, &attribute_value_type }

static const AmigoRecordField image_attribute_fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageAttribute, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_LIST (AmigoImageAttribute, "launchPermission", "LaunchPermissions", "launch-permissions", launch_permissions, amigo_launch_permission_record),
  AMIGO_RECORD_LIST (AmigoImageAttribute, "productCodes", "ProductCodes", "product-codes", product_codes, amigo_product_code_record),
  AMIGO_RECORD_LIST (AmigoImageAttribute, "blockDeviceMapping", "BlockDeviceMappings", "block-device-mappings", block_device_mappings, amigo_block_device_mapping_record),
  ATTRIBUTE_VALUE ("description", "Description", "description", description),
  ATTRIBUTE_VALUE ("kernel", "KernelId", "kernel-id", kernel_id),
  ATTRIBUTE_VALUE ("ramdisk", "RamdiskId", "ramdisk-id", ramdisk_id),
  ATTRIBUTE_VALUE ("sriovNetSupport", "SriovNetSupport", "sriov-net-support", sriov_net_support),
  ATTRIBUTE_VALUE ("bootMode", "BootMode", "boot-mode", boot_mode),
  ATTRIBUTE_VALUE ("tpmSupport", "TpmSupport", "tpm-support", tpm_support),
  ATTRIBUTE_VALUE ("uefiData", "UefiData", "uefi-data", uefi_data),
  { "lastLaunchedTime", "LastLaunchedTime", "last-launched-time", AMIGO_FIELD_STRUCT,
    G_STRUCT_OFFSET (AmigoImageAttribute, last_launched_time), AMIGO_FIELD_NO_AUX, &image_attribute_last_launched_time_type },
  ATTRIBUTE_VALUE ("imdsSupport", "ImdsSupport", "imds-support", imds_support),
  ATTRIBUTE_VALUE ("deregistrationProtection", "DeregistrationProtection", "deregistration-protection", deregistration_protection),
};

AmigoRecordType amigo_image_attribute_record =
  AMIGO_RECORD_TYPE ("ImageAttribute", AmigoImageAttribute, image_attribute_fields, amigo_image_attribute_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImageAttribute, amigo_image_attribute, amigo_image_attribute_record)

/**
 * amigo_image_attribute_new:
 *
 * Creates an empty AmigoImageAttribute; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoImageAttribute
 */
AmigoImageAttribute *
amigo_image_attribute_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_ATTRIBUTE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImageAttribute, amigo_image_attribute, AMIGO_IS_IMAGE_ATTRIBUTE, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoImageAttribute, amigo_image_attribute, AMIGO_IS_IMAGE_ATTRIBUTE, Item, field)

/**
 * amigo_image_attribute_get_image_id:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the AMI id (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_image_attribute_get_launch_permissions:
 * @self: an #AmigoImageAttribute
 * @n_launch_permissions: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_launch_permissions) (nullable): who may launch it (`launchPermission`)
 */
ARRAY_GETTER (AmigoLaunchPermission, launch_permissions)

/**
 * amigo_image_attribute_get_product_codes:
 * @self: an #AmigoImageAttribute
 * @n_product_codes: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_product_codes) (nullable): its product codes (`productCodes`)
 */
ARRAY_GETTER (AmigoProductCode, product_codes)

/**
 * amigo_image_attribute_get_block_device_mappings:
 * @self: an #AmigoImageAttribute
 * @n_block_device_mappings: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_block_device_mappings) (nullable): its block device mappings (`blockDeviceMapping`)
 */
ARRAY_GETTER (AmigoBlockDeviceMapping, block_device_mappings)

/**
 * amigo_image_attribute_get_description:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the description (`description`)
 */
GETTER (const char *, description, NULL)

/**
 * amigo_image_attribute_get_kernel_id:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the kernel (`kernel`)
 */
GETTER (const char *, kernel_id, NULL)

/**
 * amigo_image_attribute_get_ramdisk_id:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the RAM disk (`ramdisk`)
 */
GETTER (const char *, ramdisk_id, NULL)

/**
 * amigo_image_attribute_get_sriov_net_support:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): `simple` when enhanced networking is on (`sriovNetSupport`)
 */
GETTER (const char *, sriov_net_support, NULL)

/**
 * amigo_image_attribute_get_boot_mode:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the boot mode (`bootMode`)
 */
GETTER (const char *, boot_mode, NULL)

/**
 * amigo_image_attribute_get_tpm_support:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): `v2.0` when NitroTPM is on (`tpmSupport`)
 */
GETTER (const char *, tpm_support, NULL)

/**
 * amigo_image_attribute_get_uefi_data:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the UEFI variable store, base64 (`uefiData`)
 */
GETTER (const char *, uefi_data, NULL)

/**
 * amigo_image_attribute_get_last_launched_time:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): when it was last used to launch an instance (`lastLaunchedTime`)
 */
GETTER (const char *, last_launched_time, NULL)

/**
 * amigo_image_attribute_get_last_launched_time_usec:
 * @self: an #AmigoImageAttribute
 *
 * Returns: when it was last used to launch an instance, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, last_launched_time_usec, 0)

/**
 * amigo_image_attribute_get_imds_support:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): `v2.0` when instances must use IMDSv2 (`imdsSupport`)
 */
GETTER (const char *, imds_support, NULL)

/**
 * amigo_image_attribute_get_deregistration_protection:
 * @self: an #AmigoImageAttribute
 *
 * Returns: (transfer none) (nullable): the deregistration protection (`deregistrationProtection`)
 */
GETTER (const char *, deregistration_protection, NULL)
