/* amigo-protocol.h — AWS wire protocols: requests from values, values from answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "amigo-request.h"
#include "amigo-shape.h"

G_BEGIN_DECLS

/**
 * AmigoProtocolKind:
 * @AMIGO_PROTOCOL_EC2: EC2's query dialect (amigo-ec2-query.c serializes it)
 * @AMIGO_PROTOCOL_QUERY: AWS query: STS, IAM, Auto Scaling
 * @AMIGO_PROTOCOL_JSON: AWS JSON 1.0 and 1.1 (see #AmigoServiceModel:json_version): SSM
 * @AMIGO_PROTOCOL_REST_JSON: IAM Identity Center portal and OIDC, Recycle Bin
 * @AMIGO_PROTOCOL_REST_XML: S3
 */
typedef enum {
  AMIGO_PROTOCOL_EC2,
  AMIGO_PROTOCOL_QUERY,
  AMIGO_PROTOCOL_JSON,
  AMIGO_PROTOCOL_REST_JSON,
  AMIGO_PROTOCOL_REST_XML,
} AmigoProtocolKind;

/**
 * AmigoServiceModel:
 * @protocol: the wire protocol
 * @api_version: `Version` of query requests
 * @json_version: `1.0` or `1.1` (JSON)
 * @target_prefix: the `X-Amz-Target` prefix (JSON), e.g. `AmazonSSM`
 * @signing_name: the SigV4 service name, e.g. `sts`
 *
 * What every operation of a service shares.
 */
typedef struct {
  AmigoProtocolKind protocol;
  const char *api_version;
  const char *json_version;
  const char *target_prefix;
  const char *signing_name;
} AmigoServiceModel;

/**
 * AmigoOperation:
 * @name: e.g. `GetCallerIdentity`
 * @http_method: e.g. `POST`
 * @request_uri: e.g. `/` or `/{Bucket}/{Key+}?tagging`
 * @input: (nullable): the input reference (its XML element name and
 *   namespace for REST-XML)
 * @output: (nullable): the output reference
 * @result_wrapper: (nullable): the element the query protocol wraps the
 *   output in, e.g. `GetCallerIdentityResult`
 * @errors: (nullable) (array length=n_errors): the modelled exceptions
 * @n_errors: how many
 * @unsigned_request: the operation is sent without a signature (botocore's
 *   `"authtype": "none"`, e.g. STS AssumeRoleWithWebIdentity)
 *
 * One operation of a service model.
 */
typedef struct {
  const char *name;
  const char *http_method;
  const char *request_uri;
  const AmigoMember *input;
  const AmigoMember *output;
  const char *result_wrapper;
  const AmigoShape * const *errors;
  guint n_errors;
  gboolean unsigned_request;
} AmigoOperation;

AmigoRequest     *amigo_protocol_serialize    (const AmigoServiceModel  *model,
                                               const AmigoOperation     *operation,
                                               JsonNode                 *params,
                                               GError                  **error);
JsonNode         *amigo_protocol_parse        (const AmigoServiceModel  *model,
                                               const AmigoOperation     *operation,
                                               guint                     status,
                                               SoupMessageHeaders       *headers,
                                               const char               *body,
                                               gsize                     len,
                                               GError                  **error);
AmigoErrorParser  amigo_protocol_error_parser (AmigoProtocolKind         kind);

/* Each protocol's reading of an error answer (an #AmigoErrorParser). The
 * query one also reads EC2's `<Response><Errors>` documents. */
AmigoErrorParseFunc amigo_protocol_query_parse_error;
AmigoErrorParseFunc amigo_protocol_json_parse_error;
AmigoErrorParseFunc amigo_protocol_rest_json_parse_error;
AmigoErrorParseFunc amigo_protocol_rest_xml_parse_error;

G_END_DECLS
