/* amigo-task-watch-vm.c — following VM Import/Export and store tasks
 *
 * An import is polled with DescribeImportImageTasks (its status message
 * and progress shown as they come: pending, converting, updating,
 * booting, preparing ami), an export with DescribeExportImageTasks, a
 * store with DescribeStoreImageTasks. A restored image is an image like
 * any other (amigo-task-watch.c). Polling and backoff are the watch's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"
#include "amigo-task-upload.h"

/* ---- imports ---------------------------------------------------------- */

static void
import_tasks_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  AmigoImportTask *import;
  const char *status;

  /* An image's import, or a snapshot's (amigo-task-import-snapshot.c). */
  if (g_async_result_is_tagged (result, amigo_ec2_describe_import_snapshot_tasks_async))
    tasks = amigo_ec2_describe_import_snapshot_tasks_finish (AMIGO_EC2 (source), result, &error);
  else
    tasks = amigo_ec2_describe_import_image_tasks_finish (AMIGO_EC2 (source), result, &error);
  if (tasks == NULL && amigo_aws_error_has_aws_code (error, "InvalidConversionTaskId"))
    {
      g_autofree char *message = NULL;

      if (_amigo_task_watch_is_stopped (watch))
        return;
      watch->in_flight = FALSE;
      /* Translators: %s is an import task id, e.g. import-ami-0123 */
      message = g_strdup_printf (_("AWS no longer knows the import task %s."),
                                 amigo_task_get_resource_ids (watch->task)[0]);
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
      return;
    }
  if (!_amigo_task_watch_answered (watch, tasks, error, "InvalidConversionTaskId"))
    return;
  if (tasks->len == 0)
    {
      _amigo_task_watch_progress (watch, NULL, amigo_task_get_percent (watch->task), NULL);
      return;
    }

  import = g_ptr_array_index (tasks, 0);
  watch->seen = TRUE;
  status = amigo_import_task_get_status (import);
  if (g_strcmp0 (status, AMIGO_IMPORT_TASK_COMPLETED) == 0 && amigo_task_upload_is_snapshot (watch->task))
    {
      _amigo_task_watch_register_snapshot (watch, amigo_import_task_get_snapshot_id (import));
      return;
    }
  if (g_strcmp0 (status, AMIGO_IMPORT_TASK_COMPLETED) == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, amigo_import_task_get_image_id (import));
      return;
    }
  if (g_strcmp0 (status, AMIGO_IMPORT_TASK_DELETED) == 0)
    {
      const char *message = amigo_import_task_get_status_message (import);

      _amigo_task_watch_finish (watch, watch->cancelling ? AMIGO_TASK_STATE_CANCELLED : AMIGO_TASK_STATE_FAILED,
                                message != NULL && *message != '\0' ? message
                                : _("AWS deleted the import task and gives no reason."));
      return;
    }
  _amigo_task_watch_progress (watch, amigo_import_task_get_status_message (import),
                              amigo_import_task_get_progress (import),
                              amigo_import_task_get_status_message (import));
}

static void
cancel_import_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) gtask = user_data;
  Watch *watch = g_task_get_task_data (gtask);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  state = amigo_ec2_cancel_import_task_finish (AMIGO_EC2 (source), result, &error);
  if (_amigo_task_watch_cancel_lost (watch, gtask))
    return;
  watch->cancelling = FALSE;
  if (state == NULL)
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  _amigo_task_watch_cancelled (watch, gtask, _("The import was stopped."));
}

void
_amigo_task_watch_cancel_import (Watch *watch,
                                 GTask *gtask)
{
  amigo_ec2_cancel_import_task_async (watch->ec2, amigo_task_get_resource_ids (watch->task)[0],
                                      /* Sent to EC2 as the reason: not translated. */
                                      "Cancelled in Amigo", g_task_get_cancellable (gtask),
                                      cancel_import_cb, gtask);
}

/* ---- exports ---------------------------------------------------------- */

static void
export_tasks_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  AmigoExportImageTask *export;
  const char *status;

  tasks = amigo_ec2_describe_export_image_tasks_finish (AMIGO_EC2 (source), result, &error);
  if (!_amigo_task_watch_answered (watch, tasks, error, "InvalidExportImageTaskId"))
    return;
  if (tasks->len == 0)
    {
      _amigo_task_watch_progress (watch, NULL, amigo_task_get_percent (watch->task), NULL);
      return;
    }

  export = g_ptr_array_index (tasks, 0);
  watch->seen = TRUE;
  status = amigo_export_image_task_get_status (export);
  if (g_strcmp0 (status, "completed") == 0)
    {
      if (_amigo_task_watch_run_download (watch))
        return;
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, NULL);
      return;
    }
  if (g_strcmp0 (status, "deleted") == 0)
    {
      const char *message = amigo_export_image_task_get_status_message (export);

      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED,
                                message != NULL && *message != '\0' ? message
                                : _("AWS deleted the export task and gives no reason."));
      return;
    }
  _amigo_task_watch_progress (watch, amigo_export_image_task_get_status_message (export),
                              amigo_export_image_task_get_progress (export),
                              amigo_export_image_task_get_status_message (export));
}

/* ---- storing in S3 ---------------------------------------------------- */

static void
store_tasks_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  AmigoStoreImageTask *store;
  const char *state;

  tasks = amigo_ec2_describe_store_image_tasks_finish (AMIGO_EC2 (source), result, &error);
  if (!_amigo_task_watch_answered (watch, tasks, error, "InvalidAMIID"))
    return;
  if (tasks->len == 0)
    {
      _amigo_task_watch_progress (watch, NULL, amigo_task_get_percent (watch->task), NULL);
      return;
    }

  store = g_ptr_array_index (tasks, 0);
  watch->seen = TRUE;
  state = amigo_store_image_task_get_store_task_state (store);
  if (g_strcmp0 (state, AMIGO_STORE_TASK_COMPLETED) == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, NULL);
      return;
    }
  if (g_strcmp0 (state, AMIGO_STORE_TASK_FAILED) == 0)
    {
      const char *reason = amigo_store_image_task_get_failure_reason (store);

      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED,
                                reason != NULL && *reason != '\0' ? reason
                                : _("AWS could not store the image and gives no reason."));
      return;
    }
  _amigo_task_watch_progress (watch, state, amigo_store_image_task_get_progress_percentage (store), NULL);
}

gboolean
_amigo_task_watch_poll_vm (Watch *watch)
{
  /* Only the first id is the task's (the second is where its file goes). */
  const char *ids[2] = { amigo_task_get_resource_ids (watch->task)[0], NULL };

  switch (amigo_task_get_kind (watch->task))
    {
    case AMIGO_TASK_KIND_IMPORT_IMAGE:
      if (_amigo_task_watch_poll_import_snapshot (watch, import_tasks_cb))
        return TRUE;
      amigo_ec2_describe_import_image_tasks_async (watch->ec2, ids, watch->cancellable,
                                                   import_tasks_cb, _amigo_task_watch_ref (watch));
      return TRUE;
    case AMIGO_TASK_KIND_EXPORT_IMAGE:
      amigo_ec2_describe_export_image_tasks_async (watch->ec2, ids, watch->cancellable,
                                                   export_tasks_cb, _amigo_task_watch_ref (watch));
      return TRUE;
    case AMIGO_TASK_KIND_STORE_IMAGE:
      amigo_ec2_describe_store_image_tasks_async (watch->ec2, ids, watch->cancellable,
                                                  store_tasks_cb, _amigo_task_watch_ref (watch));
      return TRUE;
    case AMIGO_TASK_KIND_CREATE_IMAGE:
    case AMIGO_TASK_KIND_REGISTER_IMAGE:
    case AMIGO_TASK_KIND_COPY_IMAGE:
    case AMIGO_TASK_KIND_LAUNCH:
    case AMIGO_TASK_KIND_RESTORE_IMAGE:
    case AMIGO_TASK_KIND_INSTANCE_REFRESH:
    default:
      return FALSE;
    }
}
