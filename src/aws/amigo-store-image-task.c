/* amigo-store-image-task.c — a task storing an AMI in S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of DescribeStoreImageTasks' `storeImageTaskResultSet`.
 */
#include "config.h"

#include "amigo-store-image-task.h"
#include "amigo-record-private.h"

struct _AmigoStoreImageTask
{
  GObject parent_instance;

  char *ami_id;
  char *bucket;
  char *s3_object_key;
  char *store_task_state;  /* pooled */
  char *failure_reason;
  char *task_start_time;
  gint64 task_start_time_usec;
  gint32 progress_percentage;
};

G_DEFINE_FINAL_TYPE (AmigoStoreImageTask, amigo_store_image_task, G_TYPE_OBJECT)

static const AmigoRecordField store_image_task_fields[] = {
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "amiId", "AmiId", "ami-id", STRING, ami_id),
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "bucket", "Bucket", "bucket", STRING, bucket),
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "s3objectKey", "S3objectKey", "s3-object-key", STRING, s3_object_key),
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "storeTaskState", "StoreTaskState", "store-task-state", POOLED, store_task_state),
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "storeTaskFailureReason", "StoreTaskFailureReason", "failure-reason", STRING, failure_reason),
  AMIGO_RECORD_FIELD (AmigoStoreImageTask, "progressPercentage", "ProgressPercentage", "progress-percentage", INT, progress_percentage),
  AMIGO_RECORD_DATE (AmigoStoreImageTask, "taskStartTime", "TaskStartTime", "task-start-time", task_start_time),
};

AmigoRecordType amigo_store_image_task_record =
  AMIGO_RECORD_TYPE ("StoreImageTaskResult", AmigoStoreImageTask, store_image_task_fields,
                     amigo_store_image_task_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoStoreImageTask, amigo_store_image_task, amigo_store_image_task_record)

/**
 * amigo_store_image_task_new:
 *
 * Returns: (transfer full): a new, empty #AmigoStoreImageTask
 */
AmigoStoreImageTask *
amigo_store_image_task_new (void)
{
  return g_object_new (AMIGO_TYPE_STORE_IMAGE_TASK, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoStoreImageTask, amigo_store_image_task, AMIGO_IS_STORE_IMAGE_TASK, Ret, field, fallback)

/**
 * amigo_store_image_task_get_ami_id:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): the AMI being stored
 */
GETTER (const char *, ami_id, NULL)

/**
 * amigo_store_image_task_get_bucket:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): the bucket
 */
GETTER (const char *, bucket, NULL)

/**
 * amigo_store_image_task_get_s3_object_key:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): the object's key (`s3objectKey`)
 */
GETTER (const char *, s3_object_key, NULL)

/**
 * amigo_store_image_task_get_store_task_state:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): `InProgress`, `Completed` or `Failed`
 */
GETTER (const char *, store_task_state, NULL)

/**
 * amigo_store_image_task_get_failure_reason:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): why it failed (`storeTaskFailureReason`)
 */
GETTER (const char *, failure_reason, NULL)

/**
 * amigo_store_image_task_get_progress_percentage:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: the percentage done, -1 when not given
 */
GETTER (gint, progress_percentage, -1)

/**
 * amigo_store_image_task_get_task_start_time:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: (transfer none) (nullable): when it started, as AWS wrote it
 */
GETTER (const char *, task_start_time, NULL)

/**
 * amigo_store_image_task_get_task_start_time_usec:
 * @self: an #AmigoStoreImageTask
 *
 * Returns: @task_start_time in microseconds since the Unix epoch, or 0
 */
GETTER (gint64, task_start_time_usec, 0)
