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

/* Define name_finish (self, result, error) of an _async function whose
 * task returns a pointer of type Ret (%NULL with @error set on failure)
 * or a boolean (%FALSE with @error set). */
#define AMIGO_DEFINE_FINISH_POINTER(Self, Ret, name)                          \
  Ret                                                                         \
  name##_finish (Self          *self,                                         \
                 GAsyncResult  *result,                                       \
                 GError       **error)                                        \
  {                                                                           \
    g_return_val_if_fail (g_task_is_valid (result, self), NULL);              \
    return g_task_propagate_pointer (G_TASK (result), error);                 \
  }
#define AMIGO_DEFINE_FINISH_BOOLEAN(Self, name)                               \
  gboolean                                                                    \
  name##_finish (Self          *self,                                         \
                 GAsyncResult  *result,                                       \
                 GError       **error)                                        \
  {                                                                           \
    g_return_val_if_fail (g_task_is_valid (result, self), FALSE);             \
    return g_task_propagate_boolean (G_TASK (result), error);                 \
  }

/* The _finish of name_async whose task must also carry its tag (a result
 * of another operation is a programming error). */
static inline gpointer
_amigo_task_finish_tagged (gpointer       self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
#define AMIGO_DEFINE_TAGGED_FINISH_POINTER(Self, Ret, name)                                    \
  Ret name##_finish (Self *self, GAsyncResult *result, GError **error)                         \
  {                                                                                            \
    return _amigo_task_finish_tagged (self, result, name##_async, error);                      \
  }

G_END_DECLS
