/* amigo-snapshot-price-cache.h — snapshot prices read from the AWS Price
 * List, kept with the date they were read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-pricing.h"

G_BEGIN_DECLS

/* How long prices read from the Price List are used before they are asked
 * again: AWS changes storage prices rarely, and says when. */
#define AMIGO_SNAPSHOT_PRICE_CACHE_MAX_AGE (7 * G_TIME_SPAN_DAY)

char                   *amigo_snapshot_price_cache_default_path (void);
AmigoSnapshotPriceRead *amigo_snapshot_price_cache_lookup       (const char                   *path,
                                                                 const char                   *region,
                                                                 gint64                        now_usec);
gboolean                amigo_snapshot_price_cache_store        (const char                   *path,
                                                                 const AmigoSnapshotPriceRead *prices,
                                                                 GError                      **error);

G_END_DECLS
