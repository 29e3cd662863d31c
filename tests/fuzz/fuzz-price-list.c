/* fuzz-price-list.c — the AWS Price List's GetProducts items, read for
 * snapshot prices; and the price cache that keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the PriceList's items, one a line (as many pages would give
 * them); any items give both prices or an error, never a crash. The same
 * bytes, as the cache file, load as some prices or none.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "amigo-pricing.h"
#include "amigo-snapshot-price-cache.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) items = g_strsplit (text, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSnapshotPriceRead) cached = NULL;
  double standard = 0, archive = 0;

  fuzz_quiet_logs ();
  if (amigo_pricing_parse_snapshot_prices ((const char * const *) items, g_strv_length (items),
                                           "ap-northeast-2", &standard, &archive, &error))
    g_assert (standard >= 0 && archive >= 0);
  else
    g_assert (error != NULL);

  if (path == NULL)
    path = g_strdup_printf ("%s/amigo-fuzz-prices-%d.json", g_get_tmp_dir (), (int) getpid ());
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;
  cached = amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", (gint64) 1796083200 * G_USEC_PER_SEC);
  g_unlink (path);
  return 0;
}
