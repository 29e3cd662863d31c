/* amigo-state-reason.c — why something is in its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-state-reason.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoStateReason, amigo_state_reason, amigo_state_reason_copy, amigo_state_reason_free)

static const AmigoRecordField state_reason_fields[] = {
  AMIGO_RECORD_FIELD (AmigoStateReason, "code", "Code", NULL, POOLED, code),
  AMIGO_RECORD_FIELD (AmigoStateReason, "message", "Message", NULL, STRING, message),
};

AmigoRecordType amigo_state_reason_record =
  AMIGO_RECORD_TYPE ("StateReason", AmigoStateReason, state_reason_fields, amigo_state_reason_get_type, amigo_state_reason_free);

/**
 * amigo_state_reason_new:
 * @code: (nullable): the reason code
 * @message: (nullable): the message
 *
 * Returns: (transfer full): a new #AmigoStateReason
 */
AmigoStateReason *
amigo_state_reason_new (const char *code,
                        const char *message)
{
  AmigoStateReason *self = amigo_record_new (&amigo_state_reason_record);
  self->code = amigo_pool_intern (code);
  self->message = g_strdup (message);

  return self;
}

/**
 * amigo_state_reason_copy:
 * @self: a #AmigoStateReason
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_state_reason_free:
 * @self: (transfer full) (nullable): a #AmigoStateReason
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoStateReason, amigo_state_reason, amigo_state_reason_record)
