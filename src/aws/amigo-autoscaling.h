/* amigo-autoscaling.h — Amazon EC2 Auto Scaling: groups, and rolling an
 * image out to them (instance refresh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-auto-scaling-group.h"
#include "amigo-instance-refresh.h"
#include "amigo-service.h"

G_BEGIN_DECLS

/**
 * AmigoUpdateGroupRequest:
 * @group_name: `AutoScalingGroupName`
 * @launch_template_id: (nullable): `LaunchTemplate.LaunchTemplateId`
 * @launch_template_version: (nullable): `LaunchTemplate.Version`: a number,
 *   `$Latest` or `$Default`
 * @min_size: `MinSize`, -1 to leave it
 * @max_size: `MaxSize`, -1 to leave it
 * @desired_capacity: `DesiredCapacity`, -1 to leave it
 *
 * What UpdateAutoScalingGroup changes.
 */
typedef struct {
  const char *group_name;
  const char *launch_template_id;
  const char *launch_template_version;
  gint min_size;
  gint max_size;
  gint desired_capacity;
} AmigoUpdateGroupRequest;

/**
 * AmigoInstanceRefreshRequest:
 * @group_name: `AutoScalingGroupName`
 * @launch_template_id: (nullable): `DesiredConfiguration.LaunchTemplate`:
 *   the template the group moves to (%NULL: replace the instances with the
 *   group's current configuration)
 * @launch_template_version: (nullable): its version
 * @min_healthy_percentage: `Preferences.MinHealthyPercentage` (0–100), -1
 *   for Auto Scaling's default (90)
 * @instance_warmup: `Preferences.InstanceWarmup` in seconds, -1 for the
 *   group's default
 * @checkpoint_percentages: (array length=n_checkpoint_percentages) (nullable):
 *   `Preferences.CheckpointPercentages`, rising, the last 100
 * @n_checkpoint_percentages: how many
 * @checkpoint_delay: `Preferences.CheckpointDelay` in seconds, -1 for the
 *   default (one hour)
 * @skip_matching: `Preferences.SkipMatching`: leave instances that already
 *   run the desired configuration
 * @auto_rollback: `Preferences.AutoRollback`: roll back when the refresh fails
 *
 * What StartInstanceRefresh asks (the `Rolling` strategy).
 */
typedef struct {
  const char *group_name;
  const char *launch_template_id;
  const char *launch_template_version;
  gint min_healthy_percentage;
  gint instance_warmup;
  const gint *checkpoint_percentages;
  guint n_checkpoint_percentages;
  gint checkpoint_delay;
  gboolean skip_matching;
  gboolean auto_rollback;
} AmigoInstanceRefreshRequest;

gboolean amigo_instance_refresh_request_validate (const AmigoInstanceRefreshRequest *request,
                                                  GError                           **error);

#define AMIGO_TYPE_AUTOSCALING (amigo_autoscaling_get_type ())

/**
 * AmigoAutoscaling:
 *
 * Amazon EC2 Auto Scaling in one region of one account: an #AmigoService
 * speaking the AWS query protocol.
 */
AMIGO_DECLARE_SERVICE (AmigoAutoscaling, amigo_autoscaling, AMIGO, AUTOSCALING)

AMIGO_DECLARE_ASYNC (AmigoAutoscaling, GPtrArray *, amigo_autoscaling_describe_auto_scaling_groups,
                     const char * const *names);
AMIGO_DECLARE_ASYNC (AmigoAutoscaling, gboolean, amigo_autoscaling_update_auto_scaling_group,
                     const AmigoUpdateGroupRequest *request);
AMIGO_DECLARE_ASYNC (AmigoAutoscaling, char *, amigo_autoscaling_start_instance_refresh,
                     const AmigoInstanceRefreshRequest *request);
AMIGO_DECLARE_ASYNC (AmigoAutoscaling, GPtrArray *, amigo_autoscaling_describe_instance_refreshes,
                     const char *group_name,
                     const char * const *refresh_ids);
AMIGO_DECLARE_ASYNC (AmigoAutoscaling, char *, amigo_autoscaling_cancel_instance_refresh,
                     const char *group_name);
AMIGO_DECLARE_ASYNC (AmigoAutoscaling, char *, amigo_autoscaling_rollback_instance_refresh,
                     const char *group_name);

G_END_DECLS
