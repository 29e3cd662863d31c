/* amigo-client.h — signed AWS requests over one SoupSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "amigo-credentials.h"
#include "amigo-request.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_CLIENT (amigo_client_get_type ())

/**
 * AmigoClient:
 *
 * One per account: a keep-alive #SoupSession, the account's credentials and
 * the clock offset learnt from the service. It signs (SigV4, header mode),
 * sends, retries with the AWS "standard" retry mode, corrects a skewed clock,
 * streams successful bodies to the caller and turns error answers into
 * %AMIGO_AWS_ERROR errors.
 *
 * Endpoints: every call names its signing @region and its @endpoint_url
 * (`https://ec2.eu-west-1.amazonaws.com`, a moto URL, …) as resolved by the
 * caller (amigo-endpoint, `AWS_ENDPOINT_URL_EC2`, …). The client never
 * derives the region from the URL. A %NULL @endpoint_url means
 * amigo_client_default_endpoint(): `https://<service>.<region>.amazonaws.com`.
 * The request path is the endpoint's path (normally `/`) followed by the
 * request's own (REST protocols).
 *
 * Connections: the session keeps them open and sends the next request on
 * one that is idle. Every request is flagged %SOUP_MESSAGE_IDEMPOTENT (libsoup
 * reuses connections for a POST only then): every call may be sent again,
 * see Idempotency below.
 *
 * Retries (botocore's standard mode by default; see #AmigoRetryMode): at most #AmigoClient:max-attempts
 * attempts (3 by default) for throttling codes, transient codes, HTTP
 * 500/502/503/504 and dropped connections (refused, reset, timed out, cut
 * short — a body shorter than its `Content-Length` included, which libsoup
 * lets pass when the answer says `Connection: close`), with full-jitter
 * exponential backoff: `rand(0,1) × min(base ×
 * 2^(n-1), 20 s)`, base 1 s when throttled and 50 ms otherwise, and at least
 * the server's `x-amz-retry-after` (capped to 5 s more). Never on 4xx client
 * errors, never after cancellation, never after the sink refused a chunk.
 * Standard and adaptive modes keep a retry quota per client (500; a retry
 * takes 5, 10 after a timeout; a success gives back what its retry took, or
 * 1): when it cannot pay, the error is returned without retrying. Adaptive
 * mode also paces every call of the client (all regions alike) with a CUBIC
 * token bucket once the service has throttled. Waits are main-loop timeouts,
 * cancellable.
 *
 * Temporary credentials: with a refresh function
 * (amigo_client_set_credentials_refresh_func()), credentials with an expiry
 * are refreshed 15 minutes before it (on failure the current ones are used
 * on) and must be 10 minutes before (on failure the call fails), one refresh
 * at a time; an `ExpiredToken`, `ExpiredTokenException` or (with no clock
 * skew to correct) `RequestExpired` answer forces one refresh and one more
 * attempt, not counted against max-attempts.
 *
 * Clock skew: when an answer is one of the clock-skew errors
 * (`RequestTimeTooSkewed`, `RequestExpired`, `RequestInTheFuture`,
 * `InvalidSignatureException`, `SignatureDoesNotMatch`, `AuthFailure`) and its
 * `Date` header is more than 4 minutes away from our (corrected) clock, the
 * offset is corrected and the request is signed and sent again at once. That
 * retry is not counted against max-attempts (it fixes our clock, it does not
 * wait for the service) and happens at most once per call. Every later call
 * of the client is signed with the corrected time.
 *
 * Idempotency: a request that creates something carries a `ClientToken` made
 * once per user action with amigo_client_token_new() and put in the body by
 * the caller. Since retries resend the same body, they carry the same token
 * and EC2 does not create the thing twice. A request without one (CreateImage,
 * RegisterImage) relies on the attempt number its sink is given: from the
 * second attempt on, an earlier one may have taken effect.
 *
 * Logging: g_debug() (`G_MESSAGES_DEBUG=Amigo-AWS`) shows action, service,
 * region, status, attempt, elapsed time and request id; never a body, and
 * headers only through amigo_client_format_headers_redacted().
 *
 * Threads: use a client from one thread (the main one); callbacks and sink
 * functions run in the thread-default main context of the caller.
 */
G_DECLARE_FINAL_TYPE (AmigoClient, amigo_client, AMIGO, CLIENT, GObject)

/**
 * AmigoResponseSink:
 * @begin_attempt: (nullable): called before each attempt is sent, @attempt
 *   counting from 1 — also when libsoup sends the request again by itself
 *   (following a redirect), which counts as an attempt. From the second
 *   attempt on, anything delivered earlier belongs to a failed attempt:
 *   start over (or skip what was already taken), and know that an earlier
 *   attempt may have reached the service. Returning %FALSE stops the call
 *   with the error set.
 * @chunk: (nullable): a piece of a successful (2xx) body, as it arrives.
 *   Returning %FALSE (a parse error, say) stops the call with that error.
 * @finish: (nullable): the successful body is complete. Returning %FALSE
 *   stops the call with that error.
 * @answer: (nullable): the status and headers of every answer, error
 *   answers and redirections included, before its body is read (S3 learns a
 *   bucket's region from `x-amz-bucket-region` there).
 *
 * What the caller does with the body of a successful answer. The struct
 * (usually a static const) and its data must live until the call completes.
 * A %NULL sink discards the body.
 */
typedef struct {
  gboolean (*begin_attempt) (gpointer     data,
                             guint        attempt,
                             GError     **error);
  gboolean (*chunk)         (gpointer     data,
                             const char  *buf,
                             gsize        len,
                             GError     **error);
  gboolean (*finish)        (gpointer     data,
                             GError     **error);
  void     (*answer)        (gpointer            data,
                             guint               status,
                             SoupMessageHeaders *headers);
} AmigoResponseSink;

/**
 * AmigoCredentialsFunc:
 * @user_data: the data given with the function
 * @error: where a failure goes
 *
 * Returns the credentials to sign the next attempt with. Called on the
 * client's thread before every attempt, so it must not block: return cached
 * credentials that something else refreshes.
 *
 * Returns: (transfer full) (nullable): credentials, or %NULL with @error set
 */
typedef AmigoCredentials *(*AmigoCredentialsFunc) (gpointer   user_data,
                                                    GError   **error);

/**
 * AmigoCredentialsRefreshFunc:
 * @client: the client that needs fresh credentials
 * @task: (transfer full): complete it with g_task_return_pointer() (the new #AmigoCredentials,
 *   amigo_credentials_unref() as its free function) or an error
 * @user_data: the data given with the function
 *
 * Fetches fresh temporary credentials (runs the profile's
 * `credential_process` again, say). At most one runs at a time per client.
 */
typedef void (*AmigoCredentialsRefreshFunc) (AmigoClient *client,
                                             GTask       *task,
                                             gpointer     user_data);

/**
 * AmigoRetryMode:
 * @AMIGO_RETRY_MODE_LEGACY: botocore's legacy mode: no retry quota, backoff
 *   of rand(0,1) × 2^(n-1) s
 * @AMIGO_RETRY_MODE_STANDARD: the standard mode (the AWS CLI v2 default):
 *   exponential backoff with jitter and the retry quota
 * @AMIGO_RETRY_MODE_ADAPTIVE: standard, plus client-side rate limiting once
 *   the service throttles
 *
 * `retry_mode` / `AWS_RETRY_MODE`.
 */
typedef enum {
  AMIGO_RETRY_MODE_LEGACY,
  AMIGO_RETRY_MODE_STANDARD,
  AMIGO_RETRY_MODE_ADAPTIVE,
} AmigoRetryMode;

#define AMIGO_CLIENT_DEFAULT_MAX_ATTEMPTS 3

AmigoClient      *amigo_client_new                  (AmigoCredentials     *credentials);

void              amigo_client_set_credentials      (AmigoClient          *self,
                                                     AmigoCredentials     *credentials);
AmigoCredentials *amigo_client_dup_credentials      (AmigoClient          *self);
void              amigo_client_set_credentials_func (AmigoClient          *self,
                                                     AmigoCredentialsFunc  func,
                                                     gpointer              user_data,
                                                     GDestroyNotify        destroy);
void              amigo_client_set_credentials_refresh_func (AmigoClient                 *self,
                                                             AmigoCredentialsRefreshFunc  func,
                                                             gpointer                     user_data,
                                                             GDestroyNotify               destroy);
gboolean          amigo_client_set_ca_file          (AmigoClient          *self,
                                                     const char           *path,
                                                     GError              **error);
gboolean          amigo_client_set_ca_bundle        (AmigoClient          *self,
                                                     const char           *path,
                                                     const char           *profile_name,
                                                     GError              **error);
guint             amigo_client_get_max_attempts     (AmigoClient          *self);
void              amigo_client_set_max_attempts     (AmigoClient          *self,
                                                     guint                 max_attempts);
AmigoRetryMode    amigo_client_get_retry_mode       (AmigoClient          *self);
void              amigo_client_set_retry_mode       (AmigoClient          *self,
                                                     AmigoRetryMode        mode);
gint64            amigo_client_get_clock_offset     (AmigoClient          *self);
void              amigo_client_set_clock_offset     (AmigoClient          *self,
                                                     gint64                offset_seconds);
SoupSession      *amigo_client_get_session          (AmigoClient          *self);
void              amigo_client_set_allow_plain_http (AmigoClient          *self,
                                                     gboolean              allow);

SoupMessage      *amigo_client_build_message        (AmigoClient          *self,
                                                     const char           *service,
                                                     const char           *region,
                                                     const char           *endpoint_url,
                                                     const char           *form_body,
                                                     GError              **error);

void              amigo_client_send_async           (AmigoClient             *self,
                                                     AmigoRequest            *request,
                                                     const char              *endpoint_url,
                                                     const AmigoResponseSink *sink,
                                                     gpointer                 sink_data,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
gboolean          amigo_client_send_finish          (AmigoClient          *self,
                                                     GAsyncResult         *result,
                                                     guint                *status,
                                                     SoupMessageHeaders  **headers,
                                                     GError              **error);
gboolean          amigo_client_call_finish          (AmigoClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

char             *amigo_client_default_endpoint     (const char           *service,
                                                     const char           *region);
char             *amigo_client_token_new            (void);
char             *amigo_client_redact_header_value  (const char           *name,
                                                     const char           *value);
char             *amigo_client_format_headers_redacted (SoupMessageHeaders *headers);

G_END_DECLS
