/* amigo-protocol-query.c — the AWS query protocol: STS, IAM, Auto Scaling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A POST of `Action=<Operation>&Version=<api>&…` (form encoded) to `/`;
 * structures flatten to dotted names (`Tags.member.1.Key`), lists to
 * `.member.N` (or `.N` when flattened), maps to `.entry.N.key/value`. The
 * answer is `<OperationResponse><OperationResult>…` in XML, an error
 * `<ErrorResponse><Error><Code/><Message/></Error><RequestId/>`. (EC2 speaks
 * a dialect of it: amigo-ec2-query.c writes its requests; its errors,
 * `<Response><Errors><Error>`, are read here too.)
 */
#include "config.h"

#include <string.h>

#include "amigo-error.h"
#include "amigo-protocol-private.h"
#include "amigo-xml-reader.h"

static void serialize_value (GString           *out,
                             const AmigoMember *member,
                             const char        *prefix,
                             JsonNode          *value);

static void
add_pair (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *n = amigo_request_uri_encode (name, FALSE);
  g_autofree char *v = amigo_request_uri_encode (value, FALSE);

  g_string_append_printf (out, "%s%s=%s", out->len > 0 ? "&" : "", n, v);
}

static char *
join_prefix (const char *prefix,
             const char *name)
{
  return *prefix != '\0' ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);
}

static void
serialize_structure (GString          *out,
                     const AmigoShape *shape,
                     const char       *prefix,
                     JsonNode         *value)
{
  for (guint i = 0; i < shape->n_members; i++)
    {
      const AmigoMember *m = &shape->members[i];
      g_autoptr(JsonNode) v = _amigo_protocol_fill_token (m, _amigo_protocol_param (value, m->name));
      g_autofree char *name = NULL;

      if (v == NULL)
        continue;
      name = join_prefix (prefix, amigo_member_wire_name (m));
      serialize_value (out, m, name, v);
    }
}

static void
serialize_list (GString           *out,
                const AmigoMember *member,
                const char        *prefix,
                JsonNode          *value)
{
  const AmigoShape *shape = member->shape;
  JsonArray *items = json_node_get_array (value);
  g_autofree char *list_prefix = NULL;

  if (json_array_get_length (items) == 0)
    {
      add_pair (out, prefix, "");
      return;
    }
  /* A flattened list repeats its own name: `Hi.1`, `Hi.2`. */
  if (amigo_member_flags (member) & AMIGO_SHAPE_FLATTENED)
    list_prefix = g_strdup (prefix);
  else
    list_prefix = g_strdup_printf ("%s.%s", prefix,
                                   shape->item->location_name ? shape->item->location_name : "member");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%u", list_prefix, i + 1);
      serialize_value (out, shape->item, name, json_array_get_element (items, i));
    }
}

static void
serialize_map (GString           *out,
               const AmigoMember *member,
               const char        *prefix,
               JsonNode          *value)
{
  const AmigoShape *shape = member->shape;
  gboolean flattened = (amigo_member_flags (member) & AMIGO_SHAPE_FLATTENED) != 0;
  const char *key_name = shape->key->location_name ? shape->key->location_name : "key";
  const char *value_name = shape->value->location_name ? shape->value->location_name : "value";
  JsonObjectIter iter;
  const char *key;
  JsonNode *item;
  guint i = 0;

  json_object_iter_init_ordered (&iter, json_node_get_object (value));
  while (json_object_iter_next_ordered (&iter, &key, &item))
    {
      g_autofree char *entry = g_strdup_printf ("%s%s.%u", prefix, flattened ? "" : ".entry", ++i);
      g_autofree char *key_full = g_strdup_printf ("%s.%s", entry, key_name);
      g_autofree char *value_full = g_strdup_printf ("%s.%s", entry, value_name);

      add_pair (out, key_full, key);
      serialize_value (out, shape->value, value_full, item);
    }
}

static void
serialize_value (GString           *out,
                 const AmigoMember *member,
                 const char        *prefix,
                 JsonNode          *value)
{
  switch (amigo_shape_kind (member->shape))
    {
    case AMIGO_SHAPE_KIND_STRUCTURE:
      serialize_structure (out, member->shape, prefix, value);
      break;
    case AMIGO_SHAPE_KIND_LIST:
      serialize_list (out, member, prefix, value);
      break;
    case AMIGO_SHAPE_KIND_MAP:
      serialize_map (out, member, prefix, value);
      break;
    case AMIGO_SHAPE_KIND_SCALAR:
    default:
      {
        g_autofree char *text =
          amigo_shape_format_scalar (member, value, amigo_member_timestamp_format (member, "iso8601"));
        add_pair (out, prefix, text);
      }
      break;
    }
}

AmigoRequest *
_amigo_query_serialize (const AmigoServiceModel *model,
                        const AmigoOperation    *operation,
                        JsonNode                *params)
{
  AmigoRequest *request = amigo_request_new ("POST", "/");
  GString *body = g_string_new (NULL);

  add_pair (body, "Action", operation->name);
  add_pair (body, "Version", model->api_version);
  if (operation->input != NULL)
    serialize_structure (body, operation->input->shape, "", params);
  amigo_request_take_body_string (request, g_string_free (body, FALSE), AMIGO_FORM_CONTENT_TYPE);
  return request;
}

JsonNode *
_amigo_query_parse (const AmigoOperation  *operation,
                    const char            *body,
                    gsize                  len,
                    GError               **error)
{
  g_autofree char *wrapper = NULL;
  xmlDoc *doc;
  xmlNode *node;
  JsonNode *result;

  if (operation->output == NULL || len == 0)
    return _amigo_protocol_new_object (NULL);
  doc = _amigo_xml_read (body, len);
  if (doc == NULL)
    {
      g_propagate_error (error, _amigo_protocol_bad_answer ("not XML"));
      return NULL;
    }
  /* <OperationResponse><OperationResult>…: the wrapper is named in the
   * model, and always is in the real ones. */
  node = xmlDocGetRootElement (doc);
  wrapper = operation->result_wrapper ? g_strdup (operation->result_wrapper)
                                      : g_strconcat (operation->name, "Result", NULL);
  if (_amigo_xml_child (node, wrapper) != NULL)
    node = _amigo_xml_child (node, wrapper);
  result = _amigo_xml_decode_structure (operation->output->shape, node);
  xmlFreeDoc (doc);
  return result;
}

/**
 * amigo_protocol_query_parse_error:
 *
 * AWS query (`<ErrorResponse>`) and EC2 (`<Response><Errors>`) error
 * documents, read by the streaming reader (no DTD, capped text). See
 * #AmigoErrorParser.
 */
gboolean
amigo_protocol_query_parse_error (guint               status,
                                  SoupMessageHeaders *headers,
                                  const char         *body,
                                  gsize               len,
                                  AmigoErrorParts    *parts)
{
  g_autoptr(GError) parsed = NULL;
  const AmigoAwsErrorDetails *details;

  if (len == 0)
    return FALSE;

  parsed = amigo_xml_parse_error_document (body, len, status);
  details = amigo_aws_error_get_details (parsed);
  if (parsed == NULL || parsed->code != AMIGO_AWS_ERROR_SERVICE || details == NULL ||
      details->aws_code == NULL || *details->aws_code == '\0')
    return FALSE;

  parts->code = g_strdup (details->aws_code);
  parts->message = g_strdup (details->aws_message);
  parts->request_id = g_strdup (details->request_id);
  return TRUE;
}
