/* standalone-main.c — replays fuzz inputs without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `fuzz-TARGET FILE|DIR...`: every file (folders are walked, one level)
 * goes through LLVMFuzzerTestOneInput once. It prints "N inputs" and exits
 * 0, or crashes as the target would under libFuzzer. Used by the unit
 * suite to replay the corpora and the regression inputs of past findings.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "fuzz.h"

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  n_inputs++;
}

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
                run_file (path);
            }
        }
      else
        run_file (argv[i]);
    }
  if (n_inputs == 0)
    {
      g_printerr ("no inputs\n");
      return 1;
    }
  g_print ("%u inputs\n", n_inputs);
  return 0;
}
