/* amigo-ec2-vm-import.c — VM Import/Export and AMIs stored in S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ImportImage, ImportSnapshot and ExportImage answer the task they
 * started (read as the same model their Describe… call lists); the tasks
 * are then followed with DescribeImportImageTasks,
 * DescribeImportSnapshotTasks, DescribeExportImageTasks and
 * DescribeStoreImageTasks (src/core/amigo-task-watch.c polls them).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-ec2-private.h"
#include "amigo-error.h"
#include "amigo-record-private.h"

/* DescribeExportImageTasks MaxResults: 1–500; DescribeStoreImageTasks: 1–200. */
#define EXPORT_TASKS_PAGE_SIZE 500
#define STORE_TASKS_PAGE_SIZE  200

/* ---- answers read as one model -------------------------------------- */

static AmigoEc2Parser *
import_image_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_answer_object ("ImportImageResponse", &amigo_import_task_record);
}

static AmigoEc2Parser *
import_snapshot_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_answer_object ("ImportSnapshotResponse", &amigo_import_task_record);
}

static AmigoEc2Parser *
export_image_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_answer_object ("ExportImageResponse", &amigo_export_image_task_record);
}

/* The task's result is the parsed model, which must name its task. */
static void
done_object (GTask          *task,
             AmigoEc2Parser *parser)
{
  GObject *object = amigo_ec2_parser_get_object (parser);
  const char *id_property = AMIGO_IS_IMPORT_TASK (object) ? "import-task-id" : "export-image-task-id";
  g_autofree char *id = NULL;

  g_object_get (object, id_property, &id, NULL);
  if (id == NULL || *id == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without the task’s ID."),
                               amigo_ec2_get_region (g_task_get_source_object (task)),
                               g_task_get_name (task));
      return;
    }
  g_task_return_pointer (task, g_object_ref (object), g_object_unref);
}

static const AmigoEc2OpShape import_image_shape = { import_image_new_parser, done_object, NULL };
static const AmigoEc2OpShape import_snapshot_shape = { import_snapshot_new_parser, done_object, NULL };
static const AmigoEc2OpShape export_image_shape = { export_image_new_parser, done_object, NULL };

/* The disk of an import — `DiskContainer` (ImportImage: its first item,
 * `DiskContainer.1`) with its format and object — then its description. */
static void
add_disk_container (AmigoEc2Query *q,
                    gboolean       item,
                    const char    *format,
                    const char    *bucket,
                    const char    *key,
                    const char    *description)
{
  if (item)
    amigo_ec2_query_push_item (q, "DiskContainer");
  else
    amigo_ec2_query_push (q, "DiskContainer");
  amigo_ec2_query_add_string (q, "Format", format);
  amigo_ec2_query_push (q, "UserBucket");
  amigo_ec2_query_add_string (q, "S3Bucket", bucket);
  amigo_ec2_query_add_string (q, "S3Key", key);
  amigo_ec2_query_pop (q);
  amigo_ec2_query_pop (q);
  amigo_ec2_query_add_string (q, "Description", description);
}

static void
add_encryption (AmigoEc2Query *q,
                gboolean       encrypted,
                const char    *kms_key_id)
{
  if (!encrypted)
    return;
  amigo_ec2_query_add_boolean (q, "Encrypted", TRUE);
  amigo_ec2_query_add_string (q, "KmsKeyId", kms_key_id);
}

/* ---- the operations over one request ---------------------------------- */

static gboolean
encode_import_image (AmigoEc2Query *q,
                     gconstpointer  data)
{
  const AmigoImportImageRequest *request = data;

  g_return_val_if_fail (request->s3_bucket != NULL && request->s3_key != NULL, FALSE);

  add_disk_container (q, TRUE, request->format, request->s3_bucket, request->s3_key,
                      request->description);
  amigo_ec2_query_add_string (q, "Architecture", request->architecture);
  amigo_ec2_query_add_string (q, "BootMode", request->boot_mode);
  amigo_ec2_query_add_string (q, "LicenseType", request->license_type);
  amigo_ec2_query_add_string (q, "Platform", request->platform);
  add_encryption (q, request->encrypted, request->kms_key_id);
  amigo_ec2_query_add_string (q, "RoleName", request->role_name);
  _amigo_ec2_add_tag_specification (q, "import-image-task", request->task_tags, request->n_task_tags);
  _amigo_ec2_add_client_token (q, request->client_token);
  return TRUE;
}

static gboolean
encode_import_snapshot (AmigoEc2Query *q,
                        gconstpointer  data)
{
  const AmigoImportSnapshotRequest *request = data;

  g_return_val_if_fail (request->s3_bucket != NULL && request->s3_key != NULL, FALSE);

  add_disk_container (q, FALSE, request->format, request->s3_bucket, request->s3_key,
                      request->description);
  add_encryption (q, request->encrypted, request->kms_key_id);
  amigo_ec2_query_add_string (q, "RoleName", request->role_name);
  _amigo_ec2_add_client_token (q, request->client_token);
  return TRUE;
}

static gboolean
encode_export_image (AmigoEc2Query *q,
                     gconstpointer  data)
{
  const AmigoExportImageRequest *request = data;

  g_return_val_if_fail (request->image_id != NULL, FALSE);
  g_return_val_if_fail (request->disk_image_format != NULL && request->s3_bucket != NULL, FALSE);

  amigo_ec2_query_add_string (q, "ImageId", request->image_id);
  amigo_ec2_query_add_string (q, "DiskImageFormat", request->disk_image_format);
  amigo_ec2_query_push (q, "S3ExportLocation");
  amigo_ec2_query_add_string (q, "S3Bucket", request->s3_bucket);
  amigo_ec2_query_add_string (q, "S3Prefix", request->s3_prefix);
  amigo_ec2_query_pop (q);
  amigo_ec2_query_add_string (q, "Description", request->description);
  amigo_ec2_query_add_string (q, "RoleName", request->role_name);
  _amigo_ec2_add_tag_specification (q, "export-image-task", request->task_tags, request->n_task_tags);
  _amigo_ec2_add_client_token (q, request->client_token);
  return TRUE;
}

static gboolean
encode_restore_image (AmigoEc2Query *q,
                      gconstpointer  data)
{
  const AmigoRestoreImageRequest *request = data;

  g_return_val_if_fail (request->s3_bucket != NULL && request->object_key != NULL, FALSE);

  amigo_ec2_query_add_string (q, "Bucket", request->s3_bucket);
  amigo_ec2_query_add_string (q, "ObjectKey", request->object_key);
  amigo_ec2_query_add_string (q, "Name", request->name);
  _amigo_ec2_add_tag_specification (q, "image", request->image_tags, request->n_image_tags);
  _amigo_ec2_add_tag_specification (q, "snapshot", request->snapshot_tags, request->n_snapshot_tags);
  return TRUE;
}

static const AmigoEc2RequestOp import_image_op = { "ImportImage", encode_import_image, &import_image_shape };
static const AmigoEc2RequestOp import_snapshot_op = { "ImportSnapshot", encode_import_snapshot, &import_snapshot_shape };
static const AmigoEc2RequestOp export_image_op = { "ExportImage", encode_export_image, &export_image_shape };
static const AmigoEc2RequestOp restore_image_op = { "CreateRestoreImageTask", encode_restore_image, &_amigo_ec2_shape_image_id };

/* ---- the Describe…Tasks operations ------------------------------------ */

/* DescribeStoreImageTasks: "You cannot specify this parameter and the
 * ImageIds parameter in the same call": MaxResults goes only without ids. */
static const AmigoEc2DescribeList describe_import_image_tasks = {
  "DescribeImportImageTasks", "ImportTaskId", 0, amigo_ec2_parser_new_describe_import_image_tasks
};
static const AmigoEc2DescribeList describe_import_snapshot_tasks = {
  "DescribeImportSnapshotTasks", "ImportTaskId", 0, amigo_ec2_parser_new_describe_import_snapshot_tasks
};
static const AmigoEc2DescribeList describe_export_image_tasks = {
  "DescribeExportImageTasks", "ExportImageTaskId", EXPORT_TASKS_PAGE_SIZE,
  amigo_ec2_parser_new_describe_export_image_tasks
};
static const AmigoEc2DescribeList describe_store_image_tasks = {
  "DescribeStoreImageTasks", "ImageId", STORE_TASKS_PAGE_SIZE,
  amigo_ec2_parser_new_describe_store_image_tasks
};

/**
 * amigo_ec2_import_image_async:
 * @self: EC2 in the Region of the bucket
 * @request: the import (see #AmigoImportImageRequest)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has started (or refused) the import
 * @user_data: data for @callback
 *
 * ImportImage. EC2 refuses at once (`InvalidParameter`) when the service
 * role is missing or may not read the object; a disk it cannot read or
 * that is no disk image fails the task later (`deleted`, with the reason
 * in its status message).
 *
 * amigo_ec2_import_image_finish() returns (transfer full) (nullable) the
 * task as it started (`import-ami-…`, `active`), or %NULL with @error set.
 */
AMIGO_EC2_DEFINE_REQUEST_OP (AmigoImportImageRequest, AmigoImportTask *, import_image, import_image_op)

/**
 * amigo_ec2_import_snapshot_async:
 * @self: EC2 in the Region of the bucket
 * @request: the import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has started (or refused) the import
 * @user_data: data for @callback
 *
 * ImportSnapshot. amigo_ec2_import_snapshot_finish() returns (transfer full)
 * (nullable) the task as it started (`import-snap-…`), or %NULL with @error set.
 */
AMIGO_EC2_DEFINE_REQUEST_OP (AmigoImportSnapshotRequest, AmigoImportTask *, import_snapshot, import_snapshot_op)

/**
 * amigo_ec2_describe_import_image_tasks_async:
 * @self: an #AmigoEc2
 * @ids: (array zero-terminated=1) (nullable): the tasks; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeImportImageTasks: status, status message, progress, and the AMI
 * of a completed import. Its _finish returns (transfer container)
 * (element-type AmigoImportTask) (nullable) the tasks, or %NULL with @error set.
 */
AMIGO_EC2_DEFINE_DESCRIBE_IDS (describe_import_image_tasks, describe_import_image_tasks)

/**
 * amigo_ec2_describe_import_snapshot_tasks_async:
 *
 * DescribeImportSnapshotTasks, as amigo_ec2_describe_import_image_tasks_async();
 * the items are #AmigoImportTask too.
 */
AMIGO_EC2_DEFINE_DESCRIBE_IDS (describe_import_snapshot_tasks, describe_import_snapshot_tasks)

/**
 * amigo_ec2_describe_export_image_tasks_async:
 *
 * DescribeExportImageTasks, as amigo_ec2_describe_import_image_tasks_async();
 * the items are #AmigoExportImageTask.
 */
AMIGO_EC2_DEFINE_DESCRIBE_IDS (describe_export_image_tasks, describe_export_image_tasks)

/**
 * amigo_ec2_describe_store_image_tasks_async:
 *
 * DescribeStoreImageTasks of the AMIs @ids (up to 20; %NULL for every
 * task), as amigo_ec2_describe_import_image_tasks_async(); the items are
 * #AmigoStoreImageTask.
 */
AMIGO_EC2_DEFINE_DESCRIBE_IDS (describe_store_image_tasks, describe_store_image_tasks)

/* ---- CancelImportTask ------------------------------------------------ */

static void
done_state (GTask          *task,
            AmigoEc2Parser *parser)
{
  const char *state = amigo_ec2_parser_get_value (parser, "state");

  g_task_return_pointer (task, g_strdup (state != NULL ? state : AMIGO_IMPORT_TASK_DELETING), g_free);
}

static const AmigoEc2OpShape cancel_shape = { NULL, done_state, NULL };

/**
 * amigo_ec2_cancel_import_task_async:
 * @self: an #AmigoEc2
 * @import_task_id: the import image or snapshot task
 * @cancel_reason: (nullable): `CancelReason`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * CancelImportTask of an active import.
 */
AMIGO_EC2_DEFINE_ID_ARG_OP (cancel_import_task,
                            "CancelImportTask", "ImportTaskId", "CancelReason", &cancel_shape)

/**
 * amigo_ec2_cancel_import_task_finish:
 *
 * Returns: (transfer full) (nullable): the task's state now (`deleting`),
 *   or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, cancel_import_task)

/**
 * amigo_ec2_export_image_async:
 * @self: EC2 in the Region of the image (and bucket)
 * @request: the export
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has started (or refused) the export
 * @user_data: data for @callback
 *
 * ExportImage. amigo_ec2_export_image_finish() returns (transfer full)
 * (nullable) the task as it started (`export-ami-…`), or %NULL with @error set.
 */
AMIGO_EC2_DEFINE_REQUEST_OP (AmigoExportImageRequest, AmigoExportImageTask *, export_image, export_image_op)

/* ---- Store and restore ----------------------------------------------- */

static void
done_object_key (GTask          *task,
                 AmigoEc2Parser *parser)
{
  const char *key = amigo_ec2_parser_get_value (parser, "objectKey");

  if (key == NULL || *key == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without its result."),
                               amigo_ec2_get_region (g_task_get_source_object (task)),
                               g_task_get_name (task));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (key)), g_free);
}

static const AmigoEc2OpShape store_shape = { NULL, done_object_key, NULL };

/**
 * amigo_ec2_create_store_image_task_async:
 * @self: EC2 in the Region of the image and the bucket
 * @image_id: the AMI
 * @bucket: the bucket
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the task has started
 * @user_data: data for @callback
 *
 * CreateStoreImageTask; follow it with amigo_ec2_describe_store_image_tasks_async().
 */
AMIGO_EC2_DEFINE_ID_ARG_OP (create_store_image_task,
                            "CreateStoreImageTask", "ImageId", "Bucket", &store_shape, TRUE)

/**
 * amigo_ec2_create_store_image_task_finish:
 *
 * Returns: (transfer full) (nullable): the object's key, or %NULL with
 *   @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, create_store_image_task)

/**
 * amigo_ec2_create_restore_image_task_async:
 * @self: EC2 in the Region of the bucket
 * @request: what to restore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the AMI has been created (`pending`)
 * @user_data: data for @callback
 *
 * CreateRestoreImageTask. amigo_ec2_create_restore_image_task_finish()
 * returns (transfer full) (nullable) the new AMI's id, or %NULL with @error set.
 */
AMIGO_EC2_DEFINE_REQUEST_OP (AmigoRestoreImageRequest, char *, create_restore_image_task, restore_image_op)
