/* amigo-ec2-images.h — EC2 images: browsing, making, changing and removing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-image-attribute.h"
#include "amigo-image.h"
#include "amigo-launch-permission.h"
#include "amigo-snapshot.h"

G_BEGIN_DECLS

/* ---- Images: browsing ------------------------------------------------- */

/**
 * AmigoDescribeImagesRequest:
 * @owners: (array zero-terminated=1) (nullable): `Owner.N`: account ids,
 *   `self`, `amazon`, `aws-marketplace`, `aws-backup-vault`
 * @executable_by: (array zero-terminated=1) (nullable): `ExecutableBy.N`:
 *   account ids, `self` (shared with me) or `all` (public)
 * @image_ids: (array zero-terminated=1) (nullable): `ImageId.N`
 * @filters: (array length=n_filters) (nullable): `Filter.N`
 * @n_filters: how many filters
 * @include_deprecated: `IncludeDeprecated`: also deprecated images
 *   (your own and those named in @image_ids are always included)
 * @include_disabled: `IncludeDisabled`: also disabled images
 * @page_size: `MaxResults` of each page, 5–1000; 0 means 1000. Every page
 *   is fetched whatever the size; a smaller one gives the first batch
 *   sooner (and lets tests see several pages)
 */
typedef struct {
  const char * const *owners;
  const char * const *executable_by;
  const char * const *image_ids;
  const AmigoEc2Filter *filters;
  guint n_filters;
  gboolean include_deprecated;
  gboolean include_disabled;
  guint page_size;
} AmigoDescribeImagesRequest;

/**
 * AmigoEc2ImagesFunc:
 * @images: (element-type AmigoImage) (transfer none): the images parsed
 *   since the last call, in the order AWS sent them; take a reference to
 *   keep them
 * @user_data: the data given with the function
 *
 * Receives images while the answer is still downloading.
 */
typedef void (*AmigoEc2ImagesFunc) (GPtrArray *images,
                                    gpointer   user_data);

void       amigo_ec2_describe_images_async  (AmigoEc2                         *self,
                                             const AmigoDescribeImagesRequest *request,
                                             GCancellable                     *cancellable,
                                             GAsyncReadyCallback               callback,
                                             gpointer                          user_data);
void       amigo_ec2_describe_images_batched_async (AmigoEc2                         *self,
                                                    const AmigoDescribeImagesRequest *request,
                                                    AmigoEc2ImagesFunc                batch_func,
                                                    gpointer                          batch_data,
                                                    GDestroyNotify                    batch_data_destroy,
                                                    GCancellable                     *cancellable,
                                                    GAsyncReadyCallback               callback,
                                                    gpointer                          user_data);
GPtrArray *amigo_ec2_describe_images_finish (AmigoEc2                         *self,
                                             GAsyncResult                     *result,
                                             guint                            *n_images,
                                             GError                          **error);

/**
 * AmigoImageAttributeName:
 * @AMIGO_IMAGE_ATTRIBUTE_DESCRIPTION: `description`
 * @AMIGO_IMAGE_ATTRIBUTE_KERNEL: `kernel`
 * @AMIGO_IMAGE_ATTRIBUTE_RAMDISK: `ramdisk`
 * @AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION: `launchPermission`: who may launch it
 * @AMIGO_IMAGE_ATTRIBUTE_PRODUCT_CODES: `productCodes`
 * @AMIGO_IMAGE_ATTRIBUTE_BLOCK_DEVICE_MAPPING: `blockDeviceMapping` (AWS
 *   refuses it now: describe the image instead)
 * @AMIGO_IMAGE_ATTRIBUTE_SRIOV_NET_SUPPORT: `sriovNetSupport`
 * @AMIGO_IMAGE_ATTRIBUTE_BOOT_MODE: `bootMode`
 * @AMIGO_IMAGE_ATTRIBUTE_TPM_SUPPORT: `tpmSupport`
 * @AMIGO_IMAGE_ATTRIBUTE_UEFI_DATA: `uefiData`
 * @AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME: `lastLaunchedTime`
 * @AMIGO_IMAGE_ATTRIBUTE_IMDS_SUPPORT: `imdsSupport`
 * @AMIGO_IMAGE_ATTRIBUTE_DEREGISTRATION_PROTECTION: `deregistrationProtection`
 *
 * The attributes DescribeImageAttribute can read.
 */
typedef enum {
  AMIGO_IMAGE_ATTRIBUTE_DESCRIPTION,
  AMIGO_IMAGE_ATTRIBUTE_KERNEL,
  AMIGO_IMAGE_ATTRIBUTE_RAMDISK,
  AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION,
  AMIGO_IMAGE_ATTRIBUTE_PRODUCT_CODES,
  AMIGO_IMAGE_ATTRIBUTE_BLOCK_DEVICE_MAPPING,
  AMIGO_IMAGE_ATTRIBUTE_SRIOV_NET_SUPPORT,
  AMIGO_IMAGE_ATTRIBUTE_BOOT_MODE,
  AMIGO_IMAGE_ATTRIBUTE_TPM_SUPPORT,
  AMIGO_IMAGE_ATTRIBUTE_UEFI_DATA,
  AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME,
  AMIGO_IMAGE_ATTRIBUTE_IMDS_SUPPORT,
  AMIGO_IMAGE_ATTRIBUTE_DEREGISTRATION_PROTECTION,
} AmigoImageAttributeName;

const char          *amigo_image_attribute_name_to_string      (AmigoImageAttributeName  name);

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoImageAttribute *, amigo_ec2_describe_image_attribute,
                     const char *image_id,
                     AmigoImageAttributeName attribute);

/* ---- Images: making them ---------------------------------------------- */

/**
 * AmigoCreateImageRequest:
 * @instance_id: `InstanceId`: the instance to image (required)
 * @name: `Name`: 3–128 characters, unique among your images in the region
 *   (required; see amigo_ec2_validate_image_name())
 * @description: (nullable): `Description`
 * @no_reboot: `NoReboot`: do not stop the instance first (the file
 *   systems may then be inconsistent)
 * @block_device_mappings: (array length=n_block_device_mappings) (nullable):
 *   `BlockDeviceMapping.N`: volumes to add, change or leave out
 *   (`no_device`); fields left unset (%NULL, -1, %AMIGO_TRISTATE_UNSET)
 *   are not sent
 * @n_block_device_mappings: how many
 * @instance_devices: (array zero-terminated=1) (nullable): the device names
 *   of the instance's own volumes (its `blockDeviceMapping`); a mapping for
 *   one of them may only set `DeleteOnTermination` or leave the volume out
 *   (see amigo_ec2_check_create_image_mappings())
 * @image_tags: (array length=n_image_tags) (nullable): tags for the image
 *   (`TagSpecification.N` with `ResourceType=image`)
 * @n_image_tags: how many
 * @snapshot_tags: (array length=n_snapshot_tags) (nullable): tags for its
 *   snapshots (`ResourceType=snapshot`)
 * @n_snapshot_tags: how many
 */
typedef struct {
  const char *instance_id;
  const char *name;
  const char *description;
  gboolean no_reboot;
  const AmigoBlockDeviceMapping *block_device_mappings;
  guint n_block_device_mappings;
  const char * const *instance_devices;
  const AmigoEc2Tag *image_tags;
  guint n_image_tags;
  const AmigoEc2Tag *snapshot_tags;
  guint n_snapshot_tags;
} AmigoCreateImageRequest;

gboolean amigo_ec2_check_create_image_mappings (const AmigoCreateImageRequest  *request,
                                                GError                        **error);

void  amigo_ec2_create_image_async  (AmigoEc2                      *self,
                                     const AmigoCreateImageRequest *request,
                                     GCancellable                  *cancellable,
                                     GAsyncReadyCallback            callback,
                                     gpointer                       user_data);
char *amigo_ec2_create_image_finish (AmigoEc2                      *self,
                                     GAsyncResult                  *result,
                                     gboolean                      *already_created,
                                     GError                       **error);

/**
 * AmigoRegisterImageRequest:
 * @name: `Name` (required)
 * @description: (nullable): `Description`
 * @architecture: (nullable): `Architecture`: `x86_64`, `arm64`, `i386`, …
 * @root_device_name: (nullable): `RootDeviceName`, e.g. `/dev/xvda`
 *   (required with @root_snapshot_id)
 * @virtualization_type: (nullable): `VirtualizationType`: `hvm` or `paravirtual`
 * @boot_mode: (nullable): `BootMode`: `legacy-bios`, `uefi`, `uefi-preferred`
 * @tpm_support: (nullable): `TpmSupport`: `v2.0`
 * @imds_support: (nullable): `ImdsSupport`: `v2.0` makes instances
 *   require IMDSv2
 * @sriov_net_support: (nullable): `SriovNetSupport`: `simple`
 * @ena_support: `EnaSupport=true`
 * @kernel_id: (nullable): `KernelId` (paravirtual)
 * @ramdisk_id: (nullable): `RamdiskId` (paravirtual)
 * @root_snapshot_id: (nullable): the EBS snapshot of the root volume: sent
 *   as the first `BlockDeviceMapping.N` (`DeviceName` = @root_device_name,
 *   `Ebs.SnapshotId`, and the two fields below)
 * @root_volume_size: size in GiB of the root volume, 0 for the snapshot's
 * @root_volume_type: (nullable): `gp3`, `gp2`, …; %NULL for AWS's default
 * @image_location: (nullable): `ImageLocation`: the S3 manifest of an
 *   instance-store image, e.g. `amzn-s3-demo-bucket/image.manifest.xml`
 * @block_device_mappings: (array length=n_block_device_mappings) (nullable):
 *   further `BlockDeviceMapping.N` (data volumes, ephemeral volumes)
 * @n_block_device_mappings: how many
 * @image_tags: (array length=n_image_tags) (nullable): `TagSpecification.N`
 *   with `ResourceType=image`
 * @n_image_tags: how many
 *
 * Registers an image from an EBS snapshot (@root_snapshot_id, with
 * @root_device_name, @architecture, @virtualization_type `hvm`,
 * @ena_support, @boot_mode) or from an S3 bundle (@image_location; the
 * root device is then an instance store volume).
 */
typedef struct {
  const char *name;
  const char *description;
  const char *architecture;
  const char *root_device_name;
  const char *virtualization_type;
  const char *boot_mode;
  const char *tpm_support;
  const char *imds_support;
  const char *sriov_net_support;
  gboolean ena_support;
  const char *kernel_id;
  const char *ramdisk_id;
  const char *root_snapshot_id;
  guint root_volume_size;
  const char *root_volume_type;
  const char *image_location;
  const AmigoBlockDeviceMapping *block_device_mappings;
  guint n_block_device_mappings;
  const AmigoEc2Tag *image_tags;
  guint n_image_tags;
} AmigoRegisterImageRequest;

void  amigo_ec2_register_image_async  (AmigoEc2                        *self,
                                       const AmigoRegisterImageRequest *request,
                                       GCancellable                    *cancellable,
                                       GAsyncReadyCallback              callback,
                                       gpointer                         user_data);
char *amigo_ec2_register_image_finish (AmigoEc2                        *self,
                                       GAsyncResult                    *result,
                                       gboolean                        *already_created,
                                       GError                         **error);

/**
 * AmigoCopyImageRequest:
 * @source_region: `SourceRegion` (required)
 * @source_image_id: `SourceImageId` (required)
 * @name: `Name` of the copy (required)
 * @description: (nullable): `Description`
 * @encrypted: `Encrypted=true`: encrypt the copy's snapshots
 * @kms_key_id: (nullable): `KmsKeyId`, with @encrypted; %NULL for the
 *   account's default EBS key
 * @copy_image_tags: `CopyImageTags=true`: copy the source's own tags
 * @image_tags: (array length=n_image_tags) (nullable): more tags for the
 *   copy (`TagSpecification.N`, `ResourceType=image`)
 * @n_image_tags: how many
 * @snapshot_tags: (array length=n_snapshot_tags) (nullable): tags for the
 *   copy's snapshots (`ResourceType=snapshot`)
 * @n_snapshot_tags: how many
 * @client_token: (nullable): `ClientToken`, made once per user action with
 *   amigo_client_token_new(); %NULL makes one for this call only
 */
typedef struct {
  const char *source_region;
  const char *source_image_id;
  const char *name;
  const char *description;
  gboolean encrypted;
  const char *kms_key_id;
  gboolean copy_image_tags;
  const AmigoEc2Tag *image_tags;
  guint n_image_tags;
  const AmigoEc2Tag *snapshot_tags;
  guint n_snapshot_tags;
  const char *client_token;
} AmigoCopyImageRequest;

char *amigo_ec2_copy_image_fingerprint (const AmigoCopyImageRequest *request);

AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_copy_image, const AmigoCopyImageRequest *request);

/* ---- Images: finding yours by name ---------------------------------- */

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoImage *, amigo_ec2_find_own_image_by_name, const char *name);

/* ---- Images: changing and removing them ------------------------------- */

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_deregister_image,
                     const char *image_id,
                     gboolean delete_associated_snapshots);

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_modify_image_launch_permission,
                     const char *image_id,
                     const AmigoLaunchPermission *add,
                     guint n_add,
                     const AmigoLaunchPermission *remove,
                     guint n_remove);

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_modify_image_description,
                     const char *image_id,
                     const char *description);

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_enable_image_deprecation,
                     const char *image_id,
                     GDateTime *deprecate_at);
AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_disable_image_deprecation, const char *image_id);

AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_enable_image_deregistration_protection,
                     const char *image_id,
                     gboolean with_cooldown);
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_disable_image_deregistration_protection,
                     const char *image_id);

/* `imageBlockPublicAccessState` values of GetImageBlockPublicAccessState. */
#define AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED   "block-new-sharing"
#define AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_UNBLOCKED "unblocked"

AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_get_image_block_public_access_state);

AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_enable_image_block_public_access);
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_disable_image_block_public_access);

G_END_DECLS
