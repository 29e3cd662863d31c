/* test-client.c — AmigoClient against a scripted fake EC2 peer
 *
 * A SoupServer on 127.0.0.1 (in the test's own main loop) answers each
 * request with the next step of a script: an answer, a reset connection, a
 * body cut short, a body that never ends. Backoff is made tiny (or huge, to
 * catch a cancellation during the wait) through the test hooks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-error.h"
#include "amigo-protocol.h"
#include "amigo-sigv4.h"
#include "amigo-test-tool.h"

#define ACCESS_KEY "AKIDEXAMPLE"
#define SECRET_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define SESSION_TOKEN "FQoGZXIvYXdzEXAMPLETOKENvalue/with+chars="
#define FORM_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"
#define OK_BODY "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">" \
                "<requestId>ok-1</requestId><imagesSet/></DescribeImagesResponse>"

#define EC2_ERROR(code, message, request_id) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" code \
  "</Code><Message>" message "</Message></Error></Errors><RequestID>" request_id \
  "</RequestID></Response>"

/* 2015-08-30T12:36:00Z */
#define FIXED_TIME G_GINT64_CONSTANT (1440938160)

typedef enum {
  STEP_RESPOND,
  STEP_RESET,      /* close the connection with a TCP reset, no answer */
  STEP_TRUNCATE,   /* promise 1000 bytes, send 100, close */
  STEP_HANG,       /* send the start of a chunked body, then nothing */
} StepKind;

typedef struct {
  StepKind kind;
  guint status;
  char *content_type;
  GBytes *body;
  gboolean chunked;
  char *header_name;
  char *header_value;
  gboolean close_header;   /* STEP_TRUNCATE: say `Connection: close` */
} Step;

typedef struct {
  char *method;
  char *path;
  SoupMessageHeaders *headers;
  char *body;
  guint16 client_port;     /* tells the client's connections apart */
} Recorded;

typedef struct {
  SoupServer *server;
  char *url;
  GQueue script;            /* Step* */
  GPtrArray *requests;      /* Recorded* */
  gint64 server_offset;     /* seconds the server's clock is ahead */
  gboolean check_time;      /* refuse X-Amz-Date more than 5 min off */

  AmigoClient *client;
  GCancellable *cancellable;

  /* sink */
  GString *received;
  guint call_begin;         /* begin_attempt calls in this call */
  guint n_begin;
  guint n_chunks;
  guint n_finish;
  gboolean cancel_on_chunk;
  gboolean fail_on_chunk;

  /* backoff waits seen */
  GArray *delays;
  gboolean cancel_on_backoff;

  /* result */
  gboolean done;
  gboolean ok;
  GError *error;
} Fixture;

/* ---- log capture (installed once in main) ----------------------------- */

static GString *captured_logs;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (captured_logs, fields[i].value);
        else
          g_string_append_len (captured_logs, fields[i].value, fields[i].length);
        g_string_append_c (captured_logs, '\n');
      }

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* ---- the fake peer ---------------------------------------------------- */

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->content_type);
  g_clear_pointer (&step->body, g_bytes_unref);
  g_free (step->header_name);
  g_free (step->header_value);
  g_free (step);
}

static void
recorded_free (gpointer data)
{
  Recorded *r = data;

  g_free (r->method);
  g_free (r->path);
  soup_message_headers_unref (r->headers);
  g_free (r->body);
  g_free (r);
}

static Step *
script_respond_bytes (Fixture    *f,
                      guint       status,
                      const char *content_type,
                      GBytes     *body)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_RESPOND;
  step->status = status;
  step->content_type = g_strdup (content_type);
  step->body = body;
  g_queue_push_tail (&f->script, step);
  return step;
}

static Step *
script_respond (Fixture    *f,
                guint       status,
                const char *content_type,
                const char *body)
{
  return script_respond_bytes (f, status, content_type, g_bytes_new (body, strlen (body)));
}

static Step *
script_add (Fixture  *f,
            StepKind  kind)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  g_queue_push_tail (&f->script, step);
  return step;
}

static char *
http_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);
  return soup_date_time_to_string (dt, SOUP_DATE_HTTP);
}

static void
set_linger_zero (GSocket *socket)
{
  struct linger lg = { 1, 0 };

  g_assert_cmpint (setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER,
                               &lg, sizeof lg), ==, 0);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *req_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *resp_headers = soup_server_message_get_response_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  g_autoptr(GBytes) req_body = NULL;
  g_autofree char *date = NULL;
  gint64 server_now = g_get_real_time () / G_USEC_PER_SEC + f->server_offset;
  Recorded *r = g_new0 (Recorded, 1);
  Step *step;

  r->method = g_strdup (soup_server_message_get_method (msg));
  r->path = g_strdup (path);
  r->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_iter_init (&iter, req_headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (r->headers, name, value);
  req_body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  r->body = g_strndup (g_bytes_get_data (req_body, NULL), g_bytes_get_size (req_body));
  r->client_port =
    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (soup_server_message_get_remote_address (msg)));
  g_ptr_array_add (f->requests, r);

  date = http_date (server_now);
  soup_message_headers_replace (resp_headers, "Date", date);

  if (f->check_time)
    {
      const char *amz_date = soup_message_headers_get_one (req_headers, "X-Amz-Date");
      g_autofree char *expected = amigo_sigv4_format_amz_date (server_now);
      g_autoptr(GDateTime) signed_at = NULL;
      g_autofree char *iso = NULL;

      g_assert_nonnull (amz_date);
      g_assert_cmpuint (strlen (amz_date), ==, 16);
      /* 20150830T123600Z → 2015-08-30T12:36:00Z */
      iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", amz_date, amz_date + 4,
                             amz_date + 6, amz_date + 9, amz_date + 11, amz_date + 13);
      signed_at = g_date_time_new_from_iso8601 (iso, NULL);
      g_assert_nonnull (signed_at);
      if (ABS (g_date_time_to_unix (signed_at) - server_now) > 300)
        {
          static const char expired[] =
            EC2_ERROR ("RequestExpired", "Request has expired.", "skew-1");
          soup_server_message_set_status (msg, 400, NULL);
          soup_server_message_set_response (msg, "text/xml;charset=UTF-8", SOUP_MEMORY_STATIC,
                                            expired, strlen (expired));
          return;
        }
    }

  step = g_queue_pop_head (&f->script);
  g_assert_nonnull (step);

  switch (step->kind)
    {
    case STEP_RESPOND:
      soup_server_message_set_status (msg, step->status, NULL);
      if (step->header_name != NULL)
        soup_message_headers_replace (resp_headers, step->header_name, step->header_value);
      if (step->chunked)
        {
          gsize len;
          const char *data = g_bytes_get_data (step->body, &len);
          SoupMessageBody *body = soup_server_message_get_response_body (msg);

          soup_message_headers_set_encoding (resp_headers, SOUP_ENCODING_CHUNKED);
          soup_message_headers_set_content_type (resp_headers, step->content_type, NULL);
          for (gsize off = 0; off < len; off += 100)
            soup_message_body_append (body, SOUP_MEMORY_COPY, data + off, MIN (100, len - off));
          soup_message_body_complete (body);
        }
      else
        {
          gsize len;
          const char *data = g_bytes_get_data (step->body, &len);
          soup_server_message_set_response (msg, step->content_type, SOUP_MEMORY_COPY, data, len);
        }
      break;

    case STEP_RESET:
      {
        g_autoptr(GIOStream) stream = NULL;

        set_linger_zero (soup_server_message_get_socket (msg));
        stream = soup_server_message_steal_connection (msg);
        g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case STEP_TRUNCATE:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
        guint status = step->status ? step->status : 200;
        g_autofree char *head =
          g_strdup_printf ("HTTP/1.1 %u %s\r\nDate: %s\r\nContent-Type: text/xml\r\n"
                           "Content-Length: 1000\r\n%s\r\n", status,
                           soup_status_get_phrase (status), date,
                           step->close_header ? "Connection: close\r\n" : "");
        char partial[100];

        memset (partial, 'x', sizeof partial);
        g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, strlen (head),
                                   NULL, NULL, NULL);
        g_output_stream_write_all (g_io_stream_get_output_stream (stream), partial,
                                   sizeof partial, NULL, NULL, NULL);
        g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case STEP_HANG:
      {
        static const char start[] = "<DescribeImagesResponse><imagesSet>";
        SoupMessageBody *body = soup_server_message_get_response_body (msg);

        soup_server_message_set_status (msg, 200, NULL);
        soup_message_headers_set_encoding (resp_headers, SOUP_ENCODING_CHUNKED);
        soup_message_headers_set_content_type (resp_headers, "text/xml", NULL);
        soup_message_body_append (body, SOUP_MEMORY_STATIC, start, strlen (start));
        /* never completed: the server pauses once that chunk is out */
      }
      break;

    default:
      g_assert_not_reached ();
    }

  step_free (step);
}

/* ---- the sink --------------------------------------------------------- */

static gboolean
sink_begin (gpointer   data,
            guint      attempt,
            GError   **error)
{
  Fixture *f = data;

  f->n_begin++;
  f->call_begin++;
  g_assert_cmpuint (attempt, ==, f->call_begin);
  g_string_truncate (f->received, 0);
  return TRUE;
}

static gboolean
sink_chunk (gpointer     data,
            const char  *buf,
            gsize        len,
            GError     **error)
{
  Fixture *f = data;

  g_assert_cmpuint (len, >, 0);
  f->n_chunks++;
  g_string_append_len (f->received, buf, len);
  if (f->cancel_on_chunk)
    g_cancellable_cancel (f->cancellable);
  if (f->fail_on_chunk)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "bad XML in the test");
      return FALSE;
    }
  return TRUE;
}

static gboolean
sink_finish (gpointer   data,
             GError   **error)
{
  Fixture *f = data;

  f->n_finish++;
  return TRUE;
}

static const AmigoResponseSink test_sink = { sink_begin, sink_chunk, sink_finish };

/* ---- fixture ---------------------------------------------------------- */

static double
jitter_one (gpointer user_data)
{
  return 1.0;
}

static gint64
fixed_clock (gpointer user_data)
{
  return FIXED_TIME * G_USEC_PER_SEC;
}

static void
backoff_hook (gpointer user_data,
              guint    attempt,
              guint    delay_ms)
{
  Fixture *f = user_data;

  g_array_append_val (f->delays, delay_ms);
  if (f->cancel_on_backoff)
    g_cancellable_cancel (f->cancellable);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  GSList *uris;

  g_queue_init (&f->script);
  f->requests = g_ptr_array_new_with_free_func (recorded_free);
  f->received = g_string_new (NULL);
  f->delays = g_array_new (FALSE, FALSE, sizeof (guint));
  f->cancellable = g_cancellable_new ();

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  g_assert_nonnull (uris);
  f->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  credentials = amigo_credentials_new (ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, 0);
  f->client = amigo_client_new (credentials);
  _amigo_client_set_backoff (f->client, 8, 2, 1000);
  _amigo_client_set_jitter_func (f->client, jitter_one, NULL);
  _amigo_client_set_backoff_hook (f->client, backoff_hook, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  /* Let closed connections and abandoned streams finish up: whatever is
   * ready to run, without waiting for more. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_queue_clear_full (&f->script, step_free);
  g_ptr_array_unref (f->requests);
  g_string_free (f->received, TRUE);
  g_array_unref (f->delays);
  g_clear_object (&f->cancellable);
  g_clear_error (&f->error);
  g_free (f->url);
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *f = user_data;

  f->ok = amigo_client_call_finish (AMIGO_CLIENT (source), result, &f->error);
  f->done = TRUE;
}

static void
run_call_full (Fixture    *f,
               const char *region,
               const char *endpoint,
               const char *body)
{
  g_autoptr(AmigoRequest) request = NULL;
  f->done = FALSE;
  f->ok = FALSE;
  f->call_begin = 0;
  g_clear_error (&f->error);
  request = amigo_request_new_form ("ec2", region, body);
  amigo_client_send_async (f->client, request, endpoint, &test_sink, f, f->cancellable,
                           call_done_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->ok == (f->error == NULL));
}

static void
run_call (Fixture *f)
{
  run_call_full (f, "us-east-1", f->url, FORM_BODY);
}

static const AmigoAwsErrorDetails *
assert_aws_error (Fixture           *f,
                  AmigoAwsErrorCode  code)
{
  g_assert_false (f->ok);
  g_assert_error (f->error, AMIGO_AWS_ERROR, (int) code);
  return amigo_aws_error_get_details (f->error);
}

static Recorded *
request (Fixture *f,
         guint    i)
{
  g_assert_cmpuint (i, <, f->requests->len);
  return g_ptr_array_index (f->requests, i);
}

static void
assert_delays (Fixture     *f,
               const guint *expected,
               guint        n)
{
  g_assert_cmpuint (f->delays->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (f->delays, guint, i), ==, expected[i]);
}

/* ---- success ---------------------------------------------------------- */

static GBytes *
big_body (gsize size)
{
  GString *s = g_string_sized_new (size + 64);

  g_string_append (s, "<DescribeImagesResponse><imagesSet>");
  for (guint i = 0; s->len < size; i++)
    g_string_append_printf (s, "<item><imageId>ami-%08x</imageId></item>", i);
  g_string_append (s, "</imagesSet></DescribeImagesResponse>");
  return g_string_free_to_bytes (s);
}

static void
test_success_streamed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) body = big_body (300 * 1024);

  script_respond_bytes (f, 200, "text/xml;charset=UTF-8", g_bytes_ref (body));
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_begin, ==, 1);
  g_assert_cmpuint (f->n_finish, ==, 1);
  /* 64 KiB reads: a 300 KiB body cannot come in fewer than 5 pieces. */
  g_assert_cmpuint (f->n_chunks, >=, 5);
  g_assert_cmpmem (f->received->str, f->received->len,
                   g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
test_success_chunked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) body = big_body (20 * 1024);
  Step *step = script_respond_bytes (f, 200, "text/xml", g_bytes_ref (body));

  step->chunked = TRUE;   /* 100-byte chunks */
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->n_finish, ==, 1);
  g_assert_cmpuint (f->n_chunks, >=, 1);
  g_assert_cmpmem (f->received->str, f->received->len,
                   g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
test_keep_alive (Fixture       *f,
                 gconstpointer  data)
{
  script_respond (f, 200, "text/xml", OK_BODY);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
  run_call (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
  /* One connection for both: libsoup reuses one for a POST only when the
   * message is flagged idempotent. */
  g_assert_cmpuint (request (f, 0)->client_port, ==, request (f, 1)->client_port);
}

/* The connection kept from the first call dies once the second request is
 * on it: the retry is the call's second attempt (so the sink starts over and
 * a CreateImage knows an earlier attempt may have made the image), on a new
 * connection, and what the person would read says the server was reached. */
static void
test_keep_alive_lost_answer (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *logs = NULL;
  gboolean was_enabled = g_log_get_debug_enabled ();

  script_respond (f, 200, "text/xml", OK_BODY);
  script_add (f, STEP_RESET);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->call_begin, ==, 1);

  g_log_set_debug_enabled (TRUE);
  g_string_truncate (captured_logs, 0);
  run_call (f);
  logs = g_strdup (captured_logs->str);
  g_log_set_debug_enabled (was_enabled);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_cmpuint (f->call_begin, ==, 2);
  g_assert_cmpuint (f->n_finish, ==, 2);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
  g_assert_cmpuint (request (f, 0)->client_port, ==, request (f, 1)->client_port);
  g_assert_cmpuint (request (f, 1)->client_port, !=, request (f, 2)->client_port);
  g_assert_cmpstr (request (f, 2)->body, ==, FORM_BODY);
  g_assert_nonnull (strstr (logs, "was lost before it answered"));
}

/* No redirect is followed: a SigV4 request never needs one, and a 3xx is
 * an error naming where it pointed, after the one request, with no retry.
 * (libsoup may still send a message again by itself for an HTTP/2 stream
 * the server refused; restarted_cb counts that as a new attempt.) */
static void
test_redirect_refused (Fixture       *f,
                       gconstpointer  data)
{
  guint status = GPOINTER_TO_UINT (data);
  Step *step = script_respond (f, status, "text/xml", "<Moved/>");

  step->header_name = g_strdup ("Location");
  step->header_value = g_strdup ("https://elsewhere.example.com/steal");
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (f->error->message, "https://elsewhere.example.com/steal"));
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (f->error->message, "redirected"));
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_begin, ==, 1);
  g_assert_cmpuint (f->n_finish, ==, 0);
  g_assert_cmpuint (f->delays->len, ==, 0);
}

static void
test_no_sink (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AmigoRequest) request = NULL;
  script_respond (f, 200, "text/xml", OK_BODY);
  request = amigo_request_new_form ("ec2", "us-east-1", FORM_BODY);
  amigo_client_send_async (f->client, request, f->url, NULL, NULL, NULL,
                           call_done_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (f->error);
  g_assert_true (f->ok);
}

/* ---- retries ---------------------------------------------------------- */

static void
test_throttled_then_success (Fixture       *f,
                             gconstpointer  data)
{
  static const guint expected_delays[] = { 8, 16 };

  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Request limit exceeded.", "t-1"));
  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Request limit exceeded.", "t-2"));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_cmpuint (f->n_begin, ==, 3);
  g_assert_cmpuint (f->n_finish, ==, 1);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
  /* throttling base (8 ms here), doubled per attempt, full jitter = 1 */
  assert_delays (f, expected_delays, G_N_ELEMENTS (expected_delays));
  /* every attempt signed afresh, the same body each time */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (request (f, i)->body, ==, FORM_BODY);
}

static void
test_throttled_exhausted (Fixture       *f,
                          gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 4; i++)
    script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Request limit exceeded.", "t-x"));
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_THROTTLED);
  g_assert_cmpstr (d->aws_code, ==, "RequestLimitExceeded");
  g_assert_cmpstr (d->aws_message, ==, "Request limit exceeded.");
  g_assert_cmpstr (d->request_id, ==, "t-x");
  /* what to do, then AWS's own words */
  g_assert_true (g_str_has_prefix (f->error->message,
                                   "AWS is limiting requests; wait a moment and try again."));
  g_assert_nonnull (strstr (f->error->message, "Request limit exceeded. (RequestLimitExceeded)"));
  g_assert_cmpuint (d->http_status, ==, 503);
  g_assert_true (d->retryable);
  g_assert_cmpuint (f->requests->len, ==, AMIGO_CLIENT_DEFAULT_MAX_ATTEMPTS);
  g_assert_cmpuint (f->n_begin, ==, 3);
  g_assert_cmpuint (f->n_chunks, ==, 0);
  g_assert_cmpuint (f->n_finish, ==, 0);
  g_assert_cmpuint (g_queue_get_length (&f->script), ==, 1);
}

static void
test_max_attempts_setting (Fixture       *f,
                           gconstpointer  data)
{
  for (guint i = 0; i < 5; i++)
    script_respond (f, 400, "text/xml", EC2_ERROR ("Throttling", "Rate exceeded", "t-y"));

  amigo_client_set_max_attempts (f->client, 1);
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_THROTTLED);
  g_assert_cmpuint (f->requests->len, ==, 1);

  g_object_set (f->client, "max-attempts", 4, NULL);
  g_assert_cmpuint (amigo_client_get_max_attempts (f->client), ==, 4);
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_THROTTLED);
  g_assert_cmpuint (f->requests->len, ==, 5);
}

static void
test_html_500 (Fixture       *f,
               gconstpointer  data)
{
  static const char page[] = "<!DOCTYPE html>\n<html><body><h1>500 Internal Server Error</h1></body></html>";
  static const guint expected_delays[] = { 2, 4 };
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 5; i++)
    script_respond (f, 500, "text/html; charset=utf-8", page);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (d->http_status, ==, 500);
  g_assert_null (d->aws_code);
  g_assert_nonnull (strstr (f->error->message, "HTTP 500"));
  g_assert_nonnull (strstr (f->error->message, "web page"));
  g_assert_null (strstr (f->error->message, "<html>"));
  g_assert_cmpuint (f->requests->len, ==, 3);
  /* not a throttle: the transient base (2 ms here) */
  assert_delays (f, expected_delays, G_N_ELEMENTS (expected_delays));
}

static void
test_empty_503_then_success (Fixture       *f,
                             gconstpointer  data)
{
  script_respond (f, 503, "text/plain", "");
  script_respond (f, 502, "text/plain", "Bad Gateway");
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 3);
}

static void
test_internal_error_exhausted (Fixture       *f,
                               gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 3; i++)
    script_respond (f, 500, "text/xml",
                    EC2_ERROR ("InternalError", "An internal error has occurred", "ie-1"));
  run_call (f);
  d = assert_aws_error (f, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (d->aws_code, ==, "InternalError");
  g_assert_true (d->retryable);
  g_assert_cmpuint (f->requests->len, ==, 3);
}

static void
test_large_error_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) body = big_body (1024 * 1024);

  for (guint i = 0; i < 3; i++)
    script_respond_bytes (f, 500, "text/xml", g_bytes_ref (body));
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (f->requests->len, ==, 3);
}

static void
test_retry_after_header (Fixture       *f,
                         gconstpointer  data)
{
  static const guint expected_delays[] = { 40 };
  Step *step = script_respond (f, 503, "text/xml",
                               EC2_ERROR ("SlowDown", "Please reduce your request rate.", "sd"));

  step->header_name = g_strdup ("x-amz-retry-after");
  step->header_value = g_strdup ("40");
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
  assert_delays (f, expected_delays, G_N_ELEMENTS (expected_delays));
}

/* ---- errors that are not retried --------------------------------------- */

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  script_respond (f, 400, "text/xml;charset=UTF-8",
                  EC2_ERROR ("InvalidAMIID.NotFound",
                             "The image id '[ami-0123456789abcdef0]' does not exist",
                             "ea966190-f9aa-478e-9ede-example"));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (d->aws_code, ==, "InvalidAMIID.NotFound");
  g_assert_cmpstr (d->aws_message, ==, "The image id '[ami-0123456789abcdef0]' does not exist");
  g_assert_cmpstr (d->request_id, ==, "ea966190-f9aa-478e-9ede-example");
  g_assert_cmpuint (d->http_status, ==, 400);
  g_assert_false (d->retryable);
  g_assert_true (amigo_aws_error_has_aws_code (f->error, "InvalidAMIID.NotFound"));
  g_assert_nonnull (strstr (f->error->message, "does not exist"));
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_chunks, ==, 0);
  g_assert_cmpuint (f->n_finish, ==, 0);
  g_assert_cmpuint (f->delays->len, ==, 0);
}

static void
test_auth_failure (Fixture       *f,
                   gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  script_respond (f, 401, "text/xml",
                  EC2_ERROR ("AuthFailure", "AWS was not able to validate the provided access credentials",
                             "af-1"));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpstr (d->aws_code, ==, "AuthFailure");
  g_assert_cmpstr (d->request_id, ==, "af-1");
  g_assert_cmpuint (d->http_status, ==, 401);
  /* the server's clock agrees with ours: nothing to correct, no retry */
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpint (amigo_client_get_clock_offset (f->client), ==, 0);
}

static void
test_sts_error_document (Fixture       *f,
                         gconstpointer  data)
{
  static const char doc[] =
    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
    "  <Error>\n    <Type>Sender</Type>\n    <Code>InvalidClientTokenId</Code>\n"
    "    <Message>The security token included in the request is invalid.</Message>\n"
    "  </Error>\n  <RequestId>4a3f2d1c-sts</RequestId>\n</ErrorResponse>\n";
  const AmigoAwsErrorDetails *d;

  script_respond (f, 403, "text/xml", doc);
  run_call_full (f, "us-east-1", f->url, "Action=GetCallerIdentity&Version=2011-06-15");

  d = assert_aws_error (f, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpstr (d->aws_code, ==, "InvalidClientTokenId");
  g_assert_cmpstr (d->aws_message, ==, "The security token included in the request is invalid.");
  g_assert_cmpstr (d->request_id, ==, "4a3f2d1c-sts");
  g_assert_cmpuint (d->http_status, ==, 403);
}

static void
test_html_on_success (Fixture       *f,
                      gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  script_respond (f, 200, "text/html", "<html><body>Sign in to the Wi-Fi</body></html>");
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (d->http_status, ==, 200);
  g_assert_nonnull (strstr (f->error->message, "web page"));
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_chunks, ==, 0);
}

static void
test_sink_error_stops (Fixture       *f,
                       gconstpointer  data)
{
  script_respond (f, 200, "text/xml", OK_BODY);
  script_respond (f, 200, "text/xml", OK_BODY);
  f->fail_on_chunk = TRUE;
  run_call (f);

  g_assert_error (f->error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_finish, ==, 0);
}

/* ---- broken connections ---------------------------------------------- */

static void
test_connection_reset (Fixture       *f,
                       gconstpointer  data)
{
  script_add (f, STEP_RESET);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpuint (f->n_begin, ==, 2);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
}

static void
test_closed_mid_body (Fixture       *f,
                      gconstpointer  data)
{
  script_add (f, STEP_TRUNCATE);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpuint (f->n_begin, ==, 2);
  g_assert_cmpuint (f->n_finish, ==, 1);
  /* whatever the first attempt delivered was dropped at begin_attempt */
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
}

static void
test_truncated_every_time (Fixture       *f,
                           gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 3; i++)
    script_add (f, STEP_TRUNCATE);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_true (d->retryable);
  g_assert_nonnull (strstr (f->error->message, "cut off"));
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_cmpuint (f->n_finish, ==, 0);
}

/* With `Connection: close`, libsoup 3.2 takes a body that stops before its
 * Content-Length for a complete one (it tolerates servers that send a wrong
 * length); the client counts the bytes, and retries. */
static void
test_short_body_connection_close (Fixture       *f,
                                  gconstpointer  data)
{
  script_add (f, STEP_TRUNCATE)->close_header = TRUE;
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpuint (f->n_begin, ==, 2);
  g_assert_cmpuint (f->n_finish, ==, 1);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
  g_assert_cmpuint (f->delays->len, ==, 1);
}

static void
test_short_body_every_time (Fixture       *f,
                            gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 3; i++)
    script_add (f, STEP_TRUNCATE)->close_header = TRUE;
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_true (d->retryable);
  g_assert_cmpuint (d->http_status, ==, 200);
  g_assert_nonnull (strstr (f->error->message, "cut off"));
  g_assert_nonnull (strstr (f->error->message, "100 of 1000 bytes"));
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_cmpuint (f->n_begin, ==, 3);
  g_assert_cmpuint (f->n_finish, ==, 0);
}

/* An error document cut short is no error document: tried again, rather
 * than read as a server that answers garbage. */
static void
test_short_error_body (Fixture       *f,
                       gconstpointer  data)
{
  Step *step = script_add (f, STEP_TRUNCATE);

  step->status = 400;
  step->close_header = TRUE;
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpuint (f->n_begin, ==, 2);
  g_assert_cmpstr (f->received->str, ==, OK_BODY);
}

/* What a person reads depends on how far the request got. */
static void
test_reset_after_sent_message (Fixture       *f,
                               gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  for (guint i = 0; i < 3; i++)
    script_add (f, STEP_RESET);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_NETWORK);
  g_assert_true (d->retryable);
  g_assert_cmpuint (f->requests->len, ==, 3);
  g_assert_nonnull (strstr (f->error->message, "The connection to 127.0.0.1 was lost before it answered"));
  g_assert_null (strstr (f->error->message, "Could not reach"));
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  static const guint expected_delays[] = { 2, 4 };

  /* A port that was free a moment ago and has no listener. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  run_call_full (f, "us-east-1", url, FORM_BODY);
  assert_aws_error (f, AMIGO_AWS_ERROR_NETWORK);
  g_assert_nonnull (strstr (f->error->message, "Could not reach 127.0.0.1"));
  g_assert_cmpuint (f->n_begin, ==, 3);
  assert_delays (f, expected_delays, G_N_ELEMENTS (expected_delays));
}

/* ---- clock skew ------------------------------------------------------- */

static void
test_clock_skew_corrected (Fixture       *f,
                           gconstpointer  data)
{
  gint64 offset;

  f->server_offset = 3600;
  f->check_time = TRUE;
  script_respond (f, 200, "text/xml", OK_BODY);
  script_respond (f, 200, "text/xml", OK_BODY);

  run_call (f);
  g_assert_no_error (f->error);
  /* refused once (RequestExpired), then signed with the server's time */
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_cmpuint (f->n_begin, ==, 2);
  g_assert_cmpuint (f->delays->len, ==, 0);
  offset = amigo_client_get_clock_offset (f->client);
  g_assert_cmpint (offset, >=, 3600 - 60);
  g_assert_cmpint (offset, <=, 3600 + 60);

  /* The next call is signed right the first time. */
  run_call (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 3);
}

static void
test_clock_skew_not_counted (Fixture       *f,
                             gconstpointer  data)
{
  /* The skew retry does not use up an attempt: after it, the usual three
   * attempts are still there for a throttled service. */
  f->server_offset = -3600;
  f->check_time = TRUE;
  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Slow down", "n-1"));
  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Slow down", "n-2"));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->requests->len, ==, 4);
  g_assert_cmpuint (f->n_begin, ==, 4);
  g_assert_cmpuint (f->delays->len, ==, 2);
}

static void
test_clock_skew_only_once (Fixture       *f,
                           gconstpointer  data)
{
  const AmigoAwsErrorDetails *d;

  /* The server keeps saying the request expired, with a Date far off: one
   * corrected retry, then the error. */
  f->server_offset = 7200;
  for (guint i = 0; i < 3; i++)
    script_respond (f, 400, "text/xml", EC2_ERROR ("RequestExpired", "Request has expired.", "re"));
  /* (The local clock stays the real one: a Date over a day off is an
   * error at once, see test_clock_skew_beyond_a_day.) */
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_EXPIRED);
  g_assert_cmpstr (d->aws_code, ==, "RequestExpired");
  g_assert_cmpuint (f->requests->len, ==, 2);
}

/* A Date more than a day off is not believed: the call fails at once with
 * words saying how far off the clocks are, and no offset is learnt. */
static void
test_clock_skew_beyond_a_day (Fixture       *f,
                              gconstpointer  data)
{
  gint64 server_offset = GPOINTER_TO_INT (data);
  const AmigoAwsErrorDetails *d;

  f->server_offset = server_offset;
  f->check_time = TRUE;
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  d = assert_aws_error (f, AMIGO_AWS_ERROR_EXPIRED);
  g_assert_cmpstr (d->aws_code, ==, "RequestExpired");
  g_assert_false (d->retryable);
  g_assert_nonnull (strstr (f->error->message, "The server's clock is 48 hours off"));
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->delays->len, ==, 0);
  g_assert_cmpint (amigo_client_get_clock_offset (f->client), ==, 0);
}

/* The debug line says which way the local clock is off, in plain words. */
static void
test_clock_skew_log (Fixture       *f,
                     gconstpointer  data)
{
  gint64 server_offset = GPOINTER_TO_INT (data);
  const char *direction = server_offset > 0 ? " s behind the server's" : " s ahead of the server's";
  g_autofree char *logs = NULL;
  gboolean was_enabled = g_log_get_debug_enabled ();
  const char *p;
  char *end;
  gint64 seconds;

  f->server_offset = server_offset;
  f->check_time = TRUE;
  script_respond (f, 200, "text/xml", OK_BODY);
  g_log_set_debug_enabled (TRUE);
  g_string_truncate (captured_logs, 0);
  run_call (f);
  logs = g_strdup (captured_logs->str);
  g_log_set_debug_enabled (was_enabled);
  g_assert_no_error (f->error);

  p = strstr (logs, "the local clock is ");
  g_assert_nonnull (p);
  p += strlen ("the local clock is ");
  g_assert_true (g_ascii_isdigit (*p));
  seconds = g_ascii_strtoll (p, &end, 10);
  /* the server's Date has whole seconds, and the call takes some */
  g_assert_cmpint (seconds, >=, ABS (server_offset) - 60);
  g_assert_cmpint (seconds, <=, ABS (server_offset) + 60);
  g_assert_true (g_str_has_prefix (end, direction));
}

static void
test_skew_ignored_for_other_errors (Fixture       *f,
                                    gconstpointer  data)
{
  f->server_offset = 3600;
  script_respond (f, 400, "text/xml", EC2_ERROR ("InvalidParameterValue", "Bad value", "ip"));
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpint (amigo_client_get_clock_offset (f->client), ==, 0);
  g_assert_cmpuint (f->requests->len, ==, 1);
}

/* ---- cancellation ----------------------------------------------------- */

static void
test_cancel_during_backoff (Fixture       *f,
                            gconstpointer  data)
{
  /* A minute-long wait: only the cancellation can end this test in time. */
  _amigo_client_set_backoff (f->client, 60000, 60000, 60000);
  f->cancel_on_backoff = TRUE;
  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Slow down", "c-1"));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->delays->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->delays, guint, 0), ==, 60000);
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_cmpuint (f->n_begin, ==, 1);
}

static void
test_cancel_during_body (Fixture       *f,
                         gconstpointer  data)
{
  script_add (f, STEP_HANG);
  f->cancel_on_chunk = TRUE;
  run_call (f);

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->n_chunks, ==, 1);
  g_assert_cmpuint (f->n_finish, ==, 0);
  g_assert_cmpuint (f->requests->len, ==, 1);
}

static void
test_cancel_before_start (Fixture       *f,
                          gconstpointer  data)
{
  g_cancellable_cancel (f->cancellable);
  run_call (f);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->requests->len, ==, 0);
  g_assert_cmpuint (f->n_begin, ==, 0);
}

/* ---- the request itself ----------------------------------------------- */

static char *
authorization_param (const char *authorization,
                     const char *name)
{
  g_autofree char *prefix = g_strconcat (name, "=", NULL);
  const char *p = strstr (authorization, prefix);

  g_assert_nonnull (p);
  p += strlen (prefix);
  return g_strndup (p, strcspn (p, ", "));
}

/* Signs again what the server received and expects the same signature:
 * the client sent exactly the bytes and headers it signed. */
static void
assert_signature_matches (Recorded         *r,
                          AmigoCredentials *credentials,
                          const char       *region,
                          gint64            timestamp)
{
  const char *authorization = soup_message_headers_get_one (r->headers, "Authorization");
  g_autoptr(AmigoSigV4Request) req = amigo_sigv4_request_new (r->method, r->path, NULL);
  g_autoptr(GError) error = NULL;
  AmigoSigV4Params params = { 0 };

  amigo_sigv4_request_add_header (req, "Host", soup_message_headers_get_one (r->headers, "Host"));
  amigo_sigv4_request_add_header (req, "Content-Type",
                                  soup_message_headers_get_one (r->headers, "Content-Type"));
  amigo_sigv4_request_set_body (req, (const guint8 *) r->body, strlen (r->body));
  params.credentials = credentials;
  params.region = region;
  params.service = "ec2";
  params.timestamp = timestamp;
  params.normalize_path = TRUE;
  g_assert_true (amigo_sigv4_sign (req, &params, AMIGO_SIGV4_MODE_HEADER, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < amigo_sigv4_request_get_n_headers (req); i++)
    if (g_ascii_strcasecmp (amigo_sigv4_request_get_header_name (req, i), "Authorization") == 0)
      {
        g_assert_cmpstr (amigo_sigv4_request_get_header_value (req, i), ==, authorization);
        return;
      }
  g_assert_not_reached ();
}

static void
test_request_headers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmigoCredentials) credentials = amigo_client_dup_credentials (f->client);
  g_autoptr(GUri) uri = g_uri_parse (f->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  g_autofree char *credential = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *signature = NULL;
  const char *authorization;
  Recorded *r;

  _amigo_client_set_clock_func (f->client, fixed_clock, NULL);
  script_respond (f, 200, "text/xml", OK_BODY);
  /* Signed for the region asked, whatever the endpoint looks like. */
  run_call_full (f, "eu-west-3", f->url, FORM_BODY);
  g_assert_no_error (f->error);

  r = request (f, 0);
  g_assert_cmpstr (r->method, ==, "POST");
  g_assert_cmpstr (r->path, ==, "/");
  g_assert_cmpstr (r->body, ==, FORM_BODY);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Host"), ==, host);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Content-Type"), ==,
                   "application/x-www-form-urlencoded; charset=utf-8");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "User-Agent"), ==,
                   "Amigo/" PACKAGE_VERSION);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-Amz-Date"), ==, "20150830T123600Z");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-Amz-Security-Token"), ==, SESSION_TOKEN);
  g_assert_cmpint (soup_message_headers_get_content_length (r->headers), ==, strlen (FORM_BODY));

  authorization = soup_message_headers_get_one (r->headers, "Authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_prefix (authorization, "AWS4-HMAC-SHA256 "));
  credential = authorization_param (authorization, "Credential");
  g_assert_cmpstr (credential, ==, ACCESS_KEY "/20150830/eu-west-3/ec2/aws4_request");
  signed_headers = authorization_param (authorization, "SignedHeaders");
  g_assert_cmpstr (signed_headers, ==, "content-type;host;x-amz-date;x-amz-security-token");
  signature = authorization_param (authorization, "Signature");
  g_assert_cmpuint (strlen (signature), ==, 64);

  assert_signature_matches (r, credentials, "eu-west-3", FIXED_TIME);
}

static void
test_request_without_token (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new (ACCESS_KEY, SECRET_KEY, NULL, 0);
  g_autofree char *signed_headers = NULL;
  Recorded *r;

  amigo_client_set_credentials (f->client, credentials);
  _amigo_client_set_clock_func (f->client, fixed_clock, NULL);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);

  r = request (f, 0);
  g_assert_null (soup_message_headers_get_one (r->headers, "X-Amz-Security-Token"));
  signed_headers = authorization_param (soup_message_headers_get_one (r->headers, "Authorization"),
                                        "SignedHeaders");
  g_assert_cmpstr (signed_headers, ==, "content-type;host;x-amz-date");
  assert_signature_matches (r, credentials, "us-east-1", FIXED_TIME);
}

static void
test_endpoint_with_path (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->url, "custom", NULL);
  g_autoptr(AmigoCredentials) credentials = amigo_client_dup_credentials (f->client);

  _amigo_client_set_clock_func (f->client, fixed_clock, NULL);
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call_full (f, "us-east-1", url, FORM_BODY);
  g_assert_no_error (f->error);
  g_assert_cmpstr (request (f, 0)->path, ==, "/custom/");
  assert_signature_matches (request (f, 0), credentials, "us-east-1", FIXED_TIME);
}

static void
json_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  call_done_cb (source, result, user_data);
}

/* SSM's GetParameter, as the JSON protocol writes it. */
static void
call_get_parameter (Fixture    *f,
                    const char *name)
{
  static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
  static const AmigoMember members[] = { { .name = "Name", .shape = &string_shape } };
  static const AmigoShape input_shape = { .type = AMIGO_SHAPE_STRUCTURE, .members = members, .n_members = 1 };
  static const AmigoMember input = { .shape = &input_shape };
  static const AmigoOperation operation = { .name = "GetParameter", .http_method = "POST",
                                            .request_uri = "/", .input = &input };
  static const AmigoServiceModel ssm = { .protocol = AMIGO_PROTOCOL_JSON, .api_version = "2014-11-06",
                                         .json_version = "1.1", .target_prefix = "AmazonSSM",
                                         .signing_name = "ssm" };
  g_autoptr(JsonNode) params = json_node_init_object (json_node_alloc (), json_object_new ());
  g_autoptr(AmigoRequest) req = NULL;

  json_object_unref (json_node_get_object (params));
  json_object_set_string_member (json_node_get_object (params), "Name", name);
  req = amigo_protocol_serialize (&ssm, &operation, params, NULL);
  amigo_request_set_signing (req, "ssm", "us-east-1");
  amigo_client_send_async (f->client, req, f->url, &test_sink, f, NULL, json_done_cb, f);
}

static void
test_json_call (Fixture       *f,
                gconstpointer  data)
{
  static const char ok[] = "{\"Parameter\":{\"Name\":\"/aws/x\",\"Value\":\"ami-1\"}}";
  const AmigoAwsErrorDetails *d;
  Step *step;
  Recorded *r;

  script_respond (f, 200, "application/x-amz-json-1.1", ok);
  step = script_respond (f, 400, "application/x-amz-json-1.1",
                         "{\"__type\":\"com.amazonaws.ssm#ParameterNotFound\",\"message\":\"Parameter /aws/y not found.\"}");
  step->header_name = g_strdup ("x-amzn-RequestId");
  step->header_value = g_strdup ("ssm-req-1");

  call_get_parameter (f, "/aws/x");
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (f->error);
  g_assert_cmpstr (f->received->str, ==, ok);
  r = request (f, 0);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-Amz-Target"), ==, "AmazonSSM.GetParameter");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Content-Type"), ==, "application/x-amz-json-1.1");
  g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Authorization"),
                            "/us-east-1/ssm/aws4_request"));
  g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Authorization"),
                            "x-amz-target"));

  f->done = FALSE;
  f->call_begin = 0;
  call_get_parameter (f, "/aws/y");
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  d = assert_aws_error (f, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (d->aws_code, ==, "ParameterNotFound");
  g_assert_cmpstr (d->aws_message, ==, "Parameter /aws/y not found.");
  g_assert_cmpstr (d->request_id, ==, "ssm-req-1");
}

/* ---- credentials ------------------------------------------------------ */

static AmigoCredentials *
fresh_credentials (gpointer   user_data,
                   GError   **error)
{
  guint *calls = user_data;

  (*calls)++;
  return amigo_credentials_new ("AKIDFRESH", SECRET_KEY, NULL, 0);
}

static AmigoCredentials *
no_credentials (gpointer   user_data,
                GError   **error)
{
  g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS, "credential_process failed");
  return NULL;
}

static void
test_credentials_func (Fixture       *f,
                       gconstpointer  data)
{
  guint calls = 0;

  script_respond (f, 503, "text/xml", "");
  script_respond (f, 200, "text/xml", OK_BODY);
  amigo_client_set_credentials_func (f->client, fresh_credentials, &calls, NULL);
  run_call (f);
  g_assert_no_error (f->error);
  /* asked before each attempt */
  g_assert_cmpuint (calls, ==, 2);
  g_assert_nonnull (strstr (soup_message_headers_get_one (request (f, 1)->headers, "Authorization"),
                            "Credential=AKIDFRESH/"));

  amigo_client_set_credentials_func (f->client, no_credentials, NULL, NULL);
  run_call (f);
  g_assert_error (f->error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS);
  g_assert_cmpuint (f->requests->len, ==, 2);
}

static void
test_expired_credentials (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AmigoCredentials) expired = amigo_credentials_new (ACCESS_KEY, SECRET_KEY, SESSION_TOKEN,
                                                               FIXED_TIME - 10);

  amigo_client_set_credentials (f->client, expired);
  _amigo_client_set_clock_func (f->client, fixed_clock, NULL);
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_EXPIRED);
  g_assert_cmpuint (f->requests->len, ==, 0);

  amigo_client_set_credentials (f->client, NULL);
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_NO_CREDENTIALS);
  g_assert_cmpuint (f->requests->len, ==, 0);
}

/* ---- configuration ---------------------------------------------------- */

static void
test_bad_endpoint (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const bad[] = { "ftp://example.com/", "not a url", "https://", "/relative" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      run_call_full (f, "us-east-1", bad[i], FORM_BODY);
      assert_aws_error (f, AMIGO_AWS_ERROR_CONFIG);
    }
  run_call_full (f, "us-east-1/../x", f->url, FORM_BODY);
  assert_aws_error (f, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (f->requests->len, ==, 0);
}

static void
test_ca_bundle (Fixture       *f,
                gconstpointer  data)
{
  static const char system_bundle[] = "/etc/ssl/certs/ca-certificates.crt";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoClient) from_env = NULL;
  GTlsDatabase *database;

  g_assert_false (amigo_client_set_ca_file (f->client, "/nonexistent/ca.pem", &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ca.pem"));
  /* no silent fallback: calls fail until a usable file is set */
  run_call (f);
  assert_aws_error (f, AMIGO_AWS_ERROR_CONFIG);
  g_assert_cmpuint (f->requests->len, ==, 0);

  g_setenv ("AWS_CA_BUNDLE", "/nonexistent/env-ca.pem", TRUE);
  from_env = amigo_client_new (NULL);
  g_unsetenv ("AWS_CA_BUNDLE");
  g_clear_error (&error);
  g_assert_null (amigo_client_build_message (from_env, "ec2", "us-east-1", NULL, FORM_BODY, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "AWS_CA_BUNDLE"));

  if (!g_file_test (system_bundle, G_FILE_TEST_EXISTS))
    {
      amigo_test_missing_tool ("no system CA bundle to load", "ca-certificates");
      return;
    }
  g_clear_error (&error);
  g_assert_true (amigo_client_set_ca_file (f->client, system_bundle, &error));
  g_assert_no_error (error);
  database = soup_session_get_tls_database (amigo_client_get_session (f->client));
  g_assert_true (G_IS_TLS_FILE_DATABASE (database));
  script_respond (f, 200, "text/xml", OK_BODY);
  run_call (f);
  g_assert_no_error (f->error);
}

static void
test_default_endpoint (void)
{
  g_autofree char *a = amigo_client_default_endpoint ("ec2", "eu-west-1");
  g_autofree char *b = amigo_client_default_endpoint ("ec2", "cn-north-1");

  g_assert_cmpstr (a, ==, "https://ec2.eu-west-1.amazonaws.com");
  g_assert_cmpstr (b, ==, "https://ec2.cn-north-1.amazonaws.com.cn");
}

static void
test_build_message_default_endpoint (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new (ACCESS_KEY, SECRET_KEY, NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  msg = amigo_client_build_message (client, "ec2", "ap-southeast-2", NULL, FORM_BODY, &error);
  g_assert_no_error (error);
  uri = g_uri_to_string (soup_message_get_uri (msg));
  g_assert_cmpstr (uri, ==, "https://ec2.ap-southeast-2.amazonaws.com/");
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_request_headers (msg), "Host"), ==,
                   "ec2.ap-southeast-2.amazonaws.com");
}

/* http:// goes only to this machine unless the account opted in. */
static void
test_plain_http_loopback_only (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new (ACCESS_KEY, SECRET_KEY, NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);
  static const char * const allowed[] = {
    "http://127.0.0.1:5000", "http://127.1.2.3", "http://[::1]:8080", "http://localhost:5000",
    "http://LOCALHOST", "https://ec2.example.com",
  };
  static const char * const refused[] = {
    "http://ec2.example.com", "http://10.0.0.1:5000", "http://[::2]", "http://localhost.example.com",
    "http://128.0.0.1",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GError) error = NULL;

      msg = amigo_client_build_message (client, "ec2", "us-east-1", allowed[i], FORM_BODY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (msg);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GError) error = NULL;

      msg = amigo_client_build_message (client, "ec2", "us-east-1", refused[i], FORM_BODY, &error);
      g_assert_null (msg);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, "not encrypted"));
    }

  /* The account's opt-in lets them through. */
  amigo_client_set_allow_plain_http (client, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GError) error = NULL;

      msg = amigo_client_build_message (client, "ec2", "us-east-1", refused[i], FORM_BODY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (msg);
    }
}

static void
test_token (void)
{
  g_autofree char *a = amigo_client_token_new ();
  g_autofree char *b = amigo_client_token_new ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpuint (strlen (a), ==, 36);
  g_assert_cmpint (a[14], ==, '4');   /* version 4 */
  g_assert_nonnull (strchr ("89ab", a[19]));
  g_assert_cmpstr (a, !=, b);
}

/* ---- backoff and classification -------------------------------------- */

static double fixed_jitter_value;

static double
fixed_jitter (gpointer user_data)
{
  return fixed_jitter_value;
}

static void
test_backoff_delays (void)
{
  static const struct {
    guint attempt;
    gboolean throttled;
    double jitter;
    gint64 retry_after;
    guint expected;
  } cases[] = {
    { 1, TRUE, 1.0, -1, 1000 },     /* botocore: throttling base 1 s */
    { 2, TRUE, 1.0, -1, 2000 },
    { 3, TRUE, 1.0, -1, 4000 },
    { 5, TRUE, 1.0, -1, 16000 },
    { 6, TRUE, 1.0, -1, 20000 },    /* capped at 20 s */
    { 50, TRUE, 1.0, -1, 20000 },
    { 1, FALSE, 1.0, -1, 50 },      /* other transient errors: 50 ms */
    { 3, FALSE, 1.0, -1, 200 },
    { 3, FALSE, 0.5, -1, 100 },     /* full jitter */
    { 3, TRUE, 0.0, -1, 0 },
    { 1, TRUE, 0.0, 3000, 3000 },   /* x-amz-retry-after honoured … */
    { 1, TRUE, 0.0, 9000, 5000 },   /* … up to 5 s past the draw */
    { 1, TRUE, 1.0, 10, 1000 },     /* never shorter than the draw */
  };
  g_autoptr(AmigoClient) client = amigo_client_new (NULL);

  _amigo_client_set_jitter_func (client, fixed_jitter, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      fixed_jitter_value = cases[i].jitter;
      g_assert_cmpuint (_amigo_client_backoff_delay_ms (client, cases[i].attempt, cases[i].throttled,
                                                        cases[i].retry_after), ==, cases[i].expected);
    }
}

static void
test_code_lists (void)
{
  /* botocore retries/standard.py */
  static const char * const throttling[] = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
  };
  static const char * const transient[] = {
    "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
  };
  static const char * const skew[] = {
    "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException",
    "SignatureDoesNotMatch", "AuthFailure", "RequestInTheFuture",
  };
  static const char * const neither[] = {
    "InvalidAMIID.NotFound", "UnauthorizedOperation", "InvalidParameterValue", "", "throttling",
  };

  for (guint i = 0; i < G_N_ELEMENTS (throttling); i++)
    g_assert_true (_amigo_client_is_throttling_code (throttling[i]));
  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    g_assert_true (_amigo_client_is_transient_code (transient[i]));
  for (guint i = 0; i < G_N_ELEMENTS (skew); i++)
    g_assert_true (_amigo_client_is_clock_skew_code (skew[i]));
  for (guint i = 0; i < G_N_ELEMENTS (neither); i++)
    {
      g_assert_false (_amigo_client_is_throttling_code (neither[i]));
      g_assert_false (_amigo_client_is_transient_code (neither[i]));
      g_assert_false (_amigo_client_is_clock_skew_code (neither[i]));
    }
  g_assert_false (_amigo_client_is_throttling_code (NULL));
}

static void
test_error_documents (void)
{
  static const struct {
    const char *name;
    guint status;
    const char *content_type;
    const char *body;
    AmigoAwsErrorCode code;
    const char *aws_code;
    const char *aws_message;
    const char *request_id;
    gboolean retryable;
    const char *in_message;
  } cases[] = {
    { "ec2", 400, "text/xml", EC2_ERROR ("InvalidAMIID.Malformed", "Invalid id: \"ami-x\"", "r1"),
      AMIGO_AWS_ERROR_SERVICE, "InvalidAMIID.Malformed", "Invalid id: \"ami-x\"", "r1", FALSE, "ami-x" },
    { "ec2-one-line-no-decl", 400, NULL,
      "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized "
      "to perform this operation.</Message></Error></Errors><RequestID>r2</RequestID></Response>",
      AMIGO_AWS_ERROR_SERVICE, "UnauthorizedOperation", NULL, "r2", FALSE, "not authorized" },
    { "sts", 400, "text/xml",
      "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token "
      "included in the request is expired</Message></Error><RequestId>r3</RequestId></ErrorResponse>",
      AMIGO_AWS_ERROR_EXPIRED, "ExpiredToken", NULL, "r3", FALSE, "expired" },
    { "escaped", 400, "text/xml", EC2_ERROR ("InvalidParameterValue", "Value (a &amp; b &lt;c&gt;) is bad", "r4"),
      AMIGO_AWS_ERROR_SERVICE, "InvalidParameterValue", "Value (a & b <c>) is bad", "r4", FALSE, NULL },
    { "throttled-400", 400, "text/xml", EC2_ERROR ("Throttling", "Rate exceeded", "r5"),
      AMIGO_AWS_ERROR_THROTTLED, "Throttling", "Rate exceeded", "r5", TRUE, NULL },
    { "transient-code", 400, "text/xml", EC2_ERROR ("RequestTimeout", "Timed out", "r6"),
      AMIGO_AWS_ERROR_SERVICE, "RequestTimeout", NULL, "r6", TRUE, NULL },
    { "auth", 403, "text/xml", EC2_ERROR ("SignatureDoesNotMatch", "The request signature we calculated does not match", "r7"),
      AMIGO_AWS_ERROR_AUTH, "SignatureDoesNotMatch", NULL, "r7", FALSE, NULL },
    { "json", 400, "application/x-amz-json-1.1",
      "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}",
      AMIGO_AWS_ERROR_THROTTLED, "ThrottlingException", "Rate exceeded", NULL, TRUE, NULL },
    { "json-Message", 400, "application/x-amz-json-1.1",
      "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"Message\":\"bad token\"}",
      AMIGO_AWS_ERROR_AUTH, "UnrecognizedClientException", "bad token", NULL, FALSE, NULL },
    { "html", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, TRUE, "web page" },
    { "html-sniffed", 403, "text/plain", "\n  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, "web page" },
    { "empty", 503, NULL, "",
      AMIGO_AWS_ERROR_SERVICE, NULL, NULL, NULL, TRUE, "HTTP 503" },
    { "garbage", 400, "text/plain", "\x01\x02 not xml at all",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, "not an AWS error document" },
    { "xml-but-not-aws", 404, "application/xml", "<NotFound><Path>/x</Path></NotFound>",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, "HTTP 404" },
    { "truncated-xml", 400, "text/xml", "<Response><Errors><Error><Code>Inval",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, "HTTP 400" },
    { "external-entity", 400, "text/xml",
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<Response><Errors><Error><Code>C</Code><Message>&x;</Message></Error></Errors></Response>",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, "not an AWS error document" },
    { "entity-bomb", 400, "text/xml",
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
      "<Response><Errors><Error><Code>C</Code><Message>&d;&d;&d;&d;</Message></Error></Errors></Response>",
      AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      g_autoptr(GError) error = NULL;
      const AmigoAwsErrorDetails *d;

      g_test_message ("case %s", cases[i].name);
      if (cases[i].content_type != NULL)
        soup_message_headers_replace (headers, "Content-Type", cases[i].content_type);
      error = _amigo_client_error_from_response ("ec2.example.test", cases[i].status, headers,
                                                 cases[i].body, strlen (cases[i].body));
      g_assert_error (error, AMIGO_AWS_ERROR, (int) cases[i].code);
      d = amigo_aws_error_get_details (error);
      g_assert_cmpstr (d->aws_code, ==, cases[i].aws_code);
      if (cases[i].aws_message != NULL)
        g_assert_cmpstr (d->aws_message, ==, cases[i].aws_message);
      if (cases[i].aws_code == NULL)
        g_assert_null (d->aws_message);
      g_assert_cmpstr (d->request_id, ==, cases[i].request_id);
      g_assert_cmpuint (d->http_status, ==, cases[i].status);
      g_assert_cmpint (d->retryable, ==, cases[i].retryable);
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_null (strstr (error->message, "root:"));
      if (cases[i].aws_code == NULL)
        g_assert_nonnull (strstr (error->message, "ec2.example.test"));
    }
}

static void
test_error_header_request_id (void)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GError) error = NULL;

  /* x-amzn-ErrorType alone names the JSON error; the header gives the id. */
  soup_message_headers_replace (headers, "Content-Type", "application/x-amz-json-1.1");
  soup_message_headers_replace (headers, "x-amzn-ErrorType",
                                "AccessDeniedException:http://internal.amazon.com/coral/");
  soup_message_headers_replace (headers, "x-amzn-RequestId", "hdr-1");
  error = _amigo_client_error_from_response ("ssm.example.test", 400, headers, "{}", 2);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "AccessDeniedException");
  g_assert_cmpstr (amigo_aws_error_get_details (error)->request_id, ==, "hdr-1");
}

/* Each protocol reads its own error documents; the client classifies them
 * the same way whichever read them. */
static void
test_error_protocol_parsers (void)
{
  static const struct {
    const char *name;
    AmigoProtocolKind protocol;
    guint status;
    const char *header_name;
    const char *header_value;
    const char *body;
    AmigoAwsErrorCode code;
    const char *aws_code;
    const char *aws_message;
    const char *request_id;
  } cases[] = {
    { "query", AMIGO_PROTOCOL_QUERY, 403, NULL, NULL,
      "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>expired</Message>"
      "</Error><RequestId>q1</RequestId></ErrorResponse>",
      AMIGO_AWS_ERROR_EXPIRED, "ExpiredToken", "expired", "q1" },
    { "json-type", AMIGO_PROTOCOL_JSON, 400, NULL, NULL,
      "{\"__type\":\"aws.ssm#ParameterNotFound:http://internal.amazon.com/coral/\",\"message\":\"no\"}",
      AMIGO_AWS_ERROR_SERVICE, "ParameterNotFound", "no", NULL },
    { "rest-json-header", AMIGO_PROTOCOL_REST_JSON, 429, "x-amzn-ErrorType",
      "TooManyRequestsException:http://internal.amazon.com/coral/", "{\"message\":\"slow down\"}",
      AMIGO_AWS_ERROR_THROTTLED, "TooManyRequestsException", "slow down", NULL },
    { "rest-json-body", AMIGO_PROTOCOL_REST_JSON, 401, NULL, NULL,
      "{\"code\":\"UnauthorizedException\",\"message\":\"Session token not found or invalid\"}",
      AMIGO_AWS_ERROR_SERVICE, "UnauthorizedException", "Session token not found or invalid", NULL },
    { "rest-xml", AMIGO_PROTOCOL_REST_XML, 403, NULL, NULL,
      "<Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message><RequestId>s1</RequestId></Error>",
      AMIGO_AWS_ERROR_AUTH, "SignatureDoesNotMatch", "bad", "s1" },
    { "rest-xml-head", AMIGO_PROTOCOL_REST_XML, 404, "x-amz-request-id", "s2", "",
      AMIGO_AWS_ERROR_SERVICE, "404", "Not Found", "s2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      g_autoptr(GError) error = NULL;
      const AmigoAwsErrorDetails *d;

      g_test_message ("case %s", cases[i].name);
      if (cases[i].header_name != NULL)
        soup_message_headers_replace (headers, cases[i].header_name, cases[i].header_value);
      error = _amigo_client_error_from_answer (amigo_protocol_error_parser (cases[i].protocol),
                                               "svc.example.test", cases[i].status, headers,
                                               cases[i].body, strlen (cases[i].body));
      g_assert_error (error, AMIGO_AWS_ERROR, (int) cases[i].code);
      d = amigo_aws_error_get_details (error);
      g_assert_cmpstr (d->aws_code, ==, cases[i].aws_code);
      g_assert_cmpstr (d->aws_message, ==, cases[i].aws_message);
      g_assert_cmpstr (d->request_id, ==, cases[i].request_id);
      g_assert_cmpuint (d->http_status, ==, cases[i].status);
    }
}

/* ---- logs ------------------------------------------------------------- */

static void
test_redact_header_value (void)
{
  static const struct {
    const char *name;
    const char *value;
    gboolean redacted;
  } cases[] = {
    { "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/…, Signature=abc", TRUE },
    { "authorization", "x", TRUE },
    { "X-Amz-Security-Token", SESSION_TOKEN, TRUE },
    { "x-amz-security-token", SESSION_TOKEN, TRUE },
    { "Proxy-Authorization", "Basic dXNlcjpwYXNz", TRUE },
    { "Cookie", "session=1", TRUE },
    { "X-Amz-Signature", "abc", TRUE },
    { "X-Secret-Thing", "abc", TRUE },
    { "X-Amz-Credential", "AKID/20150830/us-east-1/ec2/aws4_request", TRUE },
    { "X-Amz-Date", "20150830T123600Z", FALSE },
    { "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", FALSE },
    { "Host", "ec2.us-east-1.amazonaws.com", FALSE },
    { "User-Agent", "Amigo/" PACKAGE_VERSION, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = amigo_client_redact_header_value (cases[i].name, cases[i].value);
      if (cases[i].redacted)
        g_assert_cmpstr (shown, ==, "[redacted]");
      else
        g_assert_cmpstr (shown, ==, cases[i].value);
    }
}

static void
test_debug_log_redaction (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *signature = NULL;
  g_autofree char *logs = NULL;
  gboolean was_enabled = g_log_get_debug_enabled ();

  script_respond (f, 503, "text/xml", EC2_ERROR ("RequestLimitExceeded", "Slow down", "log-1"));
  script_respond (f, 200, "text/xml", OK_BODY);

  g_log_set_debug_enabled (TRUE);
  g_string_truncate (captured_logs, 0);
  run_call (f);
  logs = g_strdup (captured_logs->str);
  g_log_set_debug_enabled (was_enabled);
  g_assert_no_error (f->error);

  /* the log says what happened … */
  g_assert_nonnull (strstr (logs, "DescribeImages"));
  g_assert_nonnull (strstr (logs, "us-east-1"));
  g_assert_nonnull (strstr (logs, "HTTP 503"));
  g_assert_nonnull (strstr (logs, "HTTP 200"));
  g_assert_nonnull (strstr (logs, "log-1"));
  g_assert_nonnull (strstr (logs, "attempt 2"));
  g_assert_nonnull (strstr (logs, "Authorization: [redacted]"));
  g_assert_nonnull (strstr (logs, "X-Amz-Security-Token: [redacted]"));
  /* … and never a secret */
  signature = authorization_param (soup_message_headers_get_one (request (f, 1)->headers,
                                                                 "Authorization"), "Signature");
  g_assert_null (strstr (logs, SECRET_KEY));
  g_assert_null (strstr (logs, SESSION_TOKEN));
  g_assert_null (strstr (logs, signature));
  g_assert_null (strstr (logs, "Owner.1=self"));   /* bodies are not logged */
}

int
main (int   argc,
      char *argv[])
{
  captured_logs = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("success/streamed-in-chunks", test_success_streamed);
  ADD ("success/chunked-encoding", test_success_chunked);
  ADD ("success/keep-alive", test_keep_alive);
  ADD ("keep-alive/lost-answer-is-attempt-2", test_keep_alive_lost_answer);
  g_test_add ("/client/redirect/301-refused", Fixture, GUINT_TO_POINTER (301),
              fixture_setup, test_redirect_refused, fixture_teardown);
  g_test_add ("/client/redirect/307-refused", Fixture, GUINT_TO_POINTER (307),
              fixture_setup, test_redirect_refused, fixture_teardown);
  ADD ("success/no-sink", test_no_sink);
  ADD ("retry/throttled-then-success", test_throttled_then_success);
  ADD ("retry/throttled-until-max-attempts", test_throttled_exhausted);
  ADD ("retry/max-attempts-setting", test_max_attempts_setting);
  ADD ("retry/html-500", test_html_500);
  ADD ("retry/empty-5xx-then-success", test_empty_503_then_success);
  ADD ("retry/internal-error-until-max", test_internal_error_exhausted);
  ADD ("retry/large-error-body", test_large_error_body);
  ADD ("retry/retry-after-header", test_retry_after_header);
  ADD ("retry/connection-reset", test_connection_reset);
  ADD ("retry/closed-mid-body", test_closed_mid_body);
  ADD ("retry/truncated-every-time", test_truncated_every_time);
  ADD ("retry/short-body-connection-close", test_short_body_connection_close);
  ADD ("retry/short-body-every-time", test_short_body_every_time);
  ADD ("retry/short-error-body", test_short_error_body);
  ADD ("error/reset-after-sent-says-lost", test_reset_after_sent_message);
  ADD ("retry/connection-refused", test_connection_refused);
  ADD ("error/not-found-not-retried", test_not_found);
  ADD ("error/auth-failure", test_auth_failure);
  ADD ("error/sts-error-document", test_sts_error_document);
  ADD ("error/html-with-200", test_html_on_success);
  ADD ("error/sink-error-stops", test_sink_error_stops);
  ADD ("clock-skew/corrected-once-then-kept", test_clock_skew_corrected);
  ADD ("clock-skew/retry-not-counted", test_clock_skew_not_counted);
  ADD ("clock-skew/only-once-per-call", test_clock_skew_only_once);
  ADD ("clock-skew/ignored-for-other-errors", test_skew_ignored_for_other_errors);
  g_test_add ("/client/clock-skew/beyond-a-day-ahead", Fixture, GINT_TO_POINTER (48 * 3600 + 60),
              fixture_setup, test_clock_skew_beyond_a_day, fixture_teardown);
  g_test_add ("/client/clock-skew/beyond-a-day-behind", Fixture, GINT_TO_POINTER (-(48 * 3600 + 60)),
              fixture_setup, test_clock_skew_beyond_a_day, fixture_teardown);
  g_test_add ("/client/clock-skew/log-server-ahead", Fixture, GINT_TO_POINTER (3600),
              fixture_setup, test_clock_skew_log, fixture_teardown);
  g_test_add ("/client/clock-skew/log-server-behind", Fixture, GINT_TO_POINTER (-3600),
              fixture_setup, test_clock_skew_log, fixture_teardown);
  ADD ("cancel/during-backoff", test_cancel_during_backoff);
  ADD ("cancel/during-body", test_cancel_during_body);
  ADD ("cancel/before-start", test_cancel_before_start);
  ADD ("request/headers-and-signature", test_request_headers);
  ADD ("request/without-session-token", test_request_without_token);
  ADD ("request/endpoint-with-path", test_endpoint_with_path);
  ADD ("request/json-protocol", test_json_call);
  ADD ("credentials/provider-func", test_credentials_func);
  ADD ("credentials/expired-or-missing", test_expired_credentials);
  ADD ("config/bad-endpoint", test_bad_endpoint);
  ADD ("config/ca-bundle", test_ca_bundle);
  ADD ("log/debug-redaction", test_debug_log_redaction);

  g_test_add_func ("/client/config/default-endpoint", test_default_endpoint);
  g_test_add_func ("/client/config/build-message-default-endpoint", test_build_message_default_endpoint);
  g_test_add_func ("/client/token/uuid-v4", test_token);
  g_test_add_func ("/client/config/plain-http-loopback-only", test_plain_http_loopback_only);
  g_test_add_func ("/client/backoff/standard-mode-delays", test_backoff_delays);
  g_test_add_func ("/client/errors/retry-code-lists", test_code_lists);
  g_test_add_func ("/client/errors/documents", test_error_documents);
  g_test_add_func ("/client/errors/json-header-only", test_error_header_request_id);
  g_test_add_func ("/client/errors/protocol-parsers", test_error_protocol_parsers);
  g_test_add_func ("/client/log/redact-header-value", test_redact_header_value);

  return g_test_run ();
}
