/* bench-cleanup.c — the Clean Up view's facts for many own images across
 * several regions, through the real client, against a local server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts tests/bench/cleanup-server.py (5 000 images over 4 regions by
 * default), then runs what the Clean Up window runs (AmigoCleanupScan:
 * every region at once; DescribeImages, DescribeSnapshots,
 * GetAllowedImagesSettings and DescribeImageReferences batches sent
 * together, paced by the client's adaptive limiter within the server's
 * EC2-like token buckets). Prints, one "key: value" a line: images,
 * regions, operations started, requests the server saw and throttled,
 * the seconds until the view's data is ready, CPU seconds and peak RSS.
 *
 *   bench-cleanup SERVER.py [IMAGES [REGIONS]]
 *
 * A timing program, not a test: it never fails on a number.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "amigo-cleanup-scan.h"
#include "amigo-client.h"
#include "amigo-credentials.h"

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  const char *server_py = argc > 1 ? argv[1] : NULL;
  const char *images = argc > 2 ? argv[2] : "5000";
  const char *regions_arg = argc > 3 ? argv[3] : "us-east-1,eu-west-1,ap-northeast-1,sa-east-1";
  g_auto(GStrv) regions = g_strsplit (regions_arg, ",", -1);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  g_autofree char *endpoint = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmigoCleanupScan) scan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) stats = NULL;
  struct rusage usage;
  gint64 start, end;
  gboolean ok;

  if (server_py == NULL)
    {
      fprintf (stderr, "usage: %s cleanup-server.py [IMAGES [REGION,REGION,...]]\n", argv[0]);
      return 2;
    }
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "python3", server_py,
                             "--images", images, "--regions", regions_arg, NULL);
  if (server == NULL)
    {
      fprintf (stderr, "cannot start %s: %s\n", server_py, error->message);
      return 1;
    }
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  port = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (port == NULL)
    {
      fprintf (stderr, "the server said nothing: %s\n", error ? error->message : "end of output");
      return 1;
    }
  endpoint = g_strdup_printf ("http://127.0.0.1:%s", port);

  credentials = amigo_credentials_new ("AKIDBENCHMARKEXAMPLE", "bench/secret/not/a/real/one", NULL, 0);
  client = amigo_client_new (credentials);
  for (guint i = 0; regions[i] != NULL; i++)
    g_ptr_array_add (ec2s, amigo_ec2_new (client, regions[i], endpoint));
  scan = amigo_cleanup_scan_new (ec2s);

  start = g_get_monotonic_time ();
  amigo_cleanup_scan_run_async (scan, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  ok = amigo_cleanup_scan_run_finish (scan, result, &error);

  session = soup_session_new ();
  {
    g_autofree char *url = g_strdup_printf ("%s/stats", endpoint);

    message = soup_message_new ("GET", url);
    stats = soup_session_send_and_read (session, message, NULL, NULL);
  }
  g_subprocess_force_exit (server);

  if (!ok)
    {
      fprintf (stderr, "scan failed: %s\n", error->message);
      return 1;
    }
  getrusage (RUSAGE_SELF, &usage);
  printf ("images: %u\n", amigo_cleanup_scan_get_entries (scan)->len);
  printf ("regions: %u\n", g_strv_length (regions));
  printf ("operations: %u\n", amigo_cleanup_scan_get_n_calls (scan));
  printf ("problems: %u\n", amigo_cleanup_scan_get_problems (scan)->len);
  printf ("server-stats: %.*s\n", stats ? (int) g_bytes_get_size (stats) : 0,
          stats ? (const char *) g_bytes_get_data (stats, NULL) : "");
  printf ("ready-seconds: %.3f\n", (end - start) / 1e6);
  printf ("cpu-seconds: %.3f\n", usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
                                 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
  printf ("peak-rss-mib: %.1f\n", usage.ru_maxrss / 1024.0);
  return 0;
}
