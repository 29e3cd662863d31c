/* amigo-getter-private.h — getters that return a field as it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ret prefix_get_field (Model *self): self->field, or @fallback (after a
 * critical) when @self fails CHECK. A file wraps it in a short macro with
 * its own type, prefix and check. */
#define AMIGO_DEFINE_FIELD_GETTER(Model, prefix, CHECK, Ret, field, fallback)  \
  Ret                                                                   \
  prefix##_get_##field (Model *self)                                    \
  {                                                                     \
    g_return_val_if_fail (CHECK (self), fallback);                      \
    return self->field;                                                 \
  }

G_END_DECLS
