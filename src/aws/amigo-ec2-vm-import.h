/* amigo-ec2-vm-import.h — VM Import/Export and AMIs stored in S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-export-image-task.h"
#include "amigo-import-task.h"
#include "amigo-store-image-task.h"

G_BEGIN_DECLS

/* The role VM Import/Export assumes when no other is named. */
#define AMIGO_VM_IMPORT_DEFAULT_ROLE "vmimport"

/**
 * AmigoImportImageRequest:
 * @format: `DiskContainer.1.Format`: `OVA`, `VHD`, `VHDX`, `VMDK` or `RAW`
 * @s3_bucket: `DiskContainer.1.UserBucket.S3Bucket`: where the disk was uploaded
 * @s3_key: `DiskContainer.1.UserBucket.S3Key`
 * @description: (nullable): `Description` of the task
 * @architecture: (nullable): `Architecture`: `x86_64`, `i386` or `arm64`
 * @boot_mode: (nullable): `BootMode`: `legacy-bios` or `uefi` (AWS refuses
 *   `uefi-preferred` for imports)
 * @license_type: (nullable): `LicenseType`: `AWS` or `BYOL`
 * @platform: (nullable): `Platform`: `Windows` or `Linux`
 * @encrypted: `Encrypted=true`: encrypt the AMI's snapshots
 * @kms_key_id: (nullable): `KmsKeyId`, with @encrypted; %NULL for the
 *   account's default EBS key
 * @role_name: (nullable): `RoleName`; %NULL for `vmimport`
 * @task_tags: (array length=n_task_tags) (nullable): tags of the import
 *   task (`TagSpecification.N`, `ResourceType=import-image-task`)
 * @n_task_tags: how many
 * @client_token: (nullable): `ClientToken`, made once per user action;
 *   %NULL makes one for this call only
 *
 * ImportImage of one disk image uploaded to S3.
 */
typedef struct {
  const char *format;
  const char *s3_bucket;
  const char *s3_key;
  const char *description;
  const char *architecture;
  const char *boot_mode;
  const char *license_type;
  const char *platform;
  gboolean encrypted;
  const char *kms_key_id;
  const char *role_name;
  const AmigoEc2Tag *task_tags;
  guint n_task_tags;
  const char *client_token;
} AmigoImportImageRequest;

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoImportTask *, amigo_ec2_import_image,
                     const AmigoImportImageRequest *request);

/**
 * AmigoImportSnapshotRequest:
 * @format: `DiskContainer.Format`: `VHD`, `VMDK` or `RAW`
 * @s3_bucket: `DiskContainer.UserBucket.S3Bucket`
 * @s3_key: `DiskContainer.UserBucket.S3Key`
 * @description: (nullable): `Description`
 * @encrypted: `Encrypted=true`
 * @kms_key_id: (nullable): `KmsKeyId`, with @encrypted
 * @role_name: (nullable): `RoleName`; %NULL for `vmimport`
 * @client_token: (nullable): `ClientToken`
 *
 * ImportSnapshot: a disk image uploaded to S3 becomes an EBS snapshot (to
 * register an AMI from, amigo_ec2_register_image_async()).
 */
typedef struct {
  const char *format;
  const char *s3_bucket;
  const char *s3_key;
  const char *description;
  gboolean encrypted;
  const char *kms_key_id;
  const char *role_name;
  const char *client_token;
} AmigoImportSnapshotRequest;

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoImportTask *, amigo_ec2_import_snapshot,
                     const AmigoImportSnapshotRequest *request);

/* @task_ids (nullable, zero-terminated): `ImportTaskId.N`; %NULL for every
 * task of the last 7 days. The result is every #AmigoImportTask, all pages. */
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_import_image_tasks,
                     const char * const *task_ids);
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_import_snapshot_tasks,
                     const char * const *task_ids);

/* CancelImportTask of an active import (image or snapshot); the result is
 * the task's new state (`deleting`). */
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_cancel_import_task,
                     const char *import_task_id,
                     const char *cancel_reason);

/**
 * AmigoExportImageRequest:
 * @image_id: `ImageId`: one of your AMIs
 * @disk_image_format: `DiskImageFormat`: `VMDK`, `VHD` or `RAW`
 * @s3_bucket: `S3ExportLocation.S3Bucket`: it must exist
 * @s3_prefix: (nullable): `S3ExportLocation.S3Prefix`, e.g. `exports/`
 * @description: (nullable): `Description`, up to 255 characters
 * @role_name: (nullable): `RoleName`; %NULL for `vmimport`
 * @task_tags: (array length=n_task_tags) (nullable): `TagSpecification.N`,
 *   `ResourceType=export-image-task`
 * @n_task_tags: how many
 * @client_token: (nullable): `ClientToken`
 *
 * ExportImage: the AMI becomes a disk image file in S3, at
 * amigo_export_image_task_dup_object_key().
 */
typedef struct {
  const char *image_id;
  const char *disk_image_format;
  const char *s3_bucket;
  const char *s3_prefix;
  const char *description;
  const char *role_name;
  const AmigoEc2Tag *task_tags;
  guint n_task_tags;
  const char *client_token;
} AmigoExportImageRequest;

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoExportImageTask *, amigo_ec2_export_image,
                     const AmigoExportImageRequest *request);

/* @task_ids (nullable): `ExportImageTaskId.N`. Every page. */
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_export_image_tasks,
                     const char * const *task_ids);

/* CreateStoreImageTask: stores @image_id as one object in @bucket (same
 * Region); the result is the object's key (`ami-….bin`). */
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_create_store_image_task,
                     const char *image_id,
                     const char *bucket);

/* DescribeStoreImageTasks of @image_ids (nullable: every task of the last
 * 31 days, every page): #AmigoStoreImageTask items, the latest per AMI. */
AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_store_image_tasks,
                     const char * const *image_ids);

/**
 * AmigoRestoreImageRequest:
 * @s3_bucket: `Bucket` holding the stored AMI
 * @object_key: `ObjectKey`, e.g. `ami-1234567890abcdef0.bin`
 * @name: (nullable): `Name` of the new AMI; %NULL keeps the stored one
 * @image_tags: (array length=n_image_tags) (nullable): `ResourceType=image`
 * @n_image_tags: how many
 * @snapshot_tags: (array length=n_snapshot_tags) (nullable): `ResourceType=snapshot`
 * @n_snapshot_tags: how many
 *
 * CreateRestoreImageTask: an AMI from an object CreateStoreImageTask wrote.
 */
typedef struct {
  const char *s3_bucket;
  const char *object_key;
  const char *name;
  const AmigoEc2Tag *image_tags;
  guint n_image_tags;
  const AmigoEc2Tag *snapshot_tags;
  guint n_snapshot_tags;
} AmigoRestoreImageRequest;

/* The result is the new AMI's id; it starts `pending`. */
AMIGO_DECLARE_ASYNC (AmigoEc2, char *, amigo_ec2_create_restore_image_task,
                     const AmigoRestoreImageRequest *request);

G_END_DECLS
