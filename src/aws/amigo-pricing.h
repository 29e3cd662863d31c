/* amigo-pricing.h — the AWS Price List Query API: EBS snapshot storage
 * prices per region, read with the account's credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-service.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_PRICING (amigo_pricing_get_type ())

/* The Price List Query API answers at a few endpoints only; its prices
 * are the same whichever one answers. Amigo asks us-east-1's
 * (api.pricing.us-east-1.amazonaws.com). */
#define AMIGO_PRICING_REGION "us-east-1"

/* GetProducts' MaxResults: "Valid Range: Minimum value of 1. Maximum
 * value of 100." (botocore's model: GetProductsMaxResults) */
#define AMIGO_PRICING_PAGE_SIZE 100

/**
 * AmigoPricing:
 *
 * The AWS Price List Query API (JSON 1.1, service `pricing`).
 */
AMIGO_DECLARE_SERVICE (AmigoPricing, amigo_pricing, AMIGO, PRICING)

/**
 * AmigoSnapshotPriceRead:
 * @region: the region the prices are of
 * @standard: USD per GB-month in the standard tier
 * @archive: USD per GB-month in the archive tier
 * @read_usec: when they were read from the Price List, Unix µs
 *
 * A region's EBS snapshot storage prices as the Price List gave them.
 */
typedef struct {
  char *region;
  double standard;
  double archive;
  gint64 read_usec;
} AmigoSnapshotPriceRead;

void amigo_snapshot_price_read_free (AmigoSnapshotPriceRead *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSnapshotPriceRead, amigo_snapshot_price_read_free)

gboolean amigo_pricing_parse_snapshot_prices (const char * const *price_list,
                                              guint               n_items,
                                              const char         *region,
                                              double             *standard,
                                              double             *archive,
                                              GError            **error);

AMIGO_DECLARE_ASYNC (AmigoPricing, AmigoSnapshotPriceRead *, amigo_pricing_get_snapshot_prices,
                     const char *region);

void     amigo_pricing_refresh_snapshot_prices_async  (AmigoPricing        *self,
                                                       const char * const  *regions,
                                                       const char          *cache_path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean amigo_pricing_refresh_snapshot_prices_finish (AmigoPricing        *self,
                                                       GAsyncResult        *result,
                                                       guint               *n_read,
                                                       guint               *n_cached,
                                                       GError             **error);

G_END_DECLS
