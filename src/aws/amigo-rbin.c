/* amigo-rbin.c — Amazon Recycle Bin: ListRules (with each rule's tags
 * from GetRule), CreateRule, and which rule would keep an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-page-guard.h"
#include "amigo-rbin.h"
#include "amigo-rbin-model.h"

struct _AmigoRbin
{
  AmigoService parent_instance;
};

AMIGO_DEFINE_SERVICE (AmigoRbin, amigo_rbin, AMIGO_TYPE_RBIN, &amigo_rbin_model, "rbin")

/* ListRules: "MaxResults … Valid Range: Minimum value of 1. Maximum value of 1000." */
#define LIST_RULES_PAGE 1000

/**
 * amigo_rbin_rule_free:
 * @rule: (transfer full) (nullable): a rule
 */
void
amigo_rbin_rule_free (AmigoRbinRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->identifier);
  g_free (rule->description);
  g_free (rule->resource_type);
  g_free (rule->lock_state);
  g_free (rule->rule_arn);
  g_strfreev (rule->resource_tag_keys);
  g_strfreev (rule->resource_tag_values);
  g_strfreev (rule->exclude_tag_keys);
  g_strfreev (rule->exclude_tag_values);
  g_free (rule);
}

static gboolean
tags_match (char * const   *keys,
            char * const   *values,
            const AmigoTag *tags,
            guint           n_tags)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    for (guint j = 0; j < n_tags; j++)
      if (g_strcmp0 (tags[j].key, keys[i]) == 0
          && (values[i] == NULL || *values[i] == '\0' || g_strcmp0 (tags[j].value, values[i]) == 0))
        return TRUE;
  return FALSE;
}

/**
 * amigo_rbin_rule_keeps:
 * @rule: a rule
 * @tags: (array length=n_tags) (nullable): a resource's tags
 * @n_tags: how many
 *
 * Whether @rule would keep a resource with @tags (of its resource type): a
 * tag-level rule when one of its resource tags matches (a tag without a
 * value matches any value), a Region-level rule unless one of its
 * exclusion tags matches.
 *
 * Returns: %TRUE when @rule applies
 */
gboolean
amigo_rbin_rule_keeps (const AmigoRbinRule *rule,
                       const AmigoTag      *tags,
                       guint                n_tags)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  if (rule->resource_tag_keys != NULL && rule->resource_tag_keys[0] != NULL)
    return tags_match (rule->resource_tag_keys, rule->resource_tag_values, tags, n_tags);
  return !tags_match (rule->exclude_tag_keys, rule->exclude_tag_values, tags, n_tags);
}

/**
 * amigo_rbin_rules_retention_days:
 * @rules: (element-type AmigoRbinRule): the region's rules for the type
 * @tags: (array length=n_tags) (nullable): a resource's tags
 * @n_tags: how many
 * @rule: (out) (optional) (transfer none): the rule that applies
 *
 * How long the Recycle Bin would keep a resource with @tags if it were
 * deleted now. The Recycle Bin User Guide: tag-level rules take precedence
 * over Region-level ones, and of several matching rules the longest
 * retention period applies.
 *
 * Returns: the days it would be kept, 0 when no rule keeps it
 */
guint
amigo_rbin_rules_retention_days (GPtrArray            *rules,
                                 const AmigoTag       *tags,
                                 guint                 n_tags,
                                 const AmigoRbinRule **rule)
{
  const AmigoRbinRule *best = NULL;
  gboolean best_tag_level = FALSE;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const AmigoRbinRule *r = g_ptr_array_index (rules, i);
      gboolean tag_level = r->resource_tag_keys != NULL && r->resource_tag_keys[0] != NULL;

      if (!amigo_rbin_rule_keeps (r, tags, n_tags))
        continue;
      if (best == NULL
          || (tag_level && !best_tag_level)
          || (tag_level == best_tag_level && r->retention_days > best->retention_days))
        {
          best = r;
          best_tag_level = tag_level;
        }
    }
  if (rule != NULL)
    *rule = best;
  return best != NULL ? best->retention_days : 0;
}

/* ---- JSON helpers ----------------------------------------------------- */

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
read_tags (JsonObject   *object,
           const char   *name,
           char       ***keys,
           char       ***values)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *tag = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          const char *key = member_string (tag, "ResourceTagKey");
          const char *value = member_string (tag, "ResourceTagValue");

          if (key == NULL)
            continue;
          g_strv_builder_add (k, key);
          g_strv_builder_add (v, value != NULL ? value : "");
        }
    }
  g_strfreev (*keys);
  g_strfreev (*values);
  *keys = g_strv_builder_end (k);
  *values = g_strv_builder_end (v);
}

static void
read_rule (AmigoRbinRule *rule,
           JsonObject    *object)
{
  JsonObject *retention = member_object (object, "RetentionPeriod");
  const char *text;

#define TAKE(field, name) \
  if ((text = member_string (object, name)) != NULL) \
    set_str (&rule->field, text);
  TAKE (identifier, "Identifier");
  TAKE (description, "Description");
  TAKE (resource_type, "ResourceType");
  TAKE (lock_state, "LockState");
  TAKE (rule_arn, "RuleArn");
#undef TAKE
  if (retention != NULL && json_object_has_member (retention, "RetentionPeriodValue"))
    rule->retention_days = (guint) MAX (0, json_object_get_int_member (retention, "RetentionPeriodValue"));
  if (json_object_has_member (object, "ResourceTags") || rule->resource_tag_keys == NULL)
    read_tags (object, "ResourceTags", &rule->resource_tag_keys, &rule->resource_tag_values);
  if (json_object_has_member (object, "ExcludeResourceTags") || rule->exclude_tag_keys == NULL)
    read_tags (object, "ExcludeResourceTags", &rule->exclude_tag_keys, &rule->exclude_tag_values);
}

/* ---- ListRules + GetRule ---------------------------------------------- */

typedef struct {
  char *resource_type;
  GPtrArray *rules;            /* of AmigoRbinRule */
  char *next_token;
  AmigoPageGuard guard;
  guint next_detail;           /* the rule GetRule is asked about next */
} ListRules;

static void
list_rules_free (ListRules *list)
{
  g_free (list->resource_type);
  g_ptr_array_unref (list->rules);
  g_free (list->next_token);
  amigo_page_guard_clear (&list->guard);
  g_free (list);
}

/* The output values of a call of @task's, or %NULL with @task failed. */
static JsonNode *
call_finish (GTask        *task,
             GObject      *source,
             GAsyncResult *result)
{
  GError *error = NULL;
  JsonNode *values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);

  if (values == NULL)
    g_task_return_error (task, error);
  return values;
}

static void send_list_page (GTask *task);
static void send_next_detail (GTask *task);

static void
on_get_rule_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListRules *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = call_finish (task, source, result);

  if (values == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (values))
    read_rule (g_ptr_array_index (list->rules, list->next_detail), json_node_get_object (values));
  list->next_detail++;
  send_next_detail (g_steal_pointer (&task));
}

static void
send_next_detail (GTask *task)
{
  ListRules *list = g_task_get_task_data (task);
  AmigoRbinRule *rule;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (list->next_detail >= list->rules->len)
    {
      g_task_return_pointer (task, g_ptr_array_ref (list->rules), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  rule = g_ptr_array_index (list->rules, list->next_detail);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Identifier");
  json_builder_add_string_value (builder, rule->identifier);
  json_builder_end_object (builder);
  params = json_builder_get_root (builder);
  amigo_service_call_async (g_task_get_source_object (task), &amigo_rbin_op_get_rule, params,
                            g_task_get_cancellable (task), on_get_rule_cb, task);
}

static void
on_list_page_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListRules *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = call_finish (task, source, result);
  JsonObject *object;
  JsonNode *rules;
  const char *token;

  if (values == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (values) ? json_node_get_object (values) : NULL;
  rules = object != NULL ? json_object_get_member (object, "Rules") : NULL;
  if (rules != NULL && JSON_NODE_HOLDS_ARRAY (rules))
    {
      JsonArray *array = json_node_get_array (rules);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          AmigoRbinRule *rule;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          rule = g_new0 (AmigoRbinRule, 1);
          rule->resource_type = g_strdup (list->resource_type);
          read_rule (rule, json_node_get_object (item));
          if (rule->identifier == NULL)
            amigo_rbin_rule_free (rule);
          else
            g_ptr_array_add (list->rules, rule);
        }
    }
  token = member_string (object, "NextToken");
  if (token != NULL && *token != '\0')
    {
      g_autofree char *who = g_strdup_printf ("Recycle Bin (%s)",
                                              amigo_service_get_region (AMIGO_SERVICE (source)));
      GError *error = NULL;

      /* A token handed out again, or pages without end, are an error. */
      if (!amigo_page_guard_next (&list->guard, token, who, amigo_rbin_op_list_rules.name, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      set_str (&list->next_token, token);
      send_list_page (g_steal_pointer (&task));
      return;
    }
  send_next_detail (g_steal_pointer (&task));
}

static void
send_list_page (GTask *task)
{
  ListRules *list = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) params = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ResourceType");
  json_builder_add_string_value (builder, list->resource_type);
  json_builder_set_member_name (builder, "MaxResults");
  json_builder_add_int_value (builder, LIST_RULES_PAGE);
  if (list->next_token != NULL)
    {
      json_builder_set_member_name (builder, "NextToken");
      json_builder_add_string_value (builder, list->next_token);
    }
  json_builder_end_object (builder);
  params = json_builder_get_root (builder);
  amigo_service_call_async (g_task_get_source_object (task), &amigo_rbin_op_list_rules, params,
                            g_task_get_cancellable (task), on_list_page_cb, task);
}

/**
 * amigo_rbin_list_rules_async:
 * @self: an #AmigoRbin
 * @resource_type: %AMIGO_RBIN_EC2_IMAGE, %AMIGO_RBIN_EBS_SNAPSHOT, `EBS_VOLUME`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * ListRules, every page, then GetRule of each rule for its resource and
 * exclusion tags (ListRules leaves them out): what
 * amigo_rbin_rules_retention_days() needs.
 */
void
amigo_rbin_list_rules_async (AmigoRbin           *self,
                             const char          *resource_type,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  ListRules *list;

  g_return_if_fail (AMIGO_IS_RBIN (self));
  g_return_if_fail (resource_type != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_rbin_list_rules_async);
  g_task_set_name (task, "ListRules");
  list = g_new0 (ListRules, 1);
  list->resource_type = g_strdup (resource_type);
  list->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_rbin_rule_free);
  amigo_page_guard_init (&list->guard, 0);
  g_task_set_task_data (task, list, (GDestroyNotify) list_rules_free);
  send_list_page (task);
}

/**
 * amigo_rbin_list_rules_finish:
 * @self: an #AmigoRbin
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type AmigoRbinRule) (nullable):
 *   the rules, or %NULL with @error set
 */
AMIGO_DEFINE_TAGGED_FINISH_POINTER (AmigoRbin, GPtrArray *, amigo_rbin_list_rules)

/* ---- CreateRule ------------------------------------------------------- */

static void
on_create_rule_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) values = call_finish (task, source, result);
  const char *identifier;

  if (values == NULL)
    return;
  identifier = member_string (JSON_NODE_HOLDS_OBJECT (values) ? json_node_get_object (values) : NULL,
                              "Identifier");
  if (identifier == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("The Recycle Bin answered CreateRule without the rule’s identifier."));
      return;
    }
  g_task_return_pointer (task, g_strdup (identifier), g_free);
}

/**
 * amigo_rbin_create_rule_async:
 * @self: an #AmigoRbin
 * @resource_type: %AMIGO_RBIN_EC2_IMAGE, …
 * @retention_days: 1 to 3650
 * @description: (nullable): a description
 * @tag_keys: (array zero-terminated=1) (nullable): resource tags of a
 *   tag-level rule; %NULL for a Region-level rule
 * @tag_values: (array zero-terminated=1) (nullable): their values (""
 *   for any), as many as @tag_keys
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * CreateRule: a retention rule that keeps what is deleted for
 * @retention_days days.
 */
void
amigo_rbin_create_rule_async (AmigoRbin           *self,
                              const char          *resource_type,
                              guint                retention_days,
                              const char          *description,
                              const char * const  *tag_keys,
                              const char * const  *tag_values,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) params = NULL;
  GTask *task;

  g_return_if_fail (AMIGO_IS_RBIN (self));
  g_return_if_fail (resource_type != NULL);
  g_return_if_fail (retention_days >= 1 && retention_days <= 3650);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ResourceType");
  json_builder_add_string_value (builder, resource_type);
  json_builder_set_member_name (builder, "RetentionPeriod");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "RetentionPeriodValue");
  json_builder_add_int_value (builder, retention_days);
  json_builder_set_member_name (builder, "RetentionPeriodUnit");
  json_builder_add_string_value (builder, "DAYS");
  json_builder_end_object (builder);
  if (description != NULL)
    {
      json_builder_set_member_name (builder, "Description");
      json_builder_add_string_value (builder, description);
    }
  if (tag_keys != NULL && tag_keys[0] != NULL)
    {
      json_builder_set_member_name (builder, "ResourceTags");
      json_builder_begin_array (builder);
      for (guint i = 0; tag_keys[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "ResourceTagKey");
          json_builder_add_string_value (builder, tag_keys[i]);
          if (tag_values != NULL && tag_values[i] != NULL && *tag_values[i] != '\0')
            {
              json_builder_set_member_name (builder, "ResourceTagValue");
              json_builder_add_string_value (builder, tag_values[i]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  params = json_builder_get_root (builder);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_rbin_create_rule_async);
  g_task_set_name (task, "CreateRule");
  amigo_service_call_async (AMIGO_SERVICE (self), &amigo_rbin_op_create_rule, params, cancellable,
                            on_create_rule_cb, task);
}

/**
 * amigo_rbin_create_rule_finish:
 * @self: an #AmigoRbin
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new rule's identifier, or %NULL
 *   with @error set
 */
AMIGO_DEFINE_TAGGED_FINISH_POINTER (AmigoRbin, char *, amigo_rbin_create_rule)
