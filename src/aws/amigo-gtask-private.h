/* amigo-gtask-private.h — the task every engine _async function starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A task whose source is @source_object and whose tag is the _async
 * function that made it (@source_tag), as every _finish checks. */
static inline GTask *
_amigo_task_new_tagged (gpointer             source_object,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data,
                        gpointer             source_tag)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

G_END_DECLS
