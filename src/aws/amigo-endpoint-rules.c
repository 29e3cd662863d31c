/* amigo-endpoint-rules.c — AWS endpoint rule sets, interpreted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every AWS service publishes its endpoints as a rule set (botocore's
 * `endpoint-rule-set-1.json`): a tree of conditions over a few parameters
 * (region, FIPS, dual-stack, custom endpoint) ending in a URL template or
 * an error, with the partitions (`partitions.json`) saying which DNS suffix
 * and variants each region has. Amigo ships the rule sets of the services
 * it calls (src/aws/endpoints/, copied by build-aux/update-endpoint-data.py)
 * and evaluates them here as the SDKs do, so a new partition such as
 * aws-eusc, FIPS and dual-stack endpoints, and each service's exceptions
 * (IAM's global endpoint, GovCloud's FIPS hosts) come from AWS's data, not
 * from patterns written by hand.
 *
 * Only the functions the shipped rule sets use are implemented; another
 * one is an error naming it, caught by the tests when the data is updated.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "amigo-endpoint-rules.h"
#include "amigo-error.h"
#include "amigo-aws-resources.h"

#define RESOURCE_PREFIX "/io/github/amigo_app/Amigo/aws/endpoints/"
/* Rule trees are a few levels deep; this only stops a malformed file. */
#define MAX_DEPTH 64

typedef struct {
  GHashTable *scope;            /* name -> JsonNode (owned) */
  GError **error;
} Eval;

/* ---- safe access: the data may be malformed (tests, fuzzing) --------- */

static JsonObject *
member_object (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *obj,
              const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
member_boolean (JsonObject *obj,
                const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* ---- data ---------------------------------------------------------------- */

static JsonNode *
load_resource_json (const char  *name,
                    GError     **error)
{
  static gsize registered;
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data;

  /* In a static library the resource's constructor would be dropped by
   * the linker (--manual-register): make it here, once. */
  if (g_once_init_enter (&registered))
    {
      amigo_aws_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resource_lookup_data (amigo_aws_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("Amigo has no endpoint data for “%s”."), name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (parser, data, (gssize) len, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
get_partitions (void)
{
  static JsonNode *partitions;

  if (g_once_init_enter (&partitions))
    {
      JsonNode *node = load_resource_json ("partitions", NULL);

      /* Built into the library: its absence is a build error. */
      g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
      g_once_init_leave (&partitions, node);
    }
  return partitions;
}

/* The outputs of @region's partition, as a new object with "name":
 * a region listed by a partition, then one matching its pattern, then
 * the "aws" partition (what the SDKs do for any other string). */
static JsonObject *
partition_outputs_for (const char *region)
{
  JsonArray *list = member_array (json_node_get_object (get_partitions ()),
                                                  "partitions");
  JsonObject *chosen = NULL;
  JsonObject *region_overrides = NULL;
  JsonObject *result;
  guint n = json_array_get_length (list);

  for (guint pass = 0; pass < 3 && chosen == NULL; pass++)
    for (guint i = 0; i < n && chosen == NULL; i++)
      {
        JsonObject *p = json_array_get_object_element (list, i);
        JsonObject *regions = member_object (p, "regions");

        if (pass == 0 && regions != NULL && json_object_has_member (regions, region))
          {
            chosen = p;
            region_overrides = member_object (regions, region);
          }
        else if (pass == 1 && member_string (p, "regionRegex") != NULL
                 && g_regex_match_simple (member_string (p, "regionRegex"), region, 0, 0))
          chosen = p;
        else if (pass == 2 && g_strcmp0 (member_string (p, "id"), "aws") == 0)
          chosen = p;
      }
  if (chosen == NULL)
    return NULL;

  result = json_object_new ();
  {
    JsonObject *outputs = member_object (chosen, "outputs");
    g_autoptr(GList) members = outputs != NULL ? json_object_get_members (outputs) : NULL;

    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (result, l->data,
                              json_object_dup_member (outputs, l->data));
  }
  if (member_object (region_overrides, "outputs") != NULL)
    {
      JsonObject *over = member_object (region_overrides, "outputs");
      g_autoptr(GList) members = json_object_get_members (over);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (result, l->data, json_object_dup_member (over, l->data));
    }
  if (!json_object_has_member (result, "name"))
    json_object_set_string_member (result, "name",
                                   member_string (chosen, "id"));
  return result;
}

/* ---- values -------------------------------------------------------------- */

static gboolean
node_is_set (JsonNode *node)
{
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
fail (Eval       *eval,
      const char *what)
{
  if (eval->error != NULL && *eval->error == NULL)
    g_set_error (eval->error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                 _("Amigo cannot read its endpoint data: %s."), what);
  return FALSE;
}

/* getAttr: "name", "a.b", "list[0]". Returns a new node or NULL (unset). */
static JsonNode *
get_attr (JsonNode   *value,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *cur = value;

  for (guint i = 0; parts[i] != NULL && cur != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');

      if (bracket != NULL)
        *bracket = '\0';
      if (*parts[i] != '\0')
        cur = JSON_NODE_HOLDS_OBJECT (cur)
              ? json_object_get_member (json_node_get_object (cur), parts[i]) : NULL;
      if (bracket != NULL && cur != NULL)
        {
          guint64 index = g_ascii_strtoull (bracket + 1, NULL, 10);

          cur = JSON_NODE_HOLDS_ARRAY (cur)
                && index < json_array_get_length (json_node_get_array (cur))
                ? json_array_get_element (json_node_get_array (cur), (guint) index) : NULL;
        }
    }
  return cur != NULL ? json_node_copy (cur) : NULL;
}

/* "{Region}.{PartitionResult#dnsSuffix}", "{{" and "}}" as braces. */
static char *
expand_template (Eval       *eval,
                 const char *template)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, *p);
          p++;
        }
      else if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *name = NULL;
          g_autoptr(JsonNode) value = NULL;
          char *hash;
          const char *text;

          if (end == NULL)
            {
              fail (eval, "unterminated template");
              g_string_free (out, TRUE);
              return NULL;
            }
          name = g_strndup (p + 1, end - p - 1);
          hash = strchr (name, '#');
          if (hash != NULL)
            {
              JsonNode *base;

              *hash = '\0';
              base = g_hash_table_lookup (eval->scope, name);
              value = base != NULL ? get_attr (base, hash + 1) : NULL;
            }
          else if (g_hash_table_lookup (eval->scope, name) != NULL)
            value = json_node_copy (g_hash_table_lookup (eval->scope, name));
          text = node_string (value);
          if (text == NULL)
            {
              fail (eval, "a template names a value that is not a string");
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append (out, text);
          p = end;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static JsonNode *eval_expr (Eval     *eval,
                            JsonNode *expr,
                            guint     depth);

static JsonNode *
call_function (Eval       *eval,
               JsonObject *call,
               guint       depth)
{
  const char *fn = member_string (call, "fn");
  JsonArray *argv = member_array (call, "argv");
  guint argc = argv != NULL ? json_array_get_length (argv) : 0;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *result = json_node_new (JSON_NODE_VALUE);

  for (guint i = 0; i < argc; i++)
    {
      JsonNode *value = eval_expr (eval, json_array_get_element (argv, i), depth + 1);

      if (eval->error != NULL && *eval->error != NULL)
        {
          g_clear_pointer (&value, json_node_unref);
          json_node_unref (result);
          return NULL;
        }
      g_ptr_array_add (args, value != NULL ? value : json_node_new (JSON_NODE_NULL));
    }

#define ARG(i) ((JsonNode *) g_ptr_array_index (args, (i)))
  if (g_strcmp0 (fn, "isSet") == 0 && argc == 1)
    json_node_set_boolean (result, node_is_set (ARG (0)));
  else if (g_strcmp0 (fn, "not") == 0 && argc == 1)
    json_node_set_boolean (result, !node_is_true (ARG (0)));
  else if (g_strcmp0 (fn, "booleanEquals") == 0 && argc == 2)
    json_node_set_boolean (result,
                           node_is_set (ARG (0)) && node_is_set (ARG (1))
                           && node_is_true (ARG (0)) == node_is_true (ARG (1)));
  else if (g_strcmp0 (fn, "stringEquals") == 0 && argc == 2)
    json_node_set_boolean (result,
                           node_string (ARG (0)) != NULL
                           && g_strcmp0 (node_string (ARG (0)), node_string (ARG (1))) == 0);
  else if (g_strcmp0 (fn, "getAttr") == 0 && argc == 2 && node_string (ARG (1)) != NULL)
    {
      json_node_unref (result);
      result = get_attr (ARG (0), node_string (ARG (1)));
      if (result == NULL)
        result = json_node_new (JSON_NODE_NULL);
    }
  else if (g_strcmp0 (fn, "aws.partition") == 0 && argc == 1)
    {
      JsonObject *outputs = node_string (ARG (0)) != NULL
                            ? partition_outputs_for (node_string (ARG (0))) : NULL;

      json_node_unref (result);
      result = json_node_new (outputs != NULL ? JSON_NODE_OBJECT : JSON_NODE_NULL);
      if (outputs != NULL)
        json_node_take_object (result, outputs);
    }
  else
    {
      g_autofree char *what = g_strdup_printf ("the function “%s” is not supported", fn);

      json_node_unref (result);
      fail (eval, what);
      return NULL;
    }
#undef ARG
  return result;
}

/* A literal, a {"ref"}, or a {"fn"} call; strings are templates. */
static JsonNode *
eval_expr (Eval     *eval,
           JsonNode *expr,
           guint     depth)
{
  if (depth > MAX_DEPTH || expr == NULL)
    {
      fail (eval, expr == NULL ? "a value is missing" : "too deep");
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (expr))
    {
      JsonObject *obj = json_node_get_object (expr);

      if (json_object_has_member (obj, "ref"))
        {
          JsonNode *value = g_hash_table_lookup (eval->scope,
                                                 member_string (obj, "ref"));
          return value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL);
        }
      if (json_object_has_member (obj, "fn"))
        return call_function (eval, obj, depth);
      fail (eval, "an expression is neither a reference nor a call");
      return NULL;
    }
  if (node_string (expr) != NULL)
    {
      char *text = expand_template (eval, node_string (expr));
      JsonNode *node;

      if (text == NULL)
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
      g_free (text);
      return node;
    }
  return json_node_copy (expr);
}

/* ---- rules --------------------------------------------------------------- */

typedef enum {
  RULE_NO_MATCH,
  RULE_ENDPOINT,
  RULE_ERROR,
  RULE_FAILED,                  /* eval->error is set */
} RuleResult;

static RuleResult eval_rules (Eval       *eval,
                              JsonArray  *rules,
                              char      **out,
                              guint       depth);

static gboolean
conditions_hold (Eval      *eval,
                 JsonArray *conditions,
                 guint      depth)
{
  guint n = conditions != NULL ? json_array_get_length (conditions) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *cond = json_array_get_element (conditions, i);
      g_autoptr(JsonNode) value = NULL;
      gboolean holds;

      if (!JSON_NODE_HOLDS_OBJECT (cond))
        return fail (eval, "a condition is not an object");
      value = call_function (eval, json_node_get_object (cond), depth + 1);
      if (value == NULL)
        return FALSE;
      holds = JSON_NODE_HOLDS_VALUE (value)
              && json_node_get_value_type (value) == G_TYPE_BOOLEAN
              ? json_node_get_boolean (value) : node_is_set (value);
      if (!holds)
        return FALSE;
      if (json_object_has_member (json_node_get_object (cond), "assign"))
        g_hash_table_insert (eval->scope,
                             g_strdup (member_string (json_node_get_object (cond),
                                                                      "assign")),
                             g_steal_pointer (&value));
    }
  return TRUE;
}

static RuleResult
eval_rule (Eval       *eval,
           JsonObject *rule,
           char      **out,
           guint       depth)
{
  const char *type = member_string (rule, "type");
  g_autoptr(GHashTable) saved = NULL;
  RuleResult result = RULE_NO_MATCH;

  if (depth > MAX_DEPTH)
    {
      fail (eval, "too deep");
      return RULE_FAILED;
    }

  /* Assignments are visible inside the rule only. */
  saved = eval->scope;
  eval->scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, saved);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (eval->scope, g_strdup (key), json_node_copy (value));
  }

  if (!conditions_hold (eval, member_array (rule, "conditions"), depth))
    result = eval->error != NULL && *eval->error != NULL ? RULE_FAILED : RULE_NO_MATCH;
  else if (g_strcmp0 (type, "tree") == 0)
    {
      result = eval_rules (eval, member_array (rule, "rules"), out, depth + 1);
      /* A tree whose conditions held must decide. */
      if (result == RULE_NO_MATCH)
        {
          fail (eval, "a rule tree ended without an endpoint");
          result = RULE_FAILED;
        }
    }
  else if (g_strcmp0 (type, "endpoint") == 0)
    {
      JsonObject *endpoint = member_object (rule, "endpoint");
      g_autoptr(JsonNode) url = endpoint != NULL
        ? eval_expr (eval, json_object_get_member (endpoint, "url"), depth + 1) : NULL;

      if (node_string (url) != NULL)
        {
          *out = g_strdup (node_string (url));
          result = RULE_ENDPOINT;
        }
      else
        {
          fail (eval, "an endpoint has no URL");
          result = RULE_FAILED;
        }
    }
  else if (g_strcmp0 (type, "error") == 0)
    {
      g_autoptr(JsonNode) message = eval_expr (eval, json_object_get_member (rule, "error"),
                                               depth + 1);

      if (node_string (message) != NULL)
        {
          *out = g_strdup (node_string (message));
          result = RULE_ERROR;
        }
      else
        {
          fail (eval, "an error rule has no message");
          result = RULE_FAILED;
        }
    }
  else
    {
      fail (eval, "a rule of unknown type");
      result = RULE_FAILED;
    }

  g_hash_table_unref (eval->scope);
  eval->scope = g_steal_pointer (&saved);
  return result;
}

static RuleResult
eval_rules (Eval       *eval,
            JsonArray  *rules,
            char      **out,
            guint       depth)
{
  guint n = rules != NULL ? json_array_get_length (rules) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *rule = json_array_get_element (rules, i);
      RuleResult result;

      if (!JSON_NODE_HOLDS_OBJECT (rule))
        {
          fail (eval, "a rule is not an object");
          return RULE_FAILED;
        }
      result = eval_rule (eval, json_node_get_object (rule), out, depth);
      if (result != RULE_NO_MATCH)
        return result;
    }
  return RULE_NO_MATCH;
}

static void
set_param (GHashTable *scope,
           const char *name,
           JsonNode   *value)
{
  g_hash_table_insert (scope, g_strdup (name), value);
}

static char *
resolve_node (JsonNode                  *rule_set,
              const AmigoEndpointParams *params,
              GError                   **error)
{
  g_autoptr(GHashTable) scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) json_node_unref);
  JsonObject *root;
  JsonObject *parameters;
  g_autofree char *out = NULL;
  Eval eval = { NULL, error };
  RuleResult result;

  /* json-glib loads a text with no value at all without a root. */
  if (rule_set == NULL || !JSON_NODE_HOLDS_OBJECT (rule_set))
    {
      eval.error = error;
      fail (&eval, "the rule set is not an object");
      return NULL;
    }
  root = json_node_get_object (rule_set);
  parameters = member_object (root, "parameters");

  /* Each parameter from its built-in, or its default. */
  if (parameters != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (parameters);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *param = member_object (parameters, l->data);
          const char *builtin = member_string (param, "builtIn");
          JsonNode *value = NULL;

          if (g_strcmp0 (builtin, "AWS::Region") == 0 && params->region != NULL)
            {
              value = json_node_new (JSON_NODE_VALUE);
              json_node_set_string (value, params->region);
            }
          else if (g_strcmp0 (builtin, "AWS::UseFIPS") == 0)
            {
              value = json_node_new (JSON_NODE_VALUE);
              json_node_set_boolean (value, params->use_fips);
            }
          else if (g_strcmp0 (builtin, "AWS::UseDualStack") == 0)
            {
              value = json_node_new (JSON_NODE_VALUE);
              json_node_set_boolean (value, params->use_dual_stack);
            }
          else if (g_strcmp0 (builtin, "SDK::Endpoint") == 0 && params->endpoint != NULL)
            {
              value = json_node_new (JSON_NODE_VALUE);
              json_node_set_string (value, params->endpoint);
            }
          else if (param != NULL && json_object_has_member (param, "default"))
            value = json_object_dup_member (param, "default");
          if (value != NULL)
            set_param (scope, l->data, value);
        }
    }

  eval.scope = scope;
  result = eval_rules (&eval, member_array (root, "rules"), &out, 0);
  switch (result)
    {
    case RULE_ENDPOINT:
      return g_steal_pointer (&out);
    case RULE_ERROR:
      /* Translators: the %s is AWS's own rule text, in English, such as
       * "FIPS is enabled but this partition does not support FIPS". */
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("AWS has no such endpoint: %s"), out);
      return NULL;
    case RULE_NO_MATCH:
      fail (&eval, "no rule matched");
      return NULL;
    case RULE_FAILED:
    default:
      return NULL;
    }
}

/* ---- public -------------------------------------------------------------- */

static GHashTable *rule_sets;   /* service -> JsonNode, or NULL when absent */
G_LOCK_DEFINE_STATIC (rule_sets);

static JsonNode *
lookup_rule_set (const char *service)
{
  JsonNode *node;

  G_LOCK (rule_sets);
  if (rule_sets == NULL)
    rule_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
  if (!g_hash_table_lookup_extended (rule_sets, service, NULL, (gpointer *) &node))
    {
      node = load_resource_json (service, NULL);
      g_hash_table_insert (rule_sets, g_strdup (service), node);
    }
  G_UNLOCK (rule_sets);
  return node;
}

/**
 * amigo_endpoint_rules_partition:
 * @region: a region code, known or not
 * @outputs: (out): what its partition says of itself; strings stay valid
 *   for the life of the process
 *
 * Returns: %TRUE (every string has a partition: "aws" when no other fits)
 */
gboolean
amigo_endpoint_rules_partition (const char            *region,
                                AmigoPartitionOutputs *outputs)
{
  g_autoptr(JsonObject) found = NULL;

  g_return_val_if_fail (region != NULL && outputs != NULL, FALSE);

  found = partition_outputs_for (region);
  if (found == NULL)
    return FALSE;
  outputs->id = g_intern_string (member_string (found, "name"));
  outputs->dns_suffix = g_intern_string (member_string (found, "dnsSuffix"));
  outputs->dual_stack_dns_suffix =
    g_intern_string (member_string (found, "dualStackDnsSuffix"));
  outputs->supports_fips = member_boolean (found, "supportsFIPS");
  outputs->supports_dual_stack =
    member_boolean (found, "supportsDualStack");
  return TRUE;
}

/**
 * amigo_endpoint_rules_has_service:
 * @service: a service's signing name: `ec2`, `sts`, `sso-oidc`…
 *
 * Returns: whether Amigo ships the service's rule set
 */
gboolean
amigo_endpoint_rules_has_service (const char *service)
{
  g_return_val_if_fail (service != NULL, FALSE);
  return lookup_rule_set (service) != NULL;
}

/**
 * amigo_endpoint_rules_resolve:
 * @service: a service's signing name whose rule set Amigo ships
 * @params: the rule set's inputs
 * @error: return location for an %AMIGO_AWS_ERROR_CONFIG error
 *
 * Returns: (transfer full) (nullable): the endpoint URL, or %NULL when the
 *   rule set says there is none (FIPS where a partition has none, say)
 */
char *
amigo_endpoint_rules_resolve (const char                *service,
                              const AmigoEndpointParams *params,
                              GError                   **error)
{
  JsonNode *rule_set;

  g_return_val_if_fail (service != NULL && params != NULL, NULL);

  rule_set = lookup_rule_set (service);
  if (rule_set == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("Amigo has no endpoint data for “%s”."), service);
      return NULL;
    }
  return resolve_node (rule_set, params, error);
}

/**
 * amigo_endpoint_rules_resolve_json:
 * @rule_set_json: a rule set, as text
 * @params: its inputs
 * @error: return location for an error
 *
 * The same over a rule set given as text (tests, fuzzing).
 *
 * Returns: (transfer full) (nullable): the endpoint URL
 */
char *
amigo_endpoint_rules_resolve_json (const char                *rule_set_json,
                                   const AmigoEndpointParams *params,
                                   GError                   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (rule_set_json != NULL && params != NULL, NULL);

  if (!json_parser_load_from_data (parser, rule_set_json, -1, error))
    return NULL;
  return resolve_node (json_parser_get_root (parser), params, error);
}
