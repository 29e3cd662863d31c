/* test-fault.c — the real AmigoClient against a proxy that breaks answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh and tests/fault-harness.sh: moto (with
 * authentication enforced) behind tests/fault-proxy.py, whose control API
 * schedules a fault for the next requests and counts what it saw. Each case
 * builds its own client with tiny backoffs, resets the proxy, schedules a
 * fault, makes real calls and checks both what the caller got and what
 * reached moto.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-ec2.h"
#include "amigo-ec2-parsers.h"
#include "amigo-ec2-query.h"
#include "amigo-error.h"

#define EC2_VERSION "2016-11-15"
#define REGION      "us-east-1"

static const char *proxy_url;
static const char *access_key_id;
static const char *secret_access_key;
static SoupSession *control_session;

/* ---- the proxy's control API ------------------------------------------ */

static JsonNode *
proxy_request (const char *method,
               const char *path,
               const char *json)
{
  g_autofree char *url = g_strconcat (proxy_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (json != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  body = soup_session_send_and_read (control_session, msg, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("the fault proxy refused %s %s: HTTP %u %.*s", method, path,
             soup_message_get_status (msg), (int) g_bytes_get_size (body),
             (const char *) g_bytes_get_data (body, NULL));

  node = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
proxy_reset (void)
{
  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
}

static void
proxy_fault (const char *json)
{
  json_node_unref (proxy_request ("POST", "/__fault__", json));
}

/* A counter of the proxy's log: seen, forwarded, faults (by mode), or a
 * top-level number (table == NULL): skew_rejected, abandoned. */
static gint64
proxy_count (const char *table,
             const char *key)
{
  g_autoptr(JsonNode) log = proxy_request ("GET", "/__fault__/log", NULL);
  JsonObject *root = json_node_get_object (log);

  if (table != NULL)
    root = json_object_get_object_member (root, table);
  g_assert_nonnull (root);
  return json_object_has_member (root, key) ? json_object_get_int_member (root, key) : 0;
}

/* ---- the client and a sink that parses ------------------------------- */

static void
count_backoff_cb (gpointer user_data,
                  guint    attempt,
                  guint    delay_ms)
{
  guint *n_backoffs = user_data;

  (*n_backoffs)++;
}

/* A client of the test account, with waits of a few milliseconds. */
static AmigoClient *
fault_client_new (guint *n_backoffs)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (access_key_id, secret_access_key, NULL, 0);
  AmigoClient *client = amigo_client_new (credentials);

  _amigo_client_set_backoff (client, 2, 1, 5);
  if (n_backoffs != NULL)
    _amigo_client_set_backoff_hook (client, count_backoff_cb, n_backoffs);
  return client;
}

typedef AmigoEc2Parser *(*ParserFactory) (void);

/* What a typed operation does with a body: parse it as it streams in, and
 * start over on each attempt. */
typedef struct {
  ParserFactory new_parser;
  AmigoEc2Parser *parser;
  guint n_attempts;   /* begin_attempt calls */
  guint n_finished;   /* bodies parsed to their end without an error */
} ParserSink;

static gboolean
sink_begin_attempt (gpointer   data,
                    guint      attempt,
                    GError   **error)
{
  ParserSink *sink = data;

  sink->n_attempts++;
  g_assert_cmpuint (attempt, ==, sink->n_attempts);
  g_clear_pointer (&sink->parser, amigo_ec2_parser_free);
  sink->parser = sink->new_parser ();
  return TRUE;
}

static gboolean
sink_chunk (gpointer     data,
            const char  *buf,
            gsize        len,
            GError     **error)
{
  ParserSink *sink = data;

  return amigo_ec2_parser_feed (sink->parser, buf, len, error);
}

static gboolean
sink_finish (gpointer   data,
             GError   **error)
{
  ParserSink *sink = data;

  if (!amigo_ec2_parser_finish (sink->parser, error))
    return FALSE;
  sink->n_finished++;
  return TRUE;
}

static const AmigoResponseSink parser_sink_funcs = {
  sink_begin_attempt,
  sink_chunk,
  sink_finish,
};

static void
parser_sink_clear (ParserSink *sink)
{
  g_clear_pointer (&sink->parser, amigo_ec2_parser_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParserSink, parser_sink_clear)

typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
} CallResult;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CallResult *res = user_data;

  res->ok = amigo_client_call_finish (AMIGO_CLIENT (source), result, &res->error);
  res->done = TRUE;
}

static void
call_start (AmigoClient         *client,
            const AmigoEc2Query *query,
            ParserSink          *sink,
            GCancellable        *cancellable,
            CallResult          *res)
{
  g_autoptr(AmigoRequest) request = NULL;
  g_autofree char *body = amigo_ec2_query_encode (query);

  request = amigo_request_new_form ("ec2", REGION, body);
  amigo_client_send_async (client, request, proxy_url, &parser_sink_funcs, sink, cancellable,
                           call_done_cb, res);
}

static void
call_wait (CallResult *res)
{
  while (!res->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Calls @query through the proxy and waits; FALSE with @error on failure. */
static gboolean
call_sync (AmigoClient         *client,
           const AmigoEc2Query *query,
           ParserSink          *sink,
           GError             **error)
{
  CallResult res = { 0 };

  call_start (client, query, sink, NULL, &res);
  call_wait (&res);
  if (!res.ok)
    {
      g_assert_nonnull (res.error);
      g_propagate_error (error, res.error);
      return FALSE;
    }
  g_assert_null (res.error);
  return TRUE;
}

static AmigoEc2Query *
describe_regions_query (void)
{
  return amigo_ec2_query_new ("DescribeRegions", EC2_VERSION);
}

/* A message for people: says something, and never the secret. */
static void
assert_error_is_readable (const GError *error)
{
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, secret_access_key));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static gboolean
have_proxy (void)
{
  if (proxy_url == NULL || access_key_id == NULL || secret_access_key == NULL)
    {
      g_test_skip ("no fault proxy: run under tests/moto-harness.sh tests/fault-harness.sh");
      return FALSE;
    }
  return TRUE;
}

/* The number of regions moto lists, without any fault. */
static guint
baseline_regions (void)
{
  g_autoptr(AmigoClient) client = fault_client_new (NULL);
  g_autoptr(AmigoEc2Query) query = describe_regions_query ();
  g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
  g_autoptr(GError) error = NULL;

  call_sync (client, query, &sink, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_ec2_parser_get_n_items (sink.parser), >, 0);
  return amigo_ec2_parser_get_n_items (sink.parser);
}

/* ---- one fault, one DescribeRegions ---------------------------------- */

typedef struct {
  const char *name;
  const char *fault;          /* JSON for POST /__fault__ */
  gboolean succeeds;
  AmigoAwsErrorCode code;     /* when it fails */
  const char *aws_code;       /* AWS's code carried by the error, or NULL */
  const char *aws_message;    /* and AWS's words */
  const char *message_has[3]; /* words the error message must contain */
  guint seen;                 /* requests the proxy saw (attempts) */
  guint forwarded;            /* of them, how many reached moto */
} FaultCase;

#define ANY(mode, count) \
  "{\"mode\": \"" mode "\", \"count\": " #count ", \"action\": \"DescribeRegions\"}"

static const FaultCase fault_cases[] = {
  /* Throttled twice, then answered: the third attempt (the default maximum) wins. */
  { "throttled-twice", ANY ("throttle", 2), TRUE, 0, NULL, NULL, { NULL }, 3, 1 },
  { "throttled-beyond-max-attempts", ANY ("throttle", 5), FALSE, AMIGO_AWS_ERROR_THROTTLED,
    "RequestLimitExceeded", "Request limit exceeded.",
    { "Request limit exceeded", "wait a moment and try again", NULL }, 3, 0 },
  /* A gateway's web page on HTTP 500: retried as a 5xx, then said in words. */
  { "html-500-once", ANY ("html500", 1), TRUE, 0, NULL, NULL, { NULL }, 2, 1 },
  { "html-500-always", ANY ("html500", 5), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { "web page", "500", NULL }, 3, 0 },
  { "reset-once", ANY ("reset", 1), TRUE, 0, NULL, NULL, { NULL }, 2, 1 },
  /* The proxy took each request, then reset: the server was reached. */
  { "reset-always", ANY ("reset", 5), FALSE, AMIGO_AWS_ERROR_NETWORK,
    NULL, NULL, { "127.0.0.1", "lost before it answered", NULL }, 3, 0 },
  /* A body cut short: the parser's partial work is thrown away, the retry parsed. */
  { "truncated-once", ANY ("truncate", 1), TRUE, 0, NULL, NULL, { NULL }, 2, 2 },
  { "truncated-always", ANY ("truncate", 5), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { "cut off", NULL }, 3, 3 },
  { "response-lost-once", ANY ("drop-response", 1), TRUE, 0, NULL, NULL, { NULL }, 2, 2 },
  /* Far below the client's I/O timeout. */
  { "delayed", "{\"mode\": \"delay\", \"seconds\": 1, \"action\": \"DescribeRegions\"}",
    TRUE, 0, NULL, NULL, { NULL }, 1, 1 },
  /* 200 with a body that is not a DescribeRegions answer: the sink's error
   * ends the call (a retry would get the same), nothing is delivered. */
  { "malformed-xml", ANY ("bad-xml", 1), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { NULL }, 1, 0 },
  { "empty-body", ANY ("empty", 1), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { NULL }, 1, 0 },
  { "huge-text-node", ANY ("huge", 1), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { NULL }, 1, 0 },
  { "not-utf8", ANY ("non-utf8", 1), FALSE, AMIGO_AWS_ERROR_BAD_RESPONSE,
    NULL, NULL, { NULL }, 1, 0 },
};

static void
test_describe_regions_fault (gconstpointer data)
{
  const FaultCase *fc = data;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2Query) query = describe_regions_query ();
  g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
  g_autoptr(GError) error = NULL;
  guint n_backoffs = 0;
  guint n_regions;
  gboolean ok;

  if (!have_proxy ())
    return;

  proxy_reset ();
  n_regions = baseline_regions ();
  proxy_reset ();
  proxy_fault (fc->fault);

  client = fault_client_new (&n_backoffs);
  ok = call_sync (client, query, &sink, &error);

  g_assert_cmpint (proxy_count ("seen", "DescribeRegions"), ==, fc->seen);
  g_assert_cmpint (proxy_count ("forwarded", "DescribeRegions"), ==, fc->forwarded);
  g_assert_cmpuint (sink.n_attempts, ==, fc->seen);
  g_assert_cmpuint (n_backoffs, ==, fc->seen - 1);

  if (fc->succeeds)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (sink.n_finished, ==, 1);
      /* The whole answer of the good attempt, nothing of the bad ones. */
      g_assert_cmpuint (amigo_ec2_parser_get_n_items (sink.parser), ==, n_regions);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, AMIGO_AWS_ERROR, (gint) fc->code);
  g_assert_cmpuint (sink.n_finished, ==, 0);
  assert_error_is_readable (error);
  for (guint i = 0; i < G_N_ELEMENTS (fc->message_has) && fc->message_has[i] != NULL; i++)
    if (strstr (error->message, fc->message_has[i]) == NULL)
      g_error ("“%s” does not say “%s”", error->message, fc->message_has[i]);
  if (fc->aws_code != NULL)
    {
      const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);

      g_assert_nonnull (details);
      g_assert_cmpstr (details->aws_code, ==, fc->aws_code);
      g_assert_cmpstr (details->aws_message, ==, fc->aws_message);
      g_assert_nonnull (details->request_id);
      g_assert_cmpuint (details->http_status, ==, 503);
    }
}

/* ---- clock skew -------------------------------------------------------- */

static void
test_clock_skew (gconstpointer data)
{
  gint64 skew = GPOINTER_TO_INT (data);
  g_autoptr(AmigoClient) client = NULL;
  g_autofree char *fault = NULL;
  gint64 offset;

  if (!have_proxy ())
    return;

  proxy_reset ();
  fault = g_strdup_printf ("{\"mode\": \"skew\", \"seconds\": %" G_GINT64_FORMAT "}", skew);
  proxy_fault (fault);
  client = fault_client_new (NULL);
  g_assert_cmpint (amigo_client_get_clock_offset (client), ==, 0);

  /* Refused once as expired, corrected from the answer's Date, sent again. */
  {
    g_autoptr(AmigoEc2Query) query = describe_regions_query ();
    g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
    g_autoptr(GError) error = NULL;

    call_sync (client, query, &sink, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (amigo_ec2_parser_get_n_items (sink.parser), >, 0);
    g_assert_cmpuint (sink.n_attempts, ==, 2);
  }
  g_assert_cmpint (proxy_count (NULL, "skew_rejected"), ==, 1);
  g_assert_cmpint (proxy_count ("seen", "DescribeRegions"), ==, 2);
  g_assert_cmpint (proxy_count ("forwarded", "DescribeRegions"), ==, 1);

  /* Within the second of the Date header, and the seconds the call took. */
  offset = amigo_client_get_clock_offset (client);
  g_assert_cmpint (offset, >=, skew - 30);
  g_assert_cmpint (offset, <=, skew + 30);

  /* Later calls are signed with the corrected clock from the start. */
  {
    g_autoptr(AmigoEc2Query) query = describe_regions_query ();
    g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
    g_autoptr(GError) error = NULL;

    call_sync (client, query, &sink, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sink.n_attempts, ==, 1);
  }
  g_assert_cmpint (proxy_count (NULL, "skew_rejected"), ==, 1);
  g_assert_cmpint (proxy_count ("seen", "DescribeRegions"), ==, 3);
  g_assert_cmpint (amigo_client_get_clock_offset (client), ==, offset);

  proxy_reset ();
}

/* ---- keep-alive ---------------------------------------------------------- */

static void
test_keep_alive (void)
{
  g_autoptr(AmigoClient) client = NULL;
  gint64 connections;

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AmigoEc2Query) query = describe_regions_query ();
      g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
      g_autoptr(GError) error = NULL;

      call_sync (client, query, &sink, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (proxy_count ("seen", "DescribeRegions"), ==, 3);

  /* libsoup opens a new connection for every POST unless the message is
   * flagged SOUP_MESSAGE_IDEMPOTENT; the client flags its calls, so three
   * calls cost one TCP (and, on AWS, one TLS) handshake. */
  connections = proxy_count (NULL, "connections");
  g_assert_cmpint (connections, ==, 1);
}

/* ---- cancellation ------------------------------------------------------ */

typedef struct {
  GCancellable *cancellable;
  gboolean cancelled;
} CancelWatch;

static gboolean
cancel_once_seen_cb (gpointer user_data)
{
  CancelWatch *watch = user_data;

  if (proxy_count ("seen", "DescribeRegions") == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (watch->cancellable);
  watch->cancelled = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Only wakes the main loop up, so that a waiter looks again. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_cancel_during_delay (void)
{
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2Query) query = describe_regions_query ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(ParserSink) sink = { amigo_ec2_parser_new_describe_regions, };
  CancelWatch watch = { cancellable, FALSE };
  CallResult res = { 0 };
  guint watch_id;

  if (!have_proxy ())
    return;

  proxy_reset ();
  /* Long enough that an uncancelled call would get its answer and fail the test. */
  proxy_fault ("{\"mode\": \"delay\", \"seconds\": 25, \"action\": \"DescribeRegions\"}");
  client = fault_client_new (NULL);

  call_start (client, query, &sink, cancellable, &res);
  /* Cancel once the proxy holds the request, not before it was sent. */
  watch_id = g_timeout_add (10, cancel_once_seen_cb, &watch);
  call_wait (&res);
  if (!watch.cancelled)
    g_source_remove (watch_id);

  g_assert_true (watch.cancelled);
  g_assert_false (res.ok);
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&res.error);
  g_assert_cmpuint (sink.n_attempts, ==, 1);
  g_assert_cmpuint (sink.n_finished, ==, 0);

  /* The connection was closed, so the request never reaches moto: wait
   * for the proxy to notice (its delay ends early when the client hangs
   * up), looking again each time the timer wakes the loop. */
  {
    gboolean timed_out = FALSE;
    guint timeout = g_timeout_add_seconds (10, set_flag_cb, &timed_out);
    guint tick = g_timeout_add (25, wake_cb, NULL);

    while (proxy_count (NULL, "abandoned") == 0 && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    if (!timed_out)
      g_source_remove (timeout);
  }
  g_assert_cmpint (proxy_count (NULL, "abandoned"), ==, 1);
  g_assert_cmpint (proxy_count ("forwarded", "DescribeRegions"), ==, 0);
  g_assert_cmpint (proxy_count ("seen", "DescribeRegions"), ==, 1);
}

/* ---- typed operations (amigo-ec2) ---------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Runs the main context until the operation stored its result. */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static AmigoEc2 *
fault_ec2_new (AmigoClient *client)
{
  return amigo_ec2_new (client, REGION, proxy_url);
}

static void
collect_images_cb (GPtrArray *images,
                   gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < images->len; i++)
    g_ptr_array_add (all, g_object_ref (images->pdata[i]));
}

/* Every image of the region, page by page (1000 a page), streamed. */
static GPtrArray *
describe_all_images (AmigoEc2  *ec2,
                     guint     *n_images,
                     GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rest = NULL;
  AmigoDescribeImagesRequest request = { 0 };

  amigo_ec2_describe_images_batched_async (ec2, &request, collect_images_cb, all, NULL, NULL,
                                           store_result_cb, &result);
  rest = amigo_ec2_describe_images_finish (ec2, wait_for_result (&result), n_images, error);
  if (rest == NULL)
    return NULL;
  g_assert_cmpuint (rest->len, ==, 0);
  return g_steal_pointer (&all);
}

/* A body cut short after whole batches of images were handed out: the retry
 * must not hand them out again, nor lose any. */
static void
test_ec2_describe_images_truncated (void)
{
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint n_baseline = 0;
  guint n_images = 0;

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  ec2 = fault_ec2_new (client);
  baseline = describe_all_images (ec2, &n_baseline, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baseline->len, ==, n_baseline);
  /* Enough that half a page holds a full batch of the parser. */
  if (n_baseline < 4 * AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE)
    {
      g_test_skip ("moto has too few images for a batch to go out before the cut");
      return;
    }

  proxy_reset ();
  proxy_fault ("{\"mode\": \"truncate\", \"count\": 1, \"action\": \"DescribeImages\"}");
  images = describe_all_images (ec2, &n_images, &error);
  g_assert_no_error (error);
  g_assert_cmpint (proxy_count ("faults", "truncate"), ==, 1);

  g_assert_cmpuint (n_images, ==, n_baseline);
  g_assert_cmpuint (images->len, ==, n_baseline);
  for (guint i = 0; i < images->len; i++)
    {
      const char *id = amigo_image_get_image_id (images->pdata[i]);

      g_assert_nonnull (id);
      if (!g_hash_table_add (ids, (gpointer) id))
        g_error ("%s was handed out twice", id);
    }
}

/* An image moto has in the test region. */
static char *
find_image_id (AmigoEc2 *ec2)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  const char *owners[] = { "amazon", NULL };
  const char *architectures[] = { "x86_64", NULL };
  AmigoEc2Filter filter = { "architecture", architectures };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = &filter, .n_filters = 1 };

  amigo_ec2_describe_images_async (ec2, &request, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_for_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (images);
  g_assert_cmpuint (images->len, >, 0);
  return g_strdup (amigo_image_get_image_id (images->pdata[0]));
}

static GPtrArray *
run_instances (AmigoEc2    *ec2,
               const char  *image_id,
               const char  *token,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  AmigoRunInstancesRequest request = {
    .image_id = image_id,
    .instance_type = "t3.micro",
    .min_count = 1,
    .max_count = 1,
    .client_token = token,
  };

  amigo_ec2_run_instances_async (ec2, &request, NULL, store_result_cb, &result);
  return amigo_ec2_run_instances_finish (ec2, wait_for_result (&result), error);
}

static GPtrArray *
describe_instances_by_token (AmigoEc2   *ec2,
                             const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *tokens[] = { token, NULL };
  AmigoEc2Filter filter = { "client-token", tokens };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1 };
  GPtrArray *found;

  amigo_ec2_describe_instances_async (ec2, &request, NULL, store_result_cb, &result);
  found = amigo_ec2_describe_instances_finish (ec2, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* My images called @name. */
static GPtrArray *
describe_own_images_named (AmigoEc2   *ec2,
                           const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *owners[] = { "self", NULL };
  const char *names[] = { name, NULL };
  AmigoEc2Filter filter = { "name", names };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = &filter, .n_filters = 1 };
  GPtrArray *images;

  amigo_ec2_describe_images_async (ec2, &request, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_for_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (images);
  return images;
}

static char *
fault_json (const char *mode,
            const char *action)
{
  return g_strdup_printf ("{\"mode\": \"%s\", \"count\": 1, \"action\": \"%s\"}", mode, action);
}

/* The answer to RunInstances is lost (or cut) after moto launched: the
 * retry carries the same ClientToken, so moto answers with the same
 * instance instead of launching another. */
static void
test_ec2_run_instances_once (gconstpointer data)
{
  const char *mode = data;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) launched = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *token = NULL;
  g_autofree char *fault = NULL;
  const char *instance_id;

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  ec2 = fault_ec2_new (client);
  image_id = find_image_id (ec2);

  /* One user action, one token. */
  token = amigo_client_token_new ();
  fault = fault_json (mode, "RunInstances");
  proxy_fault (fault);

  launched = run_instances (ec2, image_id, token, &error);
  g_assert_no_error (error);
  /* Both requests reached moto: the first one's answer was lost on the way
   * back. (The resend is the client's second attempt: libsoup 3.2 does not
   * resend a POST whose connection died; a resend libsoup makes by itself
   * would count as an attempt too.) */
  g_assert_cmpint (proxy_count ("faults", mode), ==, 1);
  g_assert_cmpint (proxy_count ("seen", "RunInstances"), ==, 2);
  g_assert_cmpint (proxy_count ("forwarded", "RunInstances"), ==, 2);

  g_assert_cmpuint (launched->len, ==, 1);
  instance_id = amigo_instance_get_instance_id (launched->pdata[0]);
  g_assert_nonnull (instance_id);
  g_assert_cmpstr (amigo_instance_get_client_token (launched->pdata[0]), ==, token);

  found = describe_instances_by_token (ec2, token);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (amigo_instance_get_instance_id (found->pdata[0]), ==, instance_id);
  g_assert_cmpstr (amigo_instance_get_image_id (found->pdata[0]), ==, image_id);
}

/* CreateImage has no ClientToken: its retry meets InvalidAMIName.Duplicate
 * and the operation finds the image the lost attempt made, by name. */
static void
test_ec2_create_image_once (void)
{
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) launched = NULL;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *token = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *created_id = NULL;
  gboolean already_created = FALSE;
  AmigoCreateImageRequest request = { 0 };

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  ec2 = fault_ec2_new (client);
  image_id = find_image_id (ec2);
  token = amigo_client_token_new ();
  launched = run_instances (ec2, image_id, token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (launched->len, ==, 1);

  name = g_strdup_printf ("fault-create-%s", token);
  request.instance_id = amigo_instance_get_instance_id (launched->pdata[0]);
  request.name = name;
  request.no_reboot = TRUE;
  fault = fault_json ("drop-response", "CreateImage");
  proxy_fault (fault);

  amigo_ec2_create_image_async (ec2, &request, NULL, store_result_cb, &result);
  created_id = amigo_ec2_create_image_finish (ec2, wait_for_result (&result), &already_created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created_id);
  g_assert_true (already_created);
  g_assert_cmpint (proxy_count ("forwarded", "CreateImage"), ==, 2);

  named = describe_own_images_named (ec2, name);
  g_assert_cmpuint (named->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (named->pdata[0]), ==, created_id);
}

/* CopyImage carries a ClientToken: a lost answer makes one copy. */
static void
test_ec2_copy_image_once (void)
{
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *token = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *copy_id = NULL;
  AmigoCopyImageRequest request = { 0 };

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  ec2 = fault_ec2_new (client);
  image_id = find_image_id (ec2);
  token = amigo_client_token_new ();
  name = g_strdup_printf ("fault-copy-%s", token);

  request.source_region = REGION;
  request.source_image_id = image_id;
  request.name = name;
  request.client_token = token;
  fault = fault_json ("drop-response", "CopyImage");
  proxy_fault (fault);

  amigo_ec2_copy_image_async (ec2, &request, NULL, store_result_cb, &result);
  copy_id = amigo_ec2_copy_image_finish (ec2, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy_id);
  g_assert_cmpstr (copy_id, !=, image_id);
  g_assert_cmpint (proxy_count ("forwarded", "CopyImage"), ==, 2);

  named = describe_own_images_named (ec2, name);
  g_assert_cmpuint (named->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (named->pdata[0]), ==, copy_id);
}

/* The typed operation turns a body that is no answer into a clean error. */
static void
test_ec2_describe_regions_bad_body (gconstpointer data)
{
  const char *mode = data;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fault = NULL;

  if (!have_proxy ())
    return;

  proxy_reset ();
  client = fault_client_new (NULL);
  ec2 = fault_ec2_new (client);
  fault = fault_json (mode, "DescribeRegions");
  proxy_fault (fault);

  amigo_ec2_describe_regions_async (ec2, NULL, store_result_cb, &result);
  regions = amigo_ec2_describe_regions_finish (ec2, wait_for_result (&result), &error);
  g_assert_null (regions);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  assert_error_is_readable (error);
  g_assert_cmpint (proxy_count ("faults", mode), ==, 1);
}

static const char * const bad_body_modes[] = { "bad-xml", "empty", "huge", "non-utf8" };

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  proxy_url = g_getenv ("AMIGO_FAULT_PROXY");
  access_key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  secret_access_key = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  control_session = soup_session_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/fault/describe-regions/", fault_cases[i].name, NULL);
      g_test_add_data_func (path, &fault_cases[i], test_describe_regions_fault);
    }
  g_test_add_data_func ("/fault/clock-skew/ahead-one-hour", GINT_TO_POINTER (3600), test_clock_skew);
  g_test_add_data_func ("/fault/clock-skew/behind-one-hour", GINT_TO_POINTER (-3600), test_clock_skew);
  g_test_add_func ("/fault/keep-alive/one-connection", test_keep_alive);
  g_test_add_func ("/fault/cancel/during-delay", test_cancel_during_delay);
  g_test_add_func ("/fault/ec2/describe-images/truncated-page-no-duplicates",
                   test_ec2_describe_images_truncated);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_body_modes); i++)
    {
      g_autofree char *path = g_strconcat ("/fault/ec2/describe-regions/", bad_body_modes[i], NULL);
      g_test_add_data_func (path, bad_body_modes[i], test_ec2_describe_regions_bad_body);
    }
  g_test_add_data_func ("/fault/ec2/run-instances/response-lost-launches-once",
                        "drop-response", test_ec2_run_instances_once);
  g_test_add_data_func ("/fault/ec2/run-instances/response-cut-launches-once",
                        "truncate", test_ec2_run_instances_once);
  g_test_add_func ("/fault/ec2/create-image/response-lost-makes-one", test_ec2_create_image_once);
  g_test_add_func ("/fault/ec2/copy-image/response-lost-copies-once", test_ec2_copy_image_once);

  status = g_test_run ();
  g_clear_object (&control_session);
  return status;
}
