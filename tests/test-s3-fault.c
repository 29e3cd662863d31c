/* test-s3-fault.c — the multipart upload engine against a failing S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under tests/moto-harness.sh tests/fault-harness.sh: the real client
 * and upload engine, through tests/fault-proxy.py, to moto's S3 with
 * signatures enforced.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-client-private.h"
#include "amigo-s3-upload.h"

#define MiB (1024 * 1024)

static const char *proxy_url;
static const char *moto_url;
static const char *access_key_id;
static const char *secret_access_key;
static SoupSession *control_session;
static char *run_id;
static char *dir;

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_clear_object (&last_result);
  last_result = g_object_ref (result);
}

static GAsyncResult *
await_result (void)
{
  g_clear_object (&last_result);
  while (last_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last_result;
}

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
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  node = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  return node;
}

static void
proxy_fault (const char *json)
{
  json_node_unref (proxy_request ("POST", "/__fault__", json));
}

static gint64
proxy_count (const char *table,
             const char *key)
{
  g_autoptr(JsonNode) log = proxy_request ("GET", "/__fault__/log", NULL);
  JsonObject *root = json_object_get_object_member (json_node_get_object (log), table);

  return json_object_has_member (root, key) ? json_object_get_int_member (root, key) : 0;
}

/* ---- S3 ------------------------------------------------------------------ */

static void
count_backoff_cb (gpointer user_data,
                  guint    attempt,
                  guint    delay_ms)
{
  (*(guint *) user_data)++;
}

/* Through the proxy (@through_proxy) or straight to moto, to look. */
static AmigoS3 *
s3_new (gboolean  through_proxy,
        guint    *n_backoffs)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (access_key_id, secret_access_key, NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);

  _amigo_client_set_backoff (client, 2, 1, 5);
  if (n_backoffs != NULL)
    _amigo_client_set_backoff_hook (client, count_backoff_cb, n_backoffs);
  return amigo_s3_new (client, "us-east-1", through_proxy ? proxy_url : moto_url);
}

static char *
make_file (const char *name,
           gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree guint32 *data = g_malloc (size + 4);

  for (gsize i = 0; i < size / 4 + 1; i++)
    data[i] = (guint32) (i * 2246822519u + 7);
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  return g_steal_pointer (&path);
}

static JsonNode *
params_new (const char *bucket,
            const char *key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Bucket");
  json_builder_add_string_value (builder, bucket);
  if (key != NULL)
    {
      json_builder_set_member_name (builder, "Key");
      json_builder_add_string_value (builder, key);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
setup_bucket (AmigoS3    *s3,
              const char *what)
{
  char *bucket = g_strdup_printf ("amigo-fault-%s-%s", what, run_id);
  g_autoptr(GError) error = NULL;

  amigo_s3_create_bucket_async (s3, bucket, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_create_bucket_finish (s3, await_result (), &error));
  g_assert_no_error (error);
  return bucket;
}

/* Uploads of @key in the bucket, and the object's ETag (NULL: none). */
static guint
look (const char  *bucket,
      const char  *key,
      char       **etag)
{
  g_autoptr(AmigoS3) s3 = s3_new (FALSE, NULL);
  g_autoptr(JsonNode) params = params_new (bucket, NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) head = NULL;
  g_autoptr(JsonNode) head_params = params_new (bucket, key);
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  json_object_set_string_member (json_node_get_object (params), "Prefix", key);
  amigo_s3_call_async (s3, &amigo_s3_op_list_multipart_uploads, params, NULL, NULL,
                       result_cb, NULL);
  out = amigo_s3_call_finish (s3, await_result (), &error);
  g_assert_no_error (error);

  amigo_s3_call_async (s3, &amigo_s3_op_head_object, head_params, NULL, NULL,
                       result_cb, NULL);
  head = amigo_s3_call_finish (s3, await_result (), NULL);
  *etag = head ? g_strdup (json_object_get_string_member (json_node_get_object (head), "ETag")) : NULL;

  o = json_node_get_object (out);
  return json_object_has_member (o, "Uploads") ? json_array_get_length (json_object_get_array_member (o, "Uploads")) : 0;
}

static AmigoS3Upload *
upload_new (AmigoS3    *s3,
            const char *bucket,
            const char *key,
            gsize       size)
{
  g_autofree char *path = make_file (key, size);
  g_autoptr(GError) error = NULL;
  AmigoS3Upload *upload = amigo_s3_upload_new (s3, path, bucket, key, &error);

  g_assert_no_error (error);
  amigo_s3_upload_set_part_size (upload, 5 * MiB);
  amigo_s3_upload_set_max_parallel (upload, 2);
  return upload;
}

static void
run (AmigoS3Upload *upload)
{
  g_autoptr(GError) error = NULL;

  amigo_s3_upload_run_async (upload, NULL, result_cb, NULL);
  amigo_s3_upload_run_finish (upload, await_result (), &error);
  g_assert_no_error (error);
}

/* A part whose connection is reset is sent again; the object is whole. */
static void
test_part_reset (void)
{
  g_autoptr(AmigoS3) s3 = s3_new (TRUE, NULL);
  g_autofree char *bucket = setup_bucket (s3, "reset");
  g_autoptr(AmigoS3Upload) upload = upload_new (s3, bucket, "reset.raw", 12 * MiB);
  g_autofree char *etag = NULL;

  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
  proxy_fault ("{\"mode\": \"reset\", \"count\": 1, \"action\": \"UploadPart\"}");
  run (upload);

  g_assert_cmpint (proxy_count ("faults", "reset"), ==, 1);
  /* 3 parts, one of them again (libsoup may also resend the reset request
   * itself; that copy is not counted on: the engine sends a fresh one). */
  g_assert_cmpint (proxy_count ("seen", "UploadPart"), >=, 4);
  g_assert_cmpint (proxy_count ("forwarded", "UploadPart"), >=, 3);
  g_assert_cmpuint (look (bucket, "reset.raw", &etag), ==, 0);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
}

/* The part is cut in the middle of its body (the connection drops while it
 * is sent): sent again from its start. */
static void
test_part_dropped_answer (void)
{
  g_autoptr(AmigoS3) s3 = s3_new (TRUE, NULL);
  g_autofree char *bucket = setup_bucket (s3, "drop");
  g_autoptr(AmigoS3Upload) upload = upload_new (s3, bucket, "drop.raw", 11 * MiB);
  g_autofree char *etag = NULL;

  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
  proxy_fault ("{\"mode\": \"drop-response\", \"count\": 2, \"action\": \"UploadPart\"}");
  run (upload);

  g_assert_cmpint (proxy_count ("faults", "drop-response"), ==, 2);
  g_assert_cmpuint (look (bucket, "drop.raw", &etag), ==, 0);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
}

/* CompleteMultipartUpload takes effect, its answer is lost: the retry is
 * answered NoSuchUpload (the S3 API reference: "the multipart upload might
 * have been aborted or completed"; moto patched so), and the engine looks
 * with HeadObject for the ETag the parts make — one object, no upload
 * left, no second CreateMultipartUpload. */
static void
test_complete_answer_lost (void)
{
  g_autoptr(AmigoS3) s3 = s3_new (TRUE, NULL);
  g_autofree char *bucket = setup_bucket (s3, "complete");
  g_autoptr(AmigoS3Upload) upload = upload_new (s3, bucket, "complete.raw", 11 * MiB);
  g_autofree char *etag = NULL;

  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
  proxy_fault ("{\"mode\": \"drop-response\", \"count\": 1, \"action\": \"CompleteMultipartUpload\"}");
  run (upload);

  g_assert_cmpint (proxy_count ("faults", "drop-response"), ==, 1);
  g_assert_cmpint (proxy_count ("forwarded", "CompleteMultipartUpload"), ==, 2);
  g_assert_cmpint (proxy_count ("seen", "CreateMultipartUpload"), ==, 1);
  g_assert_cmpint (proxy_count ("forwarded", "HeadObject"), ==, 1);
  g_assert_true (g_str_has_suffix (amigo_s3_upload_get_etag (upload), "-3\""));
  g_assert_cmpuint (look (bucket, "complete.raw", &etag), ==, 0);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
}

/* SlowDown: the client backs off, then the parts go through. */
static void
test_slow_down (void)
{
  guint n_backoffs = 0;
  g_autoptr(AmigoS3) s3 = s3_new (TRUE, &n_backoffs);
  g_autofree char *bucket = setup_bucket (s3, "slowdown");
  g_autoptr(AmigoS3Upload) upload = upload_new (s3, bucket, "slowdown.raw", 6 * MiB);
  g_autofree char *etag = NULL;

  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
  proxy_fault ("{\"mode\": \"slowdown\", \"count\": 2, \"action\": \"UploadPart\"}");
  run (upload);

  g_assert_cmpint (proxy_count ("faults", "slowdown"), ==, 2);
  g_assert_cmpuint (n_backoffs, >=, 2);
  g_assert_cmpuint (look (bucket, "slowdown.raw", &etag), ==, 0);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
}

/* Throttled beyond the client's attempts: the engine sends the part again
 * itself, and the upload ends. */
static void
test_slow_down_beyond_attempts (void)
{
  g_autoptr(AmigoS3) s3 = s3_new (TRUE, NULL);
  g_autofree char *bucket = setup_bucket (s3, "slowdown-long");
  g_autoptr(AmigoS3Upload) upload = upload_new (s3, bucket, "slowdown-long.raw", 6 * MiB);
  g_autofree char *etag = NULL;

  amigo_s3_upload_set_max_parallel (upload, 1);
  json_node_unref (proxy_request ("POST", "/__fault__/reset", "{}"));
  proxy_fault ("{\"mode\": \"slowdown\", \"count\": 4, \"action\": \"UploadPart\"}");
  run (upload);

  g_assert_cmpint (proxy_count ("faults", "slowdown"), ==, 4);
  g_assert_cmpuint (amigo_s3_upload_get_parts_resent (upload), >=, 1);
  g_assert_cmpuint (look (bucket, "slowdown-long.raw", &etag), ==, 0);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  proxy_url = g_getenv ("AMIGO_FAULT_PROXY");
  moto_url = g_getenv ("AMIGO_TEST_ENDPOINT");
  access_key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  secret_access_key = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  if (proxy_url == NULL || moto_url == NULL)
    {
      g_test_skip ("run under tests/moto-harness.sh tests/fault-harness.sh");
      return g_test_run ();
    }
  control_session = soup_session_new ();
  run_id = g_strdup_printf ("%x", g_random_int ());
  dir = g_dir_make_tmp ("amigo-s3-fault-XXXXXX", NULL);

  g_test_add_func ("/s3-fault/upload-part/reset", test_part_reset);
  g_test_add_func ("/s3-fault/upload-part/answer-dropped", test_part_dropped_answer);
  g_test_add_func ("/s3-fault/complete/answer-lost", test_complete_answer_lost);
  g_test_add_func ("/s3-fault/slow-down/backs-off", test_slow_down);
  g_test_add_func ("/s3-fault/slow-down/beyond-client-attempts", test_slow_down_beyond_attempts);

  status = g_test_run ();

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  g_clear_object (&last_result);
  g_clear_object (&control_session);
  g_free (dir);
  g_free (run_id);
  return status;
}
