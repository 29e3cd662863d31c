/* amigo-sigv4.c — AWS Signature Version 4
 *
 * Each stage (canonical request, string to sign, signing key, signature) is
 * its own function so the tests can check it byte for byte against AWS's
 * suites. Nothing here does I/O or reads the clock: time, credentials,
 * region and service all come in through AmigoSigV4Params.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "amigo-error.h"
#include "amigo-sigv4.h"

#define SHA256_LEN 32
#define MAX_EXPIRES 604800 /* seven days, the most AWS accepts */

typedef struct
{
  char *name;
  char *value;
} Header;

/* A query parameter, kept percent-encoded the canonical way. */
typedef struct
{
  char *key;
  char *value;
} Param;

struct _AmigoSigV4Request
{
  char *method;
  char *path;
  GPtrArray *headers;   /* (element-type Header) in the order added */
  GPtrArray *params;    /* (element-type Param) in the order given */
  guint8 *body;
  gsize body_len;
  char *query;          /* what amigo_sigv4_request_get_query() returns */
};

/* Everything one signing computes, so sign() and the stage functions share
 * one code path. */
typedef struct
{
  char *amz_date;            /* 20150830T123600Z */
  char *scope;               /* 20150830/us-east-1/service/aws4_request */
  char *payload_hash;
  char *signed_headers;      /* host;x-amz-date */
  GPtrArray *presign_params; /* (element-type Param) X-Amz-* of query mode, sent order */
  char *canonical_request;
} Signing;

/* Query parameters that query-mode signing owns: a stale copy in the
 * request (a URL presigned before) is dropped, not signed. */
static const char * const presign_names[] = {
  "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
  "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature",
};

/* Headers never signed: the signature itself, and those that proxies and
 * HTTP stacks add, drop or rewrite on the way (botocore and aws-c-auth
 * leave the same ones out). */
static const char * const unsigned_headers[] = {
  "authorization", "connection", "expect", "proxy-authorization",
  "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
};

static void
header_free (gpointer data)
{
  Header *h = data;

  g_free (h->name);
  /* Values carry the session token and the signature. */
  amigo_secure_free_string (h->value);
  g_free (h);
}

static Header *
header_new (const char *name,
            const char *value)
{
  Header *h = g_new0 (Header, 1);

  h->name = g_strdup (name);
  h->value = g_strdup (value);
  return h;
}

static void
param_free (gpointer data)
{
  Param *p = data;

  g_free (p->key);
  amigo_secure_free_string (p->value);
  g_free (p);
}

static Param *
param_new_take (char *key,
                char *value)
{
  Param *p = g_new0 (Param, 1);

  p->key = key;
  p->value = value;
  return p;
}

static void
signing_clear (Signing *s)
{
  g_clear_pointer (&s->amz_date, g_free);
  g_clear_pointer (&s->scope, g_free);
  g_clear_pointer (&s->payload_hash, g_free);
  g_clear_pointer (&s->signed_headers, g_free);
  g_clear_pointer (&s->presign_params, g_ptr_array_unref);
  g_clear_pointer (&s->canonical_request, amigo_secure_free_string);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signing, signing_clear)

static gboolean
sha256 (const guint8 *data,
        gsize         len,
        guint8        out[SHA256_LEN])
{
  unsigned int out_len = 0;

  if (EVP_Digest (data, len, out, &out_len, EVP_sha256 (), NULL) != 1)
    return FALSE;
  return out_len == SHA256_LEN;
}

static char *
hex_encode (const guint8 *data,
            gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *out = g_malloc (len * 2 + 1);

  for (gsize i = 0; i < len; i++)
    {
      out[2 * i] = digits[data[i] >> 4];
      out[2 * i + 1] = digits[data[i] & 0xf];
    }
  out[len * 2] = '\0';
  return out;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Decodes %XX escapes; a '%' not followed by two hex digits stays a literal
 * '%' (it is re-encoded as %25). '+' stays '+'. The result may hold NULs. */
static GString *
percent_decode (const char *s,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '%' && i + 2 < len)
        {
          int hi = hex_value (s[i + 1]);
          int lo = hex_value (s[i + 2]);

          if (hi >= 0 && lo >= 0)
            {
              g_string_append_c (out, (char) (hi << 4 | lo));
              i += 2;
              continue;
            }
        }
      g_string_append_c (out, s[i]);
    }
  return out;
}

static char *
canonical_encode (const char *s,
                  gsize       len)
{
  g_autoptr(GString) decoded = percent_decode (s, len);
  char *encoded = amigo_sigv4_uri_encode (decoded->str, decoded->len, FALSE);

  amigo_secure_wipe (decoded->str, decoded->len);
  return encoded;
}

static gboolean
is_presign_name (const char *encoded_key)
{
  for (guint i = 0; i < G_N_ELEMENTS (presign_names); i++)
    if (strcmp (encoded_key, presign_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_unsigned_header (const char *lname)
{
  for (guint i = 0; i < G_N_ELEMENTS (unsigned_headers); i++)
    if (strcmp (lname, unsigned_headers[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_params (GString   *out,
               GPtrArray *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      const Param *p = g_ptr_array_index (params, i);

      if (out->len > 0)
        g_string_append_c (out, '&');
      g_string_append_printf (out, "%s=%s", p->key, p->value);
    }
}

static void
request_set_query (AmigoSigV4Request *req,
                   GPtrArray         *extra)
{
  GString *out = g_string_new (NULL);

  append_params (out, req->params);
  if (extra != NULL)
    append_params (out, extra);
  amigo_secure_free_string (req->query);
  req->query = g_string_free (out, FALSE);
}

/* Trims the value and turns every run of whitespace, obsolete line folding
 * (CRLF or LF followed by spaces) included, into one space. Quotes get no
 * special treatment: the suites collapse inside them too. */
static void
append_canonical_value (GString    *out,
                        const char *value)
{
  gboolean pending_space = FALSE;
  gboolean started = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = started;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      pending_space = FALSE;
      started = TRUE;
    }
}

static int
compare_headers (gconstpointer a,
                 gconstpointer b)
{
  const Header *ha = *(const Header * const *) a;
  const Header *hb = *(const Header * const *) b;

  return strcmp (ha->name, hb->name);
}

static int
compare_params (gconstpointer a,
                gconstpointer b)
{
  const Param *pa = *(const Param * const *) a;
  const Param *pb = *(const Param * const *) b;
  int c = strcmp (pa->key, pb->key);

  return c != 0 ? c : strcmp (pa->value, pb->value);
}

/* RFC 3986 §5.2.4 dot-segment removal, plus the collapsing of empty
 * segments that AWS asks for; a trailing '/' is kept, as botocore does. */
static char *
normalize_path (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *out = g_string_new ("/");
  gsize len = strlen (path);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *seg = segments[i];

      if (*seg == '\0' || strcmp (seg, ".") == 0)
        continue;
      if (strcmp (seg, "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, (gpointer) seg);
    }
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (kept, i));
    }
  if (kept->len > 0 && len > 0 && path[len - 1] == '/')
    g_string_append_c (out, '/');
  return g_string_free (out, FALSE);
}

static char *
canonical_uri (const char             *path,
               const AmigoSigV4Params *params)
{
  g_autofree char *normalized = NULL;
  g_autofree char *once = NULL;

  if (*path == '\0')
    path = "/";
  if (params->normalize_path)
    path = normalized = normalize_path (path);
  once = amigo_sigv4_uri_encode (path, -1, TRUE);
  if (params->double_encode_path)
    return amigo_sigv4_uri_encode (once, -1, TRUE);
  return g_steal_pointer (&once);
}

static gboolean
contains_char (const char *s,
               char        c)
{
  return s != NULL && strchr (s, c) != NULL;
}

static gboolean
check_params (const AmigoSigV4Params  *params,
              AmigoSigV4Mode           mode,
              GError                 **error)
{
  const char *key_id;
  const char *secret;

  if (params->credentials == NULL)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                           _("Cannot sign the request: no credentials were given. "
                             "Add an access key to the account."));
      return FALSE;
    }
  key_id = amigo_credentials_get_access_key_id (params->credentials);
  secret = amigo_credentials_get_secret_access_key (params->credentials);
  if (key_id == NULL || *key_id == '\0' || secret == NULL || *secret == '\0')
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                           _("Cannot sign the request: the access key id or the secret "
                             "access key is empty. Enter both for the account."));
      return FALSE;
    }
  /* A '/' would change the meaning of the credential scope. */
  if (params->region == NULL || *params->region == '\0' || contains_char (params->region, '/') ||
      params->service == NULL || *params->service == '\0' || contains_char (params->service, '/') ||
      contains_char (key_id, '/'))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot sign the request: the region “%s”, service “%s” or "
                     "access key id is empty or not valid. Choose a region and check the account."),
                   params->region ? params->region : "",
                   params->service ? params->service : "");
      return FALSE;
    }
  if (mode == AMIGO_SIGV4_MODE_QUERY &&
      (params->expires == 0 || params->expires > MAX_EXPIRES))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot presign the request: it must expire after 1 to %u seconds, not %u."),
                   MAX_EXPIRES, params->expires);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scope_init (Signing                 *s,
            const AmigoSigV4Params  *params,
            GError                 **error)
{
  s->amz_date = amigo_sigv4_format_amz_date (params->timestamp);
  if (s->amz_date == NULL)
    {
      g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, params->timestamp);

      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot sign the request: the time %s (Unix seconds) is out of range. "
                     "Check the system clock."), when);
      return FALSE;
    }
  s->scope = g_strdup_printf ("%.8s/%s/%s/aws4_request", s->amz_date,
                              params->region, params->service);
  return TRUE;
}

static GError *
crypto_error (void)
{
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED,
                              _("Cannot sign the request: OpenSSL could not compute "
                                "SHA-256 or HMAC-SHA256. Check the OpenSSL installation."));
}

/* Builds the canonical request of @req as signing in @mode would sign it. */
static gboolean
signing_prepare (Signing                 *s,
                 const AmigoSigV4Request *req,
                 const AmigoSigV4Params  *params,
                 AmigoSigV4Mode           mode,
                 GError                 **error)
{
  const char *token;
  gboolean sign_token;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (header_free);
  g_autoptr(GPtrArray) params_sorted = g_ptr_array_new ();
  g_autoptr(GString) signed_headers = g_string_new (NULL);
  g_autofree char *uri = NULL;
  GString *creq;

  if (!check_params (params, mode, error) || !scope_init (s, params, error))
    return FALSE;

  token = amigo_credentials_get_session_token (params->credentials);
  sign_token = token != NULL && !params->omit_session_token;

  if (params->sign_body && params->payload_hash != NULL)
    s->payload_hash = g_strdup (params->payload_hash);
  else
    s->payload_hash = amigo_sigv4_sha256_hex (req->body, req->body_len);
  if (s->payload_hash == NULL)
    {
      g_propagate_error (error, crypto_error ());
      return FALSE;
    }

  /* Headers: lower-case names; the ones header-mode signing sets replace
   * any copy already in the request. */
  for (guint i = 0; i < req->headers->len; i++)
    {
      const Header *h = g_ptr_array_index (req->headers, i);
      g_autofree char *lname = g_strstrip (g_ascii_strdown (h->name, -1));

      if (is_unsigned_header (lname))
        continue;
      if (mode == AMIGO_SIGV4_MODE_HEADER &&
          (strcmp (lname, "x-amz-date") == 0 ||
           (token != NULL && strcmp (lname, "x-amz-security-token") == 0) ||
           (params->sign_body && strcmp (lname, "x-amz-content-sha256") == 0)))
        continue;
      g_ptr_array_add (headers, header_new (lname, h->value));
    }
  if (mode == AMIGO_SIGV4_MODE_HEADER)
    {
      g_ptr_array_add (headers, header_new ("x-amz-date", s->amz_date));
      if (sign_token)
        g_ptr_array_add (headers, header_new ("x-amz-security-token", token));
      if (params->sign_body)
        g_ptr_array_add (headers, header_new ("x-amz-content-sha256", s->payload_hash));
    }
  /* Stable: repeated headers keep their order when joined with ','. */
  g_ptr_array_sort (headers, compare_headers);

  for (guint i = 0; i < headers->len; i++)
    {
      const Header *h = g_ptr_array_index (headers, i);

      if (i > 0 && strcmp (h->name, ((Header *) g_ptr_array_index (headers, i - 1))->name) == 0)
        continue;
      if (signed_headers->len > 0)
        g_string_append_c (signed_headers, ';');
      g_string_append (signed_headers, h->name);
    }
  s->signed_headers = g_strdup (signed_headers->str);

  if (mode == AMIGO_SIGV4_MODE_QUERY)
    {
      g_autofree char *credential = g_strdup_printf ("%s/%s",
                                                     amigo_credentials_get_access_key_id (params->credentials),
                                                     s->scope);

      s->presign_params = g_ptr_array_new_with_free_func (param_free);
      g_ptr_array_add (s->presign_params,
                       param_new_take (g_strdup ("X-Amz-Algorithm"), g_strdup (AMIGO_SIGV4_ALGORITHM)));
      g_ptr_array_add (s->presign_params,
                       param_new_take (g_strdup ("X-Amz-Credential"),
                                       amigo_sigv4_uri_encode (credential, -1, FALSE)));
      g_ptr_array_add (s->presign_params,
                       param_new_take (g_strdup ("X-Amz-Date"), g_strdup (s->amz_date)));
      g_ptr_array_add (s->presign_params,
                       param_new_take (g_strdup ("X-Amz-Expires"),
                                       g_strdup_printf ("%u", params->expires)));
      g_ptr_array_add (s->presign_params,
                       param_new_take (g_strdup ("X-Amz-SignedHeaders"),
                                       amigo_sigv4_uri_encode (s->signed_headers, -1, FALSE)));
      if (sign_token)
        g_ptr_array_add (s->presign_params,
                         param_new_take (g_strdup ("X-Amz-Security-Token"),
                                         amigo_sigv4_uri_encode (token, -1, FALSE)));
    }

  for (guint i = 0; i < req->params->len; i++)
    {
      Param *p = g_ptr_array_index (req->params, i);

      if (mode == AMIGO_SIGV4_MODE_QUERY && is_presign_name (p->key))
        continue;
      g_ptr_array_add (params_sorted, p);
    }
  if (s->presign_params != NULL)
    g_ptr_array_extend (params_sorted, s->presign_params, NULL, NULL);
  g_ptr_array_sort (params_sorted, compare_params);

  uri = canonical_uri (req->path, params);

  creq = g_string_new (NULL);
  g_string_append_printf (creq, "%s\n%s\n", req->method, uri);
  for (guint i = 0; i < params_sorted->len; i++)
    {
      const Param *p = g_ptr_array_index (params_sorted, i);

      g_string_append_printf (creq, "%s%s=%s", i > 0 ? "&" : "", p->key, p->value);
    }
  g_string_append_c (creq, '\n');
  for (guint i = 0; i < headers->len; i++)
    {
      const Header *h = g_ptr_array_index (headers, i);
      gboolean same_as_previous = i > 0 &&
        strcmp (h->name, ((Header *) g_ptr_array_index (headers, i - 1))->name) == 0;

      if (same_as_previous)
        g_string_append_c (creq, ',');
      else
        g_string_append_printf (creq, "%s%s:", i > 0 ? "\n" : "", h->name);
      append_canonical_value (creq, h->value);
    }
  if (headers->len > 0)
    g_string_append_c (creq, '\n');
  g_string_append_printf (creq, "\n%s\n%s", s->signed_headers, s->payload_hash);

  s->canonical_request = g_string_free (creq, FALSE);
  return TRUE;
}

static char *
string_to_sign (const Signing *s)
{
  guint8 digest[SHA256_LEN];
  g_autofree char *hash = NULL;

  if (!sha256 ((const guint8 *) s->canonical_request, strlen (s->canonical_request), digest))
    return NULL;
  hash = hex_encode (digest, sizeof digest);
  return g_strdup_printf ("%s\n%s\n%s\n%s", AMIGO_SIGV4_ALGORITHM, s->amz_date, s->scope, hash);
}

static char *
signature (const char             *sts,
           const char             *amz_date,
           const AmigoSigV4Params *params)
{
  guint8 key[SHA256_LEN];
  guint8 mac[SHA256_LEN];
  char date[9];
  gboolean ok;

  g_strlcpy (date, amz_date, sizeof date);
  ok = amigo_sigv4_signing_key (amigo_credentials_get_secret_access_key (params->credentials),
                                date, params->region, params->service, key) &&
       amigo_sigv4_hmac_sha256 (key, sizeof key, (const guint8 *) sts, strlen (sts), mac);
  amigo_secure_wipe (key, sizeof key);
  if (!ok)
    return NULL;
  return hex_encode (mac, sizeof mac);
}

/* Replaces the value of the first header called @name (any case) and drops
 * the other copies, or appends it: signing twice leaves one of each. */
static void
request_set_header (AmigoSigV4Request *req,
                    const char        *name,
                    const char        *value)
{
  gboolean found = FALSE;

  for (guint i = 0; i < req->headers->len;)
    {
      Header *h = g_ptr_array_index (req->headers, i);

      if (g_ascii_strcasecmp (h->name, name) != 0)
        {
          i++;
          continue;
        }
      if (found)
        {
          g_ptr_array_remove_index (req->headers, i);
          continue;
        }
      amigo_secure_free_string (h->value);
      h->value = g_strdup (value);
      found = TRUE;
      i++;
    }
  if (!found)
    g_ptr_array_add (req->headers, header_new (name, value));
}

static gboolean
request_has_host (const AmigoSigV4Request *req)
{
  for (guint i = 0; i < req->headers->len; i++)
    {
      const Header *h = g_ptr_array_index (req->headers, i);
      g_autofree char *name = g_strstrip (g_strdup (h->name));
      g_autofree char *value = g_strstrip (g_strdup (h->value));

      if (g_ascii_strcasecmp (name, "host") == 0 && *value != '\0')
        return TRUE;
    }
  return FALSE;
}

/**
 * amigo_sigv4_request_new:
 * @method: e.g. "POST"
 * @path: the URI path, not percent-encoded
 * @query: (nullable): the query string, without '?'
 *
 * Empty parameters ("a&&b") are dropped; a parameter without '=' is signed
 * with an empty value, as AWS does.
 *
 * Returns: (transfer full): a new request
 */
AmigoSigV4Request *
amigo_sigv4_request_new (const char *method,
                         const char *path,
                         const char *query)
{
  AmigoSigV4Request *req;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  req = g_new0 (AmigoSigV4Request, 1);
  req->method = g_strdup (method);
  req->path = g_strdup (path);
  req->headers = g_ptr_array_new_with_free_func (header_free);
  req->params = g_ptr_array_new_with_free_func (param_free);

  if (query != NULL)
    {
      const char *p = query;

      while (*p != '\0')
        {
          const char *end = strchr (p, '&');
          const char *eq;
          gsize len;

          if (end == NULL)
            end = p + strlen (p);
          len = end - p;
          if (len > 0)
            {
              eq = memchr (p, '=', len);
              if (eq != NULL)
                g_ptr_array_add (req->params,
                                 param_new_take (canonical_encode (p, eq - p),
                                                 canonical_encode (eq + 1, end - eq - 1)));
              else
                g_ptr_array_add (req->params,
                                 param_new_take (canonical_encode (p, len), g_strdup ("")));
            }
          p = *end != '\0' ? end + 1 : end;
        }
    }
  request_set_query (req, NULL);
  return req;
}

/**
 * amigo_sigv4_request_free:
 * @req: (transfer full) (nullable): a request
 *
 * Frees @req, wiping its header values, query and body.
 */
void
amigo_sigv4_request_free (AmigoSigV4Request *req)
{
  if (req == NULL)
    return;
  g_free (req->method);
  g_free (req->path);
  g_ptr_array_unref (req->headers);
  g_ptr_array_unref (req->params);
  if (req->body != NULL)
    amigo_secure_wipe (req->body, req->body_len);
  g_free (req->body);
  amigo_secure_free_string (req->query);
  g_free (req);
}

/**
 * amigo_sigv4_request_add_header:
 * @req: a request
 * @name: the header name, any case
 * @value: the value as it will be sent
 *
 * Appends a header; a name may repeat.
 */
void
amigo_sigv4_request_add_header (AmigoSigV4Request *req,
                                const char        *name,
                                const char        *value)
{
  g_return_if_fail (req != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (value != NULL);

  g_ptr_array_add (req->headers, header_new (name, value));
}

/**
 * amigo_sigv4_request_set_body:
 * @req: a request
 * @body: (array length=len) (nullable): the body bytes, copied
 * @len: their length
 */
void
amigo_sigv4_request_set_body (AmigoSigV4Request *req,
                              const guint8      *body,
                              gsize              len)
{
  g_return_if_fail (req != NULL);
  g_return_if_fail (body != NULL || len == 0);

  if (req->body != NULL)
    amigo_secure_wipe (req->body, req->body_len);
  g_free (req->body);
  req->body = len > 0 ? g_memdup2 (body, len) : NULL;
  req->body_len = len;
}

/**
 * amigo_sigv4_request_get_n_headers:
 * @req: a request
 *
 * Returns: how many headers @req has, the ones signing added included
 */
guint
amigo_sigv4_request_get_n_headers (const AmigoSigV4Request *req)
{
  g_return_val_if_fail (req != NULL, 0);
  return req->headers->len;
}

/**
 * amigo_sigv4_request_get_header_name:
 * @req: a request
 * @i: an index below amigo_sigv4_request_get_n_headers()
 *
 * Returns: (transfer none): the name of header @i, as it was added
 */
const char *
amigo_sigv4_request_get_header_name (const AmigoSigV4Request *req,
                                     guint                    i)
{
  g_return_val_if_fail (req != NULL, NULL);
  g_return_val_if_fail (i < req->headers->len, NULL);
  return ((const Header *) g_ptr_array_index (req->headers, i))->name;
}

/**
 * amigo_sigv4_request_get_header_value:
 * @req: a request
 * @i: an index below amigo_sigv4_request_get_n_headers()
 *
 * Returns: (transfer none): the value of header @i
 */
const char *
amigo_sigv4_request_get_header_value (const AmigoSigV4Request *req,
                                      guint                    i)
{
  g_return_val_if_fail (req != NULL, NULL);
  g_return_val_if_fail (i < req->headers->len, NULL);
  return ((const Header *) g_ptr_array_index (req->headers, i))->value;
}

/**
 * amigo_sigv4_request_get_query:
 * @req: a request
 *
 * Returns: (transfer none): the query string to send, "" if none
 */
const char *
amigo_sigv4_request_get_query (const AmigoSigV4Request *req)
{
  g_return_val_if_fail (req != NULL, NULL);
  return req->query;
}

/**
 * amigo_sigv4_canonical_request:
 * @req: the request
 * @params: how to sign it
 * @mode: header or query signing
 *
 * Returns: (transfer full) (nullable): the canonical request, or %NULL if
 *   @params cannot be used
 */
char *
amigo_sigv4_canonical_request (const AmigoSigV4Request *req,
                               const AmigoSigV4Params  *params,
                               AmigoSigV4Mode           mode)
{
  g_auto(Signing) s = { 0 };

  g_return_val_if_fail (req != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (!signing_prepare (&s, req, params, mode, NULL))
    return NULL;
  return g_steal_pointer (&s.canonical_request);
}

/**
 * amigo_sigv4_string_to_sign:
 * @canonical_request: the canonical request
 * @params: how to sign it (the time, region and service are used)
 *
 * Returns: (transfer full) (nullable): the string to sign, or %NULL if
 *   @params cannot be used
 */
char *
amigo_sigv4_string_to_sign (const char             *canonical_request,
                            const AmigoSigV4Params *params)
{
  g_auto(Signing) s = { 0 };

  g_return_val_if_fail (canonical_request != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (params->region == NULL || params->service == NULL || !scope_init (&s, params, NULL))
    return NULL;
  s.canonical_request = g_strdup (canonical_request);
  return string_to_sign (&s);
}

/**
 * amigo_sigv4_signing_key:
 * @secret_access_key: the secret access key
 * @date: the scope date, YYYYMMDD
 * @region: the signing region
 * @service: the signing service
 * @key_out: (out caller-allocates) (array fixed-size=32): the signing key
 *
 * Returns: %TRUE, or %FALSE if OpenSSL failed (then @key_out is zeroed)
 */
gboolean
amigo_sigv4_signing_key (const char *secret_access_key,
                         const char *date,
                         const char *region,
                         const char *service,
                         guint8      key_out[32])
{
  gsize secret_len;
  guint8 *k_secret;
  gsize k_secret_len;
  guint8 k_date[SHA256_LEN];
  guint8 k_region[SHA256_LEN];
  guint8 k_service[SHA256_LEN];
  gboolean ok;

  g_return_val_if_fail (secret_access_key != NULL, FALSE);
  g_return_val_if_fail (date != NULL && region != NULL && service != NULL, FALSE);
  g_return_val_if_fail (key_out != NULL, FALSE);

  secret_len = strlen (secret_access_key);
  k_secret_len = 4 + secret_len;
  k_secret = g_malloc (k_secret_len);
  memcpy (k_secret, "AWS4", 4);
  memcpy (k_secret + 4, secret_access_key, secret_len);

  ok = amigo_sigv4_hmac_sha256 (k_secret, k_secret_len,
                                (const guint8 *) date, strlen (date), k_date) &&
       amigo_sigv4_hmac_sha256 (k_date, sizeof k_date,
                                (const guint8 *) region, strlen (region), k_region) &&
       amigo_sigv4_hmac_sha256 (k_region, sizeof k_region,
                                (const guint8 *) service, strlen (service), k_service) &&
       amigo_sigv4_hmac_sha256 (k_service, sizeof k_service,
                                (const guint8 *) "aws4_request", strlen ("aws4_request"), key_out);

  amigo_secure_wipe (k_secret, k_secret_len);
  g_free (k_secret);
  amigo_secure_wipe (k_date, sizeof k_date);
  amigo_secure_wipe (k_region, sizeof k_region);
  amigo_secure_wipe (k_service, sizeof k_service);
  if (!ok)
    amigo_secure_wipe (key_out, SHA256_LEN);
  return ok;
}

/**
 * amigo_sigv4_signature:
 * @string_to_sign: the string to sign
 * @params: the credentials, time, region and service to sign with
 *
 * Returns: (transfer full) (nullable): the signature in lower-case hex, or
 *   %NULL if @params cannot be used
 */
char *
amigo_sigv4_signature (const char             *string_to_sign,
                       const AmigoSigV4Params *params)
{
  g_autofree char *amz_date = NULL;

  g_return_val_if_fail (string_to_sign != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (!check_params (params, AMIGO_SIGV4_MODE_HEADER, NULL))
    return NULL;
  amz_date = amigo_sigv4_format_amz_date (params->timestamp);
  if (amz_date == NULL)
    return NULL;
  return signature (string_to_sign, amz_date, params);
}

/**
 * amigo_sigv4_sign:
 * @req: the request, changed in place
 * @params: the credentials, time, region, service and options
 * @mode: header or query signing
 * @error: return location for an error
 *
 * Header mode sets `X-Amz-Date`, `X-Amz-Security-Token` (when the
 * credentials have one; unsigned with @params->omit_session_token),
 * `x-amz-content-sha256` (with @params->sign_body) and `Authorization`,
 * replacing any earlier copy, so a request can be signed again on retry.
 * Query mode leaves the headers alone and appends the presigned X-Amz-*
 * parameters to the query, X-Amz-Signature last.
 *
 * Returns: %TRUE, or %FALSE with @error set (%AMIGO_AWS_ERROR_NO_CREDENTIALS
 *   or %AMIGO_AWS_ERROR_INVALID_ARGUMENT) if the input cannot be signed
 */
gboolean
amigo_sigv4_sign (AmigoSigV4Request       *req,
                  const AmigoSigV4Params  *params,
                  AmigoSigV4Mode           mode,
                  GError                 **error)
{
  g_auto(Signing) s = { 0 };
  g_autofree char *sts = NULL;
  g_autofree char *sig = NULL;
  const char *token;

  g_return_val_if_fail (req != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!request_has_host (req))
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                           _("Cannot sign the request: it has no Host header. "
                             "This is a bug in Amigo; please report it."));
      return FALSE;
    }
  if (*req->path != '\0' && *req->path != '/')
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Cannot sign the request: its path “%s” does not start with “/”. "
                     "Check the endpoint address."), req->path);
      return FALSE;
    }
  if (!signing_prepare (&s, req, params, mode, error))
    return FALSE;

  sts = string_to_sign (&s);
  sig = sts != NULL ? signature (sts, s.amz_date, params) : NULL;
  if (sig == NULL)
    {
      g_propagate_error (error, crypto_error ());
      return FALSE;
    }

  token = amigo_credentials_get_session_token (params->credentials);
  if (mode == AMIGO_SIGV4_MODE_HEADER)
    {
      g_autofree char *authorization =
        g_strdup_printf ("%s Credential=%s/%s, SignedHeaders=%s, Signature=%s",
                         AMIGO_SIGV4_ALGORITHM,
                         amigo_credentials_get_access_key_id (params->credentials),
                         s.scope, s.signed_headers, sig);

      request_set_header (req, "X-Amz-Date", s.amz_date);
      if (token != NULL)
        request_set_header (req, "X-Amz-Security-Token", token);
      if (params->sign_body)
        request_set_header (req, "x-amz-content-sha256", s.payload_hash);
      request_set_header (req, "Authorization", authorization);
      request_set_query (req, NULL);
    }
  else
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (param_free);

      /* Drop the X-Amz-* of an earlier presigning before adding ours. */
      for (guint i = 0; i < req->params->len; i++)
        {
          const Param *p = g_ptr_array_index (req->params, i);

          if (!is_presign_name (p->key))
            g_ptr_array_add (kept, param_new_take (g_strdup (p->key), g_strdup (p->value)));
        }
      g_ptr_array_unref (req->params);
      req->params = g_steal_pointer (&kept);

      if (token != NULL && params->omit_session_token)
        g_ptr_array_add (s.presign_params,
                         param_new_take (g_strdup ("X-Amz-Security-Token"),
                                         amigo_sigv4_uri_encode (token, -1, FALSE)));
      g_ptr_array_add (s.presign_params,
                       param_new_take (g_strdup ("X-Amz-Signature"), g_strdup (sig)));
      request_set_query (req, s.presign_params);
    }
  return TRUE;
}

/**
 * amigo_sigv4_hmac_sha256:
 * @key: (array length=key_len): the key
 * @key_len: its length
 * @data: (array length=data_len): the message
 * @data_len: its length
 * @out: (out caller-allocates) (array fixed-size=32): the MAC
 *
 * Returns: %TRUE, or %FALSE if OpenSSL failed
 */
gboolean
amigo_sigv4_hmac_sha256 (const guint8 *key,
                         gsize         key_len,
                         const guint8 *data,
                         gsize         data_len,
                         guint8        out[32])
{
  unsigned int out_len = 0;

  g_return_val_if_fail (key != NULL || key_len == 0, FALSE);
  g_return_val_if_fail (data != NULL || data_len == 0, FALSE);
  g_return_val_if_fail (key_len <= G_MAXINT, FALSE);

  if (HMAC (EVP_sha256 (), key != NULL ? key : (const guint8 *) "", (int) key_len,
            data != NULL ? data : (const guint8 *) "", data_len, out, &out_len) == NULL)
    return FALSE;
  return out_len == SHA256_LEN;
}

/**
 * amigo_sigv4_format_amz_date:
 * @timestamp: Unix seconds, UTC
 *
 * Returns: (transfer full) (nullable): the ISO 8601 basic form AWS uses,
 *   e.g. "20150830T123600Z", or %NULL if @timestamp is out of range
 */
char *
amigo_sigv4_format_amz_date (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (timestamp);

  if (dt == NULL || g_date_time_get_year (dt) < 1000)
    return NULL;
  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

/**
 * amigo_sigv4_sha256_hex:
 * @data: (array length=len) (nullable): the bytes
 * @len: their length
 *
 * Returns: (transfer full) (nullable): SHA-256 of @data in lower-case hex,
 *   %NULL only if OpenSSL failed
 */
char *
amigo_sigv4_sha256_hex (const guint8 *data,
                        gsize         len)
{
  guint8 digest[SHA256_LEN];

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!sha256 (data != NULL ? data : (const guint8 *) "", len, digest))
    return NULL;
  return hex_encode (digest, sizeof digest);
}

/**
 * amigo_sigv4_uri_encode:
 * @s: (array length=len): the bytes to encode
 * @len: their length, or -1 if @s is NUL-terminated
 * @keep_slash: leave '/' as it is (for paths)
 *
 * Returns: (transfer full): @s percent-encoded per RFC 3986, as SigV4 wants
 */
char *
amigo_sigv4_uri_encode (const char *s,
                        gssize      len,
                        gboolean    keep_slash)
{
  static const char digits[] = "0123456789ABCDEF";
  GString *out;

  g_return_val_if_fail (s != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (s);
  out = g_string_sized_new (len + 1);
  for (gssize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];

      if (g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c == '~' ||
          (keep_slash && c == '/'))
        {
          g_string_append_c (out, (char) c);
        }
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, digits[c >> 4]);
          g_string_append_c (out, digits[c & 0xf]);
        }
    }
  return g_string_free (out, FALSE);
}
