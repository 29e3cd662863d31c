/* amigo-state-reason.h — why something is in its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoStateReason:
 * @code: the reason code (`code`) (pooled)
 * @message: the message (`message`)
 *
 * Why something is in its state.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *code;
  char *message;
} AmigoStateReason;

#define AMIGO_TYPE_STATE_REASON (amigo_state_reason_get_type ())

GType             amigo_state_reason_get_type (void) G_GNUC_CONST;
AmigoStateReason *amigo_state_reason_new      (const char *code,
                                               const char *message);
AmigoStateReason *amigo_state_reason_copy     (const AmigoStateReason *self);
void              amigo_state_reason_free     (AmigoStateReason *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoStateReason, amigo_state_reason_free)

G_END_DECLS
