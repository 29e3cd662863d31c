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
  guint expires;                  /* X-Amz-Expires for query mode, seconds */
} AmigoSigV4Params;

/**
 * amigo_sigv4_request_new:
 * @method: e.g. "POST"
 * @path: the URI path, *not* percent-encoded (raw UTF-8 and spaces allowed)
 * @query: (nullable): the query string as sent on the wire, without '?'
 *   (percent-encoded or not: it is decoded and re-encoded canonically)
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
 * X-Amz-Signature), as it must be sent. */
const char        *amigo_sigv4_request_get_query  (const AmigoSigV4Request *req);

/* The stages, each testable alone. All return newly allocated strings. */
char   *amigo_sigv4_canonical_request (const AmigoSigV4Request *req,
                                       const AmigoSigV4Params  *params,
                                       AmigoSigV4Mode           mode);
char   *amigo_sigv4_string_to_sign    (const char              *canonical_request,
                                       const AmigoSigV4Params  *params);
void    amigo_sigv4_signing_key       (const char              *secret_access_key,
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
