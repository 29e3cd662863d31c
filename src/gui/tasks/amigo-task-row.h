/* amigo-task-row.h — one task in the task list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-task.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_TASK_ROW (amigo_task_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTaskRow, amigo_task_row, AMIGO, TASK_ROW, GtkListBoxRow)

GtkWidget *amigo_task_row_new      (AmigoTask    *task);
AmigoTask *amigo_task_row_get_task (AmigoTaskRow *self);
/* Refreshes the elapsed time and pulses the progress bar. */
void       amigo_task_row_tick     (AmigoTaskRow *self);

G_END_DECLS
