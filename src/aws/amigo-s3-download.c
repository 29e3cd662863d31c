/* amigo-s3-download.c — an S3 object downloaded to a file, resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HeadObject (size, ETag), then GetObject with `Range: bytes=A-B` and
 * `If-Match: ETAG` for each 64 MiB from where DEST.part ends; the client's
 * sink writes each chunk at its place in the file (an attempt sent again
 * rewinds to the range's start). At the end DEST.part becomes DEST.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "amigo-error.h"
#include "amigo-s3-download.h"

#define PROGRESS_INTERVAL_US (250 * 1000)

struct _AmigoS3Download
{
  GObject parent_instance;

  AmigoS3 *s3;
  char *bucket;
  char *key;
  char *dest_path;
  char *part_path;
  char *etag;
  guint64 size;
  guint64 done;                 /* bytes in the part file */
  guint64 resumed_from;

  /* a run */
  GTask *run;
  int fd;
  guint64 range_start;
  guint64 range_end;            /* exclusive */
  guint range_status;

  gint64 last_progress_us;
  guint64 last_progress_done;
  double speed;
};

G_DEFINE_FINAL_TYPE (AmigoS3Download, amigo_s3_download, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void next_range (AmigoS3Download *self);

static void
emit_progress (AmigoS3Download *self,
               gboolean         force)
{
  gint64 now = g_get_monotonic_time ();

  if (!force && now - self->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  if (self->last_progress_us != 0 && now > self->last_progress_us && self->done >= self->last_progress_done)
    {
      double instant = (double) (self->done - self->last_progress_done) * G_USEC_PER_SEC /
                       (double) (now - self->last_progress_us);

      self->speed = self->speed == 0 ? instant : 0.7 * self->speed + 0.3 * instant;
    }
  self->last_progress_us = now;
  self->last_progress_done = self->done;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);
}

static GError *
file_error (const char *path,
            int         saved)
{
  g_autofree char *shown = g_filename_display_name (path);

  return g_error_new (G_IO_ERROR, g_io_error_from_errno (saved),
                      _("Cannot write “%s”: %s"), shown, g_strerror (saved));
}

static void
run_return (AmigoS3Download *self,
            GError          *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->run);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  emit_progress (self, TRUE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- the sink: chunks into the part file ----------------------------- */

static gboolean
range_begin (gpointer   data,
             guint      attempt,
             GError   **error)
{
  AmigoS3Download *self = data;

  /* A new attempt sends the whole range again. */
  self->done = self->range_start;
  if (ftruncate (self->fd, (off_t) self->range_start) != 0)
    {
      g_propagate_error (error, file_error (self->part_path, errno));
      return FALSE;
    }
  return TRUE;
}

static void
range_answer (gpointer            data,
              guint               status,
              SoupMessageHeaders *headers)
{
  AmigoS3Download *self = data;

  self->range_status = status;
}

static gboolean
range_chunk (gpointer     data,
             const char  *buf,
             gsize        len,
             GError     **error)
{
  AmigoS3Download *self = data;

  /* A server that ignored the range sends the whole object. */
  if (self->range_status != 206 && !(self->range_status == 200 && self->range_start == 0))
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                           _("The server did not send the part of the object asked for."));
      return FALSE;
    }
  if (self->done + len > self->range_end)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                           _("The server sent more of the object than was asked for."));
      return FALSE;
    }
  while (len > 0)
    {
      gssize n = pwrite (self->fd, buf, len, (off_t) self->done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_propagate_error (error, file_error (self->part_path, n < 0 ? errno : ENOSPC));
          return FALSE;
        }
      buf += n;
      len -= (gsize) n;
      self->done += (guint64) n;
    }
  emit_progress (self, FALSE);
  return TRUE;
}

static const AmigoResponseSink range_sink = {
  .begin_attempt = range_begin,
  .chunk = range_chunk,
  .answer = range_answer,
};

/* ---- the steps -------------------------------------------------------- */

static JsonNode *
object_params (AmigoS3Download *self,
               const char      *range)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Bucket");
  json_builder_add_string_value (builder, self->bucket);
  json_builder_set_member_name (builder, "Key");
  json_builder_add_string_value (builder, self->key);
  if (range != NULL)
    {
      json_builder_set_member_name (builder, "Range");
      json_builder_add_string_value (builder, range);
      json_builder_set_member_name (builder, "IfMatch");
      json_builder_add_string_value (builder, self->etag);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
finish_download (AmigoS3Download *self)
{
  if (fsync (self->fd) != 0 || g_rename (self->part_path, self->dest_path) != 0)
    {
      run_return (self, file_error (self->dest_path, errno));
      return;
    }
  run_return (self, NULL);
}

static void
range_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmigoS3Download) self = user_data;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      run_return (self, error);
      return;
    }
  if (self->done != self->range_end)
    {
      run_return (self, g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                             _("The server sent less of the object than was asked for.")));
      return;
    }
  next_range (self);
}

static void
next_range (AmigoS3Download *self)
{
  const AmigoS3Transfer transfer = { .sink = &range_sink, .sink_data = self };
  g_autoptr(JsonNode) params = NULL;
  g_autofree char *range = NULL;

  if (self->done >= self->size)
    {
      finish_download (self);
      return;
    }
  self->range_start = self->done;
  self->range_end = MIN (self->size, self->done + AMIGO_S3_DOWNLOAD_RANGE_SIZE);
  self->range_status = 0;
  range = g_strdup_printf ("bytes=%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT,
                           self->range_start, self->range_end - 1);
  params = object_params (self, range);
  amigo_s3_call_async (self->s3, &amigo_s3_op_get_object, params, &transfer,
                       g_task_get_cancellable (self->run), range_cb, g_object_ref (self));
}

static void
headed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoS3Download) self = user_data;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  JsonObject *o;
  const char *etag;
  gint64 length;
  struct stat st;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      run_return (self, error);
      return;
    }
  o = json_node_get_object (values);
  etag = json_object_get_string_member_with_default (o, "ETag", NULL);
  length = json_object_get_int_member_with_default (o, "ContentLength", -1);
  if (etag == NULL || length < 0)
    {
      run_return (self, g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                             _("S3 did not say the object's size and version.")));
      return;
    }

  self->fd = g_open (self->part_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (self->fd < 0 || fstat (self->fd, &st) != 0)
    {
      run_return (self, file_error (self->part_path, errno));
      return;
    }
  self->done = (guint64) st.st_size;
  /* Another version of the object, or more than it holds: start over. */
  if ((self->etag != NULL && g_strcmp0 (self->etag, etag) != 0) || self->done > (guint64) length)
    self->done = 0;
  if (ftruncate (self->fd, (off_t) self->done) != 0)
    {
      run_return (self, file_error (self->part_path, errno));
      return;
    }
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->size = (guint64) length;
  self->resumed_from = self->done;
  self->last_progress_done = self->done;
  emit_progress (self, TRUE);
  next_range (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_s3_download_finalize (GObject *object)
{
  AmigoS3Download *self = AMIGO_S3_DOWNLOAD (object);

  if (self->fd >= 0)
    close (self->fd);
  g_clear_object (&self->s3);
  g_free (self->bucket);
  g_free (self->key);
  g_free (self->dest_path);
  g_free (self->part_path);
  g_free (self->etag);

  G_OBJECT_CLASS (amigo_s3_download_parent_class)->finalize (object);
}

static void
amigo_s3_download_class_init (AmigoS3DownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_s3_download_finalize;

  /**
   * AmigoS3Download::progress:
   *
   * Bytes done, speed or time left changed (at most four times a second).
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
amigo_s3_download_init (AmigoS3Download *self)
{
  self->fd = -1;
}

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_s3_download_new:
 * @s3: the S3 service
 * @bucket: the bucket
 * @key: the object's key
 * @dest_path: the local file to make (`DEST.part` while it downloads)
 *
 * Returns: (transfer full): a download, not started
 */
AmigoS3Download *
amigo_s3_download_new (AmigoS3    *s3,
                       const char *bucket,
                       const char *key,
                       const char *dest_path)
{
  AmigoS3Download *self;

  g_return_val_if_fail (AMIGO_IS_S3 (s3), NULL);
  g_return_val_if_fail (bucket != NULL && key != NULL && dest_path != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_S3_DOWNLOAD, NULL);
  self->s3 = g_object_ref (s3);
  self->bucket = g_strdup (bucket);
  self->key = g_strdup (key);
  self->dest_path = g_strdup (dest_path);
  self->part_path = g_strconcat (dest_path, ".part", NULL);
  return self;
}

/**
 * amigo_s3_download_set_etag:
 * @self: a download not running
 * @etag: (nullable): the ETag an earlier run saw (amigo_s3_download_get_etag())
 */
void
amigo_s3_download_set_etag (AmigoS3Download *self,
                            const char      *etag)
{
  g_return_if_fail (AMIGO_IS_S3_DOWNLOAD (self));
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

/**
 * amigo_s3_download_get_etag:
 * @self: a download
 *
 * Returns: (nullable): the object's ETag, once a run has seen it — save it
 *   with the task to resume
 */
const char *
amigo_s3_download_get_etag (AmigoS3Download *self)
{
  return self->etag;
}

const char *
amigo_s3_download_get_dest_path (AmigoS3Download *self)
{
  return self->dest_path;
}

/**
 * amigo_s3_download_get_size:
 * @self: a download
 *
 * Returns: the object's size, once a run has asked; 0 before
 */
guint64
amigo_s3_download_get_size (AmigoS3Download *self)
{
  return self->size;
}

guint64
amigo_s3_download_get_bytes_done (AmigoS3Download *self)
{
  return self->done;
}

/**
 * amigo_s3_download_get_resumed_from:
 * @self: a download
 *
 * Returns: how many bytes the part file held when the last run started
 */
guint64
amigo_s3_download_get_resumed_from (AmigoS3Download *self)
{
  return self->resumed_from;
}

double
amigo_s3_download_get_speed (AmigoS3Download *self)
{
  return self->speed;
}

/**
 * amigo_s3_download_get_seconds_left:
 * @self: a download
 *
 * Returns: the time left at the current speed, or -1 when not known
 */
gint64
amigo_s3_download_get_seconds_left (AmigoS3Download *self)
{
  if (self->size > 0 && self->done >= self->size)
    return 0;
  if (self->speed <= 1.0)
    return -1;
  return (gint64) ((double) (self->size - self->done) / self->speed + 0.5);
}

/**
 * amigo_s3_download_run_async:
 * @self: a download
 * @cancellable: (nullable): stops the run; DEST.part stays to resume from
 * @callback: called when DEST is complete, or on failure
 * @user_data: its data
 */
void
amigo_s3_download_run_async (AmigoS3Download     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) params = NULL;

  g_return_if_fail (AMIGO_IS_S3_DOWNLOAD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_s3_download_run_async);
  if (self->run != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The download is already running."));
      return;
    }
  self->run = g_steal_pointer (&task);
  self->last_progress_us = 0;
  self->speed = 0;
  params = object_params (self, NULL);
  amigo_s3_call_async (self->s3, &amigo_s3_op_head_object, params, NULL, cancellable,
                       headed_cb, g_object_ref (self));
}

/**
 * amigo_s3_download_run_finish:
 * @self: a download
 * @result: the #GAsyncResult
 * @error: where a failure goes (`PreconditionFailed`: the object changed
 *   during the download — run again to start over)
 *
 * Returns: %TRUE when the file is complete
 */
gboolean
amigo_s3_download_run_finish (AmigoS3Download  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_s3_download_run_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
