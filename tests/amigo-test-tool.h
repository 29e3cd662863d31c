/* amigo-test-tool.h — a test that needs a tool the machine lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CI installs every tool the tests use (build-aux/install-deps.sh): there
 * (CI=true) a missing one is a failure, not a reason to test less.
 * Elsewhere the test is skipped, saying what to install.
 */
#pragma once

#include <glib.h>

static inline void
amigo_test_missing_tool (const char *what,
                         const char *package)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    {
      g_test_fail_printf ("%s (CI=true: build-aux/install-deps.sh installs %s)", what, package);
      return;
    }
  reason = g_strdup_printf ("%s (install %s)", what, package);
  g_test_skip (reason);
}
