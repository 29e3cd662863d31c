/* amigo-client-retry.c — how an AmigoClient waits before trying again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "amigo-client-retry.h"

/* botocore retries/standard.py, ExponentialBackoff */
#define THROTTLING_BASE_MS         1000
#define TRANSIENT_BASE_MS          50
#define MAX_BACKOFF_MS             20000
#define RETRY_AFTER_MAX_EXTRA_MS   5000

/* botocore retries/quota.py and standard.py, RetryQuotaChecker */
#define QUOTA_CAPACITY             500
#define QUOTA_RETRY_COST           5
#define QUOTA_TIMEOUT_COST         10
#define QUOTA_NO_RETRY_INCREMENT   1

/* botocore retries/bucket.py, throttling.py and adaptive.py */
#define BUCKET_MIN_RATE            0.5
#define CUBIC_SCALE_CONSTANT       0.4
#define CUBIC_BETA                 0.7
#define MAX_RATE_ADJUST_SCALE      2.0
#define RATE_SMOOTHING             0.8
#define RATE_TIME_BUCKET_RANGE     0.5

struct _AmigoRetryPolicy
{
  AmigoRetryMode mode;
  guint throttling_base_ms;
  guint transient_base_ms;
  guint max_backoff_ms;

  guint quota;                  /* of QUOTA_CAPACITY */

  /* adaptive mode: the token bucket … */
  gboolean limiter_enabled;
  double fill_rate;
  double max_capacity;
  double capacity;
  double last_refill;           /* NAN until the first refill */
  /* … the CUBIC rate calculator … */
  double w_max;
  double k;
  double last_fail;
  /* … and the measured send rate */
  double measured_rate;
  double last_bucket;
  double count;

  /* Test hooks */
  AmigoJitterFunc jitter_func;
  gpointer jitter_data;
  AmigoBackoffHook backoff_hook;
  gpointer backoff_hook_data;
  AmigoSecondsFunc time_func;
  gpointer time_data;
};

static double
now_seconds (AmigoRetryPolicy *self)
{
  if (self->time_func != NULL)
    return self->time_func (self->time_data);
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static void bucket_set_max_rate (AmigoRetryPolicy *self,
                                 double            rate);

/* adaptive.py, register_retry_handler(): CubicCalculator(starting_max_rate=0,
 * start_time=now), TokenBucket(max_rate=1), RateClocker(). */
static void
limiter_reset (AmigoRetryPolicy *self)
{
  double now = now_seconds (self);

  self->limiter_enabled = FALSE;
  self->w_max = 0;
  self->k = cbrt (self->w_max * (1 - CUBIC_BETA) / CUBIC_SCALE_CONSTANT);
  self->last_fail = now;
  self->capacity = 0;
  self->last_refill = NAN;
  bucket_set_max_rate (self, 1);
  self->measured_rate = 0;
  self->last_bucket = floor (now);
  self->count = 0;
}

AmigoRetryPolicy *
_amigo_retry_policy_new (void)
{
  AmigoRetryPolicy *self = g_new0 (AmigoRetryPolicy, 1);

  self->mode = AMIGO_RETRY_MODE_STANDARD;
  self->throttling_base_ms = THROTTLING_BASE_MS;
  self->transient_base_ms = TRANSIENT_BASE_MS;
  self->max_backoff_ms = MAX_BACKOFF_MS;
  self->quota = QUOTA_CAPACITY;
  limiter_reset (self);
  return self;
}

void
_amigo_retry_policy_set_mode (AmigoRetryPolicy *self,
                              AmigoRetryMode    mode)
{
  if (self->mode == mode)
    return;
  self->mode = mode;
  self->quota = QUOTA_CAPACITY;
  limiter_reset (self);
}

AmigoRetryMode
_amigo_retry_policy_get_mode (AmigoRetryPolicy *self)
{
  return self->mode;
}

void
_amigo_retry_policy_free (AmigoRetryPolicy *self)
{
  g_free (self);
}

/* botocore standard mode: rand(0,1) × min(base × 2^(attempt-1), max), and
 * at least x-amz-retry-after (but at most 5 s more than that draw). Legacy
 * mode (_retry.json: base "rand", growth factor 2) waits rand(0,1) ×
 * 2^(attempt-1) s whatever the error, within the same cap, and knows no
 * x-amz-retry-after. */
guint
_amigo_retry_policy_backoff_ms (AmigoRetryPolicy *self,
                                guint             attempt,
                                gboolean          throttled,
                                gint64            retry_after)
{
  double base = (throttled || self->mode == AMIGO_RETRY_MODE_LEGACY)
                ? self->throttling_base_ms : self->transient_base_ms;
  double jitter = self->jitter_func ? self->jitter_func (self->jitter_data) : g_random_double ();
  double ceiling = base;
  double delay;

  for (guint i = 1; i < attempt && ceiling < self->max_backoff_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (double) self->max_backoff_ms);
  delay = CLAMP (jitter, 0.0, 1.0) * ceiling;

  if (retry_after >= 0 && self->mode != AMIGO_RETRY_MODE_LEGACY)
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

/* ---- the retry quota ------------------------------------------------- */

gboolean
_amigo_retry_policy_acquire_quota (AmigoRetryPolicy *self,
                                   gboolean          timeout,
                                   guint            *acquired)
{
  guint cost = timeout ? QUOTA_TIMEOUT_COST : QUOTA_RETRY_COST;

  *acquired = 0;
  if (self->mode == AMIGO_RETRY_MODE_LEGACY)
    return TRUE;
  if (cost > self->quota)
    return FALSE;
  self->quota -= cost;
  *acquired = cost;
  return TRUE;
}

/* After a 2xx answer: @acquired is what the call's last retry took. */
void
_amigo_retry_policy_release_quota (AmigoRetryPolicy *self,
                                   guint             acquired)
{
  guint amount = acquired > 0 ? acquired : QUOTA_NO_RETRY_INCREMENT;

  if (self->mode == AMIGO_RETRY_MODE_LEGACY)
    return;
  self->quota = MIN (QUOTA_CAPACITY, self->quota + amount);
}

guint
_amigo_retry_policy_get_quota (AmigoRetryPolicy *self)
{
  return self->quota;
}

/* ---- adaptive mode's rate limiter ------------------------------------ */

/* bucket.py, TokenBucket._refill() */
static void
bucket_refill (AmigoRetryPolicy *self)
{
  double now = now_seconds (self);

  if (isnan (self->last_refill))
    {
      self->last_refill = now;
      return;
    }
  self->capacity = MIN (self->max_capacity,
                        self->capacity + (now - self->last_refill) * self->fill_rate);
  self->last_refill = now;
}

/* bucket.py, the TokenBucket.max_rate setter */
static void
bucket_set_max_rate (AmigoRetryPolicy *self,
                     double            rate)
{
  bucket_refill (self);
  self->fill_rate = MAX (rate, BUCKET_MIN_RATE);
  self->max_capacity = rate >= 1 ? rate : 1;
  self->capacity = MIN (self->capacity, self->max_capacity);
}

/* adaptive.py, ClientRateLimiter.on_sending_request(): takes a token, or
 * says how long until one is there (the caller waits, then asks again, as
 * TokenBucket.acquire() waits and refills). */
guint
_amigo_retry_policy_limiter_delay_ms (AmigoRetryPolicy *self)
{
  if (self->mode != AMIGO_RETRY_MODE_ADAPTIVE || !self->limiter_enabled)
    return 0;
  bucket_refill (self);
  if (self->capacity >= 1)
    {
      self->capacity -= 1;
      return 0;
    }
  return MAX (1, (guint) ceil ((1 - self->capacity) / self->fill_rate * 1000));
}

/* adaptive.py, RateClocker.record() */
static double
rate_record (AmigoRetryPolicy *self)
{
  double t = now_seconds (self);
  double scale = 1 / RATE_TIME_BUCKET_RANGE;
  double bucket = floor (t * scale) / scale;

  self->count += 1;
  if (bucket > self->last_bucket)
    {
      double current = self->count / (bucket - self->last_bucket);

      self->measured_rate = current * RATE_SMOOTHING + self->measured_rate * (1 - RATE_SMOOTHING);
      self->count = 0;
      self->last_bucket = bucket;
    }
  return self->measured_rate;
}

/* adaptive.py, ClientRateLimiter.on_receiving_response(), with
 * throttling.py's CubicCalculator: after every attempt, whatever its end. */
void
_amigo_retry_policy_limiter_update (AmigoRetryPolicy *self,
                                    gboolean          throttled)
{
  double measured;
  double now;
  double rate;

  if (self->mode != AMIGO_RETRY_MODE_ADAPTIVE)
    return;

  measured = rate_record (self);
  now = now_seconds (self);
  if (!throttled)
    rate = CUBIC_SCALE_CONSTANT * pow (now - self->last_fail - self->k, 3) + self->w_max;
  else
    {
      double current = self->limiter_enabled ? MIN (measured, self->fill_rate) : measured;

      self->w_max = current;
      self->k = cbrt (self->w_max * (1 - CUBIC_BETA) / CUBIC_SCALE_CONSTANT);
      self->last_fail = now;
      rate = current * CUBIC_BETA;
      self->limiter_enabled = TRUE;
      g_debug ("Throttled: sending at most %.2f requests a second (measured %.2f)",
               MIN (rate, MAX_RATE_ADJUST_SCALE * measured), measured);
    }
  bucket_set_max_rate (self, MIN (rate, MAX_RATE_ADJUST_SCALE * measured));
}

/* ---- the client's mode ---------------------------------------------- */

/**
 * amigo_client_get_retry_mode:
 * @self: a client
 *
 * Returns: how the client retries
 */
AmigoRetryMode
amigo_client_get_retry_mode (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), AMIGO_RETRY_MODE_STANDARD);
  return _amigo_retry_policy_get_mode (_amigo_client_get_retry_policy (self));
}

/**
 * amigo_client_set_retry_mode:
 * @self: a client
 * @mode: the AWS CLI's `retry_mode`
 *
 * Changing the mode starts the retry quota and the rate limiter afresh.
 */
void
amigo_client_set_retry_mode (AmigoClient    *self,
                             AmigoRetryMode  mode)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  _amigo_retry_policy_set_mode (_amigo_client_get_retry_policy (self), mode);
}

/* ---- test hooks ------------------------------------------------------ */

void
_amigo_retry_policy_set_time_func (AmigoRetryPolicy *self,
                                   AmigoSecondsFunc  func,
                                   gpointer          user_data)
{
  self->time_func = func;
  self->time_data = user_data;
  limiter_reset (self);
}

void
_amigo_retry_policy_set_jitter_func (AmigoRetryPolicy *self,
                                     AmigoJitterFunc   func,
                                     gpointer          user_data)
{
  self->jitter_func = func;
  self->jitter_data = user_data;
}

void
_amigo_retry_policy_get_limiter (AmigoRetryPolicy      *self,
                                 AmigoRateLimiterState *state)
{
  state->enabled = self->limiter_enabled;
  state->fill_rate = self->fill_rate;
  state->max_capacity = self->max_capacity;
  state->capacity = self->capacity;
  state->measured_rate = self->measured_rate;
  state->w_max = self->w_max;
  state->k = self->k;
  state->last_fail = self->last_fail;
}

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
