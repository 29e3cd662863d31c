/* amigo-protocol.c — one entry to every AWS wire protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service hands an operation of its model and the input values (a
 * #JsonNode object) to amigo_protocol_serialize() and gets the
 * #AmigoRequest to sign and send; it hands the answer to
 * amigo_protocol_parse() and gets the output values. Each protocol lives in
 * its own file: amigo-protocol-query.c, amigo-protocol-json.c,
 * amigo-protocol-rest-json.c and amigo-protocol-rest-xml.c over the shared
 * amigo-protocol-xml.c and amigo-protocol-rest.c. EC2's own dialect is
 * written by amigo-ec2-query.c and read by amigo-ec2-parsers.c (streaming).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-protocol-private.h"

JsonNode *
_amigo_protocol_param (JsonNode   *params,
                       const char *name)
{
  JsonNode *value;

  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    return NULL;
  value = json_object_get_member (json_node_get_object (params), name);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  return value;
}

JsonNode *
_amigo_protocol_fill_token (const AmigoMember *member,
                            JsonNode          *value)
{
  g_autofree char *token = NULL;

  if (value != NULL || !(amigo_member_flags (member) & AMIGO_SHAPE_IDEMPOTENCY_TOKEN))
    return value ? json_node_ref (value) : NULL;
  token = g_uuid_string_random ();
  return json_node_init_string (json_node_alloc (), token);
}

/* A node holding a new, empty object (or array), which @object (if not
 * NULL) borrows to fill it. */
JsonNode *
_amigo_protocol_new_object (JsonObject **object)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), obj);

  json_object_unref (obj);
  if (object != NULL)
    *object = obj;
  return node;
}

JsonNode *
_amigo_protocol_new_array (JsonArray **array)
{
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_init_array (json_node_alloc (), arr);

  json_array_unref (arr);
  if (array != NULL)
    *array = arr;
  return node;
}

gboolean
_amigo_protocol_in_body (const AmigoMember *member)
{
  return member->location != AMIGO_LOCATION_HEADER && member->location != AMIGO_LOCATION_HEADERS &&
         member->location != AMIGO_LOCATION_STATUS_CODE;
}

GError *
_amigo_protocol_bad_answer (const char *what)
{
  return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                      /* Translators: %s says what was wrong, e.g. “not XML” */
                      _("The service's answer could not be read (%s). Check the endpoint "
                        "address."), what);
}

char *
_amigo_protocol_sanitize_code (const char *code)
{
  g_autofree char *head = g_strndup (code, strcspn (code, ":"));
  const char *hash = strrchr (head, '#');

  return g_strstrip (g_strdup (hash ? hash + 1 : head));
}

/**
 * amigo_protocol_serialize:
 * @model: the service
 * @operation: one of its operations
 * @params: (nullable): the input values, an object
 * @error: where a value the protocol cannot carry is reported
 *
 * Writes the request for @operation as the service's protocol wants it.
 * The caller sets the signing service and region.
 *
 * Returns: (transfer full) (nullable): the request, with its error parser set
 */
AmigoRequest *
amigo_protocol_serialize (const AmigoServiceModel  *model,
                          const AmigoOperation     *operation,
                          JsonNode                 *params,
                          GError                  **error)
{
  AmigoRequest *request = NULL;

  g_return_val_if_fail (model != NULL && operation != NULL, NULL);

  switch (model->protocol)
    {
    case AMIGO_PROTOCOL_QUERY:
      request = _amigo_query_serialize (model, operation, params);
      break;
    case AMIGO_PROTOCOL_JSON:
      request = _amigo_json_serialize (model, operation, params);
      break;
    case AMIGO_PROTOCOL_REST_JSON:
      request = _amigo_rest_serialize (operation, params, _amigo_rest_json_encode_body, error);
      break;
    case AMIGO_PROTOCOL_REST_XML:
      request = _amigo_rest_serialize (operation, params, _amigo_rest_xml_encode_body, error);
      if (request != NULL)
        {
          amigo_request_set_payload_hash (request, AMIGO_PAYLOAD_HASH_SIGNED);
          amigo_request_set_uri_encode_once (request, TRUE);
        }
      break;
    case AMIGO_PROTOCOL_EC2:
    default:
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   "EC2 requests are written by amigo-ec2-query");
      return NULL;
    }

  if (request != NULL)
    {
      amigo_request_set_error_parser (request, amigo_protocol_error_parser (model->protocol));
      amigo_request_set_action (request, operation->name);
    }
  return request;
}

/**
 * amigo_protocol_parse:
 * @model: the service
 * @operation: the operation that was called
 * @status: the HTTP status of the (successful) answer
 * @headers: (nullable): its headers
 * @body: its body
 * @len: the body's length
 * @error: where an unreadable answer is reported
 *
 * Returns: (transfer full) (nullable): the output values, an object (empty
 *   when the operation has no output)
 */
JsonNode *
amigo_protocol_parse (const AmigoServiceModel  *model,
                      const AmigoOperation     *operation,
                      guint                     status,
                      SoupMessageHeaders       *headers,
                      const char               *body,
                      gsize                     len,
                      GError                  **error)
{
  g_return_val_if_fail (model != NULL && operation != NULL, NULL);

  switch (model->protocol)
    {
    case AMIGO_PROTOCOL_QUERY:
      return _amigo_query_parse (operation, body, len, error);
    case AMIGO_PROTOCOL_JSON:
      return _amigo_json_parse (operation, body, len, error);
    case AMIGO_PROTOCOL_REST_JSON:
      return _amigo_rest_parse (operation, status, headers, body, len,
                                _amigo_rest_json_decode_body, error);
    case AMIGO_PROTOCOL_REST_XML:
      return _amigo_rest_parse (operation, status, headers, body, len,
                                _amigo_rest_xml_decode_body, error);
    case AMIGO_PROTOCOL_EC2:
    default:
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   "EC2 answers are read by amigo-ec2-parsers");
      return NULL;
    }
}

/**
 * amigo_protocol_error_parser:
 * @kind: a protocol
 *
 * Returns: how @kind reads an error answer
 */
AmigoErrorParser
amigo_protocol_error_parser (AmigoProtocolKind kind)
{
  switch (kind)
    {
    case AMIGO_PROTOCOL_JSON:
      return amigo_protocol_json_parse_error;
    case AMIGO_PROTOCOL_REST_JSON:
      return amigo_protocol_rest_json_parse_error;
    case AMIGO_PROTOCOL_REST_XML:
      return amigo_protocol_rest_xml_parse_error;
    case AMIGO_PROTOCOL_EC2:
    case AMIGO_PROTOCOL_QUERY:
    default:
      return amigo_protocol_query_parse_error;
    }
}
