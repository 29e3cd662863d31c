/* amigo-task-state-file.h — the task list kept across restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-task.h"

G_BEGIN_DECLS

GPtrArray *amigo_task_state_file_load (const char *path,
                                       gint64      now,
                                       gboolean   *out_rewrite);
void       amigo_task_state_file_save (const char *path,
                                       GListModel *tasks,
                                       gint64      now);

G_END_DECLS
