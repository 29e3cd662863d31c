/* amigo-task-download.c — an export whose file Amigo downloads at the end
 *
 * The export dialog may hand the task manager an export task whose
 * pending work (amigo_task_get_pending()) is
 *
 *     { "download": { "path": "/home/…/disk.vmdk", "etag": "\"…\"" } }
 *
 * When DescribeExportImageTasks says the export is completed, the object
 * (the task's second resource id, s3://bucket/key) is downloaded with
 * AmigoS3Download: ranged gets into PATH.part, renamed at the end, with
 * the bytes, speed and time left in the task. The object's ETag is saved
 * in the task state file at the first progress, so that after a restart
 * the download resumes from PATH.part only for that same object (the
 * export is found completed again, and the download goes on).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-s3-download.h"
#include "amigo-task-download.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"

/**
 * amigo_task_download_pending_new:
 * @path: the local file the exported disk goes to
 *
 * Returns: (transfer full): the pending work of an export task that
 *   downloads its file
 */
JsonNode *
amigo_task_download_pending_new (const char *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (path != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "download");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonObject *
download_object (JsonNode *pending)
{
  JsonNode *node;

  if (pending == NULL || !JSON_NODE_HOLDS_OBJECT (pending))
    return NULL;
  node = json_object_get_member (json_node_get_object (pending), "download");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * amigo_task_download_get_path:
 * @pending: (nullable): an export task's pending work
 *
 * Returns: (nullable): the local file it downloads to
 */
const char *
amigo_task_download_get_path (JsonNode *pending)
{
  JsonObject *download = download_object (pending);

  return download != NULL ? json_object_get_string_member_with_default (download, "path", NULL) : NULL;
}

static void
on_download_progress_cb (AmigoS3Download *download,
                         Watch           *watch)
{
  JsonObject *saved = download_object (amigo_task_get_pending (watch->task));
  const char *etag = amigo_s3_download_get_etag (download);

  if (_amigo_task_watch_is_stopped (watch))
    return;
  if (saved != NULL && etag != NULL
      && g_strcmp0 (json_object_get_string_member_with_default (saved, "etag", NULL), etag) != 0)
    {
      json_object_set_string_member (saved, "etag", etag);
      _amigo_task_manager_save (watch->manager);
    }
  _amigo_task_watch_show_transfer (watch, FALSE, amigo_s3_download_get_bytes_done (download),
                                   amigo_s3_download_get_size (download), amigo_s3_download_get_speed (download),
                                   amigo_s3_download_get_seconds_left (download));
}

static void
download_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  if (!amigo_s3_download_run_finish (AMIGO_S3_DOWNLOAD (source), result, &error)
      && (_amigo_task_watch_is_stopped (watch) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    return;
  if (_amigo_task_watch_is_stopped (watch))
    return;
  watch->in_flight = FALSE;
  path = g_strdup (amigo_s3_download_get_dest_path (AMIGO_S3_DOWNLOAD (source)));
  g_signal_handlers_disconnect_by_data (source, watch);
  g_clear_object (&watch->download);
  if (error != NULL)
    {
      /* Translators: the exported object (s3://…), then why the download failed */
      message = g_strdup_printf (_("Exported to %s, but the download failed: %s"),
                                 amigo_task_get_resource_ids (watch->task)[1], error->message);
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
      return;
    }
  amigo_task_set_pending (watch->task, NULL);
  /* Translators: %s is the local file the exported disk was saved to */
  message = g_strdup_printf (_("Downloaded to %s"), path);
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, message);
}

/* Called when the export is completed: TRUE when the task downloads its
 * file (the download then ends the task), FALSE when it does not. */
gboolean
_amigo_task_watch_run_download (Watch *watch)
{
  JsonObject *saved = download_object (amigo_task_get_pending (watch->task));
  const char * const *ids = amigo_task_get_resource_ids (watch->task);
  const char *path = saved != NULL ? json_object_get_string_member_with_default (saved, "path", NULL) : NULL;
  const char *etag = saved != NULL ? json_object_get_string_member_with_default (saved, "etag", NULL) : NULL;
  g_autofree char *bucket = NULL;
  const char *slash;

  if (amigo_task_get_kind (watch->task) != AMIGO_TASK_KIND_EXPORT_IMAGE || path == NULL)
    return FALSE;
  if (watch->download != NULL)
    return TRUE;
  if (ids == NULL || ids[0] == NULL || ids[1] == NULL || !g_str_has_prefix (ids[1], "s3://")
      || (slash = strchr (ids[1] + 5, '/')) == NULL || watch->s3 == NULL)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, _("The saved export cannot be read."));
      return TRUE;
    }
  bucket = g_strndup (ids[1] + 5, (gsize) (slash - (ids[1] + 5)));
  watch->download = amigo_s3_download_new (watch->s3, bucket, slash + 1, path);
  if (etag != NULL)
    amigo_s3_download_set_etag (watch->download, etag);
  g_signal_connect (watch->download, "progress", G_CALLBACK (on_download_progress_cb), watch);
  g_clear_object (&watch->upload_cancellable);
  watch->upload_cancellable = g_cancellable_new ();
  watch->in_flight = TRUE;
  /* The bar starts again, for the download. */
  _amigo_task_set_percent (watch->task, 0);
  _amigo_task_set_message (watch->task, _("Exported; downloading the file…"));
  amigo_s3_download_run_async (watch->download, watch->upload_cancellable, download_cb,
                               _amigo_task_watch_ref (watch));
  return TRUE;
}
