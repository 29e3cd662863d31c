/* amigo-protocol-rest.c — the HTTP bindings REST-JSON and REST-XML share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operation's `requestUri` is a template: `{Label}` takes a member's
 * value encoded whole, `{Label+}` keeps its slashes, and anything after `?`
 * is a fixed query. Members located in `querystring`, `header` and
 * `headers` (a map under a prefix) travel there; the answer's `statusCode`,
 * `header` and `headers` members come back the same way. The body —
 * the `payload` member, or every member left — is the protocol's
 * (AmigoRestBodyEncoder, AmigoRestBodyDecoder), but for a blob or string
 * payload, which is the body as it is.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-protocol-private.h"

static const AmigoMember *
find_label (const AmigoShape *shape,
            const char       *label)
{
  for (guint i = 0; shape != NULL && i < shape->n_members; i++)
    if (shape->members[i].location == AMIGO_LOCATION_URI &&
        g_strcmp0 (amigo_member_wire_name (&shape->members[i]), label) == 0)
      return &shape->members[i];
  return NULL;
}

static char *
expand_path (const char        *template,
             const AmigoShape  *shape,
             JsonNode          *params,
             GError           **error)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;
      g_autofree char *encoded = NULL;
      gboolean greedy;
      const AmigoMember *m;
      JsonNode *value;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      greedy = close > open + 1 && close[-1] == '+';
      label = g_strndup (open + 1, (close - open - 1) - (greedy ? 1 : 0));
      m = find_label (shape, label);
      value = m ? _amigo_protocol_param (params, m->name) : NULL;
      if (value == NULL)
        {
          g_string_free (out, TRUE);
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                       _("The request lacks its “%s”."), label);
          return NULL;
        }
      text = amigo_shape_format_scalar (m, value, amigo_member_timestamp_format (m, "iso8601"));
      encoded = amigo_request_uri_encode (text, greedy);
      g_string_append (out, encoded);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

static void
add_fixed_query (AmigoRequest *request,
                 const char   *query)
{
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (*pairs[i] == '\0')
        continue;
      name = g_uri_unescape_segment (pairs[i], eq, NULL);
      value = eq ? g_uri_unescape_string (eq + 1, NULL) : NULL;
      amigo_request_add_query (request, name, value);
    }
}

static char *
header_text (const AmigoMember *member,
             JsonNode          *value)
{
  if (amigo_member_flags (member) & AMIGO_SHAPE_JSON_VALUE)
    {
      g_autofree char *json = JSON_NODE_HOLDS_VALUE (value) &&
                              json_node_get_value_type (value) == G_TYPE_STRING
                              ? g_strdup (json_node_get_string (value))
                              : json_to_string (value, FALSE);
      return g_base64_encode ((const guchar *) json, strlen (json));
    }
  if (member->shape->type == AMIGO_SHAPE_LIST)
    {
      JsonArray *items = json_node_get_array (value);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autofree char *text = header_text (member->shape->item, json_array_get_element (items, i));

          if (i > 0)
            g_string_append (out, ", ");
          if (member->shape->item->shape->type == AMIGO_SHAPE_STRING &&
              (strchr (text, ',') != NULL || strchr (text, '"') != NULL))
            {
              g_autofree char *escaped = g_strescape (text, NULL);
              g_string_append_printf (out, "\"%s\"", escaped);
            }
          else
            g_string_append (out, text);
        }
      return g_string_free (out, FALSE);
    }
  return amigo_shape_format_scalar (member, value, amigo_member_timestamp_format (member, "rfc822"));
}

/* A map's key that a named query member also uses yields to it. */
static gboolean
named_query_member (const AmigoShape *shape,
                    JsonNode         *params,
                    const char       *name)
{
  for (guint i = 0; i < shape->n_members; i++)
    if (shape->members[i].location == AMIGO_LOCATION_QUERYSTRING &&
        shape->members[i].shape->type != AMIGO_SHAPE_MAP &&
        g_strcmp0 (amigo_member_wire_name (&shape->members[i]), name) == 0 &&
        _amigo_protocol_param (params, shape->members[i].name) != NULL)
      return TRUE;
  return FALSE;
}

static void
add_query_member (AmigoRequest      *request,
                  const AmigoShape  *input,
                  JsonNode          *params,
                  const AmigoMember *m,
                  JsonNode          *value)
{
  const AmigoShape *shape = m->shape;
  const char *ts = amigo_member_timestamp_format (m, "iso8601");

  if (shape->type == AMIGO_SHAPE_LIST)
    {
      JsonArray *items = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autofree char *text = amigo_shape_format_scalar (shape->item, json_array_get_element (items, i),
                                                             amigo_member_timestamp_format (shape->item, "iso8601"));
          amigo_request_add_query (request, amigo_member_wire_name (m), text);
        }
    }
  else if (shape->type == AMIGO_SHAPE_MAP)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *item;

      json_object_iter_init_ordered (&iter, json_node_get_object (value));
      while (json_object_iter_next_ordered (&iter, &key, &item))
        {
          AmigoMember as_key = *shape->value;

          if (named_query_member (input, params, key))
            continue;
          as_key.location_name = key;
          add_query_member (request, input, params, &as_key, item);
        }
    }
  else
    {
      g_autofree char *text = amigo_shape_format_scalar (m, value, ts);
      amigo_request_add_query (request, amigo_member_wire_name (m), text);
    }
}

AmigoRequest *
_amigo_rest_serialize (const AmigoOperation  *operation,
                       JsonNode              *params,
                       AmigoRestBodyEncoder   encode_body,
                       GError               **error)
{
  const AmigoShape *shape = operation->input ? operation->input->shape : NULL;
  const char *uri = operation->request_uri ? operation->request_uri : "/";
  const char *question = strchr (uri, '?');
  g_autofree char *template = question ? g_strndup (uri, question - uri) : g_strdup (uri);
  g_autofree char *path = expand_path (template, shape, params, error);
  g_autoptr(AmigoRequest) request = NULL;
  g_autoptr(GBytes) body = NULL;
  const AmigoMember *payload = NULL;
  const char *content_type = NULL;
  g_autofree char *explicit_type = NULL;

  if (path == NULL)
    return NULL;
  request = amigo_request_new (operation->http_method ? operation->http_method : "POST", path);
  if (question != NULL)
    add_fixed_query (request, question + 1);

  for (guint i = 0; shape != NULL && i < shape->n_members; i++)
    {
      const AmigoMember *m = &shape->members[i];
      g_autoptr(JsonNode) value = _amigo_protocol_fill_token (m, _amigo_protocol_param (params, m->name));

      if (value == NULL)
        continue;
      if (m->location == AMIGO_LOCATION_QUERYSTRING)
        add_query_member (request, shape, params, m, value);
      else if (m->location == AMIGO_LOCATION_HEADER &&
               g_ascii_strcasecmp (amigo_member_wire_name (m), "Content-Type") == 0)
        explicit_type = header_text (m, value);
      else if (m->location == AMIGO_LOCATION_HEADER)
        {
          g_autofree char *text = header_text (m, value);

          if (m->shape->type != AMIGO_SHAPE_LIST || json_array_get_length (json_node_get_array (value)) > 0)
            amigo_request_add_header (request, amigo_member_wire_name (m), text);
        }
      else if (m->location == AMIGO_LOCATION_HEADERS)
        {
          JsonObjectIter iter;
          const char *key;
          JsonNode *item;

          json_object_iter_init_ordered (&iter, json_node_get_object (value));
          while (json_object_iter_next_ordered (&iter, &key, &item))
            {
              g_autofree char *name = g_strconcat (amigo_member_wire_name (m), key, NULL);
              amigo_request_add_header (request, name, json_node_get_string (item));
            }
        }
    }

  if (shape != NULL && shape->payload != NULL)
    payload = amigo_shape_find_member (shape, shape->payload);
  if (payload != NULL && (payload->shape->type == AMIGO_SHAPE_BLOB ||
                          payload->shape->type == AMIGO_SHAPE_STRING))
    {
      /* A blob or string payload is the body as it is. */
      JsonNode *raw = _amigo_protocol_param (params, payload->name);

      if (raw != NULL)
        body = g_bytes_new (json_node_get_string (raw), strlen (json_node_get_string (raw)));
      content_type = payload->shape->type == AMIGO_SHAPE_BLOB ? "application/octet-stream" : "text/plain";
    }
  else
    body = encode_body (operation, payload, params, &content_type);
  if (body != NULL)
    amigo_request_set_body (request, body, explicit_type ? explicit_type : content_type);
  else if (explicit_type != NULL)
    amigo_request_add_header (request, "Content-Type", explicit_type);
  return g_steal_pointer (&request);
}

/* `a, "b,c", "\"d\""` → a | b,c | "d"; HTTP dates keep their comma. */
static GPtrArray *
split_header_list (const char *text,
                   gboolean    dates)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);
  const char *p = text;

  while (TRUE)
    {
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (item, *p);
            }
          if (*p == '"')
            p++;
          while (*p != '\0' && *p != ',')
            p++;
        }
      else
        {
          const char *end = strchr (p, ',');

          if (dates && end != NULL && memchr (p, ':', end - p) == NULL)
            end = strchr (end + 1, ',');
          if (end == NULL)
            end = p + strlen (p);
          g_string_append_len (item, p, end - p);
          p = end;
        }
      g_ptr_array_add (parts, g_strstrip (g_strdup (item->str)));
      g_string_truncate (item, 0);
      if (*p != ',')
        break;
      p++;
    }
  g_string_free (item, TRUE);
  return parts;
}

static JsonNode *
header_value (const AmigoMember *m,
              const char        *text)
{
  const AmigoShape *shape = m->shape;

  if (amigo_member_flags (m) & AMIGO_SHAPE_JSON_VALUE)
    {
      gsize len = 0;
      g_autofree guchar *json = g_base64_decode (text, &len);
      g_autofree char *decoded = g_strndup ((const char *) json, len);

      return json_node_init_string (json_node_alloc (), decoded);
    }
  if (shape->type == AMIGO_SHAPE_LIST)
    {
      JsonArray *items;
      JsonNode *node = _amigo_protocol_new_array (&items);
      g_autoptr(GPtrArray) parts = split_header_list (text, shape->item->shape->type == AMIGO_SHAPE_TIMESTAMP);

      for (guint i = 0; i < parts->len; i++)
        {
          JsonNode *v = amigo_shape_parse_scalar (shape->item->shape, g_ptr_array_index (parts, i), NULL);

          if (v != NULL)
            json_array_add_element (items, v);
        }
      return node;
    }
  return amigo_shape_parse_scalar (shape, text, NULL);
}

static void
set_header_members (JsonObject         *out,
                    const AmigoShape   *shape,
                    guint               status,
                    SoupMessageHeaders *headers)
{
  for (guint i = 0; i < shape->n_members; i++)
    {
      const AmigoMember *m = &shape->members[i];
      const char *text;
      JsonNode *value = NULL;

      if (m->location == AMIGO_LOCATION_STATUS_CODE)
        value = json_node_init_int (json_node_alloc (), status);
      else if (m->location == AMIGO_LOCATION_HEADER && headers != NULL &&
               (text = soup_message_headers_get_list (headers, amigo_member_wire_name (m))) != NULL)
        value = header_value (m, text);
      else if (m->location == AMIGO_LOCATION_HEADERS && headers != NULL)
        {
          const char *prefix = amigo_member_wire_name (m);
          JsonObject *map;
          SoupMessageHeadersIter iter;
          const char *name;
          const char *hvalue;

          value = _amigo_protocol_new_object (&map);
          soup_message_headers_iter_init (&iter, headers);
          while (soup_message_headers_iter_next (&iter, &name, &hvalue))
            if (g_ascii_strncasecmp (name, prefix, strlen (prefix)) == 0)
              json_object_set_string_member (map, name + strlen (prefix), hvalue);
        }
      if (value != NULL)
        json_object_set_member (out, m->name, value);
    }
}

JsonNode *
_amigo_rest_parse (const AmigoOperation  *operation,
                   guint                  status,
                   SoupMessageHeaders    *headers,
                   const char            *body,
                   gsize                  len,
                   AmigoRestBodyDecoder   decode_body,
                   GError               **error)
{
  const AmigoShape *shape = operation->output ? operation->output->shape : NULL;
  JsonNode *result = _amigo_protocol_new_object (NULL);
  JsonObject *out = json_node_get_object (result);
  const AmigoMember *payload = NULL;
  if (shape == NULL)
    return result;

  if (shape->payload != NULL)
    payload = amigo_shape_find_member (shape, shape->payload);
  if (payload != NULL && (payload->shape->type == AMIGO_SHAPE_BLOB ||
                          payload->shape->type == AMIGO_SHAPE_STRING))
    {
      if (len > 0)
        {
          g_autofree char *text = g_strndup (body, len);
          json_object_set_string_member (out, payload->name, text);
        }
    }
  else if (payload != NULL)
    {
      JsonNode *value = len > 0 ? decode_body (payload, body, len, error) : NULL;

      if (len > 0 && value == NULL)
        {
          json_node_unref (result);
          return NULL;
        }
      if (value != NULL)
        json_object_set_member (out, payload->name, value);
    }
  else if (len > 0)
    {
      g_autoptr(JsonNode) value = decode_body (operation->output, body, len, error);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (value == NULL)
        {
          json_node_unref (result);
          return NULL;
        }
      json_object_iter_init_ordered (&iter, json_node_get_object (value));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (out, name, json_node_ref (member));
    }

  set_header_members (out, shape, status, headers);
  return result;
}
