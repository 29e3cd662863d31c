/* test-s3-integration.c — S3 and the multipart upload engine against moto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under tests/moto-harness.sh: moto checks every signature (S3's
 * SigV4, with the IAM user the harness made).
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "amigo-error.h"
#include "amigo-s3-buckets.h"
#include "amigo-s3-download.h"
#include "amigo-s3-upload.h"

#define MiB (1024 * 1024)

static struct {
  const char *endpoint;
  const char *access_key_id;
  const char *secret_access_key;
  char *run_id;
  char *dir;
} env;

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

static gboolean
have_server (void)
{
  if (env.endpoint == NULL)
    {
      g_test_skip ("AMIGO_TEST_ENDPOINT is not set: run under tests/moto-harness.sh");
      return FALSE;
    }
  return TRUE;
}

static AmigoS3 *
s3_new (const char *region,
        const char *secret)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (env.access_key_id, secret ? secret : env.secret_access_key, NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);

  return amigo_s3_new (client, region, env.endpoint);
}

static char *
bucket_name (const char *what)
{
  return g_strdup_printf ("amigo-%s-%s", what, env.run_id);
}

/* A file of @size bytes whose content tells where each byte is. */
static char *
make_file (const char *name,
           gsize       size)
{
  g_autofree char *path = g_build_filename (env.dir, name, NULL);
  g_autofree guint32 *data = g_malloc (size + 4);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size / 4 + 1; i++)
    data[i] = (guint32) (i * 2654435761u);
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static JsonNode *
object_params (const char *bucket,
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

static JsonNode *
call (AmigoS3              *s3,
      const AmigoOperation *op,
      JsonNode             *params,
      GError              **error)
{
  amigo_s3_call_async (s3, op, params, NULL, NULL, result_cb, NULL);
  return amigo_s3_call_finish (s3, await_result (), error);
}

static void
create_bucket (AmigoS3    *s3,
               const char *bucket)
{
  g_autoptr(GError) error = NULL;

  amigo_s3_create_bucket_async (s3, bucket, NULL, result_cb, NULL);
  amigo_s3_create_bucket_finish (s3, await_result (), &error);
  g_assert_no_error (error);
}

static guint
count_uploads (AmigoS3    *s3,
               const char *bucket,
               const char *key)
{
  g_autoptr(JsonNode) params = object_params (bucket, NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  guint n = 0;

  json_object_set_string_member (json_node_get_object (params), "Prefix", key);
  out = call (s3, &amigo_s3_op_list_multipart_uploads, params, &error);
  g_assert_no_error (error);
  o = json_node_get_object (out);
  if (json_object_has_member (o, "Uploads"))
    n = json_array_get_length (json_object_get_array_member (o, "Uploads"));
  return n;
}

static char *
head_etag (AmigoS3    *s3,
           const char *bucket,
           const char *key,
           gint64     *length)
{
  g_autoptr(JsonNode) params = object_params (bucket, key);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  out = call (s3, &amigo_s3_op_head_object, params, &error);
  g_assert_no_error (error);
  if (length != NULL)
    *length = json_object_get_int_member_with_default (json_node_get_object (out), "ContentLength", -1);
  return g_strdup (json_object_get_string_member (json_node_get_object (out), "ETag"));
}

static void
assert_same_files (const char *a,
                   const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (da, db, la) == 0);
}

/* ---- tests ------------------------------------------------------------ */

static void
test_signature_enforced (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", "not-the-secret");
  params = json_node_init_object (json_node_alloc (), json_object_new ());
  out = call (s3, &amigo_s3_op_list_buckets, params, &error);
  g_assert_null (out);
  g_assert_true (amigo_aws_error_has_aws_code (error, "SignatureDoesNotMatch"));
}

static void
test_buckets (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("buckets");
  g_autofree char *region = NULL;
  JsonArray *buckets;
  gboolean found = FALSE;

  if (!have_server ())
    return;
  s3 = s3_new ("eu-west-1", NULL);
  create_bucket (s3, bucket);
  /* Again: the account owns it already, which is no failure. */
  create_bucket (s3, bucket);

  amigo_s3_head_bucket_async (s3, bucket, NULL, result_cb, NULL);
  region = amigo_s3_head_bucket_finish (s3, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (region, ==, "eu-west-1");

  params = json_node_init_object (json_node_alloc (), json_object_new ());
  out = call (s3, &amigo_s3_op_list_buckets, params, &error);
  g_assert_no_error (error);
  buckets = json_object_get_array_member (json_node_get_object (out), "Buckets");
  for (guint i = 0; i < json_array_get_length (buckets); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (buckets, i), "Name"),
                   bucket) == 0)
      found = TRUE;
  g_assert_true (found);

  {
    g_autoptr(AmigoS3) other = s3_new ("eu-west-1", NULL);
    g_autofree char *missing = bucket_name ("missing");
    g_autoptr(GError) missing_error = NULL;

    amigo_s3_head_bucket_async (other, missing, NULL, result_cb, NULL);
    g_assert_null (amigo_s3_head_bucket_finish (other, await_result (), &missing_error));
    g_assert_nonnull (missing_error);
    g_assert_cmpuint (amigo_aws_error_get_details (missing_error)->http_status, ==, 404);
  }
}

static const AmigoS3Bucket *
find_bucket (GPtrArray  *buckets,
             const char *name)
{
  for (guint i = 0; i < buckets->len; i++)
    {
      const AmigoS3Bucket *bucket = g_ptr_array_index (buckets, i);

      if (g_str_equal (bucket->name, name))
        return bucket;
    }
  return NULL;
}

/* The picker's list: a region's buckets only (ListBuckets' bucket-region,
 * asked of that region), each with its region, which the client learns;
 * without a region, all of them with theirs. A bucket made in eu-west-1
 * (with its LocationConstraint) is listed there and not in us-east-1. */
static void
test_list_buckets_by_region (void)
{
  g_autoptr(AmigoS3) eu = NULL;
  g_autoptr(AmigoS3) us = NULL;
  g_autoptr(AmigoS3) fresh = NULL;
  g_autoptr(GPtrArray) in_eu = NULL;
  g_autoptr(GPtrArray) in_us = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *eu_bucket = bucket_name ("list-eu");
  g_autofree char *us_bucket = bucket_name ("list-us");
  g_autofree char *learnt = NULL;
  const AmigoS3Bucket *found;

  if (!have_server ())
    return;
  eu = s3_new ("eu-west-1", NULL);
  us = s3_new ("us-east-1", NULL);
  create_bucket (eu, eu_bucket);
  create_bucket (us, us_bucket);

  amigo_s3_list_buckets_async (eu, "eu-west-1", NULL, result_cb, NULL);
  in_eu = amigo_s3_list_buckets_finish (eu, await_result (), &error);
  g_assert_no_error (error);
  found = find_bucket (in_eu, eu_bucket);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->region, ==, "eu-west-1");
  g_assert_cmpint (found->creation_date, >, 0);
  g_assert_null (find_bucket (in_eu, us_bucket));
  for (guint i = 0; i < in_eu->len; i++)
    g_assert_cmpstr (((AmigoS3Bucket *) g_ptr_array_index (in_eu, i))->region, ==, "eu-west-1");
  for (guint i = 1; i < in_eu->len; i++)
    g_assert_cmpint (strcmp (((AmigoS3Bucket *) g_ptr_array_index (in_eu, i - 1))->name,
                             ((AmigoS3Bucket *) g_ptr_array_index (in_eu, i))->name), <, 0);

  amigo_s3_list_buckets_async (us, "us-east-1", NULL, result_cb, NULL);
  in_us = amigo_s3_list_buckets_finish (us, await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_bucket (in_us, us_bucket));
  g_assert_null (find_bucket (in_us, eu_bucket));

  /* A client that never touched the buckets learns where each one is. */
  fresh = s3_new ("us-east-1", NULL);
  amigo_s3_list_buckets_async (fresh, NULL, NULL, result_cb, NULL);
  all = amigo_s3_list_buckets_finish (fresh, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_bucket (all, eu_bucket)->region, ==, "eu-west-1");
  g_assert_cmpstr (find_bucket (all, us_bucket)->region, ==, "us-east-1");
  learnt = amigo_s3_dup_bucket_region (fresh, eu_bucket);
  g_assert_cmpstr (learnt, ==, "eu-west-1");
}

/* Listed a bucket a page (MaxBuckets=1): every page is asked for, each
 * after the last one's ContinuationToken, until S3 gives none; the list is
 * the same as in one page. */
static void
test_list_buckets_paged (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) paged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = bucket_name ("page-a");
  g_autofree char *second = bucket_name ("page-b");
  g_autofree char *third = bucket_name ("page-c");

  if (!have_server ())
    return;
  s3 = s3_new ("eu-west-1", NULL);
  create_bucket (s3, first);
  create_bucket (s3, second);
  create_bucket (s3, third);

  amigo_s3_list_buckets_async (s3, "eu-west-1", NULL, result_cb, NULL);
  whole = amigo_s3_list_buckets_finish (s3, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (whole->len, >=, 3);

  amigo_s3_set_max_buckets_for_testing (1);
  amigo_s3_list_buckets_async (s3, "eu-west-1", NULL, result_cb, NULL);
  paged = amigo_s3_list_buckets_finish (s3, await_result (), &error);
  amigo_s3_set_max_buckets_for_testing (0);
  g_assert_no_error (error);
  g_assert_cmpuint (paged->len, ==, whole->len);
  for (guint i = 0; i < paged->len; i++)
    {
      const AmigoS3Bucket *bucket = g_ptr_array_index (paged, i);

      g_assert_cmpstr (bucket->name, ==, ((AmigoS3Bucket *) g_ptr_array_index (whole, i))->name);
      g_assert_cmpstr (bucket->region, ==, "eu-west-1");
    }
  g_assert_nonnull (find_bucket (paged, first));
  g_assert_nonnull (find_bucket (paged, second));
  g_assert_nonnull (find_bucket (paged, third));
}

static void
test_put_object (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("put");
  g_autofree char *path = make_file ("small.raw", 100000);
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize len;
  gint64 length = 0;
  AmigoS3FileBody body = { .path = path, .offset = 0, .length = 100000 };
  const AmigoS3Transfer transfer = { .body = &body };

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  body.sha256_hex = sha;
  params = object_params (bucket, "disks/a small disk.raw");
  amigo_s3_call_async (s3, &amigo_s3_op_put_object, params, &transfer, NULL, result_cb, NULL);
  out = amigo_s3_call_finish (s3, await_result (), &error);
  g_assert_no_error (error);

  etag = head_etag (s3, bucket, "disks/a small disk.raw", &length);
  g_assert_cmpint (length, ==, 100000);
  {
    g_autofree char *md5 = g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) contents, len);
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", md5);
    g_assert_cmpstr (etag, ==, quoted);
  }
}

typedef struct {
  guint state_changes;
  guint progress;
  guint cancel_after_parts;
  GCancellable *cancellable;
  JsonNode *saved;
  char *touch_path;
} Watch;

static void
state_changed_cb (AmigoS3Upload *upload,
                  gpointer       user_data)
{
  Watch *w = user_data;
  JsonNode *state = amigo_s3_upload_dup_state (upload);
  JsonArray *parts = json_object_get_array_member (json_node_get_object (state), "parts");

  w->state_changes++;
  g_clear_pointer (&w->saved, json_node_unref);
  w->saved = state;
  if (w->cancel_after_parts > 0 && json_array_get_length (parts) >= w->cancel_after_parts)
    {
      if (w->touch_path != NULL)
        {
          /* Something writes to the disk image mid-upload. */
          FILE *f = fopen (w->touch_path, "ab");
          fputs ("more", f);
          fclose (f);
          g_clear_pointer (&w->touch_path, g_free);
        }
      else if (w->cancellable != NULL)
        g_cancellable_cancel (w->cancellable);
    }
}

static void
progress_cb (AmigoS3Upload *upload,
             gpointer       user_data)
{
  Watch *w = user_data;

  w->progress++;
  g_assert_cmpuint (amigo_s3_upload_get_bytes_done (upload), <=, amigo_s3_upload_get_file_size (upload));
}

static void
test_multipart (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("multipart");
  g_autofree char *path = make_file ("disk.raw", 21 * MiB + 12345);
  g_autofree char *etag = NULL;
  g_autofree char *back = g_build_filename (env.dir, "disk.back", NULL);
  g_autoptr(AmigoS3Download) download = NULL;
  Watch w = { 0 };
  gint64 length;

  if (!have_server ())
    return;
  s3 = s3_new ("eu-central-1", NULL);
  create_bucket (s3, bucket);

  upload = amigo_s3_upload_new (s3, path, bucket, "vm/disk.raw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_s3_upload_get_part_size (upload), ==, 8 * MiB);
  g_assert_cmpuint (amigo_s3_upload_get_n_parts (upload), ==, 3);
  g_signal_connect (upload, "state-changed", G_CALLBACK (state_changed_cb), &w);
  g_signal_connect (upload, "progress", G_CALLBACK (progress_cb), &w);

  amigo_s3_upload_run_async (upload, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_run_finish (upload, await_result (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_s3_upload_get_bytes_done (upload), ==, 21 * MiB + 12345);
  g_assert_cmpuint (w.state_changes, >=, 5);   /* created, 3 parts, completed */
  g_assert_cmpuint (w.progress, >=, 1);
  g_assert_null (amigo_s3_upload_get_upload_id (upload));

  etag = head_etag (s3, bucket, "vm/disk.raw", &length);
  g_assert_cmpint (length, ==, 21 * MiB + 12345);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
  g_assert_true (g_str_has_suffix (etag, "-3\""));
  g_assert_cmpuint (count_uploads (s3, bucket, "vm/disk.raw"), ==, 0);

  /* And back, with ranged gets. */
  download = amigo_s3_download_new (s3, bucket, "vm/disk.raw", back);
  amigo_s3_download_run_async (download, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_download_run_finish (download, await_result (), &error));
  g_assert_no_error (error);
  assert_same_files (path, back);
  g_clear_pointer (&w.saved, json_node_unref);
}

static void
test_resume (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3) s3_after_restart = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(AmigoS3Upload) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *bucket = bucket_name ("resume");
  g_autofree char *path = make_file ("resume.raw", 40 * MiB);
  g_autofree char *saved_text = NULL;
  g_autoptr(JsonNode) saved = NULL;
  Watch w = { .cancel_after_parts = 1, .cancellable = cancellable };
  Watch w2 = { 0 };
  JsonArray *parts;

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);

  upload = amigo_s3_upload_new (s3, path, bucket, "resume.raw", &error);
  g_assert_no_error (error);
  amigo_s3_upload_set_max_parallel (upload, 1);
  g_signal_connect (upload, "state-changed", G_CALLBACK (state_changed_cb), &w);
  amigo_s3_upload_run_async (upload, cancellable, result_cb, NULL);
  g_assert_false (amigo_s3_upload_run_finish (upload, await_result (), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The app quits: the task saved the state as text. */
  saved_text = json_to_string (w.saved, FALSE);
  g_assert_nonnull (strstr (saved_text, "upload-id"));
  g_assert_null (strstr (saved_text, env.secret_access_key));
  g_clear_pointer (&w.saved, json_node_unref);
  g_clear_object (&upload);

  /* It starts again. */
  saved = json_from_string (saved_text, &error);
  g_assert_no_error (error);
  parts = json_object_get_array_member (json_node_get_object (saved), "parts");
  g_assert_cmpuint (json_array_get_length (parts), >=, 1);
  s3_after_restart = s3_new ("us-east-1", NULL);
  resumed = amigo_s3_upload_new_from_state (s3_after_restart, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_s3_upload_get_bytes_done (resumed), >=, 8 * MiB);
  g_signal_connect (resumed, "state-changed", G_CALLBACK (state_changed_cb), &w2);
  amigo_s3_upload_run_async (resumed, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_run_finish (resumed, await_result (), &error));
  g_assert_no_error (error);
  /* Only the missing parts were sent: 5 parts, at least one there already. */
  g_assert_cmpuint (w2.state_changes, <=, 5);
  {
    gint64 length;
    g_autofree char *etag = head_etag (s3_after_restart, bucket, "resume.raw", &length);

    g_assert_cmpint (length, ==, 40 * MiB);
    g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (resumed));
  }
  g_assert_cmpuint (count_uploads (s3_after_restart, bucket, "resume.raw"), ==, 0);
  g_clear_pointer (&w2.saved, json_node_unref);
}

static void
test_abort (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *bucket = bucket_name ("abort");
  g_autofree char *path = make_file ("abort.raw", 20 * MiB);
  Watch w = { .cancel_after_parts = 1, .cancellable = cancellable };

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);

  upload = amigo_s3_upload_new (s3, path, bucket, "abort.raw", &error);
  amigo_s3_upload_set_max_parallel (upload, 1);
  g_signal_connect (upload, "state-changed", G_CALLBACK (state_changed_cb), &w);
  amigo_s3_upload_run_async (upload, cancellable, result_cb, NULL);
  g_assert_false (amigo_s3_upload_run_finish (upload, await_result (), &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_uploads (s3, bucket, "abort.raw"), ==, 1);

  amigo_s3_upload_abort_async (upload, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_abort_finish (upload, await_result (), &error));
  g_assert_no_error (error);
  g_assert_null (amigo_s3_upload_get_upload_id (upload));
  g_assert_cmpuint (count_uploads (s3, bucket, "abort.raw"), ==, 0);
  g_clear_pointer (&w.saved, json_node_unref);
}

static void
test_file_changed (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("changed");
  g_autofree char *path = make_file ("changed.raw", 20 * MiB);
  Watch w = { .cancel_after_parts = 1 };

  if (!have_server ())
    return;
  w.touch_path = g_strdup (path);
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);

  upload = amigo_s3_upload_new (s3, path, bucket, "changed.raw", &error);
  amigo_s3_upload_set_max_parallel (upload, 1);
  g_signal_connect (upload, "state-changed", G_CALLBACK (state_changed_cb), &w);
  amigo_s3_upload_run_async (upload, NULL, result_cb, NULL);
  g_assert_false (amigo_s3_upload_run_finish (upload, await_result (), &error));
  g_assert_error (error, AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_pointer (&w.saved, json_node_unref);

  /* The upload is left to abort, and the object was never made. */
  g_clear_error (&error);
  amigo_s3_upload_abort_async (upload, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_abort_finish (upload, await_result (), &error));
  g_assert_cmpuint (count_uploads (s3, bucket, "changed.raw"), ==, 0);
}

static void
test_download_resume (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(AmigoS3Download) download = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("download");
  g_autofree char *path = make_file ("export.vmdk", 9 * MiB + 7);
  g_autofree char *dest = g_build_filename (env.dir, "export-copy.vmdk", NULL);
  g_autofree char *partial = g_strconcat (dest, ".part", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);
  upload = amigo_s3_upload_new (s3, path, bucket, "exports/export.vmdk", &error);
  amigo_s3_upload_run_async (upload, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_run_finish (upload, await_result (), &error));

  /* An earlier download stopped after 3 MiB. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (partial, contents, 3 * MiB, NULL));

  download = amigo_s3_download_new (s3, bucket, "exports/export.vmdk", dest);
  amigo_s3_download_run_async (download, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_download_run_finish (download, await_result (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_s3_download_get_resumed_from (download), ==, 3 * MiB);
  assert_same_files (path, dest);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* A part file of another version of the object (the task saved another
   * ETag) is not completed: the download starts over. */
  {
    g_autoptr(AmigoS3Download) again = amigo_s3_download_new (s3, bucket, "exports/export.vmdk", dest);

    g_unlink (dest);
    g_assert_true (g_file_set_contents (partial, "stale bytes of an older export", -1, NULL));
    amigo_s3_download_set_etag (again, "\"0123456789abcdef0123456789abcdef-2\"");
    amigo_s3_download_run_async (again, NULL, result_cb, NULL);
    g_assert_true (amigo_s3_download_run_finish (again, await_result (), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (amigo_s3_download_get_resumed_from (again), ==, 0);
    assert_same_files (path, dest);
  }
}

/* The state a task saved when every part was there but the upload was not
 * yet completed (the app stopped between the last part and Complete, or
 * Complete's answer was lost); with @cancellable, the run stops there. */
typedef struct {
  JsonNode *before_complete;
  GCancellable *cancellable;
  guint state_changes;
} CompleteWatch;

static void
before_complete_cb (AmigoS3Upload *upload,
                    gpointer       user_data)
{
  CompleteWatch *w = user_data;

  w->state_changes++;
  if (w->before_complete != NULL || amigo_s3_upload_get_upload_id (upload) == NULL
      || amigo_s3_upload_get_bytes_done (upload) != amigo_s3_upload_get_file_size (upload))
    return;
  w->before_complete = amigo_s3_upload_dup_state (upload);
  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
}

static AmigoS3Upload *
upload_to_complete (AmigoS3       *s3,
                    const char    *bucket,
                    const char    *key,
                    CompleteWatch *w)
{
  g_autofree char *path = make_file (key, 17 * MiB);
  g_autoptr(GError) error = NULL;
  AmigoS3Upload *upload = amigo_s3_upload_new (s3, path, bucket, key, &error);

  g_assert_no_error (error);
  amigo_s3_upload_set_max_parallel (upload, 1);
  g_signal_connect (upload, "state-changed", G_CALLBACK (before_complete_cb), w);
  amigo_s3_upload_run_async (upload, w->cancellable, result_cb, NULL);
  amigo_s3_upload_run_finish (upload, await_result (), &error);
  if (w->cancellable != NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  else
    g_assert_no_error (error);
  g_assert_nonnull (w->before_complete);
  return upload;
}

/* Complete took effect but the app never learnt it (its answer was lost,
 * then the app was restarted): the upload resumed from the saved state
 * finds S3 no longer knows the upload id (ListParts, then Complete:
 * NoSuchUpload), looks at the object with HeadObject, recognises the ETag
 * its parts make, and is done — nothing sent again, no second upload. */
static void
test_complete_lost_restarted (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3) s3_after_restart = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(AmigoS3Upload) resumed = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("complete-lost");
  g_autofree char *etag = NULL;
  CompleteWatch w = { 0 };
  CompleteWatch w2 = { 0 };
  JsonObject *state;

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);
  upload = upload_to_complete (s3, bucket, "lost.raw", &w);
  g_assert_true (g_str_has_suffix (amigo_s3_upload_get_etag (upload), "-3\""));

  /* S3 has forgotten the completed upload (the reference's NoSuchUpload:
   * "the multipart upload might have been aborted or completed"). */
  state = json_node_get_object (w.before_complete);
  params = object_params (bucket, "lost.raw");
  json_object_set_string_member (json_node_get_object (params), "UploadId",
                                 json_object_get_string_member (state, "upload-id"));
  out = call (s3, &amigo_s3_op_complete_multipart_upload, params, &error);
  g_assert_null (out);
  g_assert_true (amigo_aws_error_has_aws_code (error, "NoSuchUpload"));
  g_assert_cmpuint (amigo_aws_error_get_details (error)->http_status, ==, 404);
  g_clear_error (&error);

  s3_after_restart = s3_new ("us-east-1", NULL);
  resumed = amigo_s3_upload_new_from_state (s3_after_restart, w.before_complete, &error);
  g_assert_no_error (error);
  g_signal_connect (resumed, "state-changed", G_CALLBACK (before_complete_cb), &w2);
  amigo_s3_upload_run_async (resumed, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_run_finish (resumed, await_result (), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_s3_upload_get_etag (resumed), ==, amigo_s3_upload_get_etag (upload));
  g_assert_null (amigo_s3_upload_get_upload_id (resumed));
  /* Only "completed": no new upload, no part sent again. */
  g_assert_cmpuint (w2.state_changes, ==, 1);
  g_assert_null (w2.before_complete);
  etag = head_etag (s3, bucket, "lost.raw", NULL);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (upload));
  g_assert_cmpuint (count_uploads (s3, bucket, "lost.raw"), ==, 0);
  g_clear_pointer (&w.before_complete, json_node_unref);
}

/* Every part was sent, then the upload was aborted (or expired) before
 * Complete: NoSuchUpload and no object is the upload gone — reported as
 * such, and the next run starts a new upload and finishes. */
static void
test_gone_before_complete (void)
{
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(AmigoS3Upload) resumed = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = bucket_name ("gone");
  g_autofree char *etag = NULL;
  CompleteWatch w = { .cancellable = cancellable };
  gint64 length = 0;

  if (!have_server ())
    return;
  s3 = s3_new ("us-east-1", NULL);
  create_bucket (s3, bucket);
  upload = upload_to_complete (s3, bucket, "gone.raw", &w);
  amigo_s3_upload_abort_async (upload, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_abort_finish (upload, await_result (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_uploads (s3, bucket, "gone.raw"), ==, 0);

  resumed = amigo_s3_upload_new_from_state (s3, w.before_complete, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_s3_upload_get_bytes_done (resumed), ==, 17 * MiB);
  amigo_s3_upload_run_async (resumed, NULL, result_cb, NULL);
  g_assert_false (amigo_s3_upload_run_finish (resumed, await_result (), &error));
  g_assert_error (error, AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_UPLOAD_GONE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (amigo_s3_upload_get_upload_id (resumed));
  g_assert_cmpuint (amigo_s3_upload_get_bytes_done (resumed), ==, 0);

  amigo_s3_upload_run_async (resumed, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_upload_run_finish (resumed, await_result (), &error));
  g_assert_no_error (error);
  etag = head_etag (s3, bucket, "gone.raw", &length);
  g_assert_cmpint (length, ==, 17 * MiB);
  g_assert_cmpstr (etag, ==, amigo_s3_upload_get_etag (resumed));
  g_assert_cmpuint (count_uploads (s3, bucket, "gone.raw"), ==, 0);
  g_clear_pointer (&w.before_complete, json_node_unref);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  env.access_key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  env.secret_access_key = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  env.run_id = g_strdup_printf ("%x", g_random_int ());
  env.dir = g_dir_make_tmp ("amigo-s3-XXXXXX", NULL);

  g_test_add_func ("/s3/signature-enforced", test_signature_enforced);
  g_test_add_func ("/s3/buckets", test_buckets);
  g_test_add_func ("/s3/buckets/list-by-region", test_list_buckets_by_region);
  g_test_add_func ("/s3/buckets/list-paged", test_list_buckets_paged);
  g_test_add_func ("/s3/put-object", test_put_object);
  g_test_add_func ("/s3/upload/multipart-and-download", test_multipart);
  g_test_add_func ("/s3/upload/resume-after-restart", test_resume);
  g_test_add_func ("/s3/upload/abort", test_abort);
  g_test_add_func ("/s3/upload/file-changed", test_file_changed);
  g_test_add_func ("/s3/download/resume", test_download_resume);
  g_test_add_func ("/s3/upload/complete-lost-then-restarted", test_complete_lost_restarted);
  g_test_add_func ("/s3/upload/gone-before-complete", test_gone_before_complete);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (env.dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (env.dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (env.dir);
  }
  g_clear_object (&last_result);
  g_free (env.dir);
  g_free (env.run_id);
  return status;
}
