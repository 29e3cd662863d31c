/* amigo-task-manager-private.h — what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-task-manager.h"

G_BEGIN_DECLS

/* Polling waits @initial_ms first, then ×1.5 up to @max_ms (2 s and 60 s
 * unless a test shortens them); applies to the next wait of every task. */
void     _amigo_task_manager_set_intervals  (AmigoTaskManager *self,
                                             guint             initial_ms,
                                             guint             max_ms);
/* The wait after @interval_ms when nothing changed. */
guint    _amigo_task_backoff_next           (guint             interval_ms,
                                             guint             max_ms);
/* How many Describe requests the manager has sent, all tasks together. */
guint    _amigo_task_manager_get_n_requests (AmigoTaskManager *self);
/* Whether a poll of @task is scheduled, under way or waiting for the
 * accounts to load. */
gboolean _amigo_task_manager_is_watching    (AmigoTaskManager *self,
                                             AmigoTask        *task);
/* The wait before the poll after the next one of @task (0 when not watched). */
guint    _amigo_task_manager_get_interval   (AmigoTaskManager *self,
                                             AmigoTask        *task);

G_END_DECLS
