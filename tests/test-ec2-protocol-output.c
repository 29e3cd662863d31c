/* test-ec2-protocol-output.c — botocore's EC2 protocol output tests, read
 * through AmigoXmlReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/ec2-protocol/output/ec2.json (generated from Smithy's ec2Query
 * compliance tests) and legacy/output/ec2.json (botocore's own) describe
 * responses with generic shapes: structures, lists (wrapped or flattened,
 * with renamed members), maps, scalars, timestamps in three formats,
 * blobs. Amigo's parsers are table-driven for the real EC2 model, so this
 * test puts a small shape-driven walker on the same streaming reader (no
 * document tree): it turns the XML into JSON as botocore's EC2QueryParser
 * would, and compares it with each case's `result`, or for an error with
 * `errorCode`, `errorMessage` and the modelled error members. Each case is
 * fed whole and byte by byte.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "amigo-error.h"
#include "amigo-xml-reader.h"

typedef struct {
  JsonObject *suite;     /* borrowed from the parsed file */
  JsonObject *test_case;
} ProtocolCase;

/* The walker */

typedef enum {
  FRAME_STRUCT,
  FRAME_LIST,
  FRAME_MAP,
  FRAME_ENTRY,
  FRAME_SCALAR,
} FrameKind;

typedef enum {
  SINK_NONE,
  SINK_MEMBER,     /* set `sink_name` of the parent structure */
  SINK_APPEND,     /* append to `sink_array` */
  SINK_KEY,        /* the parent entry's key */
  SINK_VALUE,      /* the parent entry's value */
} SinkKind;

typedef struct {
  FrameKind kind;
  guint depth;
  JsonObject *shape;          /* the shape definition */
  JsonObject *ref;            /* the member reference that led here (traits), or NULL */
  JsonNode *node;             /* being built: object, array */
  SinkKind sink;
  char *sink_name;
  JsonArray *sink_array;
  JsonObject *sink_map;       /* FRAME_ENTRY: where the pair goes */
  char *entry_key;            /* FRAME_ENTRY */
  JsonNode *entry_value;      /* FRAME_ENTRY */
} Frame;

typedef struct {
  JsonObject *shapes;
  JsonObject *root_shape;     /* NULL: nothing to read */
  GArray *frames;
  guint skip_depth;
  JsonNode *result;
} Walker;

static JsonObject *
shape_named (Walker     *w,
             const char *name)
{
  JsonObject *shape = json_object_get_object_member (w->shapes, name);
  g_assert_nonnull (shape);
  return shape;
}

static JsonObject *
ref_shape (Walker     *w,
           JsonObject *ref)
{
  return shape_named (w, json_object_get_string_member (ref, "shape"));
}

static const char *
shape_type (JsonObject *shape)
{
  return json_object_get_string_member (shape, "type");
}

static gboolean
ref_flattened (JsonObject *ref,
               JsonObject *shape)
{
  return json_object_get_boolean_member_with_default (ref, "flattened", FALSE)
         || json_object_get_boolean_member_with_default (shape, "flattened", FALSE);
}

/* The element name of a structure member: its locationName, else its
 * name. A flattened list repeats that element, whatever its items'
 * locationName says: the Smithy rule the files follow. (botocore uses the
 * items' name there, which is why it skips Ec2XmlLists; EC2's real model
 * has no flattened lists.) */
static const char *
member_element (Walker     *w,
                const char *member,
                JsonObject *ref)
{
  if (json_object_has_member (ref, "locationName"))
    return json_object_get_string_member (ref, "locationName");
  return member;
}

static Frame *
top_frame (Walker *w)
{
  return w->frames->len > 0 ? &g_array_index (w->frames, Frame, w->frames->len - 1) : NULL;
}

static Frame *
push_value (Walker     *w,
            guint       depth,
            JsonObject *ref,
            JsonObject *shape,
            SinkKind    sink)
{
  Frame frame = { 0 };
  const char *type = shape_type (shape);

  frame.depth = depth;
  frame.shape = shape;
  frame.ref = ref;
  frame.sink = sink;
  if (strcmp (type, "structure") == 0)
    {
      frame.kind = FRAME_STRUCT;
      frame.node = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_unref (json_node_get_object (frame.node));
    }
  else if (strcmp (type, "list") == 0)
    {
      frame.kind = FRAME_LIST;
      frame.node = json_node_init_array (json_node_alloc (), json_array_new ());
      json_array_unref (json_node_get_array (frame.node));
    }
  else if (strcmp (type, "map") == 0)
    {
      frame.kind = FRAME_MAP;
      frame.node = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_unref (json_node_get_object (frame.node));
    }
  else
    frame.kind = FRAME_SCALAR;

  g_array_append_val (w->frames, frame);
  return top_frame (w);
}

static Frame *
push_entry (Walker     *w,
            guint       depth,
            JsonObject *map_shape,
            JsonObject *map)
{
  Frame frame = { 0 };

  frame.kind = FRAME_ENTRY;
  frame.depth = depth;
  frame.shape = map_shape;
  frame.sink_map = map;
  g_array_append_val (w->frames, frame);
  return top_frame (w);
}

static const char *
map_part_name (JsonObject *map_shape,
               const char *part)
{
  JsonObject *ref = json_object_get_object_member (map_shape, part);
  return json_object_get_string_member_with_default (ref, "locationName", part);
}

static char *
base64_text (const char *text)
{
  gsize len = 0;
  g_autofree guchar *data = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    return g_strdup ("");
  data = g_base64_decode (copy, &len);
  return g_strndup ((const char *) data, len);
}

static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Any of the three timestamp forms (botocore reads them all whatever the
 * declared format), as epoch seconds */
static double
parse_timestamp (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  char *end = NULL;
  double v = g_ascii_strtod (s, &end);
  char wday[4], mon[4], zone[4];
  int day, year, hour, minute, second;

  if (end != s && *end == '\0')
    return v;

  dt = g_date_time_new_from_iso8601 (s, utc);
  if (dt != NULL)
    return g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;

  /* RFC 822 / HTTP date: "Tue, 29 Apr 2014 18:30:38 GMT" */
  if (sscanf (s, "%3s, %d %3s %d %d:%d:%d %3s", wday, &day, mon, &year, &hour, &minute, &second, zone) == 8)
    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      if (strcmp (mon, months[m]) == 0)
        {
          g_autoptr(GDateTime) http = g_date_time_new (utc, year, m + 1, day, hour, minute, second);
          return g_date_time_to_unix (http);
        }

  g_error ("not a timestamp: %s", s);
  return 0;
}

static JsonNode *
scalar_node (JsonObject *shape,
             const char *text)
{
  const char *type = shape_type (shape);
  JsonNode *node = json_node_alloc ();

  if (strcmp (type, "string") == 0 || strcmp (type, "character") == 0)
    return json_node_init_string (node, text);
  if (strcmp (type, "boolean") == 0)
    {
      g_autofree char *s = g_strstrip (g_strdup (text));
      return json_node_init_boolean (node, strcmp (s, "true") == 0);
    }
  if (strcmp (type, "integer") == 0 || strcmp (type, "long") == 0)
    return json_node_init_int (node, g_ascii_strtoll (text, NULL, 10));
  if (strcmp (type, "float") == 0 || strcmp (type, "double") == 0)
    {
      g_autofree char *s = g_strstrip (g_strdup (text));

      /* botocore keeps special values as their names */
      if (strcmp (s, "NaN") == 0 || strcmp (s, "Infinity") == 0 || strcmp (s, "-Infinity") == 0)
        return json_node_init_string (node, s);
      return json_node_init_double (node, g_ascii_strtod (s, NULL));
    }
  if (strcmp (type, "timestamp") == 0)
    return json_node_init_double (node, parse_timestamp (text));
  if (strcmp (type, "blob") == 0)
    {
      g_autofree char *decoded = base64_text (text);
      return json_node_init_string (node, decoded);
    }
  g_error ("shape type %s not handled", type);
  return node;
}

static void
walker_start_cb (gpointer    user_data,
                 const char *name,
                 guint       depth)
{
  Walker *w = user_data;
  Frame *top;

  if (w->skip_depth != 0)
    return;

  if (depth == 1)
    {
      if (w->root_shape == NULL)
        w->skip_depth = depth;
      else
        push_value (w, depth, NULL, w->root_shape, SINK_NONE);
      return;
    }

  top = top_frame (w);
  if (top == NULL || top->depth + 1 != depth)
    {
      w->skip_depth = depth;
      return;
    }

  switch (top->kind)
    {
    case FRAME_STRUCT:
      {
        JsonObject *members = json_object_get_object_member (top->shape, "members");
        JsonObject *object = json_node_get_object (top->node);
        g_autoptr(GList) names = json_object_get_members (members);

        for (GList *l = names; l != NULL; l = l->next)
          {
            JsonObject *ref = json_object_get_object_member (members, l->data);
            JsonObject *shape = ref_shape (w, ref);
            const char *type = shape_type (shape);

            if (strcmp (member_element (w, l->data, ref), name) != 0)
              continue;

            if (strcmp (type, "list") == 0 && ref_flattened (ref, shape))
              {
                JsonObject *item = json_object_get_object_member (shape, "member");
                JsonArray *array;
                Frame *frame;

                if (!json_object_has_member (object, l->data))
                  json_object_set_array_member (object, l->data, json_array_new ());
                array = json_object_get_array_member (object, l->data);
                frame = push_value (w, depth, item, ref_shape (w, item), SINK_APPEND);
                frame->sink_array = array;
              }
            else if (strcmp (type, "map") == 0 && ref_flattened (ref, shape))
              {
                if (!json_object_has_member (object, l->data))
                  json_object_set_object_member (object, l->data, json_object_new ());
                push_entry (w, depth, shape, json_object_get_object_member (object, l->data));
              }
            else
              {
                Frame *frame = push_value (w, depth, ref, shape, SINK_MEMBER);
                frame->sink_name = g_strdup (l->data);
              }
            return;
          }
        w->skip_depth = depth;
      }
      return;

    case FRAME_LIST:
      {
        JsonObject *item = json_object_get_object_member (top->shape, "member");
        const char *item_name = json_object_get_string_member_with_default (item, "locationName", "member");
        JsonArray *array = json_node_get_array (top->node);
        Frame *frame;

        if (strcmp (name, item_name) != 0)
          {
            w->skip_depth = depth;
            return;
          }
        frame = push_value (w, depth, item, ref_shape (w, item), SINK_APPEND);
        frame->sink_array = array;
      }
      return;

    case FRAME_MAP:
      if (strcmp (name, "entry") != 0)
        w->skip_depth = depth;
      else
        push_entry (w, depth, top->shape, json_node_get_object (top->node));
      return;

    case FRAME_ENTRY:
      {
        JsonObject *map_shape = top->shape;

        if (strcmp (name, map_part_name (map_shape, "key")) == 0)
          push_value (w, depth, NULL, ref_shape (w, json_object_get_object_member (map_shape, "key")), SINK_KEY);
        else if (strcmp (name, map_part_name (map_shape, "value")) == 0)
          push_value (w, depth, NULL, ref_shape (w, json_object_get_object_member (map_shape, "value")), SINK_VALUE);
        else
          w->skip_depth = depth;
      }
      return;

    case FRAME_SCALAR:
    default:
      w->skip_depth = depth;
      return;
    }
}

static void
walker_end_cb (gpointer    user_data,
               const char *name,
               guint       depth,
               const char *text,
               gsize       text_len)
{
  Walker *w = user_data;
  Frame frame;
  Frame *parent;
  JsonNode *node;

  if (w->skip_depth != 0)
    {
      if (depth == w->skip_depth)
        w->skip_depth = 0;
      return;
    }
  if (top_frame (w) == NULL || top_frame (w)->depth != depth)
    return;

  frame = *top_frame (w);
  g_array_set_size (w->frames, w->frames->len - 1);
  parent = top_frame (w);

  if (frame.kind == FRAME_ENTRY)
    {
      if (frame.entry_key != NULL && frame.entry_value != NULL)
        json_object_set_member (frame.sink_map, frame.entry_key, g_steal_pointer (&frame.entry_value));
      g_free (frame.entry_key);
      g_clear_pointer (&frame.entry_value, json_node_unref);
      return;
    }

  node = frame.kind == FRAME_SCALAR ? scalar_node (frame.shape, text) : frame.node;

  switch (frame.sink)
    {
    case SINK_NONE:
      w->result = node;
      break;
    case SINK_MEMBER:
      json_object_set_member (json_node_get_object (parent->node), frame.sink_name, node);
      break;
    case SINK_APPEND:
      json_array_add_element (frame.sink_array, node);
      break;
    case SINK_KEY:
      g_free (parent->entry_key);
      parent->entry_key = g_strdup (json_node_get_string (node));
      json_node_unref (node);
      break;
    case SINK_VALUE:
      g_clear_pointer (&parent->entry_value, json_node_unref);
      parent->entry_value = node;
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (frame.sink_name);
}

/* Parses @body with @root_shape; returns the JSON and sets @error. */
static JsonNode *
walk (JsonObject  *shapes,
      JsonObject  *root_shape,
      const char  *root_element,
      const char  *body,
      gsize        chunk,
      guint        status,
      GError     **error)
{
  static const AmigoXmlReaderCallbacks callbacks = { walker_start_cb, walker_end_cb };
  Walker w = { shapes, root_shape, g_array_new (FALSE, TRUE, sizeof (Frame)), 0, NULL };
  g_autoptr(AmigoXmlReader) reader = amigo_xml_reader_new (root_element, &callbacks, &w);
  gsize len = strlen (body);
  gboolean ok = TRUE;

  amigo_xml_reader_set_http_status (reader, status);
  for (gsize off = 0; ok && off < len; off += chunk)
    ok = amigo_xml_reader_feed (reader, body + off, MIN (chunk, len - off), error);
  if (ok)
    amigo_xml_reader_finish (reader, error);

  g_assert_cmpuint (w.frames->len, ==, 0);
  g_array_unref (w.frames);
  if (w.result == NULL)
    w.result = json_node_init_object (json_node_alloc (), json_object_new ());
  return w.result;
}

/* Comparing with the expected result */

static void
assert_json_equal (JsonNode   *want,
                   JsonNode   *got,
                   const char *where)
{
  g_autofree char *want_text = json_to_string (want, FALSE);
  g_autofree char *got_text = json_to_string (got, FALSE);

  if (JSON_NODE_HOLDS_OBJECT (want))
    {
      JsonObject *a = json_node_get_object (want);
      JsonObject *b;
      g_autoptr(GList) names = json_object_get_members (a);

      if (!JSON_NODE_HOLDS_OBJECT (got))
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
      b = json_node_get_object (got);
      if (json_object_get_size (a) != json_object_get_size (b))
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autofree char *here = g_strconcat (where, ".", l->data, NULL);
          if (!json_object_has_member (b, l->data))
            g_error ("%s: missing; expected %s, got %s", here, want_text, got_text);
          assert_json_equal (json_object_get_member (a, l->data), json_object_get_member (b, l->data), here);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (want))
    {
      JsonArray *a = json_node_get_array (want);
      JsonArray *b;

      if (!JSON_NODE_HOLDS_ARRAY (got))
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
      b = json_node_get_array (got);
      if (json_array_get_length (a) != json_array_get_length (b))
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *here = g_strdup_printf ("%s[%u]", where, i);
          assert_json_equal (json_array_get_element (a, i), json_array_get_element (b, i), here);
        }
    }
  else if (json_node_get_value_type (want) == G_TYPE_INT64 || json_node_get_value_type (want) == G_TYPE_DOUBLE)
    {
      GType t = json_node_get_value_type (got);

      if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
      if (fabs (json_node_get_double (want) - json_node_get_double (got)) > 1e-6)
        g_error ("%s: expected %s, got %s", where, want_text, got_text);
    }
  else if (!json_node_equal (want, got))
    g_error ("%s: expected %s, got %s", where, want_text, got_text);
}

static void
test_case (gconstpointer data)
{
  const ProtocolCase *pc = data;
  JsonObject *shapes = json_object_get_object_member (pc->suite, "shapes");
  JsonObject *given = json_object_get_object_member (pc->test_case, "given");
  JsonObject *response = json_object_get_object_member (pc->test_case, "response");
  const char *body = json_object_get_string_member (response, "body");
  guint status = json_object_get_int_member (response, "status_code");
  g_autofree char *root_element = g_strconcat (json_object_get_string_member (given, "name"), "Response", NULL);
  const gsize chunks[] = { G_MAXSIZE, 1 };

  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(GError) error = NULL;

      if (json_object_has_member (pc->test_case, "errorCode"))
        {
          const char *code = json_object_get_string_member (pc->test_case, "errorCode");
          const char *message = json_object_get_string_member_with_default (pc->test_case, "errorMessage", NULL);
          JsonObject *error_shape = json_object_has_member (shapes, code)
                                    ? json_object_get_object_member (shapes, code) : NULL;
          const AmigoAwsErrorDetails *details;
          g_autoptr(GError) direct = amigo_xml_parse_error_document (body, strlen (body), status);
          g_autoptr(JsonNode) got = NULL;
          g_autoptr(JsonNode) want = json_node_copy (json_object_get_member (pc->test_case, "error"));

          /* Only shapes marked as exceptions are error shapes */
          if (error_shape != NULL && !json_object_get_boolean_member_with_default (error_shape, "exception", FALSE))
            error_shape = NULL;

          /* The error document, walked for the modelled members inside <Error> */
          {
            g_autoptr(JsonObject) wrapper_members = json_object_new ();
            g_autoptr(JsonObject) errors_members = json_object_new ();
            g_autoptr(JsonObject) fake_shapes = json_object_new ();
            g_autoptr(GList) names = json_object_get_members (shapes);
            JsonObject *wrapper = json_object_new ();
            JsonObject *errors = json_object_new ();
            JsonObject *ref;

            /* <Response><Errors><Error>…: model it as shapes for the walker */
            for (GList *l = names; l != NULL; l = l->next)
              json_object_set_member (fake_shapes, l->data, json_node_copy (json_object_get_member (shapes, l->data)));
            if (error_shape != NULL)
              {
                ref = json_object_new ();
                json_object_set_string_member (ref, "shape", code);
                json_object_set_object_member (errors_members, "Error", ref);
              }
            json_object_set_string_member (errors, "type", "structure");
            json_object_set_object_member (errors, "members", json_object_ref (errors_members));
            json_object_set_object_member (fake_shapes, "amigo-Errors", errors);
            ref = json_object_new ();
            json_object_set_string_member (ref, "shape", "amigo-Errors");
            json_object_set_object_member (wrapper_members, "Errors", ref);
            json_object_set_string_member (wrapper, "type", "structure");
            json_object_set_object_member (wrapper, "members", json_object_ref (wrapper_members));
            json_object_set_object_member (fake_shapes, "amigo-Response", wrapper);

            got = walk (fake_shapes, json_object_get_object_member (fake_shapes, "amigo-Response"),
                        root_element, body, chunks[c], status, &error);
          }

          for (guint k = 0; k < 2; k++)
            {
              GError *e = k == 0 ? error : direct;

              g_assert_error (e, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
              details = amigo_aws_error_get_details (e);
              g_assert_cmpstr (details->aws_code, ==, code);
              if (message != NULL)
                g_assert_cmpstr (details->aws_message, ==, message);
              g_assert_cmpuint (details->http_status, ==, status);
            }

          /* The modelled members of the error */
          {
            JsonObject *errors = json_node_get_object (got);
            JsonNode *members = NULL;

            if (json_object_has_member (errors, "Errors")
                && json_object_has_member (json_object_get_object_member (errors, "Errors"), "Error"))
              members = json_object_get_member (json_object_get_object_member (errors, "Errors"), "Error");
            if (members == NULL)
              {
                g_autoptr(JsonNode) empty = json_node_init_object (json_node_alloc (), json_object_new ());
                json_object_unref (json_node_get_object (empty));
                assert_json_equal (want, empty, "error");
              }
            else
              assert_json_equal (want, members, "error");
          }
        }
      else
        {
          JsonObject *output = json_object_has_member (given, "output")
                               ? shape_named (&(Walker) { shapes }, json_object_get_string_member (json_object_get_object_member (given, "output"), "shape"))
                               : NULL;
          g_autoptr(JsonNode) got = walk (shapes, output, root_element, body, chunks[c], status, &error);
          JsonNode *want = json_object_get_member (pc->test_case, "result");

          g_assert_no_error (error);
          assert_json_equal (want, got, "result");
        }
    }
}

static JsonParser *
load (const char *relative)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ec2-protocol", relative, NULL);
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return parser;
}

static void
add_cases (JsonParser *parser,
           const char *prefix)
{
  JsonArray *suites = json_node_get_array (json_parser_get_root (parser));

  for (guint s = 0; s < json_array_get_length (suites); s++)
    {
      JsonObject *suite = json_array_get_object_element (suites, s);
      JsonArray *cases = json_object_get_array_member (suite, "cases");

      for (guint c = 0; c < json_array_get_length (cases); c++)
        {
          JsonObject *tc = json_array_get_object_element (cases, c);
          ProtocolCase *pc = g_new0 (ProtocolCase, 1);
          g_autofree char *name = NULL;

          pc->suite = suite;
          pc->test_case = tc;
          if (json_object_has_member (tc, "id"))
            name = g_strdup_printf ("/ec2-protocol/%s/%s", prefix, json_object_get_string_member (tc, "id"));
          else
            {
              g_autofree char *desc = g_strdup (json_object_get_string_member (suite, "description"));
              g_strdelimit (desc, " /", '-');
              name = g_strdup_printf ("/ec2-protocol/%s/%s-%u", prefix, desc, c + 1);
            }
          g_test_add_data_func_full (name, pc, test_case, g_free);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) output = NULL;
  g_autoptr(JsonParser) legacy = NULL;

  g_test_init (&argc, &argv, NULL);

  output = load ("output/ec2.json");
  legacy = load ("legacy/output/ec2.json");
  add_cases (output, "output");
  add_cases (legacy, "legacy-output");

  return g_test_run ();
}
