/* amigo-client-retry.h — how an AmigoClient waits before trying again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-client-private.h"

G_BEGIN_DECLS

/* The backoff of one client: botocore's standard-mode exponential backoff
 * with full jitter (retries/standard.py, ExponentialBackoff). */
typedef struct _AmigoRetryPolicy AmigoRetryPolicy;

AmigoRetryPolicy *_amigo_retry_policy_new        (void);
void              _amigo_retry_policy_free       (AmigoRetryPolicy *self);
guint             _amigo_retry_policy_backoff_ms (AmigoRetryPolicy *self,
                                                  guint             attempt,
                                                  gboolean          throttled,
                                                  gint64            retry_after_ms);
void              _amigo_retry_policy_backoff_started (AmigoRetryPolicy *self,
                                                       guint             attempt,
                                                       guint             delay_ms);

/* The client's policy (amigo-client.c). */
AmigoRetryPolicy *_amigo_client_get_retry_policy (AmigoClient      *self);

G_END_DECLS
