/* amigo-async.h — how the engine declares its asynchronous operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every operation of the engine is the GIO pair
 *
 *   void  name_async  (Self *self, <arguments>, GCancellable *cancellable,
 *                      GAsyncReadyCallback callback, gpointer user_data);
 *   Ret   name_finish (Self *self, GAsyncResult *result, GError **error);
 *
 * AMIGO_DECLARE_ASYNC writes both from the parts that differ, so that a new
 * operation is one line in its header. An operation whose _finish has more
 * out-arguments than @error declares its _finish by hand instead.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @...: the arguments between @self and @cancellable, if any */
#define AMIGO_DECLARE_ASYNC(Self, Ret, name, ...)                             \
  void name##_async  (Self                *self, ##__VA_ARGS__,               \
                      GCancellable        *cancellable,                       \
                      GAsyncReadyCallback  callback,                          \
                      gpointer             user_data);                        \
  Ret  name##_finish (Self                *self,                              \
                      GAsyncResult        *result,                            \
                      GError             **error)

G_END_DECLS
