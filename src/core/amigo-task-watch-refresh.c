/* amigo-task-watch-refresh.c — following an Auto Scaling instance refresh
 *
 * A refresh (resources: the group's name, the refresh id) is polled with
 * DescribeInstanceRefreshes: its percentage complete, the instances still
 * to update and the status reason shown as they come. Successful ends it
 * well; Cancelled and RollbackSuccessful end it cancelled; Failed and
 * RollbackFailed end it failed. Cancel (CancelInstanceRefresh) and Roll
 * Back (RollbackInstanceRefresh) only ask: the refresh is followed until
 * Auto Scaling says it is over. Polling and backoff are the watch's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"

static char *
refresh_message (AmigoInstanceRefresh *refresh)
{
  const char *status = amigo_instance_refresh_get_status (refresh);
  const char *reason = amigo_instance_refresh_get_status_reason (refresh);
  gint to_update = amigo_instance_refresh_get_instances_to_update (refresh);
  g_autofree char *counted = NULL;

  /* Translators: an instance refresh's status (AWS's word, e.g. InProgress)
   * and how many instances it has still to replace */
  counted = g_strdup_printf (ngettext ("%s: %d instance to update", "%s: %d instances to update",
                                       MAX (to_update, 0)),
                             status != NULL ? status : "", MAX (to_update, 0));
  if (reason == NULL || *reason == '\0')
    return g_steal_pointer (&counted);
  /* Translators: the refresh's status and count, then AWS's reason */
  return g_strdup_printf (_("%s: %s"), counted, reason);
}

static void
refreshes_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refreshes = NULL;
  g_autofree char *message = NULL;
  AmigoInstanceRefresh *refresh;
  const char *status;
  const char *reason;
  gint percent;

  refreshes = amigo_autoscaling_describe_instance_refreshes_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (!_amigo_task_watch_answered (watch, refreshes, error, "ValidationError"))
    return;
  if (refreshes->len == 0)
    {
      _amigo_task_watch_progress (watch, NULL, amigo_task_get_percent (watch->task),
                                  amigo_task_get_message (watch->task));
      return;
    }

  refresh = g_ptr_array_index (refreshes, 0);
  watch->seen = TRUE;
  status = amigo_instance_refresh_get_status (refresh);
  reason = amigo_instance_refresh_get_status_reason (refresh);
  message = refresh_message (refresh);
  if (g_strcmp0 (status, "Successful") == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, NULL);
      return;
    }
  if (g_strcmp0 (status, "Cancelled") == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_CANCELLED, _("The instance refresh was cancelled."));
      return;
    }
  if (g_strcmp0 (status, "RollbackSuccessful") == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_CANCELLED, _("The instance refresh was rolled back."));
      return;
    }
  if (amigo_instance_refresh_status_is_final (status))
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED,
                                reason != NULL && *reason != '\0' ? reason : status);
      return;
    }

  percent = g_str_has_prefix (status != NULL ? status : "", "Rollback")
            ? amigo_instance_refresh_get_rollback_percentage_complete (refresh)
            : amigo_instance_refresh_get_percentage_complete (refresh);
  _amigo_task_watch_progress (watch, message, percent, message);
}

gboolean
_amigo_task_watch_poll_refresh (Watch *watch)
{
  const char * const *resources = amigo_task_get_resource_ids (watch->task);
  const char *ids[2] = { NULL, NULL };

  if (amigo_task_get_kind (watch->task) != AMIGO_TASK_KIND_INSTANCE_REFRESH)
    return FALSE;
  ids[0] = resources[1];
  amigo_autoscaling_describe_instance_refreshes_async (watch->autoscaling, resources[0], ids,
                                                       watch->cancellable, refreshes_cb,
                                                       _amigo_task_watch_ref (watch));
  return TRUE;
}

static void
stop_refresh_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) gtask = user_data;
  Watch *watch = g_task_get_task_data (gtask);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == amigo_autoscaling_cancel_instance_refresh_async)
    id = amigo_autoscaling_cancel_instance_refresh_finish (AMIGO_AUTOSCALING (source), result, &error);
  else
    id = amigo_autoscaling_rollback_instance_refresh_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (_amigo_task_watch_cancel_lost (watch, gtask))
    return;
  if (id == NULL)
    {
      watch->cancelling = FALSE;
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  /* Auto Scaling goes on through Cancelling or RollbackInProgress: the
   * polls say when it is over. */
  g_task_return_boolean (gtask, TRUE);
}

void
_amigo_task_watch_stop_refresh (Watch    *watch,
                                gboolean  roll_back,
                                GTask    *gtask)
{
  const char *group = amigo_task_get_resource_ids (watch->task)[0];

  if (roll_back)
    amigo_autoscaling_rollback_instance_refresh_async (watch->autoscaling, group, g_task_get_cancellable (gtask),
                                                       stop_refresh_cb, gtask);
  else
    amigo_autoscaling_cancel_instance_refresh_async (watch->autoscaling, group, g_task_get_cancellable (gtask),
                                                     stop_refresh_cb, gtask);
}
