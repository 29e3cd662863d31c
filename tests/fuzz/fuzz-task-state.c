/* fuzz-task-state.c — the task list's state file, loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file survives restarts and may be truncated by a crash or edited by
 * hand: any content loads as some tasks, or none, without a crash.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "amigo-task-state-file.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path, *bad_path;
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean rewrite = FALSE;

  fuzz_quiet_logs ();
  if (path == NULL)
    {
      path = g_strdup_printf ("%s/amigo-fuzz-tasks-%d.json", g_get_tmp_dir (), (int) getpid ());
      /* Where an unreadable file is set aside for a person to look at. */
      bad_path = g_strconcat (path, ".bad", NULL);
    }
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;
  tasks = amigo_task_state_file_load (path, 1767225600, &rewrite);
  g_unlink (path);
  g_unlink (bad_path);
  return 0;
}
