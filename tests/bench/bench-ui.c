/* bench-ui.c — the image list with many images: first rows, a search
 * keystroke, a re-sort, and memory per image
 *
 *   bench-ui DESCRIBE-IMAGES.xml
 *
 * Run under Xvfb (tests/run-with-xvfb.sh). The answer is fed through the
 * app's own streaming parser in 64 KiB chunks, as a download would, into
 * the AmigoImageStore behind a real window's AmigoImageList. Prints the
 * figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <malloc.h>
#include <time.h>

#include "amigo-application.h"
#include "amigo-ec2-parsers.h"
#include "amigo-image-list.h"
#include "amigo-image-store.h"

typedef struct {
  AmigoImageStore *store;
  GtkWidget *window;
  gint64 start;
  gint64 first_batch;           /* when the first images reached the store */
  gint64 first_frame;           /* when a frame showing them was drawn */
  guint frame_handler;
} Bench;

static size_t
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->first_batch != 0 && bench->first_frame == 0)
    bench->first_frame = g_get_monotonic_time ();
}

static void
batch_cb (GPtrArray *images,
          gpointer   user_data)
{
  Bench *bench = user_data;

  amigo_image_store_append (bench->store, images, "us-east-1");
  if (bench->first_batch == 0)
    {
      bench->first_batch = g_get_monotonic_time ();
      /* Let GTK draw the first rows, as it would between two chunks of a
       * download. */
      while (bench->first_frame == 0 &&
             g_get_monotonic_time () - bench->first_batch < 2 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, FALSE);
    }
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process, in ms: steadier than the wall clock on a busy
 * machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
wait_filtered (AmigoImageList *list)
{
  while (amigo_image_list_get_pending (list) > 0)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  AmigoEc2Parser *parser;
  AmigoImageList *list;
  Bench bench = { 0 };
  char *buffer;
  gssize n;
  size_t heap_before, heap_loaded, heap_searched;
  guint total;
  double load_s;
  double c;
  gint64 t;

  if (argc != 2)
    {
      g_printerr ("usage: %s DESCRIBE-IMAGES.xml\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_type_class_unref (g_type_class_ref (AMIGO_TYPE_APPLICATION));   /* resources */

  bench.store = amigo_image_store_new ();
  bench.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1200, 800);
  list = AMIGO_IMAGE_LIST (amigo_image_list_new ());
  amigo_image_list_set_store (list, bench.store);
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (bench.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (gtk_widget_get_frame_clock (bench.window), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);

  heap_before = heap_in_use ();
  file = g_file_new_for_commandline_arg (argv[1]);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  if (stream == NULL)
    g_error ("%s", error->message);

  parser = amigo_ec2_parser_new_describe_images (batch_cb, &bench);
  buffer = g_malloc (64 * 1024);
  bench.start = g_get_monotonic_time ();
  while ((n = g_input_stream_read (stream, buffer, 64 * 1024, NULL, &error)) > 0)
    if (!amigo_ec2_parser_feed (parser, buffer, n, &error))
      g_error ("%s", error->message);
  if (n < 0 || !amigo_ec2_parser_finish (parser, &error))
    g_error ("%s", error->message);
  amigo_ec2_parser_free (parser);
  g_free (buffer);
  load_s = ms_since (bench.start) / 1000.0;
  total = g_list_model_get_n_items (G_LIST_MODEL (bench.store));

  /* Include deprecated ones so every image is shown. */
  amigo_image_filter_set_include_deprecated (amigo_image_list_get_filter (list), TRUE);
  wait_filtered (list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  heap_loaded = heap_in_use ();

  g_print ("images:                      %u\n", total);
  g_print ("first rows in the store:     %.1f ms after the first byte\n",
           (bench.first_batch - bench.start) / 1000.0);
  g_print ("first rows drawn:            %.1f ms after the first byte\n",
           bench.first_frame ? (bench.first_frame - bench.start) / 1000.0 : -1.0);
  g_print ("whole answer parsed, listed: %.2f s\n", load_s);

  /* A first keystroke builds each image's search text; the next ones
   * only scan. */
  t = g_get_monotonic_time ();
  c = cpu_ms ();
  amigo_image_filter_set_search (amigo_image_list_get_filter (list), "w");
  wait_filtered (list);
  g_print ("search, first keystroke:     %.1f ms, %.1f ms CPU (%u shown)\n", ms_since (t), cpu_ms () - c,
           g_list_model_get_n_items (amigo_image_list_get_shown (list)));
  heap_searched = heap_in_use ();

  t = g_get_monotonic_time ();
  c = cpu_ms ();
  amigo_image_filter_set_search (amigo_image_list_get_filter (list), "web");
  wait_filtered (list);
  g_print ("search, next keystroke:      %.1f ms, %.1f ms CPU (%u shown)\n", ms_since (t), cpu_ms () - c,
           g_list_model_get_n_items (amigo_image_list_get_shown (list)));

  t = g_get_monotonic_time ();
  c = cpu_ms ();
  amigo_image_filter_set_search (amigo_image_list_get_filter (list), "w");
  wait_filtered (list);
  g_print ("search, deleting letters:    %.1f ms, %.1f ms CPU (%u shown)\n", ms_since (t), cpu_ms () - c,
           g_list_model_get_n_items (amigo_image_list_get_shown (list)));

  amigo_image_filter_set_search (amigo_image_list_get_filter (list), "");
  wait_filtered (list);

  t = g_get_monotonic_time ();
  c = cpu_ms ();
  amigo_image_list_sort_by (list, "created", GTK_SORT_DESCENDING);
  g_object_unref (g_list_model_get_item (amigo_image_list_get_shown (list), 0));
  g_print ("re-sort by creation date:    %.1f ms, %.1f ms CPU\n", ms_since (t), cpu_ms () - c);

  t = g_get_monotonic_time ();
  c = cpu_ms ();
  amigo_image_list_sort_by (list, "name", GTK_SORT_ASCENDING);
  g_object_unref (g_list_model_get_item (amigo_image_list_get_shown (list), 0));
  g_print ("re-sort by name:             %.1f ms, %.1f ms CPU\n", ms_since (t), cpu_ms () - c);

  g_print ("memory per image, listed:    %.0f bytes\n", (double) (heap_loaded - heap_before) / total);
  g_print ("memory per image, searched:  %.0f bytes\n", (double) (heap_searched - heap_before) / total);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_object_unref (bench.store);
  return 0;
}
