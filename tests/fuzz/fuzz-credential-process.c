/* fuzz-credential-process.c — what a credential_process prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program is the user's, its output outside input: anything it prints
 * is credentials or a clear error, never a crash — and the error never
 * repeats a secret it printed.
 */
#include "config.h"

#include <string.h>

#include "amigo-credential-process.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  fuzz_quiet_logs ();
  credentials = amigo_credential_process_parse_output ((const char *) data, size, "fuzz",
                                                       1767225600, &error);
  g_assert ((credentials == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
