/* amigo-sigv4.h — AWS Signature Version 4, pure functions, no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amigo-credentials.h"

G_BEGIN_DECLS

#define AMIGO_SIGV4_ALGORITHM "AWS4-HMAC-SHA256"

/* An HTTP request as the signer sees it. Headers keep their order and may
 * repeat; signing appends the headers it adds (X-Amz-Date,
 * X-Amz-Security-Token, x-amz-content-sha256, Authorization) to the list. */
typedef struct _AmigoSigV4Request AmigoSigV4Request;

typedef enum {
  AMIGO_SIGV4_MODE_HEADER,   /* Authorization header */
  AMIGO_SIGV4_MODE_QUERY,    /* presigned URL: X-Amz-* query parameters */
} AmigoSigV4Mode;

typedef struct {
  AmigoCredentials *credentials;
  const char *region;             /* the signing region, e.g. "us-east-1" */
  const char *service;            /* e.g. "ec2" */
  gint64 timestamp;               /* request time, Unix seconds (UTC) */
  gboolean normalize_path;        /* remove . and .. and //; TRUE except for S3 */
  gboolean sign_body;             /* add and sign x-amz-content-sha256 */
  gboolean omit_session_token;    /* add the token after signing, unsigned */
  guint expires;                  /* X-Amz-Expires for query mode, seconds (1..604800) */
  /* The canonical URI is the path URI-encoded once, which is what S3 expects
   * and what both test suites expect from a raw path. Other services encode
   * the path *as sent* (itself encoded once) a second time: set this for
   * them when the path holds anything but unreserved characters and '/'.
   * EC2, SSM and STS always use "/", where both rules agree. */
  gboolean double_encode_path;
  /* With sign_body: the payload hash to send and sign instead of hashing
   * the request's body — the hex SHA-256 of a body streamed from a file, or
   * "UNSIGNED-PAYLOAD" (S3 over TLS). NULL: the body's SHA-256. */
  const char *payload_hash;
} AmigoSigV4Params;

/**
 * amigo_sigv4_request_new:
 * @method: e.g. "POST"
 * @path: the URI path, *not* percent-encoded (raw UTF-8 and spaces allowed)
 * @query: (nullable): the query string as sent on the wire, without '?'
 *   (percent-encoded or not: it is decoded and re-encoded canonically;
 *   '+' is a literal plus sign, not a space)
 *
 * Returns: (transfer full): a request to fill with headers and a body
 */
AmigoSigV4Request *amigo_sigv4_request_new        (const char        *method,
                                                   const char        *path,
                                                   const char        *query);
void               amigo_sigv4_request_free       (AmigoSigV4Request *req);
void               amigo_sigv4_request_add_header (AmigoSigV4Request *req,
                                                   const char        *name,
                                                   const char        *value);
/* The body bytes are copied. */
void               amigo_sigv4_request_set_body   (AmigoSigV4Request *req,
                                                   const guint8      *body,
                                                   gsize              len);
guint              amigo_sigv4_request_get_n_headers (const AmigoSigV4Request *req);
const char        *amigo_sigv4_request_get_header_name  (const AmigoSigV4Request *req,
                                                         guint                    i);
const char        *amigo_sigv4_request_get_header_value (const AmigoSigV4Request *req,
                                                         guint                    i);
/* The query string after signing (query mode adds the X-Amz-* parameters and
 * X-Amz-Signature), as it must be sent: every parameter percent-encoded as
 * it was signed, in the order given. "" when there is none, never NULL. */
const char        *amigo_sigv4_request_get_query  (const AmigoSigV4Request *req);

/* The stages, each testable alone. All return newly allocated strings, or
 * %NULL when @params is unusable (see amigo_sigv4_sign() for the reason).
 * The canonical request is the one amigo_sigv4_sign() would sign: it includes
 * the headers or query parameters that signing adds, without changing @req. */
char   *amigo_sigv4_canonical_request (const AmigoSigV4Request *req,
                                       const AmigoSigV4Params  *params,
                                       AmigoSigV4Mode           mode);
char   *amigo_sigv4_string_to_sign    (const char              *canonical_request,
                                       const AmigoSigV4Params  *params);
/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service),
 * "aws4_request"); the intermediate keys are wiped. Wipe @key_out after use.
 * Returns FALSE only if OpenSSL cannot compute HMAC-SHA256. */
gboolean amigo_sigv4_signing_key      (const char              *secret_access_key,
                                       const char              *date,      /* YYYYMMDD */
                                       const char              *region,
                                       const char              *service,
                                       guint8                   key_out[32]);
char   *amigo_sigv4_signature         (const char              *string_to_sign,
                                       const AmigoSigV4Params  *params);

/* Signs @req in place: adds the headers (header mode) or query parameters
 * (query mode) that carry the signature. Fails only on unusable input. */
gboolean amigo_sigv4_sign             (AmigoSigV4Request       *req,
                                       const AmigoSigV4Params  *params,
                                       AmigoSigV4Mode           mode,
                                       GError                 **error);

/* HMAC-SHA256 of @data with @key into @out. FALSE only if OpenSSL fails. */
gboolean amigo_sigv4_hmac_sha256      (const guint8            *key,
                                       gsize                    key_len,
                                       const guint8            *data,
                                       gsize                    data_len,
                                       guint8                   out[32]);

/* Helpers shared with the client. */
char   *amigo_sigv4_format_amz_date   (gint64                   timestamp); /* 20150830T123600Z */
char   *amigo_sigv4_sha256_hex        (const guint8            *data,
                                       gsize                    len);
/* RFC 3986 percent-encoding: unreserved A-Za-z0-9-._~ kept, the rest %XX
 * upper-case; '/' kept when @keep_slash. */
char   *amigo_sigv4_uri_encode        (const char              *s,
                                       gssize                   len,
                                       gboolean                 keep_slash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSigV4Request, amigo_sigv4_request_free)

G_END_DECLS
