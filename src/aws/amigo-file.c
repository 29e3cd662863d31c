/* amigo-file.c — reading a file the app does not own, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The AWS CLI's files, the web identity token, the CLI's SSO cache, the
 * task state file and the price cache are named by the user or the
 * environment: any of them may be a folder, a FIFO (whose open would block
 * until a writer comes) or a device like /dev/zero (whose read never
 * ends). The file is opened without blocking and looked at through the
 * open descriptor, so what is checked is what is read.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "amigo-file.h"

/**
 * amigo_file_read_bounded:
 * @path: the file
 * @max_size: the largest file read, in bytes
 * @contents: (out) (transfer full): the file's bytes, with a NUL after them
 * @length: (out) (optional): how many bytes
 * @error: %G_IO_ERROR_NOT_FOUND (no such file), %G_IO_ERROR_IS_DIRECTORY,
 *   %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE (larger
 *   than @max_size, or grown past it while read), or another
 *   %G_IO_ERROR from open or read
 *
 * Reads @path whole, when it is a regular file of at most @max_size bytes.
 *
 * Returns: %TRUE when read
 */
gboolean
amigo_file_read_bounded (const char  *path,
                         gsize        max_size,
                         char       **contents,
                         gsize       *length,
                         GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *data = NULL;
  gsize used = 0;
  struct stat st;
  int saved;
  int fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  shown = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", shown, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", shown, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: a folder, not a file", shown);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", shown);
      return FALSE;
    }
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "%s: larger than %" G_GSIZE_FORMAT " bytes", shown, max_size);
      return FALSE;
    }

  /* Up to one byte more than allowed: a file that grew is seen to. */
  data = g_malloc ((gsize) st.st_size + 2);
  for (;;)
    {
      gsize room = (gsize) st.st_size + 1 - used;
      gssize got;

      if (room == 0)
        {
          /* What was read may be a secret (a credentials file). */
          memset (data, 0, used);
          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "%s: it grew while it was read", shown);
          return FALSE;
        }
      got = read (fd, data + used, room);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          saved = errno;
          memset (data, 0, used);
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", shown, g_strerror (saved));
          return FALSE;
        }
      if (got == 0)
        break;
      used += (gsize) got;
    }
  close (fd);
  data[used] = '\0';
  *contents = g_steal_pointer (&data);
  if (length != NULL)
    *length = used;
  return TRUE;
}
