/* amigo-credential-chain.c — credentials the way the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is botocore's credential chain, minus the providers we do not
 * have yet (which are reported, never skipped silently):
 *
 *   1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), only
 *      when no profile is named explicitly;
 *   2. the profile (the named one, else AWS_PROFILE, else `default`):
 *      role_arn → "not supported yet";
 *      sso_session / sso_start_url → IAM Identity Center (amigo-sso*.c);
 *      static keys from the credentials file;
 *      credential_process;
 *      static keys from the config file.
 *
 * The credential_process itself runs in amigo-credential-process.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-credential-chain.h"
#include "amigo-error.h"
#include "amigo-sso.h"

typedef struct
{
  AmigoCredentialSource source;
  char *profile_name;
} ResolveData;

static void
resolve_data_free (gpointer data)
{
  ResolveData *rd = data;

  g_free (rd->profile_name);
  g_free (rd);
}

/* ------------------------------------------------------------------------
 * The chain
 * ------------------------------------------------------------------------ */

static const char *
nonempty (const char *value)
{
  return (value != NULL && *value != '\0') ? value : NULL;
}

/* Static keys from one file's section for the profile, or an error when
 * only half of them is there. */
static AmigoCredentials *
profile_static_credentials (AmigoAwsConfig   *config,
                            AmigoAwsProfile  *profile,
                            AmigoAwsFile      file,
                            GError          **error)
{
  const char *name = amigo_aws_profile_get_name (profile);
  const char *path = file == AMIGO_AWS_FILE_CONFIG ? amigo_aws_config_get_config_path (config)
                                                   : amigo_aws_config_get_credentials_path (config);
  const char *access_key_id = nonempty (amigo_aws_profile_get_in_file (profile, file, "aws_access_key_id"));
  const char *secret_access_key = nonempty (amigo_aws_profile_get_in_file (profile, file, "aws_secret_access_key"));
  const char *session_token = nonempty (amigo_aws_profile_get_in_file (profile, file, "aws_session_token"));

  if (session_token == NULL)
    session_token = nonempty (amigo_aws_profile_get_in_file (profile, file, "aws_security_token"));

  if (access_key_id == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” in “%s” has an empty aws_access_key_id. "
                     "Set it with “aws configure --profile %s”."),
                   name, path, name);
      return NULL;
    }
  if (secret_access_key == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” in “%s” has an aws_access_key_id but no "
                     "aws_secret_access_key. Add the secret key with "
                     "“aws configure --profile %s”."),
                   name, path, name);
      return NULL;
    }
  return amigo_credentials_new (access_key_id, secret_access_key, session_token, 0);
}

/* FALSE, with an error, when the profile asks for what Amigo cannot do yet. */
static gboolean
check_supported (AmigoAwsProfile  *profile,
                 GError          **error)
{
  const char *name = amigo_aws_profile_get_name (profile);

  if (amigo_aws_profile_has_key (profile, "role_arn"))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” assumes an IAM role (role_arn), which Amigo "
                     "does not support yet. Add an account with access keys, or give the "
                     "profile a credential_process such as “aws configure export-credentials "
                     "--profile %s --format process”."),
                   name, name);
      return FALSE;
    }

  return TRUE;
}

static void
chain_process_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = amigo_credential_process_run_finish (result, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

static void
chain_sso_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = amigo_sso_resolve_credentials_finish (AMIGO_AWS_CONFIG (source), result, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

static void
return_credentials (GTask                 *task,
                    AmigoCredentials      *credentials,
                    AmigoCredentialSource  source,
                    GError                *error)
{
  ResolveData *rd = g_task_get_task_data (task);

  rd->source = source;
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

/**
 * amigo_credential_chain_resolve_async:
 * @config: the AWS CLI configuration (and environment)
 * @profile_name: (nullable): a profile to use, or %NULL to do as the AWS CLI
 *   does with no `--profile`: environment keys first, then `AWS_PROFILE`
 *   (or `AWS_DEFAULT_PROFILE`), then `default`
 * @cancellable: (nullable): a #GCancellable; cancelling kills a running
 *   credential_process
 * @callback: called with the credentials
 * @user_data: data for @callback
 *
 * Finds credentials the way the AWS CLI does. Within a profile: static
 * keys from the credentials file, then `credential_process` (with the
 * timeout of amigo_aws_config_set_credential_process_timeout()), then
 * static keys from the config file; IAM Identity Center before them all.
 * Profiles that assume a role are reported as not supported yet.
 */
void
amigo_credential_chain_resolve_async (AmigoAwsConfig      *config,
                                      const char          *profile_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(AmigoAwsProfile) profile = NULL;
  GError *error = NULL;
  ResolveData *rd;
  gboolean named = profile_name != NULL;
  const char *process;

  g_return_if_fail (AMIGO_IS_AWS_CONFIG (config));

  task = g_task_new (config, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_credential_chain_resolve_async);
  rd = g_new0 (ResolveData, 1);
  g_task_set_task_data (task, rd, resolve_data_free);

  if (profile_name == NULL)
    {
      const char *access_key_id = nonempty (amigo_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"));
      const char *secret_access_key = nonempty (amigo_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY"));
      const char *session_token = nonempty (amigo_aws_config_getenv (config, "AWS_SESSION_TOKEN"));

      if (session_token == NULL)
        session_token = nonempty (amigo_aws_config_getenv (config, "AWS_SECURITY_TOKEN"));

      /* As in botocore, a secret alone is ignored; a key id alone is an error. */
      if (access_key_id != NULL)
        {
          if (secret_access_key == NULL)
            {
              g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                                       _("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY "
                                         "is not. Set both, or unset AWS_ACCESS_KEY_ID to use "
                                         "a profile."));
              return;
            }
          return_credentials (task,
                              amigo_credentials_new (access_key_id, secret_access_key,
                                                     session_token, 0),
                              AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT, NULL);
          return;
        }

      profile_name = amigo_aws_config_get_selected_profile_name (config);
      named = nonempty (amigo_aws_config_getenv (config, "AWS_PROFILE")) != NULL
              || nonempty (amigo_aws_config_getenv (config, "AWS_DEFAULT_PROFILE")) != NULL;
    }

  rd->profile_name = g_strdup (profile_name);

  profile = amigo_aws_config_lookup_profile (config, profile_name, &error);
  if (profile == NULL)
    {
      if (!named)
        {
          /* Nothing set anywhere: not a typo, just no credentials. */
          g_clear_error (&error);
          g_set_error (&error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                       _("No AWS credentials were found: AWS_ACCESS_KEY_ID is not set and "
                         "there is no “default” profile in “%s” or “%s”. Add an account "
                         "with its access keys, or run “aws configure”."),
                       amigo_aws_config_get_config_path (config) != NULL
                         ? amigo_aws_config_get_config_path (config) : "~/.aws/config",
                       amigo_aws_config_get_credentials_path (config) != NULL
                         ? amigo_aws_config_get_credentials_path (config) : "~/.aws/credentials");
        }
      g_task_return_error (task, error);
      return;
    }

  if (!check_supported (profile, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* botocore's order: IAM Identity Center before the files' static keys. */
  if (amigo_aws_profile_uses_sso (profile))
    {
      rd->source = AMIGO_CREDENTIAL_SOURCE_SSO;
      amigo_sso_resolve_credentials_async (config, profile_name, cancellable, chain_sso_cb,
                                           g_object_ref (task));
      return;
    }

  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CREDENTIALS, "aws_access_key_id") != NULL)
    {
      AmigoCredentials *credentials =
        profile_static_credentials (config, profile, AMIGO_AWS_FILE_CREDENTIALS, &error);

      return_credentials (task, credentials, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE, error);
      return;
    }

  process = nonempty (amigo_aws_profile_get_credential_process (profile));
  if (process != NULL)
    {
      rd->source = AMIGO_CREDENTIAL_SOURCE_PROCESS;
      amigo_credential_process_run_async (process, amigo_aws_config_get_environ (config),
                                          profile_name,
                                          amigo_aws_config_get_credential_process_timeout (config),
                                          cancellable, chain_process_cb, g_object_ref (task));
      return;
    }

  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CONFIG, "aws_access_key_id") != NULL)
    {
      AmigoCredentials *credentials =
        profile_static_credentials (config, profile, AMIGO_AWS_FILE_CONFIG, &error);

      return_credentials (task, credentials, AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE, error);
      return;
    }

  g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                           _("The AWS profile “%s” has no credentials: it sets neither "
                             "aws_access_key_id and aws_secret_access_key nor "
                             "credential_process. Add keys with “aws configure --profile %s”."),
                           profile_name, profile_name);
}

/**
 * amigo_credential_chain_resolve_finish:
 * @config: the configuration given to amigo_credential_chain_resolve_async()
 * @result: the #GAsyncResult
 * @out_source: (out) (optional): where the credentials came from
 * @out_profile_name: (out) (optional) (transfer full) (nullable): the
 *   profile they came from, %NULL for the environment
 * @error: return location for an error: %AMIGO_AWS_ERROR_NO_CREDENTIALS,
 *   %AMIGO_AWS_ERROR_NOT_FOUND (no such profile), %AMIGO_AWS_ERROR_CONFIG
 *   (incomplete or unsupported profile), %AMIGO_AWS_ERROR_PROCESS,
 *   %AMIGO_AWS_ERROR_EXPIRED, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the credentials, or %NULL
 */
AmigoCredentials *
amigo_credential_chain_resolve_finish (AmigoAwsConfig         *config,
                                       GAsyncResult           *result,
                                       AmigoCredentialSource  *out_source,
                                       char                  **out_profile_name,
                                       GError                **error)
{
  AmigoCredentials *credentials;
  ResolveData *rd;

  g_return_val_if_fail (g_task_is_valid (result, config), NULL);

  rd = g_task_get_task_data (G_TASK (result));
  credentials = g_task_propagate_pointer (G_TASK (result), error);
  if (credentials != NULL)
    {
      if (out_source != NULL)
        *out_source = rd->source;
      if (out_profile_name != NULL)
        *out_profile_name = g_strdup (rd->profile_name);
    }
  return credentials;
}
