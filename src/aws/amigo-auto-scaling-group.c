/* amigo-auto-scaling-group.c — an Auto Scaling group and its instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-auto-scaling-group.h"
#include "amigo-getter-private.h"
#include "amigo-json-private.h"

struct _AmigoAutoScalingGroup
{
  GObject parent_instance;

  char *name;
  char *arn;
  char *launch_template_id;
  char *launch_template_name;
  char *launch_template_version;
  char *launch_configuration_name;
  char *status;
  gint min_size;
  gint max_size;
  gint desired_capacity;
  AmigoAutoScalingInstance *instances;
  guint n_instances;
};

G_DEFINE_FINAL_TYPE (AmigoAutoScalingGroup, amigo_auto_scaling_group, G_TYPE_OBJECT)

static void
amigo_auto_scaling_group_finalize (GObject *object)
{
  AmigoAutoScalingGroup *self = AMIGO_AUTO_SCALING_GROUP (object);

  g_free (self->name);
  g_free (self->arn);
  g_free (self->launch_template_id);
  g_free (self->launch_template_name);
  g_free (self->launch_template_version);
  g_free (self->launch_configuration_name);
  g_free (self->status);
  for (guint i = 0; i < self->n_instances; i++)
    {
      AmigoAutoScalingInstance *instance = &self->instances[i];

      g_free (instance->instance_id);
      g_free (instance->instance_type);
      g_free (instance->availability_zone);
      g_free (instance->lifecycle_state);
      g_free (instance->health_status);
      g_free (instance->image_id);
      g_free (instance->launch_template_version);
    }
  g_free (self->instances);
  G_OBJECT_CLASS (amigo_auto_scaling_group_parent_class)->finalize (object);
}

static void
amigo_auto_scaling_group_class_init (AmigoAutoScalingGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_auto_scaling_group_finalize;
}

static void
amigo_auto_scaling_group_init (AmigoAutoScalingGroup *self)
{
  self->min_size = self->max_size = self->desired_capacity = -1;
}

/**
 * amigo_auto_scaling_group_new_from_json:
 * @object: an `AutoScalingGroup` as the protocol parsed it
 *
 * Returns: (transfer full): the group
 */
AmigoAutoScalingGroup *
amigo_auto_scaling_group_new_from_json (JsonObject *object)
{
  AmigoAutoScalingGroup *self = g_object_new (AMIGO_TYPE_AUTO_SCALING_GROUP, NULL);
  JsonObject *template = _amigo_json_object_member (object, "LaunchTemplate");
  JsonArray *instances = NULL;

  self->name = _amigo_json_dup_member (object, "AutoScalingGroupName");
  self->arn = _amigo_json_dup_member (object, "AutoScalingGroupARN");
  self->launch_template_id = _amigo_json_dup_member (template, "LaunchTemplateId");
  self->launch_template_name = _amigo_json_dup_member (template, "LaunchTemplateName");
  self->launch_template_version = _amigo_json_dup_member (template, "Version");
  self->launch_configuration_name = _amigo_json_dup_member (object, "LaunchConfigurationName");
  self->status = _amigo_json_dup_member (object, "Status");
  self->min_size = json_object_get_int_member_with_default (object, "MinSize", -1);
  self->max_size = json_object_get_int_member_with_default (object, "MaxSize", -1);
  self->desired_capacity = json_object_get_int_member_with_default (object, "DesiredCapacity", -1);

  if (json_object_has_member (object, "Instances"))
    instances = json_object_get_array_member (object, "Instances");
  self->n_instances = instances != NULL ? json_array_get_length (instances) : 0;
  self->instances = g_new0 (AmigoAutoScalingInstance, MAX (self->n_instances, 1));
  for (guint i = 0; i < self->n_instances; i++)
    {
      JsonObject *item = json_array_get_object_element (instances, i);
      AmigoAutoScalingInstance *instance = &self->instances[i];

      instance->instance_id = _amigo_json_dup_member (item, "InstanceId");
      instance->instance_type = _amigo_json_dup_member (item, "InstanceType");
      instance->availability_zone = _amigo_json_dup_member (item, "AvailabilityZone");
      instance->lifecycle_state = _amigo_json_dup_member (item, "LifecycleState");
      instance->health_status = _amigo_json_dup_member (item, "HealthStatus");
      instance->image_id = _amigo_json_dup_member (item, "ImageId");
      instance->launch_template_version = _amigo_json_dup_member (_amigo_json_object_member (item, "LaunchTemplate"), "Version");
    }
  return self;
}

#define GETTER(Ret, field) AMIGO_DEFINE_FIELD_GETTER (AmigoAutoScalingGroup, amigo_auto_scaling_group, AMIGO_IS_AUTO_SCALING_GROUP, Ret, field, (Ret) 0)

/**
 * amigo_auto_scaling_group_get_name: (skip)
 * amigo_auto_scaling_group_get_arn: (skip)
 * amigo_auto_scaling_group_get_launch_template_id: (skip)
 * amigo_auto_scaling_group_get_launch_template_name: (skip)
 * amigo_auto_scaling_group_get_launch_template_version: (skip)
 *
 * The group's `LaunchTemplate` (%NULL when it launches from a launch
 * configuration or a mixed instances policy): its version as the group
 * names it — a number, `$Latest` or `$Default`.
 */
GETTER (const char *, name)
GETTER (const char *, arn)
GETTER (const char *, launch_template_id)
GETTER (const char *, launch_template_name)
GETTER (const char *, launch_template_version)
GETTER (const char *, launch_configuration_name)
GETTER (const char *, status)
/* Sizes: -1 when not given */
GETTER (gint, min_size)
GETTER (gint, max_size)
GETTER (gint, desired_capacity)

/**
 * amigo_auto_scaling_group_get_instances:
 * @self: a group
 * @n_instances: (out) (optional): how many
 *
 * Returns: (transfer none) (array length=n_instances): its instances
 */
const AmigoAutoScalingInstance *
amigo_auto_scaling_group_get_instances (AmigoAutoScalingGroup *self,
                                        guint                 *n_instances)
{
  g_return_val_if_fail (AMIGO_IS_AUTO_SCALING_GROUP (self), NULL);
  if (n_instances != NULL)
    *n_instances = self->n_instances;
  return self->instances;
}
