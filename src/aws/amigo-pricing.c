/* amigo-pricing.c — the AWS Price List Query API: EBS snapshot storage
 * prices per region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GetProducts (JSON 1.1, target AWSPriceListService) with the filters
 * ServiceCode AmazonEC2, productFamily "Storage Snapshot" and regionCode
 * <region>, every page (NextToken). Each PriceList item is a JSON document
 * in a string (FormatVersion aws_v1), as botocore's example of GetProducts
 * shows it:
 *
 *   {"product": {"productFamily": "…", "attributes": {"usagetype":
 *     "CAN1-EBS:VolumeUsage.piops", …}, "sku": "…"}, "terms": {"OnDemand":
 *     {"<sku>.<offer>": {"priceDimensions": {"<sku>.<offer>.<rate>":
 *     {"unit": "GB-Mo", "pricePerUnit": {"USD": "0.1380000000"}, …}}, …}}}}
 *
 * A snapshot's usage type ends in `EBS:SnapshotUsage` (standard tier) or
 * `EBS:SnapshotArchiveStorage` (archive tier), after the region's prefix
 * (`APN2-`; none in us-east-1). The answer is read whole before anything is
 * used: a malformed item, a missing field or a price that is not a number
 * fails the read, and the caller keeps the prices it had.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-json-private.h"
#include "amigo-pricing.h"
#include "amigo-pricing-model.h"
#include "amigo-service-pages.h"
#include "amigo-snapshot-cost.h"
#include "amigo-snapshot-price-cache.h"

struct _AmigoPricing
{
  AmigoService parent_instance;
};

AMIGO_DEFINE_SERVICE (AmigoPricing, amigo_pricing, AMIGO_TYPE_PRICING, &amigo_pricing_model, "pricing")

#define USAGE_STANDARD "EBS:SnapshotUsage"
#define USAGE_ARCHIVE  "EBS:SnapshotArchiveStorage"
/* Far above any storage price: a larger figure is a misreading. */
#define MAX_PRICE_USD 100.0
/* How many regions are asked at once. */
#define MAX_IN_FLIGHT 4

/**
 * amigo_snapshot_price_read_free:
 * @self: (transfer full) (nullable): prices
 */
void
amigo_snapshot_price_read_free (AmigoSnapshotPriceRead *self)
{
  if (self == NULL)
    return;
  g_free (self->region);
  g_free (self);
}

/* ---- the parser ------------------------------------------------------- */

static gboolean
fail (GError    **error,
      guint       item,
      const char *region,
      const char *what)
{
  g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
               /* Translators: the AWS Price List's answer could not be read;
                * %u is which of its items (from 1), %s a region code, the
                * last %s what was wrong */
               _("The AWS Price List’s answer for %s could not be read (item %u): %s"),
               region, item + 1, what);
  return FALSE;
}

/* The item's one USD price per GB-month, from every on-demand price
 * dimension (they must agree). */
static gboolean
read_price (JsonObject *terms,
            guint       item,
            const char *region,
            double     *price,
            GError    **error)
{
  JsonObject *on_demand = _amigo_json_object_member (terms, "OnDemand");
  g_autoptr(GList) offers = NULL;
  gboolean found = FALSE;

  if (on_demand == NULL)
    return fail (error, item, region, _("it has no on-demand terms"));
  offers = json_object_get_values (on_demand);
  for (GList *o = offers; o != NULL; o = o->next)
    {
      JsonObject *dimensions = JSON_NODE_HOLDS_OBJECT (o->data)
        ? _amigo_json_object_member (json_node_get_object (o->data), "priceDimensions") : NULL;
      g_autoptr(GList) list = NULL;

      if (dimensions == NULL)
        return fail (error, item, region, _("a term has no price dimensions"));
      list = json_object_get_values (dimensions);
      for (GList *d = list; d != NULL; d = d->next)
        {
          JsonObject *dimension = JSON_NODE_HOLDS_OBJECT (d->data) ? json_node_get_object (d->data) : NULL;
          JsonObject *per_unit = _amigo_json_object_member (dimension, "pricePerUnit");
          const char *unit = amigo_service_member_string (dimension, "unit");
          const char *usd = amigo_service_member_string (per_unit, "USD");
          char *end = NULL;
          double value;

          if (usd == NULL)
            return fail (error, item, region, _("a price has no USD amount"));
          if (g_strcmp0 (unit, "GB-Mo") != 0)
            return fail (error, item, region, _("a price is not per GB-month"));
          value = g_ascii_strtod (usd, &end);
          if (end == usd || *end != '\0' || !isfinite (value) || value < 0 || value > MAX_PRICE_USD)
            return fail (error, item, region, _("a price is not a number of dollars"));
          if (found && value != *price)
            return fail (error, item, region, _("it gives more than one price"));
          *price = value;
          found = TRUE;
        }
    }
  if (!found)
    return fail (error, item, region, _("it has no price"));
  return TRUE;
}

/**
 * amigo_pricing_parse_snapshot_prices:
 * @price_list: (array length=n_items): GetProducts' `PriceList` items, each
 *   a JSON document (FormatVersion aws_v1), of every page
 * @n_items: how many
 * @region: the region asked for, for the error's words
 * @standard: (out): USD per GB-month of the standard tier
 * @archive: (out): USD per GB-month of the archive tier
 * @error: what was wrong with the answer
 *
 * Reads the snapshot storage prices from the answer to GetProducts for
 * the product family "Storage Snapshot" of one region. Items of other
 * usage types are passed over; a malformed item, or one of the two usage
 * types without a single USD price per GB-month, fails the whole read, as
 * does an answer without both prices.
 *
 * Returns: %TRUE with both prices set, or %FALSE with @error set (and
 *   neither set)
 */
gboolean
amigo_pricing_parse_snapshot_prices (const char * const *price_list,
                                     guint               n_items,
                                     const char         *region,
                                     double             *standard,
                                     double             *archive,
                                     GError            **error)
{
  double prices[2] = { 0, 0 };
  gboolean found[2] = { FALSE, FALSE };

  g_return_val_if_fail (price_list != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (region != NULL && standard != NULL && archive != NULL, FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonObject *attributes;
      const char *usage;
      double price = 0;
      guint tier;

      if (price_list[i] == NULL || !json_parser_load_from_data (parser, price_list[i], -1, NULL))
        return fail (error, i, region, _("it is not JSON"));
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        return fail (error, i, region, _("it is not a JSON object"));
      attributes = _amigo_json_object_member (_amigo_json_object_member (json_node_get_object (root), "product"),
                                              "attributes");
      usage = amigo_service_member_string (attributes, "usagetype");
      if (usage == NULL)
        return fail (error, i, region, _("it has no usage type"));
      if (g_str_has_suffix (usage, USAGE_STANDARD))
        tier = 0;
      else if (g_str_has_suffix (usage, USAGE_ARCHIVE))
        tier = 1;
      else
        continue;
      if (!read_price (_amigo_json_object_member (json_node_get_object (root), "terms"), i, region, &price, error))
        return FALSE;
      if (found[tier] && prices[tier] != price)
        return fail (error, i, region, _("it gives more than one price"));
      prices[tier] = price;
      found[tier] = TRUE;
    }
  if (!found[0] || !found[1])
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND,
                   /* Translators: %s is a region code */
                   _("The AWS Price List gave no snapshot storage price for %s."), region);
      return FALSE;
    }
  *standard = prices[0];
  *archive = prices[1];
  return TRUE;
}

/* ---- GetProducts ------------------------------------------------------ */

static void
add_filter (JsonBuilder *builder,
            const char  *field,
            const char  *value)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "TERM_MATCH");
  json_builder_set_member_name (builder, "Field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "Value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

/* A page's PriceList items, kept as the strings they are. */
static void
collect_items (JsonObject *output,
               GPtrArray  *items)
{
  JsonNode *node = json_object_get_member (output, "PriceList");
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);

      /* Not a string: kept as NULL, which the parser refuses */
      g_ptr_array_add (items, JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
                       ? g_strdup (json_node_get_string (item)) : NULL);
    }
}

static void
get_prices_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *region = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(AmigoSnapshotPriceRead) read = g_new0 (AmigoSnapshotPriceRead, 1);
  GError *error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL
      || !amigo_pricing_parse_snapshot_prices ((const char * const *) items->pdata, items->len, region,
                                               &read->standard, &read->archive, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  read->region = g_strdup (region);
  read->read_usec = g_get_real_time ();
  g_task_return_pointer (task, g_steal_pointer (&read), (GDestroyNotify) amigo_snapshot_price_read_free);
}

/**
 * amigo_pricing_get_snapshot_prices_async:
 * @self: an #AmigoPricing
 * @region: the region whose prices to read, e.g. `ap-northeast-2`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the prices
 * @user_data: data for @callback
 *
 * GetProducts for @region's EBS snapshot storage (every page), read with
 * amigo_pricing_parse_snapshot_prices(). A caller without the
 * `pricing:GetProducts` permission gets AWS's `AccessDeniedException`.
 */
void
amigo_pricing_get_snapshot_prices_async (AmigoPricing        *self,
                                         const char          *region,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GTask *task;

  g_return_if_fail (AMIGO_IS_PRICING (self));
  g_return_if_fail (region != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_pricing_get_snapshot_prices_async);
  g_task_set_task_data (task, g_strdup (region), g_free);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ServiceCode");
  json_builder_add_string_value (builder, "AmazonEC2");
  json_builder_set_member_name (builder, "FormatVersion");
  json_builder_add_string_value (builder, "aws_v1");
  json_builder_set_member_name (builder, "MaxResults");
  json_builder_add_int_value (builder, AMIGO_PRICING_PAGE_SIZE);
  json_builder_set_member_name (builder, "Filters");
  json_builder_begin_array (builder);
  add_filter (builder, "ServiceCode", "AmazonEC2");
  add_filter (builder, "productFamily", "Storage Snapshot");
  add_filter (builder, "regionCode", region);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  amigo_service_call_pages_async (AMIGO_SERVICE (self), &amigo_pricing_op_get_products,
                                  json_builder_get_root (builder), collect_items, g_free,
                                  g_strdup_printf (_("The AWS Price List kept answering more pages for %s. "
                                                     "Try again later."), region),
                                  amigo_pricing_get_snapshot_prices_async,
                                  cancellable, get_prices_cb, task);
}

/**
 * amigo_pricing_get_snapshot_prices_finish:
 *
 * Returns: (transfer full) (nullable): the prices, or %NULL with @error set
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoPricing, AmigoSnapshotPriceRead *, amigo_pricing_get_snapshot_prices)

/* ---- every region, through the cache ------------------------------------ */

typedef struct {
  char *cache_path;
  GQueue pending;               /* of char*: regions not asked yet */
  guint in_flight;
  guint n_read;
  guint n_cached;
  GError *error;                /* the first failure */
  gboolean refused;             /* AccessDeniedException: ask no more */
} RefreshOp;

static void
refresh_op_free (gpointer data)
{
  RefreshOp *op = data;

  g_free (op->cache_path);
  g_queue_clear_full (&op->pending, g_free);
  g_clear_error (&op->error);
  g_free (op);
}

static void refresh_next (GTask *task);

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  RefreshOp *op = g_task_get_task_data (task);
  g_autoptr(AmigoSnapshotPriceRead) read = NULL;
  g_autoptr(GError) error = NULL;

  op->in_flight--;
  read = amigo_pricing_get_snapshot_prices_finish (AMIGO_PRICING (source), result, &error);
  if (read != NULL)
    {
      g_autoptr(GError) save_error = NULL;

      op->n_read++;
      amigo_snapshot_price_set_read (read->region, read->standard, read->archive, read->read_usec);
      if (op->cache_path != NULL && !amigo_snapshot_price_cache_store (op->cache_path, read, &save_error))
        g_debug ("Snapshot prices of %s not kept: %s", read->region, save_error->message);
    }
  else
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* What is in flight ends; nothing more starts */
        g_queue_clear_full (&op->pending, g_free);
      else
        g_debug ("Snapshot prices not read from the AWS Price List: %s", error->message);
      if (amigo_aws_error_has_aws_code (error, "AccessDeniedException"))
        op->refused = TRUE;
      if (op->error == NULL)
        op->error = g_steal_pointer (&error);
    }
  refresh_next (task);
}

static void
refresh_next (GTask *task)
{
  RefreshOp *op = g_task_get_task_data (task);

  while (!op->refused && op->in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&op->pending))
    {
      g_autofree char *region = g_queue_pop_head (&op->pending);

      op->in_flight++;
      amigo_pricing_get_snapshot_prices_async (g_task_get_source_object (task), region,
                                               g_task_get_cancellable (task), refresh_cb, task);
    }
  if (op->in_flight > 0)
    return;
  if (op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/**
 * amigo_pricing_refresh_snapshot_prices_async:
 * @self: an #AmigoPricing
 * @regions: (array zero-terminated=1): the regions whose prices are wanted
 * @cache_path: (nullable): the price cache (amigo-snapshot-price-cache.h),
 *   or %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every region has its prices, or failed
 * @user_data: data for @callback
 *
 * Makes the snapshot prices of @regions known to amigo-snapshot-cost
 * (amigo_snapshot_price_set_read()): from the cache when it holds prices
 * read less than %AMIGO_SNAPSHOT_PRICE_CACHE_MAX_AGE ago, else from the
 * Price List (a few regions at a time), kept in the cache. Regions outside
 * the `aws` partition are left to the table (the Price List Query API at
 * us-east-1 prices the commercial regions). After an
 * `AccessDeniedException` no other region is asked.
 */
void
amigo_pricing_refresh_snapshot_prices_async (AmigoPricing        *self,
                                             const char * const  *regions,
                                             const char          *cache_path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GTask *task;
  RefreshOp *op;
  gint64 now = g_get_real_time ();

  g_return_if_fail (AMIGO_IS_PRICING (self));
  g_return_if_fail (regions != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_pricing_refresh_snapshot_prices_async);
  op = g_new0 (RefreshOp, 1);
  op->cache_path = g_strdup (cache_path);
  g_queue_init (&op->pending);
  g_task_set_task_data (task, op, refresh_op_free);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      g_autoptr(AmigoSnapshotPriceRead) cached = NULL;

      if (amigo_partition_for_region (regions[i]) != AMIGO_PARTITION_AWS)
        continue;
      if (cache_path != NULL)
        cached = amigo_snapshot_price_cache_lookup (cache_path, regions[i], now);
      if (cached != NULL)
        {
          op->n_cached++;
          amigo_snapshot_price_set_read (cached->region, cached->standard, cached->archive,
                                         cached->read_usec);
          continue;
        }
      g_queue_push_tail (&op->pending, g_strdup (regions[i]));
    }
  refresh_next (task);
}

/**
 * amigo_pricing_refresh_snapshot_prices_finish:
 * @self: an #AmigoPricing
 * @result: the result
 * @n_read: (out) (optional): how many regions' prices were read from the
 *   Price List now
 * @n_cached: (out) (optional): how many came from the cache
 * @error: the first failure
 *
 * The prices read are known even when another region failed.
 *
 * Returns: %TRUE when every region asked was priced, else %FALSE with
 *   @error set to the first failure (AWS's `AccessDeniedException` when
 *   the caller may not read the Price List)
 */
gboolean
amigo_pricing_refresh_snapshot_prices_finish (AmigoPricing  *self,
                                              GAsyncResult  *result,
                                              guint         *n_read,
                                              guint         *n_cached,
                                              GError       **error)
{
  RefreshOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  op = g_task_get_task_data (G_TASK (result));
  if (n_read != NULL)
    *n_read = op->n_read;
  if (n_cached != NULL)
    *n_cached = op->n_cached;
  return g_task_propagate_boolean (G_TASK (result), error);
}
