/* amigo-task-list.h — the tasks under way, in a popover of the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-task-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_TASK_LIST (amigo_task_list_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTaskList, amigo_task_list, AMIGO, TASK_LIST, GtkPopover)

/* A popover for the header bar's tasks button. A task's result link
 * activates `win.show-image` with a `(ss)` parameter (image id, region);
 * where that action does not exist, and for instances, it copies the ids
 * to the clipboard and emits ::toast. */
GtkWidget        *amigo_task_list_new         (AmigoTaskManager *manager);
AmigoTaskManager *amigo_task_list_get_manager (AmigoTaskList    *self);

G_END_DECLS
