/* amigo-request.c — one HTTP request to an AWS service, before signing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-request.h"

/**
 * AmigoRequest:
 *
 * What a protocol serializer makes and the client signs and sends: method,
 * path (percent-encoded, as sent; the endpoint's own path goes before it),
 * query parameters, headers, a body with its content type, the signing
 * service and region, the payload-hash mode and the protocol's reading of
 * error answers. Reference counted; not changed once handed to the client.
 */
struct _AmigoRequest
{
  char *method;
  char *path;
  GPtrArray *query;             /* name, value (nullable), name, value… */
  GPtrArray *headers;           /* name, value, … */
  GBytes *body;
  char *content_type;
  char *service;
  char *region;
  char *action;
  AmigoPayloadHash payload_hash;
  gboolean uri_encode_once;
  gboolean unsigned_request;
  AmigoErrorParser error_parser;
  char *body_path;              /* a body streamed from a file region */
  guint64 body_offset;
  guint64 body_length;
  char *payload_sha256;         /* precomputed hash, or UNSIGNED-PAYLOAD */
  AmigoRequestBodyProgress body_progress;
  gpointer body_progress_data;
};

G_DEFINE_BOXED_TYPE (AmigoRequest, amigo_request, amigo_request_ref, amigo_request_unref)

static void
request_free (gpointer data)
{
  AmigoRequest *self = data;

  g_free (self->method);
  g_free (self->path);
  g_ptr_array_unref (self->query);
  g_ptr_array_unref (self->headers);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->content_type);
  g_free (self->service);
  g_free (self->region);
  g_free (self->action);
  g_free (self->body_path);
  g_free (self->payload_sha256);
}

/**
 * amigo_error_parts_clear:
 * @parts: parts to empty
 */
void
amigo_error_parts_clear (AmigoErrorParts *parts)
{
  g_clear_pointer (&parts->code, g_free);
  g_clear_pointer (&parts->message, g_free);
  g_clear_pointer (&parts->request_id, g_free);
}

/**
 * amigo_request_new:
 * @method: `GET`, `POST`, …
 * @path: the path as sent (percent-encoded), starting with `/`
 *
 * Returns: (transfer full): a request without query, headers or body
 */
AmigoRequest *
amigo_request_new (const char *method,
                   const char *path)
{
  AmigoRequest *self = g_atomic_rc_box_new0 (AmigoRequest);

  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->query = g_ptr_array_new_with_free_func (g_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/* The Action of a query body, for logs (bodies themselves are never logged:
 * UserData may hold secrets). */
static char *
action_from_form (const char *form_body)
{
  const char *p = form_body;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '&');
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (len > 7 && strncmp (p, "Action=", 7) == 0)
        {
          g_autofree char *raw = g_strndup (p + 7, len - 7);
          char *decoded = g_uri_unescape_string (raw, NULL);
          return decoded ? decoded : g_strdup ("?");
        }
      p = end ? end + 1 : NULL;
    }
  return g_strdup ("?");
}

/**
 * amigo_request_new_form:
 * @service: the signing service: `ec2`, `sts`, …
 * @region: the signing region (never derived from the endpoint)
 * @form_body: the encoded body, `Action=…&Version=…&…`
 *   (amigo_ec2_query_encode()); copied
 *
 * A query-protocol request (EC2's form bodies): a POST of @form_body to
 * the endpoint's path, named by its Action. Its error answers are read as
 * AWS's XML or JSON error documents, whichever they are.
 *
 * Returns: (transfer full): the request, for amigo_client_send_async()
 */
AmigoRequest *
amigo_request_new_form (const char *service,
                        const char *region,
                        const char *form_body)
{
  AmigoRequest *self;

  g_return_val_if_fail (service != NULL && region != NULL && form_body != NULL, NULL);

  self = amigo_request_new ("POST", "/");
  amigo_request_take_body_string (self, g_strdup (form_body),
                                  "application/x-www-form-urlencoded; charset=utf-8");
  amigo_request_set_signing (self, service, region);
  self->action = action_from_form (form_body);
  return self;
}

/**
 * amigo_request_ref:
 * @self: a request
 *
 * Returns: (transfer full): @self
 */
AmigoRequest *
amigo_request_ref (AmigoRequest *self)
{
  return g_atomic_rc_box_acquire (self);
}

/**
 * amigo_request_unref:
 * @self: (transfer full): a request
 */
void
amigo_request_unref (AmigoRequest *self)
{
  g_atomic_rc_box_release_full (self, request_free);
}

/**
 * amigo_request_set_path:
 * @self: a request
 * @path: the path as sent (percent-encoded)
 */
void
amigo_request_set_path (AmigoRequest *self,
                        const char   *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
}

/**
 * amigo_request_add_query:
 * @self: a request
 * @name: a parameter name, not encoded
 * @value: (nullable): its value, not encoded; %NULL for a bare name
 */
void
amigo_request_add_query (AmigoRequest *self,
                         const char   *name,
                         const char   *value)
{
  g_ptr_array_add (self->query, g_strdup (name));
  g_ptr_array_add (self->query, g_strdup (value));
}

/**
 * amigo_request_add_header:
 * @self: a request
 * @name: a header name
 * @value: its value
 */
void
amigo_request_add_header (AmigoRequest *self,
                          const char   *name,
                          const char   *value)
{
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

/**
 * amigo_request_set_body:
 * @self: a request
 * @body: (nullable): the body (a reference is taken)
 * @content_type: (nullable): its `Content-Type`
 */
void
amigo_request_set_body (AmigoRequest *self,
                        GBytes       *body,
                        const char   *content_type)
{
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body ? g_bytes_ref (body) : NULL;
  g_free (self->content_type);
  self->content_type = g_strdup (content_type);
}

/**
 * amigo_request_take_body_string:
 * @self: a request
 * @body: (transfer full): the body text
 * @content_type: (nullable): its `Content-Type`
 */
void
amigo_request_take_body_string (AmigoRequest *self,
                                char         *body,
                                const char   *content_type)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (body, strlen (body));

  amigo_request_set_body (self, bytes, content_type);
}

/**
 * amigo_request_set_signing:
 * @self: a request
 * @service: the signing name, e.g. `sts`
 * @region: the signing region
 */
void
amigo_request_set_signing (AmigoRequest *self,
                           const char   *service,
                           const char   *region)
{
  g_free (self->service);
  self->service = g_strdup (service);
  g_free (self->region);
  self->region = g_strdup (region);
}

/**
 * amigo_request_set_payload_hash:
 * @self: a request
 * @mode: whether `x-amz-content-sha256` is sent
 */
void
amigo_request_set_payload_hash (AmigoRequest     *self,
                                AmigoPayloadHash  mode)
{
  self->payload_hash = mode;
}

/**
 * amigo_request_set_uri_encode_once:
 * @self: a request
 * @once: %TRUE for S3: the canonical path is encoded once and never
 *   normalized; otherwise it is normalized and encoded twice
 */
void
amigo_request_set_uri_encode_once (AmigoRequest *self,
                                   gboolean      once)
{
  self->uri_encode_once = once;
}

/**
 * amigo_request_set_unsigned:
 * @self: a request
 * @unsigned_request: %TRUE to send it without a signature nor credentials
 *   (STS AssumeRoleWithWebIdentity: the token is the proof)
 */
void
amigo_request_set_unsigned (AmigoRequest *self,
                            gboolean      unsigned_request)
{
  self->unsigned_request = unsigned_request;
}

/**
 * amigo_request_get_unsigned:
 * @self: a request
 *
 * Returns: whether the request goes without a signature
 */
gboolean
amigo_request_get_unsigned (const AmigoRequest *self)
{
  return self->unsigned_request;
}

/**
 * amigo_request_set_error_parser:
 * @self: a request
 * @parser: (nullable): how the protocol reads an error answer; %NULL
 *   guesses between AWS's XML and JSON error documents
 */
void
amigo_request_set_error_parser (AmigoRequest     *self,
                                AmigoErrorParser  parser)
{
  self->error_parser = parser;
}

/**
 * amigo_request_set_action:
 * @self: a request
 * @action: the operation's name, for logs
 */
void
amigo_request_set_action (AmigoRequest *self,
                          const char   *action)
{
  g_free (self->action);
  self->action = g_strdup (action);
}

/**
 * amigo_request_get_method:
 * @self: a request
 *
 * Returns: (transfer none): the HTTP method
 */
const char *
amigo_request_get_method (const AmigoRequest *self)
{
  return self->method;
}

/**
 * amigo_request_get_path:
 * @self: a request
 *
 * Returns: (transfer none): the path as sent (percent-encoded)
 */
const char *
amigo_request_get_path (const AmigoRequest *self)
{
  return self->path;
}

/**
 * amigo_request_uri_encode:
 * @s: text
 * @keep_slash: leave `/` as it is
 *
 * Percent-encodes all but the unreserved characters (RFC 3986), as AWS
 * expects in paths and query strings.
 *
 * Returns: (transfer full): the encoded text
 */
char *
amigo_request_uri_encode (const char *s,
                          gboolean    keep_slash)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~' ||
          (keep_slash && *p == '/'))
        g_string_append_c (out, (char) *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * amigo_request_dup_query_string:
 * @self: a request
 *
 * Returns: (transfer full) (nullable): the encoded query string without
 *   `?`, or %NULL when there is none
 */
char *
amigo_request_dup_query_string (const AmigoRequest *self)
{
  GString *out;

  if (self->query->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i + 1 < self->query->len; i += 2)
    {
      g_autofree char *name = amigo_request_uri_encode (g_ptr_array_index (self->query, i), FALSE);
      const char *value = g_ptr_array_index (self->query, i + 1);

      if (out->len > 0)
        g_string_append_c (out, '&');
      g_string_append (out, name);
      if (value != NULL)
        {
          g_autofree char *encoded = amigo_request_uri_encode (value, FALSE);
          g_string_append_printf (out, "=%s", encoded);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * amigo_request_get_n_headers:
 * @self: a request
 *
 * Returns: how many headers the request adds (besides Host, Content-Type and the signature's)
 */
guint
amigo_request_get_n_headers (const AmigoRequest *self)
{
  return self->headers->len / 2;
}

/**
 * amigo_request_get_header_name:
 * @self: a request
 * @i: an index below amigo_request_get_n_headers()
 *
 * Returns: (transfer none): the name of header @i
 */
const char *
amigo_request_get_header_name (const AmigoRequest *self,
                               guint               i)
{
  return g_ptr_array_index (self->headers, 2 * i);
}

/**
 * amigo_request_get_header_value:
 * @self: a request
 * @i: an index below amigo_request_get_n_headers()
 *
 * Returns: (transfer none): the value of header @i
 */
const char *
amigo_request_get_header_value (const AmigoRequest *self,
                                guint               i)
{
  return g_ptr_array_index (self->headers, 2 * i + 1);
}

/**
 * amigo_request_get_header:
 * @self: a request
 * @name: a header name, any case
 *
 * Returns: (nullable): the first value of @name
 */
const char *
amigo_request_get_header (const AmigoRequest *self,
                          const char         *name)
{
  for (guint i = 0; i < amigo_request_get_n_headers (self); i++)
    if (g_ascii_strcasecmp (amigo_request_get_header_name (self, i), name) == 0)
      return amigo_request_get_header_value (self, i);
  return NULL;
}

/**
 * amigo_request_get_body:
 * @self: a request
 *
 * Returns: (transfer none) (nullable): the body
 */
GBytes *
amigo_request_get_body (const AmigoRequest *self)
{
  return self->body;
}

/**
 * amigo_request_get_content_type:
 * @self: a request
 *
 * Returns: (transfer none) (nullable): the body's content type
 */
const char *
amigo_request_get_content_type (const AmigoRequest *self)
{
  return self->content_type;
}

/**
 * amigo_request_get_service:
 * @self: a request
 *
 * Returns: (transfer none) (nullable): the signing service
 */
const char *
amigo_request_get_service (const AmigoRequest *self)
{
  return self->service;
}

/**
 * amigo_request_get_region:
 * @self: a request
 *
 * Returns: (transfer none) (nullable): the signing region
 */
const char *
amigo_request_get_region (const AmigoRequest *self)
{
  return self->region;
}

/**
 * amigo_request_get_payload_hash:
 * @self: a request
 *
 * Returns: whether `x-amz-content-sha256` is sent
 */
AmigoPayloadHash
amigo_request_get_payload_hash (const AmigoRequest *self)
{
  return self->payload_hash;
}

/**
 * amigo_request_get_uri_encode_once:
 * @self: a request
 *
 * Returns: whether the path is signed as S3 wants it
 */
gboolean
amigo_request_get_uri_encode_once (const AmigoRequest *self)
{
  return self->uri_encode_once;
}

/**
 * amigo_request_get_error_parser:
 * @self: a request
 *
 * Returns: (nullable): how the protocol reads an error answer
 */
AmigoErrorParser
amigo_request_get_error_parser (const AmigoRequest *self)
{
  return self->error_parser;
}

/**
 * amigo_request_get_action:
 * @self: a request
 *
 * Returns: (transfer none) (nullable): the operation's name, for logs
 */
const char *
amigo_request_get_action (const AmigoRequest *self)
{
  return self->action;
}

/**
 * amigo_request_set_body_file:
 * @self: a request
 * @path: a local file
 * @offset: where the body starts in it
 * @length: the body's length
 * @content_type: (nullable): its `Content-Type`
 *
 * The body is bytes [@offset, @offset + @length) of @path, read while it
 * is sent (and again for each attempt), never held in memory. Replaces a
 * body set with amigo_request_set_body(). Signing cannot hash such a body:
 * give its hash with amigo_request_set_payload_sha256().
 */
void
amigo_request_set_body_file (AmigoRequest *self,
                             const char   *path,
                             guint64       offset,
                             guint64       length,
                             const char   *content_type)
{
  g_return_if_fail (self != NULL && path != NULL);

  amigo_request_set_body (self, NULL, content_type);
  g_free (self->body_path);
  self->body_path = g_strdup (path);
  self->body_offset = offset;
  self->body_length = length;
}

/**
 * amigo_request_get_body_file:
 * @self: a request
 * @offset: (out) (optional): where the body starts
 * @length: (out) (optional): its length
 *
 * Returns: (nullable): the file the body is read from, or %NULL
 */
const char *
amigo_request_get_body_file (const AmigoRequest *self,
                             guint64            *offset,
                             guint64            *length)
{
  if (offset != NULL)
    *offset = self->body_offset;
  if (length != NULL)
    *length = self->body_length;
  return self->body_path;
}

/**
 * amigo_request_set_body_progress:
 * @self: a request
 * @func: (nullable): told how much of a file body each attempt has sent
 * @user_data: its data (must outlive the request's calls)
 */
void
amigo_request_set_body_progress (AmigoRequest             *self,
                                 AmigoRequestBodyProgress  func,
                                 gpointer                  user_data)
{
  self->body_progress = func;
  self->body_progress_data = user_data;
}

/**
 * amigo_request_get_body_progress:
 * @self: a request
 * @user_data: (out): its data
 *
 * Returns: (nullable): the function amigo_request_set_body_progress() set
 */
AmigoRequestBodyProgress
amigo_request_get_body_progress (const AmigoRequest *self,
                                 gpointer           *user_data)
{
  *user_data = self->body_progress_data;
  return self->body_progress;
}

/**
 * amigo_request_set_payload_sha256:
 * @self: a request
 * @hash: (nullable): the body's SHA-256 in lower-case hex, or
 *   `UNSIGNED-PAYLOAD`; %NULL: signing hashes the body itself
 *
 * With %AMIGO_PAYLOAD_HASH_SIGNED, what `x-amz-content-sha256` carries.
 */
void
amigo_request_set_payload_sha256 (AmigoRequest *self,
                                  const char   *hash)
{
  g_free (self->payload_sha256);
  self->payload_sha256 = g_strdup (hash);
}

/**
 * amigo_request_get_payload_sha256:
 * @self: a request
 *
 * Returns: (nullable): the hash amigo_request_set_payload_sha256() set
 */
const char *
amigo_request_get_payload_sha256 (const AmigoRequest *self)
{
  return self->payload_sha256;
}
