/* amigo-task-upload.c — an import whose disk image Amigo uploads first
 *
 * The import dialog hands the task manager an import task whose pending
 * work (amigo_task_get_pending()) is:
 *
 *     { "path": "/home/…/disk.vmdk",
 *       "upload": { …amigo_s3_upload_dup_state()… },
 *       "import": { "format": "VMDK", "s3_bucket": "…", "s3_key": "…", … } }
 *
 * The watch uploads the file with AmigoS3Upload (its state saved in the
 * task state file on every ::state-changed, so a restart resumes it with
 * amigo_s3_upload_new_from_state()), shows the bytes sent, the speed and
 * the time left, then sends ImportImage with the saved request (same
 * client token: a repeat answers the same task) and follows the import
 * task as any other (amigo-task-watch-vm.c). Cancel aborts the upload.
 * An import as a snapshot ("method": "snapshot") sends ImportSnapshot
 * instead and keeps the saved request to register the AMI from the
 * snapshot (amigo-task-import-snapshot.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-task-manager-private.h"
#include "amigo-json-private.h"
#include "amigo-task-private.h"
#include "amigo-task-upload.h"

/* ---- the pending work as JSON ----------------------------------------- */

/**
 * amigo_task_upload_pending_new:
 * @path: the local disk image
 * @request: the ImportImage to send once it is in @request's bucket
 *
 * Returns: (transfer full): the pending work of an import task
 */
JsonNode *
amigo_task_upload_pending_new (const char                    *path,
                               const AmigoImportImageRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (path != NULL && request != NULL, NULL);

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "path", path);
  json_builder_set_member_name (builder, "import");
  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "format", request->format);
  _amigo_json_add_string (builder, "s3_bucket", request->s3_bucket);
  _amigo_json_add_string (builder, "s3_key", request->s3_key);
  _amigo_json_add_string (builder, "description", request->description);
  _amigo_json_add_string (builder, "architecture", request->architecture);
  _amigo_json_add_string (builder, "boot_mode", request->boot_mode);
  _amigo_json_add_string (builder, "license_type", request->license_type);
  _amigo_json_add_string (builder, "platform", request->platform);
  _amigo_json_add_string (builder, "kms_key_id", request->kms_key_id);
  _amigo_json_add_string (builder, "role_name", request->role_name);
  _amigo_json_add_string (builder, "client_token", request->client_token);
  json_builder_set_member_name (builder, "encrypted");
  json_builder_add_boolean_value (builder, request->encrypted);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->n_task_tags; i++)
    {
      json_builder_begin_object (builder);
      _amigo_json_add_string (builder, "key", request->task_tags[i].key);
      _amigo_json_add_string (builder, "value",
                              request->task_tags[i].value ? request->task_tags[i].value : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
amigo_task_upload_dup_location (const AmigoImportImageRequest *request)
{
  return g_strdup_printf ("s3://%s/%s", request->s3_bucket, request->s3_key);
}

static JsonObject *
pending_object (Watch *watch)
{
  JsonNode *pending = amigo_task_get_pending (watch->task);

  return pending != NULL && JSON_NODE_HOLDS_OBJECT (pending) ? json_node_get_object (pending) : NULL;
}

/**
 * _amigo_task_upload_import_of:
 *
 * Returns: (nullable): the saved request ("import") of @task's pending work
 */
JsonObject *
_amigo_task_upload_import_of (AmigoTask *task)
{
  JsonNode *pending = amigo_task_get_pending (task);
  JsonNode *node;

  if (pending == NULL || !JSON_NODE_HOLDS_OBJECT (pending))
    return NULL;
  node = json_object_get_member (json_node_get_object (pending), "import");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
import_object (Watch *watch)
{
  return _amigo_task_upload_import_of (watch->task);
}

/* @object's string member @name, or NULL. */
const char *
_amigo_task_upload_string (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * _amigo_task_upload_read_request:
 * @import: (nullable): a saved request (amigo_task_upload_pending_new())
 * @request: (out caller-allocates): the request, its strings @import's
 * @tags: an array of #AmigoEc2Tag that @request's tags point into
 *
 * Returns: whether @import holds a request that can be sent
 */
gboolean
_amigo_task_upload_read_request (JsonObject              *object,
                                 AmigoImportImageRequest *request,
                                 GArray                  *tags)
{
  JsonNode *tags_node = object != NULL ? json_object_get_member (object, "tags") : NULL;
  JsonNode *encrypted = object != NULL ? json_object_get_member (object, "encrypted") : NULL;

  *request = (AmigoImportImageRequest) {
    .format = _amigo_task_upload_string (object, "format"),
    .s3_bucket = _amigo_task_upload_string (object, "s3_bucket"),
    .s3_key = _amigo_task_upload_string (object, "s3_key"),
    .description = _amigo_task_upload_string (object, "description"),
    .architecture = _amigo_task_upload_string (object, "architecture"),
    .boot_mode = _amigo_task_upload_string (object, "boot_mode"),
    .license_type = _amigo_task_upload_string (object, "license_type"),
    .platform = _amigo_task_upload_string (object, "platform"),
    .kms_key_id = _amigo_task_upload_string (object, "kms_key_id"),
    .role_name = _amigo_task_upload_string (object, "role_name"),
    .client_token = _amigo_task_upload_string (object, "client_token"),
  };

  if (encrypted != NULL && JSON_NODE_HOLDS_VALUE (encrypted) &&
      json_node_get_value_type (encrypted) == G_TYPE_BOOLEAN)
    request->encrypted = json_node_get_boolean (encrypted);
  if (tags_node != NULL && JSON_NODE_HOLDS_ARRAY (tags_node))
    {
      JsonArray *array = json_node_get_array (tags_node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          AmigoEc2Tag tag = { NULL, NULL };

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          tag.key = _amigo_task_upload_string (json_node_get_object (element), "key");
          tag.value = _amigo_task_upload_string (json_node_get_object (element), "value");
          if (tag.key != NULL)
            g_array_append_val (tags, tag);
        }
    }
  request->task_tags = (AmigoEc2Tag *) (gpointer) tags->data;
  request->n_task_tags = tags->len;
  return request->format != NULL && request->s3_bucket != NULL && request->s3_key != NULL;
}

/* ---- ImportImage once the file is there -------------------------------- */

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImportTask) import = NULL;
  const char *ids[2] = { NULL, NULL };
  /* ImportImage, or ImportSnapshot (amigo-task-import-snapshot.c) */
  gboolean snapshot = g_async_result_is_tagged (result, amigo_ec2_import_snapshot_async);

  if (snapshot)
    import = amigo_ec2_import_snapshot_finish (AMIGO_EC2 (source), result, &error);
  else
    import = amigo_ec2_import_image_finish (AMIGO_EC2 (source), result, &error);
  if (_amigo_task_watch_is_stopped (watch))
    return;
  watch->in_flight = FALSE;
  if (import == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why AWS refused the import */
      message = g_strdup_printf (_("The file is uploaded, but the import could not start: %s"), error->message);
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
      return;
    }

  ids[0] = amigo_import_task_get_import_task_id (import);
  _amigo_task_set_resource_ids (watch->task, ids);
  if (snapshot)
    {
      /* The upload is over; the saved request stays, to register the AMI. */
      JsonObject *pending = pending_object (watch);

      json_object_remove_member (pending, "path");
      json_object_remove_member (pending, "upload");
      _amigo_task_set_message (watch->task, _("Uploaded; AWS is importing the disk image as a snapshot."));
    }
  else
    {
      amigo_task_set_pending (watch->task, NULL);
      _amigo_task_set_message (watch->task, _("Uploaded; AWS is importing the disk image."));
    }
  _amigo_task_set_percent (watch->task, -1);
  _amigo_task_manager_save (watch->manager);
  g_signal_handlers_disconnect_by_data (watch->upload, watch);
  g_clear_object (&watch->upload);
  _amigo_task_watch_schedule (watch);
}

static void
start_import (Watch *watch)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, TRUE, sizeof (AmigoEc2Tag));
  AmigoImportImageRequest request;

  if (!_amigo_task_upload_read_request (import_object (watch), &request, tags))
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, _("The saved import cannot be read."));
      return;
    }
  _amigo_task_set_message (watch->task, _("Uploaded; starting the import…"));
  if (amigo_task_upload_is_snapshot (watch->task))
    {
      AmigoImportSnapshotRequest snapshot = {
        .format = request.format,
        .s3_bucket = request.s3_bucket,
        .s3_key = request.s3_key,
        .description = request.description,
        .encrypted = request.encrypted,
        .kms_key_id = request.kms_key_id,
        .role_name = request.role_name,
        .client_token = request.client_token,
      };

      amigo_ec2_import_snapshot_async (watch->ec2, &snapshot, watch->cancellable, import_cb,
                                       _amigo_task_watch_ref (watch));
      return;
    }
  amigo_ec2_import_image_async (watch->ec2, &request, watch->cancellable, import_cb, _amigo_task_watch_ref (watch));
}

/* ---- the upload ---------------------------------------------------------- */

static char *
format_time_left (gint64 seconds)
{
  if (seconds < 60)
    /* Translators: time left of an upload */
    return g_strdup_printf (ngettext ("%d second", "%d seconds", (int) seconds), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", (int) (seconds / 60)),
                            (int) (seconds / 60));
  return g_strdup_printf (ngettext ("%d hour", "%d hours", (int) (seconds / 3600)),
                          (int) (seconds / 3600));
}

/**
 * _amigo_task_watch_show_transfer:
 * @watch: an import that uploads its file, or an export that downloads it
 * @upload: which of the two
 * @done: bytes moved
 * @size: of the whole file
 * @speed: bytes a second, or 0 when not known yet
 * @left: seconds left, or -1 when not known yet
 *
 * The transfer's bytes, speed and time left as the task's progress.
 */
void
_amigo_task_watch_show_transfer (Watch    *watch,
                                 gboolean  upload,
                                 guint64   done,
                                 guint64   size,
                                 double    speed,
                                 gint64    left)
{
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *message = NULL;

  if (speed > 0 && left >= 0)
    {
      g_autofree char *speed_text = g_format_size ((guint64) speed);
      g_autofree char *left_text = format_time_left (left);

      if (upload)
        /* Translators: an upload's progress: "1.2 GB of 4.0 GB, 30.1 MB/s, 2 minutes left" */
        message = g_strdup_printf (_("Uploading: %s of %s, %s/s, %s left"), done_text, size_text,
                                   speed_text, left_text);
      else
        /* Translators: a download's progress: "1.2 GB of 4.0 GB, 30.1 MB/s, 2 minutes left" */
        message = g_strdup_printf (_("Downloading: %s of %s, %s/s, %s left"), done_text, size_text,
                                   speed_text, left_text);
    }
  else if (upload)
    /* Translators: an upload's progress: "1.2 GB of 4.0 GB" */
    message = g_strdup_printf (_("Uploading: %s of %s"), done_text, size_text);
  else
    /* Translators: a download's progress: "1.2 GB of 4.0 GB" */
    message = g_strdup_printf (_("Downloading: %s of %s"), done_text, size_text);
  _amigo_task_set_percent (watch->task, size > 0 ? (int) (done * 100 / size) : 0);
  _amigo_task_set_message (watch->task, message);
}

static void
on_upload_progress_cb (AmigoS3Upload *upload,
                       Watch         *watch)
{
  if (_amigo_task_watch_is_stopped (watch))
    return;
  _amigo_task_watch_show_transfer (watch, TRUE, amigo_s3_upload_get_bytes_done (upload),
                                   amigo_s3_upload_get_file_size (upload), amigo_s3_upload_get_speed (upload),
                                   amigo_s3_upload_get_seconds_left (upload));
}

static void
on_upload_state_changed_cb (AmigoS3Upload *upload,
                            Watch         *watch)
{
  JsonObject *pending = pending_object (watch);

  if (_amigo_task_watch_is_stopped (watch) || pending == NULL)
    return;
  json_object_set_member (pending, "upload", amigo_s3_upload_dup_state (upload));
  _amigo_task_manager_save (watch->manager);
}

/* The Cancel waiting for a running upload to stop (a GTask on the upload). */
#define CANCEL_TASK_KEY "amigo-cancel-task"

static void abort_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

static void
upload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean done;
  GTask *cancel_task;

  done = amigo_s3_upload_run_finish (AMIGO_S3_UPLOAD (source), result, &error);
  /* The run is over: a Cancel from now on aborts at once. */
  g_clear_object (&watch->upload_cancellable);
  cancel_task = g_object_steal_data (source, CANCEL_TASK_KEY);
  if (cancel_task != NULL)
    {
      /* Cancelled while parts were on the way: now it can be aborted. */
      amigo_s3_upload_abort_async (AMIGO_S3_UPLOAD (source), g_task_get_cancellable (cancel_task),
                                   abort_cb, cancel_task);
      return;
    }
  if (done)
    {
      if (_amigo_task_watch_is_stopped (watch))
        return;
      start_import (watch);
      return;
    }
  /* Stopped with the app, or by Cancel (which aborts it): either way
   * nothing more to do here. */
  if (_amigo_task_watch_is_stopped (watch) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  watch->in_flight = FALSE;
  /* Translators: %s is why the upload failed */
  message = g_strdup_printf (_("Could not upload the disk image: %s"), error->message);
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
}

/* Whether @task is an import whose file is still to be uploaded (a
 * snapshot import keeps its pending work after the upload). */
gboolean
_amigo_task_upload_is_uploading (AmigoTask *task)
{
  JsonNode *pending = amigo_task_get_pending (task);
  JsonObject *object;

  if (amigo_task_get_kind (task) != AMIGO_TASK_KIND_IMPORT_IMAGE || pending == NULL
      || !JSON_NODE_HOLDS_OBJECT (pending))
    return FALSE;
  object = json_node_get_object (pending);
  return json_object_has_member (object, "path") || json_object_has_member (object, "upload");
}

gboolean
_amigo_task_watch_run_pending (Watch *watch)
{
  JsonObject *pending = pending_object (watch);
  JsonNode *state;
  g_autoptr(GError) error = NULL;

  if (!_amigo_task_upload_is_uploading (watch->task))
    return FALSE;

  if (watch->upload == NULL)
    {
      JsonObject *import = import_object (watch);

      state = json_object_get_member (pending, "upload");
      if (state != NULL && JSON_NODE_HOLDS_OBJECT (state))
        watch->upload = amigo_s3_upload_new_from_state (watch->s3, state, &error);
      else if (_amigo_task_upload_string (pending, "path") != NULL && _amigo_task_upload_string (import, "s3_bucket") != NULL
               && _amigo_task_upload_string (import, "s3_key") != NULL)
        watch->upload = amigo_s3_upload_new (watch->s3, _amigo_task_upload_string (pending, "path"),
                                             _amigo_task_upload_string (import, "s3_bucket"), _amigo_task_upload_string (import, "s3_key"),
                                             &error);
      else
        g_set_error_literal (&error, AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_BAD_STATE,
                             _("The saved upload cannot be read."));
      if (watch->upload == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Could not upload the disk image: %s"), error->message);
          _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
          return TRUE;
        }
      /* A resumed upload keeps its part size. */
      if ((state == NULL || !JSON_NODE_HOLDS_OBJECT (state)) && watch->manager->upload_part_size != 0)
        amigo_s3_upload_set_part_size (watch->upload, watch->manager->upload_part_size);
      if (watch->manager->upload_max_parallel != 0)
        amigo_s3_upload_set_max_parallel (watch->upload, watch->manager->upload_max_parallel);
      g_signal_connect (watch->upload, "progress", G_CALLBACK (on_upload_progress_cb), watch);
      g_signal_connect (watch->upload, "state-changed", G_CALLBACK (on_upload_state_changed_cb), watch);
    }

  g_clear_object (&watch->upload_cancellable);
  watch->upload_cancellable = g_cancellable_new ();
  amigo_s3_upload_run_async (watch->upload, watch->upload_cancellable, upload_cb, _amigo_task_watch_ref (watch));
  return TRUE;
}

/* ---- cancelling ---------------------------------------------------------- */

static void
abort_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) gtask = user_data;
  Watch *watch = g_task_get_task_data (gtask);
  g_autoptr(GError) error = NULL;

  if (!amigo_s3_upload_abort_finish (AMIGO_S3_UPLOAD (source), result, &error) && _amigo_task_watch_is_stopped (watch))
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  if (_amigo_task_watch_cancel_lost (watch, gtask))
    return;
  watch->cancelling = FALSE;
  if (error != NULL)
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  _amigo_task_watch_cancelled (watch, gtask, _("The upload was stopped and deleted."));
}

void
_amigo_task_watch_cancel_upload (Watch *watch,
                                 GTask *gtask)
{
  if (watch->upload != NULL && watch->upload_cancellable != NULL)
    {
      /* An upload is aborted once its run has stopped (parts may still
       * be on the way): stop it, and abort in upload_cb. */
      g_object_set_data_full (G_OBJECT (watch->upload), CANCEL_TASK_KEY, gtask, g_object_unref);
      g_cancellable_cancel (watch->upload_cancellable);
      return;
    }
  if (watch->upload == NULL)
    {
      _amigo_task_watch_cancelled (watch, gtask, _("The upload was stopped and deleted."));
      return;
    }
  amigo_s3_upload_abort_async (watch->upload, g_task_get_cancellable (gtask), abort_cb, gtask);
}

/**
 * amigo_task_manager_set_upload_for_testing:
 * @part_size: the part size of uploads started from now on (at least
 *   5 MiB), or 0 to choose it from the file's size
 * @max_parallel: parts sent at once, or 0 for the default
 *
 * Lets a test stop an upload between its parts.
 */
void
amigo_task_manager_set_upload_for_testing (AmigoTaskManager *self,
                                           guint64           part_size,
                                           guint             max_parallel)
{
  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));

  self->upload_part_size = part_size;
  self->upload_max_parallel = max_parallel;
}
