/* amigo-ec2.h — typed EC2 operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-account.h"
#include "amigo-block-device-mapping.h"
#include "amigo-client.h"
#include "amigo-image-attribute.h"
#include "amigo-image.h"
#include "amigo-instance-type.h"
#include "amigo-instance.h"
#include "amigo-key-pair.h"
#include "amigo-launch-permission.h"
#include "amigo-region.h"
#include "amigo-security-group.h"
#include "amigo-snapshot.h"
#include "amigo-subnet.h"
#include "amigo-tag.h"
#include "amigo-volume.h"
#include "amigo-vpc.h"

G_BEGIN_DECLS

/* The EC2 API version every request names. */
#define AMIGO_EC2_API_VERSION "2016-11-15"

#define AMIGO_TYPE_EC2 (amigo_ec2_get_type ())

/**
 * AmigoEc2:
 *
 * EC2 in one region of one account: an #AmigoClient (credentials, retries),
 * the region requests are signed for and the endpoint they are sent to.
 *
 * Every operation is `amigo_ec2_<verb>_async()` + `_finish()`. Requests are
 * plain structures the caller fills (on the stack is fine) and keeps
 * ownership of: they are read, and serialized with the documented EC2 names,
 * before the `_async()` function returns, so nothing in them needs to live
 * longer. Unset fields (%NULL, 0, %FALSE) are left out of the request and
 * AWS applies its defaults.
 *
 * Errors are in the %AMIGO_AWS_ERROR domain (amigo_aws_error_get_details()
 * has AWS's code and message), or %G_IO_ERROR_CANCELLED.
 *
 * Idempotency: RunInstances and CopyImage take a `client_token` that the
 * caller makes once per user action with amigo_client_token_new() and
 * passes again if the person tries the same action again. The client
 * retries a failed attempt with the very same body, so retries carry the
 * same token and EC2 never creates the thing twice. CreateImage and
 * RegisterImage have no token: when a retried attempt meets
 * `InvalidAMIName.Duplicate`, the image the earlier attempt made is looked
 * up by name and returned (see amigo_ec2_create_image_finish()).
 */
G_DECLARE_FINAL_TYPE (AmigoEc2, amigo_ec2, AMIGO, EC2, GObject)

/**
 * AmigoEc2Filter:
 * @name: the filter, e.g. `name`, `tag:Team`, `architecture`
 * @values: (array zero-terminated=1): the accepted values (wildcards `*`
 *   and `?` where EC2 allows them); a filter without values is left out
 *
 * One `Filter.N` of a Describe request.
 */
typedef struct {
  const char *name;
  const char * const *values;
} AmigoEc2Filter;

/**
 * AmigoEc2Tag:
 * @key: the tag's key
 * @value: (nullable): its value; for DeleteTags, %NULL matches any value
 *
 * A tag to set or remove. Unlike #AmigoTag (what AWS describes), its
 * strings are borrowed, so literals do: `{ "Team", "web" }`.
 */
typedef struct {
  const char *key;
  const char *value;
} AmigoEc2Tag;

/**
 * AmigoEc2ListRequest:
 * @ids: (array zero-terminated=1) (nullable): the resources to describe;
 *   what they are depends on the operation (instance ids, key names, …)
 * @filters: (array length=n_filters) (nullable): filters
 * @n_filters: how many filters
 * @page_size: `MaxResults` of each page where the operation pages, 0 for
 *   Amigo's default; every page is fetched whatever the size
 *
 * What to describe, for the simple Describe operations. A %NULL request
 * describes everything.
 */
typedef struct {
  const char * const *ids;
  const AmigoEc2Filter *filters;
  guint n_filters;
  guint page_size;
} AmigoEc2ListRequest;

AmigoEc2    *amigo_ec2_new                 (AmigoClient   *client,
                                            const char    *region,
                                            const char    *endpoint_url);
AmigoEc2    *amigo_ec2_new_for_account     (AmigoAccount  *account,
                                            AmigoClient   *client,
                                            const char    *region,
                                            GError       **error);
AmigoClient *amigo_ec2_get_client          (AmigoEc2      *self);
const char  *amigo_ec2_get_region          (AmigoEc2      *self);
const char  *amigo_ec2_get_endpoint_url    (AmigoEc2      *self);

gboolean     amigo_ec2_validate_image_name (const char    *name,
                                            GError       **error);

/* ---- Regions ---------------------------------------------------------- */

void       amigo_ec2_describe_regions_async  (AmigoEc2            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *amigo_ec2_describe_regions_finish (AmigoEc2            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

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

void                 amigo_ec2_describe_image_attribute_async  (AmigoEc2                *self,
                                                                const char              *image_id,
                                                                AmigoImageAttributeName  attribute,
                                                                GCancellable            *cancellable,
                                                                GAsyncReadyCallback      callback,
                                                                gpointer                 user_data);
AmigoImageAttribute *amigo_ec2_describe_image_attribute_finish (AmigoEc2                *self,
                                                                GAsyncResult            *result,
                                                                GError                 **error);

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
  const AmigoEc2Tag *image_tags;
  guint n_image_tags;
  const AmigoEc2Tag *snapshot_tags;
  guint n_snapshot_tags;
} AmigoCreateImageRequest;

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

void  amigo_ec2_copy_image_async  (AmigoEc2                    *self,
                                   const AmigoCopyImageRequest *request,
                                   GCancellable                *cancellable,
                                   GAsyncReadyCallback          callback,
                                   gpointer                     user_data);
char *amigo_ec2_copy_image_finish (AmigoEc2                    *self,
                                   GAsyncResult                *result,
                                   GError                     **error);

/* ---- Images: changing and removing them ------------------------------- */

/**
 * AmigoSnapshotDeletion:
 * @snapshot_id: the snapshot
 * @return_code: what happened to it: `success`, `skipped` (another image
 *   uses it), `missing-permissions`, `internal-error`, `client-error`
 *
 * One entry of DeregisterImage's `deleteSnapshotResultSet`.
 */
typedef struct {
  char *snapshot_id;
  char *return_code;
} AmigoSnapshotDeletion;

#define AMIGO_TYPE_SNAPSHOT_DELETION (amigo_snapshot_deletion_get_type ())

GType                  amigo_snapshot_deletion_get_type (void) G_GNUC_CONST;
AmigoSnapshotDeletion *amigo_snapshot_deletion_copy     (const AmigoSnapshotDeletion *self);
void                   amigo_snapshot_deletion_free     (AmigoSnapshotDeletion       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSnapshotDeletion, amigo_snapshot_deletion_free)

void       amigo_ec2_deregister_image_async  (AmigoEc2            *self,
                                              const char          *image_id,
                                              gboolean             delete_associated_snapshots,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *amigo_ec2_deregister_image_finish (AmigoEc2            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void     amigo_ec2_delete_snapshot_async  (AmigoEc2            *self,
                                           const char          *snapshot_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean amigo_ec2_delete_snapshot_finish (AmigoEc2            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

void     amigo_ec2_modify_image_launch_permission_async  (AmigoEc2                    *self,
                                                          const char                  *image_id,
                                                          const AmigoLaunchPermission *add,
                                                          guint                        n_add,
                                                          const AmigoLaunchPermission *remove,
                                                          guint                        n_remove,
                                                          GCancellable                *cancellable,
                                                          GAsyncReadyCallback          callback,
                                                          gpointer                     user_data);
gboolean amigo_ec2_modify_image_launch_permission_finish (AmigoEc2                    *self,
                                                          GAsyncResult                *result,
                                                          GError                     **error);

void     amigo_ec2_modify_image_description_async  (AmigoEc2            *self,
                                                    const char          *image_id,
                                                    const char          *description,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean amigo_ec2_modify_image_description_finish (AmigoEc2            *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

void     amigo_ec2_create_tags_async  (AmigoEc2            *self,
                                       const char * const  *resource_ids,
                                       const AmigoEc2Tag      *tags,
                                       guint                n_tags,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean amigo_ec2_create_tags_finish (AmigoEc2            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

void     amigo_ec2_delete_tags_async  (AmigoEc2            *self,
                                       const char * const  *resource_ids,
                                       const AmigoEc2Tag      *tags,
                                       guint                n_tags,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean amigo_ec2_delete_tags_finish (AmigoEc2            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

void     amigo_ec2_enable_image_deprecation_async   (AmigoEc2            *self,
                                                     const char          *image_id,
                                                     GDateTime           *deprecate_at,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean amigo_ec2_enable_image_deprecation_finish  (AmigoEc2            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void     amigo_ec2_disable_image_deprecation_async  (AmigoEc2            *self,
                                                     const char          *image_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean amigo_ec2_disable_image_deprecation_finish (AmigoEc2            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void  amigo_ec2_enable_image_deregistration_protection_async   (AmigoEc2            *self,
                                                                const char          *image_id,
                                                                gboolean             with_cooldown,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
char *amigo_ec2_enable_image_deregistration_protection_finish  (AmigoEc2            *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void  amigo_ec2_disable_image_deregistration_protection_async  (AmigoEc2            *self,
                                                                const char          *image_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
char *amigo_ec2_disable_image_deregistration_protection_finish (AmigoEc2            *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* `imageBlockPublicAccessState` values of GetImageBlockPublicAccessState. */
#define AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED   "block-new-sharing"
#define AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_UNBLOCKED "unblocked"

void  amigo_ec2_get_image_block_public_access_state_async  (AmigoEc2            *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char *amigo_ec2_get_image_block_public_access_state_finish (AmigoEc2            *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void  amigo_ec2_enable_image_block_public_access_async    (AmigoEc2            *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char *amigo_ec2_enable_image_block_public_access_finish   (AmigoEc2            *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void  amigo_ec2_disable_image_block_public_access_async   (AmigoEc2            *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char *amigo_ec2_disable_image_block_public_access_finish  (AmigoEc2            *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* ---- Instances -------------------------------------------------------- */

/**
 * AmigoPublicIp:
 * @AMIGO_PUBLIC_IP_SUBNET_DEFAULT: as the subnet says (`MapPublicIpOnLaunch`)
 * @AMIGO_PUBLIC_IP_ASSIGN: give the instance a public IPv4 address
 * @AMIGO_PUBLIC_IP_NONE: never give it one
 *
 * Whether a launched instance gets a public IPv4 address. Anything but the
 * default is sent as `NetworkInterface.1.AssociatePublicIpAddress`, which
 * then carries the subnet and security groups too (EC2 refuses them at
 * both places).
 */
typedef enum {
  AMIGO_PUBLIC_IP_SUBNET_DEFAULT,
  AMIGO_PUBLIC_IP_ASSIGN,
  AMIGO_PUBLIC_IP_NONE,
} AmigoPublicIp;

/**
 * AmigoRunInstancesRequest:
 * @image_id: `ImageId` (required)
 * @instance_type: (nullable): `InstanceType`, e.g. `t3.micro`
 * @min_count: `MinCount`; 0 means 1
 * @max_count: `MaxCount`; 0 means @min_count
 * @key_name: (nullable): `KeyName`
 * @security_group_ids: (array zero-terminated=1) (nullable): `SecurityGroupId.N`
 * @subnet_id: (nullable): `SubnetId`; %NULL for the default VPC's choice
 * @public_ip: whether to give the instances a public IPv4 address
 * @user_data: (nullable): the user data as plain text (a shell script, a
 *   cloud-init file): base64-encoded here; at most 16 KiB
 * @block_device_mappings: (array length=n_block_device_mappings) (nullable):
 *   `BlockDeviceMapping.N`: change the image's volumes (size, type) or add some
 * @n_block_device_mappings: how many
 * @instance_tags: (array length=n_instance_tags) (nullable):
 *   `TagSpecification.N` with `ResourceType=instance`
 * @n_instance_tags: how many
 * @volume_tags: (array length=n_volume_tags) (nullable): `ResourceType=volume`
 * @n_volume_tags: how many
 * @http_tokens: (nullable): `MetadataOptions.HttpTokens`: `required`
 *   (IMDSv2 only) or `optional`
 * @http_endpoint: (nullable): `MetadataOptions.HttpEndpoint`: `enabled` or `disabled`
 * @http_put_response_hop_limit: `MetadataOptions.HttpPutResponseHopLimit`, 0 to leave out
 * @instance_metadata_tags: (nullable): `MetadataOptions.InstanceMetadataTags`:
 *   `enabled` or `disabled`
 * @iam_instance_profile: (nullable): `IamInstanceProfile.Arn` when it starts
 *   with `arn:`, `IamInstanceProfile.Name` otherwise
 * @client_token: (nullable): `ClientToken`, made once per user action with
 *   amigo_client_token_new() and passed again when the person retries the
 *   same launch; %NULL makes one for this call only (its retries still
 *   share it)
 */
typedef struct {
  const char *image_id;
  const char *instance_type;
  guint min_count;
  guint max_count;
  const char *key_name;
  const char * const *security_group_ids;
  const char *subnet_id;
  AmigoPublicIp public_ip;
  const char *user_data;
  const AmigoBlockDeviceMapping *block_device_mappings;
  guint n_block_device_mappings;
  const AmigoEc2Tag *instance_tags;
  guint n_instance_tags;
  const AmigoEc2Tag *volume_tags;
  guint n_volume_tags;
  const char *http_tokens;
  const char *http_endpoint;
  guint http_put_response_hop_limit;
  const char *instance_metadata_tags;
  const char *iam_instance_profile;
  const char *client_token;
} AmigoRunInstancesRequest;

void       amigo_ec2_run_instances_async       (AmigoEc2                       *self,
                                                const AmigoRunInstancesRequest *request,
                                                GCancellable                   *cancellable,
                                                GAsyncReadyCallback             callback,
                                                gpointer                        user_data);
GPtrArray *amigo_ec2_run_instances_finish      (AmigoEc2                       *self,
                                                GAsyncResult                   *result,
                                                GError                        **error);

void       amigo_ec2_describe_instances_async  (AmigoEc2                       *self,
                                                const AmigoEc2ListRequest      *request,
                                                GCancellable                   *cancellable,
                                                GAsyncReadyCallback             callback,
                                                gpointer                        user_data);
GPtrArray *amigo_ec2_describe_instances_finish (AmigoEc2                       *self,
                                                GAsyncResult                   *result,
                                                GError                        **error);

/* ---- Snapshots -------------------------------------------------------- */

/**
 * AmigoDescribeSnapshotsRequest:
 * @owners: (array zero-terminated=1) (nullable): `Owner.N`: `self`,
 *   `amazon` or account ids. Without owners or ids, every snapshot you may
 *   restore is listed, public ones included: usually pass `self`
 * @snapshot_ids: (array zero-terminated=1) (nullable): `SnapshotId.N`
 * @filters: (array length=n_filters) (nullable): `Filter.N`
 * @n_filters: how many filters
 * @page_size: `MaxResults`, 5–1000, 0 for 1000 (not sent with @snapshot_ids)
 */
typedef struct {
  const char * const *owners;
  const char * const *snapshot_ids;
  const AmigoEc2Filter *filters;
  guint n_filters;
  guint page_size;
} AmigoDescribeSnapshotsRequest;

void       amigo_ec2_describe_snapshots_async  (AmigoEc2                            *self,
                                                const AmigoDescribeSnapshotsRequest *request,
                                                GCancellable                        *cancellable,
                                                GAsyncReadyCallback                  callback,
                                                gpointer                             user_data);
GPtrArray *amigo_ec2_describe_snapshots_finish (AmigoEc2                            *self,
                                                GAsyncResult                        *result,
                                                GError                             **error);

/* ---- What a launch needs ---------------------------------------------- */

void       amigo_ec2_describe_key_pairs_async        (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_key_pairs_finish       (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_security_groups_async  (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_security_groups_finish (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_subnets_async          (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_subnets_finish         (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_vpcs_async             (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_vpcs_finish            (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_volumes_async          (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_volumes_finish         (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_instance_types_async   (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_instance_types_finish  (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

gboolean   amigo_instance_type_can_run_image         (AmigoInstanceType         *instance_type,
                                                      AmigoImage                *image);

G_END_DECLS
