/* amigo-export-image-task.c — an ExportImage task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-export-image-task.h"
#include "amigo-record-private.h"

struct _AmigoExportImageTask
{
  GObject parent_instance;

  char *export_image_task_id;
  char *image_id;
  char *description;
  char *status;  /* pooled */
  char *status_message;
  char *progress;  /* pooled */
  char *s3_bucket;
  char *s3_prefix;
  AmigoTag *tags;
  guint n_tags;
};

G_DEFINE_FINAL_TYPE (AmigoExportImageTask, amigo_export_image_task, G_TYPE_OBJECT)

static const AmigoRecordField export_location_fields[] = {
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "s3Bucket", "S3Bucket", "s3-bucket", STRING, s3_bucket),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "s3Prefix", "S3Prefix", "s3-prefix", STRING, s3_prefix),
};

static AmigoRecordType export_location_type =
  AMIGO_RECORD_NESTED_TYPE ("ExportTaskS3Location", export_location_fields);

static const AmigoRecordField export_image_task_fields[] = {
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "exportImageTaskId", "ExportImageTaskId", "export-image-task-id", STRING, export_image_task_id),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "description", "Description", "description", STRING, description),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "status", "Status", "status", POOLED, status),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "statusMessage", "StatusMessage", "status-message", STRING, status_message),
  AMIGO_RECORD_FIELD (AmigoExportImageTask, "progress", "Progress", "progress", POOLED, progress),
  AMIGO_RECORD_FLATTEN ("s3ExportLocation", "S3ExportLocation", export_location_type),
  AMIGO_RECORD_LIST (AmigoExportImageTask, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_export_image_task_record =
  AMIGO_RECORD_TYPE ("ExportImageTask", AmigoExportImageTask, export_image_task_fields,
                     amigo_export_image_task_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoExportImageTask, amigo_export_image_task, amigo_export_image_task_record)

/**
 * amigo_export_image_task_new:
 *
 * Returns: (transfer full): a new, empty #AmigoExportImageTask
 */
AmigoExportImageTask *
amigo_export_image_task_new (void)
{
  return g_object_new (AMIGO_TYPE_EXPORT_IMAGE_TASK, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoExportImageTask, amigo_export_image_task, AMIGO_IS_EXPORT_IMAGE_TASK, Ret, field, fallback)

/**
 * amigo_export_image_task_get_export_image_task_id:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): `export-ami-…`
 */
GETTER (const char *, export_image_task_id, NULL)

/**
 * amigo_export_image_task_get_image_id:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): the AMI being exported
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_export_image_task_get_description:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): its description
 */
GETTER (const char *, description, NULL)

/**
 * amigo_export_image_task_get_status:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): `active`, `completed`, `deleting`
 *   or `deleted`
 */
GETTER (const char *, status, NULL)

/**
 * amigo_export_image_task_get_status_message:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): the step, or why it failed
 */
GETTER (const char *, status_message, NULL)

/**
 * amigo_export_image_task_get_progress:
 * @self: an #AmigoExportImageTask
 *
 * Returns: the percentage done, -1 when not given
 */
gint
amigo_export_image_task_get_progress (AmigoExportImageTask *self)
{
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (AMIGO_IS_EXPORT_IMAGE_TASK (self), -1);

  if (self->progress == NULL)
    return -1;
  value = g_ascii_strtoll (self->progress, &end, 10);
  if (end == self->progress || value < 0)
    return -1;
  return (gint) MIN (value, 100);
}

/**
 * amigo_export_image_task_get_s3_bucket:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): the bucket the file goes to
 */
GETTER (const char *, s3_bucket, NULL)

/**
 * amigo_export_image_task_get_s3_prefix:
 * @self: an #AmigoExportImageTask
 *
 * Returns: (transfer none) (nullable): the key prefix, if any
 */
GETTER (const char *, s3_prefix, NULL)

/**
 * amigo_export_image_task_get_tags:
 * @self: an #AmigoExportImageTask
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags
 */
AMIGO_RECORD_ARRAY_GETTER (AmigoExportImageTask, amigo_export_image_task, AMIGO_IS_EXPORT_IMAGE_TASK, AmigoTag, tags)

/**
 * amigo_export_image_task_is_finished:
 * @self: an #AmigoExportImageTask
 *
 * Returns: whether it is `completed` or `deleted`
 */
gboolean
amigo_export_image_task_is_finished (AmigoExportImageTask *self)
{
  g_return_val_if_fail (AMIGO_IS_EXPORT_IMAGE_TASK (self), FALSE);
  return g_strcmp0 (self->status, "completed") == 0 || g_strcmp0 (self->status, "deleted") == 0;
}

/**
 * amigo_export_image_task_dup_object_key:
 * @self: an #AmigoExportImageTask
 * @disk_image_format: `VMDK`, `VHD` or `RAW`, as asked of ExportImage
 *
 * Where the exported file is: VM Import/Export writes it to the bucket at
 * the prefix followed by the task id and the format, e.g.
 * `exports/export-ami-1234567890abcdef0.vmdk`.
 *
 * Returns: (transfer full) (nullable): the object key, %NULL without a task id
 */
char *
amigo_export_image_task_dup_object_key (AmigoExportImageTask *self,
                                        const char           *disk_image_format)
{
  g_autofree char *extension = NULL;

  g_return_val_if_fail (AMIGO_IS_EXPORT_IMAGE_TASK (self), NULL);
  g_return_val_if_fail (disk_image_format != NULL, NULL);

  if (self->export_image_task_id == NULL)
    return NULL;
  extension = g_ascii_strdown (disk_image_format, -1);
  return g_strdup_printf ("%s%s.%s", self->s3_prefix != NULL ? self->s3_prefix : "",
                          self->export_image_task_id, extension);
}
