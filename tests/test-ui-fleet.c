/* test-ui-fleet.c — the Quick Start, Launch Templates and Auto Scaling
 * Groups pages and the "Roll Out This Image" dialog, for real, against
 * moto (tests/moto_fleet.py) under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-account-manager.h"
#include "amigo-auto-scaling-page.h"
#include "amigo-autoscaling.h"
#include "amigo-fleet-page.h"
#include "amigo-launch-dialog.h"
#include "amigo-launch-templates-page.h"
#include "amigo-quick-start.h"
#include "amigo-quick-start-page.h"
#include "amigo-rollout-dialog.h"
#include "amigo-task-manager.h"
#include "amigo-ssm.h"
#include "amigo-version-compare-dialog.h"
#include "amigo-test-ui.h"

#define REGION "us-east-1"
#define WAIT_SECONDS 60
#define UBUNTU "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"
#define DEBIAN "/aws/service/debian/release/12/latest/amd64"
#define SUSE "/aws/service/suse/sles/15-sp6/x86_64/latest"

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_clear_object (&last_result);
  last_result = g_object_ref (result);
}

static GAsyncResult *
await_result (void)
{
  g_clear_object (&last_result);
  AMIGO_TEST_WAIT_FOR (last_result != NULL, WAIT_SECONDS);
  return last_result;
}

static GtkWidget *
window_with (GtkWidget *page)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static char *
parameter_value (const char *name)
{
  g_autoptr(AmigoSsm) ssm = amigo_ssm_new (amigo_test_ui_get_client (), REGION, g_getenv ("AMIGO_TEST_ENDPOINT"));
  const char *names[] = { name, NULL };
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ssm_get_parameters_async (ssm, names, NULL, result_cb, NULL);
  parameters = amigo_ssm_get_parameters_finish (ssm, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, ==, 1);
  return g_strdup (((AmigoSsmParameter *) g_ptr_array_index (parameters, 0))->value);
}

static char *
unique (const char *what)
{
  return g_strdup_printf ("amigo-ui-%s-%08x", what, g_random_int ());
}

static AmigoLaunchTemplate *
create_template (const char *image_id)
{
  AmigoEc2 *ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autofree char *name = unique ("template");
  AmigoRunInstancesRequest data = { .image_id = image_id, .instance_type = "t3.micro" };
  g_autoptr(GError) error = NULL;
  AmigoLaunchTemplate *template;

  amigo_ec2_create_launch_template_async (ec2, name, NULL, &data, NULL, result_cb, NULL);
  template = amigo_ec2_create_launch_template_finish (ec2, await_result (), &error);
  g_assert_no_error (error);
  return template;
}

/* CreateAutoScalingGroup is not an operation of the app: the test's own. */
static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
static const AmigoShape integer_shape = { .type = AMIGO_SHAPE_INTEGER };
static const AmigoMember string_item = { .shape = &string_shape };
static const AmigoShape string_list_shape = { .type = AMIGO_SHAPE_LIST, .item = &string_item };
static const AmigoMember template_members[] = {
  { .name = "LaunchTemplateId", .shape = &string_shape },
  { .name = "Version", .shape = &string_shape },
};
static const AmigoShape template_shape = {
  .type = AMIGO_SHAPE_STRUCTURE, .members = template_members, .n_members = G_N_ELEMENTS (template_members),
};
static const AmigoMember create_group_members[] = {
  { .name = "AutoScalingGroupName", .shape = &string_shape },
  { .name = "LaunchTemplate", .shape = &template_shape },
  { .name = "MinSize", .shape = &integer_shape },
  { .name = "MaxSize", .shape = &integer_shape },
  { .name = "DesiredCapacity", .shape = &integer_shape },
  { .name = "AvailabilityZones", .shape = &string_list_shape },
};
static const AmigoShape create_group_shape = {
  .type = AMIGO_SHAPE_STRUCTURE, .members = create_group_members, .n_members = G_N_ELEMENTS (create_group_members),
};
static const AmigoMember create_group_input = { .shape = &create_group_shape };
static const AmigoOperation create_group = {
  .name = "CreateAutoScalingGroup", .http_method = "POST", .request_uri = "/", .input = &create_group_input,
};

static char *
create_group_named (AmigoAutoscaling *autoscaling,
                    const char       *template_id,
                    char             *name)
{
  g_autofree char *body = g_strdup_printf ("{\"LaunchTemplate\": "
                                           "{\"LaunchTemplateId\": \"%s\", \"Version\": \"1\"}, \"MinSize\": 1,"
                                           " \"MaxSize\": 4, \"DesiredCapacity\": 2,"
                                           " \"AvailabilityZones\": [\"us-east-1a\"]}", template_id);
  g_autoptr(JsonNode) params = json_from_string (body, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  /* Set apart from the JSON text: a name may hold quotes. */
  json_object_set_string_member (json_node_get_object (params), "AutoScalingGroupName", name);
  amigo_service_call_async (AMIGO_SERVICE (autoscaling), &create_group, params, NULL, result_cb, NULL);
  answer = amigo_service_call_finish (AMIGO_SERVICE (autoscaling), await_result (), &error);
  g_assert_no_error (error);
  return name;
}

static char *
create_group_for (AmigoAutoscaling *autoscaling,
                  const char       *template_id)
{
  return create_group_named (autoscaling, template_id, unique ("group"));
}

/* ---- Quick Start --------------------------------------------------------- */

/* The launch dialog open, or NULL. */
static GtkWidget *
launch_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (AMIGO_IS_LAUNCH_DIALOG (window))
        return window;   /* GTK keeps it */
    }
  return NULL;
}

static void
on_image_chosen_cb (AmigoFleetPage *page,
                    AmigoImage     *image,
                    const char     *view,
                    GPtrArray      *chosen)
{
  g_ptr_array_add (chosen, g_strdup_printf ("%s %s", view, amigo_image_get_image_id (image)));
}

static void
test_quick_start_page (void)
{
  GtkWidget *page = amigo_quick_start_page_new ();
  GtkWidget *window = window_with (page);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *menu_button;
  GtkWidget *launch;
  GPtrArray *entries;

  amigo_quick_start_page_load (AMIGO_QUICK_START_PAGE (page), amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (amigo_quick_start_page_get_entries (AMIGO_QUICK_START_PAGE (page)) != NULL, WAIT_SECONDS);
  entries = amigo_quick_start_page_get_entries (AMIGO_QUICK_START_PAGE (page));
  g_assert_cmpuint (entries->len, >=, 8);

  text = amigo_test_ui_collect_text (page);
  g_assert_nonnull (strstr (text, "Ubuntu Server 24.04 LTS"));
  g_assert_nonnull (strstr (text, "Debian 12"));
  g_assert_nonnull (strstr (text, "Windows Server 2022"));
  g_assert_nonnull (strstr (text, "Free tier eligible"));
  /* Each image with the day it was made. */
  g_assert_nonnull (strstr (text, ", made "));
  /* Every image row offers the image actions. */
  menu_button = amigo_test_ui_find_by_type (page, GTK_TYPE_MENU_BUTTON, "Image Actions");
  g_assert_nonnull (menu_button);
  /* ... among them, taking the image to a launch template or a group. */
  g_signal_connect (page, "image-chosen", G_CALLBACK (on_image_chosen_cb), chosen);
  g_assert_true (gtk_widget_activate_action (menu_button, "image.use", "s", "launch-templates"));
  g_assert_true (gtk_widget_activate_action (menu_button, "image.use", "s", "auto-scaling-groups"));
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (chosen, 0), "launch-templates ami-"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (chosen, 1), "auto-scaling-groups ami-"));
  /* Launch from the row: the dialog may name the image by its parameter. */
  g_assert_true (gtk_widget_activate_action (menu_button, "image.open", "s", "launch"));
  AMIGO_TEST_WAIT_FOR (launch_dialog_shown () != NULL, WAIT_SECONDS);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (launch_dialog_shown (), "newest_image_row")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (launch_dialog_shown (),
                                                                                             "newest_image_row"))),
                            "/aws/service/"));
  /* Closed, as Escape does: it leaves at once, though its requests still
   * out may hold it for a while, even past its parent (below). */
  launch = launch_dialog_shown ();
  g_object_add_weak_pointer (G_OBJECT (launch), (gpointer *) &launch);
  gtk_window_close (GTK_WINDOW (launch));
  g_assert_null (launch_dialog_shown ());
  amigo_test_ui_maybe_screenshot (window, "quick-start.png");

  /* Arm only: Windows (x86 only) goes, Ubuntu stays. */
  amigo_quick_start_page_set_architecture (AMIGO_QUICK_START_PAGE (page), "arm64");
  g_clear_pointer (&text, g_free);
  text = amigo_test_ui_collect_text (page);
  g_assert_null (strstr (text, "Windows Server"));
  g_assert_nonnull (strstr (text, "Ubuntu Server 24.04 LTS"));
  g_assert_nonnull (strstr (text, "arm64"));
  g_assert_null (strstr (text, "x86_64"));

  gtk_window_destroy (GTK_WINDOW (window));
  /* The closed dialog goes all the same, whether its parent went first
   * or not. */
  AMIGO_TEST_WAIT_FOR (launch == NULL, WAIT_SECONDS);
}

/* ---- Launch templates --------------------------------------------------- */

static AmigoLaunchTemplate *
template_shown (AmigoLaunchTemplatesPage *page,
                const char               *id)
{
  GPtrArray *templates = amigo_launch_templates_page_get_templates (page);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    if (g_strcmp0 (amigo_launch_template_get_launch_template_id (g_ptr_array_index (templates, i)), id) == 0)
      return g_ptr_array_index (templates, i);
  return NULL;
}

static void
test_launch_templates_page (void)
{
  g_autofree char *ubuntu = parameter_value (UBUNTU);
  g_autofree char *debian = parameter_value (DEBIAN);
  g_autoptr(AmigoLaunchTemplate) template = create_template (ubuntu);
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), debian);
  const char *id = amigo_launch_template_get_launch_template_id (template);
  GtkWidget *page = amigo_launch_templates_page_new ();
  AmigoLaunchTemplatesPage *templates = AMIGO_LAUNCH_TEMPLATES_PAGE (page);
  GtkWidget *window = window_with (page);
  g_autofree char *difference = NULL;
  g_autofree char *text = NULL;
  GPtrArray *versions;

  amigo_launch_templates_page_set_image (templates, image);
  amigo_launch_templates_page_load (templates, amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (!amigo_launch_templates_page_get_busy (templates), WAIT_SECONDS);
  g_assert_nonnull (template_shown (templates, id));

  /* New Version with This Image, made the default. */
  amigo_launch_templates_page_new_version (templates, id, TRUE);
  AMIGO_TEST_WAIT_FOR (!amigo_launch_templates_page_get_busy (templates)
                       && template_shown (templates, id) != NULL
                       && amigo_launch_template_get_default_version_number (template_shown (templates, id)) == 2,
                       WAIT_SECONDS);
  versions = amigo_launch_templates_page_get_versions (templates, id);
  g_assert_cmpuint (versions->len, ==, 2);
  text = amigo_test_ui_collect_text (page);
  g_assert_nonnull (strstr (text, "Uses the selected image"));
  g_assert_nonnull (strstr (text, "Version 2 (default)"));

  /* The two versions the page shows differ in their image (the
   * Compare dialog itself: /ui/fleet/launch-templates-compare). */
  {
    g_autoptr(GPtrArray) differences = amigo_launch_template_version_compare (g_ptr_array_index (versions, 0),
                                                                                g_ptr_array_index (versions, 1));
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < differences->len; i++)
      {
        AmigoLaunchTemplateDifference *d = g_ptr_array_index (differences, i);

        g_string_append_printf (all, "%s %s %s\n", d->setting, d->old_value ? d->old_value : "",
                                d->new_value ? d->new_value : "");
      }
    difference = g_string_free (g_steal_pointer (&all), FALSE);
  }
  g_assert_nonnull (strstr (difference, ubuntu));
  g_assert_nonnull (strstr (difference, debian));
  amigo_test_ui_maybe_screenshot (window, "launch-templates.png");

  /* A new template from the image. */
  {
    g_autofree char *name = unique ("from-image");
    gboolean found = FALSE;
    GPtrArray *all;

    amigo_launch_templates_page_create (templates, name, "t3.small");
    AMIGO_TEST_WAIT_FOR (!amigo_launch_templates_page_get_busy (templates), WAIT_SECONDS);
    all = amigo_launch_templates_page_get_templates (templates);
    for (guint i = 0; i < all->len; i++)
      found |= g_strcmp0 (amigo_launch_template_get_launch_template_name (g_ptr_array_index (all, i)), name) == 0;
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_version (const char *template_id,
             const char *image_id,
             const char *instance_type)
{
  AmigoEc2 *ec2 = amigo_test_ui_get_ec2 (REGION);
  AmigoRunInstancesRequest data = { .image_id = image_id, .instance_type = instance_type };
  g_autoptr(AmigoLaunchTemplateVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_create_launch_template_version_async (ec2, template_id, NULL, NULL, &data, NULL, result_cb, NULL);
  version = amigo_ec2_create_launch_template_version_finish (ec2, await_result (), &error);
  g_assert_no_error (error);
}

static AmigoVersionCompareDialog *
compare_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (AMIGO_IS_VERSION_COMPARE_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return AMIGO_VERSION_COMPARE_DIALOG (toplevel);
    }
  return NULL;
}

/* "Compare…" on a version, then another version than the default chosen in
 * the dialog: the rows name both versions' images and instance types. */
static void
test_launch_templates_compare (void)
{
  g_autofree char *ubuntu = parameter_value (UBUNTU);
  g_autofree char *debian = parameter_value (DEBIAN);
  g_autofree char *suse = parameter_value (SUSE);
  g_autoptr(AmigoLaunchTemplate) template = create_template (ubuntu);
  const char *id = amigo_launch_template_get_launch_template_id (template);
  const char *name = amigo_launch_template_get_launch_template_name (template);
  AmigoEc2 *ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoLaunchTemplate) modified = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *page = amigo_launch_templates_page_new ();
  AmigoLaunchTemplatesPage *templates = AMIGO_LAUNCH_TEMPLATES_PAGE (page);
  GtkWidget *window = window_with (page);
  GtkWidget *group, *row, *other_row;
  AmigoVersionCompareDialog *dialog = NULL;

  /* Version 1: Ubuntu on t3.micro; 2, the default: Debian on t3.small;
   * 3: SUSE on m5.large. */
  add_version (id, debian, "t3.small");
  add_version (id, suse, "m5.large");
  amigo_ec2_modify_launch_template_async (ec2, id, "2", NULL, result_cb, NULL);
  modified = amigo_ec2_modify_launch_template_finish (ec2, await_result (), &error);
  g_assert_no_error (error);

  amigo_launch_templates_page_load (templates, amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (!amigo_launch_templates_page_get_busy (templates)
                       && amigo_launch_templates_page_get_versions (templates, id) != NULL
                       && amigo_launch_templates_page_get_versions (templates, id)->len == 3,
                       WAIT_SECONDS);

  group = amigo_test_ui_find_by_type (page, ADW_TYPE_PREFERENCES_GROUP, name);
  g_assert_nonnull (group);
  row = amigo_test_ui_find_by_type (group, ADW_TYPE_ACTION_ROW, "Version 1");
  g_assert_nonnull (row);
  amigo_test_ui_click (amigo_test_ui_find_by_type (row, GTK_TYPE_BUTTON, "Compare…"));
  AMIGO_TEST_WAIT_FOR ((dialog = compare_dialog_shown ()) != NULL, 10);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* At first the default version; then version 3, chosen in the dialog. */
  g_assert_cmpint (amigo_version_compare_dialog_get_other (dialog), ==, 2);
  other_row = amigo_test_ui_find (dialog, "other_row");
  amigo_test_ui_pick_text (other_row, "Version 3");
  g_assert_cmpint (amigo_version_compare_dialog_get_other (dialog), ==, 3);

  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, ubuntu));
  g_assert_nonnull (strstr (text, suse));
  g_assert_nonnull (strstr (text, "t3.micro"));
  g_assert_nonnull (strstr (text, "m5.large"));
  g_assert_null (strstr (text, debian));
  g_assert_null (strstr (text, "t3.small"));
  amigo_test_ui_maybe_screenshot (dialog, "launch-templates-compare.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Auto Scaling groups and the roll-out ------------------------------- */

static gboolean
rollout_status_is (AmigoRolloutDialog *dialog,
                   const char         *status)
{
  return g_strcmp0 (amigo_rollout_dialog_get_status (dialog), status) == 0;
}

static void
assert_group_runs (AmigoAutoscaling *autoscaling,
                   const char       *group_name,
                   const char       *image_id)
{
  const char *names[] = { group_name, NULL };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoAutoScalingInstance *instances;
  guint n = 0;

  amigo_autoscaling_describe_auto_scaling_groups_async (autoscaling, names, NULL, result_cb, NULL);
  groups = amigo_autoscaling_describe_auto_scaling_groups_finish (autoscaling, await_result (), &error);
  g_assert_no_error (error);
  instances = amigo_auto_scaling_group_get_instances (g_ptr_array_index (groups, 0), &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (instances[i].image_id, ==, image_id);
}

static void
test_groups_and_rollout (void)
{
  g_autoptr(AmigoAutoscaling) autoscaling =
    amigo_autoscaling_new (amigo_test_ui_get_client (), REGION, g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_autofree char *ubuntu = parameter_value (UBUNTU);
  g_autofree char *debian = parameter_value (DEBIAN);
  g_autoptr(AmigoLaunchTemplate) template = create_template (ubuntu);
  g_autofree char *group = create_group_for (autoscaling, amigo_launch_template_get_launch_template_id (template));
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), debian);
  GtkWidget *page = amigo_auto_scaling_page_new ();
  AmigoAutoScalingPage *groups = AMIGO_AUTO_SCALING_PAGE (page);
  GtkWidget *window = window_with (page);
  g_autofree char *text = NULL;
  AmigoRolloutDialog *dialog;
  AmigoRolloutDialog *second;
  AmigoRolloutDialog *third;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  /* Its accounts are never loaded: it holds the task without polling. */
  g_autoptr(AmigoAccountManager) accounts = amigo_account_manager_new (settings, NULL);
  g_autoptr(AmigoTaskManager) tasks = amigo_task_manager_new (accounts, NULL);

  amigo_auto_scaling_page_load (groups, amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (amigo_auto_scaling_page_get_groups (groups) != NULL, WAIT_SECONDS);
  text = amigo_test_ui_collect_text (page);
  g_assert_nonnull (strstr (text, group));
  g_assert_nonnull (strstr (text, ubuntu));
  g_assert_nonnull (strstr (text, "Desired 2, minimum 1, maximum 4"));
  {
    g_autofree char *line = g_strdup_printf ("Launch template %s, version 1.",
                                             amigo_launch_template_get_launch_template_name (template));

    g_assert_nonnull (strstr (text, line));
  }
  amigo_auto_scaling_page_set_image (groups, image);
  amigo_test_ui_maybe_screenshot (window, "auto-scaling-groups.png");

  /* Roll the Debian image out. */
  dialog = AMIGO_ROLLOUT_DIALOG (amigo_auto_scaling_page_roll_out (groups, group));
  g_assert_nonnull (dialog);
  amigo_rollout_dialog_set_poll_interval_for_testing (dialog, 50);
  amigo_rollout_dialog_set_task_manager (dialog, tasks);
  /* How: half the group at a time, two checkpoints, roll back on failure,
   * and the new version made the template's default. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "min_healthy")), 50);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "checkpoints")), "50, 100");
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "auto_rollback")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "make_default")), TRUE);
  amigo_test_ui_maybe_screenshot (dialog, "rollout-dialog.png");
  gtk_widget_activate (amigo_test_ui_find (dialog, "start_button"));
  AMIGO_TEST_WAIT_FOR (rollout_status_is (dialog, "InProgress"), WAIT_SECONDS);
  amigo_test_ui_maybe_screenshot (dialog, "rollout-progress.png");
  AMIGO_TEST_WAIT_FOR (rollout_status_is (dialog, "Successful"), WAIT_SECONDS);
  {
    const char *names[] = { group, NULL };
    g_autoptr(GPtrArray) refreshes = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GError) error = NULL;
    AmigoEc2ListRequest request = { .ids = (const char **) names };
    AmigoEc2 *ec2 = amigo_test_ui_get_ec2 (REGION);

    amigo_autoscaling_describe_instance_refreshes_async (autoscaling, group, NULL, NULL, result_cb, NULL);
    refreshes = amigo_autoscaling_describe_instance_refreshes_finish (autoscaling, await_result (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (refreshes->len, ==, 1);
    g_assert_true (amigo_instance_refresh_get_auto_rollback (g_ptr_array_index (refreshes, 0)));
    g_assert_cmpstr (amigo_instance_refresh_get_launch_template_version (g_ptr_array_index (refreshes, 0)), ==, "2");
    names[0] = amigo_launch_template_get_launch_template_id (template);
    amigo_ec2_describe_launch_templates_async (ec2, &request, NULL, result_cb, NULL);
    found = amigo_ec2_describe_launch_templates_finish (ec2, await_result (), &error);
    g_assert_no_error (error);
    g_assert_cmpint (amigo_launch_template_get_default_version_number (g_ptr_array_index (found, 0)), ==, 2);
    g_object_unref (ec2);
  }
  /* The refresh was handed to the task list too. */
  {
    g_autoptr(AmigoTask) task = g_list_model_get_item (amigo_task_manager_get_tasks (tasks), 0);

    g_assert_nonnull (task);
    g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_INSTANCE_REFRESH);
    g_assert_cmpstr (amigo_task_get_resource_ids (task)[0], ==, group);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_group_runs (autoscaling, group, debian);

  /* Roll Ubuntu out, then roll it back: the group runs Debian again. */
  g_clear_object (&image);
  image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), ubuntu);
  amigo_auto_scaling_page_load (groups, amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (amigo_auto_scaling_page_get_groups (groups) != NULL, WAIT_SECONDS);
  amigo_auto_scaling_page_set_image (groups, image);
  second = AMIGO_ROLLOUT_DIALOG (amigo_auto_scaling_page_roll_out (groups, group));
  amigo_rollout_dialog_set_poll_interval_for_testing (second, 60000);
  amigo_rollout_dialog_start (second);
  AMIGO_TEST_WAIT_FOR (rollout_status_is (second, "InProgress"), WAIT_SECONDS);
  /* Its progress: the instances still to update, and why it waits. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (second, "status_label"))),
                            "to update"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (second, "reason_label"))), !=, "");
  amigo_rollout_dialog_set_poll_interval_for_testing (second, 50);
  gtk_widget_activate (amigo_test_ui_find (second, "rollback_button"));
  AMIGO_TEST_WAIT_FOR (rollout_status_is (second, "RollbackSuccessful"), WAIT_SECONDS);
  gtk_window_destroy (GTK_WINDOW (second));
  assert_group_runs (autoscaling, group, debian);

  /* Roll Ubuntu out again and cancel: Cancelling, then Cancelled. */
  third = AMIGO_ROLLOUT_DIALOG (amigo_auto_scaling_page_roll_out (groups, group));
  amigo_rollout_dialog_set_poll_interval_for_testing (third, 60000);
  amigo_rollout_dialog_start (third);
  AMIGO_TEST_WAIT_FOR (rollout_status_is (third, "InProgress"), WAIT_SECONDS);
  amigo_rollout_dialog_set_poll_interval_for_testing (third, 50);
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (third, "cancel_button")));
  gtk_widget_activate (amigo_test_ui_find (third, "cancel_button"));
  AMIGO_TEST_WAIT_FOR (rollout_status_is (third, "Cancelled"), WAIT_SECONDS);
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (third, "cancel_button")));
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (third, "rollback_button")));
  gtk_window_destroy (GTK_WINDOW (third));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- outside text ------------------------------------------------------ */

/* An Auto Scaling group's name may hold any character ("[\u0020-\uD7FF…]*"
 * in the API reference): it heads the group's section as it is, never
 * read as markup, where a link would become live and a lone "&" or "<"
 * would blank the heading. */
#define HOSTILE "<a href=\"https://example.com\">x</a> <b> & <"

static void
test_outside_text_is_not_markup (void)
{
  g_autoptr(AmigoAutoscaling) autoscaling =
    amigo_autoscaling_new (amigo_test_ui_get_client (), REGION, g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_autofree char *ubuntu = parameter_value (UBUNTU);
  g_autoptr(AmigoLaunchTemplate) template = create_template (ubuntu);
  g_autofree char *base = unique ("group");
  g_autofree char *group = create_group_named (autoscaling, amigo_launch_template_get_launch_template_id (template),
                                               g_strconcat (base, " ", HOSTILE, NULL));
  GtkWidget *page = amigo_auto_scaling_page_new ();
  GtkWidget *window = window_with (page);
  g_autoptr(GPtrArray) labels = NULL;
  gboolean shown = FALSE;

  amigo_auto_scaling_page_load (AMIGO_AUTO_SCALING_PAGE (page), amigo_test_ui_get_account (), REGION);
  AMIGO_TEST_WAIT_FOR (amigo_auto_scaling_page_get_groups (AMIGO_AUTO_SCALING_PAGE (page)) != NULL, WAIT_SECONDS);
  amigo_test_ui_settle ();
  labels = amigo_test_ui_find_all (page, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    shown |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), group) == 0;
  g_assert_true (shown);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;

  g_test_add_func ("/ui/fleet/quick-start", test_quick_start_page);
  g_test_add_func ("/ui/fleet/launch-templates", test_launch_templates_page);
  g_test_add_func ("/ui/fleet/launch-templates-compare", test_launch_templates_compare);
  g_test_add_func ("/ui/fleet/groups-and-rollout", test_groups_and_rollout);
  g_test_add_func ("/ui/fleet/outside-text-is-not-markup", test_outside_text_is_not_markup);
  status = g_test_run ();
  g_clear_object (&last_result);
  return status;
}
