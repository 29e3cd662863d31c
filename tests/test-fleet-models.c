/* test-fleet-models.c — the SSM and Auto Scaling requests and answers
 * through the protocol code the compliance suites prove (JSON 1.1, AWS
 * query), with the models generated from botocore; the Quick Start
 * catalog's reading of parameter names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-autoscaling-model.h"
#include "amigo-quick-start.h"
#include "amigo-request.h"
#include "amigo-ssm-model.h"

static char *
body_of (AmigoRequest *request)
{
  GBytes *body = amigo_request_get_body (request);
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);

  return g_strndup (data, len);
}

static void
test_ssm_by_path_request (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"Path\": \"/aws/service/debian\", \"Recursive\": true,"
                                                 " \"MaxResults\": 10, \"NextToken\": \"t1\"}", NULL);
  g_autoptr(AmigoRequest) request = amigo_protocol_serialize (&amigo_ssm_model, &amigo_ssm_op_get_parameters_by_path,
                                                              params, &error);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *obj;

  g_assert_no_error (error);
  g_assert_cmpstr (amigo_request_get_header (request, "X-Amz-Target"), ==, "AmazonSSM.GetParametersByPath");
  g_assert_cmpstr (amigo_request_get_content_type (request), ==, "application/x-amz-json-1.1");
  g_assert_cmpstr (amigo_request_get_method (request), ==, "POST");
  body = body_of (request);
  sent = json_from_string (body, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (sent);
  g_assert_cmpstr (json_object_get_string_member (obj, "Path"), ==, "/aws/service/debian");
  g_assert_true (json_object_get_boolean_member (obj, "Recursive"));
  g_assert_cmpint (json_object_get_int_member (obj, "MaxResults"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (obj, "NextToken"), ==, "t1");
}

static void
test_ssm_answer (void)
{
  static const char answer[] =
    "{\"Parameters\": [{\"Name\": \"/aws/service/debian/release/12/latest/amd64\", \"Type\": \"String\","
    " \"Value\": \"ami-0123456789abcdef0\", \"Version\": 42, \"LastModifiedDate\": 1763424000.5,"
    " \"DataType\": \"aws:ec2:image\"}], \"NextToken\": \"next\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = amigo_protocol_parse (&amigo_ssm_model, &amigo_ssm_op_get_parameters_by_path, 200,
                                                     NULL, answer, strlen (answer), &error);
  JsonObject *p;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (parsed), "NextToken"), ==, "next");
  p = json_array_get_object_element (json_object_get_array_member (json_node_get_object (parsed), "Parameters"), 0);
  g_assert_cmpstr (json_object_get_string_member (p, "Value"), ==, "ami-0123456789abcdef0");
  g_assert_cmpint (json_object_get_int_member (p, "Version"), ==, 42);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "LastModifiedDate"), 1763424000.5, 0.001);
}

static void
test_start_refresh_request (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = json_from_string (
    "{\"AutoScalingGroupName\": \"web\", \"Strategy\": \"Rolling\","
    " \"DesiredConfiguration\": {\"LaunchTemplate\": {\"LaunchTemplateId\": \"lt-1\", \"Version\": \"3\"}},"
    " \"Preferences\": {\"MinHealthyPercentage\": 90, \"InstanceWarmup\": 300,"
    " \"CheckpointPercentages\": [50, 100], \"AutoRollback\": true}}", NULL);
  g_autoptr(AmigoRequest) request = amigo_protocol_serialize (&amigo_autoscaling_model,
                                                              &amigo_autoscaling_op_start_instance_refresh,
                                                              params, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = body_of (request);
  g_assert_nonnull (strstr (body, "Action=StartInstanceRefresh"));
  g_assert_nonnull (strstr (body, "Version=2011-01-01"));
  g_assert_nonnull (strstr (body, "DesiredConfiguration.LaunchTemplate.LaunchTemplateId=lt-1"));
  g_assert_nonnull (strstr (body, "Preferences.CheckpointPercentages.member.1=50"));
  g_assert_nonnull (strstr (body, "Preferences.CheckpointPercentages.member.2=100"));
  g_assert_nonnull (strstr (body, "Preferences.AutoRollback=true"));
}

static void
test_catalog_names (void)
{
  static const struct {
    const char *parameter;
    const char *system;
    const char *version;
    const char *title;
    const char *architecture;
  } cases[] = {
    { "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "amazon-linux", "2023", "Amazon Linux 2023", "arm64" },
    { "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "ubuntu", "24.04", "Ubuntu Server 24.04 LTS", "x86_64" },
    { "/aws/service/debian/release/12/latest/arm64", "debian", "12", "Debian 12", "arm64" },
    { "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base", "windows", "2022", "Windows Server 2022", "x86_64" },
    { "/aws/service/suse/sles/15-sp6/x86_64/latest", "suse", "15-sp6", "SUSE Linux Enterprise Server 15 SP6", "x86_64" },
    { "/aws/service/bottlerocket/aws-k8s-1.31/arm64/latest/image_id", "bottlerocket", "1.31", "Bottlerocket for Kubernetes 1.31", "arm64" },
    { "/aws/service/ec2-macos/sonoma/arm64_mac/latest/image_id", "macos", "sonoma", "macOS Sonoma", "arm64_mac" },
  };
  static const char * const unknown[] = {
    "/aws/service/canonical/ubuntu/server/23.04/stable/current/amd64/hvm/ebs-gp3/ami-id",  /* not LTS */
    "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64",
    "/aws/service/ami-windows-latest/Windows_Server-2022-Korean-Full-Base",
    "/golden-ami",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoQuickStartEntry) entry = amigo_quick_start_entry_new_from_parameter (cases[i].parameter, "ami-1");

      g_assert_nonnull (entry);
      g_assert_cmpstr (amigo_quick_start_entry_get_system (entry), ==, cases[i].system);
      g_assert_cmpstr (amigo_quick_start_entry_get_version (entry), ==, cases[i].version);
      g_assert_cmpstr (amigo_quick_start_entry_get_title (entry), ==, cases[i].title);
      g_assert_nonnull (amigo_quick_start_entry_get_image_for (entry, cases[i].architecture));
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_null (amigo_quick_start_entry_new_from_parameter (unknown[i], "ami-1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fleet-models/ssm/by-path-request", test_ssm_by_path_request);
  g_test_add_func ("/fleet-models/ssm/answer", test_ssm_answer);
  g_test_add_func ("/fleet-models/autoscaling/start-refresh-request", test_start_refresh_request);
  g_test_add_func ("/fleet-models/quick-start/catalog-names", test_catalog_names);
  return g_test_run ();
}
