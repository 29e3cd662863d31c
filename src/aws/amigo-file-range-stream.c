/* amigo-file-range-stream.c — a region of a local file as a seekable input stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "amigo-file-range-stream.h"

struct _AmigoFileRangeStream
{
  GInputStream parent_instance;

  int fd;
  guint64 offset;
  guint64 length;
  guint64 position;             /* within the range */
  AmigoFileRangeProgress progress;
  gpointer progress_data;
};

static void seekable_iface_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoFileRangeStream, amigo_file_range_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, seekable_iface_init))

static gssize
range_read (GInputStream  *stream,
            void          *buffer,
            gsize          count,
            GCancellable  *cancellable,
            GError       **error)
{
  AmigoFileRangeStream *self = AMIGO_FILE_RANGE_STREAM (stream);
  guint64 left = self->length - self->position;
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  count = (gsize) MIN ((guint64) count, left);
  if (count == 0)
    return 0;
  do
    n = pread (self->fd, buffer, count, (off_t) (self->offset + self->position));
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s"), g_strerror (saved));
      return -1;
    }
  if (n == 0)
    {
      /* The file shrank under us: the body would be short. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                           _("The file became shorter while it was being read."));
      return -1;
    }
  self->position += (guint64) n;
  if (self->progress != NULL)
    self->progress (self->progress_data, self->position);
  return n;
}

/* A local read is short: done here, in the caller's context, rather than
 * in a worker thread (so progress callbacks stay on the caller's thread). */
static void
range_read_async (GInputStream        *stream,
                  void                *buffer,
                  gsize                count,
                  int                  io_priority,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (stream, cancellable, callback, user_data);
  GError *error = NULL;
  gssize n;

  g_task_set_source_tag (task, range_read_async);
  n = range_read (stream, buffer, count, cancellable, &error);
  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static gssize
range_read_finish (GInputStream  *stream,
                   GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_int (G_TASK (result), error);
}

static gboolean
range_close (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  AmigoFileRangeStream *self = AMIGO_FILE_RANGE_STREAM (stream);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  return TRUE;
}

static goffset
range_tell (GSeekable *seekable)
{
  return (goffset) AMIGO_FILE_RANGE_STREAM (seekable)->position;
}

static gboolean
range_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
range_seek (GSeekable     *seekable,
            goffset        offset,
            GSeekType      type,
            GCancellable  *cancellable,
            GError       **error)
{
  AmigoFileRangeStream *self = AMIGO_FILE_RANGE_STREAM (seekable);
  gint64 target;

  switch (type)
    {
    case G_SEEK_CUR:
      target = (gint64) self->position + offset;
      break;
    case G_SEEK_END:
      target = (gint64) self->length + offset;
      break;
    case G_SEEK_SET:
    default:
      target = offset;
      break;
    }
  if (target < 0 || (guint64) target > self->length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Cannot seek outside the part of the file being read."));
      return FALSE;
    }
  self->position = (guint64) target;
  if (self->progress != NULL)
    self->progress (self->progress_data, self->position);
  return TRUE;
}

static gboolean
range_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
range_truncate (GSeekable     *seekable,
                goffset        offset,
                GCancellable  *cancellable,
                GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The stream cannot be truncated."));
  return FALSE;
}

static void
seekable_iface_init (GSeekableIface *iface)
{
  iface->tell = range_tell;
  iface->can_seek = range_can_seek;
  iface->seek = range_seek;
  iface->can_truncate = range_can_truncate;
  iface->truncate_fn = range_truncate;
}

static void
amigo_file_range_stream_finalize (GObject *object)
{
  AmigoFileRangeStream *self = AMIGO_FILE_RANGE_STREAM (object);

  if (self->fd >= 0)
    close (self->fd);

  G_OBJECT_CLASS (amigo_file_range_stream_parent_class)->finalize (object);
}

static void
amigo_file_range_stream_class_init (AmigoFileRangeStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = amigo_file_range_stream_finalize;
  stream_class->read_fn = range_read;
  stream_class->read_async = range_read_async;
  stream_class->read_finish = range_read_finish;
  stream_class->close_fn = range_close;
}

static void
amigo_file_range_stream_init (AmigoFileRangeStream *self)
{
  self->fd = -1;
}

/**
 * amigo_file_range_stream_new:
 * @path: a local file
 * @offset: where the range starts
 * @length: how many bytes it holds
 * @error: where a failure to open the file goes
 *
 * Returns: (transfer full) (nullable): the stream, or %NULL with @error set
 */
GInputStream *
amigo_file_range_stream_new (const char  *path,
                             guint64      offset,
                             guint64      length,
                             GError     **error)
{
  AmigoFileRangeStream *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open “%s”: %s"), shown, g_strerror (saved));
      return NULL;
    }
  self = g_object_new (AMIGO_TYPE_FILE_RANGE_STREAM, NULL);
  self->fd = fd;
  self->offset = offset;
  self->length = length;
  return G_INPUT_STREAM (self);
}

/**
 * amigo_file_range_stream_set_progress:
 * @self: a stream
 * @func: (nullable): called after each read and seek with the position
 * @user_data: its data
 */
void
amigo_file_range_stream_set_progress (AmigoFileRangeStream   *self,
                                      AmigoFileRangeProgress  func,
                                      gpointer                user_data)
{
  g_return_if_fail (AMIGO_IS_FILE_RANGE_STREAM (self));

  self->progress = func;
  self->progress_data = user_data;
}
