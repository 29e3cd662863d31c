/* amigo-client-private.h — AmigoClient internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-client.h"
#include "amigo-error.h"

G_BEGIN_DECLS

/* Returns the wall-clock time in Unix microseconds (what signing uses,
 * before the client's offset is added). */
typedef gint64 (*AmigoClockFunc)      (gpointer user_data);
/* Returns a number in [0, 1] for full-jitter backoff. */
typedef double (*AmigoJitterFunc)     (gpointer user_data);
/* Called when a backoff wait starts, after @attempt failed. */
typedef void   (*AmigoBackoffHook)    (gpointer user_data,
                                       guint    attempt,
                                       guint    delay_ms);

void      _amigo_client_set_clock_func   (AmigoClient      *self,
                                          AmigoClockFunc    func,
                                          gpointer          user_data);
void      _amigo_client_set_backoff      (AmigoClient      *self,
                                          guint             throttling_base_ms,
                                          guint             transient_base_ms,
                                          guint             max_backoff_ms);
void      _amigo_client_set_jitter_func  (AmigoClient      *self,
                                          AmigoJitterFunc   func,
                                          gpointer          user_data);
void      _amigo_client_set_backoff_hook (AmigoClient      *self,
                                          AmigoBackoffHook  hook,
                                          gpointer          user_data);

guint     _amigo_client_backoff_delay_ms (AmigoClient      *self,
                                          guint             attempt,
                                          gboolean          throttled,
                                          gint64            retry_after_ms);

gboolean  _amigo_client_is_throttling_code (const char *aws_code);
gboolean  _amigo_client_is_transient_code  (const char *aws_code);
gboolean  _amigo_client_is_clock_skew_code (const char *aws_code);

gboolean  _amigo_client_status_is_transient (guint status);

/* Turns a non-2xx answer into an error; @host names the server in
 * messages; @headers (nullable) are the response headers. The first reads
 * it with @parser (a protocol's; %NULL guesses), the second always guesses. */
GError   *_amigo_client_error_from_answer   (AmigoErrorParser    parser,
                                             const char         *host,
                                             guint               status,
                                             SoupMessageHeaders *headers,
                                             const char         *body,
                                             gsize               len);
GError   *_amigo_client_error_from_response (const char         *host,
                                             guint               status,
                                             SoupMessageHeaders *headers,
                                             const char         *body,
                                             gsize               len);

/* Builds and signs the message for @request at @timestamp (Unix seconds);
 * a %NULL @endpoint_url means amigo_client_default_endpoint(). */
SoupMessage *_amigo_client_build_message    (AmigoCredentials   *credentials,
                                             AmigoRequest       *request,
                                             const char         *endpoint_url,
                                             gboolean            allow_plain_http,
                                             gint64              timestamp,
                                             GError            **error);
/* A Date over a day off: @error's details with words saying how far. */
GError      *_amigo_client_clock_far_error  (const GError       *error,
                                             guint               status,
                                             const char         *host,
                                             gint64              seconds_off);

/* How far an attempt got when its connection failed. */
typedef enum {
  AMIGO_CALL_STAGE_CONNECTING,  /* the request has not gone out */
  AMIGO_CALL_STAGE_WAITING,     /* it went out; no answer yet */
  AMIGO_CALL_STAGE_READING,     /* the answer's headers came; its body is on the way */
} AmigoCallStage;

/* An error that keeps its details, with a people-readable @message (taken). */
GError   *_amigo_client_error_with_message  (AmigoAwsErrorCode   code,
                                             const char         *aws_code,
                                             const char         *aws_message,
                                             const char         *request_id,
                                             guint               status,
                                             gboolean            retryable,
                                             char               *message);
GError   *_amigo_client_short_body_error    (const char         *host,
                                             guint               status,
                                             guint64             received,
                                             guint64             expected);
/* Words for a failed connection; sets whether trying again may help. */
GError   *_amigo_client_transport_error     (const char         *host,
                                             const GError       *cause,
                                             AmigoCallStage      stage,
                                             gboolean           *retryable);

/* Every call fails with @error (taken; %NULL clears it): an unusable setting. */
void      _amigo_client_set_config_error       (AmigoClient *self,
                                                GError      *error);

/* ---- credentials (amigo-client-credentials.c) ------------------------ */

/* The credentials to sign with, or (when %NULL) why there are none. */
typedef void (*AmigoCredentialsReady) (gpointer          data,
                                       AmigoCredentials *credentials,
                                       const GError     *error);

typedef struct _AmigoCredentialRefresher AmigoCredentialRefresher;

AmigoCredentialRefresher *_amigo_credential_refresher_new      (AmigoClient *client);
void      _amigo_credential_refresher_free     (AmigoCredentialRefresher    *self);
void      _amigo_credential_refresher_set_func (AmigoCredentialRefresher    *self,
                                                AmigoCredentialsRefreshFunc  func,
                                                gpointer                     user_data,
                                                GDestroyNotify               destroy);
gboolean  _amigo_credential_refresher_has_func (AmigoCredentialRefresher    *self);
guint     _amigo_credential_refresher_get_count (AmigoCredentialRefresher   *self);
void      _amigo_credential_refresher_get      (AmigoCredentialRefresher    *self,
                                                AmigoCredentials            *current,
                                                gint64                       now,
                                                gboolean                     force,
                                                AmigoCredentialsReady        ready,
                                                gpointer                     data);

AmigoCredentialRefresher *_amigo_client_get_refresher (AmigoClient *self);
/* The corrected time to sign with, Unix seconds. */
gint64    _amigo_client_signing_now            (AmigoClient *self);
/* Refreshes started so far (tests). */
guint     _amigo_client_get_refresh_count      (AmigoClient *self);

G_END_DECLS
