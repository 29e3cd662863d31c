/* amigo-snapshot-price-cache.c — snapshot prices read from the AWS Price
 * List, kept with the date they were read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small JSON file in the user's cache directory, shared by every
 * account (list prices are public), rewritten whole (atomically) when a
 * region's prices are read:
 *
 *   {"version": 1, "regions": {"ap-northeast-2": {"standard": 0.05,
 *     "archive": 0.0125, "read": "2026-12-07T21:00:00Z"}, …}}
 *
 * It is only a cache: a file that cannot be read (not a regular file, too
 * large, not this shape, a price that is not a price) is passed over with a
 * debug message and the Price List is asked again; the next store replaces
 * it.
 */
#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "amigo-file.h"
#include "amigo-snapshot-price-cache.h"

#define CACHE_VERSION 1
/* Far above the prices of every region: a larger file is not read. */
#define CACHE_MAX_SIZE (256 * 1024)
#define MAX_PRICE_USD 100.0

/**
 * amigo_snapshot_price_cache_default_path:
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/amigo/snapshot-prices.json`
 */
char *
amigo_snapshot_price_cache_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "amigo", "snapshot-prices.json", NULL);
}

/* The file's regions object, or NULL (with a debug message) when there is
 * no usable file. */
static JsonNode *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  gsize length = 0;
  JsonNode *root;
  JsonObject *object;
  JsonNode *version;

  if (!amigo_file_read_bounded (path, CACHE_MAX_SIZE, &data, &length, &error)
      || !json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Snapshot price cache %s passed over: %s", path, error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  version = object != NULL ? json_object_get_member (object, "version") : NULL;
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != CACHE_VERSION
      || json_object_get_member (object, "regions") == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "regions")))
    {
      g_debug ("Snapshot price cache %s passed over: not a price cache of version 1", path);
      return NULL;
    }
  return json_node_copy (json_object_get_member (object, "regions"));
}

static gboolean
read_price (JsonObject *entry,
            const char *name,
            double     *price)
{
  JsonNode *node = json_object_get_member (entry, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *price = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *price = (double) json_node_get_int (node);
  else
    return FALSE;
  return isfinite (*price) && *price >= 0 && *price <= MAX_PRICE_USD;
}

/**
 * amigo_snapshot_price_cache_lookup:
 * @path: the cache file
 * @region: a region code
 * @now_usec: the time now, Unix µs
 *
 * @region's prices, when the cache holds them and they were read less
 * than %AMIGO_SNAPSHOT_PRICE_CACHE_MAX_AGE before @now_usec (and not
 * after it: a date in the future is a wrong clock or a wrong file).
 *
 * Returns: (transfer full) (nullable): the prices, or %NULL
 */
AmigoSnapshotPriceRead *
amigo_snapshot_price_cache_lookup (const char *path,
                                   const char *region,
                                   gint64      now_usec)
{
  g_autoptr(JsonNode) regions = NULL;
  g_autoptr(GDateTime) read = NULL;
  g_autoptr(AmigoSnapshotPriceRead) prices = g_new0 (AmigoSnapshotPriceRead, 1);
  JsonNode *node;
  JsonObject *entry;
  const char *read_text;
  gint64 read_usec;

  g_return_val_if_fail (path != NULL && region != NULL, NULL);

  regions = load (path);
  if (regions == NULL)
    return NULL;
  node = json_object_get_member (json_node_get_object (regions), region);
  if (node == NULL)
    return NULL;
  entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  read_text = entry != NULL && json_object_get_member (entry, "read") != NULL
              && JSON_NODE_HOLDS_VALUE (json_object_get_member (entry, "read"))
              && json_node_get_value_type (json_object_get_member (entry, "read")) == G_TYPE_STRING
              ? json_object_get_string_member (entry, "read") : NULL;
  read = read_text != NULL ? g_date_time_new_from_iso8601 (read_text, NULL) : NULL;
  if (read == NULL || !read_price (entry, "standard", &prices->standard)
      || !read_price (entry, "archive", &prices->archive))
    {
      g_debug ("Snapshot price cache %s: the entry of %s is passed over: not prices with a date", path, region);
      return NULL;
    }
  read_usec = g_date_time_to_unix (read) * G_USEC_PER_SEC;
  if (read_usec > now_usec + G_TIME_SPAN_MINUTE || now_usec - read_usec >= AMIGO_SNAPSHOT_PRICE_CACHE_MAX_AGE)
    return NULL;
  prices->region = g_strdup (region);
  prices->read_usec = read_usec;
  return g_steal_pointer (&prices);
}

/**
 * amigo_snapshot_price_cache_store:
 * @path: the cache file (its directory is made if need be)
 * @prices: a region's prices
 * @error: where a failure to write is reported
 *
 * Keeps @prices in the cache, in place of the region's older ones; the
 * other regions' entries stay (all of them gone if the file was not
 * readable).
 *
 * Returns: %TRUE when written
 */
gboolean
amigo_snapshot_price_cache_store (const char                    *path,
                                  const AmigoSnapshotPriceRead  *prices,
                                  GError                       **error)
{
  g_autoptr(JsonNode) regions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) read = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *read_text = NULL;
  g_autofree char *data = NULL;
  JsonObject *entry;

  g_return_val_if_fail (path != NULL && prices != NULL && prices->region != NULL, FALSE);

  read = g_date_time_new_from_unix_utc (prices->read_usec / G_USEC_PER_SEC);
  if (read == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a date: %" G_GINT64_FORMAT,
                   prices->read_usec);
      return FALSE;
    }
  read_text = g_date_time_format (read, "%Y-%m-%dT%H:%M:%SZ");
  regions = load (path);
  if (regions == NULL)
    regions = json_node_init_object (json_node_alloc (), json_object_new ());
  entry = json_object_new ();
  json_object_set_double_member (entry, "standard", prices->standard);
  json_object_set_double_member (entry, "archive", prices->archive);
  json_object_set_string_member (entry, "read", read_text);
  json_object_set_object_member (json_node_get_object (regions), prices->region, entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "regions");
  json_builder_add_value (builder, g_steal_pointer (&regions));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
