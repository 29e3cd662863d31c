/* amigo-client-retry.c — how an AmigoClient waits before trying again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-client-retry.h"

/* botocore retries/standard.py, ExponentialBackoff */
#define THROTTLING_BASE_MS         1000
#define TRANSIENT_BASE_MS          50
#define MAX_BACKOFF_MS             20000
#define RETRY_AFTER_MAX_EXTRA_MS   5000

struct _AmigoRetryPolicy
{
  guint throttling_base_ms;
  guint transient_base_ms;
  guint max_backoff_ms;

  /* Test hooks */
  AmigoJitterFunc jitter_func;
  gpointer jitter_data;
  AmigoBackoffHook backoff_hook;
  gpointer backoff_hook_data;
};

AmigoRetryPolicy *
_amigo_retry_policy_new (void)
{
  AmigoRetryPolicy *self = g_new0 (AmigoRetryPolicy, 1);

  self->throttling_base_ms = THROTTLING_BASE_MS;
  self->transient_base_ms = TRANSIENT_BASE_MS;
  self->max_backoff_ms = MAX_BACKOFF_MS;
  return self;
}

void
_amigo_retry_policy_free (AmigoRetryPolicy *self)
{
  g_free (self);
}

/* botocore standard mode: rand(0,1) × min(base × 2^(attempt-1), max), and
 * at least x-amz-retry-after (but at most 5 s more than that draw). */
guint
_amigo_retry_policy_backoff_ms (AmigoRetryPolicy *self,
                                guint             attempt,
                                gboolean          throttled,
                                gint64            retry_after)
{
  double base = throttled ? self->throttling_base_ms : self->transient_base_ms;
  double jitter = self->jitter_func ? self->jitter_func (self->jitter_data) : g_random_double ();
  double ceiling = base;
  double delay;

  for (guint i = 1; i < attempt && ceiling < self->max_backoff_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (double) self->max_backoff_ms);
  delay = CLAMP (jitter, 0.0, 1.0) * ceiling;

  if (retry_after >= 0)
    delay = MAX (delay, MIN ((double) retry_after, delay + RETRY_AFTER_MAX_EXTRA_MS));

  return (guint) delay;
}

void
_amigo_retry_policy_backoff_started (AmigoRetryPolicy *self,
                                     guint             attempt,
                                     guint             delay_ms)
{
  if (self->backoff_hook != NULL)
    self->backoff_hook (self->backoff_hook_data, attempt, delay_ms);
}

/* ---- test hooks ------------------------------------------------------ */

void
_amigo_client_set_backoff (AmigoClient *self,
                           guint        throttling_base_ms,
                           guint        transient_base_ms,
                           guint        max_backoff_ms)
{
  AmigoRetryPolicy *policy = _amigo_client_get_retry_policy (self);

  g_return_if_fail (policy != NULL);
  policy->throttling_base_ms = throttling_base_ms;
  policy->transient_base_ms = transient_base_ms;
  policy->max_backoff_ms = max_backoff_ms;
}

void
_amigo_client_set_jitter_func (AmigoClient     *self,
                               AmigoJitterFunc  func,
                               gpointer         user_data)
{
  AmigoRetryPolicy *policy = _amigo_client_get_retry_policy (self);

  g_return_if_fail (policy != NULL);
  policy->jitter_func = func;
  policy->jitter_data = user_data;
}

void
_amigo_client_set_backoff_hook (AmigoClient      *self,
                                AmigoBackoffHook  hook,
                                gpointer          user_data)
{
  AmigoRetryPolicy *policy = _amigo_client_get_retry_policy (self);

  g_return_if_fail (policy != NULL);
  policy->backoff_hook = hook;
  policy->backoff_hook_data = user_data;
}

guint
_amigo_client_backoff_delay_ms (AmigoClient *self,
                                guint        attempt,
                                gboolean     throttled,
                                gint64       retry_after)
{
  return _amigo_retry_policy_backoff_ms (_amigo_client_get_retry_policy (self), attempt,
                                         throttled, retry_after);
}
