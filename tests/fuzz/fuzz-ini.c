/* fuzz-ini.c — the INI reader behind the AWS CLI's config and credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-ini.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;

  fuzz_quiet_logs ();
  sections = amigo_ini_parse ("fuzz-config", 0, (const char *) data, size, &error);
  g_assert ((sections == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      AmigoIniSection *section = g_ptr_array_index (sections, i);

      g_assert (section->name != NULL && section->values != NULL);
    }
  return 0;
}
