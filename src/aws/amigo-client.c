/* amigo-client.c — signed AWS requests over one SoupSession: sign, send, retry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-client-retry.h"
#include "amigo-error.h"
#include "amigo-getter-private.h"

#define CHUNK_SIZE                 (64 * 1024)
#define ERROR_BODY_CAP             (256 * 1024)
/* Java and Go SDKs correct their clock past 4 minutes; AWS refuses at 5. */
#define SKEW_THRESHOLD_SECONDS     (4 * 60)
/* A Date further off than this is not believed: an error, not a correction. */
#define MAX_CLOCK_OFFSET_SECONDS   (24 * 60 * 60)
/* Seconds; a DescribeImages of every public image can take a while to
 * start answering, so the I/O timeout is generous. */
#define IO_TIMEOUT                 60
#define IDLE_TIMEOUT               50


struct _AmigoClient
{
  GObject parent_instance;

  SoupSession *session;
  GError *config_error;         /* e.g. an unusable AWS_CA_BUNDLE */

  AmigoCredentials *credentials;
  AmigoCredentialsFunc credentials_func;
  gpointer credentials_data;
  GDestroyNotify credentials_destroy;

  guint max_attempts;
  gint64 clock_offset;          /* seconds to add to the local clock */
  gboolean allow_plain_http;    /* http:// to a host that is not loopback */

  AmigoRetryPolicy *retry;      /* backoff, quota, rate (amigo-client-retry.c) */
  AmigoCredentialRefresher *refresher; /* amigo-client-credentials.c */

  /* Test hook */
  AmigoClockFunc clock_func;
  gpointer clock_data;
};

G_DEFINE_FINAL_TYPE (AmigoClient, amigo_client, G_TYPE_OBJECT)

/* The getters that return a field as it is. */
#define CLIENT_FIELD_GETTER(Type, field, fallback) \
  AMIGO_DEFINE_FIELD_GETTER (AmigoClient, amigo_client, AMIGO_IS_CLIENT, Type, field, fallback)

enum {
  PROP_0,
  PROP_CREDENTIALS,
  PROP_MAX_ATTEMPTS,
  PROP_CLOCK_OFFSET,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AmigoClient *client;
  char *service;
  char *region;
  char *endpoint_url;
  AmigoRequest *request;
  char *action;                 /* for logs */
  char *host;                   /* for messages */
  const AmigoResponseSink *sink;
  gpointer sink_data;

  guint attempt;                /* attempts sent, for the sink */
  guint counted;                /* attempts counted against max_attempts */
  gboolean skew_retried;
  gboolean next_is_free;        /* the next attempt is the skew retry */
  gboolean expired_retried;     /* an expired-token answer forced a refresh */
  gboolean force_refresh;       /* the next attempt refreshes the credentials first */
  AmigoCredentials *signed_with; /* this attempt's credentials */
  guint quota_acquired;         /* what the last retry took from the quota */

  SoupMessage *msg;
  GInputStream *stream;
  GByteArray *error_body;       /* non-NULL while reading an error answer */
  gint64 attempt_start_us;
  gboolean reached;             /* this attempt's request went out on a connection */
  guint64 body_received;        /* bytes of this attempt's 2xx body */
  GError *restart_error;        /* a resend by libsoup that cannot be an attempt */

  GSource *wait_source;
  GSource *cancel_source;

  guint response_status;        /* of the successful answer */
  SoupMessageHeaders *response_headers;
} Call;

static void call_start_attempt (GTask *task);


static void
stream_abandon (GInputStream **stream)
{
  /* Closing a half-read libsoup stream drops the connection rather than
   * reading the rest; it is done asynchronously so nothing here blocks. */
  if (*stream != NULL && !g_input_stream_is_closed (*stream))
    g_input_stream_close_async (*stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (stream);
}

static void
call_clear_wait (Call *call)
{
  if (call->wait_source != NULL)
    {
      g_source_destroy (call->wait_source);
      g_clear_pointer (&call->wait_source, g_source_unref);
    }
  if (call->cancel_source != NULL)
    {
      g_source_destroy (call->cancel_source);
      g_clear_pointer (&call->cancel_source, g_source_unref);
    }
}

static void
call_clear_msg (Call *call)
{
  if (call->msg != NULL)
    g_signal_handlers_disconnect_by_data (call->msg, call);
  g_clear_object (&call->msg);
}

static void
call_free (gpointer data)
{
  Call *call = data;

  call_clear_wait (call);
  stream_abandon (&call->stream);
  call_clear_msg (call);
  g_clear_error (&call->restart_error);
  g_clear_pointer (&call->error_body, g_byte_array_unref);
  g_clear_pointer (&call->request, amigo_request_unref);
  g_clear_pointer (&call->signed_with, amigo_credentials_unref);
  g_clear_pointer (&call->response_headers, soup_message_headers_unref);
  g_free (call->service);
  g_free (call->region);
  g_free (call->endpoint_url);
  g_free (call->action);
  g_free (call->host);
  g_clear_object (&call->client);
  g_free (call);
}

static gint64
local_now_us (AmigoClient *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);
  return g_get_real_time ();
}

/* The time to sign with: the local clock corrected by what the service told us. */
static gint64
signing_time (AmigoClient *self)
{
  return local_now_us (self) / G_USEC_PER_SEC + self->clock_offset;
}

static void
task_return_error (GTask  *task,
                   GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* A body that ended before its Content-Length: libsoup reports that as the
 * end of the body when the answer says `Connection: close` (it allows such
 * servers to send a wrong length), so the bytes are counted here. A coded
 * body (gzip) is left to the decoder: its length is not the one read. */
static gboolean
body_is_short (SoupMessage *msg,
               guint64      received,
               guint64     *expected)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

  /* The answer to a HEAD (S3's HeadObject) has the length of the body a
   * GET would have, and no body. */
  if (g_strcmp0 (soup_message_get_method (msg), SOUP_METHOD_HEAD) == 0)
    return FALSE;
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;
  if (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0)
    return FALSE;
  *expected = (guint64) soup_message_headers_get_content_length (headers);
  return received < *expected;
}


/* The credentials held now (from the function, else the stored ones),
 * before any expiry check. */
static AmigoCredentials *
peek_credentials (AmigoClient  *self,
                  GError      **error)
{
  AmigoCredentials *credentials;

  if (self->credentials_func != NULL)
    {
      GError *local_error = NULL;

      credentials = self->credentials_func (self->credentials_data, &local_error);
      if (credentials == NULL)
        {
          if (local_error == NULL)
            local_error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                                               _("No credentials are available for this account."));
          g_propagate_error (error, local_error);
        }
      return credentials;
    }
  if (self->credentials != NULL)
    return amigo_credentials_ref (self->credentials);
  if (_amigo_credential_refresher_has_func (self->refresher))
    return NULL;                /* the refresh brings the first ones */

  g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                       _("No credentials are set for this account. Add an access key "
                       "in the account settings."));
  return NULL;
}

/* ---- the call -------------------------------------------------------- */

static const char *
response_request_id (SoupMessage *msg)
{
  SoupMessageHeaders *h = soup_message_get_response_headers (msg);
  const char *id = soup_message_headers_get_one (h, "x-amzn-RequestId");

  if (id == NULL)
    id = soup_message_headers_get_one (h, "x-amz-request-id");
  return id;
}

static void
log_attempt (Call         *call,
             guint         status,
             const char   *request_id,
             const GError *error)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - call->attempt_start_us) / 1000;

  if (error != NULL)
    g_debug ("%s (%s, %s) attempt %u: %s after %" G_GINT64_FORMAT " ms%s%s",
             call->action, call->service, call->region, call->attempt,
             error->message, elapsed_ms,
             request_id ? ", request id " : "", request_id ? request_id : "");
  else
    g_debug ("%s (%s, %s) attempt %u: HTTP %u in %" G_GINT64_FORMAT " ms, request id %s",
             call->action, call->service, call->region, call->attempt,
             status, elapsed_ms, request_id ? request_id : "-");
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call_clear_wait (call);
  call_start_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call_clear_wait (call);
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Starts the next attempt after @delay_ms, unless cancelled meanwhile. */
static void
call_wait (GTask *task,
           guint  delay_ms)
{
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  call->wait_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (call->wait_source, wait_done_cb, task, NULL);
  g_source_attach (call->wait_source, g_task_get_context (task));
  if (cancellable != NULL)
    {
      call->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (call->cancel_source, G_SOURCE_FUNC (wait_cancelled_cb), task, NULL);
      g_source_attach (call->cancel_source, g_task_get_context (task));
    }
}

/* Ends an attempt that failed with @error (taken): waits and tries again
 * when that may help, attempts are left and the retry quota pays for it,
 * or completes the call. */
static void
retry_or_fail (GTask    *task,
               GError   *error,
               gboolean  throttled,
               gboolean  timeout,
               gint64    retry_after_ms)
{
  Call *call = g_task_get_task_data (task);
  AmigoClient *self = call->client;
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
  guint delay_ms;

  _amigo_retry_policy_limiter_update (self->retry, throttled);

  if (details == NULL || !details->retryable || call->counted >= self->max_attempts ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      task_return_error (task, error);
      return;
    }

  if (!_amigo_retry_policy_acquire_quota (self->retry, timeout, &call->quota_acquired))
    {
      GError *spent;

      g_debug ("%s (%s, %s): not trying again, the retry quota is spent (%s)", call->action,
               call->service, call->region, error->message);
      spent = _amigo_client_error_with_message (error->code, details->aws_code,
                                                details->aws_message, details->request_id,
                                                details->http_status, FALSE,
                                                /* Translators: %s is the error of the last attempt */
                                                g_strdup_printf (_("%s Amigo did not try again: too many "
                                                                   "requests to AWS failed in a short "
                                                                   "while."), error->message));
      g_error_free (error);
      task_return_error (task, spent);
      return;
    }

  delay_ms = _amigo_retry_policy_backoff_ms (self->retry, call->counted, throttled, retry_after_ms);
  g_debug ("%s (%s, %s): trying again in %u ms (%s)", call->action, call->service,
           call->region, delay_ms, error->message);
  g_error_free (error);

  call_wait (task, delay_ms);
  _amigo_retry_policy_backoff_started (self->retry, call->counted, delay_ms);
}

static void
fail_transport (GTask          *task,
                GError         *cause,
                AmigoCallStage  stage)
{
  Call *call = g_task_get_task_data (task);
  gboolean retryable;
  gboolean timeout = g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  GError *error;

  stream_abandon (&call->stream);
  g_clear_pointer (&call->error_body, g_byte_array_unref);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      log_attempt (call, 0, NULL, cause);
      task_return_error (task, cause);
      return;
    }

  error = _amigo_client_transport_error (call->host, cause, stage, &retryable);
  log_attempt (call, 0, NULL, cause);
  g_error_free (cause);

  if (retryable)
    {
      /* Keep the code and words, and mark it retryable for retry_or_fail(). */
      GError *marked = _amigo_client_error_with_message (error->code, NULL, NULL, NULL, 0, TRUE,
                                                         g_strdup (error->message));
      g_error_free (error);
      error = marked;
    }
  retry_or_fail (task, error, FALSE, timeout, -1);
}

static gint64
retry_after_ms (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "x-amz-retry-after");
  guint64 ms;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &ms, NULL))
    return -1;
  return (gint64) ms;
}

static void
finish_error_answer (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  AmigoClient *self = call->client;
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->msg);
  guint status = soup_message_get_status (call->msg);
  const AmigoAwsErrorDetails *details;
  g_autoptr(GByteArray) body = g_steal_pointer (&call->error_body);
  GError *error;
  guint64 expected;

  stream_abandon (&call->stream);

  /* An error document cut short says nothing reliable: try again. (Past
   * the cap the rest was not read, so the length is not checked.) */
  if (body->len < ERROR_BODY_CAP && body_is_short (call->msg, body->len, &expected))
    {
      error = _amigo_client_short_body_error (call->host, status, body->len, expected);
      log_attempt (call, status, response_request_id (call->msg), error);
      retry_or_fail (task, error, FALSE, FALSE, -1);
      return;
    }

  error = _amigo_client_error_from_answer (amigo_request_get_error_parser (call->request),
                                           call->host, status, headers,
                                           (const char *) body->data, body->len);
  details = amigo_aws_error_get_details (error);
  log_attempt (call, status, details->request_id, NULL);

  if (_amigo_client_is_clock_skew_code (details->aws_code))
    {
      const char *date = soup_message_headers_get_one (headers, "Date");
      g_autoptr(GDateTime) server_time = date ? soup_date_time_new_from_http_string (date) : NULL;

      if (server_time != NULL)
        {
          gint64 local = local_now_us (self) / G_USEC_PER_SEC;
          gint64 server = g_date_time_to_unix (server_time);

          if (ABS (server - local) > MAX_CLOCK_OFFSET_SECONDS)
            {
              GError *far = _amigo_client_clock_far_error (error, status, call->host,
                                                           server - local);

              g_debug ("%s (%s, %s): the server's Date is %" G_GINT64_FORMAT " s off the local "
                       "clock; not corrected past a day", call->action, call->service,
                       call->region, server - local);
              g_error_free (error);
              task_return_error (task, far);
              return;
            }

          if (ABS (server - (local + self->clock_offset)) > SKEW_THRESHOLD_SECONDS)
            {
              self->clock_offset = server - local;
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_OFFSET]);
              g_debug ("%s (%s, %s): the local clock is %" G_GINT64_FORMAT " s %s the "
                       "server's; signing with the corrected time", call->action,
                       call->service, call->region, ABS (self->clock_offset),
                       self->clock_offset > 0 ? "behind" : "ahead of");

              if (!call->skew_retried)
                {
                  call->skew_retried = TRUE;
                  call->next_is_free = TRUE;
                  g_error_free (error);
                  call_start_attempt (task);
                  return;
                }
            }
        }
    }

  /* Expired temporary credentials (a session token: long-term keys do not
   * expire): refresh them, once, and send again. */
  if (error->code == AMIGO_AWS_ERROR_EXPIRED && !call->expired_retried &&
      call->signed_with != NULL && amigo_credentials_get_session_token (call->signed_with) != NULL &&
      _amigo_credential_refresher_has_func (self->refresher) && self->credentials_func == NULL)
    {
      g_debug ("%s (%s, %s): the credentials were refused as expired (%s); refreshing them",
               call->action, call->service, call->region, details->aws_code);
      _amigo_retry_policy_limiter_update (self->retry, FALSE);
      call->expired_retried = TRUE;
      call->next_is_free = TRUE;
      /* Unless someone else refreshed them since this attempt was signed. */
      call->force_refresh = call->signed_with == self->credentials;
      g_error_free (error);
      call_start_attempt (task);
      return;
    }

  retry_or_fail (task, error, error->code == AMIGO_AWS_ERROR_THROTTLED, FALSE,
                 retry_after_ms (headers));
}

static void read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_next (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  gsize count = CHUNK_SIZE;

  if (call->error_body != NULL)
    count = MIN (count, ERROR_BODY_CAP - call->error_body->len);

  g_input_stream_read_bytes_async (call->stream, count, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      fail_transport (task, error, AMIGO_CALL_STAGE_READING);
      return;
    }
  data = g_bytes_get_data (bytes, &len);

  if (call->error_body != NULL)
    {
      /* An error answer past the cap is not an AWS error document anyway. */
      if (len > 0)
        g_byte_array_append (call->error_body, (const guint8 *) data, len);
      if (len == 0 || call->error_body->len >= ERROR_BODY_CAP)
        finish_error_answer (task);
      else
        read_next (task);
      return;
    }

  if (len == 0)
    {
      guint status = soup_message_get_status (call->msg);
      guint64 expected;

      if (body_is_short (call->msg, call->body_received, &expected))
        {
          /* What the sink took is dropped at the next begin_attempt. */
          GError *cut = _amigo_client_short_body_error (call->host, status, call->body_received, expected);

          stream_abandon (&call->stream);
          log_attempt (call, status, response_request_id (call->msg), cut);
          retry_or_fail (task, cut, FALSE, FALSE, -1);
          return;
        }

      g_clear_object (&call->stream);
      log_attempt (call, status, response_request_id (call->msg), NULL);
      _amigo_retry_policy_limiter_update (call->client->retry, FALSE);
      _amigo_retry_policy_release_quota (call->client->retry, call->quota_acquired);
      call->response_status = status;
      g_clear_pointer (&call->response_headers, soup_message_headers_unref);
      call->response_headers = soup_message_headers_ref (soup_message_get_response_headers (call->msg));
      if (call->sink != NULL && call->sink->finish != NULL &&
          !call->sink->finish (call->sink_data, &error))
        {
          task_return_error (task, error);
          return;
        }
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  call->body_received += len;
  if (call->sink != NULL && call->sink->chunk != NULL &&
      !call->sink->chunk (call->sink_data, data, len, &error))
    {
      stream_abandon (&call->stream);
      task_return_error (task, error);
      return;
    }

  read_next (task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  guint status;

  call->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->restart_error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&error);
      stream_abandon (&call->stream);
      log_attempt (call, 0, NULL, call->restart_error);
      task_return_error (task, g_steal_pointer (&call->restart_error));
      return;
    }
  if (call->stream == NULL)
    {
      fail_transport (task, error, call->reached ? AMIGO_CALL_STAGE_WAITING : AMIGO_CALL_STAGE_CONNECTING);
      return;
    }

  status = soup_message_get_status (call->msg);
  headers = soup_message_get_response_headers (call->msg);
  if (call->sink != NULL && call->sink->answer != NULL)
    call->sink->answer (call->sink_data, status, headers);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      /* The server's words: valid UTF-8, and cut to a readable length. */
      g_autofree char *shown = location ? g_utf8_make_valid (location, MIN (strlen (location), 256)) : g_strdup ("");

      stream_abandon (&call->stream);
      log_attempt (call, status, response_request_id (call->msg), NULL);
      task_return_error (task,
                         _amigo_client_error_with_message (AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL,
                                                           NULL, status, FALSE,
                                                           g_strdup_printf (_("The server %s redirected "
                                                                            "the request (HTTP %u) to "
                                                                            "“%s”. AWS never does: "
                                                                            "Amigo does not follow it. "
                                                                            "Check the endpoint address."),
                                                                            call->host, status, shown)));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      call->error_body = g_byte_array_new ();
      read_next (task);
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type != NULL &&
      (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
       g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0))
    {
      stream_abandon (&call->stream);
      log_attempt (call, status, response_request_id (call->msg), NULL);
      task_return_error (task,
                         _amigo_client_error_with_message (AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL,
                                                           NULL, status, FALSE,
                                                           g_strdup_printf (_("The server %s answered "
                                                                            "with a web page instead of "
                                                                            "an AWS answer (a captive "
                                                                            "portal or a proxy?). Check "
                                                                            "the network and the "
                                                                            "endpoint address."),
                                                                            call->host)));
      return;
    }

  read_next (task);
}

static void
wrote_headers_cb (SoupMessage *msg,
                  gpointer     user_data)
{
  Call *call = user_data;

  call->reached = TRUE;
}

/* libsoup sent the message again by itself: (newer libsoup, HTTP/2) a
 * stream the server refused unprocessed. libsoup 3.2
 * never resends a POST whose connection died (it asks the method, not
 * SOUP_MESSAGE_IDEMPOTENT); that failure reaches send_cb and is retried
 * there. Either way the sink must hear of a new attempt: callers rely on
 * attempt > 1 to know that an earlier one may have taken effect
 * (CreateImage's InvalidAMIName.Duplicate recovery). */
static void
restarted_cb (SoupMessage *msg,
              gpointer     user_data)
{
  Call *call = user_data;
  AmigoClient *self = call->client;
  GError *error = NULL;

  call->attempt++;
  call->counted++;
  call->reached = FALSE;
  call->body_received = 0;
  call->attempt_start_us = g_get_monotonic_time ();
  g_debug ("%s (%s, %s) attempt %u: sent again by libsoup (HTTP %u)", call->action,
           call->service, call->region, call->attempt, soup_message_get_status (msg));

  /* Refused here, the resend already under way is let finish (libsoup
   * bounds its own resends); send_cb then ends the call with the error. */
  if (call->restart_error != NULL)
    return;
  /* A body read from a file is not sent again by libsoup (it does not
   * rewind the stream): the attempt fails as a lost connection, and the
   * caller (the S3 upload engine) sends the part again with a new stream. */
  if (amigo_request_get_body_file (call->request, NULL, NULL) != NULL)
    call->restart_error =
      _amigo_client_error_with_message (AMIGO_AWS_ERROR_NETWORK, NULL, NULL, NULL, 0, TRUE,
                                        g_strdup_printf (_("The connection to %s was lost while "
                                                           "the request was sent. Try again."),
                                                         call->host));
  else if (call->counted > self->max_attempts)
    call->restart_error =
      g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK,
                   _("The request to %s was sent %u times without an answer. Check the "
                   "endpoint address and any proxy in between."), call->host, call->attempt);
  else if (call->sink != NULL && call->sink->begin_attempt != NULL &&
           !call->sink->begin_attempt (call->sink_data, call->attempt, &error))
    call->restart_error = error;
}

static void
call_send_attempt (GTask            *task,
                   AmigoCredentials *credentials)
{
  Call *call = g_task_get_task_data (task);
  AmigoClient *self = call->client;
  GError *error = NULL;

  call_clear_msg (call);
  call->attempt++;
  call->reached = FALSE;
  call->body_received = 0;
  if (call->next_is_free)
    call->next_is_free = FALSE;
  else
    call->counted++;
  g_clear_pointer (&call->signed_with, amigo_credentials_unref);
  call->signed_with = credentials ? amigo_credentials_ref (credentials) : NULL;

  if (call->sink != NULL && call->sink->begin_attempt != NULL &&
      !call->sink->begin_attempt (call->sink_data, call->attempt, &error))
    {
      task_return_error (task, error);
      return;
    }

  call->msg = _amigo_client_build_message (credentials, call->request, call->endpoint_url,
                                           self->allow_plain_http, signing_time (self), &error);
  if (call->msg == NULL)
    {
      task_return_error (task, error);
      return;
    }

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
    {
      g_autofree char *dump =
        amigo_client_format_headers_redacted (soup_message_get_request_headers (call->msg));
      g_debug ("%s (%s, %s) attempt %u: %s %s\n%s", call->action, call->service,
               call->region, call->attempt, amigo_request_get_method (call->request),
               call->endpoint_url, dump);
    }

  g_signal_connect (call->msg, "wrote-headers", G_CALLBACK (wrote_headers_cb), call);
  g_signal_connect (call->msg, "restarted", G_CALLBACK (restarted_cb), call);
  call->attempt_start_us = g_get_monotonic_time ();
  soup_session_send_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, task);
}

static void
credentials_ready_cb (gpointer          data,
                      AmigoCredentials *credentials,
                      const GError     *error)
{
  GTask *task = data;

  if (credentials == NULL)
    task_return_error (task, g_error_copy (error));
  else if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    call_send_attempt (task, credentials);
}

/* Every attempt starts here: after the adaptive rate limiter lets it go,
 * with credentials that are fresh enough (refreshed first if need be). */
static void
call_start_attempt (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  AmigoClient *self = call->client;
  g_autoptr(AmigoCredentials) current = NULL;
  GError *error = NULL;
  gboolean force;
  guint delay_ms;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (self->config_error != NULL)
    {
      task_return_error (task, g_error_copy (self->config_error));
      return;
    }

  delay_ms = _amigo_retry_policy_limiter_delay_ms (self->retry);
  if (delay_ms > 0)
    {
      g_debug ("%s (%s, %s): paced by the client-side rate limit, sending in %u ms",
               call->action, call->service, call->region, delay_ms);
      call_wait (task, delay_ms);
      return;
    }

  /* No credentials at all for an unsigned operation: there may be none. */
  if (amigo_request_get_unsigned (call->request))
    {
      call_send_attempt (task, NULL);
      return;
    }

  current = peek_credentials (self, &error);
  if (current == NULL && error != NULL)
    {
      task_return_error (task, error);
      return;
    }

  force = call->force_refresh;
  call->force_refresh = FALSE;
  _amigo_credential_refresher_get (self->refresher, current, signing_time (self), force,
                                   credentials_ready_cb, task);
}

/* ---- GObject --------------------------------------------------------- */

static void
amigo_client_finalize (GObject *object)
{
  AmigoClient *self = AMIGO_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_error (&self->config_error);
  g_clear_pointer (&self->credentials, amigo_credentials_unref);
  g_clear_pointer (&self->retry, _amigo_retry_policy_free);
  g_clear_pointer (&self->refresher, _amigo_credential_refresher_free);
  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);

  G_OBJECT_CLASS (amigo_client_parent_class)->finalize (object);
}

static void
amigo_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AmigoClient *self = AMIGO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      g_value_set_boxed (value, self->credentials);
      break;
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;
    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AmigoClient *self = AMIGO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      amigo_client_set_credentials (self, g_value_get_boxed (value));
      break;
    case PROP_MAX_ATTEMPTS:
      amigo_client_set_max_attempts (self, g_value_get_uint (value));
      break;
    case PROP_CLOCK_OFFSET:
      amigo_client_set_clock_offset (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_client_class_init (AmigoClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_client_finalize;
  object_class->get_property = amigo_client_get_property;
  object_class->set_property = amigo_client_set_property;

  properties[PROP_CREDENTIALS] =
    g_param_spec_boxed ("credentials", NULL, NULL, AMIGO_TYPE_CREDENTIALS,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL, 1, 100, AMIGO_CLIENT_DEFAULT_MAX_ATTEMPTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL, G_MININT32, G_MAXINT32, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_client_init (AmigoClient *self)
{
  const char *ca_bundle = g_getenv ("AWS_CA_BUNDLE");

  self->max_attempts = AMIGO_CLIENT_DEFAULT_MAX_ATTEMPTS;
  self->retry = _amigo_retry_policy_new ();
  self->refresher = _amigo_credential_refresher_new (self);

  self->session = soup_session_new_with_options ("user-agent", "Amigo/" PACKAGE_VERSION,
                                                 "timeout", IO_TIMEOUT,
                                                 "idle-timeout", IDLE_TIMEOUT,
                                                 "max-conns-per-host", 6,
                                                 NULL);

  if (ca_bundle != NULL && *ca_bundle != '\0')
    amigo_client_set_ca_file (self, ca_bundle, NULL);
}

/* ---- public API ------------------------------------------------------ */

/**
 * amigo_client_new:
 * @credentials: (nullable): the account's credentials
 *
 * Makes a client with its own connection pool. `AWS_CA_BUNDLE`, when set,
 * replaces the system's certificate authorities (if the file is unusable,
 * every call fails with %AMIGO_AWS_ERROR_CONFIG rather than trusting less or
 * more than asked).
 *
 * Returns: (transfer full): a new #AmigoClient
 */
AmigoClient *
amigo_client_new (AmigoCredentials *credentials)
{
  return g_object_new (AMIGO_TYPE_CLIENT, "credentials", credentials, NULL);
}

/**
 * amigo_client_set_credentials:
 * @self: a client
 * @credentials: (nullable): new credentials (a reference is taken)
 *
 * Replaces the credentials used from the next attempt on.
 */
void
amigo_client_set_credentials (AmigoClient      *self,
                              AmigoCredentials *credentials)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));

  if (self->credentials == credentials)
    return;
  g_clear_pointer (&self->credentials, amigo_credentials_unref);
  if (credentials != NULL)
    self->credentials = amigo_credentials_ref (credentials);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
}

/**
 * amigo_client_dup_credentials:
 * @self: a client
 *
 * Returns: (transfer full) (nullable): the credentials set with
 *   amigo_client_set_credentials()
 */
AmigoCredentials *
amigo_client_dup_credentials (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), NULL);
  return self->credentials ? amigo_credentials_ref (self->credentials) : NULL;
}

/**
 * amigo_client_set_credentials_func:
 * @self: a client
 * @func: (nullable): called before every attempt for the credentials to use
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when replaced or at finalize
 *
 * Lets a provider that refreshes credentials (assume-role, SSO,
 * credential_process) hand out fresh ones; takes precedence over
 * amigo_client_set_credentials(). %NULL removes it.
 */
void
amigo_client_set_credentials_func (AmigoClient          *self,
                                   AmigoCredentialsFunc  func,
                                   gpointer              user_data,
                                   GDestroyNotify        destroy)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));

  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);
  self->credentials_func = func;
  self->credentials_data = user_data;
  self->credentials_destroy = destroy;
}

/**
 * amigo_client_get_max_attempts:
 * @self: a client
 *
 * Returns: how many attempts a call may make (retries + 1)
 */
CLIENT_FIELD_GETTER (guint, max_attempts, 0)

/**
 * amigo_client_set_max_attempts:
 * @self: a client
 * @max_attempts: 1 (no retry) or more; the AWS default is 3
 */
void
amigo_client_set_max_attempts (AmigoClient *self,
                               guint        max_attempts)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  if (self->max_attempts == max_attempts)
    return;
  self->max_attempts = max_attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ATTEMPTS]);
}

/**
 * amigo_client_get_clock_offset:
 * @self: a client
 *
 * Returns: the seconds added to the local clock when signing, learnt from
 *   the service's `Date` after a clock-skew error
 */
CLIENT_FIELD_GETTER (gint64, clock_offset, 0)

/**
 * amigo_client_set_allow_plain_http:
 * @self: a client
 * @allow: whether `http://` may go to a host that is not loopback
 *
 * The account's opt-in to an unencrypted endpoint. Without it, `http://`
 * is refused for any host but 127.0.0.0/8, ::1 and localhost.
 */
void
amigo_client_set_allow_plain_http (AmigoClient *self,
                                   gboolean     allow)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  self->allow_plain_http = allow;
}

/**
 * amigo_client_set_clock_offset:
 * @self: a client
 * @offset_seconds: seconds to add to the local clock when signing
 */
void
amigo_client_set_clock_offset (AmigoClient *self,
                               gint64       offset_seconds)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));

  if (self->clock_offset == offset_seconds)
    return;
  self->clock_offset = offset_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_OFFSET]);
}

/**
 * amigo_client_get_session:
 * @self: a client
 *
 * Returns: (transfer none): the client's #SoupSession
 */
CLIENT_FIELD_GETTER (SoupSession *, session, NULL)

/**
 * amigo_client_build_message:
 * @self: a client
 * @service: the signing service, e.g. `ec2`
 * @region: the signing region, e.g. `eu-west-1`
 * @endpoint_url: (nullable): where to send it; %NULL for the default endpoint
 * @form_body: the encoded query body (amigo_ec2_query_encode())
 * @error: where a failure goes
 *
 * Builds and signs, with the current credentials and corrected clock, the
 * message amigo_client_send_async() would send first for
 * amigo_request_new_form(). For tests and diagnostics; calls do this
 * themselves.
 *
 * Returns: (transfer full) (nullable): the signed message
 */
SoupMessage *
amigo_client_build_message (AmigoClient  *self,
                            const char   *service,
                            const char   *region,
                            const char   *endpoint_url,
                            const char   *form_body,
                            GError      **error)
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoRequest) request = NULL;

  g_return_val_if_fail (AMIGO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (form_body != NULL, NULL);

  if (self->config_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->config_error));
      return NULL;
    }
  credentials = peek_credentials (self, error);
  if (credentials == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                             _("No credentials are available for this account."));
      return NULL;
    }
  if (amigo_credentials_is_expired (credentials, signing_time (self)))
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                           _("The temporary credentials of this account have expired. "
                           "Sign in again or refresh them, then retry."));
      return NULL;
    }

  request = amigo_request_new_form (service, region, form_body);
  return _amigo_client_build_message (credentials, request, endpoint_url, self->allow_plain_http,
                                      signing_time (self), error);
}

/**
 * amigo_client_send_async:
 * @self: a client
 * @request: what to send, with its signing service and region set
 *   (a reference is taken; do not change it afterwards)
 * @endpoint_url: (nullable): the endpoint, whose path goes before the
 *   request's; %NULL for amigo_client_default_endpoint()
 * @sink: (nullable): where a successful body goes, as it arrives
 * @sink_data: data for @sink's functions
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the call succeeded or failed for good
 * @user_data: data for @callback
 *
 * Signs and sends @request, retrying and correcting the clock as described
 * in #AmigoClient. A non-2xx answer is read by the request's error parser
 * (its protocol's) and classified here. Finish with amigo_client_send_finish()
 * (or amigo_client_call_finish()).
 */
void
amigo_client_send_async (AmigoClient             *self,
                         AmigoRequest            *request,
                         const char              *endpoint_url,
                         const AmigoResponseSink *sink,
                         gpointer                 sink_data,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *action;
  Call *call;

  g_return_if_fail (AMIGO_IS_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (amigo_request_get_service (request) != NULL);
  g_return_if_fail (amigo_request_get_region (request) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_client_send_async);

  call = g_new0 (Call, 1);
  call->client = g_object_ref (self);
  call->service = g_strdup (amigo_request_get_service (request));
  call->region = g_strdup (amigo_request_get_region (request));
  call->endpoint_url = endpoint_url ? g_strdup (endpoint_url)
                                    : amigo_client_default_endpoint (call->service, call->region);
  call->request = amigo_request_ref (request);
  action = amigo_request_get_action (request);
  call->action = g_strdup (action ? action : amigo_request_get_method (request));
  call->sink = sink;
  call->sink_data = sink_data;
  uri = g_uri_parse (call->endpoint_url, G_URI_FLAGS_NONE, NULL);
  call->host = g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : call->endpoint_url);
  g_task_set_task_data (task, call, call_free);

  call_start_attempt (g_steal_pointer (&task));
}

/**
 * amigo_client_send_finish:
 * @self: a client
 * @result: the #GAsyncResult
 * @status: (out) (optional): the HTTP status of the successful answer
 * @headers: (out) (optional) (transfer full): its headers
 * @error: where a failure goes (see amigo_client_call_finish())
 *
 * Returns: %TRUE if the whole body was delivered to the sink
 */
gboolean
amigo_client_send_finish (AmigoClient         *self,
                          GAsyncResult        *result,
                          guint               *status,
                          SoupMessageHeaders **headers,
                          GError             **error)
{
  Call *call;

  g_return_val_if_fail (AMIGO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == amigo_client_send_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  call = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = call->response_status;
  if (headers != NULL)
    *headers = call->response_headers ? soup_message_headers_ref (call->response_headers) : NULL;
  return TRUE;
}

/**
 * amigo_client_call_finish:
 * @self: a client
 * @result: the #GAsyncResult
 * @error: where a failure goes: %G_IO_ERROR_CANCELLED, the sink's own error,
 *   or an %AMIGO_AWS_ERROR (amigo_aws_error_get_details() has AWS's code,
 *   message, request id and the HTTP status)
 *
 * Returns: %TRUE if the whole body was delivered to the sink
 */
gboolean
amigo_client_call_finish (AmigoClient   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return amigo_client_send_finish (self, result, NULL, NULL, error);
}

/* ---- test hooks ------------------------------------------------------ */

void
_amigo_client_set_clock_func (AmigoClient    *self,
                              AmigoClockFunc  func,
                              gpointer        user_data)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  self->clock_func = func;
  self->clock_data = user_data;
}

AmigoRetryPolicy *
_amigo_client_get_retry_policy (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), NULL);
  return self->retry;
}

AmigoCredentialRefresher *
_amigo_client_get_refresher (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), NULL);
  return self->refresher;
}

gint64
_amigo_client_signing_now (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), 0);
  return signing_time (self);
}

guint
_amigo_client_get_refresh_count (AmigoClient *self)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (self), 0);
  return _amigo_credential_refresher_get_count (self->refresher);
}

void
_amigo_client_set_config_error (AmigoClient *self,
                                GError      *error)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  g_clear_error (&self->config_error);
  self->config_error = error;
}
