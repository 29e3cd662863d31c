/* amigo-task-download.h — an export whose file Amigo downloads at the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode  *amigo_task_download_pending_new (const char *path);
/* Where an export task saves its file, or NULL when it does not. */
const char *amigo_task_download_get_path   (JsonNode   *pending);

G_END_DECLS
