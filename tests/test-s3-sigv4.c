/* test-s3-sigv4.c — S3's SigV4: each case of tests/data/s3-sigv4/cases.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ways per case: the signer's stages (canonical request, string to
 * sign, Authorization) for the request as S3 signs it, and the whole client
 * path (_amigo_client_build_message: host, path encoded once, query,
 * x-amz-content-sha256, Authorization) from an #AmigoRequest.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "amigo-client-private.h"
#include "amigo-sigv4.h"

#define SIGNING_TIME G_GINT64_CONSTANT (1369353600)  /* 2013-05-24T00:00:00Z */

static JsonObject *suite;

static JsonObject *
find_case (const char *name)
{
  JsonArray *cases = json_object_get_array_member (suite, "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return c;
    }
  g_assert_not_reached ();
}

static AmigoCredentials *
suite_credentials (void)
{
  JsonObject *creds = json_object_get_object_member (suite, "credentials");

  return amigo_credentials_new (json_object_get_string_member (creds, "access_key_id"),
                                json_object_get_string_member (creds, "secret_access_key"),
                                NULL, 0);
}

static const char *
payload_hash_of (JsonObject *c)
{
  JsonObject *out = json_object_get_object_member (c, "signed_headers_out");

  return json_object_get_string_member (out, "X-Amz-Content-SHA256");
}

static gboolean
is_unsigned (JsonObject *c)
{
  return g_str_equal (payload_hash_of (c), "UNSIGNED-PAYLOAD");
}

/* The signer's stages, from the request as S3 signs it. */
static void
test_stages (gconstpointer data)
{
  JsonObject *c = find_case (data);
  JsonObject *request = json_object_get_object_member (c, "request");
  JsonObject *headers = json_object_get_object_member (request, "headers");
  const char *body = json_object_get_string_member (request, "body_utf8");
  g_autoptr(GUri) uri = g_uri_parse (json_object_get_string_member (request, "url"),
                                     G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *raw_path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  g_autofree char *host = NULL;
  g_autoptr(AmigoSigV4Request) req = NULL;
  g_autoptr(AmigoCredentials) creds = suite_credentials ();
  g_autofree char *creq = NULL;
  g_autofree char *sts = NULL;
  g_autoptr(GError) error = NULL;
  AmigoSigV4Params params = {
    .credentials = creds,
    .region = json_object_get_string_member (c, "region"),
    .service = "s3",
    .timestamp = SIGNING_TIME,
    .normalize_path = FALSE,
    .sign_body = TRUE,
    .payload_hash = is_unsigned (c) ? "UNSIGNED-PAYLOAD" : NULL,
  };
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  host = g_uri_get_port (uri) > 0 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                                  : g_strdup (g_uri_get_host (uri));
  req = amigo_sigv4_request_new (json_object_get_string_member (request, "method"), raw_path,
                                 g_uri_get_query (uri));
  amigo_sigv4_request_add_header (req, "Host", host);
  json_object_iter_init (&iter, headers);
  while (json_object_iter_next (&iter, &name, &value))
    amigo_sigv4_request_add_header (req, name, json_node_get_string (value));
  amigo_sigv4_request_set_body (req, (const guint8 *) body, strlen (body));

  creq = amigo_sigv4_canonical_request (req, &params, AMIGO_SIGV4_MODE_HEADER);
  g_assert_cmpstr (creq, ==, json_object_get_string_member (c, "canonical_request"));
  sts = amigo_sigv4_string_to_sign (creq, &params);
  g_assert_cmpstr (sts, ==, json_object_get_string_member (c, "string_to_sign"));

  g_assert_true (amigo_sigv4_sign (req, &params, AMIGO_SIGV4_MODE_HEADER, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < amigo_sigv4_request_get_n_headers (req); i++)
    if (g_ascii_strcasecmp (amigo_sigv4_request_get_header_name (req, i), "Authorization") == 0)
      g_assert_cmpstr (amigo_sigv4_request_get_header_value (req, i), ==,
                       json_object_get_string_member (c, "authorization"));
}

/* The client's path: the request as a service builds it. */
static void
test_client (gconstpointer data)
{
  JsonObject *c = find_case (data);
  JsonObject *request = json_object_get_object_member (c, "request");
  JsonObject *headers = json_object_get_object_member (request, "headers");
  JsonObject *out = json_object_get_object_member (c, "signed_headers_out");
  const char *body = json_object_get_string_member (request, "body_utf8");
  g_autoptr(GUri) uri = g_uri_parse (json_object_get_string_member (request, "url"),
                                     G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(AmigoCredentials) creds = suite_credentials ();
  g_autoptr(AmigoRequest) req = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *content_type = NULL;
  SoupMessageHeaders *sent;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  endpoint = g_uri_get_port (uri) > 0
    ? g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri))
    : g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
  req = amigo_request_new (json_object_get_string_member (request, "method"), g_uri_get_path (uri));
  if (g_uri_get_query (uri) != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (g_uri_get_query (uri), "&", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          char *eq = strchr (pairs[i], '=');
          g_autofree char *key = g_uri_unescape_segment (pairs[i], eq, NULL);
          g_autofree char *val = eq ? g_uri_unescape_string (eq + 1, NULL) : NULL;

          amigo_request_add_query (req, key, val);
        }
    }
  json_object_iter_init (&iter, headers);
  while (json_object_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Type") == 0)
      content_type = g_strdup (json_node_get_string (value));
    else
      amigo_request_add_header (req, name, json_node_get_string (value));
  if (*body != '\0')
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      amigo_request_set_body (req, bytes, content_type);
    }
  amigo_request_set_signing (req, "s3", json_object_get_string_member (c, "region"));
  amigo_request_set_payload_hash (req, AMIGO_PAYLOAD_HASH_SIGNED);
  amigo_request_set_uri_encode_once (req, TRUE);
  if (is_unsigned (c))
    amigo_request_set_payload_sha256 (req, "UNSIGNED-PAYLOAD");

  msg = _amigo_client_build_message (creds, req, endpoint, TRUE, SIGNING_TIME, &error);
  g_assert_no_error (error);
  sent = soup_message_get_request_headers (msg);
  g_assert_cmpstr (soup_message_headers_get_one (sent, "Authorization"), ==,
                   json_object_get_string_member (c, "authorization"));
  json_object_iter_init (&iter, out);
  while (json_object_iter_next (&iter, &name, &value))
    g_assert_cmpstr (soup_message_headers_get_one (sent, name), ==, json_node_get_string (value));
  /* What went on the wire is what was signed: the URL of the case. */
  {
    g_autofree char *sent_uri = g_uri_to_string (soup_message_get_uri (msg));
    g_assert_cmpstr (sent_uri, ==, json_object_get_string_member (request, "url"));
  }
}

/* A file body: the precomputed hash is what travels and is signed. */
static void
test_file_body_hash (void)
{
  JsonObject *c = find_case ("upload-part");
  JsonObject *request = json_object_get_object_member (c, "request");
  const char *body = json_object_get_string_member (request, "body_utf8");
  g_autoptr(AmigoCredentials) creds = suite_credentials ();
  g_autoptr(AmigoRequest) req = amigo_request_new ("PUT", "/disk.ova");
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amigo-s3-sigv4-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "part", NULL);
  g_autofree char *padded = g_strconcat ("0123", body, "tail", NULL);

  /* The part sits at offset 4 of the file. */
  g_assert_true (g_file_set_contents (path, padded, -1, NULL));
  amigo_request_add_query (req, "partNumber", "3");
  amigo_request_add_query (req, "uploadId", "VXBsb2FkSWQ");
  amigo_request_add_header (req, "Content-MD5",
                            json_object_get_string_member (json_object_get_object_member (request, "headers"),
                                                           "Content-MD5"));
  amigo_request_set_body_file (req, path, 4, strlen (body), NULL);
  amigo_request_set_payload_sha256 (req, payload_hash_of (c));
  amigo_request_set_signing (req, "s3", "eu-west-1");
  amigo_request_set_payload_hash (req, AMIGO_PAYLOAD_HASH_SIGNED);
  amigo_request_set_uri_encode_once (req, TRUE);

  msg = _amigo_client_build_message (creds, req, "https://my-bucket.s3.eu-west-1.amazonaws.com",
                                     FALSE, SIGNING_TIME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_request_headers (msg), "Authorization"),
                   ==, json_object_get_string_member (c, "authorization"));
  g_assert_cmpint (soup_message_headers_get_content_length (soup_message_get_request_headers (msg)),
                   ==, strlen (body));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, NULL);

  g_assert_true (json_parser_load_from_file (parser, TEST_DATA_DIR "/s3-sigv4/cases.json", &error));
  g_assert_no_error (error);
  suite = json_node_get_object (json_parser_get_root (parser));
  cases = json_object_get_array_member (suite, "cases");
  g_assert_cmpuint (json_array_get_length (cases), ==, 11);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (cases, i), "name");
      g_autofree char *stages = g_strdup_printf ("/s3-sigv4/stages/%s", name);
      g_autofree char *client = g_strdup_printf ("/s3-sigv4/client/%s", name);

      g_test_add_data_func (stages, name, test_stages);
      g_test_add_data_func (client, name, test_client);
    }
  g_test_add_func ("/s3-sigv4/client/file-body-precomputed-hash", test_file_body_hash);

  return g_test_run ();
}
