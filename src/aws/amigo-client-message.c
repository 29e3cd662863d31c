/* amigo-client-message.c — an AmigoRequest made into a signed SoupMessage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the request goes (the endpoint's scheme, host and port, its path
 * before the request's), and its SigV4 signature in header mode. A pure
 * step of the client: the credentials and the (corrected) time are given.
 *
 * And what a log may show of a message's headers.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-client-private.h"
#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "amigo-file-range-stream.h"
#include "amigo-sigv4.h"

static gboolean
name_is_safe (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_' && *s != '.')
      return FALSE;
  return TRUE;
}

/* The endpoint's path goes before the request's: "/custom" and "/" post
 * to "/custom/". Returns the path as sent (encoded) and as signed (raw). */
static void
join_paths (const char  *endpoint_path,
            const char  *request_path,
            char       **sent,
            char       **raw)
{
  g_autofree char *base = g_strdup (endpoint_path);
  g_autofree char *raw_request = g_uri_unescape_string (request_path, NULL);
  gsize len = strlen (base);

  if (len > 0 && base[len - 1] == '/')
    base[len - 1] = '\0';
  *sent = g_strconcat (base, request_path, NULL);
  *raw = g_strconcat (base, raw_request ? raw_request : request_path, NULL);
}

SoupMessage *
_amigo_client_build_message (AmigoCredentials   *credentials,
                             AmigoRequest       *request,
                             const char         *endpoint_url,
                             gboolean            allow_plain_http,
                             gint64              timestamp,
                             GError            **error)
{
  const char *service = amigo_request_get_service (request);
  const char *region = amigo_request_get_region (request);
  const char *method = amigo_request_get_method (request);
  const char *content_type = amigo_request_get_content_type (request);
  GBytes *body = amigo_request_get_body (request);
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(AmigoSigV4Request) req = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *default_url = NULL;
  g_autofree char *sent_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *host_header = NULL;
  AmigoSigV4Params params = { 0 };
  const char *scheme;
  const char *host;
  SoupMessageHeaders *headers;
  int port;
  gsize body_len = 0;
  const guint8 *body_data = NULL;

  if (!name_is_safe (service) || !name_is_safe (region))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot call the AWS service “%s” in the region “%s”: the name is not valid."),
                   service ? service : "", region ? region : "");
      return NULL;
    }

  if (endpoint_url == NULL)
    endpoint_url = default_url = amigo_client_default_endpoint (service, region);

  parsed = g_uri_parse (endpoint_url, G_URI_FLAGS_SCHEME_NORMALIZE, &local_error);
  scheme = parsed ? g_uri_get_scheme (parsed) : NULL;
  host = parsed ? g_uri_get_host (parsed) : NULL;
  if (parsed == NULL || host == NULL || *host == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The endpoint address “%s” is not usable: it must look like "
                   "https://ec2.eu-west-1.amazonaws.com."), endpoint_url);
      return NULL;
    }

  /* Unencrypted only to this machine, unless the account opted in. */
  if (g_str_equal (scheme, "http") && !allow_plain_http && !amigo_endpoint_host_is_loopback (host))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The endpoint “%s” is not encrypted (http://) and is not on this "
                   "computer: Amigo does not send signed requests there. Use https://, "
                   "or allow unencrypted endpoints for this account."), host);
      return NULL;
    }

  join_paths (g_uri_get_path (parsed), amigo_request_get_path (request), &sent_path, &raw_path);
  query = amigo_request_dup_query_string (request);

  port = g_uri_get_port (parsed);
  if (strchr (host, ':') != NULL)
    host_header = g_strdup_printf ("[%s]", host);
  else
    host_header = g_strdup (host);
  if (port != -1 && port != (g_str_equal (scheme, "https") ? 443 : 80))
    {
      char *with_port = g_strdup_printf ("%s:%d", host_header, port);
      g_free (host_header);
      host_header = with_port;
    }

  uri = g_strconcat (scheme, "://", host_header, sent_path, query ? "?" : "", query, NULL);
  msg = soup_message_new (method, uri);
  if (msg == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot send a request to “%s”: the address is not valid."), uri);
      return NULL;
    }
  /* libsoup opens a new connection for every POST unless it may be sent
   * again; every call Amigo makes may (reads, ClientToken, or CreateImage's
   * duplicate-name recovery), and a resend is a new attempt (restarted_cb).
   * No redirect is followed: a SigV4 request never needs one, and a 3xx
   * answer is an error that names where it pointed (send_cb). */
  soup_message_set_flags (msg, SOUP_MESSAGE_IDEMPOTENT | SOUP_MESSAGE_NO_REDIRECT);

  if (body != NULL)
    body_data = g_bytes_get_data (body, &body_len);
  req = amigo_sigv4_request_new (method, raw_path, query);
  amigo_sigv4_request_add_header (req, "Host", host_header);
  if (content_type != NULL)
    amigo_sigv4_request_add_header (req, "Content-Type", content_type);
  for (guint i = 0; i < amigo_request_get_n_headers (request); i++)
    amigo_sigv4_request_add_header (req, amigo_request_get_header_name (request, i),
                                    amigo_request_get_header_value (request, i));
  amigo_sigv4_request_set_body (req, body_data, body_len);

  params.credentials = credentials;
  params.region = region;
  params.service = service;
  params.timestamp = timestamp;
  params.normalize_path = !amigo_request_get_uri_encode_once (request);
  params.double_encode_path = !amigo_request_get_uri_encode_once (request);
  params.sign_body = amigo_request_get_payload_hash (request) == AMIGO_PAYLOAD_HASH_SIGNED;
  params.omit_session_token = FALSE;
  params.payload_hash = amigo_request_get_payload_sha256 (request);
  /* Without credentials (an unsigned operation), the headers as they are. */
  if (credentials != NULL && !amigo_sigv4_sign (req, &params, AMIGO_SIGV4_MODE_HEADER, error))
    return NULL;

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  else if (amigo_request_get_body_file (request, NULL, NULL) != NULL)
    {
      guint64 offset, length;
      const char *path = amigo_request_get_body_file (request, &offset, &length);
      g_autoptr(GInputStream) stream = amigo_file_range_stream_new (path, offset, length, error);
      gpointer progress_data;
      AmigoRequestBodyProgress progress = amigo_request_get_body_progress (request, &progress_data);

      if (stream == NULL)
        return NULL;
      if (progress != NULL)
        amigo_file_range_stream_set_progress (AMIGO_FILE_RANGE_STREAM (stream),
                                              (AmigoFileRangeProgress) progress, progress_data);
      soup_message_set_request_body (msg, content_type, stream, (gssize) length);
    }
  headers = soup_message_get_request_headers (msg);
  for (guint i = 0; i < amigo_sigv4_request_get_n_headers (req); i++)
    soup_message_headers_replace (headers,
                                  amigo_sigv4_request_get_header_name (req, i),
                                  amigo_sigv4_request_get_header_value (req, i));

  return g_steal_pointer (&msg);
}

/* ---- endpoints and tokens ------------------------------------------- */

/**
 * amigo_client_default_endpoint:
 * @service: e.g. `ec2`
 * @region: e.g. `eu-west-1`
 *
 * The plain regional endpoint, for when the caller has nothing better:
 * `https://ec2.eu-west-1.amazonaws.com` (`.amazonaws.com.cn` in China).
 * amigo-endpoint knows the partitions and overrides.
 *
 * Returns: (transfer full): the URL
 */
char *
amigo_client_default_endpoint (const char *service,
                               const char *region)
{
  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  return g_strdup_printf ("https://%s.%s.amazonaws.com%s", service, region,
                          g_str_has_prefix (region, "cn-") ? ".cn" : "");
}

/**
 * amigo_client_token_new:
 *
 * A fresh idempotency token (`ClientToken`), a random UUID. Make one per
 * user action, not per call: retries of the same body then carry the same
 * token, and so does a "try again" of the same action.
 *
 * Returns: (transfer full): the token
 */
char *
amigo_client_token_new (void)
{
  return g_uuid_string_random ();
}

/* ---- what a log may show ------------------------------------------- */

/**
 * amigo_client_redact_header_value:
 * @name: a header name
 * @value: its value
 *
 * What a log may show of a header: `Authorization`, `X-Amz-Security-Token`,
 * cookies and anything named like a token, secret, signature, password or
 * credential become `[redacted]`.
 *
 * Returns: (transfer full): the value to log
 */
char *
amigo_client_redact_header_value (const char *name,
                                  const char *value)
{
  static const char * const sensitive_names[] = {
    "authorization", "proxy-authorization", "cookie", "set-cookie", NULL
  };
  static const char * const sensitive_parts[] = {
    "token", "secret", "signature", "password", "credential", NULL
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  lower = g_ascii_strdown (name, -1);
  if (g_strv_contains (sensitive_names, lower))
    return g_strdup ("[redacted]");
  for (guint i = 0; sensitive_parts[i] != NULL; i++)
    if (strstr (lower, sensitive_parts[i]) != NULL)
      return g_strdup ("[redacted]");
  return g_strdup (value);
}

/**
 * amigo_client_format_headers_redacted:
 * @headers: request or response headers
 *
 * Returns: (transfer full): `Name: value` lines, with
 *   amigo_client_redact_header_value() applied, for debug logs
 */
char *
amigo_client_format_headers_redacted (SoupMessageHeaders *headers)
{
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (headers != NULL, NULL);

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *shown = amigo_client_redact_header_value (name, value);
      g_string_append_printf (out, "  %s: %s\n", name, shown);
    }
  return g_string_free (out, FALSE);
}
