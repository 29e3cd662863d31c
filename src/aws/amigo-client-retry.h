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

void              _amigo_retry_policy_set_mode   (AmigoRetryPolicy *self,
                                                  AmigoRetryMode    mode);
AmigoRetryMode    _amigo_retry_policy_get_mode   (AmigoRetryPolicy *self);

/* Standard and adaptive modes' retry quota (botocore retries/quota.py and
 * RetryQuotaChecker): a retry takes 5 (10 after a timeout) from a bucket
 * of 500 and is not made when the bucket cannot pay; a success gives back
 * what its last retry took, or 1 when it needed none. Legacy mode has no
 * quota. @acquired is what was taken (0: not allowed). */
gboolean          _amigo_retry_policy_acquire_quota (AmigoRetryPolicy *self,
                                                     gboolean          timeout,
                                                     guint            *acquired);
void              _amigo_retry_policy_release_quota (AmigoRetryPolicy *self,
                                                     guint             acquired);
guint             _amigo_retry_policy_get_quota     (AmigoRetryPolicy *self);

/* Adaptive mode's client-side rate limiter (botocore retries/adaptive.py,
 * bucket.py, throttling.py): how long to wait before sending (0: send now,
 * a token was taken), and what every answer says (throttled or not). */
guint             _amigo_retry_policy_limiter_delay_ms (AmigoRetryPolicy *self);
void              _amigo_retry_policy_limiter_update   (AmigoRetryPolicy *self,
                                                        gboolean          throttled);

/* Test hooks: seconds on a monotonic clock, and the limiter's state. */
typedef double (*AmigoSecondsFunc) (gpointer user_data);
void              _amigo_retry_policy_set_time_func (AmigoRetryPolicy *self,
                                                     AmigoSecondsFunc  func,
                                                     gpointer          user_data);
void              _amigo_retry_policy_set_jitter_func (AmigoRetryPolicy *self,
                                                       AmigoJitterFunc   func,
                                                       gpointer          user_data);
typedef struct {
  gboolean enabled;
  double fill_rate;             /* tokens a second */
  double max_capacity;
  double capacity;
  double measured_rate;
  double w_max;
  double k;
  double last_fail;
} AmigoRateLimiterState;
void              _amigo_retry_policy_get_limiter   (AmigoRetryPolicy      *self,
                                                     AmigoRateLimiterState *state);

/* The client's policy (amigo-client.c). */
AmigoRetryPolicy *_amigo_client_get_retry_policy (AmigoClient      *self);

G_END_DECLS
