/* amigo-task-manager.h — the tasks under way, polled, and kept across restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-account-manager.h"
#include "amigo-task.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_TASK_MANAGER (amigo_task_manager_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTaskManager, amigo_task_manager, AMIGO, TASK_MANAGER, GObject)

/* @state_path: the JSON state file (tests pass their own; the app uses
 * $XDG_STATE_HOME/amigo/tasks.json). */
AmigoTaskManager *amigo_task_manager_new         (AmigoAccountManager *accounts,
                                                  const char          *state_path);
/* Starts watching @task (and saves the state file). */
void              amigo_task_manager_add         (AmigoTaskManager    *self,
                                                  AmigoTask           *task);
/* A list model of AmigoTask, newest first. */
GListModel       *amigo_task_manager_get_tasks   (AmigoTaskManager    *self);
gboolean          amigo_task_manager_get_busy    (AmigoTaskManager    *self);

/* $XDG_STATE_HOME/amigo/tasks.json */
char             *amigo_task_manager_dup_default_state_path (void);
/* Removes the tasks that ended from the list (and the state file). */
void              amigo_task_manager_clear_finished (AmigoTaskManager *self);
/* Stops @task where AWS allows it (amigo_task_get_can_cancel(): a copy is
 * stopped by deregistering the unfinished copy). Ask the person first. */
AMIGO_DECLARE_ASYNC (AmigoTaskManager, gboolean, amigo_task_manager_cancel, AmigoTask *task);

/* ---- for tests only ----------------------------------------------------
 * Hooks into the polling that nothing in the app calls (see each
 * function's documentation). */

void     amigo_task_manager_set_intervals_for_testing  (AmigoTaskManager *self,
                                                        guint             initial_ms,
                                                        guint             max_ms);
guint    amigo_task_manager_get_n_requests_for_testing (AmigoTaskManager *self);
gboolean amigo_task_manager_is_watching_for_testing    (AmigoTaskManager *self,
                                                        AmigoTask        *task);
guint    amigo_task_manager_get_interval_for_testing   (AmigoTaskManager *self,
                                                        AmigoTask        *task);
guint    amigo_task_manager_backoff_next_for_testing   (guint             interval_ms,
                                                        guint             max_ms);
/* Uploads started from now on use @part_size (0: chosen from the file's
 * size) and send @max_parallel parts at once (0: the default). */
void     amigo_task_manager_set_upload_for_testing     (AmigoTaskManager *self,
                                                        guint64           part_size,
                                                        guint             max_parallel);

G_END_DECLS
