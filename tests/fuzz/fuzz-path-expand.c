/* fuzz-path-expand.c — `$VAR`, `~` and `~user` in configured paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-aws-config.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *envp[] = { "HOME=/home/fuzz", NULL };
  g_autofree char *path = g_strndup ((const char *) data, size);
  g_autofree char *expanded = NULL;

  fuzz_quiet_logs ();
  expanded = amigo_aws_config_expand_path (path, envp);
  /* Only $VAR, ${VAR} and a leading ~ or ~user are ever replaced. */
  g_assert (expanded != NULL);
  if (path[0] != '~' && strchr (path, '$') == NULL)
    g_assert (strcmp (expanded, path) == 0);
  return 0;
}
