/* amigo-auto-scaling-group.h — an Auto Scaling group and its instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AmigoAutoScalingInstance:
 * @instance_id: `InstanceId`
 * @instance_type: (nullable): `InstanceType`
 * @availability_zone: (nullable): `AvailabilityZone`
 * @lifecycle_state: (nullable): `LifecycleState`, e.g. `InService`
 * @health_status: (nullable): `HealthStatus`: `Healthy` or `Unhealthy`
 * @image_id: (nullable): `ImageId`: the image it was launched from
 * @launch_template_version: (nullable): the version of the group's launch
 *   template it was launched from (`LaunchTemplate.Version`)
 *
 * One instance of a group, as DescribeAutoScalingGroups lists it.
 */
typedef struct {
  char *instance_id;
  char *instance_type;
  char *availability_zone;
  char *lifecycle_state;
  char *health_status;
  char *image_id;
  char *launch_template_version;
} AmigoAutoScalingInstance;

#define AMIGO_TYPE_AUTO_SCALING_GROUP (amigo_auto_scaling_group_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAutoScalingGroup, amigo_auto_scaling_group, AMIGO, AUTO_SCALING_GROUP, GObject)

AmigoAutoScalingGroup *amigo_auto_scaling_group_new_from_json (JsonObject *object);

const char *amigo_auto_scaling_group_get_name                    (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_arn                     (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_launch_template_id      (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_launch_template_name    (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_launch_template_version (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_launch_configuration_name (AmigoAutoScalingGroup *self);
const char *amigo_auto_scaling_group_get_status                  (AmigoAutoScalingGroup *self);
gint        amigo_auto_scaling_group_get_min_size                (AmigoAutoScalingGroup *self);
gint        amigo_auto_scaling_group_get_max_size                (AmigoAutoScalingGroup *self);
gint        amigo_auto_scaling_group_get_desired_capacity        (AmigoAutoScalingGroup *self);
const AmigoAutoScalingInstance *
            amigo_auto_scaling_group_get_instances               (AmigoAutoScalingGroup *self,
                                                                  guint                 *n_instances);

G_END_DECLS
