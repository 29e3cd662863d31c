/* fuzz.h — what every fuzz target defines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target is one libFuzzer entry point. Built with clang and
 * -Dfuzzing=true it links libFuzzer (build-aux/fuzz.sh); otherwise it links
 * standalone-main.c, which runs the files or folders named on its command
 * line through it — so the unit suite replays every corpus on every build.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* Reads a little-endian number from the front of the input, consuming it. */
static inline guint
fuzz_take_uint (const uint8_t **data,
                size_t         *size,
                guint           bytes)
{
  guint value = 0;

  for (guint i = 0; i < bytes && *size > 0; i++)
    {
      value |= (guint) (*data)[0] << (8 * i);
      (*data)++;
      (*size)--;
    }
  return value;
}

/* Silences GLib's own warnings: a fuzzer input is expected to be bad, and
 * g_warning would abort under G_DEBUG=fatal-warnings. Criticals abort:
 * they mean the code called an API wrongly (a NULL passed on), so they are
 * findings libFuzzer must keep, not noise in the log. */
static inline void
fuzz_quiet_logs (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (g_log_writer_default, NULL, NULL);
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
      g_once_init_leave (&done, 1);
    }
}
