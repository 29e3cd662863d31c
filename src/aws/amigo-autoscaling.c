/* amigo-autoscaling.c — Amazon EC2 Auto Scaling: groups and instance refreshes
 *
 * An #AmigoService over the Auto Scaling model
 * (amigo-autoscaling-model.h, generated from src/aws/models/autoscaling.json), speaking the AWS query protocol; each
 * operation builds its parameters as JSON, calls, and turns the answer
 * into models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-autoscaling.h"
#include "amigo-autoscaling-model.h"
#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-json-private.h"
#include "amigo-service-pages.h"

/* DescribeAutoScalingGroups: "The maximum value is 100". */
#define GROUPS_PAGE_SIZE 100
/* DescribeInstanceRefreshes: "Maximum value of 100". */
#define REFRESHES_PAGE_SIZE 100

struct _AmigoAutoscaling
{
  AmigoService parent_instance;
};

AMIGO_DEFINE_SERVICE (AmigoAutoscaling, amigo_autoscaling, AMIGO_TYPE_AUTOSCALING,
                      &amigo_autoscaling_model, "autoscaling")

/* ---- helpers ---------------------------------------------------------- */

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_template (JsonBuilder *builder,
              const char  *name,
              const char  *template_id,
              const char  *version)
{
  if (template_id == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "LaunchTemplateId", template_id);
  _amigo_json_add_string (builder, "Version", version);
  json_builder_end_object (builder);
}

/* ---- lists, page after page ------------------------------------------ */

typedef GObject *(*NewFromJson) (JsonObject *object);

/* The objects of @output's @list_member, made by @new_item, into @items. */
static void
collect_objects (JsonObject  *output,
                 const char  *list_member,
                 NewFromJson  new_item,
                 GPtrArray   *items)
{
  JsonArray *list = NULL;

  if (json_object_has_member (output, list_member))
    list = json_object_get_array_member (output, list_member);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);

      if (item != NULL)
        g_ptr_array_add (items, new_item (item));
    }
}

static void
collect_groups (JsonObject *output,
                GPtrArray  *items)
{
  collect_objects (output, "AutoScalingGroups", (NewFromJson) amigo_auto_scaling_group_new_from_json, items);
}

static void
collect_refreshes (JsonObject *output,
                   GPtrArray  *items)
{
  collect_objects (output, "InstanceRefreshes", (NewFromJson) amigo_instance_refresh_new_from_json, items);
}

/* Describe…, every page: the items of @group_name (if given) and @ids
 * (every one when %NULL), @collect reading each page. */
static void
describe_async (AmigoAutoscaling     *self,
                const AmigoOperation *operation,
                const char           *group_name,
                const char           *ids_key,
                const char * const   *ids,
                guint                 page_size,
                AmigoServicePageFunc  collect,
                GCancellable         *cancellable,
                GAsyncReadyCallback   callback,
                gpointer              user_data,
                gpointer              source_tag)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "AutoScalingGroupName", group_name);
  add_strv (builder, ids_key, ids);
  add_int (builder, "MaxRecords", page_size);
  json_builder_end_object (builder);
  amigo_service_call_pages_async (AMIGO_SERVICE (self), operation, json_builder_get_root (builder),
                                  collect, g_object_unref,
                                  g_strdup (_("Auto Scaling kept answering more pages. Try again later.")),
                                  source_tag, cancellable, callback, user_data);
}

/* ---- simple calls ----------------------------------------------------- */

static void
answer_true (GTask      *task,
             JsonObject *output)
{
  g_task_return_boolean (task, TRUE);
}

static void
answer_refresh_id (GTask      *task,
                   JsonObject *output)
{
  const char *id = json_object_get_string_member_with_default (output, "InstanceRefreshId", NULL);

  if (id == NULL || *id == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("Auto Scaling answered without the instance refresh’s ID."));
      return;
    }
  g_task_return_pointer (task, g_strdup (id), g_free);
}

static void
call_async (AmigoAutoscaling          *self,
            const AmigoServiceTypedOp *op,
            JsonBuilder               *builder,
            GCancellable              *cancellable,
            GAsyncReadyCallback        callback,
            gpointer                   user_data)
{
  g_autoptr(JsonNode) params = json_builder_get_root (builder);

  amigo_service_call_typed_async (AMIGO_SERVICE (self), op, params, cancellable, callback, user_data);
}

/* Defines amigo_autoscaling_<op>_finish of a result of type @Ret. */
#define DEFINE_FINISH_POINTER(Ret, op) \
  AMIGO_DEFINE_TAGGED_FINISH_POINTER (AmigoAutoscaling, Ret, amigo_autoscaling_##op)

/* ---- DescribeAutoScalingGroups ---------------------------------------- */

/**
 * amigo_autoscaling_describe_auto_scaling_groups_async:
 * @self: an #AmigoAutoscaling
 * @names: (array zero-terminated=1) (nullable): the groups; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeAutoScalingGroups, every page: the groups with their launch
 * template and instances (and the image each instance runs).
 */
void
amigo_autoscaling_describe_auto_scaling_groups_async (AmigoAutoscaling    *self,
                                                      const char * const  *names,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_AUTOSCALING (self));

  describe_async (self, &amigo_autoscaling_op_describe_auto_scaling_groups, NULL,
                  "AutoScalingGroupNames", names, GROUPS_PAGE_SIZE, collect_groups, cancellable,
                  callback, user_data, amigo_autoscaling_describe_auto_scaling_groups_async);
}

/**
 * amigo_autoscaling_describe_auto_scaling_groups_finish:
 *
 * Returns: (transfer container) (element-type AmigoAutoScalingGroup) (nullable):
 *   the groups, or %NULL with @error set
 */
DEFINE_FINISH_POINTER (GPtrArray *, describe_auto_scaling_groups)

/* ---- UpdateAutoScalingGroup ------------------------------------------- */

static const AmigoServiceTypedOp update_auto_scaling_group_op = {
  &amigo_autoscaling_op_update_auto_scaling_group, answer_true,
  amigo_autoscaling_update_auto_scaling_group_async
};

/**
 * amigo_autoscaling_update_auto_scaling_group_async:
 * @self: an #AmigoAutoscaling
 * @request: what to change
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when Auto Scaling has answered
 * @user_data: data for @callback
 *
 * UpdateAutoScalingGroup: the launch template (and version) new instances
 * start from, and the group's sizes. Instances already running keep their
 * image until they are replaced (an instance refresh).
 */
void
amigo_autoscaling_update_auto_scaling_group_async (AmigoAutoscaling              *self,
                                                   const AmigoUpdateGroupRequest *request,
                                                   GCancellable                  *cancellable,
                                                   GAsyncReadyCallback            callback,
                                                   gpointer                       user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (AMIGO_IS_AUTOSCALING (self));
  g_return_if_fail (request != NULL && request->group_name != NULL);

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "AutoScalingGroupName", request->group_name);
  add_template (builder, "LaunchTemplate", request->launch_template_id, request->launch_template_version);
  add_int (builder, "MinSize", request->min_size);
  add_int (builder, "MaxSize", request->max_size);
  add_int (builder, "DesiredCapacity", request->desired_capacity);
  json_builder_end_object (builder);
  call_async (self, &update_auto_scaling_group_op, builder, cancellable, callback, user_data);
}

/**
 * amigo_autoscaling_update_auto_scaling_group_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
AMIGO_DEFINE_FINISH_BOOLEAN (AmigoAutoscaling, amigo_autoscaling_update_auto_scaling_group)

/* ---- StartInstanceRefresh --------------------------------------------- */

/**
 * amigo_instance_refresh_request_validate:
 * @request: a refresh
 * @error: where to put what is wrong
 *
 * What the Auto Scaling API reference allows of RefreshPreferences:
 * MinHealthyPercentage "0–100"; CheckpointPercentages "Values must be
 * unique and in ascending order. To replace all instances, the final
 * number must be 100"; InstanceWarmup and CheckpointDelay are seconds
 * (0 or more; CheckpointDelay at most 172800, two days).
 *
 * Returns: %TRUE when Auto Scaling can take @request
 */
gboolean
amigo_instance_refresh_request_validate (const AmigoInstanceRefreshRequest  *request,
                                         GError                            **error)
{
  g_return_val_if_fail (request != NULL, FALSE);

  if (request->group_name == NULL || *request->group_name == '\0')
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Choose the Auto Scaling group to refresh."));
      return FALSE;
    }
  if (request->min_healthy_percentage > 100)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The minimum healthy percentage must be between 0 and 100."));
      return FALSE;
    }
  if (request->checkpoint_delay > 172800)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The wait at a checkpoint can be at most two days (172800 seconds)."));
      return FALSE;
    }
  for (guint i = 0; i < request->n_checkpoint_percentages; i++)
    {
      gint p = request->checkpoint_percentages[i];

      if (p < 1 || p > 100 || (i > 0 && p <= request->checkpoint_percentages[i - 1]))
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                       _("Checkpoints must be percentages from 1 to 100, each greater than the one before."));
          return FALSE;
        }
    }
  if (request->n_checkpoint_percentages > 0
      && request->checkpoint_percentages[request->n_checkpoint_percentages - 1] != 100)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The last checkpoint must be 100%%, so that every instance is replaced."));
      return FALSE;
    }
  return TRUE;
}

static const AmigoServiceTypedOp start_instance_refresh_op = {
  &amigo_autoscaling_op_start_instance_refresh, answer_refresh_id,
  amigo_autoscaling_start_instance_refresh_async
};

/**
 * amigo_autoscaling_start_instance_refresh_async:
 * @self: an #AmigoAutoscaling
 * @request: the refresh
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when Auto Scaling has accepted (or refused) it
 * @user_data: data for @callback
 *
 * StartInstanceRefresh with the `Rolling` strategy. With a desired
 * configuration, Auto Scaling moves the group to it once the refresh
 * succeeds ("After the instance refresh succeeds, Amazon EC2 Auto Scaling
 * updates the settings of the Auto Scaling group to reflect the new
 * desired configuration"), and a rollback can bring the previous one back.
 * A request amigo_instance_refresh_request_validate() refuses fails at once.
 */
void
amigo_autoscaling_start_instance_refresh_async (AmigoAutoscaling                  *self,
                                                const AmigoInstanceRefreshRequest *request,
                                                GCancellable                      *cancellable,
                                                GAsyncReadyCallback                callback,
                                                gpointer                           user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;

  g_return_if_fail (AMIGO_IS_AUTOSCALING (self));
  g_return_if_fail (request != NULL);

  if (!amigo_instance_refresh_request_validate (request, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_autoscaling_start_instance_refresh_async, error);
      return;
    }

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "AutoScalingGroupName", request->group_name);
  _amigo_json_add_string (builder, "Strategy", "Rolling");
  if (request->launch_template_id != NULL)
    {
      json_builder_set_member_name (builder, "DesiredConfiguration");
      json_builder_begin_object (builder);
      add_template (builder, "LaunchTemplate", request->launch_template_id, request->launch_template_version);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "Preferences");
  json_builder_begin_object (builder);
  add_int (builder, "MinHealthyPercentage", request->min_healthy_percentage);
  add_int (builder, "InstanceWarmup", request->instance_warmup);
  if (request->n_checkpoint_percentages > 0)
    {
      json_builder_set_member_name (builder, "CheckpointPercentages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < request->n_checkpoint_percentages; i++)
        json_builder_add_int_value (builder, request->checkpoint_percentages[i]);
      json_builder_end_array (builder);
      add_int (builder, "CheckpointDelay", request->checkpoint_delay);
    }
  json_builder_set_member_name (builder, "SkipMatching");
  json_builder_add_boolean_value (builder, request->skip_matching);
  json_builder_set_member_name (builder, "AutoRollback");
  json_builder_add_boolean_value (builder, request->auto_rollback);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  call_async (self, &start_instance_refresh_op, builder, cancellable, callback, user_data);
}

/**
 * amigo_autoscaling_start_instance_refresh_finish:
 *
 * Returns: (transfer full) (nullable): the refresh's id, or %NULL with @error set
 */
DEFINE_FINISH_POINTER (char *, start_instance_refresh)

/* ---- DescribeInstanceRefreshes ---------------------------------------- */

/**
 * amigo_autoscaling_describe_instance_refreshes_async:
 * @self: an #AmigoAutoscaling
 * @group_name: the group
 * @refresh_ids: (array zero-terminated=1) (nullable): the refreshes; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstanceRefreshes, every page: status, percentage complete,
 * instances still to update, status reason.
 */
void
amigo_autoscaling_describe_instance_refreshes_async (AmigoAutoscaling    *self,
                                                     const char          *group_name,
                                                     const char * const  *refresh_ids,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_AUTOSCALING (self));
  g_return_if_fail (group_name != NULL);

  describe_async (self, &amigo_autoscaling_op_describe_instance_refreshes, group_name,
                  "InstanceRefreshIds", refresh_ids, REFRESHES_PAGE_SIZE, collect_refreshes,
                  cancellable, callback, user_data, amigo_autoscaling_describe_instance_refreshes_async);
}

/**
 * amigo_autoscaling_describe_instance_refreshes_finish:
 *
 * Returns: (transfer container) (element-type AmigoInstanceRefresh) (nullable):
 *   the refreshes, newest first, or %NULL with @error set
 */
DEFINE_FINISH_POINTER (GPtrArray *, describe_instance_refreshes)

/* ---- CancelInstanceRefresh, RollbackInstanceRefresh ------------------- */

static void
group_call_async (AmigoAutoscaling          *self,
                  const AmigoServiceTypedOp *op,
                  const char                *group_name,
                  GCancellable              *cancellable,
                  GAsyncReadyCallback        callback,
                  gpointer                   user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (AMIGO_IS_AUTOSCALING (self));
  g_return_if_fail (group_name != NULL);

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "AutoScalingGroupName", group_name);
  json_builder_end_object (builder);
  call_async (self, op, builder, cancellable, callback, user_data);
}

/* Defines amigo_autoscaling_<op>_async (self, group_name, …) and _finish of
 * the operation on a group's refresh in progress, answering its id. */
#define DEFINE_GROUP_CALL(op)                                                        \
  static const AmigoServiceTypedOp op##_op = {                                       \
    &amigo_autoscaling_op_##op, answer_refresh_id, amigo_autoscaling_##op##_async    \
  };                                                                                 \
                                                                                     \
  void                                                                               \
  amigo_autoscaling_##op##_async (AmigoAutoscaling    *self,                         \
                                  const char          *group_name,                   \
                                  GCancellable        *cancellable,                  \
                                  GAsyncReadyCallback  callback,                     \
                                  gpointer             user_data)                    \
  {                                                                                  \
    group_call_async (self, &op##_op, group_name, cancellable, callback, user_data); \
  }                                                                                  \
                                                                                     \
  DEFINE_FINISH_POINTER (char *, op)

/**
 * amigo_autoscaling_cancel_instance_refresh_async:
 * @self: an #AmigoAutoscaling
 * @group_name: the group whose refresh (or rollback) in progress to cancel
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when Auto Scaling has answered
 * @user_data: data for @callback
 *
 * CancelInstanceRefresh: the refresh goes `Cancelling`, then `Cancelled`;
 * instances already replaced stay replaced. Its _finish returns (transfer
 * full) (nullable) the refresh's id, or %NULL with @error set.
 */
DEFINE_GROUP_CALL (cancel_instance_refresh)

/**
 * amigo_autoscaling_rollback_instance_refresh_async:
 * @self: an #AmigoAutoscaling
 * @group_name: the group whose refresh in progress to roll back
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when Auto Scaling has answered
 * @user_data: data for @callback
 *
 * RollbackInstanceRefresh: the refresh goes `RollbackInProgress`, the
 * instances it replaced are replaced again with the previous
 * configuration, then `RollbackSuccessful`. Its _finish returns (transfer
 * full) (nullable) the refresh's id, or %NULL with @error set.
 */
DEFINE_GROUP_CALL (rollback_instance_refresh)
