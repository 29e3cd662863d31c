/* amigo-client-tls.c — whom an AmigoClient trusts: AWS_CA_BUNDLE, ca_bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-client-private.h"
#include "amigo-error.h"
#include "amigo-file.h"

/* A bundle of every public authority is under 1 MiB; the limit leaves room. */
#define CA_FILE_MAX_SIZE (16 * 1024 * 1024)

/* Keeps @unusable (taken) as the client's configuration error: every call
 * fails with it rather than trusting less or more than asked. */
static gboolean
fail (AmigoClient  *self,
      GError       *unusable,
      GError      **error)
{
  if (error != NULL)
    *error = g_error_copy (unusable);
  _amigo_client_set_config_error (self, unusable);
  return FALSE;
}

/* The authorities in @path. The file is looked at first as every outside
 * file is (amigo_file_read_bounded()): GIO would read a FIFO or /dev/zero
 * named by AWS_CA_BUNDLE without end. */
static GTlsDatabase *
open_ca_file (const char  *path,
              GError     **error)
{
  g_autofree char *contents = NULL;

  if (!amigo_file_read_bounded (path, CA_FILE_MAX_SIZE, &contents, NULL, error))
    return NULL;
  return g_tls_file_database_new (path, error);
}

/**
 * amigo_client_set_ca_file:
 * @self: a client
 * @path: a PEM file of certificate authorities (AWS_CA_BUNDLE, `ca_bundle`)
 * @error: where a failure goes
 *
 * Verifies servers against the authorities in @path instead of the system's.
 * Certificates are always verified. When the file cannot be used, the error
 * is returned and also kept: every call fails with it until a usable file is
 * set.
 *
 * Returns: %TRUE if the file was loaded
 */
gboolean
amigo_client_set_ca_file (AmigoClient  *self,
                          const char   *path,
                          GError      **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AMIGO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = open_ca_file (path, &local_error);
  if (database == NULL)
    {
      GError *unusable = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                                      _("The certificate authorities file “%s” (AWS_CA_BUNDLE) "
                                      "cannot be used: %s. Fix or unset it."),
                                      path, local_error->message);

      return fail (self, unusable, error);
    }

  soup_session_set_tls_database (amigo_client_get_session (self), database);
  _amigo_client_set_config_error (self, NULL);
  return TRUE;
}

/**
 * amigo_client_set_ca_bundle:
 * @self: a client
 * @path: a PEM file of certificate authorities
 * @profile_name: (nullable): the AWS profile whose `ca_bundle` it is, or
 *   %NULL for `AWS_CA_BUNDLE`
 * @error: where a failure goes
 *
 * amigo_client_set_ca_file(), with words naming where @path was set. The
 * AWS CLI takes `AWS_CA_BUNDLE` over the profile's `ca_bundle`
 * (amigo_aws_config_get_ca_bundle()).
 *
 * Returns: %TRUE if the file was loaded
 */
gboolean
amigo_client_set_ca_bundle (AmigoClient  *self,
                            const char   *path,
                            const char   *profile_name,
                            GError      **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AMIGO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (profile_name == NULL)
    return amigo_client_set_ca_file (self, path, error);

  database = open_ca_file (path, &local_error);
  if (database == NULL)
    return fail (self,
                 g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                              _("The certificate authorities file “%s” (ca_bundle of the "
                                "AWS profile “%s”) cannot be used: %s. Fix or remove the "
                                "setting."),
                              path, profile_name, local_error->message),
                 error);

  soup_session_set_tls_database (amigo_client_get_session (self), database);
  _amigo_client_set_config_error (self, NULL);
  return TRUE;
}
