/* amigo-instance-refresh.c — an instance refresh of an Auto Scaling group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-instance-refresh.h"
#include "amigo-getter-private.h"
#include "amigo-json-private.h"

struct _AmigoInstanceRefresh
{
  GObject parent_instance;

  char *id;
  char *group_name;
  char *status;
  char *status_reason;
  char *launch_template_id;
  char *launch_template_version;
  char *rollback_reason;
  gint percentage_complete;
  gint instances_to_update;
  gint rollback_percentage_complete;
  gint64 start_time_usec;
  gint64 end_time_usec;
  gboolean auto_rollback;
};

G_DEFINE_FINAL_TYPE (AmigoInstanceRefresh, amigo_instance_refresh, G_TYPE_OBJECT)

static void
amigo_instance_refresh_finalize (GObject *object)
{
  AmigoInstanceRefresh *self = AMIGO_INSTANCE_REFRESH (object);

  g_free (self->id);
  g_free (self->group_name);
  g_free (self->status);
  g_free (self->status_reason);
  g_free (self->launch_template_id);
  g_free (self->launch_template_version);
  g_free (self->rollback_reason);
  G_OBJECT_CLASS (amigo_instance_refresh_parent_class)->finalize (object);
}

static void
amigo_instance_refresh_class_init (AmigoInstanceRefreshClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_instance_refresh_finalize;
}

static void
amigo_instance_refresh_init (AmigoInstanceRefresh *self)
{
  self->percentage_complete = self->instances_to_update = -1;
  self->rollback_percentage_complete = -1;
}

/**
 * amigo_instance_refresh_new_from_json:
 * @object: an `InstanceRefresh` as the protocol parsed it
 *
 * Returns: (transfer full): the refresh
 */
AmigoInstanceRefresh *
amigo_instance_refresh_new_from_json (JsonObject *object)
{
  AmigoInstanceRefresh *self = g_object_new (AMIGO_TYPE_INSTANCE_REFRESH, NULL);
  JsonObject *desired = _amigo_json_object_member (object, "DesiredConfiguration");
  JsonObject *template = _amigo_json_object_member (desired, "LaunchTemplate");
  JsonObject *preferences = _amigo_json_object_member (object, "Preferences");
  JsonObject *rollback = _amigo_json_object_member (object, "RollbackDetails");

  self->id = _amigo_json_dup_member (object, "InstanceRefreshId");
  self->group_name = _amigo_json_dup_member (object, "AutoScalingGroupName");
  self->status = _amigo_json_dup_member (object, "Status");
  self->status_reason = _amigo_json_dup_member (object, "StatusReason");
  self->percentage_complete = json_object_get_int_member_with_default (object, "PercentageComplete", -1);
  self->instances_to_update = json_object_get_int_member_with_default (object, "InstancesToUpdate", -1);
  self->start_time_usec = _amigo_json_usec_member (object, "StartTime");
  self->end_time_usec = _amigo_json_usec_member (object, "EndTime");
  self->launch_template_id = _amigo_json_dup_member (template, "LaunchTemplateId");
  self->launch_template_version = _amigo_json_dup_member (template, "Version");
  if (preferences != NULL)
    self->auto_rollback = json_object_get_boolean_member_with_default (preferences, "AutoRollback", FALSE);
  self->rollback_reason = _amigo_json_dup_member (rollback, "RollbackReason");
  if (rollback != NULL)
    self->rollback_percentage_complete =
      json_object_get_int_member_with_default (rollback, "PercentageCompleteOnRollback", -1);
  return self;
}

#define GETTER(Ret, field) AMIGO_DEFINE_FIELD_GETTER (AmigoInstanceRefresh, amigo_instance_refresh, AMIGO_IS_INSTANCE_REFRESH, Ret, field, (Ret) 0)

/* Strings are %NULL and numbers -1 (times 0) when Auto Scaling left them
 * out; the launch template is the refresh's desired configuration. */
GETTER (const char *, id)
GETTER (const char *, group_name)
GETTER (const char *, status)
GETTER (const char *, status_reason)
GETTER (gint, percentage_complete)
GETTER (gint, instances_to_update)
GETTER (gint64, start_time_usec)
GETTER (gint64, end_time_usec)
GETTER (const char *, launch_template_id)
GETTER (const char *, launch_template_version)
GETTER (const char *, rollback_reason)
GETTER (gint, rollback_percentage_complete)
GETTER (gboolean, auto_rollback)

/**
 * amigo_instance_refresh_status_is_final:
 * @status: (nullable): an `InstanceRefresh.Status`
 *
 * Auto Scaling API reference, InstanceRefresh Status: `Successful`,
 * `Failed`, `Cancelled`, `RollbackFailed` and `RollbackSuccessful` end a
 * refresh; `Pending`, `InProgress`, `Cancelling`, `RollbackInProgress` and
 * `Baking` are on the way.
 *
 * Returns: whether nothing more will happen to the refresh
 */
gboolean
amigo_instance_refresh_status_is_final (const char *status)
{
  static const char * const final[] = {
    "Successful", "Failed", "Cancelled", "RollbackFailed", "RollbackSuccessful", NULL,
  };

  return status != NULL && g_strv_contains (final, status);
}

/**
 * amigo_instance_refresh_status_can_cancel:
 * @status: (nullable): an `InstanceRefresh.Status`
 *
 * CancelInstanceRefresh "Cancels an instance refresh or rollback that is
 * in progress": a refresh that is pending, in progress, baking or rolling
 * back.
 *
 * Returns: whether CancelInstanceRefresh applies
 */
gboolean
amigo_instance_refresh_status_can_cancel (const char *status)
{
  static const char * const active[] = {
    "Pending", "InProgress", "Baking", "RollbackInProgress", NULL,
  };

  return status != NULL && g_strv_contains (active, status);
}

/**
 * amigo_instance_refresh_status_can_roll_back:
 * @status: (nullable): an `InstanceRefresh.Status`
 *
 * RollbackInstanceRefresh "Cancels an instance refresh that is in progress
 * and rolls back any changes that it made": a refresh that is pending, in
 * progress or baking.
 *
 * Returns: whether RollbackInstanceRefresh applies
 */
gboolean
amigo_instance_refresh_status_can_roll_back (const char *status)
{
  static const char * const active[] = { "Pending", "InProgress", "Baking", NULL };

  return status != NULL && g_strv_contains (active, status);
}
