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

/* The date the prices were read, and from where. us-east-1's two prices are
 * those the Amazon EBS User Guide quotes ("Pricing and billing for
 * archiving Amazon EBS snapshots": archived snapshots "are billed at a rate
 * of $0.0125 per GB-month", "the standard rate for snapshots of $0.05 per
 * GB-month"); the other regions' are from the Amazon EBS pricing page
 * (aws.amazon.com/ebs/pricing, "Snapshots") on that date. Update the table
 * and the date together. */
#define PRICES_DATE   "2024-12-01"
#define PRICES_SOURCE "Amazon EBS pricing (aws.amazon.com/ebs/pricing), snapshot storage"

/* Sorted by region, for bsearch; the first entry is the fallback. */
static const AmigoSnapshotPrice fallback = { "us-east-1", 0.05, 0.0125 };

static const AmigoSnapshotPrice prices[] = {
  { "af-south-1",     0.06,   0.015 },
  { "ap-east-1",      0.055,  0.01375 },
  { "ap-northeast-1", 0.05,   0.0125 },
  { "ap-northeast-2", 0.05,   0.0125 },
  { "ap-northeast-3", 0.05,   0.0125 },
  { "ap-south-1",     0.05,   0.0125 },
  { "ap-southeast-1", 0.05,   0.0125 },
  { "ap-southeast-2", 0.055,  0.01375 },
  { "ca-central-1",   0.055,  0.01375 },
  { "eu-central-1",   0.054,  0.0135 },
  { "eu-north-1",     0.0475, 0.011875 },
  { "eu-south-1",     0.053,  0.01325 },
  { "eu-west-1",      0.05,   0.0125 },
  { "eu-west-2",      0.053,  0.01325 },
  { "eu-west-3",      0.053,  0.01325 },
  { "me-south-1",     0.055,  0.01375 },
  { "sa-east-1",      0.068,  0.017 },
  { "us-east-1",      0.05,   0.0125 },
  { "us-east-2",      0.05,   0.0125 },
  { "us-west-1",      0.055,  0.01375 },
  { "us-west-2",      0.05,   0.0125 },
};

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
 * Returns: (transfer none): @region's prices, or us-east-1's when the table
 *   has none for it
 */
const AmigoSnapshotPrice *
amigo_snapshot_price_lookup (const char *region,
                             gboolean   *exact)
{
  const AmigoSnapshotPrice *found = NULL;

  if (region != NULL)
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
