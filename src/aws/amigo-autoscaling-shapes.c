/* amigo-autoscaling-shapes.c — the Auto Scaling operations Amigo uses, the
 * members it sends and reads, as botocore's model (2011-01-01) has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written until the models generated from botocore take their place.
 */
#include "config.h"

#include "amigo-autoscaling-model.h"

const AmigoServiceModel amigo_autoscaling_model = {
  .protocol = AMIGO_PROTOCOL_QUERY,
  .api_version = "2011-01-01",
  .signing_name = "autoscaling",
};

#define STRUCTURE(var, shape_name, members_) \
  static const AmigoShape var = { .type = AMIGO_SHAPE_STRUCTURE, .name = shape_name, \
                                  .members = members_, .n_members = G_N_ELEMENTS (members_) }
#define LIST_OF(var, item_shape) \
  static const AmigoMember var##_item = { .shape = &item_shape }; \
  static const AmigoShape var = { .type = AMIGO_SHAPE_LIST, .item = &var##_item }
#define M(member_name, shape_) { .name = member_name, .shape = &shape_ }

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
static const AmigoShape boolean_shape = { .type = AMIGO_SHAPE_BOOLEAN };
static const AmigoShape integer_shape = { .type = AMIGO_SHAPE_INTEGER };
static const AmigoShape timestamp_shape = { .type = AMIGO_SHAPE_TIMESTAMP };

LIST_OF (string_list_shape, string_shape);
LIST_OF (integer_list_shape, integer_shape);

/* LaunchTemplateSpecification */
static const AmigoMember template_spec_members[] = {
  M ("LaunchTemplateId", string_shape),
  M ("LaunchTemplateName", string_shape),
  M ("Version", string_shape),
};
STRUCTURE (template_spec_shape, "LaunchTemplateSpecification", template_spec_members);

/* Instance (of a group) */
static const AmigoMember instance_members[] = {
  M ("InstanceId", string_shape),
  M ("InstanceType", string_shape),
  M ("AvailabilityZone", string_shape),
  M ("LifecycleState", string_shape),
  M ("HealthStatus", string_shape),
  M ("LaunchTemplate", template_spec_shape),
  M ("ImageId", string_shape),
  M ("ProtectedFromScaleIn", boolean_shape),
};
STRUCTURE (instance_shape, "Instance", instance_members);
LIST_OF (instance_list_shape, instance_shape);

/* AutoScalingGroup */
static const AmigoMember group_members[] = {
  M ("AutoScalingGroupName", string_shape),
  M ("AutoScalingGroupARN", string_shape),
  M ("LaunchConfigurationName", string_shape),
  M ("LaunchTemplate", template_spec_shape),
  M ("MinSize", integer_shape),
  M ("MaxSize", integer_shape),
  M ("DesiredCapacity", integer_shape),
  M ("Instances", instance_list_shape),
  M ("CreatedTime", timestamp_shape),
  M ("Status", string_shape),
};
STRUCTURE (group_shape, "AutoScalingGroup", group_members);
LIST_OF (group_list_shape, group_shape);

/* DescribeAutoScalingGroups */
static const AmigoMember describe_groups_input_members[] = {
  M ("AutoScalingGroupNames", string_list_shape),
  M ("NextToken", string_shape),
  M ("MaxRecords", integer_shape),
};
STRUCTURE (describe_groups_input_shape, "AutoScalingGroupNamesType", describe_groups_input_members);
static const AmigoMember describe_groups_input = { .shape = &describe_groups_input_shape };

static const AmigoMember describe_groups_output_members[] = {
  M ("AutoScalingGroups", group_list_shape),
  M ("NextToken", string_shape),
};
STRUCTURE (describe_groups_output_shape, "AutoScalingGroupsType", describe_groups_output_members);
static const AmigoMember describe_groups_output = { .shape = &describe_groups_output_shape };

const AmigoOperation amigo_autoscaling_op_describe_auto_scaling_groups = {
  .name = "DescribeAutoScalingGroups",
  .http_method = "POST",
  .request_uri = "/",
  .input = &describe_groups_input,
  .output = &describe_groups_output,
  .result_wrapper = "DescribeAutoScalingGroupsResult",
};

/* UpdateAutoScalingGroup */
static const AmigoMember update_group_input_members[] = {
  M ("AutoScalingGroupName", string_shape),
  M ("LaunchTemplate", template_spec_shape),
  M ("MinSize", integer_shape),
  M ("MaxSize", integer_shape),
  M ("DesiredCapacity", integer_shape),
};
STRUCTURE (update_group_input_shape, "UpdateAutoScalingGroupType", update_group_input_members);
static const AmigoMember update_group_input = { .shape = &update_group_input_shape };

const AmigoOperation amigo_autoscaling_op_update_auto_scaling_group = {
  .name = "UpdateAutoScalingGroup",
  .http_method = "POST",
  .request_uri = "/",
  .input = &update_group_input,
};

/* RefreshPreferences, DesiredConfiguration */
static const AmigoMember preferences_members[] = {
  M ("MinHealthyPercentage", integer_shape),
  M ("InstanceWarmup", integer_shape),
  M ("CheckpointPercentages", integer_list_shape),
  M ("CheckpointDelay", integer_shape),
  M ("SkipMatching", boolean_shape),
  M ("AutoRollback", boolean_shape),
};
STRUCTURE (preferences_shape, "RefreshPreferences", preferences_members);

static const AmigoMember desired_members[] = {
  M ("LaunchTemplate", template_spec_shape),
};
STRUCTURE (desired_shape, "DesiredConfiguration", desired_members);

/* StartInstanceRefresh */
static const AmigoMember start_input_members[] = {
  M ("AutoScalingGroupName", string_shape),
  M ("Strategy", string_shape),
  M ("DesiredConfiguration", desired_shape),
  M ("Preferences", preferences_shape),
};
STRUCTURE (start_input_shape, "StartInstanceRefreshType", start_input_members);
static const AmigoMember start_input = { .shape = &start_input_shape };

static const AmigoMember refresh_id_members[] = {
  M ("InstanceRefreshId", string_shape),
};
STRUCTURE (refresh_id_shape, "InstanceRefreshIdAnswer", refresh_id_members);
static const AmigoMember refresh_id_output = { .shape = &refresh_id_shape };

const AmigoOperation amigo_autoscaling_op_start_instance_refresh = {
  .name = "StartInstanceRefresh",
  .http_method = "POST",
  .request_uri = "/",
  .input = &start_input,
  .output = &refresh_id_output,
  .result_wrapper = "StartInstanceRefreshResult",
};

/* InstanceRefresh */
static const AmigoMember rollback_details_members[] = {
  M ("RollbackReason", string_shape),
  M ("RollbackStartTime", timestamp_shape),
  M ("PercentageCompleteOnRollback", integer_shape),
  M ("InstancesToUpdateOnRollback", integer_shape),
};
STRUCTURE (rollback_details_shape, "RollbackDetails", rollback_details_members);

static const AmigoMember refresh_members[] = {
  M ("InstanceRefreshId", string_shape),
  M ("AutoScalingGroupName", string_shape),
  M ("Status", string_shape),
  M ("StatusReason", string_shape),
  M ("StartTime", timestamp_shape),
  M ("EndTime", timestamp_shape),
  M ("PercentageComplete", integer_shape),
  M ("InstancesToUpdate", integer_shape),
  M ("Preferences", preferences_shape),
  M ("DesiredConfiguration", desired_shape),
  M ("RollbackDetails", rollback_details_shape),
};
STRUCTURE (refresh_shape, "InstanceRefresh", refresh_members);
LIST_OF (refresh_list_shape, refresh_shape);

/* DescribeInstanceRefreshes */
static const AmigoMember describe_refreshes_input_members[] = {
  M ("AutoScalingGroupName", string_shape),
  M ("InstanceRefreshIds", string_list_shape),
  M ("NextToken", string_shape),
  M ("MaxRecords", integer_shape),
};
STRUCTURE (describe_refreshes_input_shape, "DescribeInstanceRefreshesType", describe_refreshes_input_members);
static const AmigoMember describe_refreshes_input = { .shape = &describe_refreshes_input_shape };

static const AmigoMember describe_refreshes_output_members[] = {
  M ("InstanceRefreshes", refresh_list_shape),
  M ("NextToken", string_shape),
};
STRUCTURE (describe_refreshes_output_shape, "DescribeInstanceRefreshesAnswer", describe_refreshes_output_members);
static const AmigoMember describe_refreshes_output = { .shape = &describe_refreshes_output_shape };

const AmigoOperation amigo_autoscaling_op_describe_instance_refreshes = {
  .name = "DescribeInstanceRefreshes",
  .http_method = "POST",
  .request_uri = "/",
  .input = &describe_refreshes_input,
  .output = &describe_refreshes_output,
  .result_wrapper = "DescribeInstanceRefreshesResult",
};

/* CancelInstanceRefresh, RollbackInstanceRefresh */
static const AmigoMember group_name_members[] = {
  M ("AutoScalingGroupName", string_shape),
};
STRUCTURE (group_name_shape, "CancelInstanceRefreshType", group_name_members);
static const AmigoMember group_name_input = { .shape = &group_name_shape };

const AmigoOperation amigo_autoscaling_op_cancel_instance_refresh = {
  .name = "CancelInstanceRefresh",
  .http_method = "POST",
  .request_uri = "/",
  .input = &group_name_input,
  .output = &refresh_id_output,
  .result_wrapper = "CancelInstanceRefreshResult",
};

const AmigoOperation amigo_autoscaling_op_rollback_instance_refresh = {
  .name = "RollbackInstanceRefresh",
  .http_method = "POST",
  .request_uri = "/",
  .input = &group_name_input,
  .output = &refresh_id_output,
  .result_wrapper = "RollbackInstanceRefreshResult",
};
