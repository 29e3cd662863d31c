/* test-s3-client.c — S3's own rules in the client, against a fake S3 peer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on loopback answers as S3 does when a bucket lives in
 * another region (301 PermanentRedirect with x-amz-bucket-region; 400
 * AuthorizationHeaderMalformed naming the region), and with a 200 whose
 * body is an error (CompleteMultipartUpload). Plus the part size rule and
 * the multipart ETag.
 */
#include "config.h"

#include <string.h>

#include "amigo-error.h"
#include "amigo-s3-buckets.h"
#include "amigo-s3-upload.h"

#define MiB (G_GUINT64_CONSTANT (1024) * 1024)

typedef struct {
  SoupServer *server;
  char *url;
  const char *bucket_region;     /* where the bucket lives */
  gboolean header_region;        /* say it in x-amz-bucket-region, or in the message */
  gboolean complete_fails;       /* CompleteMultipartUpload: 200 with <Error> */
  GPtrArray *seen;               /* "METHOD PATH?QUERY REGION" */
} Peer;

/* The region of a request's credential scope. */
static char *
signed_region (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *cred = auth ? strstr (auth, "Credential=") : NULL;
  g_auto(GStrv) parts = cred ? g_strsplit (cred + strlen ("Credential="), "/", 5) : NULL;

  return parts && g_strv_length (parts) >= 4 ? g_strdup (parts[2]) : g_strdup ("");
}

static void
peer_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Peer *peer = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *region = signed_region (msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  const char *method = soup_server_message_get_method (msg);

  g_ptr_array_add (peer->seen, g_strdup_printf ("%s %s%s%s %s", method, g_uri_get_path (uri),
                                                g_uri_get_query (uri) ? "?" : "",
                                                g_uri_get_query (uri) ? g_uri_get_query (uri) : "",
                                                region));
  if (g_strcmp0 (region, peer->bucket_region) != 0)
    {
      if (peer->header_region)
        {
          const char *doc = "<Error><Code>PermanentRedirect</Code><Message>The bucket you are "
                            "attempting to access must be addressed using the specified endpoint."
                            "</Message></Error>";

          soup_message_headers_append (out, "x-amz-bucket-region", peer->bucket_region);
          soup_server_message_set_status (msg, 301, NULL);
          if (!g_str_equal (method, "HEAD"))
            soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_COPY, doc, strlen (doc));
        }
      else
        {
          g_autofree char *doc =
            g_strdup_printf ("<Error><Code>AuthorizationHeaderMalformed</Code><Message>The "
                             "authorization header is malformed; the region '%s' is wrong; "
                             "expecting '%s'</Message><Region>%s</Region></Error>",
                             region, peer->bucket_region, peer->bucket_region);

          soup_server_message_set_status (msg, 400, NULL);
          soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_COPY, doc, strlen (doc));
        }
      return;
    }
  soup_message_headers_append (out, "x-amz-bucket-region", peer->bucket_region);
  soup_server_message_set_status (msg, 200, NULL);
  if (g_str_equal (method, "POST") && g_uri_get_query (uri) && strstr (g_uri_get_query (uri), "uploadId"))
    {
      const char *doc = peer->complete_fails
        ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code><Message>We "
          "encountered an internal error. Please try again.</Message><RequestId>656c76696e67</RequestId></Error>"
        : "<CompleteMultipartUploadResult><ETag>\"abc-2\"</ETag></CompleteMultipartUploadResult>";

      soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_COPY, doc, strlen (doc));
    }
}

static void
peer_start (Peer *peer)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  peer->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (peer->server, NULL, peer_cb, peer, NULL);
  soup_server_listen_local (peer->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (peer->server);
  peer->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  peer->seen = g_ptr_array_new_with_free_func (g_free);
}

static void
peer_stop (Peer *peer)
{
  soup_server_disconnect (peer->server);
  g_clear_object (&peer->server);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_free (peer->url);
  g_ptr_array_unref (peer->seen);
}

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

static AmigoS3 *
s3_new (Peer       *peer,
        const char *region)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);

  return amigo_s3_new (client, region, peer->url);
}

static void
test_region_from_header (void)
{
  Peer peer = { .bucket_region = "eu-west-1", .header_region = TRUE };
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;
  g_autofree char *cached = NULL;

  peer_start (&peer);
  s3 = s3_new (&peer, "us-east-1");
  amigo_s3_head_bucket_async (s3, "far-bucket", NULL, result_cb, NULL);
  region = amigo_s3_head_bucket_finish (s3, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (region, ==, "eu-west-1");
  g_assert_cmpuint (peer.seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (peer.seen, 0), ==, "HEAD /far-bucket us-east-1");
  g_assert_cmpstr (g_ptr_array_index (peer.seen, 1), ==, "HEAD /far-bucket eu-west-1");
  cached = amigo_s3_dup_bucket_region (s3, "far-bucket");
  g_assert_cmpstr (cached, ==, "eu-west-1");

  /* The next request to the bucket goes to its region at once. */
  {
    g_autoptr(JsonNode) params = json_from_string ("{\"Bucket\": \"far-bucket\", \"Key\": \"a b/c.raw\","
                                                   " \"UploadId\": \"u1\"}", NULL);
    g_autoptr(JsonNode) out = NULL;

    amigo_s3_call_async (s3, &amigo_s3_op_abort_multipart_upload, params, NULL, NULL,
                         result_cb, NULL);
    out = amigo_s3_call_finish (s3, await_result (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (peer.seen->len, ==, 3);
    /* Path style on a custom endpoint (the peer shows the path decoded). */
    g_assert_cmpstr (g_ptr_array_index (peer.seen, 2), ==, "DELETE /far-bucket/a b/c.raw?uploadId=u1 eu-west-1");
  }
  peer_stop (&peer);
}

static void
test_region_from_message (void)
{
  Peer peer = { .bucket_region = "ap-south-1", .header_region = FALSE };
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"Bucket\": \"b\", \"Key\": \"k\", \"UploadId\": \"u\"}", NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  peer_start (&peer);
  s3 = s3_new (&peer, "us-east-1");
  amigo_s3_call_async (s3, &amigo_s3_op_list_parts, params, NULL, NULL, result_cb, NULL);
  out = amigo_s3_call_finish (s3, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peer.seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (peer.seen, 1), ==, "GET /b/k?uploadId=u ap-south-1");
  peer_stop (&peer);
}

static void
test_complete_error_in_ok_answer (void)
{
  Peer peer = { .bucket_region = "us-east-1", .complete_fails = TRUE };
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"Bucket\": \"b\", \"Key\": \"k\", \"UploadId\": \"u\","
                                                 " \"MultipartUpload\": {\"Parts\": [{\"PartNumber\": 1,"
                                                 " \"ETag\": \"e\"}]}}", NULL);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  peer_start (&peer);
  s3 = s3_new (&peer, "us-east-1");
  amigo_s3_call_async (s3, &amigo_s3_op_complete_multipart_upload, params, NULL, NULL,
                       result_cb, NULL);
  out = amigo_s3_call_finish (s3, await_result (), &error);
  g_assert_null (out);
  g_assert_true (amigo_aws_error_has_aws_code (error, "InternalError"));
  g_assert_true (amigo_aws_error_get_details (error)->retryable);
  peer_stop (&peer);
}

static void
test_part_size (void)
{
  g_assert_cmpuint (amigo_s3_upload_choose_part_size (1), ==, 8 * MiB);
  g_assert_cmpuint (amigo_s3_upload_choose_part_size (1024 * MiB), ==, 8 * MiB);
  g_assert_cmpuint (amigo_s3_upload_choose_part_size (80000 * MiB), ==, 8 * MiB);
  g_assert_cmpuint (amigo_s3_upload_choose_part_size (80000 * MiB + 1), ==, 16 * MiB);
  g_assert_cmpuint (amigo_s3_upload_choose_part_size (640000 * MiB), ==, 64 * MiB);
  /* 5 TiB, S3's largest object: still at most 10 000 parts. */
  g_assert_cmpuint ((5 * 1024 * 1024 * MiB + amigo_s3_upload_choose_part_size (5 * 1024 * 1024 * MiB) - 1) /
                    amigo_s3_upload_choose_part_size (5 * 1024 * 1024 * MiB), <=, 10000);
}

static void
test_multipart_etag (void)
{
  /* Two parts "a" and "b": MD5("a") ‖ MD5("b"), hashed again, "-2". */
  const char *etags[] = { "\"0cc175b9c0f1b6a831c399e269772661\"", "92eb5ffee6ae2fec3ad71c777531578f" };
  g_autofree char *etag = amigo_s3_multipart_etag (etags, 2);
  const char *bad[] = { "\"not-an-md5\"" };
  guint8 joined[32];
  g_autofree char *expected_hex = NULL;
  g_autofree char *expected = NULL;
  gsize len = 16;
  g_autoptr(GChecksum) a = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(GChecksum) b = g_checksum_new (G_CHECKSUM_MD5);

  g_checksum_update (a, (const guchar *) "a", 1);
  g_checksum_get_digest (a, joined, &len);
  len = 16;
  g_checksum_update (b, (const guchar *) "b", 1);
  g_checksum_get_digest (b, joined + 16, &len);
  expected_hex = g_compute_checksum_for_data (G_CHECKSUM_MD5, joined, sizeof joined);
  expected = g_strdup_printf ("\"%s-2\"", expected_hex);
  g_assert_cmpstr (etag, ==, expected);
  g_assert_null (amigo_s3_multipart_etag (bad, 1));
}

/* S3's naming rules for general purpose buckets, each rule by a name that
 * breaks only it. */
static void
test_bucket_names (void)
{
  static const char * const good[] = {
    "abc", "amigo-disks", "my.vm.images", "0-digits-first-9",
    "a23456789012345678901234567890123456789012345678901234567890123",
    "xn-single-hyphen", "sthree", "bucket-s3alias-not-at-end",
  };
  static const char * const bad[] = {
    "ab",                      /* too short */
    "a234567890123456789012345678901234567890123456789012345678901234", /* 64 */
    "Amigo-Disks",             /* upper case */
    "amigo_disks",             /* underscore */
    "amigo disks",             /* space */
    "-amigo", "amigo-", ".amigo", "amigo.",
    "amigo..disks",
    "192.168.5.4",
    "xn--amigo", "sthree-amigo", "amzn-s3-demo-amigo",
    "amigo-s3alias", "amigo--ol-s3", "amigo.mrap", "amigo--x-s3", "amigo--table-s3",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_null (amigo_s3_bucket_name_check (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *reason = amigo_s3_bucket_name_check (bad[i]);

      if (reason == NULL)
        g_error ("“%s” passed as a bucket name", bad[i]);
      g_assert_cmpstr (reason, !=, "");
    }
  /* Each rule says what is wrong. */
  g_assert_nonnull (strstr (amigo_s3_bucket_name_check ("ab"), "3 to 63"));
  g_assert_nonnull (strstr (amigo_s3_bucket_name_check ("amigo..disks"), "dots"));
  g_assert_nonnull (strstr (amigo_s3_bucket_name_check ("10.0.0.1"), "IP"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/s3/region/from-x-amz-bucket-region", test_region_from_header);
  g_test_add_func ("/s3/region/from-authorization-header-malformed", test_region_from_message);
  g_test_add_func ("/s3/complete/error-in-200-answer", test_complete_error_in_ok_answer);
  g_test_add_func ("/s3/upload/part-size", test_part_size);
  g_test_add_func ("/s3/upload/multipart-etag", test_multipart_etag);
  g_test_add_func ("/s3/bucket-names", test_bucket_names);

  status = g_test_run ();
  g_clear_object (&last_result);
  return status;
}
