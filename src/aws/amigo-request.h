/* amigo-request.h — one HTTP request to an AWS service, before signing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * AmigoPayloadHash:
 * @AMIGO_PAYLOAD_HASH_NONE: no `x-amz-content-sha256` header (EC2, STS, SSM…)
 * @AMIGO_PAYLOAD_HASH_SIGNED: send and sign `x-amz-content-sha256`, the
 *   SHA-256 of the body (S3)
 *
 * How the body's hash travels besides the signature.
 */
typedef enum {
  AMIGO_PAYLOAD_HASH_NONE,
  AMIGO_PAYLOAD_HASH_SIGNED,
} AmigoPayloadHash;

/**
 * AmigoErrorParts:
 * @code: AWS's error code, e.g. `InvalidAMIID.NotFound`
 * @message: (nullable): AWS's own words
 * @request_id: (nullable): the request id the document names
 *
 * What a protocol reads out of an error answer; the client classifies it.
 */
typedef struct {
  char *code;
  char *message;
  char *request_id;
} AmigoErrorParts;

void amigo_error_parts_clear (AmigoErrorParts *parts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmigoErrorParts, amigo_error_parts_clear)

/**
 * AmigoErrorParser:
 * @status: the HTTP status
 * @headers: (nullable): the response headers
 * @body: the body (not NUL-terminated), possibly cut at a cap
 * @len: its length
 * @parts: (out caller-allocates): filled when the answer is an error
 *   document of the protocol
 *
 * A protocol's reading of a non-2xx answer.
 *
 * Returns: %TRUE when @parts->code was found
 */
typedef gboolean AmigoErrorParseFunc (guint               status,
                                      SoupMessageHeaders *headers,
                                      const char         *body,
                                      gsize               len,
                                      AmigoErrorParts    *parts);
/* The function type, so that each protocol's parser is declared as one,
 * and the pointer the request keeps. */
typedef AmigoErrorParseFunc *AmigoErrorParser;

typedef struct _AmigoRequest AmigoRequest;

#define AMIGO_TYPE_REQUEST (amigo_request_get_type ())

GType         amigo_request_get_type          (void) G_GNUC_CONST;
AmigoRequest *amigo_request_new               (const char       *method,
                                               const char       *path);
AmigoRequest *amigo_request_new_form          (const char       *service,
                                               const char       *region,
                                               const char       *form_body);
AmigoRequest *amigo_request_ref               (AmigoRequest     *self);
void          amigo_request_unref             (AmigoRequest     *self);

void          amigo_request_set_path          (AmigoRequest     *self,
                                               const char       *path);
void          amigo_request_add_query         (AmigoRequest     *self,
                                               const char       *name,
                                               const char       *value);
void          amigo_request_add_header        (AmigoRequest     *self,
                                               const char       *name,
                                               const char       *value);
void          amigo_request_set_body          (AmigoRequest     *self,
                                               GBytes           *body,
                                               const char       *content_type);
void          amigo_request_take_body_string  (AmigoRequest     *self,
                                               char             *body,
                                               const char       *content_type);
void          amigo_request_set_signing       (AmigoRequest     *self,
                                               const char       *service,
                                               const char       *region);
void          amigo_request_set_payload_hash  (AmigoRequest     *self,
                                               AmigoPayloadHash  mode);
void          amigo_request_set_uri_encode_once (AmigoRequest   *self,
                                                 gboolean        once);
void          amigo_request_set_error_parser  (AmigoRequest     *self,
                                               AmigoErrorParser  parser);
void          amigo_request_set_action        (AmigoRequest     *self,
                                               const char       *action);

void          amigo_request_set_unsigned      (AmigoRequest     *self,
                                               gboolean          unsigned_request);
gboolean      amigo_request_get_unsigned      (const AmigoRequest *self);
const char   *amigo_request_get_method        (const AmigoRequest *self);
const char   *amigo_request_get_path          (const AmigoRequest *self);
char         *amigo_request_dup_query_string  (const AmigoRequest *self);
guint         amigo_request_get_n_headers     (const AmigoRequest *self);
const char   *amigo_request_get_header_name   (const AmigoRequest *self,
                                               guint               i);
const char   *amigo_request_get_header_value  (const AmigoRequest *self,
                                               guint               i);
const char   *amigo_request_get_header        (const AmigoRequest *self,
                                               const char         *name);
GBytes       *amigo_request_get_body          (const AmigoRequest *self);
const char   *amigo_request_get_content_type  (const AmigoRequest *self);
const char   *amigo_request_get_service       (const AmigoRequest *self);
const char   *amigo_request_get_region        (const AmigoRequest *self);
AmigoPayloadHash amigo_request_get_payload_hash (const AmigoRequest *self);
gboolean      amigo_request_get_uri_encode_once (const AmigoRequest *self);
AmigoErrorParser amigo_request_get_error_parser (const AmigoRequest *self);
const char   *amigo_request_get_action        (const AmigoRequest *self);

/**
 * AmigoRequestBodyProgress:
 * @user_data: the data given with the function
 * @sent: bytes of the file body read for sending in this attempt
 */
typedef void (*AmigoRequestBodyProgress) (gpointer user_data,
                                          guint64  sent);

void          amigo_request_set_body_file     (AmigoRequest       *self,
                                               const char         *path,
                                               guint64             offset,
                                               guint64             length,
                                               const char         *content_type);
const char   *amigo_request_get_body_file     (const AmigoRequest *self,
                                               guint64            *offset,
                                               guint64            *length);
void          amigo_request_set_body_progress (AmigoRequest             *self,
                                               AmigoRequestBodyProgress  func,
                                               gpointer                  user_data);
AmigoRequestBodyProgress amigo_request_get_body_progress (const AmigoRequest *self,
                                                          gpointer           *user_data);
void          amigo_request_set_payload_sha256 (AmigoRequest     *self,
                                                const char       *hash);
const char   *amigo_request_get_payload_sha256 (const AmigoRequest *self);

char         *amigo_request_uri_encode        (const char         *s,
                                               gboolean            keep_slash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoRequest, amigo_request_unref)

G_END_DECLS
