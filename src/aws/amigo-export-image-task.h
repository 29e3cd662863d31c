/* amigo-export-image-task.h — an ExportImage task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_EXPORT_IMAGE_TASK (amigo_export_image_task_get_type ())

G_DECLARE_FINAL_TYPE (AmigoExportImageTask, amigo_export_image_task, AMIGO, EXPORT_IMAGE_TASK, GObject)

AmigoExportImageTask *amigo_export_image_task_new                      (void);
const char           *amigo_export_image_task_get_export_image_task_id (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_image_id             (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_description          (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_status               (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_status_message       (AmigoExportImageTask *self);
gint                  amigo_export_image_task_get_progress             (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_s3_bucket            (AmigoExportImageTask *self);
const char           *amigo_export_image_task_get_s3_prefix            (AmigoExportImageTask *self);
const AmigoTag       *amigo_export_image_task_get_tags                 (AmigoExportImageTask *self,
                                                                        guint                *n_tags);
gboolean              amigo_export_image_task_is_finished              (AmigoExportImageTask *self);
char                 *amigo_export_image_task_dup_object_key           (AmigoExportImageTask *self,
                                                                        const char           *disk_image_format);

G_END_DECLS
