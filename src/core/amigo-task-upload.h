/* amigo-task-upload.h — an import whose disk image Amigo uploads first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-task.h"

G_BEGIN_DECLS

JsonNode  *amigo_task_upload_pending_new (const char                    *path,
                                          const AmigoImportImageRequest *request);
/* The resource id an import has while its file is uploaded: s3://bucket/key */
char      *amigo_task_upload_dup_location (const AmigoImportImageRequest *request);

/* amigo-task-import-snapshot.c: ImportSnapshot, then RegisterImage */
JsonNode   *amigo_task_upload_pending_new_snapshot (const char                    *path,
                                                    const AmigoImportImageRequest *request,
                                                    const char                    *ami_name);
gboolean    amigo_task_upload_is_snapshot          (AmigoTask                     *task);
const char *amigo_task_upload_get_snapshot_id      (AmigoTask                     *task);

G_END_DECLS
