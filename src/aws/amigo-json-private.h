/* amigo-json-private.h — reading the members of a service's output values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The protocols give output values as JSON objects (amigo-protocol.h); a
 * member the service left out is absent, and so is an object a caller
 * looked for inside one: each reader takes a %NULL object. Input values
 * are built the other way round: a %NULL value is no member.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Member @name = @value, unless @value is %NULL. */
static inline void
_amigo_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Member @name = the array of @values (%NULL: an empty one). */
static inline void
_amigo_json_add_strings (JsonBuilder        *builder,
                         const char         *name,
                         const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* @object's object member @name, or %NULL (also when it is not an object:
 * outside JSON, as the Price List's items, may have any shape). */
static inline JsonObject *
_amigo_json_object_member (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A copy of @object's string member @name, or %NULL. */
static inline char *
_amigo_json_dup_member (JsonObject *object,
                        const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (object, name, NULL));
}

/* @object's timestamp member @name (seconds) in microseconds, or 0. */
static inline gint64
_amigo_json_usec_member (JsonObject *object,
                         const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return 0;
  return (gint64) (json_object_get_double_member (object, name) * G_USEC_PER_SEC);
}

G_END_DECLS
