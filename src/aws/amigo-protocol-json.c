/* amigo-protocol-json.c — AWS JSON 1.0 and 1.1 (SSM), and JSON values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A POST to `/` with `X-Amz-Target: <prefix>.<Operation>` and the input as
 * a JSON object; the answer is the output as a JSON object, an error is
 * `{"__type": "ns#Code", "message": …}` (or the code in
 * `x-amzn-ErrorType`). The value encoding (timestamps as Unix seconds,
 * blobs in base64, locationName keys) is shared with REST-JSON.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "amigo-protocol-private.h"

static JsonNode *
string_node (const char *s)
{
  return json_node_init_string (json_node_alloc (), s);
}

static JsonNode *
timestamp_node (double seconds,
                const char *format)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (format, "unixTimestamp") == 0)
    {
      if (seconds == floor (seconds))
        return json_node_init_int (json_node_alloc (), (gint64) seconds);
      return json_node_init_double (json_node_alloc (), seconds);
    }
  text = amigo_shape_format_timestamp (seconds, format);
  return string_node (text);
}

static double
value_seconds (JsonNode *value)
{
  double seconds = 0;

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    amigo_shape_parse_timestamp (json_node_get_string (value), &seconds);
  else
    seconds = json_node_get_double (value);
  return seconds;
}

typedef JsonNode *(*ConvertFunc) (const AmigoMember *member,
                                  JsonNode          *value);

/* Each item of a list through @convert; a null stays null. */
static JsonNode *
convert_list (const AmigoMember *item,
              JsonNode          *in,
              ConvertFunc        convert)
{
  JsonArray *out;
  JsonNode *node = _amigo_protocol_new_array (&out);
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (in) ? json_node_get_array (in) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *value = json_array_get_element (array, i);
      JsonNode *converted = JSON_NODE_HOLDS_NULL (value) ? NULL : convert (item, value);

      json_array_add_element (out, converted ? converted : json_node_new (JSON_NODE_NULL));
    }
  return node;
}

/* Each value of a map through @convert, in order; a null is kept as null
 * or dropped. */
static JsonNode *
convert_map (const AmigoMember *value_member,
             JsonNode          *in,
             ConvertFunc        convert,
             gboolean           keep_null)
{
  JsonObject *out;
  JsonNode *node = _amigo_protocol_new_object (&out);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (in))
    return node;
  json_object_iter_init_ordered (&iter, json_node_get_object (in));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      JsonNode *converted = JSON_NODE_HOLDS_NULL (value) ? NULL : convert (value_member, value);

      if (converted != NULL)
        json_object_set_member (out, key, converted);
      else if (keep_null)
        json_object_set_member (out, key, json_node_new (JSON_NODE_NULL));
    }
  return node;
}

/**
 * _amigo_json_encode:
 * @member: what @value is
 * @value: a value
 *
 * Returns: (transfer full): @value as a JSON body carries it
 */
JsonNode *
_amigo_json_encode (const AmigoMember *member,
                    JsonNode          *value)
{
  const AmigoShape *shape = member->shape;

  switch (shape->type)
    {
    case AMIGO_SHAPE_STRUCTURE:
      {
        JsonObject *out;
        JsonNode *node = _amigo_protocol_new_object (&out);

        for (guint i = 0; i < shape->n_members; i++)
          {
            const AmigoMember *m = &shape->members[i];
            g_autoptr(JsonNode) v = _amigo_protocol_fill_token (m, _amigo_protocol_param (value, m->name));

            if (v != NULL && m->location == AMIGO_LOCATION_BODY)
              json_object_set_member (out, amigo_member_wire_name (m), _amigo_json_encode (m, v));
          }
        return node;
      }
    case AMIGO_SHAPE_LIST:
      return convert_list (shape->item, value, _amigo_json_encode);
    case AMIGO_SHAPE_MAP:
      return convert_map (shape->value, value, _amigo_json_encode, TRUE);
    case AMIGO_SHAPE_TIMESTAMP:
      return timestamp_node (value_seconds (value),
                             amigo_member_timestamp_format (member, "unixTimestamp"));
    case AMIGO_SHAPE_BLOB:
      {
        g_autofree char *b64 = amigo_shape_blob_base64 (value);
        return string_node (b64);
      }
    case AMIGO_SHAPE_FLOAT:
    case AMIGO_SHAPE_DOUBLE:
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        return json_node_copy (value);
      return json_node_init_double (json_node_alloc (), json_node_get_double (value));
    case AMIGO_SHAPE_STRING:
    case AMIGO_SHAPE_INTEGER:
    case AMIGO_SHAPE_LONG:
    case AMIGO_SHAPE_BOOLEAN:
    case AMIGO_SHAPE_DOCUMENT:
    default:
      return json_node_copy (value);
    }
}

/**
 * _amigo_json_decode:
 * @member: what @wire is
 * @wire: a value as a JSON body carries it
 *
 * Returns: (transfer full) (nullable): the value, %NULL for null
 */
JsonNode *
_amigo_json_decode (const AmigoMember *member,
                    JsonNode          *wire)
{
  const AmigoShape *shape = member->shape;

  if (wire == NULL || JSON_NODE_HOLDS_NULL (wire))
    return NULL;

  switch (shape->type)
    {
    case AMIGO_SHAPE_STRUCTURE:
      {
        JsonObject *out;
        JsonNode *node = _amigo_protocol_new_object (&out);
        JsonObject *in = JSON_NODE_HOLDS_OBJECT (wire) ? json_node_get_object (wire) : NULL;

        for (guint i = 0; in != NULL && i < shape->n_members; i++)
          {
            const AmigoMember *m = &shape->members[i];
            JsonNode *v = json_object_get_member (in, amigo_member_wire_name (m));
            JsonNode *decoded = _amigo_protocol_in_body (m) ? _amigo_json_decode (m, v) : NULL;

            if (decoded != NULL)
              json_object_set_member (out, m->name, decoded);
          }
        return node;
      }
    case AMIGO_SHAPE_LIST:
      return convert_list (shape->item, wire, _amigo_json_decode);
    case AMIGO_SHAPE_MAP:
      /* A null in a map means nothing (botocore skips it). */
      return convert_map (shape->value, wire, _amigo_json_decode, FALSE);
    case AMIGO_SHAPE_TIMESTAMP:
      return json_node_init_double (json_node_alloc (), value_seconds (wire));
    case AMIGO_SHAPE_BLOB:
      return amigo_shape_parse_scalar (shape, json_node_get_string (wire), NULL);
    case AMIGO_SHAPE_STRING:
    case AMIGO_SHAPE_INTEGER:
    case AMIGO_SHAPE_LONG:
    case AMIGO_SHAPE_BOOLEAN:
    case AMIGO_SHAPE_FLOAT:
    case AMIGO_SHAPE_DOUBLE:
    case AMIGO_SHAPE_DOCUMENT:
    default:
      return json_node_copy (wire);
    }
}

/**
 * _amigo_json_read:
 * @body: a JSON text
 * @len: its length
 *
 * Returns: (transfer full) (nullable): its root, %NULL when it is not JSON
 */
JsonNode *
_amigo_json_read (const char *body,
                  gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (len == 0 || len >= G_MAXSSIZE || !json_parser_load_from_data (parser, body, (gssize) len, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

AmigoRequest *
_amigo_json_serialize (const AmigoServiceModel *model,
                       const AmigoOperation    *operation,
                       JsonNode                *params)
{
  AmigoRequest *request = amigo_request_new ("POST", "/");
  g_autofree char *target = g_strdup_printf ("%s.%s", model->target_prefix, operation->name);
  g_autofree char *content_type = g_strdup_printf ("application/x-amz-json-%s",
                                                   model->json_version ? model->json_version : "1.1");
  g_autoptr(JsonNode) body = NULL;

  if (operation->input != NULL)
    body = _amigo_json_encode (operation->input, params);
  amigo_request_add_header (request, "X-Amz-Target", target);
  amigo_request_take_body_string (request, body ? json_to_string (body, FALSE) : g_strdup ("{}"),
                                  content_type);
  return request;
}

JsonNode *
_amigo_json_parse (const AmigoOperation  *operation,
                   const char            *body,
                   gsize                  len,
                   GError               **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *out;

  if (operation->output == NULL || len == 0)
    return _amigo_protocol_new_object (NULL);
  root = _amigo_json_read (body, len);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, _amigo_protocol_bad_answer ("not a JSON object"));
      return NULL;
    }
  out = _amigo_json_decode (operation->output, root);
  return out;
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The body's message and, with @body_keys, the first of them that holds a
 * code; the header's code when the body has none (JSON) or always
 * (REST-JSON, @header_first). */
static gboolean
parse_json_error (SoupMessageHeaders  *headers,
                  const char          *body,
                  gsize                len,
                  gboolean             header_first,
                  const char * const  *body_keys,
                  AmigoErrorParts     *parts)
{
  g_autoptr(JsonNode) root = _amigo_json_read (body, len);
  JsonObject *obj = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *header = headers ? soup_message_headers_get_one (headers, "x-amzn-ErrorType") : NULL;
  const char *code = header_first ? header : NULL;
  const char *message;

  for (guint i = 0; code == NULL && body_keys[i] != NULL; i++)
    code = string_member (obj, body_keys[i]);
  if (code == NULL)
    code = header;
  if (code == NULL || *code == '\0')
    return FALSE;

  parts->code = _amigo_protocol_sanitize_code (code);
  message = string_member (obj, "message");
  if (message == NULL)
    message = string_member (obj, "Message");
  if (message == NULL)
    message = string_member (obj, "errorMessage");
  parts->message = g_strdup (message);
  return *parts->code != '\0';
}

/**
 * amigo_protocol_json_parse_error:
 *
 * AWS JSON errors: `__type` (or `code`) in the body, else
 * `x-amzn-ErrorType`; `message` or `Message`. See #AmigoErrorParser.
 */
gboolean
amigo_protocol_json_parse_error (guint               status,
                                 SoupMessageHeaders *headers,
                                 const char         *body,
                                 gsize               len,
                                 AmigoErrorParts    *parts)
{
  static const char * const keys[] = { "__type", "code", "Code", NULL };

  return parse_json_error (headers, body, len, FALSE, keys, parts);
}

/**
 * amigo_protocol_rest_json_parse_error:
 *
 * REST-JSON errors: `x-amzn-ErrorType`, else `code` or `__type` in the
 * body. See #AmigoErrorParser.
 */
gboolean
amigo_protocol_rest_json_parse_error (guint               status,
                                      SoupMessageHeaders *headers,
                                      const char         *body,
                                      gsize               len,
                                      AmigoErrorParts    *parts)
{
  static const char * const keys[] = { "code", "__type", "Code", NULL };

  return parse_json_error (headers, body, len, TRUE, keys, parts);
}
