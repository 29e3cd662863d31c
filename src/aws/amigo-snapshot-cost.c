/* amigo-snapshot-cost.c — what an image's snapshots cost a month, estimated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An estimate, and said to be one wherever it is shown: a standard-tier
 * snapshot is billed for the blocks it does not share with the snapshots
 * before it, which no API tells; Amigo counts its full size
 * (`FullSnapshotSizeInBytes`, else the size of the volume it was taken
 * of), so the figure is what deleting it could free at most. An archived
 * snapshot is a full copy and billed for all of it. AWS bills by the
 * GB-month of 2^30 bytes.
 */
#include "config.h"

#include <string.h>

#include "amigo-snapshot-cost.h"

#define GIB (1024.0 * 1024.0 * 1024.0)

/* The date the prices were checked, and against what. Only prices a public
 * AWS document states are in the table:
 *   us-east-1: the Amazon EBS User Guide, "Pricing and billing for archiving
 *   Amazon EBS snapshots"
 *   (https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive-pricing.html):
 *   archived snapshots "are billed at a rate of $0.0125 per GB-month", then
 *   "the standard rate for snapshots of $0.05 per GB-month". The guide
 *   names no region; they are taken as us-east-1's, the region whose
 *   prices AWS's guides quote.
 * Other regions: AWS states their prices only on the Amazon EBS pricing
 * page (aws.amazon.com/ebs/pricing) and in the Price List API, neither
 * readable in a form that could be checked on the date below. The figures
 * the table had for them (2024-12-01) were written from memory and are
 * gone: such a region is priced at us-east-1's rates and the estimate says
 * so (AmigoSnapshotCost.region_guessed), rather than show a guessed price
 * as if it were known. Add a region with its source quoted here, and
 * update the date with the table.
 * At run time the Clean Up view reads every region's prices from the AWS
 * Price List with the user's credentials (amigo-pricing.c, kept a week in
 * amigo-snapshot-price-cache.c); those come first, with their own date
 * (AmigoSnapshotPrice.read_usec), and this table is the fallback when the
 * Price List cannot be read. */
#define PRICES_DATE   "2026-12-07"
#define PRICES_SOURCE "Amazon EBS User Guide, Pricing and billing for archiving Amazon EBS snapshots (us-east-1)"

/* Sorted by region, for bsearch; the fallback is us-east-1's. */
static const AmigoSnapshotPrice fallback = { "us-east-1", 0.05, 0.0125, 0 };

static const AmigoSnapshotPrice prices[] = {
  { "us-east-1",      0.05,   0.0125, 0 },
};

/* Prices read from the AWS Price List in this process (amigo-pricing.c),
 * by region: they come before the table. Each entry lives as long as the
 * process (a lookup hands out pointers to it); forgetting one sets its
 * date to 0. */
static GHashTable *read_prices;
G_LOCK_DEFINE_STATIC (read_prices);

static int
compare_region (const void *key,
                const void *item)
{
  return strcmp (key, ((const AmigoSnapshotPrice *) item)->region);
}

/**
 * amigo_snapshot_prices_get_date:
 *
 * Returns: (transfer none): the date the price table was read, `YYYY-MM-DD`
 */
const char *
amigo_snapshot_prices_get_date (void)
{
  return PRICES_DATE;
}

/**
 * amigo_snapshot_prices_get_source:
 *
 * Returns: (transfer none): where the price table comes from
 */
const char *
amigo_snapshot_prices_get_source (void)
{
  return PRICES_SOURCE;
}

/**
 * amigo_snapshot_price_lookup:
 * @region: (nullable): a region code
 * @exact: (out) (optional): set to whether @region has prices of its own
 *
 * Returns: (transfer none): @region's prices: those read from the AWS
 *   Price List (amigo_snapshot_price_set_read()), else the table's, else
 *   us-east-1's from the table
 */
const AmigoSnapshotPrice *
amigo_snapshot_price_lookup (const char *region,
                             gboolean   *exact)
{
  const AmigoSnapshotPrice *found = NULL;

  G_LOCK (read_prices);
  if (region != NULL && read_prices != NULL)
    found = g_hash_table_lookup (read_prices, region);
  if (found != NULL && found->read_usec == 0)
    found = NULL;
  G_UNLOCK (read_prices);
  if (region != NULL && found == NULL)
    found = bsearch (region, prices, G_N_ELEMENTS (prices), sizeof prices[0], compare_region);
  if (exact != NULL)
    *exact = found != NULL;
  return found != NULL ? found : &fallback;
}

/**
 * amigo_snapshot_cost_add_snapshot:
 * @cost: the running estimate
 * @region: (nullable): the snapshot's region
 * @storage_tier: (nullable): `standard` (or %NULL) or `archive` (`StorageTier`)
 * @full_size_bytes: `FullSnapshotSizeInBytes`, or -1 when not given
 * @volume_size_gib: the size of the volume it was taken of (`VolumeSize`),
 *   used when the full size is not given; -1 when not known either
 *
 * Adds one snapshot to @cost.
 */
void
amigo_snapshot_cost_add_snapshot (AmigoSnapshotCost *cost,
                                  const char        *region,
                                  const char        *storage_tier,
                                  gint64             full_size_bytes,
                                  gint               volume_size_gib)
{
  const AmigoSnapshotPrice *price;
  gboolean exact;
  gboolean archived = g_strcmp0 (storage_tier, "archive") == 0;
  guint64 bytes;

  g_return_if_fail (cost != NULL);

  price = amigo_snapshot_price_lookup (region, &exact);
  if (!exact)
    cost->region_guessed = TRUE;
  if (price->read_usec > 0
      && (cost->price_list_read_usec == 0 || price->read_usec < cost->price_list_read_usec))
    cost->price_list_read_usec = price->read_usec;
  if (full_size_bytes >= 0)
    bytes = (guint64) full_size_bytes;
  else
    {
      bytes = volume_size_gib > 0 ? (guint64) volume_size_gib * (guint64) GIB : 0;
      cost->n_sizes_guessed++;
    }
  cost->n_snapshots++;
  if (archived)
    cost->archive_bytes += bytes;
  else
    cost->standard_bytes += bytes;
  cost->monthly_usd += (double) bytes / GIB * (archived ? price->archive : price->standard);
}

/**
 * amigo_snapshot_cost_add:
 * @cost: the running estimate
 * @other: another estimate, added to it
 */
void
amigo_snapshot_cost_add (AmigoSnapshotCost       *cost,
                         const AmigoSnapshotCost *other)
{
  g_return_if_fail (cost != NULL && other != NULL);

  cost->standard_bytes += other->standard_bytes;
  cost->archive_bytes += other->archive_bytes;
  cost->monthly_usd += other->monthly_usd;
  cost->n_snapshots += other->n_snapshots;
  cost->n_sizes_guessed += other->n_sizes_guessed;
  cost->region_guessed |= other->region_guessed;
  if (other->price_list_read_usec > 0
      && (cost->price_list_read_usec == 0 || other->price_list_read_usec < cost->price_list_read_usec))
    cost->price_list_read_usec = other->price_list_read_usec;
}

/**
 * amigo_snapshot_cost_get_gib:
 * @cost: an estimate
 *
 * Returns: the GiB counted, both tiers
 */
double
amigo_snapshot_cost_get_gib (const AmigoSnapshotCost *cost)
{
  g_return_val_if_fail (cost != NULL, 0);
  return (double) (cost->standard_bytes + cost->archive_bytes) / GIB;
}

/**
 * amigo_snapshot_price_set_read:
 * @region: a region code
 * @standard: USD per GB-month in the standard tier
 * @archive: USD per GB-month in the archive tier
 * @read_usec: when they were read from the AWS Price List, Unix µs (> 0)
 *
 * Makes @region's prices, as the Price List gave them, the ones
 * amigo_snapshot_price_lookup() and the estimates use from now on.
 */
void
amigo_snapshot_price_set_read (const char *region,
                               double      standard,
                               double      archive,
                               gint64      read_usec)
{
  AmigoSnapshotPrice *price;

  g_return_if_fail (region != NULL && read_usec > 0);

  G_LOCK (read_prices);
  if (read_prices == NULL)
    read_prices = g_hash_table_new (g_str_hash, g_str_equal);
  price = g_hash_table_lookup (read_prices, region);
  if (price == NULL)
    {
      price = g_new0 (AmigoSnapshotPrice, 1);
      price->region = g_strdup (region);
      g_hash_table_insert (read_prices, (gpointer) price->region, price);
    }
  price->standard = standard;
  price->archive = archive;
  price->read_usec = read_usec;
  G_UNLOCK (read_prices);
}

/**
 * amigo_snapshot_prices_forget_read:
 *
 * Forgets every price read from the Price List: the table's apply again.
 */
void
amigo_snapshot_prices_forget_read (void)
{
  GHashTableIter iter;
  gpointer value;

  G_LOCK (read_prices);
  if (read_prices != NULL)
    {
      g_hash_table_iter_init (&iter, read_prices);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ((AmigoSnapshotPrice *) value)->read_usec = 0;
    }
  G_UNLOCK (read_prices);
}
