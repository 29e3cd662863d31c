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

G_END_DECLS
