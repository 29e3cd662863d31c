/* test-fleet-integration.c — from the catalog to the fleet against moto:
 * Quick Start from SSM's public parameters, launching through
 * resolve:ssm:, launch templates and their versions, rolling an image out
 * to an Auto Scaling group, cancelling and rolling back a refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under tests/moto-harness.sh (signatures enforced); moto's missing
 * parts are tests/moto_fleet.py (tests/README-moto.md).
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-account-manager.h"
#include "amigo-autoscaling.h"
#include "amigo-autoscaling-model.h"
#include "amigo-client.h"
#include "amigo-ec2.h"
#include "amigo-error.h"
#include "amigo-image-users.h"
#include "amigo-quick-start.h"
#include "amigo-ssm.h"
#include "amigo-task-manager.h"

#define REGION       "us-east-1"
#define OTHER_REGION "eu-west-1"
#define CANONICAL    "099720109477"
#define DEBIAN       "136693071363"
#define RED_HAT      "309956199498"
#define UBUNTU_2404_X86 "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"
#define DEBIAN_12_X86   "/aws/service/debian/release/12/latest/amd64"

static struct {
  const char *endpoint;
  char *run_id;
  AmigoClient *client;
  AmigoEc2 *ec2;
  AmigoSsm *ssm;
  AmigoAutoscaling *autoscaling;
} env;

/* ---- waiting for results ---------------------------------------------- */

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

static char *
unique_name (const char *what)
{
  static guint counter;

  return g_strdup_printf ("amigo-%s-%s-%u", what, env.run_id, ++counter);
}

/* ---- synchronous wrappers ---------------------------------------------- */

static char *
parameter_value (const char *name)
{
  const char *names[] = { name, NULL };
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ssm_get_parameters_async (env.ssm, names, NULL, result_cb, next_result ());
  parameters = amigo_ssm_get_parameters_finish (env.ssm, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, ==, 1);
  return g_strdup (((AmigoSsmParameter *) g_ptr_array_index (parameters, 0))->value);
}

static AmigoLaunchTemplate *
create_template (const char *image_id)
{
  g_autofree char *name = unique_name ("template");
  AmigoRunInstancesRequest data = { .image_id = image_id, .instance_type = "t3.micro" };
  g_autoptr(GError) error = NULL;
  AmigoLaunchTemplate *template;

  amigo_ec2_create_launch_template_async (env.ec2, name, "first", &data, NULL, result_cb, next_result ());
  template = amigo_ec2_create_launch_template_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_launch_template_get_launch_template_name (template), ==, name);
  return template;
}

static AmigoLaunchTemplateVersion *
new_version (const char *template_id,
             const char *image_id)
{
  AmigoRunInstancesRequest data = { .image_id = image_id };
  g_autoptr(GError) error = NULL;
  AmigoLaunchTemplateVersion *version;

  amigo_ec2_create_launch_template_version_async (env.ec2, template_id, "$Latest", "with a new image",
                                                  &data, NULL, result_cb, next_result ());
  version = amigo_ec2_create_launch_template_version_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_launch_template_version_get_image_id (version), ==, image_id);
  return version;
}

static GPtrArray *
describe_versions (const char *template_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions;

  amigo_ec2_describe_launch_template_versions_async (env.ec2, template_id, NULL, NULL, result_cb,
                                                     next_result ());
  versions = amigo_ec2_describe_launch_template_versions_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  return versions;
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
create_group_for (const char *template_id,
                  gint        capacity)
{
  g_autofree char *body = NULL;
  char *name = unique_name ("group");
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  body = g_strdup_printf ("{\"AutoScalingGroupName\": \"%s\", \"LaunchTemplate\": {\"LaunchTemplateId\": \"%s\","
                          " \"Version\": \"1\"}, \"MinSize\": 1, \"MaxSize\": 6, \"DesiredCapacity\": %d,"
                          " \"AvailabilityZones\": [\"us-east-1a\"]}", name, template_id, capacity);
  params = json_from_string (body, &error);
  g_assert_no_error (error);
  amigo_service_call_async (AMIGO_SERVICE (env.autoscaling), &create_group, params, NULL, result_cb,
                            next_result ());
  answer = amigo_service_call_finish (AMIGO_SERVICE (env.autoscaling), await_result (), &error);
  g_assert_no_error (error);
  return name;
}

static AmigoAutoScalingGroup *
describe_group (const char *name)
{
  const char *names[] = { name, NULL };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  amigo_autoscaling_describe_auto_scaling_groups_async (env.autoscaling, names, NULL, result_cb, next_result ());
  groups = amigo_autoscaling_describe_auto_scaling_groups_finish (env.autoscaling, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  return g_object_ref (g_ptr_array_index (groups, 0));
}

static AmigoInstanceRefresh *
describe_refresh (const char *group,
                  const char *refresh_id)
{
  const char *ids[] = { refresh_id, NULL };
  g_autoptr(GPtrArray) refreshes = NULL;
  g_autoptr(GError) error = NULL;

  amigo_autoscaling_describe_instance_refreshes_async (env.autoscaling, group, ids, NULL, result_cb,
                                                       next_result ());
  refreshes = amigo_autoscaling_describe_instance_refreshes_finish (env.autoscaling, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refreshes->len, ==, 1);
  return g_object_ref (g_ptr_array_index (refreshes, 0));
}

static char *
start_refresh (const char *group,
               const char *template_id,
               const char *version,
               gint        min_healthy)
{
  static const gint checkpoints[] = { 50, 100 };
  AmigoInstanceRefreshRequest request = {
    .group_name = group,
    .launch_template_id = template_id,
    .launch_template_version = version,
    .min_healthy_percentage = min_healthy,
    .instance_warmup = 30,
    .checkpoint_percentages = checkpoints,
    .n_checkpoint_percentages = G_N_ELEMENTS (checkpoints),
    .checkpoint_delay = 60,
    .auto_rollback = FALSE,
  };
  g_autoptr(GError) error = NULL;
  char *id;

  amigo_autoscaling_start_instance_refresh_async (env.autoscaling, &request, NULL, result_cb, next_result ());
  id = amigo_autoscaling_start_instance_refresh_finish (env.autoscaling, await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* Polls until the refresh ends; the percentages seen never go down. */
static char *
wait_refresh (const char *group,
              const char *refresh_id)
{
  gint last_percentage = -1;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(AmigoInstanceRefresh) refresh = describe_refresh (group, refresh_id);
      const char *status = amigo_instance_refresh_get_status (refresh);

      g_assert_cmpint (amigo_instance_refresh_get_percentage_complete (refresh), >=, last_percentage);
      last_percentage = amigo_instance_refresh_get_percentage_complete (refresh);
      if (amigo_instance_refresh_status_is_final (status))
        return g_strdup (status);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_instances_run (const char *group_name,
                      const char *image_id)
{
  g_autoptr(AmigoAutoScalingGroup) group = describe_group (group_name);
  guint n = 0;
  const AmigoAutoScalingInstance *instances = amigo_auto_scaling_group_get_instances (group, &n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (instances[i].image_id, ==, image_id);
}

/* ---- Quick Start -------------------------------------------------------- */

static void
check_quick_start (AmigoSsm *ssm,
                   AmigoEc2 *ec2)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_ubuntu = FALSE, seen_windows = FALSE, seen_al2023 = FALSE, seen_mac = FALSE;
  gboolean seen_rhel9 = FALSE, seen_rhel8 = FALSE;
  guint n_arm = 0;

  amigo_quick_start_list_async (ssm, ec2, NULL, result_cb, next_result ());
  entries = amigo_quick_start_list_finish (await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 8);

  for (guint i = 0; i < entries->len; i++)
    {
      AmigoQuickStartEntry *entry = g_ptr_array_index (entries, i);
      const char *system = amigo_quick_start_entry_get_system (entry);
      const char *version = amigo_quick_start_entry_get_version (entry);
      const AmigoQuickStartImage *x86 = amigo_quick_start_entry_get_image_for (entry, "x86_64");
      const AmigoQuickStartImage *arm = amigo_quick_start_entry_get_image_for (entry, "arm64");

      g_assert_nonnull (amigo_quick_start_entry_get_title (entry));
      if (arm != NULL)
        n_arm++;
      if (g_str_equal (system, "ubuntu") && g_str_equal (version, "24.04"))
        {
          seen_ubuntu = TRUE;
          g_assert_cmpstr (amigo_quick_start_entry_get_title (entry), ==, "Ubuntu Server 24.04 LTS");
          g_assert_nonnull (x86);
          g_assert_nonnull (arm);
          g_assert_nonnull (x86->image);
          g_assert_cmpstr (amigo_image_get_owner_id (x86->image), ==, CANONICAL);
          g_assert_cmpstr (amigo_image_get_architecture (x86->image), ==, "x86_64");
          g_assert_cmpstr (amigo_image_get_architecture (arm->image), ==, "arm64");
          g_assert_true (amigo_image_get_free_tier_eligible (x86->image));
          g_assert_cmpstr (x86->parameter_name, ==, UBUNTU_2404_X86);
        }
      if (g_str_equal (system, "windows"))
        {
          seen_windows = TRUE;
          g_assert_nonnull (x86);
          g_assert_null (arm);
        }
      if (g_str_equal (system, "amazon-linux") && g_str_equal (version, "2023"))
        {
          seen_al2023 = TRUE;
          g_assert_nonnull (x86);
          g_assert_nonnull (x86->image);
        }
      if (g_str_equal (system, "macos"))
        {
          seen_mac = TRUE;
          g_assert_nonnull (amigo_quick_start_entry_get_image_for (entry, "arm64_mac"));
        }
      if (g_str_equal (system, "debian") && x86 != NULL && x86->image != NULL)
        g_assert_cmpstr (amigo_image_get_owner_id (x86->image), ==, DEBIAN);
      /* Red Hat, by owner and name: the newest pay-as-you-go image of each
       * major version and architecture; no parameter to refer to */
      if (g_str_equal (system, "rhel") && g_str_equal (version, "9"))
        {
          seen_rhel9 = TRUE;
          g_assert_cmpstr (amigo_quick_start_entry_get_title (entry), ==, "Red Hat Enterprise Linux 9");
          g_assert_nonnull (x86);
          g_assert_nonnull (arm);
          g_assert_null (x86->parameter_name);
          g_assert_nonnull (x86->image);
          g_assert_cmpstr (amigo_image_get_owner_id (x86->image), ==, RED_HAT);
          g_assert_cmpstr (amigo_image_get_name (x86->image), ==, "RHEL-9.6.0_HVM-20261105-x86_64-0-Hourly2-GP3");
          g_assert_cmpstr (amigo_image_get_name (arm->image), ==, "RHEL-9.6.0_HVM-20261105-arm64-0-Hourly2-GP3");
        }
      if (g_str_equal (system, "rhel") && g_str_equal (version, "8"))
        {
          seen_rhel8 = TRUE;
          g_assert_nonnull (x86);
          g_assert_null (arm);
        }
    }
  g_assert_true (seen_rhel9);
  g_assert_true (seen_rhel8);
  g_assert_true (seen_ubuntu);
  g_assert_true (seen_windows);
  g_assert_true (seen_al2023);
  g_assert_true (seen_mac);
  g_assert_cmpuint (n_arm, >=, 4);
}

static void
test_quick_start_regions (void)
{
  g_autoptr(AmigoSsm) ssm_other = NULL;
  g_autoptr(AmigoEc2) ec2_other = NULL;
  g_autofree char *east = NULL;
  g_autofree char *west = NULL;

  if (!have_server ())
    return;

  check_quick_start (env.ssm, env.ec2);
  ssm_other = amigo_ssm_new (env.client, OTHER_REGION, env.endpoint);
  ec2_other = amigo_ec2_new (env.client, OTHER_REGION, env.endpoint);
  check_quick_start (ssm_other, ec2_other);

  /* Each region names its own images. */
  east = parameter_value (UBUNTU_2404_X86);
  {
    const char *names[] = { UBUNTU_2404_X86, NULL };
    g_autoptr(GPtrArray) parameters = NULL;
    g_autoptr(GError) error = NULL;

    amigo_ssm_get_parameters_async (ssm_other, names, NULL, result_cb, next_result ());
    parameters = amigo_ssm_get_parameters_finish (ssm_other, await_result (), &error);
    g_assert_no_error (error);
    west = g_strdup (((AmigoSsmParameter *) g_ptr_array_index (parameters, 0))->value);
  }
  g_assert_cmpstr (east, !=, west);
}

static void
test_ssm_paging (void)
{
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;

  /* More parameters than one page of 10: every page is followed. */
  amigo_ssm_get_parameters_by_path_async (env.ssm, "/aws/service/ami-amazon-linux-latest", TRUE, NULL,
                                          result_cb, next_result ());
  parameters = amigo_ssm_get_parameters_by_path_finish (env.ssm, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, >, AMIGO_SSM_BY_PATH_PAGE_SIZE);
  for (guint i = 0; i < parameters->len; i++)
    {
      AmigoSsmParameter *p = g_ptr_array_index (parameters, i);

      g_assert_true (g_str_has_prefix (p->name, "/aws/service/ami-amazon-linux-latest/"));
      g_assert_true (g_str_has_prefix (p->value, "ami-"));
      g_assert_true (g_hash_table_add (names, p->name));
    }
}

static void
test_ssm_get_parameters_many (void)
{
  g_autoptr(GPtrArray) by_path = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;

  amigo_ssm_get_parameters_by_path_async (env.ssm, "/aws/service/ami-amazon-linux-latest", TRUE, NULL,
                                          result_cb, next_result ());
  by_path = amigo_ssm_get_parameters_by_path_finish (env.ssm, await_result (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_path->len && i < 12; i++)
    g_strv_builder_add (builder, ((AmigoSsmParameter *) g_ptr_array_index (by_path, i))->name);
  g_strv_builder_add (builder, "/aws/service/no-such/parameter");
  names = g_strv_builder_end (builder);

  /* 13 names: two calls of at most 10; the unknown one is left out. */
  amigo_ssm_get_parameters_async (env.ssm, (const char * const *) names, NULL, result_cb, next_result ());
  found = amigo_ssm_get_parameters_finish (env.ssm, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, MIN (by_path->len, 12));
}

/* ---- launching through resolve:ssm: ------------------------------------- */

static void
test_launch_resolve_ssm (void)
{
  g_autofree char *reference = amigo_ec2_image_parameter_reference (DEBIAN_12_X86);
  g_autofree char *image_id = parameter_value (DEBIAN_12_X86);
  AmigoRunInstancesRequest request = { .image_id = reference, .instance_type = "t3.micro" };
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;

  g_assert_cmpstr (reference, ==, "resolve:ssm:" DEBIAN_12_X86);
  amigo_ec2_run_instances_async (env.ec2, &request, NULL, result_cb, next_result ());
  instances = amigo_ec2_run_instances_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  g_assert_cmpstr (amigo_instance_get_image_id (g_ptr_array_index (instances, 0)), ==, image_id);
}

/* ---- launch templates --------------------------------------------------- */

static void
test_templates (void)
{
  g_autofree char *ubuntu = NULL;
  g_autofree char *debian = NULL;
  g_autofree char *reference = amigo_ec2_image_parameter_reference (DEBIAN_12_X86);
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v3 = NULL;
  g_autoptr(AmigoLaunchTemplate) modified = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  AmigoLaunchTemplateVersion *first = NULL;
  AmigoLaunchTemplateVersion *second = NULL;
  const char *id;
  const char *ids[2] = { NULL, NULL };
  AmigoEc2ListRequest request = { 0 };

  if (!have_server ())
    return;

  ubuntu = parameter_value (UBUNTU_2404_X86);
  debian = parameter_value (DEBIAN_12_X86);

  template = create_template (ubuntu);
  id = amigo_launch_template_get_launch_template_id (template);
  g_assert_true (g_str_has_prefix (id, "lt-"));
  g_assert_cmpint (amigo_launch_template_get_default_version_number (template), ==, 1);

  v2 = new_version (id, debian);
  g_assert_cmpint (amigo_launch_template_version_get_version_number (v2), ==, 2);
  g_assert_false (amigo_launch_template_version_get_default_version (v2));
  /* A version that always takes the newest image. */
  v3 = new_version (id, reference);
  g_assert_true (amigo_launch_template_version_refers_to_parameter (v3));

  amigo_ec2_modify_launch_template_async (env.ec2, id, "2", NULL, result_cb, next_result ());
  modified = amigo_ec2_modify_launch_template_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (amigo_launch_template_get_default_version_number (modified), ==, 2);

  ids[0] = id;
  request.ids = ids;
  amigo_ec2_describe_launch_templates_async (env.ec2, &request, NULL, result_cb, next_result ());
  templates = amigo_ec2_describe_launch_templates_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpint (amigo_launch_template_get_default_version_number (g_ptr_array_index (templates, 0)), ==, 2);
  g_assert_cmpint (amigo_launch_template_get_latest_version_number (g_ptr_array_index (templates, 0)), ==, 3);

  versions = describe_versions (id);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      AmigoLaunchTemplateVersion *v = g_ptr_array_index (versions, i);

      if (amigo_launch_template_version_get_version_number (v) == 1)
        first = v;
      if (amigo_launch_template_version_get_version_number (v) == 2)
        second = v;
    }
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (amigo_launch_template_version_get_image_id (first), ==, ubuntu);
  g_assert_cmpstr (amigo_launch_template_version_get_instance_type (first), ==, "t3.micro");
  /* The new version started from the latest: the type carried over. */
  g_assert_cmpstr (amigo_launch_template_version_get_instance_type (second), ==, "t3.micro");
  g_assert_true (amigo_launch_template_version_get_default_version (second));

  differences = amigo_launch_template_version_compare (first, second);
  g_assert_cmpuint (differences->len, >=, 1);
  {
    AmigoLaunchTemplateDifference *d = g_ptr_array_index (differences, 0);

    g_assert_cmpstr (d->old_value, ==, ubuntu);
    g_assert_cmpstr (d->new_value, ==, debian);
  }

  /* EC2's name rule, before any request. */
  g_assert_false (amigo_ec2_validate_launch_template_name ("a", NULL));
  g_assert_false (amigo_ec2_validate_launch_template_name ("with space", NULL));
  g_assert_true (amigo_ec2_validate_launch_template_name ("web-servers_(prod)/v1.0", NULL));
}

/* ---- rolling an image out ------------------------------------------------ */

static void
test_rollout (void)
{
  g_autofree char *ubuntu = NULL;
  g_autofree char *debian = NULL;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autoptr(AmigoAutoScalingGroup) group = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *refresh_id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  const char *template_id;

  if (!have_server ())
    return;

  ubuntu = parameter_value (UBUNTU_2404_X86);
  debian = parameter_value (DEBIAN_12_X86);
  template = create_template (ubuntu);
  template_id = amigo_launch_template_get_launch_template_id (template);
  group_name = create_group_for (template_id, 3);
  assert_instances_run (group_name, ubuntu);

  group = describe_group (group_name);
  g_assert_cmpstr (amigo_auto_scaling_group_get_launch_template_id (group), ==, template_id);
  g_assert_cmpstr (amigo_auto_scaling_group_get_launch_template_version (group), ==, "1");
  g_assert_cmpint (amigo_auto_scaling_group_get_desired_capacity (group), ==, 3);
  g_assert_cmpint (amigo_auto_scaling_group_get_min_size (group), ==, 1);
  g_assert_cmpint (amigo_auto_scaling_group_get_max_size (group), ==, 6);
  g_clear_object (&group);

  /* Roll out: a new version with the image, a refresh to it. */
  v2 = new_version (template_id, debian);
  refresh_id = start_refresh (group_name, template_id, "2", 50);

  /* One refresh at a time. */
  {
    AmigoInstanceRefreshRequest request = {
      .group_name = group_name, .min_healthy_percentage = -1, .instance_warmup = -1, .checkpoint_delay = -1,
    };

    amigo_autoscaling_start_instance_refresh_async (env.autoscaling, &request, NULL, result_cb, next_result ());
    again = amigo_autoscaling_start_instance_refresh_finish (env.autoscaling, await_result (), &error);
    g_assert_null (again);
    g_assert_true (amigo_aws_error_has_aws_code (error, "InstanceRefreshInProgress"));
    g_clear_error (&error);
  }

  status = wait_refresh (group_name, refresh_id);
  g_assert_cmpstr (status, ==, "Successful");
  assert_instances_run (group_name, debian);
  group = describe_group (group_name);
  g_assert_cmpstr (amigo_auto_scaling_group_get_launch_template_version (group), ==, "2");

  /* "Used by": the template's version 2 and the group launch the image. */
  {
    g_autoptr(GPtrArray) users = NULL;
    gboolean template_seen = FALSE, group_seen = FALSE;

    amigo_image_users_find_async (env.ec2, env.autoscaling, debian, NULL, result_cb, next_result ());
    users = amigo_image_users_find_finish (await_result (), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < users->len; i++)
      {
        AmigoImageUser *user = g_ptr_array_index (users, i);

        if (!user->is_group && g_strcmp0 (user->name, amigo_launch_template_get_launch_template_name (template)) == 0)
          template_seen = g_str_has_prefix (user->detail, "Version 2");
        if (user->is_group && g_strcmp0 (user->name, group_name) == 0)
          group_seen = TRUE;
      }
    g_assert_true (template_seen);
    g_assert_true (group_seen);
  }

  /* The group may also be pointed at a version directly. */
  {
    AmigoUpdateGroupRequest update = {
      .group_name = group_name, .launch_template_id = template_id, .launch_template_version = "1",
      .min_size = -1, .max_size = 5, .desired_capacity = -1,
    };
    g_autoptr(AmigoAutoScalingGroup) updated = NULL;

    amigo_autoscaling_update_auto_scaling_group_async (env.autoscaling, &update, NULL, result_cb, next_result ());
    g_assert_true (amigo_autoscaling_update_auto_scaling_group_finish (env.autoscaling, await_result (), &error));
    g_assert_no_error (error);
    updated = describe_group (group_name);
    g_assert_cmpstr (amigo_auto_scaling_group_get_launch_template_version (updated), ==, "1");
    g_assert_cmpint (amigo_auto_scaling_group_get_max_size (updated), ==, 5);
  }
}

static void
test_refresh_cancel_and_rollback (void)
{
  g_autofree char *ubuntu = NULL;
  g_autofree char *debian = NULL;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *refresh_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *cancelled_id = NULL;
  g_autofree char *rolled_id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;
  const char *template_id;

  if (!have_server ())
    return;

  ubuntu = parameter_value (UBUNTU_2404_X86);
  debian = parameter_value (DEBIAN_12_X86);
  template = create_template (ubuntu);
  template_id = amigo_launch_template_get_launch_template_id (template);
  group_name = create_group_for (template_id, 4);
  v2 = new_version (template_id, debian);

  /* Nothing to cancel yet. */
  amigo_autoscaling_cancel_instance_refresh_async (env.autoscaling, group_name, NULL, result_cb, next_result ());
  g_assert_null (amigo_autoscaling_cancel_instance_refresh_finish (env.autoscaling, await_result (), &error));
  g_assert_true (amigo_aws_error_has_aws_code (error, "ActiveInstanceRefreshNotFound"));
  g_clear_error (&error);

  /* Cancel: Cancelling, then Cancelled. */
  refresh_id = start_refresh (group_name, template_id, "2", 75);
  {
    g_autoptr(AmigoInstanceRefresh) refresh = describe_refresh (group_name, refresh_id);

    g_assert_cmpstr (amigo_instance_refresh_get_status (refresh), ==, "InProgress");
    g_assert_true (amigo_instance_refresh_status_can_cancel (amigo_instance_refresh_get_status (refresh)));
  }
  amigo_autoscaling_cancel_instance_refresh_async (env.autoscaling, group_name, NULL, result_cb, next_result ());
  cancelled_id = amigo_autoscaling_cancel_instance_refresh_finish (env.autoscaling, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cancelled_id, ==, refresh_id);
  status = wait_refresh (group_name, refresh_id);
  g_assert_cmpstr (status, ==, "Cancelled");

  /* Roll back: a refresh part way, then back to the image before it. */
  second_id = start_refresh (group_name, template_id, "2", 75);
  {
    g_autoptr(AmigoInstanceRefresh) pending = describe_refresh (group_name, second_id);
    g_autoptr(AmigoInstanceRefresh) moving = describe_refresh (group_name, second_id);

    g_assert_cmpstr (amigo_instance_refresh_get_status (moving), ==, "InProgress");
    g_assert_cmpint (amigo_instance_refresh_get_percentage_complete (moving), >, 0);
    g_assert_cmpint (amigo_instance_refresh_get_percentage_complete (moving), <, 100);
    g_assert_cmpint (amigo_instance_refresh_get_instances_to_update (moving), >, 0);
  }
  amigo_autoscaling_rollback_instance_refresh_async (env.autoscaling, group_name, NULL, result_cb, next_result ());
  rolled_id = amigo_autoscaling_rollback_instance_refresh_finish (env.autoscaling, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolled_id, ==, second_id);
  {
    g_autoptr(AmigoInstanceRefresh) refresh = describe_refresh (group_name, second_id);

    g_assert_true (g_str_has_prefix (amigo_instance_refresh_get_status (refresh), "Rollback"));
    g_assert_nonnull (amigo_instance_refresh_get_rollback_reason (refresh));
  }
  final = wait_refresh (group_name, second_id);
  g_assert_cmpstr (final, ==, "RollbackSuccessful");
  assert_instances_run (group_name, ubuntu);
}

static void
test_refresh_request_rules (void)
{
  static const gint falling[] = { 60, 40, 100 };
  static const gint short_of_all[] = { 20, 50 };
  AmigoInstanceRefreshRequest request = {
    .group_name = "g", .min_healthy_percentage = 90, .instance_warmup = -1, .checkpoint_delay = -1,
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (amigo_instance_refresh_request_validate (&request, NULL));
  request.min_healthy_percentage = 101;
  g_assert_false (amigo_instance_refresh_request_validate (&request, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  request.min_healthy_percentage = 90;
  request.checkpoint_percentages = falling;
  request.n_checkpoint_percentages = G_N_ELEMENTS (falling);
  g_assert_false (amigo_instance_refresh_request_validate (&request, NULL));
  request.checkpoint_percentages = short_of_all;
  request.n_checkpoint_percentages = G_N_ELEMENTS (short_of_all);
  g_assert_false (amigo_instance_refresh_request_validate (&request, NULL));
  g_assert_true (amigo_instance_refresh_status_is_final ("RollbackSuccessful"));
  g_assert_false (amigo_instance_refresh_status_is_final ("Cancelling"));
  g_assert_false (amigo_instance_refresh_status_can_roll_back ("RollbackInProgress"));
}

/* ---- the refresh as a task -------------------------------------------- */

#define ACCOUNT_ID "environment"

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static AmigoTaskManager *
new_task_manager (const char           *state_path,
                  AmigoAccountManager **out_accounts)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccountManager *accounts;
  AmigoTaskManager *manager;

  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  envp = g_environ_setenv (envp, "AWS_REGION", REGION, TRUE);
  envp = g_environ_unsetenv (envp, "AWS_PROFILE");
  accounts = amigo_account_manager_new (settings, (const char * const *) envp);
  amigo_account_manager_load_async (accounts, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (amigo_account_manager_load_finish (accounts, result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (amigo_account_manager_lookup (accounts, ACCOUNT_ID));

  manager = amigo_task_manager_new (accounts, state_path);
  amigo_task_manager_set_intervals_for_testing (manager, 20, 100);
  *out_accounts = accounts;
  return manager;
}

static gboolean
wait_task (AmigoTask *task,
           gboolean (*until) (AmigoTask *task))
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!until (task) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return until (task);
}

static gboolean
task_ended (AmigoTask *task)
{
  return amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING;
}

static gboolean
task_says_to_update (AmigoTask *task)
{
  const char *message = amigo_task_get_message (task);

  return task_ended (task)
         || (message != NULL && strstr (message, "to update") != NULL && amigo_task_get_percent (task) > 0);
}

static AmigoTask *
first_task (AmigoTaskManager *manager)
{
  GListModel *tasks = amigo_task_manager_get_tasks (manager);

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  return g_list_model_get_item (tasks, 0);
}

/* A roll-out followed by the task manager: its percentage and the
 * instances to update show as they come, it is saved in the state file,
 * a restarted manager resumes it, and it ends Successful with the group's
 * instances on the new image. */
static void
test_refresh_task (void)
{
  g_autofree char *tmp_dir = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *ubuntu = NULL;
  g_autofree char *debian = NULL;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *refresh_id = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoAccountManager) accounts2 = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTaskManager) restarted = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(AmigoTask) resumed = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  const char *template_id;

  if (!have_server ())
    return;

  tmp_dir = g_dir_make_tmp ("amigo-fleet-XXXXXX", &error);
  g_assert_no_error (error);
  state_path = g_build_filename (tmp_dir, "tasks.json", NULL);
  ubuntu = parameter_value (UBUNTU_2404_X86);
  debian = parameter_value (DEBIAN_12_X86);
  template = create_template (ubuntu);
  template_id = amigo_launch_template_get_launch_template_id (template);
  group_name = create_group_for (template_id, 3);
  v2 = new_version (template_id, debian);
  refresh_id = start_refresh (group_name, template_id, "2", 50);

  ids[0] = group_name;
  ids[1] = refresh_id;
  manager = new_task_manager (state_path, &accounts);
  task = amigo_task_new (AMIGO_TASK_KIND_INSTANCE_REFRESH, ACCOUNT_ID, REGION, ids, "Roll out");
  g_assert_true (amigo_task_get_can_cancel (task));
  g_assert_true (amigo_task_get_can_roll_back (task));
  amigo_task_manager_add (manager, task);
  g_assert_true (wait_task (task, task_says_to_update));
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_true (g_file_test (state_path, G_FILE_TEST_EXISTS));

  /* Amigo quits and starts again: the saved refresh is followed on. */
  g_clear_object (&manager);
  g_clear_object (&task);
  restarted = new_task_manager (state_path, &accounts2);
  while (g_list_model_get_n_items (amigo_task_manager_get_tasks (restarted)) == 0)
    g_main_context_iteration (NULL, TRUE);
  resumed = first_task (restarted);
  g_assert_cmpint (amigo_task_get_kind (resumed), ==, AMIGO_TASK_KIND_INSTANCE_REFRESH);
  g_assert_cmpstr (amigo_task_get_resource_ids (resumed)[1], ==, refresh_id);
  g_assert_true (wait_task (resumed, task_ended));
  g_assert_cmpint (amigo_task_get_state (resumed), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpint (amigo_task_get_percent (resumed), ==, 100);
  g_assert_false (amigo_task_get_can_roll_back (resumed));
  assert_instances_run (group_name, debian);

  g_clear_object (&restarted);
  g_unlink (state_path);
  g_rmdir (tmp_dir);
}

static void
stop_from_task (gboolean roll_back)
{
  g_autofree char *ubuntu = NULL;
  g_autofree char *debian = NULL;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *refresh_id = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  const char *template_id;
  gboolean ok;

  ubuntu = parameter_value (UBUNTU_2404_X86);
  debian = parameter_value (DEBIAN_12_X86);
  template = create_template (ubuntu);
  template_id = amigo_launch_template_get_launch_template_id (template);
  group_name = create_group_for (template_id, 4);
  v2 = new_version (template_id, debian);
  refresh_id = start_refresh (group_name, template_id, "2", 75);

  ids[0] = group_name;
  ids[1] = refresh_id;
  manager = new_task_manager (NULL, &accounts);
  task = amigo_task_new (AMIGO_TASK_KIND_INSTANCE_REFRESH, ACCOUNT_ID, REGION, ids, "Roll out");
  amigo_task_manager_add (manager, task);
  g_assert_true (wait_task (task, task_says_to_update));
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);

  if (roll_back)
    amigo_task_manager_roll_back_async (manager, task, NULL, store_result_cb, &result);
  else
    amigo_task_manager_cancel_async (manager, task, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = roll_back ? amigo_task_manager_roll_back_finish (manager, result, &error)
                 : amigo_task_manager_cancel_finish (manager, result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_true (wait_task (task, task_ended));
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_CANCELLED);
  g_assert_cmpstr (amigo_task_get_message (task), ==,
                   roll_back ? "The instance refresh was rolled back." : "The instance refresh was cancelled.");
  if (roll_back)
    assert_instances_run (group_name, ubuntu);
  g_assert_false (amigo_task_get_can_cancel (task));
}

/* Cancel and Roll Back from the task: Auto Scaling is asked, the task
 * follows the refresh until it is Cancelled or RollbackSuccessful. */
static void
test_refresh_task_cancel_and_rollback (void)
{
  if (!have_server ())
    return;
  stop_from_task (FALSE);
  stop_from_task (TRUE);
}

int
main (int    argc,
      char **argv)
{
  const char *key_id;
  const char *secret;
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  secret = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  env.run_id = g_strdup_printf ("%08x", g_random_int ());
  if (env.endpoint != NULL)
    {
      g_autoptr(AmigoCredentials) credentials = amigo_credentials_new (key_id, secret, NULL, 0);

      env.client = amigo_client_new (credentials);
      env.ec2 = amigo_ec2_new (env.client, REGION, env.endpoint);
      env.ssm = amigo_ssm_new (env.client, REGION, env.endpoint);
      env.autoscaling = amigo_autoscaling_new (env.client, REGION, env.endpoint);
    }

  g_test_add_func ("/fleet/quick-start/regions-and-architectures", test_quick_start_regions);
  g_test_add_func ("/fleet/ssm/by-path-pages", test_ssm_paging);
  g_test_add_func ("/fleet/ssm/get-parameters-ten-at-a-time", test_ssm_get_parameters_many);
  g_test_add_func ("/fleet/launch/resolve-ssm", test_launch_resolve_ssm);
  g_test_add_func ("/fleet/templates/create-version-default-compare", test_templates);
  g_test_add_func ("/fleet/refresh/rollout", test_rollout);
  g_test_add_func ("/fleet/refresh/cancel-and-rollback", test_refresh_cancel_and_rollback);
  g_test_add_func ("/fleet/refresh/request-rules", test_refresh_request_rules);
  g_test_add_func ("/fleet/refresh/task", test_refresh_task);
  g_test_add_func ("/fleet/refresh/task-cancel-and-rollback", test_refresh_task_cancel_and_rollback);

  status = g_test_run ();

  g_clear_object (&last_result);
  g_clear_object (&env.autoscaling);
  g_clear_object (&env.ssm);
  g_clear_object (&env.ec2);
  g_clear_object (&env.client);
  g_free (env.run_id);
  return status;
}
