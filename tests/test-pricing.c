/* test-pricing.c — the AWS Price List's snapshot prices read from
 * GetProducts' PriceList items, the dated cache they are kept in, and the
 * estimate that prefers them to the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-error.h"
#include "amigo-pricing.h"
#include "amigo-snapshot-cost.h"
#include "amigo-snapshot-price-cache.h"

#define GIB ((gint64) 1024 * 1024 * 1024)

/* botocore's example answer to GetProducts (examples-1.json), an item of
 * the product family Storage: not a snapshot's, passed over. */
static const char example_item[] =
  "{\"product\":{\"productFamily\":\"Storage\",\"attributes\":{\"storageMedia\":\"SSD-backed\","
  "\"maxThroughputvolume\":\"320 MB/sec\",\"volumeType\":\"Provisioned IOPS\",\"maxIopsvolume\":\"20000\","
  "\"servicecode\":\"AmazonEC2\",\"usagetype\":\"CAN1-EBS:VolumeUsage.piops\",\"locationType\":\"AWS Region\","
  "\"location\":\"Canada (Central)\",\"servicename\":\"Amazon Elastic Compute Cloud\",\"maxVolumeSize\":\"16 TiB\","
  "\"operation\":\"\"},\"sku\":\"WQGC34PB2AWS8R4U\"},\"serviceCode\":\"AmazonEC2\",\"terms\":{\"OnDemand\":"
  "{\"WQGC34PB2AWS8R4U.JRTCKXETXF\":{\"priceDimensions\":{\"WQGC34PB2AWS8R4U.JRTCKXETXF.6YS6EN2CT7\":"
  "{\"unit\":\"GB-Mo\",\"endRange\":\"Inf\",\"description\":\"$0.138 per GB-month of Provisioned IOPS SSD (io1)  "
  "provisioned storage - Canada (Central)\",\"appliesTo\":[],\"rateCode\":\"WQGC34PB2AWS8R4U.JRTCKXETXF.6YS6EN2CT7\","
  "\"beginRange\":\"0\",\"pricePerUnit\":{\"USD\":\"0.1380000000\"}}},\"sku\":\"WQGC34PB2AWS8R4U\","
  "\"effectiveDate\":\"2017-08-01T00:00:00Z\",\"offerTermCode\":\"JRTCKXETXF\",\"termAttributes\":{}}}},"
  "\"version\":\"20170901182201\",\"publicationDate\":\"2017-09-01T18:22:01Z\"}";

/* An item of the same shape for a snapshot usage type (test prices) */
static char *
snapshot_item (const char *usage,
               const char *unit,
               const char *usd)
{
  return g_strdup_printf ("{\"product\":{\"productFamily\":\"Storage Snapshot\",\"attributes\":"
                          "{\"servicecode\":\"AmazonEC2\",\"usagetype\":\"%s\",\"regionCode\":\"ap-northeast-2\"},"
                          "\"sku\":\"SKU1\"},\"serviceCode\":\"AmazonEC2\",\"terms\":{\"OnDemand\":"
                          "{\"SKU1.JRTCKXETXF\":{\"priceDimensions\":{\"SKU1.JRTCKXETXF.6YS6EN2CT7\":"
                          "{\"unit\":\"%s\",\"beginRange\":\"0\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"%s\"}}},"
                          "\"sku\":\"SKU1\",\"offerTermCode\":\"JRTCKXETXF\",\"termAttributes\":{}}}},"
                          "\"version\":\"20261201000000\",\"publicationDate\":\"2026-12-01T00:00:00Z\"}",
                          usage, unit, usd);
}

static gboolean
parse (GPtrArray *items,
       double    *standard,
       double    *archive,
       GError   **error)
{
  return amigo_pricing_parse_snapshot_prices ((const char * const *) items->pdata, items->len,
                                              "ap-northeast-2", standard, archive, error);
}

static void
test_parse_documented_shape (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  double standard = -1, archive = -1;

  g_ptr_array_add (items, g_strdup (example_item));
  g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotUsage", "GB-Mo", "0.0520000000"));
  /* Another usage type of the family, per GB: passed over */
  g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotArchiveRetrieval", "GB", "0.0300000000"));
  g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotArchiveStorage", "GB-Mo", "0.0130000000"));
  g_assert_true (parse (items, &standard, &archive, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (standard, ==, 0.052);
  g_assert_cmpfloat (archive, ==, 0.013);

  /* us-east-1's usage types have no region prefix */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, snapshot_item ("EBS:SnapshotArchiveStorage", "GB-Mo", "0.0125000000"));
  g_ptr_array_add (items, snapshot_item ("EBS:SnapshotUsage", "GB-Mo", "0.0500000000"));
  g_assert_true (parse (items, &standard, &archive, &error));
  g_assert_cmpfloat (standard, ==, 0.05);
  g_assert_cmpfloat (archive, ==, 0.0125);
}

/* Every malformed answer fails whole, and leaves the prices untouched */
static void
test_parse_refuses (void)
{
  static const struct {
    const char *name;
    const char *bad_item;       /* added to a good standard price */
    AmigoAwsErrorCode code;
  } cases[] = {
    { "not JSON", "{\"product\":", AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "not an object", "[1,2]", AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "no usage type", "{\"product\":{\"attributes\":{}}}", AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "no terms", "{\"product\":{\"attributes\":{\"usagetype\":\"EBS:SnapshotArchiveStorage\"}}}",
      AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "no dimensions", "{\"product\":{\"attributes\":{\"usagetype\":\"EBS:SnapshotArchiveStorage\"}},"
      "\"terms\":{\"OnDemand\":{\"a\":{}}}}", AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "no USD", "{\"product\":{\"attributes\":{\"usagetype\":\"EBS:SnapshotArchiveStorage\"}},"
      "\"terms\":{\"OnDemand\":{\"a\":{\"priceDimensions\":{\"r\":{\"unit\":\"GB-Mo\",\"pricePerUnit\":{\"CNY\":\"0.1\"}}}}}}}",
      AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "not a number", NULL, AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "a number as JSON number", "{\"product\":{\"attributes\":{\"usagetype\":\"EBS:SnapshotArchiveStorage\"}},"
      "\"terms\":{\"OnDemand\":{\"a\":{\"priceDimensions\":{\"r\":{\"unit\":\"GB-Mo\",\"pricePerUnit\":{\"USD\":0.01}}}}}}}",
      AMIGO_AWS_ERROR_BAD_RESPONSE },
    { "no archive price", "", AMIGO_AWS_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      double standard = -1, archive = -1;

      g_test_message ("%s", cases[i].name);
      g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotUsage", "GB-Mo", "0.0520000000"));
      if (cases[i].bad_item == NULL)
        g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotArchiveStorage", "GB-Mo", "0.01x"));
      else if (*cases[i].bad_item != '\0')
        g_ptr_array_add (items, g_strdup (cases[i].bad_item));
      g_assert_false (parse (items, &standard, &archive, &error));
      g_assert_error (error, AMIGO_AWS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "ap-northeast-2"));
      g_assert_cmpfloat (standard, ==, -1);
      g_assert_cmpfloat (archive, ==, -1);
    }

  /* Other ways a price is not one: a unit that is not GB-month, a
   * negative or endless figure, two prices for one tier */
  {
    static const char *bad[][2] = {
      { "GB", "0.05" }, { "GB-Mo", "-0.05" }, { "GB-Mo", "inf" }, { "GB-Mo", "nan" }, { "GB-Mo", "" },
      { "GB-Mo", "0.06" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GError) error = NULL;
        double standard = -1, archive = -1;

        g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotUsage", "GB-Mo", "0.0520000000"));
        g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotArchiveStorage", "GB-Mo", "0.0130000000"));
        g_ptr_array_add (items, snapshot_item ("APN2-EBS:SnapshotUsage", bad[i][0], bad[i][1]));
        g_assert_false (parse (items, &standard, &archive, &error));
        g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
      }
  }
}

/* ---- the cache ---------------------------------------------------------- */

static char *
cache_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-price-cache-XXXXXX", NULL);

  g_assert_nonnull (dir);
  /* A directory of its own, made by store */
  return g_build_filename (dir, "amigo", "snapshot-prices.json", NULL);
}

static void
remove_cache (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *top = g_path_get_dirname (dir);

  g_unlink (path);
  g_rmdir (dir);
  g_rmdir (top);
}

static void
test_cache_fresh_and_stale (void)
{
  g_autofree char *path = cache_path ();
  gint64 now = g_get_real_time ();
  AmigoSnapshotPriceRead seoul = { (char *) "ap-northeast-2", 0.052, 0.013, now - G_TIME_SPAN_DAY };
  AmigoSnapshotPriceRead paulo = { (char *) "sa-east-1", 0.068, 0.017, now - 8 * G_TIME_SPAN_DAY };
  g_autoptr(AmigoSnapshotPriceRead) found = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_null (amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", now));
  g_assert_true (amigo_snapshot_price_cache_store (path, &seoul, &error));
  g_assert_no_error (error);
  g_assert_true (amigo_snapshot_price_cache_store (path, &paulo, &error));
  /* Only the user reads it */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  /* A day old: used, with its date (whole seconds) */
  found = amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", now);
  g_assert_nonnull (found);
  g_assert_cmpfloat (found->standard, ==, 0.052);
  g_assert_cmpfloat (found->archive, ==, 0.013);
  g_assert_cmpint (found->read_usec, ==, (seoul.read_usec / G_USEC_PER_SEC) * G_USEC_PER_SEC);
  g_clear_pointer (&found, amigo_snapshot_price_read_free);
  /* More than a week old: asked again */
  g_assert_null (amigo_snapshot_price_cache_lookup (path, "sa-east-1", now));
  /* ... and a week later the first one too */
  g_assert_null (amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", now + 7 * G_TIME_SPAN_DAY));
  /* Read again: replaced, the other region kept */
  paulo.read_usec = now;
  g_assert_true (amigo_snapshot_price_cache_store (path, &paulo, &error));
  found = amigo_snapshot_price_cache_lookup (path, "sa-east-1", now);
  g_assert_nonnull (found);
  g_assert_cmpfloat (found->standard, ==, 0.068);
  g_clear_pointer (&found, amigo_snapshot_price_read_free);
  found = amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", now);
  g_assert_nonnull (found);
  remove_cache (path);
}

static void
test_cache_corrupt (void)
{
  static const char *contents[] = {
    "",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": {\"standard\": 0.052, \"archive\": 0.013, \"read\": \"2026-12",
    "[]",
    "{\"version\": 2, \"regions\": {}}",
    "{\"version\": 1, \"regions\": []}",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": {\"standard\": \"0.052\", \"archive\": 0.013, \"read\": \"@NOW@\"}}}",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": {\"standard\": -1, \"archive\": 0.013, \"read\": \"@NOW@\"}}}",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": {\"standard\": 0.052, \"archive\": 0.013, \"read\": \"yesterday\"}}}",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": {\"standard\": 0.052, \"archive\": 0.013}}}",
    "{\"version\": 1, \"regions\": {\"ap-northeast-2\": 7}}",
  };
  g_autofree char *path = cache_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  AmigoSnapshotPriceRead seoul = { (char *) "ap-northeast-2", 0.052, 0.013, g_get_real_time () };
  g_autoptr(AmigoSnapshotPriceRead) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_auto(GStrv) parts = g_strsplit (contents[i], "@NOW@", -1);
      g_autofree char *text = g_strjoinv (today, parts);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_assert_null (amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", g_get_real_time ()));
    }
  /* A file that cannot be read is replaced by the next store */
  g_assert_true (amigo_snapshot_price_cache_store (path, &seoul, &error));
  g_assert_no_error (error);
  found = amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", g_get_real_time ());
  g_assert_nonnull (found);
  g_clear_pointer (&found, amigo_snapshot_price_read_free);

  /* Too large, or not a regular file: not read */
  {
    g_autofree char *big = g_strnfill (300 * 1024, ' ');

    g_assert_true (g_file_set_contents (path, big, -1, NULL));
    g_assert_null (amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", g_get_real_time ()));
    g_unlink (path);
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    g_assert_null (amigo_snapshot_price_cache_lookup (path, "ap-northeast-2", g_get_real_time ()));
    g_rmdir (path);
  }
  remove_cache (path);
}

/* ---- the estimate with read prices ------------------------------------ */

static void
test_estimate_prefers_read_prices (void)
{
  gint64 read = g_get_real_time () - G_TIME_SPAN_HOUR;
  AmigoSnapshotCost cost = { 0 };
  AmigoSnapshotCost other = { 0 };
  gboolean exact = FALSE;

  amigo_snapshot_price_set_read ("ap-northeast-2", 0.052, 0.013, read);
  g_assert_cmpfloat (amigo_snapshot_price_lookup ("ap-northeast-2", &exact)->standard, ==, 0.052);
  g_assert_true (exact);
  amigo_snapshot_cost_add_snapshot (&cost, "ap-northeast-2", "standard", 100 * GIB, -1);
  amigo_snapshot_cost_add_snapshot (&cost, "ap-northeast-2", "archive", 100 * GIB, -1);
  g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 5.2 + 1.3, 1e-9);
  g_assert_false (cost.region_guessed);
  g_assert_cmpint (cost.price_list_read_usec, ==, read);

  /* The table's region counts no Price List date; a sum keeps the oldest */
  amigo_snapshot_cost_add_snapshot (&other, "us-east-1", "standard", 10 * GIB, -1);
  g_assert_cmpint (other.price_list_read_usec, ==, 0);
  amigo_snapshot_price_set_read ("eu-west-1", 0.053, 0.0133, read - G_TIME_SPAN_DAY);
  amigo_snapshot_cost_add_snapshot (&other, "eu-west-1", "standard", 10 * GIB, -1);
  amigo_snapshot_cost_add (&cost, &other);
  g_assert_cmpint (cost.price_list_read_usec, ==, read - G_TIME_SPAN_DAY);

  /* Forgotten: the table again, and a guess said to be one */
  amigo_snapshot_prices_forget_read ();
  g_assert_cmpstr (amigo_snapshot_price_lookup ("ap-northeast-2", &exact)->region, ==, "us-east-1");
  g_assert_false (exact);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pricing/parse/documented-shape", test_parse_documented_shape);
  g_test_add_func ("/pricing/parse/refuses", test_parse_refuses);
  g_test_add_func ("/pricing/cache/fresh-and-stale", test_cache_fresh_and_stale);
  g_test_add_func ("/pricing/cache/corrupt", test_cache_corrupt);
  g_test_add_func ("/pricing/estimate/prefers-read-prices", test_estimate_prefers_read_prices);
  return g_test_run ();
}
