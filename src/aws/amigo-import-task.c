/* amigo-import-task.c — a VM Import/Export import task (image or snapshot)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One model for both kinds: DescribeImportImageTasks' ImportImageTask
 * keeps its state at the top, DescribeImportSnapshotTasks' ImportSnapshotTask
 * inside `snapshotTaskDetail`; the getters answer whichever was sent.
 */
#include "config.h"

#include "amigo-import-task.h"
#include "amigo-record-private.h"

struct _AmigoImportTask
{
  GObject parent_instance;

  char *import_task_id;
  char *description;
  char *status;  /* pooled */
  char *status_message;
  char *progress;  /* pooled */
  char *image_id;
  char *architecture;  /* pooled */
  char *license_type;  /* pooled */
  char *platform;  /* pooled */
  char *boot_mode;  /* pooled */
  char *kms_key_id;  /* pooled */
  AmigoTag *tags;
  /* snapshotTaskDetail */
  char *detail_status;  /* pooled */
  char *detail_status_message;
  char *detail_progress;  /* pooled */
  char *snapshot_id;
  char *format;  /* pooled */
  char *disk_image_size;
  guint n_tags;
  gint8 encrypted;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoImportTask, amigo_import_task, G_TYPE_OBJECT)

static const AmigoRecordField import_task_detail_fields[] = {
  AMIGO_RECORD_FIELD (AmigoImportTask, "status", "Status", "snapshot-status", POOLED, detail_status),
  AMIGO_RECORD_FIELD (AmigoImportTask, "statusMessage", "StatusMessage", "snapshot-status-message", STRING, detail_status_message),
  AMIGO_RECORD_FIELD (AmigoImportTask, "progress", "Progress", "snapshot-progress", POOLED, detail_progress),
  AMIGO_RECORD_FIELD (AmigoImportTask, "snapshotId", "SnapshotId", "snapshot-id", STRING, snapshot_id),
  AMIGO_RECORD_FIELD (AmigoImportTask, "format", "Format", "format", POOLED, format),
  AMIGO_RECORD_FIELD (AmigoImportTask, "diskImageSize", "DiskImageSize", "disk-image-size", STRING, disk_image_size),
};

static AmigoRecordType import_task_detail_type =
  AMIGO_RECORD_NESTED_TYPE ("SnapshotTaskDetail", import_task_detail_fields);

static const AmigoRecordField import_task_fields[] = {
  AMIGO_RECORD_FIELD (AmigoImportTask, "importTaskId", "ImportTaskId", "import-task-id", STRING, import_task_id),
  AMIGO_RECORD_FIELD (AmigoImportTask, "description", "Description", "description", STRING, description),
  AMIGO_RECORD_FIELD (AmigoImportTask, "status", "Status", "status", POOLED, status),
  AMIGO_RECORD_FIELD (AmigoImportTask, "statusMessage", "StatusMessage", "status-message", STRING, status_message),
  AMIGO_RECORD_FIELD (AmigoImportTask, "progress", "Progress", "progress", POOLED, progress),
  AMIGO_RECORD_FIELD (AmigoImportTask, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (AmigoImportTask, "architecture", "Architecture", "architecture", POOLED, architecture),
  AMIGO_RECORD_FIELD (AmigoImportTask, "licenseType", "LicenseType", "license-type", POOLED, license_type),
  AMIGO_RECORD_FIELD (AmigoImportTask, "platform", "Platform", "platform", POOLED, platform),
  AMIGO_RECORD_FIELD (AmigoImportTask, "bootMode", "BootMode", "boot-mode", POOLED, boot_mode),
  AMIGO_RECORD_FIELD (AmigoImportTask, "encrypted", "Encrypted", "encrypted", BOOLEAN, encrypted),
  AMIGO_RECORD_FIELD (AmigoImportTask, "kmsKeyId", "KmsKeyId", "kms-key-id", POOLED, kms_key_id),
  AMIGO_RECORD_LIST (AmigoImportTask, "tagSet", "Tags", "tags", tags, amigo_tag_record),
  AMIGO_RECORD_FLATTEN ("snapshotTaskDetail", "SnapshotTaskDetail", import_task_detail_type),
};

AmigoRecordType amigo_import_task_record =
  AMIGO_RECORD_TYPE ("ImportImageTask", AmigoImportTask, import_task_fields, amigo_import_task_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImportTask, amigo_import_task, amigo_import_task_record)

/**
 * amigo_import_task_new:
 *
 * Creates an empty AmigoImportTask; the parsers fill it from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoImportTask
 */
AmigoImportTask *
amigo_import_task_new (void)
{
  return g_object_new (AMIGO_TYPE_IMPORT_TASK, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImportTask, amigo_import_task, AMIGO_IS_IMPORT_TASK, Ret, field, fallback)

/**
 * amigo_import_task_get_import_task_id:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `import-ami-…` or `import-snap-…`
 */
GETTER (const char *, import_task_id, NULL)

/**
 * amigo_import_task_get_description:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the description given to the task
 */
GETTER (const char *, description, NULL)

/**
 * amigo_import_task_get_status:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `active`, `completed`, `deleting` or
 *   `deleted` (`status`, or `snapshotTaskDetail/status`)
 */
const char *
amigo_import_task_get_status (AmigoImportTask *self)
{
  g_return_val_if_fail (AMIGO_IS_IMPORT_TASK (self), NULL);
  return self->status != NULL ? self->status : self->detail_status;
}

/**
 * amigo_import_task_get_status_message:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the step of an active task
 *   (`pending`, `validating`, `converting`, `updating`, `booting`,
 *   `preparing ami`…) or why a deleted one failed (`statusMessage`)
 */
const char *
amigo_import_task_get_status_message (AmigoImportTask *self)
{
  g_return_val_if_fail (AMIGO_IS_IMPORT_TASK (self), NULL);
  return self->status_message != NULL ? self->status_message : self->detail_status_message;
}

/**
 * amigo_import_task_get_progress:
 * @self: an #AmigoImportTask
 *
 * Returns: the percentage done (`progress`, a string on the wire), -1 when
 *   not given (finished tasks have none)
 */
gint
amigo_import_task_get_progress (AmigoImportTask *self)
{
  const char *progress;
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (AMIGO_IS_IMPORT_TASK (self), -1);

  progress = self->progress != NULL ? self->progress : self->detail_progress;
  if (progress == NULL)
    return -1;
  value = g_ascii_strtoll (progress, &end, 10);
  if (end == progress || value < 0)
    return -1;
  return (gint) MIN (value, 100);
}

/**
 * amigo_import_task_get_image_id:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the AMI an image import made, once
 *   it is `completed`
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_import_task_get_snapshot_id:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the snapshot a snapshot import made
 */
GETTER (const char *, snapshot_id, NULL)

/**
 * amigo_import_task_get_architecture:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `x86_64`, `i386` or `arm64`
 */
GETTER (const char *, architecture, NULL)

/**
 * amigo_import_task_get_license_type:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `AWS` or `BYOL`
 */
GETTER (const char *, license_type, NULL)

/**
 * amigo_import_task_get_platform:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `Windows` or `Linux`
 */
GETTER (const char *, platform, NULL)

/**
 * amigo_import_task_get_boot_mode:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): `legacy-bios` or `uefi`
 */
GETTER (const char *, boot_mode, NULL)

/**
 * amigo_import_task_get_format:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the disk's format (snapshot imports)
 */
GETTER (const char *, format, NULL)

/**
 * amigo_import_task_get_disk_image_size:
 * @self: an #AmigoImportTask
 *
 * Returns: the disk's size as EC2 reports it (a double on the wire), -1
 *   when not given
 */
gint64
amigo_import_task_get_disk_image_size (AmigoImportTask *self)
{
  g_return_val_if_fail (AMIGO_IS_IMPORT_TASK (self), -1);

  if (self->disk_image_size == NULL)
    return -1;
  return (gint64) g_ascii_strtod (self->disk_image_size, NULL);
}

/**
 * amigo_import_task_get_encrypted:
 * @self: an #AmigoImportTask
 *
 * Returns: whether the AMI (or snapshot) is encrypted
 */
AMIGO_RECORD_TRISTATE_GETTER (AmigoImportTask, amigo_import_task, AMIGO_IS_IMPORT_TASK, encrypted)

/**
 * amigo_import_task_get_kms_key_id:
 * @self: an #AmigoImportTask
 *
 * Returns: (transfer none) (nullable): the KMS key of an encrypted import
 */
GETTER (const char *, kms_key_id, NULL)

/**
 * amigo_import_task_get_tags:
 * @self: an #AmigoImportTask
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): the task's tags
 */
AMIGO_RECORD_ARRAY_GETTER (AmigoImportTask, amigo_import_task, AMIGO_IS_IMPORT_TASK, AmigoTag, tags)

/**
 * amigo_import_task_is_finished:
 * @self: an #AmigoImportTask
 *
 * Returns: whether the task will not change any more: `completed` or
 *   `deleted`
 */
gboolean
amigo_import_task_is_finished (AmigoImportTask *self)
{
  const char *status = amigo_import_task_get_status (self);

  return g_strcmp0 (status, AMIGO_IMPORT_TASK_COMPLETED) == 0
         || g_strcmp0 (status, AMIGO_IMPORT_TASK_DELETED) == 0;
}
