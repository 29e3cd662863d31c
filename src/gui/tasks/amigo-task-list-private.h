/* amigo-task-list-private.h — the task list's parts, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-task-list.h"

G_BEGIN_DECLS

/* The row showing @task, or NULL. */
GtkWidget *_amigo_task_list_get_row               (AmigoTaskList *self,
                                                   AmigoTask     *task);
GtkWidget *_amigo_task_list_get_clear_button      (AmigoTaskList *self);
/* The confirmation or error dialog open now, if any. */
GtkWindow *_amigo_task_list_get_dialog            (AmigoTaskList *self);
/* "less than 1 min", "2 min", "1 h 5 min" */
char      *_amigo_task_list_format_elapsed        (GTimeSpan      elapsed);

G_END_DECLS
