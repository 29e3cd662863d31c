/* protocol-suite.c — botocore's protocol compliance suites as Amigo models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each suite carries a small service model (`metadata`, `shapes`) and
 * cases whose `given` is an operation. The shapes become AmigoShape and
 * AmigoMember structs on the heap, filled in two passes so recursive and
 * forward references resolve; names point into the loaded JSON.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "protocol-suite.h"

struct _ProtocolSuite
{
  JsonObject *json;
  AmigoServiceModel model;
  GHashTable *shapes;           /* name → AmigoShape */
  GHashTable *operations;       /* JsonObject given → AmigoOperation */
  GPtrArray *allocations;
};

static GPtrArray *loaded_parsers;
static GPtrArray *loaded_suites;

static void
suite_free (gpointer data)
{
  ProtocolSuite *suite = data;

  g_hash_table_unref (suite->shapes);
  g_hash_table_unref (suite->operations);
  g_ptr_array_unref (suite->allocations);
  g_free (suite);
}

void
protocol_suites_unload (void)
{
  g_clear_pointer (&loaded_suites, g_ptr_array_unref);
  g_clear_pointer (&loaded_parsers, g_ptr_array_unref);
}

static const char *
string_or_null (JsonObject *obj,
                const char *name)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
flag (JsonObject *obj,
      const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

static gpointer
suite_alloc (ProtocolSuite *suite,
             gsize          size)
{
  gpointer p = g_malloc0 (size);

  g_ptr_array_add (suite->allocations, p);
  return p;
}

static AmigoShape *
shape_named (ProtocolSuite *suite,
             const char    *name)
{
  AmigoShape *shape = g_hash_table_lookup (suite->shapes, name);

  g_assert_nonnull (shape);
  return shape;
}

static guint
traits (JsonObject *obj)
{
  guint flags = 0;

  if (flag (obj, "flattened"))
    flags |= AMIGO_SHAPE_FLATTENED;
  if (flag (obj, "xmlAttribute"))
    flags |= AMIGO_SHAPE_XML_ATTRIBUTE;
  if (flag (obj, "jsonvalue"))
    flags |= AMIGO_SHAPE_JSON_VALUE;
  if (flag (obj, "idempotencyToken"))
    flags |= AMIGO_SHAPE_IDEMPOTENCY_TOKEN;
  if (flag (obj, "hostLabel"))
    flags |= AMIGO_SHAPE_HOST_LABEL;
  if (flag (obj, "streaming"))
    flags |= AMIGO_SHAPE_STREAMING;
  if (flag (obj, "eventstream"))
    flags |= AMIGO_SHAPE_EVENT_STREAM;
  if (flag (obj, "union"))
    flags |= AMIGO_SHAPE_UNION;
  if (flag (obj, "exception"))
    flags |= AMIGO_SHAPE_EXCEPTION;
  return flags;
}

static void
read_namespace (JsonObject   *obj,
                const char  **uri,
                const char  **prefix)
{
  JsonNode *ns = json_object_get_member (obj, "xmlNamespace");

  if (ns == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (ns))
    {
      *uri = string_or_null (json_node_get_object (ns), "uri");
      *prefix = string_or_null (json_node_get_object (ns), "prefix");
    }
  else
    *uri = json_node_get_string (ns);
}

static void
fill_member (ProtocolSuite *suite,
             AmigoMember   *member,
             const char    *name,
             JsonObject    *ref)
{
  static const struct { const char *name; AmigoLocation location; } locations[] = {
    { "header", AMIGO_LOCATION_HEADER }, { "headers", AMIGO_LOCATION_HEADERS },
    { "uri", AMIGO_LOCATION_URI }, { "querystring", AMIGO_LOCATION_QUERYSTRING },
    { "statusCode", AMIGO_LOCATION_STATUS_CODE },
  };
  const char *location = string_or_null (ref, "location");

  member->name = name;
  member->shape = shape_named (suite, string_or_null (ref, "shape"));
  member->location = AMIGO_LOCATION_BODY;
  for (guint i = 0; location != NULL && i < G_N_ELEMENTS (locations); i++)
    if (strcmp (location, locations[i].name) == 0)
      member->location = locations[i].location;
  member->location_name = string_or_null (ref, "locationName");
  member->query_name = string_or_null (ref, "queryName");
  member->timestamp_format = string_or_null (ref, "timestampFormat");
  read_namespace (ref, &member->xml_namespace_uri, &member->xml_namespace_prefix);
  member->flags = traits (ref);
}

static AmigoMember *
new_member (ProtocolSuite *suite,
            const char    *name,
            JsonObject    *ref)
{
  AmigoMember *member;

  if (ref == NULL)
    return NULL;
  member = suite_alloc (suite, sizeof *member);
  fill_member (suite, member, name, ref);
  return member;
}

static AmigoShapeType
shape_type (JsonObject *def)
{
  static const struct { const char *name; AmigoShapeType type; } types[] = {
    { "structure", AMIGO_SHAPE_STRUCTURE }, { "list", AMIGO_SHAPE_LIST }, { "map", AMIGO_SHAPE_MAP },
    { "string", AMIGO_SHAPE_STRING }, { "character", AMIGO_SHAPE_STRING },
    { "integer", AMIGO_SHAPE_INTEGER }, { "byte", AMIGO_SHAPE_INTEGER }, { "short", AMIGO_SHAPE_INTEGER },
    { "long", AMIGO_SHAPE_LONG }, { "bigInteger", AMIGO_SHAPE_LONG },
    { "boolean", AMIGO_SHAPE_BOOLEAN }, { "float", AMIGO_SHAPE_FLOAT }, { "double", AMIGO_SHAPE_DOUBLE },
    { "bigDecimal", AMIGO_SHAPE_DOUBLE }, { "timestamp", AMIGO_SHAPE_TIMESTAMP },
    { "blob", AMIGO_SHAPE_BLOB },
  };
  const char *type = string_or_null (def, "type");

  if (flag (def, "document"))
    return AMIGO_SHAPE_DOCUMENT;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (type, types[i].name) == 0)
      return types[i].type;
  g_error ("unknown shape type %s", type);
}

static void
fill_shape (ProtocolSuite *suite,
            AmigoShape    *shape,
            const char    *name,
            JsonObject    *def)
{
  JsonObject *members = json_object_has_member (def, "members") ? json_object_get_object_member (def, "members") : NULL;
  JsonObject *error = json_object_get_member (def, "error") ? json_object_get_object_member (def, "error") : NULL;

  shape->type = shape_type (def);
  shape->name = name;
  shape->flags = traits (def);
  shape->timestamp_format = string_or_null (def, "timestampFormat");
  shape->location_name = string_or_null (def, "locationName");
  read_namespace (def, &shape->xml_namespace_uri, &shape->xml_namespace_prefix);
  shape->payload = string_or_null (def, "payload");
  shape->error_code = string_or_null (error, "code");
  if (json_object_has_member (def, "member"))
    shape->item = new_member (suite, NULL, json_object_get_object_member (def, "member"));
  if (json_object_has_member (def, "key"))
    shape->key = new_member (suite, NULL, json_object_get_object_member (def, "key"));
  if (json_object_has_member (def, "value"))
    shape->value = new_member (suite, NULL, json_object_get_object_member (def, "value"));
  if (shape->type == AMIGO_SHAPE_STRUCTURE && members != NULL)
    {
      GList *names = json_object_get_members (members);
      AmigoMember *array = suite_alloc (suite, sizeof (AmigoMember) * (g_list_length (names) + 1));
      guint n = 0;

      for (GList *l = names; l != NULL; l = l->next)
        fill_member (suite, &array[n++], l->data, json_object_get_object_member (members, l->data));
      g_list_free (names);
      shape->members = array;
      shape->n_members = n;
    }
}

static ProtocolSuite *
suite_new (JsonObject *json)
{
  ProtocolSuite *suite = g_new0 (ProtocolSuite, 1);
  JsonObject *metadata = json_object_get_object_member (json, "metadata");
  JsonObject *shapes = json_object_get_object_member (json, "shapes");
  const char *protocol = string_or_null (metadata, "protocol");
  GList *names = json_object_get_members (shapes);

  suite->json = json;
  suite->shapes = g_hash_table_new (g_str_hash, g_str_equal);
  suite->operations = g_hash_table_new (NULL, NULL);
  suite->allocations = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (protocol, "query") == 0)
    suite->model.protocol = AMIGO_PROTOCOL_QUERY;
  else if (g_strcmp0 (protocol, "json") == 0)
    suite->model.protocol = AMIGO_PROTOCOL_JSON;
  else if (g_strcmp0 (protocol, "rest-json") == 0)
    suite->model.protocol = AMIGO_PROTOCOL_REST_JSON;
  else if (g_strcmp0 (protocol, "rest-xml") == 0)
    suite->model.protocol = AMIGO_PROTOCOL_REST_XML;
  else
    g_error ("unknown protocol %s", protocol);
  suite->model.api_version = string_or_null (metadata, "apiVersion");
  suite->model.json_version = string_or_null (metadata, "jsonVersion");
  suite->model.target_prefix = string_or_null (metadata, "targetPrefix");
  suite->model.signing_name = "test";

  for (GList *l = names; l != NULL; l = l->next)
    g_hash_table_insert (suite->shapes, l->data, suite_alloc (suite, sizeof (AmigoShape)));
  for (GList *l = names; l != NULL; l = l->next)
    fill_shape (suite, g_hash_table_lookup (suite->shapes, l->data), l->data,
                json_object_get_object_member (shapes, l->data));
  g_list_free (names);
  return suite;
}

GPtrArray *
protocol_suites_load (const char *direction,
                      const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "aws-protocols", direction, file, NULL);
  JsonParser *parser = json_parser_new ();
  GPtrArray *suites = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_object_unref (parser);
      return suites;
    }
  if (loaded_parsers == NULL)
    {
      loaded_parsers = g_ptr_array_new_with_free_func (g_object_unref);
      loaded_suites = g_ptr_array_new_with_free_func (suite_free);
    }
  g_ptr_array_add (loaded_parsers, parser);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ProtocolSuite *suite = suite_new (json_array_get_object_element (array, i));

      g_ptr_array_add (suites, suite);
      g_ptr_array_add (loaded_suites, suite);
    }
  return suites;
}

const char *
protocol_suite_description (ProtocolSuite *suite)
{
  return string_or_null (suite->json, "description");
}

JsonArray *
protocol_suite_cases (ProtocolSuite *suite)
{
  return json_object_get_array_member (suite->json, "cases");
}

const AmigoServiceModel *
protocol_suite_model (ProtocolSuite *suite)
{
  return &suite->model;
}

const AmigoOperation *
protocol_suite_operation (ProtocolSuite *suite,
                          JsonObject    *given)
{
  AmigoOperation *op = g_hash_table_lookup (suite->operations, given);
  JsonObject *http = json_object_get_object_member (given, "http");

  if (op != NULL)
    return op;
  op = suite_alloc (suite, sizeof *op);
  op->name = string_or_null (given, "name");
  op->http_method = string_or_null (http, "method");
  op->request_uri = string_or_null (http, "requestUri");
  if (json_object_has_member (given, "input"))
    op->input = new_member (suite, NULL, json_object_get_object_member (given, "input"));
  if (json_object_has_member (given, "output"))
    {
      JsonObject *output = json_object_get_object_member (given, "output");

      op->output = new_member (suite, NULL, output);
      op->result_wrapper = string_or_null (output, "resultWrapper");
    }
  g_hash_table_insert (suite->operations, given, op);
  return op;
}

static gboolean
uses_event_stream (const AmigoMember *ref)
{
  const AmigoShape *shape = ref ? ref->shape : NULL;

  for (guint i = 0; shape != NULL && i < shape->n_members; i++)
    if (shape->members[i].shape->flags & AMIGO_SHAPE_EVENT_STREAM)
      return TRUE;
  return FALSE;
}

const char *
protocol_suite_skip_reason (ProtocolSuite *suite,
                            JsonObject    *test_case)
{
  JsonObject *given = json_object_get_object_member (test_case, "given");
  const AmigoOperation *op = protocol_suite_operation (suite, given);

  if (json_object_has_member (given, "requestcompression"))
    return "request compression (gzip bodies) is not offered by Amigo's client";
  if (json_object_has_member (given, "endpoint"))
    return "host prefixes (the endpoint trait) are not offered by Amigo's client";
  if (uses_event_stream (op->input) || uses_event_stream (op->output))
    return "event streams are not offered by Amigo's client";
  if (json_object_has_member (given, "httpChecksumRequired"))
    return "request checksums (Content-MD5) are not offered by Amigo's client";
  return NULL;
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
protocol_json_equal (JsonNode *expected,
                     JsonNode *actual)
{
  if (expected == NULL || actual == NULL)
    return expected == actual;
  if (is_number (expected) && is_number (actual))
    {
      double a = json_node_get_double (expected);
      double b = json_node_get_double (actual);

      return fabs (a - b) <= 1e-6 * MAX (1.0, fabs (a));
    }
  if (is_number (expected) != is_number (actual))
    return FALSE;
  if (JSON_NODE_TYPE (expected) != JSON_NODE_TYPE (actual))
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *e = json_node_get_object (expected);
      JsonObject *a = json_node_get_object (actual);
      GList *names = json_object_get_members (e);
      gboolean equal = json_object_get_size (e) == json_object_get_size (a);

      for (GList *l = names; equal && l != NULL; l = l->next)
        equal = protocol_json_equal (json_object_get_member (e, l->data), json_object_get_member (a, l->data));
      g_list_free (names);
      return equal;
    }
  if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *e = json_node_get_array (expected);
      JsonArray *a = json_node_get_array (actual);

      if (json_array_get_length (e) != json_array_get_length (a))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (e); i++)
        if (!protocol_json_equal (json_array_get_element (e, i), json_array_get_element (a, i)))
          return FALSE;
      return TRUE;
    }
  return json_node_equal (expected, actual);
}
