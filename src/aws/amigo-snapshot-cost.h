/* amigo-snapshot-cost.h — what an image's snapshots cost a month, estimated
 * from a dated table of EBS snapshot storage prices per region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmigoSnapshotPrice:
 * @region: the region code, e.g. `us-east-1`
 * @standard: USD per GB-month of a snapshot in the standard tier
 * @archive: USD per GB-month of a snapshot in the archive tier
 * @read_usec: when the prices were read from the AWS Price List, Unix µs;
 *   0 for the repo's dated table
 *
 * EBS snapshot storage prices in one region.
 */
typedef struct {
  const char *region;
  double standard;
  double archive;
  gint64 read_usec;
} AmigoSnapshotPrice;

const char              *amigo_snapshot_prices_get_date   (void);
const char              *amigo_snapshot_prices_get_source (void);
const AmigoSnapshotPrice *amigo_snapshot_price_lookup     (const char *region,
                                                           gboolean   *exact);
void                      amigo_snapshot_price_set_read    (const char *region,
                                                           double      standard,
                                                           double      archive,
                                                           gint64      read_usec);
void                      amigo_snapshot_prices_forget_read (void);

/**
 * AmigoSnapshotCost:
 * @standard_bytes: bytes counted in the standard tier
 * @archive_bytes: bytes counted in the archive tier
 * @monthly_usd: the estimate, USD a month
 * @n_snapshots: how many snapshots were added
 * @n_sizes_guessed: how many had no full size (their volume's size was used)
 * @region_guessed: a region had no verified price of its own: us-east-1's
 *   was used (only us-east-1's prices are verified; amigo-snapshot-cost.c)
 * @price_list_read_usec: the oldest date, Unix µs, of the AWS Price List
 *   prices counted; 0 when none was
 *
 * A running estimate over any number of snapshots (of one image, of a
 * selection). Start from `{ 0 }`.
 */
typedef struct {
  guint64 standard_bytes;
  guint64 archive_bytes;
  double monthly_usd;
  guint n_snapshots;
  guint n_sizes_guessed;
  gboolean region_guessed;
  gint64 price_list_read_usec;
} AmigoSnapshotCost;

void     amigo_snapshot_cost_add_snapshot (AmigoSnapshotCost       *cost,
                                           const char              *region,
                                           const char              *storage_tier,
                                           gint64                   full_size_bytes,
                                           gint                     volume_size_gib);
void     amigo_snapshot_cost_add          (AmigoSnapshotCost       *cost,
                                           const AmigoSnapshotCost *other);
double   amigo_snapshot_cost_get_gib      (const AmigoSnapshotCost *cost);

G_END_DECLS
