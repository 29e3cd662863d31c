/* amigo-import-task.h — a VM Import/Export import task (image or snapshot)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

/* `status` values of import tasks (DescribeImportImageTasks' `task-state`). */
#define AMIGO_IMPORT_TASK_ACTIVE    "active"
#define AMIGO_IMPORT_TASK_COMPLETED "completed"
#define AMIGO_IMPORT_TASK_DELETING  "deleting"
#define AMIGO_IMPORT_TASK_DELETED   "deleted"

#define AMIGO_TYPE_IMPORT_TASK (amigo_import_task_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImportTask, amigo_import_task, AMIGO, IMPORT_TASK, GObject)

AmigoImportTask *amigo_import_task_new                (void);
const char      *amigo_import_task_get_import_task_id (AmigoImportTask *self);
const char      *amigo_import_task_get_description    (AmigoImportTask *self);
const char      *amigo_import_task_get_status         (AmigoImportTask *self);
const char      *amigo_import_task_get_status_message (AmigoImportTask *self);
gint             amigo_import_task_get_progress       (AmigoImportTask *self);
const char      *amigo_import_task_get_image_id       (AmigoImportTask *self);
const char      *amigo_import_task_get_snapshot_id    (AmigoImportTask *self);
const char      *amigo_import_task_get_architecture   (AmigoImportTask *self);
const char      *amigo_import_task_get_license_type   (AmigoImportTask *self);
const char      *amigo_import_task_get_platform       (AmigoImportTask *self);
const char      *amigo_import_task_get_boot_mode      (AmigoImportTask *self);
const char      *amigo_import_task_get_format         (AmigoImportTask *self);
gint64           amigo_import_task_get_disk_image_size (AmigoImportTask *self);
gboolean         amigo_import_task_get_encrypted      (AmigoImportTask *self);
const char      *amigo_import_task_get_kms_key_id     (AmigoImportTask *self);
const AmigoTag  *amigo_import_task_get_tags           (AmigoImportTask *self,
                                                       guint           *n_tags);
gboolean         amigo_import_task_is_finished        (AmigoImportTask *self);

G_END_DECLS
