/* test-page-guard.c — a listing outside EC2 believes no page loop: a token
 * handed out again, or pages without end, end it with an error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on loopback answers every page of a listing with the same
 * token, in each wire protocol the app pages with: AWS query (Auto
 * Scaling), JSON 1.1 (SSM), REST-JSON (IAM Identity Center, Recycle Bin)
 * and REST-XML (S3). EC2's own lists are tested in test-ec2-requests.c
 * (/ec2/describe-images/page-token-*).
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "amigo-autoscaling.h"
#include "amigo-credentials.h"
#include "amigo-error.h"
#include "amigo-page-guard.h"
#include "amigo-rbin.h"
#include "amigo-s3.h"
#include "amigo-s3-buckets.h"
#include "amigo-s3-upload.h"
#include "amigo-ssm.h"
#include "amigo-sso.h"
#include "amigo-test-moto.h"

static SoupServer *server;
static char *server_url;
static guint n_requests;
static guint n_list_parts;
static char *last_part_marker;

static void
peer_cb (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  const char *target = soup_message_headers_get_one (in, "X-Amz-Target");
  const char *type = "application/json";
  const char *body;

  n_requests++;
  if (target != NULL && strstr (target, "GetParametersByPath") != NULL)
    {
      type = "application/x-amz-json-1.1";
      body = "{\"Parameters\": [], \"NextToken\": \"same\"}";
    }
  else if (strcmp (path, "/assignment/accounts") == 0)
    body = "{\"accountList\": [], \"nextToken\": \"same\"}";
  else if (strcmp (path, "/list-rules") == 0)
    body = "{\"Rules\": [], \"NextToken\": \"same\"}";
  else if (strcmp (soup_server_message_get_method (msg), "GET") == 0 && query != NULL &&
           g_hash_table_contains (query, "uploadId"))
    {
      n_list_parts++;
      g_free (last_part_marker);
      last_part_marker = g_strdup (g_hash_table_lookup (query, "part-number-marker"));
      type = "application/xml";
      body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<ListPartsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
             "<Bucket>bucket</Bucket><Key>disk.raw</Key><UploadId>upload-1</UploadId>"
             "<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>1</NextPartNumberMarker>"
             "<MaxParts>1</MaxParts><IsTruncated>true</IsTruncated></ListPartsResult>";
    }
  else if (strcmp (soup_server_message_get_method (msg), "GET") == 0)
    {
      type = "application/xml";
      body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
             "<Owner><ID>o</ID></Owner><Buckets><Bucket><Name>bucket</Name>"
             "<CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets>"
             "<ContinuationToken>same</ContinuationToken></ListAllMyBucketsResult>";
    }
  else
    {
      type = "text/xml";
      body = "<DescribeAutoScalingGroupsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">"
             "<DescribeAutoScalingGroupsResult><AutoScalingGroups/><NextToken>same</NextToken>"
             "</DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>r</RequestId>"
             "</ResponseMetadata></DescribeAutoScalingGroupsResponse>";
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_STATIC, body, strlen (body));
}

static AmigoClient *
client_new (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);

  return amigo_client_new (credentials);
}

/* The listing failed on its second page, the first to repeat a token. */
static void
assert_stopped_twice (GPtrArray *items,
                      GError    *error)
{
  g_assert_null (items);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "twice"));
  g_assert_cmpuint (n_requests, ==, 2);
}

static void
test_query_autoscaling (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoAutoscaling) autoscaling = amigo_autoscaling_new (client, "us-east-1", server_url);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  n_requests = 0;
  amigo_autoscaling_describe_auto_scaling_groups_async (autoscaling, NULL, NULL, amigo_test_result_cb, amigo_test_next_result ());
  groups = amigo_autoscaling_describe_auto_scaling_groups_finish (autoscaling, amigo_test_await_result (), &error);
  assert_stopped_twice (groups, error);
}

static void
test_json_ssm (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoSsm) ssm = amigo_ssm_new (client, "us-east-1", server_url);
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GError) error = NULL;

  n_requests = 0;
  amigo_ssm_get_parameters_by_path_async (ssm, "/aws/service", TRUE, NULL, amigo_test_result_cb, amigo_test_next_result ());
  parameters = amigo_ssm_get_parameters_by_path_finish (ssm, amigo_test_await_result (), &error);
  assert_stopped_twice (parameters, error);
}

static void
test_rest_json_sso (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoSsoPortal) portal = amigo_sso_portal_new (client, "us-east-1", server_url);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  n_requests = 0;
  amigo_sso_portal_list_accounts_async (portal, "access-token", NULL, amigo_test_result_cb, amigo_test_next_result ());
  accounts = amigo_sso_portal_list_accounts_finish (portal, amigo_test_await_result (), &error);
  assert_stopped_twice (accounts, error);
}

static void
test_rest_json_rbin (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoRbin) rbin = amigo_rbin_new (client, "us-east-1", server_url);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  n_requests = 0;
  amigo_rbin_list_rules_async (rbin, "EC2_IMAGE", NULL, amigo_test_result_cb, amigo_test_next_result ());
  rules = amigo_rbin_list_rules_finish (rbin, amigo_test_await_result (), &error);
  assert_stopped_twice (rules, error);
}

static void
test_rest_xml_s3 (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoS3) s3 = amigo_s3_new (client, "us-east-1", server_url);
  g_autoptr(GPtrArray) buckets = NULL;
  g_autoptr(GError) error = NULL;

  n_requests = 0;
  amigo_s3_set_path_style (s3, TRUE);
  amigo_s3_list_buckets_async (s3, NULL, NULL, amigo_test_result_cb, amigo_test_next_result ());
  buckets = amigo_s3_list_buckets_finish (s3, amigo_test_await_result (), &error);
  assert_stopped_twice (buckets, error);
}

/* A resumed upload checks its parts with ListParts, page after page
 * (`NextPartNumberMarker`): a marker handed out again fails the run. */
static void
test_rest_xml_s3_list_parts (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoS3) s3 = amigo_s3_new (client, "us-east-1", server_url);
  g_autofree char *dir = g_dir_make_tmp ("amigo-parts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disk.raw", NULL);
  g_autoptr(AmigoS3Upload) fresh = NULL;
  g_autoptr(AmigoS3Upload) resumed = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;

  amigo_s3_set_path_style (s3, TRUE);
  g_assert_true (g_file_set_contents (path, "a small disk", -1, NULL));
  fresh = amigo_s3_upload_new (s3, path, "bucket", "disk.raw", &error);
  g_assert_no_error (error);
  state = amigo_s3_upload_dup_state (fresh);
  json_object_set_string_member (json_node_get_object (state), "upload-id", "upload-1");
  resumed = amigo_s3_upload_new_from_state (s3, state, &error);
  g_assert_no_error (error);

  n_list_parts = 0;
  amigo_s3_upload_run_async (resumed, NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_false (amigo_s3_upload_run_finish (resumed, amigo_test_await_result (), &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "ListParts twice"));
  g_assert_cmpuint (n_list_parts, ==, 2);
  /* The second page was asked from where the first said (an integer). */
  g_assert_cmpstr (last_part_marker, ==, "1");
  g_unlink (path);
  g_rmdir (dir);
}

/* Any token seen before, not only the last one: A, B, then A is a loop. */
static void
test_guard_cycle (void)
{
  AmigoPageGuard guard;
  g_autoptr(GError) error = NULL;

  amigo_page_guard_init (&guard, 0);
  g_assert_true (amigo_page_guard_next (&guard, "a", "S3", "ListBuckets", &error));
  g_assert_true (amigo_page_guard_next (&guard, "b", "S3", "ListBuckets", &error));
  g_assert_false (amigo_page_guard_next (&guard, "a", "S3", "ListBuckets", &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "S3 sent the same page of ListBuckets twice. Try again later.");
  amigo_page_guard_clear (&guard);
}

/* New tokens without end stop at the cap: three pages read, no fourth. */
static void
test_guard_cap (void)
{
  AmigoPageGuard guard;
  g_autoptr(GError) error = NULL;

  amigo_page_guard_init (&guard, 3);
  g_assert_true (amigo_page_guard_next (&guard, "1", "ssm (us-east-1)", "GetParametersByPath", &error));
  g_assert_true (amigo_page_guard_next (&guard, "2", "ssm (us-east-1)", "GetParametersByPath", &error));
  g_assert_false (amigo_page_guard_next (&guard, "3", "ssm (us-east-1)", "GetParametersByPath", &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "more than 3 pages of GetParametersByPath"));
  amigo_page_guard_clear (&guard);

  amigo_page_guard_init (&guard, 0);
  g_assert_cmpuint (guard.max_pages, ==, AMIGO_PAGE_GUARD_MAX_PAGES);
  amigo_page_guard_clear (&guard);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int status;

  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, peer_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  server_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/page-guard/cycle", test_guard_cycle);
  g_test_add_func ("/page-guard/cap", test_guard_cap);
  g_test_add_func ("/page-guard/query/auto-scaling", test_query_autoscaling);
  g_test_add_func ("/page-guard/json/ssm", test_json_ssm);
  g_test_add_func ("/page-guard/rest-json/sso", test_rest_json_sso);
  g_test_add_func ("/page-guard/rest-json/recycle-bin", test_rest_json_rbin);
  g_test_add_func ("/page-guard/rest-xml/s3", test_rest_xml_s3);
  g_test_add_func ("/page-guard/rest-xml/s3-list-parts", test_rest_xml_s3_list_parts);
  status = g_test_run ();

  soup_server_disconnect (server);
  g_clear_object (&server);
  amigo_test_moto_cleanup ();
  g_free (last_part_marker);
  g_free (server_url);
  return status;
}
