/* test-cleanup-integration.c — the image clean-up against moto: references,
 * disabling, a bulk clean-up of a mixed selection, the Recycle Bin and a
 * restore, ancestry across two copies, Allowed AMIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh: moto (patched by tests/moto-launcher.py,
 * tests/README-moto.md "Image clean-up") checks every signature, EC2's and
 * the Recycle Bin's alike.
 */
#include "config.h"

#include <string.h>

#include "amigo-cleanup-run.h"
#include "amigo-cleanup-scan.h"
#include "amigo-ec2.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-ec2-image-lineage.h"
#include "amigo-error.h"
#include "amigo-rbin.h"

#define REGION       "us-west-2"
#define OTHER_REGION "ap-northeast-1"

static struct {
  const char *endpoint;
  const char *access_key_id;
  const char *secret_access_key;
  AmigoClient *client;
  AmigoEc2 *ec2;
  AmigoEc2 *ec2_other;
  AmigoRbin *rbin;
  char *base_image_id;
} env;

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gpointer
next_result (void)
{
  g_clear_object (&last_result);
  return &last_result;
}

static GAsyncResult *
await_result (void)
{
  while (last_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last_result;
}

static gboolean
have_server (void)
{
  if (env.endpoint == NULL)
    {
      g_test_skip ("AMIGO_TEST_ENDPOINT is not set: run under tests/moto-harness.sh");
      return FALSE;
    }
  return TRUE;
}

/* ---- helpers ---------------------------------------------------------- */

static GPtrArray *
describe_images (AmigoEc2                         *ec2,
                 const AmigoDescribeImagesRequest *request)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *images;

  amigo_ec2_describe_images_async (ec2, request, NULL, result_cb, next_result ());
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  g_assert_no_error (error);
  return images;
}

static AmigoImage *
get_image (AmigoEc2   *ec2,
           const char *image_id)
{
  const char *ids[] = { image_id, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_images_async (ec2, &request, NULL, result_cb, next_result ());
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  if (images == NULL || images->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (images, 0));
}

static char *
launch (AmigoEc2   *ec2,
        const char *image_id)
{
  AmigoRunInstancesRequest request = { .instance_type = "t3.micro", .image_id = image_id };
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_run_instances_async (ec2, &request, NULL, result_cb, next_result ());
  instances = amigo_ec2_run_instances_finish (ec2, await_result (), &error);
  g_assert_no_error (error);
  return g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

static const char *
base_image (void)
{
  const char *owners[] = { "amazon", NULL };
  const char *x86_64[] = { "x86_64", NULL };
  const char *ebs[] = { "ebs", NULL };
  AmigoEc2Filter filters[] = { { "architecture", x86_64 }, { "root-device-type", ebs } };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = filters, .n_filters = 2 };
  g_autoptr(GPtrArray) images = NULL;

  if (env.base_image_id == NULL)
    {
      images = describe_images (env.ec2, &request);
      g_assert_cmpuint (images->len, >, 0);
      env.base_image_id = g_strdup (amigo_image_get_image_id (g_ptr_array_index (images, 0)));
    }
  return env.base_image_id;
}

/* A new image of the account, made of an instance of an Amazon image */
static char *
make_image (const char *what)
{
  static guint counter;
  g_autofree char *instance_id = launch (env.ec2, base_image ());
  g_autofree char *name = g_strdup_printf ("Amigo clean-up %s %u-%08x", what, ++counter, g_random_int ());
  AmigoCreateImageRequest request = { .instance_id = instance_id, .name = name };
  g_autoptr(GError) error = NULL;
  char *image_id;

  amigo_ec2_create_image_async (env.ec2, &request, NULL, result_cb, next_result ());
  image_id = amigo_ec2_create_image_finish (env.ec2, await_result (), NULL, &error);
  g_assert_no_error (error);
  return image_id;
}

static void
tag (const char *resource_id,
     const char *key,
     const char *value)
{
  AmigoEc2Tag tags[] = { { key, value } };
  g_autoptr(GError) error = NULL;

  amigo_ec2_create_tags_async (env.ec2, (const char *[]) { resource_id, NULL }, tags, 1, NULL,
                               result_cb, next_result ());
  g_assert_true (amigo_ec2_create_tags_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);
}

static void
protect (const char *image_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  amigo_ec2_enable_image_deregistration_protection_async (env.ec2, image_id, FALSE, NULL,
                                                          result_cb, next_result ());
  state = amigo_ec2_enable_image_deregistration_protection_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
}

static AmigoCleanupEntry *
find_entry (GPtrArray  *entries,
            const char *image_id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (amigo_cleanup_entry_get_image_id (g_ptr_array_index (entries, i)), image_id) == 0)
      return g_ptr_array_index (entries, i);
  return NULL;
}

static AmigoCleanupScan *
scan (void)
{
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new ();
  AmigoCleanupScan *s;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (ec2s, env.ec2);
  g_ptr_array_add (ec2s, env.ec2_other);
  s = amigo_cleanup_scan_new (ec2s);
  amigo_cleanup_scan_run_async (s, NULL, result_cb, next_result ());
  g_assert_true (amigo_cleanup_scan_run_finish (s, await_result (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (amigo_cleanup_scan_get_problems (s)->len, ==, 0);
  return s;
}

/* ---- the tests --------------------------------------------------------- */

static void
test_references (void)
{
  g_autofree char *used = NULL;
  g_autofree char *unused = NULL;
  g_autofree char *instance_id = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImageAttribute) attribute = NULL;

  if (!have_server ())
    return;
  used = make_image ("used");
  unused = make_image ("unused");
  instance_id = launch (env.ec2, used);

  amigo_ec2_describe_image_references_async (env.ec2, (const char *[]) { used, unused, NULL }, NULL,
                                             result_cb, next_result ());
  references = amigo_ec2_describe_image_references_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (references->len, ==, 1);
  g_assert_cmpstr (amigo_image_reference_get_image_id (g_ptr_array_index (references, 0)), ==, used);
  g_assert_cmpstr (amigo_image_reference_get_resource_type (g_ptr_array_index (references, 0)), ==, "ec2:Instance");
  g_assert_true (g_str_has_suffix (amigo_image_reference_get_arn (g_ptr_array_index (references, 0)), instance_id));

  /* The launch is remembered: DescribeImageAttribute lastLaunchedTime */
  amigo_ec2_describe_image_attribute_async (env.ec2, used, AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME,
                                            NULL, result_cb, next_result ());
  attribute = amigo_ec2_describe_image_attribute_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (amigo_image_attribute_get_last_launched_time (attribute));
}

static void
test_disable_enable (void)
{
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;
  const char *owners[] = { "self", NULL };
  AmigoDescribeImagesRequest listing = { .owners = owners };
  gboolean listed = FALSE;

  if (!have_server ())
    return;
  image_id = make_image ("disabled");
  amigo_ec2_disable_image_async (env.ec2, image_id, NULL, result_cb, next_result ());
  g_assert_true (amigo_ec2_disable_image_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);

  image = get_image (env.ec2, image_id);
  g_assert_cmpstr (amigo_image_get_state (image), ==, "disabled");
  own = describe_images (env.ec2, &listing);
  for (guint i = 0; i < own->len; i++)
    listed |= g_strcmp0 (amigo_image_get_image_id (g_ptr_array_index (own, i)), image_id) == 0;
  g_assert_false (listed);

  /* A disabled image launches nothing */
  {
    AmigoRunInstancesRequest request = { .instance_type = "t3.micro", .image_id = image_id };
    g_autoptr(GPtrArray) instances = NULL;
    g_autoptr(GError) launch_error = NULL;

    amigo_ec2_run_instances_async (env.ec2, &request, NULL, result_cb, next_result ());
    instances = amigo_ec2_run_instances_finish (env.ec2, await_result (), &launch_error);
    g_assert_null (instances);
    g_assert_true (amigo_aws_error_has_aws_code (launch_error, "InvalidAMIID.Unavailable"));
  }

  amigo_ec2_enable_image_async (env.ec2, image_id, NULL, result_cb, next_result ());
  g_assert_true (amigo_ec2_enable_image_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);
  g_clear_object (&image);
  image = get_image (env.ec2, image_id);
  g_assert_cmpstr (amigo_image_get_state (image), ==, "available");
}

/* A selection of an unused, a referenced and a protected image, deregistered
 * with their snapshots: the unused one goes, the referenced one only because
 * it was confirmed on its own, the protected one (not confirmed) stays. */
static void
test_bulk_mixed_selection (void)
{
  g_autofree char *unused = NULL;
  g_autofree char *referenced = NULL;
  g_autofree char *protected_id = NULL;
  g_autofree char *instance_id = NULL;
  g_autoptr(AmigoCleanupScan) s = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_cleanup_item_free);
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) still = NULL;
  AmigoCleanupEntry *e_unused, *e_referenced, *e_protected;
  AmigoSnapshotCost freed;
  gint64 now = g_get_real_time ();

  if (!have_server ())
    return;
  unused = make_image ("bulk unused");
  referenced = make_image ("bulk referenced");
  protected_id = make_image ("bulk protected");
  instance_id = launch (env.ec2, referenced);
  protect (protected_id);

  s = scan ();
  e_unused = find_entry (amigo_cleanup_scan_get_entries (s), unused);
  e_referenced = find_entry (amigo_cleanup_scan_get_entries (s), referenced);
  e_protected = find_entry (amigo_cleanup_scan_get_entries (s), protected_id);
  g_assert_nonnull (e_unused);
  g_assert_nonnull (e_referenced);
  g_assert_nonnull (e_protected);
  g_assert_true (amigo_cleanup_entry_get_references_known (e_unused));
  g_assert_cmpuint (amigo_cleanup_entry_get_n_references (e_unused), ==, 0);
  g_assert_cmpuint (amigo_cleanup_entry_get_n_references (e_referenced), ==, 1);
  g_assert_false (amigo_cleanup_entry_needs_confirmation (e_unused));
  g_assert_true (amigo_cleanup_entry_needs_confirmation (e_referenced));
  g_assert_true (amigo_cleanup_entry_needs_confirmation (e_protected));
  g_assert_true (amigo_cleanup_entry_is_unused (e_unused, 0, now));
  g_assert_false (amigo_cleanup_entry_is_unused (e_referenced, 0, now));
  g_assert_cmpint (amigo_image_get_last_launched_time_usec (amigo_cleanup_entry_get_image (e_referenced)), >, 0);
  g_assert_cmpfloat (amigo_cleanup_entry_get_cost (e_unused)->monthly_usd, >, 0);
  g_assert_cmpuint (amigo_cleanup_entry_get_cost (e_unused)->n_snapshots, >=, 1);

  g_ptr_array_add (items, amigo_cleanup_item_new (e_unused, FALSE));
  g_ptr_array_add (items, amigo_cleanup_item_new (e_referenced, TRUE));
  g_ptr_array_add (items, amigo_cleanup_item_new (e_protected, FALSE));

  /* The totals count what will go: the unused and the confirmed one */
  amigo_cleanup_totals (items, AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS, &freed);
  g_assert_cmpuint (freed.n_snapshots, ==, amigo_cleanup_entry_get_cost (e_unused)->n_snapshots
                                          + amigo_cleanup_entry_get_cost (e_referenced)->n_snapshots);
  g_assert_cmpfloat_with_epsilon (freed.monthly_usd,
                                  amigo_cleanup_entry_get_cost (e_unused)->monthly_usd
                                  + amigo_cleanup_entry_get_cost (e_referenced)->monthly_usd, 1e-9);

  g_ptr_array_add (ec2s, env.ec2);
  g_ptr_array_add (ec2s, env.ec2_other);
  amigo_cleanup_run_async (ec2s, items, AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS, NULL, NULL,
                           result_cb, next_result ());
  g_assert_true (amigo_cleanup_run_finish (await_result (), &error));
  g_assert_no_error (error);

  g_assert_cmpint (((AmigoCleanupItem *) g_ptr_array_index (items, 0))->outcome, ==, AMIGO_CLEANUP_DONE);
  g_assert_cmpint (((AmigoCleanupItem *) g_ptr_array_index (items, 1))->outcome, ==, AMIGO_CLEANUP_DONE);
  g_assert_cmpint (((AmigoCleanupItem *) g_ptr_array_index (items, 2))->outcome, ==, AMIGO_CLEANUP_SKIPPED);
  g_assert_null (get_image (env.ec2, unused));
  g_assert_null (get_image (env.ec2, referenced));
  still = get_image (env.ec2, protected_id);
  g_assert_nonnull (still);
  g_assert_cmpstr (amigo_image_get_state (still), ==, "available");

  /* Confirmed on its own, the protected one is tried, and EC2 refuses */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, amigo_cleanup_item_new (e_protected, TRUE));
  amigo_cleanup_run_async (ec2s, items, AMIGO_CLEANUP_DEREGISTER, NULL, NULL, result_cb, next_result ());
  g_assert_true (amigo_cleanup_run_finish (await_result (), &error));
  g_assert_cmpint (((AmigoCleanupItem *) g_ptr_array_index (items, 0))->outcome, ==, AMIGO_CLEANUP_FAILED);
  g_assert_nonnull (((AmigoCleanupItem *) g_ptr_array_index (items, 0))->message);
}

static void
test_recycle_bin_restore (void)
{
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *rule_id = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) binned = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) restored = NULL;
  const char *keys[] = { "Keep", NULL };
  const char *values[] = { "yes", NULL };
  AmigoTag keep_tag = { (char *) "Keep", (char *) "yes" };
  AmigoRecycleBinImage *entry;

  if (!have_server ())
    return;
  amigo_rbin_create_rule_async (env.rbin, AMIGO_RBIN_EC2_IMAGE, 7, "Keep tagged images a week",
                                keys, values, NULL, result_cb, next_result ());
  rule_id = amigo_rbin_create_rule_finish (env.rbin, await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (rule_id);

  amigo_rbin_list_rules_async (env.rbin, AMIGO_RBIN_EC2_IMAGE, NULL, result_cb, next_result ());
  rules = amigo_rbin_list_rules_finish (env.rbin, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (((AmigoRbinRule *) g_ptr_array_index (rules, 0))->identifier, ==, rule_id);
  g_assert_cmpuint (((AmigoRbinRule *) g_ptr_array_index (rules, 0))->retention_days, ==, 7);
  /* ListRules leaves the tags out: GetRule gave them */
  g_assert_cmpstrv (((AmigoRbinRule *) g_ptr_array_index (rules, 0))->resource_tag_keys, keys);
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, &keep_tag, 1, NULL), ==, 7);
  g_assert_cmpuint (amigo_rbin_rules_retention_days (rules, NULL, 0, NULL), ==, 0);

  kept = make_image ("recycled");
  gone = make_image ("not recycled");
  tag (kept, "Keep", "yes");
  amigo_ec2_deregister_image_async (env.ec2, kept, FALSE, NULL, result_cb, next_result ());
  deletions = amigo_ec2_deregister_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletions, g_ptr_array_unref);
  amigo_ec2_deregister_image_async (env.ec2, gone, FALSE, NULL, result_cb, next_result ());
  deletions = amigo_ec2_deregister_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);

  amigo_ec2_list_images_in_recycle_bin_async (env.ec2, NULL, NULL, result_cb, next_result ());
  binned = amigo_ec2_list_images_in_recycle_bin_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (binned->len, ==, 1);
  entry = g_ptr_array_index (binned, 0);
  g_assert_cmpstr (amigo_recycle_bin_image_get_image_id (entry), ==, kept);
  g_assert_cmpint (amigo_recycle_bin_image_get_recycle_bin_exit_time_usec (entry)
                   - amigo_recycle_bin_image_get_recycle_bin_enter_time_usec (entry),
                   ==, (gint64) 7 * 86400 * G_USEC_PER_SEC);

  amigo_ec2_restore_image_from_recycle_bin_async (env.ec2, kept, NULL, result_cb, next_result ());
  g_assert_true (amigo_ec2_restore_image_from_recycle_bin_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);
  restored = get_image (env.ec2, kept);
  g_assert_nonnull (restored);
  g_assert_cmpstr (amigo_image_get_state (restored), ==, "available");

  /* Not in the bin (any more): a readable error */
  amigo_ec2_restore_image_from_recycle_bin_async (env.ec2, gone, NULL, result_cb, next_result ());
  g_assert_false (amigo_ec2_restore_image_from_recycle_bin_finish (env.ec2, await_result (), &error));
  g_assert_true (amigo_aws_error_has_aws_code (error, "InvalidAMIID.NotFound"));
}

static char *
copy (AmigoEc2   *to,
      const char *source_region,
      const char *source_id)
{
  g_autofree char *name = g_strdup_printf ("Amigo clean-up copy %08x", g_random_int ());
  g_autofree char *token = amigo_client_token_new ();
  AmigoCopyImageRequest request = {
    .source_image_id = source_id, .source_region = source_region, .name = name, .client_token = token,
  };
  g_autoptr(GError) error = NULL;
  char *image_id;

  amigo_ec2_copy_image_async (to, &request, NULL, result_cb, next_result ());
  image_id = amigo_ec2_copy_image_finish (to, await_result (), &error);
  g_assert_no_error (error);
  return image_id;
}

static void
test_ancestry_two_copies (void)
{
  g_autofree char *root = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) described = NULL;

  if (!have_server ())
    return;
  root = make_image ("ancestor");
  first = copy (env.ec2_other, REGION, root);
  second = copy (env.ec2, OTHER_REGION, first);

  /* The scan of both regions finds the copies of each image by their source */
  {
    g_autoptr(AmigoCleanupScan) s = scan ();
    AmigoCleanupEntry *root_entry = find_entry (amigo_cleanup_scan_get_entries (s), root);
    AmigoCleanupEntry *first_entry = find_entry (amigo_cleanup_scan_get_entries (s), first);
    const char *other[] = { OTHER_REGION, NULL };
    const char *here[] = { REGION, NULL };

    g_assert_true (amigo_cleanup_entry_get_copies_known (root_entry));
    g_assert_cmpstrv (amigo_cleanup_entry_get_copy_regions (root_entry), other);
    g_assert_cmpstrv (amigo_cleanup_entry_get_copy_regions (first_entry), here);
  }

  described = get_image (env.ec2, second);
  g_assert_cmpstr (amigo_image_get_source_image_id (described), ==, first);
  g_assert_cmpstr (amigo_image_get_source_image_region (described), ==, OTHER_REGION);

  amigo_ec2_get_image_ancestry_async (env.ec2, second, NULL, result_cb, next_result ());
  chain = amigo_ec2_get_image_ancestry_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 3);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 0)), ==, second);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_id (g_ptr_array_index (chain, 0)), ==, first);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_region (g_ptr_array_index (chain, 0)), ==, OTHER_REGION);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 1)), ==, first);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_region (g_ptr_array_index (chain, 1)), ==, REGION);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 2)), ==, root);
  g_assert_null (amigo_image_ancestry_entry_get_source_image_id (g_ptr_array_index (chain, 2)));
  g_assert_cmpint (amigo_image_ancestry_entry_get_creation_date_usec (g_ptr_array_index (chain, 2)), >, 0);
}

/* Where GetImageAncestry is unavailable (the launcher's ca-central-1 answers
 * InvalidAction), the chain is followed hop by hop through each image's
 * sourceImageId/sourceImageRegion, asking each source's region */
static void
test_ancestry_hop_by_hop (void)
{
  g_autoptr(AmigoEc2) unavailable = NULL;
  g_autofree char *root = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) direct = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  unavailable = amigo_ec2_new (env.client, "ca-central-1", env.endpoint);
  root = make_image ("hop-root");
  first = copy (env.ec2_other, REGION, root);
  second = copy (unavailable, OTHER_REGION, first);

  amigo_ec2_get_image_ancestry_async (unavailable, second, NULL, result_cb, next_result ());
  direct = amigo_ec2_get_image_ancestry_finish (unavailable, await_result (), &error);
  g_assert_null (direct);
  g_assert_true (amigo_ec2_ancestry_unavailable (error));
  g_clear_error (&error);

  amigo_ec2_trace_image_ancestry_async (unavailable, second, NULL, result_cb, next_result ());
  chain = amigo_ec2_trace_image_ancestry_finish (unavailable, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 3);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 0)), ==, second);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_id (g_ptr_array_index (chain, 0)), ==, first);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_region (g_ptr_array_index (chain, 0)), ==, OTHER_REGION);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 1)), ==, first);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_source_image_region (g_ptr_array_index (chain, 1)), ==, REGION);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 2)), ==, root);
  g_assert_null (amigo_image_ancestry_entry_get_source_image_id (g_ptr_array_index (chain, 2)));
  g_assert_cmpint (amigo_image_ancestry_entry_get_creation_date_usec (g_ptr_array_index (chain, 2)), >, 0);
  g_clear_pointer (&chain, g_ptr_array_unref);

  /* Where the call is there, the same function gives its answer */
  amigo_ec2_trace_image_ancestry_async (env.ec2_other, first, NULL, result_cb, next_result ());
  chain = amigo_ec2_trace_image_ancestry_finish (env.ec2_other, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 2);
  g_assert_cmpstr (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (chain, 1)), ==, root);
}

static void
test_allowed_images (void)
{
  g_autoptr(AmigoAllowedImagesSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  const char *own[] = { "none", NULL };
  const char *names[] = { "Amigo clean-up*", NULL };
  AmigoImageCriterionRequest criteria[] = {
    { .image_providers = own },
    { .image_names = names, .maximum_days_since_created = 30 },
  };

  if (!have_server ())
    return;
  amigo_ec2_get_allowed_images_settings_async (env.ec2, NULL, result_cb, next_result ());
  settings = amigo_ec2_get_allowed_images_settings_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->state, ==, AMIGO_ALLOWED_IMAGES_DISABLED);
  g_assert_cmpuint (settings->criteria->len, ==, 0);
  g_clear_pointer (&settings, amigo_allowed_images_settings_free);

  amigo_ec2_replace_image_criteria_async (env.ec2, criteria, G_N_ELEMENTS (criteria), NULL,
                                          result_cb, next_result ());
  g_assert_true (amigo_ec2_replace_image_criteria_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);
  amigo_ec2_enable_allowed_images_settings_async (env.ec2, AMIGO_ALLOWED_IMAGES_AUDIT_MODE, NULL,
                                                  result_cb, next_result ());
  state = amigo_ec2_enable_allowed_images_settings_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, AMIGO_ALLOWED_IMAGES_AUDIT_MODE);

  amigo_ec2_get_allowed_images_settings_async (env.ec2, NULL, result_cb, next_result ());
  settings = amigo_ec2_get_allowed_images_settings_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->state, ==, AMIGO_ALLOWED_IMAGES_AUDIT_MODE);
  g_assert_cmpstr (settings->managed_by, ==, "account");
  g_assert_cmpuint (settings->criteria->len, ==, 2);
  g_assert_cmpstrv (amigo_image_criterion_get_image_providers (g_ptr_array_index (settings->criteria, 0)), own);
  g_assert_cmpstrv (amigo_image_criterion_get_image_names (g_ptr_array_index (settings->criteria, 1)), names);
  g_assert_cmpint (amigo_image_criterion_get_maximum_days_since_created (g_ptr_array_index (settings->criteria, 1)), ==, 30);
  g_assert_cmpint (amigo_image_criterion_get_maximum_days_since_deprecated (g_ptr_array_index (settings->criteria, 1)), ==, -1);

  image_id = make_image ("allowed");
  image = get_image (env.ec2, image_id);
  g_assert_true (amigo_image_get_image_allowed (image));
  g_clear_object (&image);
  image = get_image (env.ec2, base_image ());
  g_assert_false (amigo_image_get_image_allowed (image));

  g_clear_pointer (&state, g_free);
  amigo_ec2_disable_allowed_images_settings_async (env.ec2, NULL, result_cb, next_result ());
  state = amigo_ec2_disable_allowed_images_settings_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, AMIGO_ALLOWED_IMAGES_DISABLED);
}

/* The Recycle Bin checks signatures too */
static void
test_rbin_wrong_secret (void)
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoRbin) rbin = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  credentials = amigo_credentials_new (env.access_key_id, "not-the-secret-access-key", NULL, 0);
  client = amigo_client_new (credentials);
  rbin = amigo_rbin_new (client, REGION, env.endpoint);
  amigo_rbin_list_rules_async (rbin, AMIGO_RBIN_EC2_IMAGE, NULL, result_cb, next_result ());
  rules = amigo_rbin_list_rules_finish (rbin, await_result (), &error);
  g_assert_null (rules);
  g_assert_true (amigo_aws_error_has_aws_code (error, "SignatureDoesNotMatch"));
}

/* An image's copies, found by their source in each region of the account:
 * one per region here, the copy of a copy left out, a disabled copy still
 * found with its state */
static void
test_copies_by_region (void)
{
  g_autofree char *root = NULL;
  g_autofree char *in_other = NULL;
  g_autofree char *in_region = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;

  if (!have_server ())
    return;
  root = make_image ("copied");
  in_other = copy (env.ec2_other, REGION, root);
  in_region = copy (env.ec2, REGION, root);
  twice = copy (env.ec2, OTHER_REGION, in_other);
  amigo_ec2_disable_image_async (env.ec2, in_region, NULL, result_cb, next_result ());
  g_assert_true (amigo_ec2_disable_image_finish (env.ec2, await_result (), &error));
  g_assert_no_error (error);

  amigo_ec2_find_image_copies_async (env.ec2, root, NULL, result_cb, next_result ());
  copies = amigo_ec2_find_image_copies_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 2);
  for (guint i = 0; i < copies->len; i++)
    {
      AmigoImageCopy *c = g_ptr_array_index (copies, i);
      const char *id = amigo_image_get_image_id (c->image);

      g_assert_cmpstr (id, !=, twice);
      if (g_strcmp0 (id, in_other) == 0)
        {
          g_assert_cmpstr (c->region, ==, OTHER_REGION);
          g_assert_cmpstr (amigo_image_get_state (c->image), ==, "available");
          found++;
        }
      if (g_strcmp0 (id, in_region) == 0)
        {
          g_assert_cmpstr (c->region, ==, REGION);
          g_assert_cmpstr (amigo_image_get_state (c->image), ==, "disabled");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
  /* By region */
  g_assert_cmpstr (((AmigoImageCopy *) g_ptr_array_index (copies, 0))->region, <=,
                   ((AmigoImageCopy *) g_ptr_array_index (copies, 1))->region);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  env.access_key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  env.secret_access_key = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  if (env.endpoint != NULL)
    {
      g_autoptr(AmigoCredentials) credentials =
        amigo_credentials_new (env.access_key_id, env.secret_access_key, NULL, 0);

      env.client = amigo_client_new (credentials);
      env.ec2 = amigo_ec2_new (env.client, REGION, env.endpoint);
      env.ec2_other = amigo_ec2_new (env.client, OTHER_REGION, env.endpoint);
      env.rbin = amigo_rbin_new (env.client, REGION, env.endpoint);
    }

  g_test_add_func ("/cleanup/references", test_references);
  g_test_add_func ("/cleanup/disable-enable", test_disable_enable);
  g_test_add_func ("/cleanup/bulk/mixed-selection", test_bulk_mixed_selection);
  g_test_add_func ("/cleanup/recycle-bin/restore", test_recycle_bin_restore);
  g_test_add_func ("/cleanup/ancestry/two-copies", test_ancestry_two_copies);
  g_test_add_func ("/cleanup/ancestry/hop-by-hop", test_ancestry_hop_by_hop);
  g_test_add_func ("/cleanup/copies/by-region", test_copies_by_region);
  g_test_add_func ("/cleanup/allowed-images", test_allowed_images);
  g_test_add_func ("/cleanup/recycle-bin/wrong-secret", test_rbin_wrong_secret);

  status = g_test_run ();

  g_clear_object (&last_result);
  g_clear_object (&env.rbin);
  g_clear_object (&env.ec2);
  g_clear_object (&env.ec2_other);
  g_clear_object (&env.client);
  g_free (env.base_image_id);
  return status;
}
