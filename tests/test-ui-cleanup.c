/* test-ui-cleanup.c — the Clean Up window against moto: sorted by cost,
 * the bulk confirmation with its totals and its report, the Recycle Bin
 * page and a restore; bulk Disable and Enable; the guard rails page's
 * controls; and an image's ancestry chain in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-test-ui.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-rbin.h"
#include "amigo-snapshot-price-cache.h"
#include "amigo-test-moto.h"
#include "cleanup/amigo-cleanup-window-private.h"
#include "images/amigo-image-details.h"

#define REGION       "us-east-1"
#define OTHER_REGION "eu-west-1"
#define THIRD_REGION "us-west-2"
/* The Price List stand-in's test prices there (tests/moto_pricing.py) */
#define PRICED_REGION "ap-northeast-2"
#define PRICED_STANDARD 0.052
#define PRICED_ARCHIVE 0.013

static AmigoEc2 *ec2;
static char *instance_id;

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_set_object (&last_result, result);
}

static GAsyncResult *
await_result (void)
{
  g_clear_object (&last_result);
  AMIGO_TEST_WAIT_FOR (last_result != NULL, 60);
  return last_result;
}

static char *
unique (const char *what)
{
  return g_strdup_printf ("cleanup %s %08x", what, g_random_int ());
}

/* An image with a second, 100 GiB volume (of an instance launched with
 * one): the costliest of the test */
static char *
make_big_image (const char *name)
{
  g_autofree char *base_name = g_strdup_printf ("%s base", name);
  g_autofree char *base = amigo_test_ui_create_image (ec2, instance_id, base_name);
  AmigoBlockDeviceMapping extra = { .device_name = (char *) "/dev/sdf", .has_ebs = TRUE };
  AmigoRunInstancesRequest run = {
    .instance_type = "t3.micro", .image_id = base,
    .block_device_mappings = &extra, .n_block_device_mappings = 1,
  };
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  extra.ebs.volume_size = 100;
  extra.ebs.volume_type = (char *) "gp3";
  extra.ebs.iops = -1;
  extra.ebs.throughput = -1;
  extra.ebs.delete_on_termination = 1;
  extra.ebs.encrypted = -1;
  amigo_ec2_run_instances_async (ec2, &run, NULL, result_cb, NULL);
  instances = amigo_ec2_run_instances_finish (ec2, await_result (), &error);
  g_assert_no_error (error);
  return amigo_test_ui_create_image (ec2, amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)), name);
}

static AmigoCleanupWindow *
open_window (void)
{
  const char *regions[] = { REGION, OTHER_REGION, NULL };
  AmigoCleanupWindow *window = amigo_cleanup_window_new (NULL, amigo_test_ui_get_account (),
                                                         amigo_test_ui_get_client (), regions, REGION);

  gtk_window_present (GTK_WINDOW (window));
  AMIGO_TEST_WAIT_FOR (!window->loading, 60);
  amigo_test_ui_settle ();
  return window;
}

static AmigoCleanupEntry *
shown (AmigoCleanupWindow *window,
       guint               position)
{
  return g_list_model_get_item (G_LIST_MODEL (window->selection), position);
}

static gint
position_of (AmigoCleanupWindow *window,
             const char         *image_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->selection)); i++)
    {
      g_autoptr(AmigoCleanupEntry) entry = shown (window, i);

      if (g_strcmp0 (amigo_cleanup_entry_get_image_id (entry), image_id) == 0)
        return (gint) i;
    }
  return -1;
}

static void
test_sorted_by_cost_and_bulk (void)
{
  g_autofree char *big_name = unique ("big");
  g_autofree char *used_name = unique ("used");
  g_autofree char *big = make_big_image (big_name);
  g_autofree char *used = amigo_test_ui_create_image (ec2, instance_id, used_name);
  g_autofree char *launched = NULL;
  g_autoptr(AmigoCleanupEntry) first = NULL;
  g_autoptr(AmigoCleanupEntry) last = NULL;
  g_autoptr(AmigoImage) big_after = NULL;
  g_autoptr(AmigoImage) used_after = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *big_estimate = NULL;
  AmigoCleanupWindow *window;
  AmigoRunInstancesRequest run = { .instance_type = "t3.micro", .image_id = used };
  g_autoptr(GPtrArray) instances = NULL;
  const char *totals;
  guint n;

  amigo_ec2_run_instances_async (ec2, &run, NULL, result_cb, NULL);
  instances = amigo_ec2_run_instances_finish (ec2, await_result (), NULL);
  g_assert_nonnull (instances);

  window = open_window ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "list");
  amigo_test_ui_maybe_screenshot (window, "cleanup.png");

  /* Sorted by estimated cost: the image with 100 GiB more comes first */
  g_assert_cmpuint (gtk_drop_down_get_selected (window->sort_dropdown), ==, 0);
  first = shown (window, 0);
  g_assert_cmpstr (amigo_cleanup_entry_get_image_id (first), ==, big);
  g_assert_cmpuint (amigo_cleanup_entry_get_n_references (first), ==, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (window->selection));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(AmigoCleanupEntry) a = shown (window, i - 1);
      g_autoptr(AmigoCleanupEntry) b = shown (window, i);

      g_assert_cmpfloat (amigo_cleanup_entry_get_cost (a)->monthly_usd, >=, amigo_cleanup_entry_get_cost (b)->monthly_usd);
    }
  g_assert_nonnull (strstr (gtk_label_get_text (window->estimate_label), "An estimate"));

  /* By time unused: unused the longest first; the image launched a moment
   * ago among the last (launch times are whole seconds: ties may share) */
  amigo_test_ui_pick (window->sort_dropdown, 1);
  amigo_test_ui_settle ();
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(AmigoCleanupEntry) a = shown (window, i - 1);
      g_autoptr(AmigoCleanupEntry) b = shown (window, i);

      g_assert_cmpint (amigo_cleanup_entry_get_unused_since (a), <=, amigo_cleanup_entry_get_unused_since (b));
    }
  last = shown (window, n - 1);
  {
    g_autoptr(AmigoCleanupEntry) used_entry = shown (window, position_of (window, used));

    g_assert_cmpint (amigo_cleanup_entry_get_unused_since (used_entry), ==, amigo_cleanup_entry_get_unused_since (last));
    g_assert_cmpint (amigo_image_get_last_launched_time_usec (amigo_cleanup_entry_get_image (used_entry)), >, 0);
  }

  /* "Not launched in 0 days and not referenced" hides the used one */
  gtk_spin_button_set_value (window->days_spin, 0);
  gtk_check_button_set_active (window->unused_check, TRUE);
  amigo_test_ui_settle ();
  g_assert_cmpint (position_of (window, used), ==, -1);
  g_assert_cmpint (position_of (window, big), >=, 0);
  gtk_check_button_set_active (window->unused_check, FALSE);
  amigo_test_ui_pick (window->sort_dropdown, 0);
  amigo_test_ui_settle ();

  /* Deregister both: the confirmation totals what goes */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (window->selection));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, big), FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, used), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "cleanup.deregister", NULL);
  amigo_test_ui_settle ();
  g_assert_nonnull (window->bulk_dialog);
  totals = gtk_label_get_text (window->bulk_totals_label);
  g_assert_nonnull (strstr (totals, "1 image will be acted on"));
  checks = amigo_test_ui_find_all (window->bulk_dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 2);         /* the snapshots, and the used image */
  g_assert_nonnull (strstr (gtk_check_button_get_label (g_ptr_array_index (checks, 1)), used_name));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  amigo_test_ui_settle ();
  {
    g_autoptr(AmigoCleanupEntry) entry = shown (window, position_of (window, big));
    g_autofree char *estimate = _amigo_cleanup_format_estimate (amigo_cleanup_entry_get_cost (entry));

    big_estimate = g_strdup_printf ("Frees %s", estimate);
  }
  totals = gtk_label_get_text (window->bulk_totals_label);
  g_assert_nonnull (strstr (totals, big_estimate));
  amigo_test_ui_maybe_screenshot (window->bulk_dialog, "cleanup-confirm.png");

  adw_message_dialog_response (window->bulk_dialog, "apply");
  AMIGO_TEST_WAIT_FOR (window->report_dialog != NULL, 60);
  g_assert_cmpstr (adw_message_dialog_get_heading (window->report_dialog), ==, "1 of 2 Images Done");
  amigo_test_ui_maybe_screenshot (window->report_dialog, "cleanup-report.png");
  adw_message_dialog_response (window->report_dialog, "close");

  big_after = amigo_test_ui_get_image (ec2, big);
  used_after = amigo_test_ui_get_image (ec2, used);
  g_assert_null (big_after);
  g_assert_nonnull (used_after);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
group_says (AdwPreferencesGroup *group,
            const char          *words)
{
  g_autofree char *text = amigo_test_ui_collect_text (GTK_WIDGET (group));

  return strstr (text, words) != NULL;
}

static void
test_recycle_bin_page (void)
{
  g_autofree char *name = unique ("kept");
  g_autofree char *kept = amigo_test_ui_create_image (ec2, instance_id, name);
  g_autoptr(AmigoRbin) rbin = amigo_rbin_new (amigo_test_ui_get_client (), REGION, amigo_ec2_get_endpoint_url (ec2));
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(AmigoImage) restored = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *text = NULL;
  const char *keys[] = { "Team", NULL };
  const char *values[] = { "", NULL };
  AmigoEc2Tag tags[] = { { "Team", "web" } };
  AmigoCleanupWindow *window;
  GtkWidget *button;

  amigo_rbin_create_rule_async (rbin, AMIGO_RBIN_EC2_IMAGE, 10, "Team images", keys, values, NULL, result_cb, NULL);
  rule = amigo_rbin_create_rule_finish (rbin, await_result (), NULL);
  g_assert_nonnull (rule);
  amigo_ec2_create_tags_async (ec2, (const char *[]) { kept, NULL }, tags, 1, NULL, result_cb, NULL);
  g_assert_true (amigo_ec2_create_tags_finish (ec2, await_result (), NULL));
  amigo_ec2_deregister_image_async (ec2, kept, FALSE, NULL, result_cb, NULL);
  deletions = amigo_ec2_deregister_image_finish (ec2, await_result (), NULL);
  g_assert_nonnull (deletions);

  window = open_window ();
  adw_view_stack_set_visible_child_name (window->stack, "recycle-bin");
  AMIGO_TEST_WAIT_FOR ((button = amigo_test_ui_find_by_name (GTK_WIDGET (window), kept)) != NULL, 60);
  g_assert_true (group_says (window->bin_group, name));
  AMIGO_TEST_WAIT_FOR (group_says (window->rules_group, "Team images"), 60);
  text = amigo_test_ui_collect_text (GTK_WIDGET (window->rules_group));
  g_assert_nonnull (strstr (text, "Keeps images 10 days"));
  amigo_test_ui_maybe_screenshot (window, "cleanup-recycle-bin.png");

  /* The guard rails page reads the account's settings */
  adw_view_stack_set_visible_child_name (window->stack, "guard-rails");
  AMIGO_TEST_WAIT_FOR (amigo_test_ui_find_by_type (GTK_WIDGET (window->guard_box), GTK_TYPE_SWITCH, NULL) != NULL, 30);
  amigo_test_ui_run_for (500);
  amigo_test_ui_maybe_screenshot (window, "cleanup-guard-rails.png");
  adw_view_stack_set_visible_child_name (window->stack, "recycle-bin");

  amigo_test_ui_click (button);
  AMIGO_TEST_WAIT_FOR ((restored = amigo_test_ui_get_image (ec2, kept)) != NULL, 60);
  g_assert_cmpstr (amigo_image_get_state (restored), ==, "available");
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
copy_image (AmigoEc2   *to,
            const char *from_region,
            const char *source)
{
  g_autofree char *name = unique ("copy");
  g_autofree char *token = amigo_client_token_new ();
  AmigoCopyImageRequest request = {
    .source_image_id = source, .source_region = from_region, .name = name, .client_token = token,
  };
  char *image_id;

  amigo_ec2_copy_image_async (to, &request, NULL, result_cb, NULL);
  image_id = amigo_ec2_copy_image_finish (to, await_result (), NULL);
  g_assert_nonnull (image_id);
  return image_id;
}

static void
test_ancestry_chain (void)
{
  g_autofree char *name = unique ("root");
  g_autofree char *root = amigo_test_ui_create_image (ec2, instance_id, name);
  g_autoptr(AmigoEc2) other = amigo_test_ui_get_ec2 (OTHER_REGION);
  g_autofree char *first = copy_image (other, REGION, root);
  g_autofree char *second = copy_image (ec2, OTHER_REGION, first);
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (ec2, second);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *details = amigo_image_details_new ();
  GtkWidget *chain = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  const char *expected[][2] = { { second, REGION }, { first, OTHER_REGION }, { root, REGION } };

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (window))), details);
  amigo_image_details_set_context (AMIGO_IMAGE_DETAILS (details), ec2, NULL);
  amigo_image_details_set_image (AMIGO_IMAGE_DETAILS (details), image);
  gtk_window_present (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  /* Asked for only when the person asks */
  g_assert_null (amigo_test_ui_find_by_name (details, "ancestry-chain"));
  amigo_test_ui_click (amigo_test_ui_find_by_name (details, "ancestry-trace"));
  AMIGO_TEST_WAIT_FOR ((chain = amigo_test_ui_find_by_name (details, "ancestry-chain")) != NULL, 60);

  buttons = amigo_test_ui_find_all (chain, GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GtkActionable *step = g_ptr_array_index (buttons, i);
      GVariant *target = gtk_actionable_get_action_target_value (step);
      const char *region, *image_id;

      g_assert_cmpstr (gtk_actionable_get_action_name (step), ==, "win.show-image");
      g_variant_get (target, "(&s&s)", &region, &image_id);
      g_assert_cmpstr (image_id, ==, expected[i][0]);
      g_assert_cmpstr (region, ==, expected[i][1]);
    }
  amigo_test_ui_maybe_screenshot (window, "ancestry.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The details' Copies row: the account's copies of an image, found by their
 * source in every region, one row per region with the copy's id and state,
 * each showing that copy */
static void
test_copies_by_region (void)
{
  g_autofree char *name = unique ("copied");
  g_autofree char *root = amigo_test_ui_create_image (ec2, instance_id, name);
  g_autoptr(AmigoEc2) other = amigo_test_ui_get_ec2 (OTHER_REGION);
  g_autoptr(AmigoEc2) third = amigo_test_ui_get_ec2 (THIRD_REGION);
  g_autofree char *in_other = copy_image (other, REGION, root);
  g_autofree char *in_third = copy_image (third, REGION, root);
  /* A copy of the copy is not a copy of the root */
  g_autofree char *twice = copy_image (third, OTHER_REGION, in_other);
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (ec2, root);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *details = amigo_image_details_new ();
  const char *expected[][2] = { { OTHER_REGION, in_other }, { THIRD_REGION, in_third } };

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (window))), details);
  amigo_image_details_set_context (AMIGO_IMAGE_DETAILS (details), ec2, NULL);
  amigo_image_details_set_image (AMIGO_IMAGE_DETAILS (details), image);
  gtk_window_present (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  /* Asked for only when the person asks */
  g_assert_null (amigo_test_ui_find_by_name (details, "copy-" OTHER_REGION));
  amigo_test_ui_click (amigo_test_ui_find_by_name (details, "copies-find"));
  AMIGO_TEST_WAIT_FOR (amigo_test_ui_find_by_name (details, "copy-" THIRD_REGION) != NULL, 120);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *row_name = g_strconcat ("copy-", expected[i][0], NULL);
      GtkWidget *row = amigo_test_ui_find_by_name (details, row_name);
      GtkWidget *button;
      GVariant *target;
      const char *region, *image_id;

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i][0]);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected[i][1]));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "available"));
      button = amigo_test_ui_find_by_type (row, GTK_TYPE_BUTTON, NULL);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-image");
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      g_variant_get (target, "(&s&s)", &region, &image_id);
      g_assert_cmpstr (region, ==, expected[i][0]);
      g_assert_cmpstr (image_id, ==, expected[i][1]);
    }
  /* One row a region: the copy of the copy is not among them */
  g_assert_null (amigo_test_ui_find_by_name (details, twice));
  g_assert_null (amigo_test_ui_find_by_name (details, "copy-" REGION));
  amigo_test_ui_maybe_screenshot (window, "copies.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- bulk Disable and Enable ------------------------------------------ */

static const char *
image_state (const char *image_id)
{
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (ec2, image_id);

  g_assert_nonnull (image);
  return g_intern_string (amigo_image_get_state (image));
}

/* Applies the bulk confirmation shown, then closes its report: its heading. */
static char *
apply_bulk (AmigoCleanupWindow *window)
{
  char *heading;

  g_clear_weak_pointer (&window->report_dialog);
  adw_message_dialog_response (window->bulk_dialog, "apply");
  AMIGO_TEST_WAIT_FOR (window->report_dialog != NULL, 60);
  heading = g_strdup (adw_message_dialog_get_heading (window->report_dialog));
  adw_message_dialog_response (window->report_dialog, "close");
  g_clear_weak_pointer (&window->report_dialog);
  AMIGO_TEST_WAIT_FOR (!window->loading, 60);
  amigo_test_ui_settle ();
  return heading;
}

/* Disable three images, one of them used by an instance and left alone
 * unless ticked; then Enable the two disabled ones back. */
static void
test_bulk_disable_enable (void)
{
  g_autofree char *a_name = unique ("disable a");
  g_autofree char *b_name = unique ("disable b");
  g_autofree char *used_name = unique ("disable used");
  g_autofree char *a = amigo_test_ui_create_image (ec2, instance_id, a_name);
  g_autofree char *b = amigo_test_ui_create_image (ec2, instance_id, b_name);
  g_autofree char *used = amigo_test_ui_create_image (ec2, instance_id, used_name);
  g_autofree char *heading = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  AmigoRunInstancesRequest run = { .instance_type = "t3.micro", .image_id = used };
  AmigoCleanupWindow *window;

  amigo_ec2_run_instances_async (ec2, &run, NULL, result_cb, NULL);
  instances = amigo_ec2_run_instances_finish (ec2, await_result (), NULL);
  g_assert_nonnull (instances);

  window = open_window ();
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (window->selection));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, a), FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, b), FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, used), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "cleanup.disable", NULL);
  amigo_test_ui_settle ();
  g_assert_nonnull (window->bulk_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (window->bulk_dialog), ==, "Disable 3 Images?");
  g_assert_nonnull (strstr (gtk_label_get_text (window->bulk_totals_label), "2 images will be acted on"));
  /* Disabling frees nothing: the snapshots stay */
  g_assert_nonnull (strstr (gtk_label_get_text (window->bulk_totals_label), "Frees 0 GiB"));
  checks = amigo_test_ui_find_all (window->bulk_dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 1);
  g_assert_nonnull (strstr (gtk_check_button_get_label (g_ptr_array_index (checks, 0)), used_name));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  heading = apply_bulk (window);
  g_assert_cmpstr (heading, ==, "2 of 3 Images Done");
  g_assert_cmpstr (image_state (a), ==, "disabled");
  g_assert_cmpstr (image_state (b), ==, "disabled");
  g_assert_cmpstr (image_state (used), ==, "available");

  /* Still listed, said disabled; Enable brings them back */
  g_assert_cmpint (position_of (window, a), >=, 0);
  {
    g_autoptr(AmigoCleanupEntry) entry = shown (window, position_of (window, a));

    g_assert_true (amigo_cleanup_entry_is_disabled (entry));
  }
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (window->selection));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, a), FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position_of (window, b), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "cleanup.enable", NULL);
  amigo_test_ui_settle ();
  g_assert_cmpstr (adw_message_dialog_get_heading (window->bulk_dialog), ==, "Enable 2 Images?");
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = amigo_test_ui_find_all (window->bulk_dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 0);
  g_clear_pointer (&heading, g_free);
  heading = apply_bulk (window);
  g_assert_cmpstr (heading, ==, "2 of 2 Images Done");
  g_assert_cmpstr (image_state (a), ==, "available");
  g_assert_cmpstr (image_state (b), ==, "available");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the guard rails page ----------------------------------------------- */

static char *
block_state (void)
{
  char *state;

  amigo_ec2_get_image_block_public_access_state_async (ec2, NULL, result_cb, NULL);
  state = amigo_ec2_get_image_block_public_access_state_finish (ec2, await_result (), NULL);
  g_assert_nonnull (state);
  return state;
}

static AmigoAllowedImagesSettings *
allowed_settings (void)
{
  AmigoAllowedImagesSettings *settings;

  amigo_ec2_get_allowed_images_settings_async (ec2, NULL, result_cb, NULL);
  settings = amigo_ec2_get_allowed_images_settings_finish (ec2, await_result (), NULL);
  g_assert_nonnull (settings);
  return settings;
}

/* The page is built again after each change the account takes: waits for
 * the new one to have read the settings. */
static void
wait_guards_read (AmigoCleanupWindow *window,
                  GtkWidget          *before)
{
  AMIGO_TEST_WAIT_FOR (window->guard_content != before &&
                       (amigo_test_ui_find_by_type (window->guard_content, ADW_TYPE_ACTION_ROW, "Criterion 1") != NULL ||
                        amigo_test_ui_find_by_type (window->guard_content, ADW_TYPE_ACTION_ROW, "No criteria") != NULL),
                       60);
  amigo_test_ui_settle ();
}

/* The Image Criteria group's Edit… button */
static GtkWidget *
edit_button (GtkWidget *content)
{
  g_autoptr(GPtrArray) buttons = amigo_test_ui_find_all (content, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Edit…") == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
  return NULL;
}

static GtkWindow *
criteria_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Allowed Image Criteria") == 0)
      return l->data;
  return NULL;
}

/* Block public access turned on and off, Allowed AMIs put in audit mode
 * with one criterion, then off again: each change is the account's, read
 * back from it. */
static void
test_guard_rails (void)
{
  g_autofree char *blocked = NULL;
  g_autofree char *unblocked = NULL;
  g_autoptr(AmigoAllowedImagesSettings) audit = NULL;
  g_autoptr(AmigoAllowedImagesSettings) criteria = NULL;
  g_autoptr(AmigoAllowedImagesSettings) off = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AmigoCleanupWindow *window = open_window ();
  GtkWindow *editor = NULL;
  GtkSwitch *block;
  GtkWidget *before;
  const char * const *providers;

  adw_view_stack_set_visible_child_name (window->stack, "guard-rails");
  wait_guards_read (window, NULL);

  block = GTK_SWITCH (amigo_test_ui_find_by_type (window->guard_content, GTK_TYPE_SWITCH, NULL));
  g_assert_false (gtk_switch_get_state (block));
  gtk_switch_set_active (block, TRUE);
  AMIGO_TEST_WAIT_FOR (gtk_switch_get_state (block), 60);
  blocked = block_state ();
  g_assert_cmpstr (blocked, ==, "block-new-sharing");
  gtk_switch_set_active (block, FALSE);
  AMIGO_TEST_WAIT_FOR (!gtk_switch_get_state (block), 60);
  unblocked = block_state ();
  g_assert_cmpstr (unblocked, ==, "unblocked");

  /* Audit mode */
  before = window->guard_content;
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find_by_type (before, ADW_TYPE_COMBO_ROW, "State"))), ==, 0);
  amigo_test_ui_pick (amigo_test_ui_find_by_type (before, ADW_TYPE_COMBO_ROW, "State"), 1);
  wait_guards_read (window, before);
  AMIGO_TEST_WAIT_FOR (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find_by_type (window->guard_content, ADW_TYPE_COMBO_ROW, "State"))) == 1, 60);
  audit = allowed_settings ();
  g_assert_cmpstr (audit->state, ==, AMIGO_ALLOWED_IMAGES_AUDIT_MODE);

  /* One criterion, from the editor */
  before = window->guard_content;
  amigo_test_ui_click (edit_button (before));
  AMIGO_TEST_WAIT_FOR ((editor = criteria_editor ()) != NULL, 30);
  entries = amigo_test_ui_find_all (editor, GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, >=, 2);
  amigo_test_ui_set_text (g_ptr_array_index (entries, 0), "amazon, 123456789012");
  amigo_test_ui_set_text (g_ptr_array_index (entries, 1), "al2023-ami-*");
  amigo_test_ui_maybe_screenshot (editor, "cleanup-criteria.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (editor), "save");
  wait_guards_read (window, before);
  criteria = allowed_settings ();
  g_assert_cmpuint (criteria->criteria->len, ==, 1);
  providers = amigo_image_criterion_get_image_providers (g_ptr_array_index (criteria->criteria, 0));
  g_assert_true (g_strv_contains (providers, "amazon"));
  g_assert_true (g_strv_contains (providers, "123456789012"));
  g_assert_true (g_strv_contains (amigo_image_criterion_get_image_names (g_ptr_array_index (criteria->criteria, 0)),
                                  "al2023-ami-*"));
  {
    g_autofree char *text = amigo_test_ui_collect_text (window->guard_content);

    g_assert_nonnull (strstr (text, "Providers: amazon, 123456789012"));
  }

  /* Off again */
  before = window->guard_content;
  amigo_test_ui_pick (amigo_test_ui_find_by_type (before, ADW_TYPE_COMBO_ROW, "State"), 0);
  wait_guards_read (window, before);
  off = allowed_settings ();
  g_assert_cmpstr (off->state, ==, AMIGO_ALLOWED_IMAGES_DISABLED);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A region other than us-east-1, priced from the AWS Price List (moto's
 * stand-in, its test prices): the label says so and the cost is at the
 * region's own price; with pricing:GetProducts denied, the table's
 * us-east-1 price, and the label says that, not an error page. */
static void
test_price_list_prices (void)
{
  const char *regions[] = { PRICED_REGION, NULL };
  g_autoptr(AmigoEc2) seoul = amigo_test_ui_get_ec2 (PRICED_REGION);
  g_autofree char *seoul_instance = amigo_test_ui_run_instance (seoul, "ui-cleanup-prices");
  g_autofree char *name = unique ("priced");
  g_autofree char *image_id = amigo_test_ui_create_image (seoul, seoul_instance, name);
  g_autofree char *cache = amigo_snapshot_price_cache_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *read_today = g_strdup_printf ("from the AWS Price List, read %s", today);
  AmigoCleanupWindow *window;

  for (guint round = 0; round < 2; round++)
    {
      gboolean denied = round == 1;
      g_autoptr(AmigoCleanupEntry) entry = NULL;
      const AmigoSnapshotCost *cost;
      const char *label;
      double gib_standard, gib_archive;

      /* Nothing read before: not this process's, not the cache's */
      amigo_snapshot_prices_forget_read ();
      g_unlink (cache);
      if (denied)
        amigo_test_moto_post ("/amigo-test/pricing", "{\"deny\": true}");
      window = amigo_cleanup_window_new (NULL, amigo_test_ui_get_account (), amigo_test_ui_get_client (),
                                         regions, PRICED_REGION);
      gtk_window_present (GTK_WINDOW (window));
      AMIGO_TEST_WAIT_FOR (!window->loading, 60);
      amigo_test_ui_settle ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "list");
      g_assert_cmpint (position_of (window, image_id), >=, 0);
      entry = shown (window, position_of (window, image_id));
      cost = amigo_cleanup_entry_get_cost (entry);
      gib_standard = (double) cost->standard_bytes / (1024.0 * 1024.0 * 1024.0);
      gib_archive = (double) cost->archive_bytes / (1024.0 * 1024.0 * 1024.0);
      g_assert_cmpfloat (gib_standard + gib_archive, >, 0);
      label = gtk_label_get_text (window->estimate_label);
      g_test_message ("%s", label);
      g_assert_nonnull (strstr (label, "An estimate"));
      if (!denied)
        {
          amigo_test_ui_maybe_screenshot (window, "cleanup-prices.png");
          g_assert_false (cost->region_guessed);
          g_assert_cmpint (cost->price_list_read_usec, >, 0);
          g_assert_cmpfloat_with_epsilon (cost->monthly_usd,
                                          gib_standard * PRICED_STANDARD + gib_archive * PRICED_ARCHIVE, 1e-9);
          g_assert_nonnull (strstr (label, read_today));
          g_assert_null (strstr (label, "not verified"));
          /* Kept for a week */
          g_assert_true (g_file_test (cache, G_FILE_TEST_IS_REGULAR));
        }
      else
        {
          g_assert_true (cost->region_guessed);
          g_assert_cmpint (cost->price_list_read_usec, ==, 0);
          g_assert_cmpfloat_with_epsilon (cost->monthly_usd, gib_standard * 0.05 + gib_archive * 0.0125, 1e-9);
          g_assert_nonnull (strstr (label, "refused"));
          g_assert_nonnull (strstr (label, "not verified"));
          g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
          amigo_test_moto_post ("/amigo-test/pricing", "{\"deny\": false}");
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  amigo_snapshot_prices_forget_read ();
}

int
main (int    argc,
      char **argv)
{
  int status;
  g_autofree char *cache_home = g_dir_make_tmp ("amigo-ui-cleanup-cache-XXXXXX", NULL);

  /* The price cache of this run, not the user's */
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;

  ec2 = amigo_test_ui_get_ec2 (REGION);
  instance_id = amigo_test_ui_run_instance (ec2, "ui-cleanup");

  g_test_add_func ("/cleanup/view/sorted-by-cost-and-bulk", test_sorted_by_cost_and_bulk);
  g_test_add_func ("/cleanup/recycle-bin/page", test_recycle_bin_page);
  g_test_add_func ("/cleanup/details/ancestry-chain", test_ancestry_chain);
  g_test_add_func ("/cleanup/details/copies-by-region", test_copies_by_region);
  g_test_add_func ("/cleanup/view/bulk-disable-enable", test_bulk_disable_enable);
  g_test_add_func ("/cleanup/guard-rails/change", test_guard_rails);
  g_test_add_func ("/cleanup/view/price-list-prices", test_price_list_prices);

  status = g_test_run ();

  g_clear_object (&last_result);
  g_clear_object (&ec2);
  g_free (instance_id);
  {
    g_autofree char *cache = amigo_snapshot_price_cache_default_path ();
    g_autofree char *dir = g_path_get_dirname (cache);

    g_unlink (cache);
    g_rmdir (dir);
    g_rmdir (cache_home);
  }
  return status;
}
