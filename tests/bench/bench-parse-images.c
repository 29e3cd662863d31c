/* bench-parse-images.c — how fast, and in how much memory, Amigo reads a
 * DescribeImages answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same path as the app: the body arrives in 64 KiB chunks (as
 * libsoup's input stream gives it), is fed to the DescribeImages parser,
 * and the batches of AmigoImage are appended to one GPtrArray (the image
 * store's job). Prints the number of images, the seconds taken (wall
 * clock and CPU), the peak resident memory of the process, and the heap
 * the images keep, per image.
 *
 *   bench-parse-images FILE
 *
 * A timing program, not a test: it never fails on a number.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "amigo-ec2-parsers.h"

#define CHUNK (64 * 1024)

static void
on_batch_cb (GPtrArray *batch,
             gpointer   user_data)
{
  GPtrArray *store = user_data;

  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (store, g_object_ref (batch->pdata[i]));
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) store = NULL;
  g_autoptr(AmigoEc2Parser) parser = NULL;
  g_autofree char *buf = g_malloc (CHUNK);
  struct rusage usage;
  gint64 start, end;
  double cpu_start, cpu_end;
  gsize heap_before, heap_after;
  gsize total = 0;
  gssize n;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DESCRIBE-IMAGES.xml\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* Types registered and pools warmed outside the measure */
  g_type_ensure (AMIGO_TYPE_IMAGE);
  store = g_ptr_array_new_with_free_func (g_object_unref);
  heap_before = heap_in_use ();

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  parser = amigo_ec2_parser_new_describe_images (on_batch_cb, store);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buf, CHUNK, NULL, &error)) > 0)
    {
      total += n;
      if (!amigo_ec2_parser_feed (parser, buf, n, &error))
        break;
    }
  if (error == NULL && n == 0)
    amigo_ec2_parser_finish (parser, &error);
  end = g_get_monotonic_time ();
  cpu_end = cpu_seconds ();

  if (error != NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  g_clear_pointer (&parser, amigo_ec2_parser_free);
  heap_after = heap_in_use ();
  getrusage (RUSAGE_SELF, &usage);

  printf ("amigo: images=%u bytes=%" G_GSIZE_FORMAT " seconds=%.3f cpu_seconds=%.3f "
          "peak_rss_mib=%.1f heap_bytes_per_image=%.0f\n",
          store->len, total, (end - start) / 1e6, cpu_end - cpu_start, usage.ru_maxrss / 1024.0,
          store->len > 0 ? (double) (heap_after - heap_before) / store->len : 0.0);
  return 0;
}
