/* bench-ui.c — the image list with many images: first rows, search
 * keystrokes, re-sorts, and memory per image
 *
 *   bench-ui DESCRIBE-IMAGES.xml
 *
 * Run under Xvfb (tests/run-with-xvfb.sh). The answer is fed through the
 * app's own streaming parser in 64 KiB chunks, as a download would, into
 * the AmigoImageStore behind a real window's AmigoImageList. Each step
 * prints the CPU time until the models and the table have taken the
 * change in ("applied"), then until the next frame is drawn ("drawn"),
 * with wall-clock times in brackets. Prints the figures; asserts nothing
 * about time.
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
  guint n_frames;               /* frames drawn */
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
  bench->n_frames++;
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

typedef enum {
  STEP_SEARCH,
  STEP_SORT,
} StepKind;

/* Applies one change (a search text, or a column to sort by) and prints
 * what it cost: the CPU time until the list model and the view have taken
 * it in, then until the next frame showing it was drawn. */
static void
step (Bench          *bench,
      AmigoImageList *list,
      const char     *label,
      StepKind        kind,
      const char     *arg,
      GtkSortType     order)
{
  gint64 t = g_get_monotonic_time ();
  double c = cpu_ms ();
  double applied_cpu, applied_wall;
  guint frames = bench->n_frames;

  if (kind == STEP_SEARCH)
    amigo_image_filter_set_search (amigo_image_list_get_filter (list), arg);
  else
    amigo_image_list_sort_by (list, arg, order);
  applied_cpu = cpu_ms () - c;
  applied_wall = ms_since (t);

  gtk_widget_queue_draw (bench->window);
  while (bench->n_frames == frames)
    g_main_context_iteration (NULL, TRUE);

  g_print ("%-32s %7.1f ms CPU applied (%.1f ms), %7.1f ms CPU drawn (%.1f ms), %u shown\n",
           label, applied_cpu, applied_wall, cpu_ms () - c, ms_since (t),
           g_list_model_get_n_items (amigo_image_list_get_shown (list)));
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
  while (g_main_context_iteration (NULL, FALSE))
    ;
  heap_loaded = heap_in_use ();

  g_print ("images:                      %u\n", total);
  g_print ("first rows in the store:     %.1f ms after the first byte\n",
           (bench.first_batch - bench.start) / 1000.0);
  g_print ("first rows drawn:            %.1f ms after the first byte\n",
           bench.first_frame ? (bench.first_frame - bench.start) / 1000.0 : -1.0);
  g_print ("whole answer parsed, listed: %.2f s\n", load_s);

  /* Typing "ubuntu" and deleting back, in the server's order. */
  step (&bench, list, "search, first keystroke", STEP_SEARCH, "u", 0);
  heap_searched = heap_in_use ();
  step (&bench, list, "search, second keystroke", STEP_SEARCH, "ub", 0);
  step (&bench, list, "search, third keystroke", STEP_SEARCH, "ubu", 0);
  step (&bench, list, "search, deleting a letter", STEP_SEARCH, "ub", 0);
  step (&bench, list, "search, cleared", STEP_SEARCH, "", 0);

  /* The worst case: nothing matches, so GTK drops every row widget, and
   * builds them again when the search is undone. */
  step (&bench, list, "search matching nothing", STEP_SEARCH, "zzzz", 0);
  step (&bench, list, "search undone", STEP_SEARCH, "", 0);

  step (&bench, list, "re-sort by creation date", STEP_SORT, "created", GTK_SORT_DESCENDING);
  step (&bench, list, "re-sort by name", STEP_SORT, "name", GTK_SORT_ASCENDING);
  step (&bench, list, "re-sort by name, descending", STEP_SORT, "name", GTK_SORT_DESCENDING);

  /* Searching a sorted list. */
  step (&bench, list, "search sorted, first keystroke", STEP_SEARCH, "u", 0);
  step (&bench, list, "search sorted, second keystroke", STEP_SEARCH, "ub", 0);
  step (&bench, list, "search sorted, cleared", STEP_SEARCH, "", 0);

  g_print ("memory per image, listed:    %.0f bytes\n", (double) (heap_loaded - heap_before) / total);
  g_print ("memory per image, searched:  %.0f bytes\n", (double) (heap_searched - heap_before) / total);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_object_unref (bench.store);
  return 0;
}
