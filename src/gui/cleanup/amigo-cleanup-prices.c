/* amigo-cleanup-prices.c — Clean Up: the snapshot prices of the regions
 * shown, from the AWS Price List (or its cache), read while the images are
 * scanned; and the words that say where the prices come from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-cleanup-window-private.h"
#include "amigo-error.h"
#include "amigo-pricing.h"
#include "amigo-snapshot-cost.h"
#include "amigo-snapshot-price-cache.h"

static char *
format_day (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("?");
}

/* The date of the prices @cost counts: the oldest read from the Price
 * List, else the table's. */
char *
_amigo_cleanup_prices_date (const AmigoSnapshotCost *cost)
{
  if (cost->price_list_read_usec > 0)
    return format_day (cost->price_list_read_usec);
  return g_strdup (amigo_snapshot_prices_get_date ());
}

/* A sentence: where the prices of @cost come from. */
char *
_amigo_cleanup_prices_source (AmigoCleanupWindow      *self,
                              const AmigoSnapshotCost *cost)
{
  g_autofree char *date = _amigo_cleanup_prices_date (cost);

  if (cost->region_guessed && self->prices_refused)
    /* Translators: where the Clean Up view's prices come from; %s is the
     * date of us-east-1's price in Amigo's table */
    return g_strdup_printf (_("Prices: the AWS Price List refused to answer (your account may not allow "
                              "pricing:GetProducts), so us-east-1’s documented price of %s counts for every "
                              "region; other regions’ prices are not verified."), date);
  if (cost->region_guessed && cost->price_list_read_usec > 0)
    /* Translators: where the Clean Up view's prices come from; %s is a date */
    return g_strdup_printf (_("Prices: from the AWS Price List, read %s; where it gave none, us-east-1’s "
                              "documented price, not verified for other regions."), date);
  if (cost->region_guessed)
    /* Translators: where the Clean Up view's prices come from; %s is a date */
    return g_strdup_printf (_("Prices: us-east-1’s documented price of %s; other regions’ prices are not "
                              "verified."), date);
  if (cost->price_list_read_usec > 0)
    /* Translators: where the Clean Up view's prices come from; %s is a date */
    return g_strdup_printf (_("Prices: from the AWS Price List, read %s."), date);
  /* Translators: where the Clean Up view's prices come from; %s is a date */
  return g_strdup_printf (_("Prices: us-east-1’s documented price of %s."), date);
}

/* Every entry counted again at the prices known now, and shown so. */
void
_amigo_cleanup_window_reprice (AmigoCleanupWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoCleanupEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      amigo_cleanup_entry_reprice (entry);
    }
  /* The rows show the new costs, the sort follows them */
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->entries), 0, n, n);
  _amigo_cleanup_window_update_estimate (self);
}

static void
on_prices_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AmigoCleanupWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_read = 0;
  guint n_cached = 0;

  if (!amigo_pricing_refresh_snapshot_prices_finish (AMIGO_PRICING (source), result, &n_read, &n_cached, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Not an error page: the table's price stands in, and the label
       * says so */
      g_debug ("Clean Up: the AWS Price List left some regions to the table: %s", error->message);
      self->prices_refused = amigo_aws_error_has_aws_code (error, "AccessDeniedException");
    }
  g_debug ("Clean Up: snapshot prices of %u regions read, %u from the cache", n_read, n_cached);
  self->prices_loading = FALSE;
  self->loading = self->scanning;
  _amigo_cleanup_window_reprice (self);
}

/* Reads the prices of the regions in scope, alongside the scan (on the
 * window's cancellable). */
void
_amigo_cleanup_window_load_prices (AmigoCleanupWindow *self)
{
  g_autoptr(AmigoPricing) pricing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) regions = NULL;
  g_autofree char *cache_path = amigo_snapshot_price_cache_default_path ();

  self->prices_refused = FALSE;
  self->prices_loading = FALSE;
  pricing = amigo_pricing_new_for_account (self->account, self->client, AMIGO_PRICING_REGION, &error);
  if (pricing == NULL)
    {
      g_debug ("Clean Up: no AWS Price List: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->ec2s->len; i++)
    g_strv_builder_add (builder, amigo_ec2_get_region (g_ptr_array_index (self->ec2s, i)));
  regions = g_strv_builder_end (builder);
  self->prices_loading = TRUE;
  amigo_pricing_refresh_snapshot_prices_async (pricing, (const char * const *) regions, cache_path,
                                               self->cancellable, on_prices_done_cb, g_object_ref (self));
}
