/* fuzz-keyring-secret.c — the keyring item's secret, decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What another program (or an older Amigo) left in the keyring is outside
 * input. A secret that decodes must encode back to one that decodes to the
 * same credentials.
 */
#include "config.h"

#include <string.h>

#include "amigo-keyring-secret.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  fuzz_quiet_logs ();
  credentials = amigo_keyring_secret_decode ((const char *) data, size, &error);
  g_assert ((credentials == NULL) != (error == NULL));
  if (credentials != NULL)
    {
      char *encoded = amigo_keyring_secret_encode (credentials);
      g_autoptr(AmigoCredentials) again = NULL;
      g_autoptr(GError) error2 = NULL;

      g_assert (encoded != NULL);
      again = amigo_keyring_secret_decode (encoded, strlen (encoded), &error2);
      g_assert (again != NULL);
      g_assert (g_strcmp0 (amigo_credentials_get_access_key_id (again),
                           amigo_credentials_get_access_key_id (credentials)) == 0);
      g_assert (g_strcmp0 (amigo_credentials_get_secret_access_key (again),
                           amigo_credentials_get_secret_access_key (credentials)) == 0);
      g_assert (g_strcmp0 (amigo_credentials_get_session_token (again),
                           amigo_credentials_get_session_token (credentials)) == 0);
      amigo_secure_free_string (encoded);
    }
  return 0;
}
