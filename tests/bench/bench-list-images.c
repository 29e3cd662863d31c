/* bench-list-images.c — listing images end to end through the real client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window does for a source: an AmigoImageStore asks AmigoEc2 for
 * DescribeImages, 1 000 images a page; AmigoClient signs (SigV4) and
 * sends each page over HTTP (libsoup), the answer is parsed while it
 * downloads and the images are appended to the store in batches. Prints
 * the number of images, the time to the first batch in the store, the
 * total time, the CPU time and the peak resident memory (getrusage
 * maxrss), one "key: value" a line.
 *
 *   bench-list-images ENDPOINT [REGION [SOURCE]]
 *
 * ENDPOINT is an EC2-compatible endpoint (a loopback one, such as
 * describe-images-server.py or moto); REGION defaults to us-east-1;
 * SOURCE is amazon (default), aws-marketplace, public or self. The keys
 * are AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or made-up ones.
 * "first-batch-epoch" is the wall-clock time of the first batch, to
 * compare with the server's first byte (describe-images-server.py
 * --first-byte-log).
 *
 * A timing program, not a test: it never fails on a number.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "amigo-client.h"
#include "amigo-credentials.h"
#include "amigo-ec2.h"
#include "amigo-image-store.h"

typedef struct {
  gint64 start;
  gint64 first_batch;
  gint64 first_batch_epoch;
  gboolean finished;
} Run;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Run        *run)
{
  if (run->first_batch == 0 && added > 0)
    {
      run->first_batch = g_get_monotonic_time ();
      run->first_batch_epoch = g_get_real_time ();
    }
}

static void
on_load_finished_cb (AmigoImageStore *store,
                     Run             *run)
{
  run->finished = TRUE;
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6
         + usage->ru_stime.tv_sec + usage->ru_stime.tv_usec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; AmigoImageSource source; } sources[] = {
    { "amazon", AMIGO_IMAGE_SOURCE_AMAZON },
    { "aws-marketplace", AMIGO_IMAGE_SOURCE_MARKETPLACE },
    { "public", AMIGO_IMAGE_SOURCE_PUBLIC },
    { "self", AMIGO_IMAGE_SOURCE_SELF },
  };
  const char *endpoint = argc > 1 ? argv[1] : NULL;
  const char *region = argc > 2 ? argv[2] : "us-east-1";
  const char *source_name = argc > 3 ? argv[3] : "amazon";
  const char *key_id = g_getenv ("AWS_ACCESS_KEY_ID");
  const char *secret = g_getenv ("AWS_SECRET_ACCESS_KEY");
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(AmigoImageStore) store = NULL;
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new ();
  AmigoImageSource source = AMIGO_IMAGE_SOURCE_AMAZON;
  gboolean known = FALSE;
  struct rusage usage;
  Run run = { 0 };
  gint64 end;

  if (endpoint == NULL || argc > 4)
    {
      fprintf (stderr, "usage: %s ENDPOINT [REGION [amazon|aws-marketplace|public|self]]\n", argv[0]);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i].name, source_name) == 0)
      {
        source = sources[i].source;
        known = TRUE;
      }
  if (!known)
    {
      fprintf (stderr, "unknown source %s\n", source_name);
      return 2;
    }

  credentials = amigo_credentials_new (key_id ? key_id : "AKIDBENCHMARKEXAMPLE",
                                       secret ? secret : "bench/secret/not/a/real/one", NULL, 0);
  client = amigo_client_new (credentials);
  ec2 = amigo_ec2_new (client, region, endpoint);
  g_ptr_array_add (ec2s, ec2);
  store = amigo_image_store_new ();
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed_cb), &run);
  g_signal_connect (store, "load-finished", G_CALLBACK (on_load_finished_cb), &run);

  run.start = g_get_monotonic_time ();
  /* As the window asks for a large source: no deprecated images. */
  amigo_image_store_load_full (store, ec2s, source, NULL, FALSE, NULL);
  while (!run.finished)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();

  if (amigo_image_store_get_error (store) != NULL)
    {
      fprintf (stderr, "listing failed: %s\n", amigo_image_store_get_error (store)->message);
      return 1;
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("images: %u\n", g_list_model_get_n_items (G_LIST_MODEL (store)));
  printf ("first-batch-seconds: %.3f\n", run.first_batch ? (run.first_batch - run.start) / 1e6 : 0.0);
  printf ("first-batch-epoch: %.6f\n", run.first_batch_epoch / 1e6);
  printf ("total-seconds: %.3f\n", (end - run.start) / 1e6);
  printf ("cpu-seconds: %.3f\n", cpu_seconds (&usage));
  printf ("peak-rss-mib: %.1f\n", usage.ru_maxrss / 1024.0);
  return 0;
}
