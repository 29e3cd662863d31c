/* amigo-ec2-query.c — the EC2 query serialization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "amigo-credentials.h"
#include "amigo-ec2-query.h"

typedef struct
{
  char *key;
  char *value;
} Param;

struct _AmigoEc2Query
{
  GArray *params;          /* Param, in insertion order */
  GHashTable *index;       /* key (borrowed from params) → position + 1 */
  GHashTable *counters;    /* full list key → last 1-based index used */
  GPtrArray *prefixes;     /* stack of full prefixes */
};

static void
param_clear (gpointer data)
{
  Param *p = data;

  g_free (p->key);
  amigo_secure_free_string (p->value);
}

/* The key as sent: the current prefix joined with @key by a dot. A %NULL
 * @key names the prefix itself. */
static char *
full_key (const AmigoEc2Query *q,
          const char          *key)
{
  const char *prefix = NULL;

  if (q->prefixes->len > 0)
    prefix = g_ptr_array_index (q->prefixes, q->prefixes->len - 1);

  if (key == NULL || *key == '\0')
    {
      g_return_val_if_fail (prefix != NULL, NULL);
      return g_strdup (prefix);
    }
  if (prefix == NULL)
    return g_strdup (key);
  return g_strconcat (prefix, ".", key, NULL);
}

/* Takes @key and @value. A key set twice keeps its first position and its
 * last value, so a body never carries the same key twice. */
static void
set_param (AmigoEc2Query *q,
           char          *key,
           char          *value)
{
  gpointer pos;

  if (key == NULL)
    {
      g_free (value);
      return;
    }

  pos = g_hash_table_lookup (q->index, key);
  if (pos != NULL)
    {
      Param *p = &g_array_index (q->params, Param, GPOINTER_TO_UINT (pos) - 1);
      amigo_secure_free_string (p->value);
      p->value = value;
      g_free (key);
    }
  else
    {
      Param p = { key, value };
      g_array_append_val (q->params, p);
      g_hash_table_insert (q->index, key, GUINT_TO_POINTER (q->params->len));
    }
}

static void
add_take (AmigoEc2Query *q,
          const char    *key,
          char          *value)
{
  set_param (q, full_key (q, key), value);
}

/* The next 1-based index of the list @full (a full key). */
static guint
next_index (AmigoEc2Query *q,
            const char    *full)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (q->counters, full)) + 1;

  g_hash_table_replace (q->counters, g_strdup (full), GUINT_TO_POINTER (n));
  return n;
}

/* The shortest decimal text that reads back as the same double. */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      /* Never fewer digits than the integer part has: 10, not 1e+01. */
      if (fabs (value) >= 1.0 && fabs (value) < 1e17 &&
          precision < (int) floor (log10 (fabs (value))) + 1)
        continue;
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

static char *
format_float (float value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");

  for (int precision = 1; precision <= 9; precision++)
    {
      char format[8];

      if (fabsf (value) >= 1.0f && fabsf (value) < 1e9f &&
          precision < (int) floor (log10 (fabsf (value))) + 1)
        continue;

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if ((float) g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/**
 * amigo_ec2_query_new:
 * @action: the operation, e.g. `DescribeImages`
 * @version: the API version, e.g. `2016-11-15`
 *
 * Starts a body with `Action` and `Version`.
 *
 * Returns: (transfer full): a new builder; free with amigo_ec2_query_free()
 */
AmigoEc2Query *
amigo_ec2_query_new (const char *action,
                     const char *version)
{
  AmigoEc2Query *q;

  g_return_val_if_fail (action != NULL && *action != '\0', NULL);
  g_return_val_if_fail (version != NULL && *version != '\0', NULL);

  q = g_new0 (AmigoEc2Query, 1);
  q->params = g_array_new (FALSE, FALSE, sizeof (Param));
  g_array_set_clear_func (q->params, param_clear);
  q->index = g_hash_table_new (g_str_hash, g_str_equal);
  q->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  q->prefixes = g_ptr_array_new_with_free_func (g_free);

  amigo_ec2_query_add_string (q, "Action", action);
  amigo_ec2_query_add_string (q, "Version", version);
  return q;
}

/**
 * amigo_ec2_query_free:
 * @q: (transfer full) (nullable): a builder
 *
 * Frees @q. The values are wiped first: a body may carry user data.
 */
void
amigo_ec2_query_free (AmigoEc2Query *q)
{
  if (q == NULL)
    return;

  g_hash_table_unref (q->index);
  g_hash_table_unref (q->counters);
  g_ptr_array_unref (q->prefixes);
  g_array_unref (q->params);
  g_free (q);
}

/**
 * amigo_ec2_query_get_action:
 * @q: a builder
 *
 * Returns: (transfer none): the `Action` value
 */
const char *
amigo_ec2_query_get_action (const AmigoEc2Query *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  return g_array_index (q->params, Param, 0).value;
}

/**
 * amigo_ec2_query_get:
 * @q: a builder
 * @key: a full key, e.g. `Filter.1.Value.2` (the prefix stack is not applied)
 *
 * Returns: (transfer none) (nullable): the unencoded value set for @key
 */
const char *
amigo_ec2_query_get (const AmigoEc2Query *q,
                     const char          *key)
{
  gpointer pos;

  g_return_val_if_fail (q != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  pos = g_hash_table_lookup (q->index, key);
  if (pos == NULL)
    return NULL;
  return g_array_index (q->params, Param, GPOINTER_TO_UINT (pos) - 1).value;
}

/**
 * amigo_ec2_query_get_n_params:
 * @q: a builder
 *
 * Returns: how many parameters the body has, `Action` and `Version` included
 */
guint
amigo_ec2_query_get_n_params (const AmigoEc2Query *q)
{
  g_return_val_if_fail (q != NULL, 0);
  return q->params->len;
}

/**
 * amigo_ec2_query_add_string:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: (nullable): the value; %NULL adds nothing, "" adds `Key=`
 *
 * Sets a string (or enum) parameter.
 */
void
amigo_ec2_query_add_string (AmigoEc2Query *q,
                            const char    *key,
                            const char    *value)
{
  g_return_if_fail (q != NULL);

  if (value == NULL)
    return;
  add_take (q, key, g_strdup (value));
}

/**
 * amigo_ec2_query_add_int:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: the value, written in decimal
 */
void
amigo_ec2_query_add_int (AmigoEc2Query *q,
                         const char    *key,
                         gint64         value)
{
  g_return_if_fail (q != NULL);
  add_take (q, key, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

/**
 * amigo_ec2_query_add_boolean:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: written `true` or `false`
 */
void
amigo_ec2_query_add_boolean (AmigoEc2Query *q,
                             const char    *key,
                             gboolean       value)
{
  g_return_if_fail (q != NULL);
  add_take (q, key, g_strdup (value ? "true" : "false"));
}

/**
 * amigo_ec2_query_add_double:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: written as the shortest decimal that reads back the same
 *   (`10.8`), or `NaN`, `Infinity`, `-Infinity`
 */
void
amigo_ec2_query_add_double (AmigoEc2Query *q,
                            const char    *key,
                            double         value)
{
  g_return_if_fail (q != NULL);
  add_take (q, key, format_double (value));
}

/**
 * amigo_ec2_query_add_float:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: like amigo_ec2_query_add_double(), at single precision
 */
void
amigo_ec2_query_add_float (AmigoEc2Query *q,
                           const char    *key,
                           float          value)
{
  g_return_if_fail (q != NULL);
  add_take (q, key, format_float (value));
}

/**
 * amigo_ec2_query_add_timestamp:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @unix_seconds: the time, Unix seconds
 *
 * Sets a timestamp in EC2's default format, ISO 8601 UTC:
 * `2015-01-25T08:00:00Z`.
 */
void
amigo_ec2_query_add_timestamp (AmigoEc2Query *q,
                               const char    *key,
                               gint64         unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_if_fail (q != NULL);

  dt = g_date_time_new_from_unix_utc (unix_seconds);
  g_return_if_fail (dt != NULL);
  amigo_ec2_query_add_date_time (q, key, dt);
}

/**
 * amigo_ec2_query_add_date_time:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @value: (nullable): the time, in any time zone; %NULL adds nothing
 *
 * Like amigo_ec2_query_add_timestamp(); milliseconds are written when not
 * zero (`2015-01-25T08:00:00.250Z`).
 */
void
amigo_ec2_query_add_date_time (AmigoEc2Query *q,
                               const char    *key,
                               GDateTime     *value)
{
  g_autoptr(GDateTime) utc = NULL;
  int ms;

  g_return_if_fail (q != NULL);

  if (value == NULL)
    return;

  utc = g_date_time_to_utc (value);
  ms = g_date_time_get_microsecond (utc) / 1000;
  if (ms != 0)
    {
      g_autofree char *base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
      add_take (q, key, g_strdup_printf ("%s.%03dZ", base, ms));
    }
  else
    add_take (q, key, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
}

/**
 * amigo_ec2_query_add_epoch_seconds:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @unix_seconds: the time, Unix seconds
 *
 * Sets a timestamp whose model says `timestampFormat: unixTimestamp`.
 */
void
amigo_ec2_query_add_epoch_seconds (AmigoEc2Query *q,
                                   const char    *key,
                                   gint64         unix_seconds)
{
  amigo_ec2_query_add_int (q, key, unix_seconds);
}

/**
 * amigo_ec2_query_add_blob:
 * @q: a builder
 * @key: (nullable): the key, relative to the current prefix
 * @data: (array length=len) (nullable): the bytes
 * @len: how many bytes
 *
 * Sets a blob parameter, base64-encoded (e.g. `UserData`, `PublicKeyMaterial`).
 */
void
amigo_ec2_query_add_blob (AmigoEc2Query *q,
                          const char    *key,
                          const guint8  *data,
                          gsize          len)
{
  g_return_if_fail (q != NULL);
  g_return_if_fail (data != NULL || len == 0);

  add_take (q, key, g_base64_encode (data, len));
}

/**
 * amigo_ec2_query_add_list:
 * @q: a builder
 * @key: (nullable): the list's key, relative to the current prefix
 * @values: (array zero-terminated=1) (nullable): the strings
 *
 * Adds `Key.1=…&Key.2=…`. An empty or %NULL list adds nothing (EC2 reads a
 * missing list as "no constraint"). Numbering continues if the same list is
 * added to again.
 */
void
amigo_ec2_query_add_list (AmigoEc2Query      *q,
                          const char         *key,
                          const char * const *values)
{
  g_return_if_fail (q != NULL);

  if (values == NULL)
    return;

  for (guint i = 0; values[i] != NULL; i++)
    {
      amigo_ec2_query_push_item (q, key);
      amigo_ec2_query_add_string (q, NULL, values[i]);
      amigo_ec2_query_pop (q);
    }
}

/**
 * amigo_ec2_query_push:
 * @q: a builder
 * @key: the structure member's key, relative to the current prefix
 *
 * Enters a nested structure: until the matching amigo_ec2_query_pop(), keys
 * are written `Key.Member`.
 */
void
amigo_ec2_query_push (AmigoEc2Query *q,
                      const char    *key)
{
  g_return_if_fail (q != NULL);
  g_return_if_fail (key != NULL && *key != '\0');

  g_ptr_array_add (q->prefixes, full_key (q, key));
}

/**
 * amigo_ec2_query_push_item:
 * @q: a builder
 * @list_key: (nullable): the list's key, relative to the current prefix
 *
 * Enters the next entry of a list: the prefix becomes `ListKey.N`, N counting
 * from 1 per list. Add the entry's members (or, for a list of scalars, the
 * value with a %NULL key), then call amigo_ec2_query_pop().
 *
 * Returns: N, the entry's 1-based index
 */
guint
amigo_ec2_query_push_item (AmigoEc2Query *q,
                           const char    *list_key)
{
  g_autofree char *list = NULL;
  guint n;

  g_return_val_if_fail (q != NULL, 0);

  list = full_key (q, list_key);
  g_return_val_if_fail (list != NULL, 0);
  n = next_index (q, list);
  g_ptr_array_add (q->prefixes, g_strdup_printf ("%s.%u", list, n));
  return n;
}

/**
 * amigo_ec2_query_pop:
 * @q: a builder
 *
 * Leaves the structure or list entry entered last.
 */
void
amigo_ec2_query_pop (AmigoEc2Query *q)
{
  g_return_if_fail (q != NULL);
  g_return_if_fail (q->prefixes->len > 0);

  g_ptr_array_remove_index (q->prefixes, q->prefixes->len - 1);
}

/**
 * amigo_ec2_query_add_filter:
 * @q: a builder
 * @name: the filter's name, e.g. `owner-alias`, `tag:Name`
 * @values: (array zero-terminated=1) (nullable): the accepted values
 *
 * Adds `Filter.N.Name=name&Filter.N.Value.1=…`, N counting from 1 across the
 * request. A filter without values is omitted: it could match nothing.
 *
 * Returns: N, or 0 when nothing was added
 */
guint
amigo_ec2_query_add_filter (AmigoEc2Query      *q,
                            const char         *name,
                            const char * const *values)
{
  guint n;

  g_return_val_if_fail (q != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  if (values == NULL || values[0] == NULL)
    return 0;

  n = amigo_ec2_query_push_item (q, "Filter");
  amigo_ec2_query_add_string (q, "Name", name);
  amigo_ec2_query_add_list (q, "Value", values);
  amigo_ec2_query_pop (q);
  return n;
}

/**
 * amigo_ec2_query_add_tags:
 * @q: a builder
 * @list_key: the list's key, relative to the current prefix: `Tag` inside a
 *   `TagSpecification.N`, or e.g. `Tag` for CreateTags
 * @keys: (array zero-terminated=1) (nullable): the tag keys
 * @values: (array zero-terminated=1) (nullable): the values, parallel to
 *   @keys; a missing entry or a %NULL array omits `Value`
 *
 * Adds `ListKey.N.Key=…&ListKey.N.Value=…` for each tag.
 */
void
amigo_ec2_query_add_tags (AmigoEc2Query      *q,
                          const char         *list_key,
                          const char * const *keys,
                          const char * const *values)
{
  gboolean values_left = values != NULL;

  g_return_if_fail (q != NULL);
  g_return_if_fail (list_key != NULL);

  if (keys == NULL)
    return;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = NULL;

      if (values_left)
        {
          value = values[i];
          values_left = value != NULL;
        }

      amigo_ec2_query_push_item (q, list_key);
      amigo_ec2_query_add_string (q, "Key", keys[i]);
      amigo_ec2_query_add_string (q, "Value", value);
      amigo_ec2_query_pop (q);
    }
}

/**
 * amigo_ec2_query_percent_encode:
 * @s: a UTF-8 string
 *
 * RFC 3986 percent-encoding as EC2 bodies use it: `A-Za-z0-9-_.~` kept,
 * every other byte `%XX` (upper-case hex); a space is `%20`.
 *
 * Returns: (transfer full): the encoded string
 */
char *
amigo_ec2_query_percent_encode (const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  GString *out;

  g_return_val_if_fail (s != NULL, NULL);

  out = g_string_sized_new (strlen (s) + 8);
  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~')
        g_string_append_c (out, *p);
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * amigo_ec2_query_encode:
 * @q: a builder
 *
 * Returns: (transfer full): the `application/x-www-form-urlencoded` body,
 *   keys in insertion order, ready for amigo_request_new_form()
 */
char *
amigo_ec2_query_encode (const AmigoEc2Query *q)
{
  GString *out;

  g_return_val_if_fail (q != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < q->params->len; i++)
    {
      const Param *p = &g_array_index (q->params, Param, i);
      g_autofree char *k = amigo_ec2_query_percent_encode (p->key);
      g_autofree char *v = amigo_ec2_query_percent_encode (p->value);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append (out, k);
      g_string_append_c (out, '=');
      g_string_append (out, v);
    }
  return g_string_free (out, FALSE);
}
