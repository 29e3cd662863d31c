/* amigo-store-image-task.h — a task storing an AMI in S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/* `storeTaskState` values */
#define AMIGO_STORE_TASK_IN_PROGRESS "InProgress"
#define AMIGO_STORE_TASK_COMPLETED   "Completed"
#define AMIGO_STORE_TASK_FAILED      "Failed"

#define AMIGO_TYPE_STORE_IMAGE_TASK (amigo_store_image_task_get_type ())

G_DECLARE_FINAL_TYPE (AmigoStoreImageTask, amigo_store_image_task, AMIGO, STORE_IMAGE_TASK, GObject)

AmigoStoreImageTask *amigo_store_image_task_new                      (void);
const char          *amigo_store_image_task_get_ami_id               (AmigoStoreImageTask *self);
const char          *amigo_store_image_task_get_bucket               (AmigoStoreImageTask *self);
const char          *amigo_store_image_task_get_s3_object_key        (AmigoStoreImageTask *self);
const char          *amigo_store_image_task_get_store_task_state     (AmigoStoreImageTask *self);
const char          *amigo_store_image_task_get_failure_reason       (AmigoStoreImageTask *self);
gint                 amigo_store_image_task_get_progress_percentage  (AmigoStoreImageTask *self);
const char          *amigo_store_image_task_get_task_start_time      (AmigoStoreImageTask *self);
gint64               amigo_store_image_task_get_task_start_time_usec (AmigoStoreImageTask *self);

G_END_DECLS
