/* bench-s3-upload.c — a file uploaded through the multipart upload engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-s3-upload ENDPOINT FILE [BUCKET]
 *
 * Uploads FILE to ENDPOINT (path style; s3-upload-server.py, say) with
 * AmigoS3Upload — the real client, signing and hashing included — and
 * prints the size, the wall time, the throughput and the peak RSS.
 * compare-s3-upload.py runs it against `aws s3 cp`.
 */
#include "config.h"

#include <sys/resource.h>

#include "amigo-s3-upload.h"

static GAsyncResult *result;

static void
done_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  result = g_object_ref (res);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Upload) upload = NULL;
  g_autoptr(GError) error = NULL;
  const char *bucket = argc > 3 ? argv[3] : "bench";
  struct rusage usage;
  gint64 start;
  double seconds;
  guint64 size;

  if (argc < 3)
    {
      g_printerr ("usage: %s ENDPOINT FILE [BUCKET]\n", argv[0]);
      return 2;
    }
  credentials = amigo_credentials_new ("AKIDBENCHMARK", "bench-secret", NULL, 0);
  client = amigo_client_new (credentials);
  s3 = amigo_s3_new (client, "us-east-1", argv[1]);

  upload = amigo_s3_upload_new (s3, argv[2], bucket, "bench/disk.raw", &error);
  if (upload == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  size = amigo_s3_upload_get_file_size (upload);
  start = g_get_monotonic_time ();
  amigo_s3_upload_run_async (upload, NULL, done_cb, NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (!amigo_s3_upload_run_finish (upload, result, &error))
    {
      g_printerr ("%s\n", error->message);
      g_object_unref (result);
      return 1;
    }
  g_object_unref (result);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("amigo: %" G_GUINT64_FORMAT " bytes in %u parts of %" G_GUINT64_FORMAT " MiB, "
           "%.2f s, %.1f MiB/s, peak RSS %.1f MiB\n",
           size, amigo_s3_upload_get_n_parts (upload),
           amigo_s3_upload_get_part_size (upload) / (1024 * 1024), seconds,
           (double) size / (1024 * 1024) / seconds, usage.ru_maxrss / 1024.0);
  return 0;
}
