/* test-snapshot-cost.c — the snapshot cost estimate, its dated price table,
 * and which Recycle Bin rule keeps what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-rbin.h"
#include "amigo-snapshot-cost.h"

#define GIB ((gint64) 1024 * 1024 * 1024)

static void
test_table_dated (void)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, amigo_snapshot_prices_get_date ());
  g_assert_true (g_date_valid (date));
  g_assert_nonnull (amigo_snapshot_prices_get_source ());
}

static void
test_us_east_1 (void)
{
  gboolean exact = FALSE;
  const AmigoSnapshotPrice *price = amigo_snapshot_price_lookup ("us-east-1", &exact);

  /* The EBS User Guide's figures */
  g_assert_true (exact);
  g_assert_cmpfloat (price->standard, ==, 0.05);
  g_assert_cmpfloat (price->archive, ==, 0.0125);
}

static void
test_unknown_region_falls_back (void)
{
  gboolean exact = TRUE;
  const AmigoSnapshotPrice *price = amigo_snapshot_price_lookup ("xx-nowhere-9", &exact);
  AmigoSnapshotCost cost = { 0 };

  g_assert_false (exact);
  g_assert_cmpstr (price->region, ==, "us-east-1");
  amigo_snapshot_cost_add_snapshot (&cost, "xx-nowhere-9", "standard", 10 * GIB, -1);
  g_assert_true (cost.region_guessed);
  g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 0.5, 1e-9);
}

/* Only prices a public AWS document states: another region is priced at
 * us-east-1's rates, and the estimate says so. */
static void
test_other_regions_not_guessed (void)
{
  static const char *regions[] = { "sa-east-1", "eu-central-1", "ap-southeast-2", "us-west-1" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      AmigoSnapshotCost cost = { 0 };
      gboolean exact = TRUE;

      g_assert_cmpstr (amigo_snapshot_price_lookup (regions[i], &exact)->region, ==, "us-east-1");
      g_assert_false (exact);
      amigo_snapshot_cost_add_snapshot (&cost, regions[i], "archive", 100 * GIB, -1);
      g_assert_true (cost.region_guessed);
      g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 1.25, 1e-9);
    }
}

static void
test_tiers (void)
{
  AmigoSnapshotCost cost = { 0 };
  AmigoSnapshotCost total = { 0 };

  /* 100 GiB standard + 100 GiB archived in us-east-1: $5 + $1.25 */
  amigo_snapshot_cost_add_snapshot (&cost, "us-east-1", NULL, 100 * GIB, 8);
  amigo_snapshot_cost_add_snapshot (&cost, "us-east-1", "archive", 100 * GIB, 8);
  g_assert_cmpfloat_with_epsilon (cost.monthly_usd, 6.25, 1e-9);
  g_assert_cmpuint (cost.standard_bytes, ==, 100 * GIB);
  g_assert_cmpuint (cost.archive_bytes, ==, 100 * GIB);
  g_assert_cmpuint (cost.n_sizes_guessed, ==, 0);
  g_assert_cmpfloat_with_epsilon (amigo_snapshot_cost_get_gib (&cost), 200, 1e-9);

  /* No full size: the volume's size counts */
  amigo_snapshot_cost_add_snapshot (&total, "sa-east-1", "standard", -1, 20);
  g_assert_cmpuint (total.n_sizes_guessed, ==, 1);
  g_assert_cmpfloat_with_epsilon (total.monthly_usd,
                                  20 * amigo_snapshot_price_lookup ("sa-east-1", NULL)->standard, 1e-9);
  amigo_snapshot_cost_add (&total, &cost);
  g_assert_cmpuint (total.n_snapshots, ==, 3);
  g_assert_cmpfloat_with_epsilon (amigo_snapshot_cost_get_gib (&total), 220, 1e-9);
}

static AmigoRbinRule *
rule_new (const char *id,
          guint       days,
          const char *tag_key,
          const char *tag_value,
          const char *exclude_key)
{
  AmigoRbinRule *rule = g_new0 (AmigoRbinRule, 1);
  const char *none[] = { NULL };
  const char *keys[] = { tag_key, NULL };
  const char *values[] = { tag_value, NULL };
  const char *exclude[] = { exclude_key, NULL };
  const char *any[] = { "", NULL };

  rule->identifier = g_strdup (id);
  rule->retention_days = days;
  rule->resource_tag_keys = g_strdupv ((char **) (tag_key != NULL ? keys : none));
  rule->resource_tag_values = g_strdupv ((char **) (tag_key != NULL ? values : none));
  rule->exclude_tag_keys = g_strdupv ((char **) (exclude_key != NULL ? exclude : none));
  rule->exclude_tag_values = g_strdupv ((char **) (exclude_key != NULL ? any : none));
  return rule;
}

static void
test_rbin_rules (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_rbin_rule_free);
  AmigoTag keep = { (char *) "Keep", (char *) "yes" };
  AmigoTag keep_no = { (char *) "Keep", (char *) "no" };
  AmigoTag scratch = { (char *) "Scratch", (char *) "1" };
  const AmigoRbinRule *which = NULL;

  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep, 1, &which), ==, 0);
  g_assert_null (which);

  /* A Region-level rule of 3 days, except what is tagged Scratch */
  g_ptr_array_add (rules, rule_new ("region", 3, NULL, NULL, "Scratch"));
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, NULL, 0, NULL), ==, 3);
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &scratch, 1, NULL), ==, 0);

  /* A tag-level rule wins over the Region-level one, even when shorter */
  g_ptr_array_add (rules, rule_new ("tagged", 1, "Keep", "yes", NULL));
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep, 1, &which), ==, 1);
  g_assert_cmpstr (which->identifier, ==, "tagged");
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep_no, 1, &which), ==, 3);
  g_assert_cmpstr (which->identifier, ==, "region");

  /* Of two tag-level rules, the longer; a tag without a value matches any */
  g_ptr_array_add (rules, rule_new ("any-keep", 30, "Keep", "", NULL));
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep, 1, &which), ==, 30);
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep_no, 1, &which), ==, 30);
  g_assert_cmpstr (which->identifier, ==, "any-keep");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snapshot-cost/table/dated", test_table_dated);
  g_test_add_func ("/snapshot-cost/table/us-east-1", test_us_east_1);
  g_test_add_func ("/snapshot-cost/table/unknown-region", test_unknown_region_falls_back);
  g_test_add_func ("/snapshot-cost/table/other-regions-not-guessed", test_other_regions_not_guessed);
  g_test_add_func ("/snapshot-cost/estimate/tiers", test_tiers);
  g_test_add_func ("/rbin/rules/retention", test_rbin_rules);
  return g_test_run ();
}
