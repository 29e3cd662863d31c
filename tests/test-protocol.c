/* test-protocol.c — botocore's compliance suites of one AWS protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per protocol (PROTOCOL_FILE names the suite files): every
 * input case serializes its params through amigo_protocol_serialize() and
 * compares method, path, query (by parameter), headers and body (by
 * parameter for forms, as JSON values, as XML trees); every output case
 * parses its response through amigo_protocol_parse() and compares the
 * result, or reads the error with the protocol's error parser and compares
 * code and message. Each case is a subtest named after its suite and id.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "amigo-protocol.h"
#include "protocol-suite.h"

typedef struct {
  ProtocolSuite *suite;
  JsonObject *test_case;
} Case;

/* ---- comparing requests ------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Idempotency tokens are random; the suites' fixed one stands for any. */
static char *
same_tokens (const char *text)
{
  g_autoptr(GRegex) uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                                        0, 0, NULL);

  return g_regex_replace_literal (uuid, text ? text : "", -1, 0,
                                  "00000000-0000-4000-8000-000000000000", 0, NULL);
}

/* Decoded name=value pairs, sorted, one "name=value" string each. */
static GPtrArray *
form_pairs (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normal = same_tokens (text);
  g_auto(GStrv) pairs = g_strsplit (normal, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *decoded;

      if (*pairs[i] == '\0')
        continue;
      decoded = g_uri_unescape_string (pairs[i], NULL);
      g_ptr_array_add (out, decoded ? decoded : g_strdup (pairs[i]));
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}

static void
assert_same_pairs (const char *expected,
                   const char *actual)
{
  g_autoptr(GPtrArray) e = form_pairs (expected);
  g_autoptr(GPtrArray) a = form_pairs (actual);

  for (guint i = 0; i < MAX (e->len, a->len); i++)
    g_assert_cmpstr (i < e->len ? g_ptr_array_index (e, i) : NULL, ==,
                     i < a->len ? g_ptr_array_index (a, i) : NULL);
}

static gboolean
xml_equal (xmlNode *e,
           xmlNode *a)
{
  xmlAttr *attr;

  while (e != NULL || a != NULL)
    {
      /* Whitespace between elements means nothing. */
      while (e != NULL && (e->type != XML_ELEMENT_NODE && xmlIsBlankNode (e)))
        e = e->next;
      while (a != NULL && (a->type != XML_ELEMENT_NODE && xmlIsBlankNode (a)))
        a = a->next;
      if (e == NULL || a == NULL)
        return e == a;
      if (e->type != a->type)
        return FALSE;
      if (e->type == XML_ELEMENT_NODE)
        {
          guint n_e = 0, n_a = 0;

          if (xmlStrcmp (e->name, a->name) != 0)
            return FALSE;
          for (attr = e->properties; attr != NULL; attr = attr->next, n_e++)
            {
              xmlChar *ve = xmlGetProp (e, attr->name);
              xmlChar *va = xmlGetProp (a, attr->name);
              gboolean same = va != NULL && xmlStrcmp (ve, va) == 0;

              xmlFree (ve);
              xmlFree (va);
              if (!same)
                return FALSE;
            }
          for (attr = a->properties; attr != NULL; attr = attr->next)
            n_a++;
          if (n_e != n_a || (e->nsDef == NULL) != (a->nsDef == NULL) ||
              (e->nsDef != NULL && xmlStrcmp (e->nsDef->href, a->nsDef->href) != 0))
            return FALSE;
          if (!xml_equal (e->children, a->children))
            return FALSE;
        }
      else if (xmlStrcmp (e->content, a->content) != 0)
        return FALSE;
      e = e->next;
      a = a->next;
    }
  return TRUE;
}

static void
assert_same_body (AmigoProtocolKind  kind,
                  const char        *expected,
                  GBytes            *body)
{
  g_autofree char *raw = body ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body))
                              : g_strdup ("");
  g_autofree char *actual = same_tokens (raw);

  if (expected == NULL || *expected == '\0')
    {
      g_assert_cmpstr (actual, ==, "");
      return;
    }
  switch (kind)
    {
    case AMIGO_PROTOCOL_QUERY:
      assert_same_pairs (expected, actual);
      break;
    case AMIGO_PROTOCOL_JSON:
    case AMIGO_PROTOCOL_REST_JSON:
      {
        g_autoptr(JsonNode) e = json_from_string (expected, NULL);
        g_autoptr(JsonNode) a = json_from_string (actual, NULL);

        if (e == NULL || a == NULL || !protocol_json_equal (e, a))
          g_assert_cmpstr (actual, ==, expected);
      }
      break;
    case AMIGO_PROTOCOL_REST_XML:
      if (*(expected + strspn (expected, " \t\r\n")) != '<')
        {
          /* A string or blob payload goes as it is. */
          g_assert_cmpstr (actual, ==, expected);
          break;
        }
      {
        xmlDoc *e = xmlReadMemory (expected, strlen (expected), NULL, NULL, XML_PARSE_NOBLANKS | XML_PARSE_NONET);
        xmlDoc *a = xmlReadMemory (actual, strlen (actual), NULL, NULL, XML_PARSE_NOBLANKS | XML_PARSE_NONET);
        gboolean equal = e != NULL && a != NULL && xml_equal (xmlDocGetRootElement (e), xmlDocGetRootElement (a));

        if (e != NULL)
          xmlFreeDoc (e);
        if (a != NULL)
          xmlFreeDoc (a);
        if (!equal)
          g_assert_cmpstr (actual, ==, expected);
      }
      break;
    case AMIGO_PROTOCOL_EC2:
    default:
      g_assert_not_reached ();
    }
}

static void
run_input_case (gconstpointer data)
{
  const Case *c = data;
  JsonObject *serialized = json_object_get_object_member (c->test_case, "serialized");
  const AmigoServiceModel *model = protocol_suite_model (c->suite);
  const AmigoOperation *op;
  const char *skip = protocol_suite_skip_reason (c->suite, c->test_case);
  g_autoptr(AmigoRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  const char *uri;
  const char *question;
  g_autofree char *path = NULL;
  g_autofree char *sent = NULL;
  const char *host;

  if (skip != NULL)
    {
      g_test_skip (skip);
      return;
    }
  op = protocol_suite_operation (c->suite, json_object_get_object_member (c->test_case, "given"));
  request = amigo_protocol_serialize (model, op, json_object_get_member (c->test_case, "params"), &error);
  g_assert_no_error (error);
  if (request == NULL)
    return;

  g_assert_cmpstr (amigo_request_get_method (request), ==,
                   json_object_get_string_member (serialized, "method"));
  uri = json_object_get_string_member (serialized, "uri");
  question = strchr (uri, '?');
  path = question ? g_strndup (uri, question - uri) : g_strdup (uri);
  host = json_object_has_member (serialized, "host") ? json_object_get_string_member (serialized, "host") : NULL;
  if (host != NULL && strchr (host, '/') != NULL)
    {
      /* An endpoint with a path: the client puts it before the request's. */
      g_autofree char *base = g_strdup (strchr (host, '/'));

      if (g_str_has_suffix (base, "/"))
        base[strlen (base) - 1] = '\0';
      sent = g_strconcat (base, amigo_request_get_path (request), NULL);
    }
  else
    sent = g_strdup (amigo_request_get_path (request));
  g_assert_cmpstr (sent, ==, path);
  query = amigo_request_dup_query_string (request);
  assert_same_pairs (question ? question + 1 : NULL, query);

  if (json_object_has_member (serialized, "headers"))
    {
      JsonObject *headers = json_object_get_object_member (serialized, "headers");
      GList *names = json_object_get_members (headers);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *expected = json_object_get_string_member (headers, l->data);
          g_autofree char *actual = same_tokens (g_ascii_strcasecmp (l->data, "Content-Type") == 0
                                                 ? amigo_request_get_content_type (request)
                                                 : amigo_request_get_header (request, l->data));
          g_autofree char *media = actual ? g_strndup (actual, strcspn (actual, ";")) : NULL;

          /* The charset parameter Amigo adds to forms changes nothing. */
          if (g_ascii_strcasecmp (l->data, "Content-Type") == 0 && strchr (expected, ';') == NULL)
            g_assert_cmpstr (media, ==, expected);
          else
            g_assert_cmpstr (actual, ==, expected);
        }
      g_list_free (names);
    }
  if (json_object_has_member (serialized, "forbidHeaders"))
    {
      JsonArray *names = json_object_get_array_member (serialized, "forbidHeaders");

      for (guint i = 0; i < json_array_get_length (names); i++)
        g_assert_null (amigo_request_get_header (request, json_array_get_string_element (names, i)));
    }
  if (json_object_has_member (serialized, "requireHeaders"))
    {
      JsonArray *names = json_object_get_array_member (serialized, "requireHeaders");

      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          const char *name = json_array_get_string_element (names, i);

          if (g_ascii_strcasecmp (name, "Content-Length") == 0)
            continue;         /* libsoup sets it from the body */
          g_assert_nonnull (g_ascii_strcasecmp (name, "Content-Type") == 0
                            ? amigo_request_get_content_type (request)
                            : amigo_request_get_header (request, name));
        }
    }

  /* A case without a body says nothing about it. */
  if (json_object_has_member (serialized, "body"))
    assert_same_body (model->protocol, json_object_get_string_member (serialized, "body"),
                      amigo_request_get_body (request));
}

/* ---- comparing answers ------------------------------------------------- */

static void
run_output_case (gconstpointer data)
{
  const Case *c = data;
  JsonObject *response = json_object_get_object_member (c->test_case, "response");
  const AmigoServiceModel *model = protocol_suite_model (c->suite);
  const AmigoOperation *op;
  const char *skip = protocol_suite_skip_reason (c->suite, c->test_case);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  guint status = (guint) json_object_get_int_member (response, "status_code");
  const char *body = json_object_has_member (response, "body")
                     ? json_object_get_string_member (response, "body") : "";

  if (skip != NULL)
    {
      g_test_skip (skip);
      return;
    }
  op = protocol_suite_operation (c->suite, json_object_get_object_member (c->test_case, "given"));
  if (json_object_has_member (response, "headers"))
    {
      JsonObject *h = json_object_get_object_member (response, "headers");
      GList *names = json_object_get_members (h);

      for (GList *l = names; l != NULL; l = l->next)
        soup_message_headers_append (headers, l->data, json_object_get_string_member (h, l->data));
      g_list_free (names);
    }

  if (json_object_has_member (c->test_case, "errorCode"))
    {
      g_auto(AmigoErrorParts) parts = { 0 };
      AmigoErrorParser parser = amigo_protocol_error_parser (model->protocol);

      if (!parser (status, headers, body, strlen (body), &parts))
        {
          g_test_fail_printf ("the error answer was not read: %s", body);
          return;
        }
      g_assert_cmpstr (parts.code, ==, json_object_get_string_member (c->test_case, "errorCode"));
      if (json_object_has_member (c->test_case, "errorMessage"))
        g_assert_cmpstr (parts.message, ==, json_object_get_string_member (c->test_case, "errorMessage"));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) result = amigo_protocol_parse (model, op, status, headers, body, strlen (body), &error);
      JsonNode *expected = json_object_get_member (c->test_case, "result");

      g_assert_no_error (error);
      if (result != NULL && !protocol_json_equal (expected, result))
        {
          g_autofree char *e = json_to_string (expected, FALSE);
          g_autofree char *a = json_to_string (result, FALSE);

          g_assert_cmpstr (a, ==, e);
        }
    }
}

/* ---- registering ------------------------------------------------------- */

static char *
path_component (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' ? *p : '-');
  return g_string_free (out, FALSE);
}

static guint
add_cases (const char     *direction,
           GTestDataFunc   func)
{
  g_autoptr(GPtrArray) suites = protocol_suites_load (direction, PROTOCOL_FILE);
  guint n = 0;

  for (guint s = 0; s < suites->len; s++)
    {
      ProtocolSuite *suite = g_ptr_array_index (suites, s);
      JsonArray *cases = protocol_suite_cases (suite);
      g_autofree char *described = path_component (protocol_suite_description (suite));

      for (guint i = 0; i < json_array_get_length (cases); i++)
        {
          JsonObject *test_case = json_array_get_object_element (cases, i);
          Case *c = g_new0 (Case, 1);
          g_autofree char *id = json_object_has_member (test_case, "id")
                                ? path_component (json_object_get_string_member (test_case, "id"))
                                : g_strdup_printf ("%u", i);
          g_autofree char *name = g_strdup_printf ("/protocol/%s/%s/%s/%u-%s", PROTOCOL_FILE, direction,
                                                   described, i, id);

          c->suite = suite;
          c->test_case = test_case;
          g_test_add_data_func_full (name, c, func, g_free);
          n++;
        }
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  guint n_input;
  guint n_output;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Every case runs and reports, whatever one of them finds. */
  g_test_set_nonfatal_assertions ();

  n_input = add_cases ("input", run_input_case);
  n_output = add_cases ("output", run_output_case);
  /* A missing or cut data file fails rather than passing with no case. */
  g_assert_cmpuint (n_input, ==, EXPECTED_INPUT_CASES);
  g_assert_cmpuint (n_output, ==, EXPECTED_OUTPUT_CASES);

  status = g_test_run ();
  protocol_suites_unload ();
  return status;
}
