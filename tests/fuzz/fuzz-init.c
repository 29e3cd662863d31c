/* fuzz-init.c — what every fuzz target does once, before any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fuzz.h"

/* GLib keeps some per-thread caches (the locale's charset, the language
 * names gettext looks up) in pthread-specific data, which LeakSanitizer
 * does not count as reachable: made during an input, they would be
 * reported as that input's leak. Make them now. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *charset;
  const char **filename_charsets;

  fuzz_quiet_logs ();
  g_get_charset (&charset);
  g_get_filename_charsets (&filename_charsets);
  (void) g_get_language_names ();
  (void) g_get_tmp_dir ();
  (void) g_get_home_dir ();
  (void) _("Amigo");
  return 0;
}
