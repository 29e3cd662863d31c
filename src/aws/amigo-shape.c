/* amigo-shape.c — the scalar rules every protocol shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timestamps in the three formats AWS uses, numbers (with NaN and the
 * infinities spelt as the models want them), booleans and blobs, to and
 * from the text of a query parameter, a header, a URI label or an XML
 * element. JSON bodies keep numbers as numbers (amigo-protocol-json.c).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libsoup/soup.h>

#include "amigo-shape.h"

/**
 * amigo_shape_kind:
 * @shape: a shape
 *
 * Returns: whether @shape holds members, items, entries or one value
 */
AmigoShapeKind
amigo_shape_kind (const AmigoShape *shape)
{
  if (shape->type == AMIGO_SHAPE_STRUCTURE)
    return AMIGO_SHAPE_KIND_STRUCTURE;
  if (shape->type == AMIGO_SHAPE_LIST)
    return AMIGO_SHAPE_KIND_LIST;
  if (shape->type == AMIGO_SHAPE_MAP)
    return AMIGO_SHAPE_KIND_MAP;
  return AMIGO_SHAPE_KIND_SCALAR;
}

/**
 * amigo_shape_find_member:
 * @shape: a structure
 * @name: a member name
 *
 * Returns: (nullable): the member called @name
 */
const AmigoMember *
amigo_shape_find_member (const AmigoShape *shape,
                         const char       *name)
{
  for (guint i = 0; i < shape->n_members; i++)
    if (g_strcmp0 (shape->members[i].name, name) == 0)
      return &shape->members[i];
  return NULL;
}

/**
 * amigo_member_wire_name:
 * @member: a member
 *
 * Returns: its locationName, or else its name
 */
const char *
amigo_member_wire_name (const AmigoMember *member)
{
  return member->location_name ? member->location_name : member->name;
}

/**
 * amigo_member_flags:
 * @member: a member
 *
 * Returns: the member's traits and its shape's
 */
guint
amigo_member_flags (const AmigoMember *member)
{
  return member->flags | member->shape->flags;
}

/**
 * amigo_member_timestamp_format:
 * @member: a member
 * @fallback: the protocol's (or the location's) default
 *
 * Returns: the member's format, else its shape's, else @fallback
 */
const char *
amigo_member_timestamp_format (const AmigoMember *member,
                               const char        *fallback)
{
  if (member->timestamp_format != NULL)
    return member->timestamp_format;
  if (member->shape->timestamp_format != NULL)
    return member->shape->timestamp_format;
  return fallback;
}

/* Shortest text that reads back as @v: 1.1, 0.5, 1e+300. */
static char *
format_double (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("NaN");
  if (isinf (v))
    return g_strdup (v > 0 ? "Infinity" : "-Infinity");
  for (int precision = 1; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        return g_strdup (buf);
    }
  g_ascii_dtostr (buf, sizeof buf, v);
  return g_strdup (buf);
}

/**
 * amigo_shape_format_timestamp:
 * @seconds: Unix time
 * @format: `iso8601`, `rfc822` or `unixTimestamp`
 *
 * Returns: (transfer full): the text
 */
char *
amigo_shape_format_timestamp (double      seconds,
                              const char *format)
{
  gint64 whole = (gint64) floor (seconds);
  int ms = (int) llround ((seconds - (double) whole) * 1000.0);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *base = NULL;

  if (ms == 1000)
    {
      whole++;
      ms = 0;
    }
  if (g_strcmp0 (format, "unixTimestamp") == 0)
    {
      if (ms == 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT, whole);
      return format_double (seconds);
    }

  dt = g_date_time_new_from_unix_utc (whole);
  if (dt == NULL)
    return g_strdup ("");
  if (g_strcmp0 (format, "rfc822") == 0)
    return soup_date_time_to_string (dt, SOUP_DATE_HTTP);

  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  if (ms != 0)
    return g_strdup_printf ("%s.%03dZ", base, ms);
  return g_strdup_printf ("%sZ", base);
}

/**
 * amigo_shape_parse_timestamp:
 * @text: a number of seconds, an ISO 8601 date and time or an HTTP date
 * @seconds: (out): Unix time
 *
 * Returns: %TRUE if @text was one of those
 */
gboolean
amigo_shape_parse_timestamp (const char *text,
                             double     *seconds)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double number;

  if (*trimmed == '\0')
    return FALSE;
  number = g_ascii_strtod (trimmed, &end);
  if (end != NULL && *end == '\0')
    {
      *seconds = number;
      return TRUE;
    }
  dt = g_date_time_new_from_iso8601 (trimmed, NULL);
  if (dt == NULL)
    {
      /* "2014-04-29T18:30:38" with no zone is UTC. */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      dt = g_date_time_new_from_iso8601 (trimmed, utc);
    }
  if (dt == NULL)
    dt = soup_date_time_new_from_http_string (trimmed);
  if (dt == NULL)
    return FALSE;
  *seconds = (double) g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;
  return TRUE;
}

static double
node_double (JsonNode *value)
{
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (value);

      if (g_strcmp0 (s, "NaN") == 0)
        return NAN;
      if (g_strcmp0 (s, "Infinity") == 0)
        return INFINITY;
      if (g_strcmp0 (s, "-Infinity") == 0)
        return -INFINITY;
      return g_ascii_strtod (s, NULL);
    }
  return json_node_get_double (value);
}

/**
 * amigo_shape_format_number:
 * @shape: an integer, long, float or double shape
 * @value: the value
 *
 * Returns: (transfer full): its text
 */
char *
amigo_shape_format_number (const AmigoShape *shape,
                           JsonNode         *value)
{
  if (shape->type == AMIGO_SHAPE_FLOAT || shape->type == AMIGO_SHAPE_DOUBLE)
    return format_double (node_double (value));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

/**
 * amigo_shape_blob_base64:
 * @value: a blob (its bytes as a string)
 *
 * Returns: (transfer full): the bytes in base64
 */
char *
amigo_shape_blob_base64 (JsonNode *value)
{
  const char *s = json_node_get_string (value);

  return g_base64_encode ((const guchar *) s, strlen (s));
}

/**
 * amigo_shape_format_scalar:
 * @member: the member @value belongs to
 * @value: a scalar value
 * @timestamp_format: the format for a timestamp
 *
 * Returns: (transfer full): its text in a query, a header or a URI
 */
char *
amigo_shape_format_scalar (const AmigoMember *member,
                           JsonNode          *value,
                           const char        *timestamp_format)
{
  const AmigoShape *shape = member->shape;

  if (shape->type == AMIGO_SHAPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");
  if (shape->type == AMIGO_SHAPE_INTEGER || shape->type == AMIGO_SHAPE_LONG ||
      shape->type == AMIGO_SHAPE_FLOAT || shape->type == AMIGO_SHAPE_DOUBLE)
    return amigo_shape_format_number (shape, value);
  if (shape->type == AMIGO_SHAPE_TIMESTAMP)
    return amigo_shape_format_timestamp (node_double (value), timestamp_format);
  if (shape->type == AMIGO_SHAPE_BLOB)
    return amigo_shape_blob_base64 (value);
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return json_to_string (value, FALSE);
}

/**
 * amigo_shape_parse_scalar:
 * @shape: a scalar shape
 * @text: its text in an XML element or a header
 * @timestamp_format: (nullable): unused, timestamps are recognised by form
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when @text does
 *   not fit @shape
 */
JsonNode *
amigo_shape_parse_scalar (const AmigoShape *shape,
                          const char       *text,
                          const char       *timestamp_format)
{
  JsonNode *node = json_node_alloc ();
  double seconds;

  switch (shape->type)
    {
    case AMIGO_SHAPE_BOOLEAN:
      return json_node_init_boolean (node, g_ascii_strcasecmp (text, "true") == 0);
    case AMIGO_SHAPE_INTEGER:
    case AMIGO_SHAPE_LONG:
      return json_node_init_int (node, g_ascii_strtoll (text, NULL, 10));
    case AMIGO_SHAPE_FLOAT:
    case AMIGO_SHAPE_DOUBLE:
      if (strcmp (text, "NaN") == 0 || strcmp (text, "Infinity") == 0 ||
          strcmp (text, "-Infinity") == 0)
        return json_node_init_string (node, text);
      return json_node_init_double (node, g_ascii_strtod (text, NULL));
    case AMIGO_SHAPE_TIMESTAMP:
      if (!amigo_shape_parse_timestamp (text, &seconds))
        {
          json_node_unref (node);
          return NULL;
        }
      return json_node_init_double (node, seconds);
    case AMIGO_SHAPE_BLOB:
      {
        gsize len = 0;
        g_autofree guchar *bytes = g_base64_decode (text, &len);
        g_autofree char *str = g_strndup ((const char *) bytes, len);

        return json_node_init_string (node, str);
      }
    case AMIGO_SHAPE_STRING:
    case AMIGO_SHAPE_STRUCTURE:
    case AMIGO_SHAPE_LIST:
    case AMIGO_SHAPE_MAP:
    case AMIGO_SHAPE_DOCUMENT:
    default:
      return json_node_init_string (node, text);
    }
}
