/* test-pricing-integration.c — snapshot prices from the AWS Price List
 * against moto's stand-in (tests/moto_pricing.py; its prices are test
 * values), signatures and IAM policies enforced: two regions read, paging,
 * a refusal falling back to the table, and the cache on the way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "amigo-error.h"
#include "amigo-pricing.h"
#include "amigo-snapshot-cost.h"
#include "amigo-snapshot-price-cache.h"
#include "amigo-test-moto.h"

static struct {
  AmigoClient *client;
  AmigoPricing *pricing;
  char *dir;
  char *cache;
} env;

static void
reset (void)
{
  amigo_snapshot_prices_forget_read ();
  g_unlink (env.cache);
  amigo_test_moto_post ("/amigo-test/pricing", "{\"deny\": false, \"page_size\": null}");
}

static AmigoSnapshotPriceRead *
get_prices (const char *region,
            GError    **error)
{
  amigo_test_next_result ();
  amigo_pricing_get_snapshot_prices_async (env.pricing, region, NULL, amigo_test_result_cb, NULL);
  return amigo_pricing_get_snapshot_prices_finish (env.pricing, amigo_test_await_result (), error);
}

static gboolean
refresh (const char * const *regions,
         guint              *n_read,
         guint              *n_cached,
         GError            **error)
{
  amigo_test_next_result ();
  amigo_pricing_refresh_snapshot_prices_async (env.pricing, regions, env.cache, NULL, amigo_test_result_cb, NULL);
  return amigo_pricing_refresh_snapshot_prices_finish (env.pricing, amigo_test_await_result (),
                                                       n_read, n_cached, error);
}

/* The stand-in's test prices of two regions, each read whole */
static void
test_two_regions (void)
{
  g_autoptr(AmigoSnapshotPriceRead) seoul = NULL;
  g_autoptr(AmigoSnapshotPriceRead) ireland = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;
  reset ();
  seoul = get_prices ("ap-northeast-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seoul->region, ==, "ap-northeast-2");
  g_assert_cmpfloat (seoul->standard, ==, 0.052);
  g_assert_cmpfloat (seoul->archive, ==, 0.013);
  g_assert_cmpint (seoul->read_usec, >, g_get_real_time () - 60 * G_USEC_PER_SEC);
  ireland = get_prices ("eu-west-1", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ireland->standard, ==, 0.053);
  g_assert_cmpfloat (ireland->archive, ==, 0.0133);

  /* A region the stand-in has no prices for: none, said so */
  g_clear_pointer (&seoul, amigo_snapshot_price_read_free);
  seoul = get_prices ("ca-central-1", &error);
  g_assert_null (seoul);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
}

/* One item a page: every page is read (NextToken) */
static void
test_paging (void)
{
  g_autoptr(AmigoSnapshotPriceRead) seoul = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;
  reset ();
  amigo_test_moto_post ("/amigo-test/pricing", "{\"page_size\": 1}");
  seoul = get_prices ("ap-northeast-2", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (seoul->standard, ==, 0.052);
  g_assert_cmpfloat (seoul->archive, ==, 0.013);
  reset ();
}

/* Every region through the cache: read and kept, then reused; stale
 * entries asked again; the estimate prices each region at its own */
static void
test_refresh_and_cache (void)
{
  const char *regions[] = { "ap-northeast-2", "eu-west-1", "cn-north-1", NULL };
  gint64 now = g_get_real_time ();
  AmigoSnapshotPriceRead old = { (char *) "eu-west-1", 0.5, 0.25, now - 8 * G_TIME_SPAN_DAY };
  AmigoSnapshotPriceRead kept = { (char *) "eu-west-1", 0.099, 0.0099, now - G_TIME_SPAN_HOUR };
  g_autoptr(AmigoSnapshotPriceRead) cached = NULL;
  g_autoptr(GError) error = NULL;
  AmigoSnapshotCost cost = { 0 };
  guint n_read = 0, n_cached = 0;

  if (!amigo_test_moto_have_server ())
    return;
  reset ();
  /* A week and a day old: stale, asked again */
  g_assert_true (amigo_snapshot_price_cache_store (env.cache, &old, &error));
  g_assert_true (refresh (regions, &n_read, &n_cached, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 2);               /* China's are not the Price List's at us-east-1 */
  g_assert_cmpuint (n_cached, ==, 0);
  cached = amigo_snapshot_price_cache_lookup (env.cache, "eu-west-1", g_get_real_time ());
  g_assert_nonnull (cached);
  g_assert_cmpfloat (cached->standard, ==, 0.053);
  amigo_snapshot_cost_add_snapshot (&cost, "ap-northeast-2", "standard", (gint64) 100 << 30, -1);
  amigo_snapshot_cost_add_snapshot (&cost, "eu-west-1", "archive", (gint64) 100 << 30, -1);
  g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 5.2 + 1.33, 1e-9);
  g_assert_false (cost.region_guessed);
  g_assert_cmpint (cost.price_list_read_usec, >, 0);

  /* Fresh in the cache: used as it is, not asked (its price is not the
   * stand-in's) */
  amigo_snapshot_prices_forget_read ();
  g_assert_true (amigo_snapshot_price_cache_store (env.cache, &kept, &error));
  g_assert_true (refresh (regions, &n_read, &n_cached, &error));
  g_assert_cmpuint (n_cached, ==, 2);
  g_assert_cmpuint (n_read, ==, 0);
  g_assert_cmpfloat (amigo_snapshot_price_lookup ("eu-west-1", NULL)->standard, ==, 0.099);

  /* A corrupt cache: passed over (a debug message), every region asked */
  amigo_snapshot_prices_forget_read ();
  g_assert_true (g_file_set_contents (env.cache, "{\"version\": 1, \"regions\": {\"eu-", -1, NULL));
  g_assert_true (refresh (regions, &n_read, &n_cached, &error));
  g_assert_cmpuint (n_read, ==, 2);
  g_assert_cmpfloat (amigo_snapshot_price_lookup ("eu-west-1", NULL)->standard, ==, 0.053);
  reset ();
}

/* A user without pricing:GetProducts (an IAM policy denies it, checked by
 * moto): AccessDeniedException, nothing kept, and the estimate falls back
 * to the table, said so */
static void
test_access_denied (void)
{
  const char *regions[] = { "ap-northeast-2", "eu-west-1", "sa-east-1", NULL };
  g_autoptr(GError) error = NULL;
  AmigoSnapshotCost cost = { 0 };
  guint n_read = 1, n_cached = 1;

  if (!amigo_test_moto_have_server ())
    return;
  reset ();
  amigo_test_moto_post ("/amigo-test/pricing", "{\"deny\": true}");
  g_assert_false (refresh (regions, &n_read, &n_cached, &error));
  g_assert_true (amigo_aws_error_has_aws_code (error, "AccessDeniedException"));
  g_assert_cmpuint (n_read, ==, 0);
  g_assert_cmpuint (n_cached, ==, 0);
  g_assert_false (g_file_test (env.cache, G_FILE_TEST_EXISTS));
  amigo_snapshot_cost_add_snapshot (&cost, "ap-northeast-2", "standard", (gint64) 10 << 30, -1);
  g_assert_true (cost.region_guessed);
  g_assert_cmpint (cost.price_list_read_usec, ==, 0);
  g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 0.5, 1e-9);
  reset ();
}

/* The Price List checks signatures too */
static void
test_wrong_secret (void)
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoPricing) pricing = NULL;
  g_autoptr(AmigoSnapshotPriceRead) prices = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;
  credentials = amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), "not-the-secret-access-key", NULL, 0);
  client = amigo_client_new (credentials);
  pricing = amigo_pricing_new (client, AMIGO_PRICING_REGION, amigo_test_moto_endpoint ());
  amigo_test_next_result ();
  amigo_pricing_get_snapshot_prices_async (pricing, "ap-northeast-2", NULL, amigo_test_result_cb, NULL);
  prices = amigo_pricing_get_snapshot_prices_finish (pricing, amigo_test_await_result (), &error);
  g_assert_null (prices);
  g_assert_true (amigo_aws_error_has_aws_code (error, "SignatureDoesNotMatch"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env.dir = g_dir_make_tmp ("amigo-pricing-XXXXXX", NULL);
  env.cache = g_build_filename (env.dir, "snapshot-prices.json", NULL);
  if (amigo_test_moto_endpoint () != NULL)
    {
      g_autoptr(AmigoCredentials) credentials =
        amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);

      env.client = amigo_client_new (credentials);
      env.pricing = amigo_pricing_new (env.client, AMIGO_PRICING_REGION, amigo_test_moto_endpoint ());
    }

  g_test_add_func ("/pricing/two-regions", test_two_regions);
  g_test_add_func ("/pricing/paging", test_paging);
  g_test_add_func ("/pricing/refresh-and-cache", test_refresh_and_cache);
  g_test_add_func ("/pricing/access-denied", test_access_denied);
  g_test_add_func ("/pricing/wrong-secret", test_wrong_secret);

  status = g_test_run ();

  amigo_test_moto_cleanup ();
  g_clear_object (&env.pricing);
  g_clear_object (&env.client);
  g_unlink (env.cache);
  g_rmdir (env.dir);
  g_free (env.cache);
  g_free (env.dir);
  return status;
}
