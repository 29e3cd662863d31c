/* amigo-credential-chain.c — credentials the way the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is botocore's credential chain (credentials.py,
 * create_credential_resolver), minus the instance and container metadata
 * providers (a credential_source naming them is reported, never skipped
 * silently):
 *
 *   1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), only
 *      when no profile is named explicitly;
 *   2. the profile (the named one, else AWS_PROFILE, else `default`):
 *      role_arn (without web_identity_token_file) → AssumeRole, with the
 *        credentials of source_profile (a chain of any length; a cycle is
 *        an error naming it) or of credential_source = Environment;
 *      web identity → AssumeRoleWithWebIdentity (unsigned), each of
 *        AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME
 *        taking precedence over the profile's web_identity_token_file,
 *        role_arn, role_session_name — so the environment's web identity
 *        comes before the profile's static keys, as in botocore;
 *      sso_session / sso_start_url → IAM Identity Center (amigo-sso*.c);
 *      static keys from the credentials file;
 *      credential_process;
 *      static keys from the config file.
 *
 * A source profile is read as botocore's AssumeRoleProvider reads it: its
 * static keys if it has any, else its own role, else its other providers,
 * with the environment's variables ignored.
 *
 * The chain is planned first (which profiles, which roles, what base
 * credentials), synchronously, so every configuration error is found
 * before anything is asked of STS; then the base credentials are fetched
 * and each role is assumed in turn, the first one with the base.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-credential-chain.h"
#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "amigo-file.h"
#include "amigo-gtask-private.h"
#include "amigo-sso.h"
#include "amigo-sts.h"

/* An OIDC token is a few KiB; AWS takes at most 20 000 characters
 * (AssumeRoleWithWebIdentity's WebIdentityToken). */
#define WEB_IDENTITY_TOKEN_MAX_SIZE (64 * 1024)

typedef enum {
  BASE_STATIC,
  BASE_PROCESS,
  BASE_WEB_IDENTITY,
  BASE_SSO,
} BaseKind;

/* One role to assume, of one profile. */
typedef struct {
  char *profile_name;
  AmigoRoleSettings *role;      /* its session name always set */
} RoleStep;

typedef struct
{
  AmigoCredentialSource source;
  char *profile_name;
  char *sts_profile;            /* whose region and endpoint STS is asked at */

  /* The plan. */
  BaseKind base;
  AmigoCredentials *credentials;  /* the base ones, then each session's */
  char *process;                /* BASE_PROCESS */
  char *process_profile;
  char *sso_profile;            /* BASE_SSO */
  char *token_file;             /* BASE_WEB_IDENTITY */
  char *web_role_arn;
  char *web_session_name;
  GPtrArray *roles;             /* RoleStep, the outermost first */
  guint next_role;              /* counts down to 0 */
} ResolveData;

static void
role_step_free (gpointer data)
{
  RoleStep *step = data;

  g_free (step->profile_name);
  amigo_role_settings_free (step->role);
  g_free (step);
}

static void
resolve_data_free (gpointer data)
{
  ResolveData *rd = data;

  g_free (rd->profile_name);
  g_free (rd->sts_profile);
  g_clear_pointer (&rd->credentials, amigo_credentials_unref);
  g_free (rd->process);
  g_free (rd->process_profile);
  g_free (rd->sso_profile);
  g_free (rd->token_file);
  g_free (rd->web_role_arn);
  g_free (rd->web_session_name);
  g_ptr_array_unref (rd->roles);
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

static gboolean
has_static_keys (AmigoAwsProfile *profile)
{
  return amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CREDENTIALS, "aws_access_key_id") != NULL ||
         amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CONFIG, "aws_access_key_id") != NULL;
}

/* botocore's AssumeRoleProvider._has_assume_role_config_vars: a role_arn
 * beside a web_identity_token_file is the web identity's. */
static gboolean
assumes_role (AmigoAwsProfile *profile)
{
  return amigo_aws_profile_has_key (profile, "role_arn") &&
         !amigo_aws_profile_has_key (profile, "web_identity_token_file");
}

/**
 * amigo_credential_chain_default_session_name:
 *
 * botocore's rule for a role session without role_session_name
 * (credentials.py, _generate_assume_role_name): `botocore-session-` and
 * the Unix time. Amigo keeps it, so that CloudTrail shows what the AWS CLI
 * would have shown.
 *
 * Returns: (transfer full): the session name
 */
char *
amigo_credential_chain_default_session_name (void)
{
  return g_strdup_printf ("botocore-session-%" G_GINT64_FORMAT,
                          g_get_real_time () / G_USEC_PER_SEC);
}

static gboolean
parse_duration (AmigoAwsProfile  *profile,
                gint             *out,
                GError          **error)
{
  const char *value = nonempty (amigo_aws_profile_get (profile, "duration_seconds"));
  guint64 parsed = 0;

  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &parsed, NULL))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” has duration_seconds = “%s”, which is not a "
                     "number of seconds."),
                   amigo_aws_profile_get_name (profile), value);
      return FALSE;
    }
  *out = (gint) parsed;
  return TRUE;
}

static char *
format_chain (GPtrArray  *visited,
              const char *last)
{
  GString *chain = g_string_new (NULL);

  for (guint i = 0; i < visited->len; i++)
    g_string_append_printf (chain, "%s → ", (const char *) g_ptr_array_index (visited, i));
  g_string_append (chain, last);
  return g_string_free (chain, FALSE);
}

static gboolean plan_providers (AmigoAwsConfig   *config,
                                ResolveData      *rd,
                                AmigoAwsProfile  *profile,
                                const char       *name,
                                gboolean          use_env,
                                GError          **error);

/* Static keys from the profile: the credentials file's first. */
static gboolean
plan_static (AmigoAwsConfig   *config,
             ResolveData      *rd,
             AmigoAwsProfile  *profile,
             GError          **error)
{
  AmigoAwsFile file = amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CREDENTIALS,
                                                     "aws_access_key_id") != NULL
                        ? AMIGO_AWS_FILE_CREDENTIALS : AMIGO_AWS_FILE_CONFIG;

  rd->base = BASE_STATIC;
  rd->credentials = profile_static_credentials (config, profile, file, error);
  if (rd->source != AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE)
    rd->source = file == AMIGO_AWS_FILE_CREDENTIALS ? AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE
                                                    : AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE;
  return rd->credentials != NULL;
}

/* botocore's AssumeRoleProvider: the role of @profile, and below it, its
 * source. @visited holds the profiles of the chain so far. */
static gboolean
plan_role (AmigoAwsConfig   *config,
           ResolveData      *rd,
           AmigoAwsProfile  *profile,
           GPtrArray        *visited,
           GError          **error)
{
  const char *name = amigo_aws_profile_get_name (profile);
  const char *source_profile = nonempty (amigo_aws_profile_get (profile, "source_profile"));
  const char *credential_source = nonempty (amigo_aws_profile_get (profile, "credential_source"));
  g_autoptr(AmigoAwsProfile) source = NULL;
  RoleStep *step;
  gint duration;

  if (source_profile != NULL && credential_source != NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” sets both source_profile and credential_source; "
                     "keep only one."), name);
      return FALSE;
    }
  if (source_profile == NULL && credential_source == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” assumes a role (role_arn) but says with which "
                     "credentials neither: add source_profile or credential_source."), name);
      return FALSE;
    }
  if (!parse_duration (profile, &duration, error))
    return FALSE;

  step = g_new0 (RoleStep, 1);
  step->profile_name = g_strdup (name);
  step->role = g_new0 (AmigoRoleSettings, 1);
  step->role->role_arn = g_strdup (amigo_aws_profile_get (profile, "role_arn"));
  step->role->session_name = g_strdup (nonempty (amigo_aws_profile_get (profile, "role_session_name")));
  if (step->role->session_name == NULL)
    step->role->session_name = amigo_credential_chain_default_session_name ();
  step->role->external_id = g_strdup (nonempty (amigo_aws_profile_get (profile, "external_id")));
  step->role->mfa_serial = g_strdup (nonempty (amigo_aws_profile_get (profile, "mfa_serial")));
  step->role->duration_seconds = duration;
  g_ptr_array_add (rd->roles, step);
  rd->source = AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE;

  if (credential_source != NULL)
    {
      const char *key_id = nonempty (amigo_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"));
      const char *secret = nonempty (amigo_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY"));
      const char *token = nonempty (amigo_aws_config_getenv (config, "AWS_SESSION_TOKEN"));

      if (g_strcmp0 (credential_source, "Ec2InstanceMetadata") == 0 ||
          g_strcmp0 (credential_source, "EcsContainer") == 0)
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                       _("The AWS profile “%s” takes its credentials from %s, which Amigo "
                         "does not support: it runs on a desktop, not on EC2 or ECS. Use "
                         "source_profile or credential_source = Environment."),
                       name, credential_source);
          return FALSE;
        }
      if (g_strcmp0 (credential_source, "Environment") != 0)
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                       _("The AWS profile “%s” has credential_source = “%s”; the AWS CLI "
                         "knows Environment, Ec2InstanceMetadata and EcsContainer."),
                       name, credential_source);
          return FALSE;
        }
      if (key_id == NULL || secret == NULL)
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                       _("The AWS profile “%s” takes its credentials from the environment "
                         "(credential_source = Environment), but AWS_ACCESS_KEY_ID and "
                         "AWS_SECRET_ACCESS_KEY are not both set."), name);
          return FALSE;
        }
      if (token == NULL)
        token = nonempty (amigo_aws_config_getenv (config, "AWS_SECURITY_TOKEN"));
      rd->base = BASE_STATIC;
      rd->credentials = amigo_credentials_new (key_id, secret, token, 0);
      return TRUE;
    }

  source = amigo_aws_config_get_profile (config, source_profile);
  if (source == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The source_profile “%s” that the AWS profile “%s” names does not exist."),
                   source_profile, name);
      return FALSE;
    }

  /* botocore's _validate_source_profile: a profile may name itself when
   * it has the static keys; any other return is a loop. */
  for (guint i = 0; i < visited->len; i++)
    if (g_strcmp0 (g_ptr_array_index (visited, i), source_profile) == 0 &&
        (g_strcmp0 (source_profile, name) != 0 || !has_static_keys (source)))
      {
        g_autofree char *chain = format_chain (visited, source_profile);

        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS profiles assume roles in a loop: %s. Give one of them "
                       "access keys or a credential_process instead of a source_profile."),
                     chain);
        return FALSE;
      }
  g_ptr_array_add (visited, g_strdup (source_profile));

  if (has_static_keys (source))
    return plan_static (config, rd, source, error);
  if (assumes_role (source))
    return plan_role (config, rd, source, visited, error);
  if (!plan_providers (config, rd, source, source_profile, FALSE, error))
    return FALSE;
  rd->source = AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE;
  return TRUE;
}

static const char *
env_or_profile (AmigoAwsConfig  *config,
                gboolean         use_env,
                const char      *variable,
                AmigoAwsProfile *profile,
                const char      *key)
{
  const char *value = use_env ? nonempty (amigo_aws_config_getenv (config, variable)) : NULL;

  if (value == NULL && profile != NULL)
    value = nonempty (amigo_aws_profile_get (profile, key));
  return value;
}

/* The web identity, as AssumeRoleWithWebIdentityProvider reads it: each
 * setting from the environment (unless it is a source profile's), else
 * from the profile. FALSE with no error when there is none. */
static gboolean
plan_web_identity (AmigoAwsConfig   *config,
                   ResolveData      *rd,
                   AmigoAwsProfile  *profile,
                   gboolean          use_env,
                   GError          **error)
{
  const char *token_file = env_or_profile (config, use_env, "AWS_WEB_IDENTITY_TOKEN_FILE",
                                           profile, "web_identity_token_file");
  const char *role_arn = env_or_profile (config, use_env, "AWS_ROLE_ARN", profile, "role_arn");
  const char *session_name = env_or_profile (config, use_env, "AWS_ROLE_SESSION_NAME",
                                             profile, "role_session_name");

  if (token_file == NULL)
    return FALSE;
  if (role_arn == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("A web identity token file is set (AWS_WEB_IDENTITY_TOKEN_FILE or "
                     "web_identity_token_file) but no role to assume with it: set "
                     "AWS_ROLE_ARN or the profile’s role_arn."));
      return FALSE;
    }
  rd->base = BASE_WEB_IDENTITY;
  rd->source = AMIGO_CREDENTIAL_SOURCE_WEB_IDENTITY;
  rd->token_file = g_strdup (token_file);
  rd->web_role_arn = g_strdup (role_arn);
  rd->web_session_name = session_name ? g_strdup (session_name)
                                      : amigo_credential_chain_default_session_name ();
  return TRUE;
}

/* The providers after the assume-role one: web identity, SSO,
 * the credentials file, credential_process, the config file. @profile
 * may be %NULL (no such profile, but maybe a web identity in the
 * environment). */
static gboolean
plan_providers (AmigoAwsConfig   *config,
                ResolveData      *rd,
                AmigoAwsProfile  *profile,
                const char       *name,
                gboolean          use_env,
                GError          **error)
{
  const char *process;
  GError *local_error = NULL;

  if (plan_web_identity (config, rd, profile, use_env, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (profile == NULL)
    return FALSE;

  /* botocore's order: IAM Identity Center before the files' static keys. */
  if (amigo_aws_profile_uses_sso (profile))
    {
      rd->base = BASE_SSO;
      rd->source = AMIGO_CREDENTIAL_SOURCE_SSO;
      rd->sso_profile = g_strdup (name);
      return TRUE;
    }

  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CREDENTIALS, "aws_access_key_id") != NULL)
    return plan_static (config, rd, profile, error);

  process = nonempty (amigo_aws_profile_get_credential_process (profile));
  if (process != NULL)
    {
      rd->base = BASE_PROCESS;
      rd->source = AMIGO_CREDENTIAL_SOURCE_PROCESS;
      rd->process = g_strdup (process);
      rd->process_profile = g_strdup (name);
      return TRUE;
    }

  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CONFIG, "aws_access_key_id") != NULL)
    return plan_static (config, rd, profile, error);

  g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
               _("The AWS profile “%s” has no credentials: it sets neither "
                 "aws_access_key_id and aws_secret_access_key nor "
                 "credential_process. Add keys with “aws configure --profile %s”."),
               name, name);
  return FALSE;
}

/* ---- running the plan -------------------------------------------------- */

typedef struct {
  AmigoMfaPromptFunc func;
  gpointer data;
  GDestroyNotify destroy;
} MfaPrompt;

static void
mfa_prompt_free (gpointer data)
{
  MfaPrompt *prompt = data;

  if (prompt->destroy != NULL)
    prompt->destroy (prompt->data);
  g_free (prompt);
}

/**
 * amigo_credential_chain_set_mfa_prompt:
 * @config: the configuration the chain resolves with
 * @func: (nullable): asks for an MFA code; %NULL: roles with mfa_serial
 *   fail with an error that says a code is needed
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * How the chain asks for the code of a role's `mfa_serial` when it makes
 * a new session (the app: a dialog). The code is never kept.
 */
void
amigo_credential_chain_set_mfa_prompt (AmigoAwsConfig     *config,
                                       AmigoMfaPromptFunc  func,
                                       gpointer            user_data,
                                       GDestroyNotify      destroy)
{
  MfaPrompt *prompt = NULL;

  g_return_if_fail (AMIGO_IS_AWS_CONFIG (config));

  if (func != NULL)
    {
      prompt = g_new0 (MfaPrompt, 1);
      prompt->func = func;
      prompt->data = user_data;
      prompt->destroy = destroy;
    }
  g_object_set_data_full (G_OBJECT (config), "amigo-mfa-prompt", prompt, mfa_prompt_free);
}

/* STS at the region and endpoint the outermost profile configures, with
 * @credentials (nullable: an unsigned call). */
static AmigoSts *
new_sts (AmigoAwsConfig    *config,
         ResolveData       *rd,
         AmigoCredentials  *credentials,
         GError           **error)
{
  g_autofree char *region = amigo_aws_config_resolve_region (config, rd->sts_profile);
  g_autofree char *profile_url = rd->sts_profile
    ? amigo_aws_config_get_endpoint_url (config, rd->sts_profile, "sts") : NULL;
  g_autoptr(AmigoEndpoint) endpoint = NULL;
  g_autoptr(AmigoClient) client = NULL;
  const char *ca_bundle;
  gboolean from_profile = FALSE;

  endpoint = amigo_endpoint_resolve_variant ("sts", region && *region ? region : "us-east-1",
                                             amigo_aws_config_get_environ (config), NULL,
                                             profile_url, AMIGO_ENDPOINT_VARIANT_NONE, error);
  if (endpoint == NULL)
    return NULL;
  client = amigo_client_new (credentials);
  ca_bundle = amigo_aws_config_get_ca_bundle (config, rd->sts_profile, &from_profile);
  if (ca_bundle != NULL &&
      !amigo_client_set_ca_bundle (client, ca_bundle, from_profile ? rd->sts_profile : NULL, error))
    return NULL;
  return amigo_sts_new (client, endpoint->signing_region, endpoint->url);
}

static void next_role (GTask *task);

static void
return_credentials (GTask *task)
{
  ResolveData *rd = g_task_get_task_data (task);

  g_task_return_pointer (task, amigo_credentials_ref (rd->credentials),
                         (GDestroyNotify) amigo_credentials_unref);
  g_object_unref (task);
}

/* Ends the resolution with @error (taken). */
static void
fail (GTask  *task,
      GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* The credentials of a step have come (the base ones, or a role's
 * session): the next role is assumed with them. %NULL: the step failed
 * with @error (taken), and so does the resolution. */
static void
step_done (GTask            *task,
           AmigoCredentials *credentials,
           GError           *error)
{
  ResolveData *rd = g_task_get_task_data (task);

  if (credentials == NULL)
    {
      fail (task, error);
      return;
    }
  g_clear_pointer (&rd->credentials, amigo_credentials_unref);
  rd->credentials = credentials;
  next_role (task);
}

/* How a role is assumed once its MFA code (%NULL without a device) is
 * known; @task is taken. */
typedef void (*AssumeWithCode) (GTask      *task,
                                const char *token_code);

typedef struct {
  GTask *task;
  AssumeWithCode assume;
} CodeWait;

/* AssumeRole of @role with @sts for @task (taken), answered to @callback;
 * the session is named by default when @role names none. */
static void
send_assume_role (AmigoSts                *sts,
                  const AmigoRoleSettings *role,
                  const char              *token_code,
                  GAsyncReadyCallback      callback,
                  GTask                   *task)
{
  g_autofree char *default_name = NULL;
  AmigoAssumeRoleParams params = { 0 };

  if (role->session_name == NULL)
    default_name = amigo_credential_chain_default_session_name ();
  params.role_arn = role->role_arn;
  params.role_session_name = role->session_name != NULL ? role->session_name : default_name;
  params.duration_seconds = role->duration_seconds;
  params.external_id = role->external_id;
  params.serial_number = role->mfa_serial;
  params.token_code = token_code;
  amigo_sts_assume_role_async (sts, &params, g_task_get_cancellable (task), callback, task);
}

static void
mfa_code_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CodeWait *wait = user_data;
  g_autofree char *code = NULL;
  GError *error = NULL;

  code = g_task_propagate_pointer (G_TASK (result), &error);
  if (code == NULL)
    fail (wait->task, error);
  else
    {
      wait->assume (wait->task, code);
      amigo_secure_wipe (code, strlen (code));
    }
  g_free (wait);
}

/* Asks the MFA prompt of @task's configuration for the code of
 * @mfa_serial (for @label), then calls @assume with @task. %FALSE, and
 * nothing asked, when no prompt is set. */
static gboolean
ask_mfa_code (GTask          *task,
              AssumeWithCode  assume,
              const char     *label,
              const char     *mfa_serial)
{
  MfaPrompt *prompt = g_object_get_data (g_task_get_source_object (task), "amigo-mfa-prompt");
  GCancellable *cancellable = g_task_get_cancellable (task);
  CodeWait *wait;
  GTask *ask;

  if (prompt == NULL)
    return FALSE;
  wait = g_new0 (CodeWait, 1);
  wait->task = task;
  wait->assume = assume;
  ask = g_task_new (NULL, cancellable, mfa_code_cb, wait);
  g_task_set_source_tag (ask, amigo_credential_chain_set_mfa_prompt);
  prompt->func (label, mfa_serial, cancellable, ask, prompt->data);
  return TRUE;
}

static void
assume_role_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  ResolveData *rd = g_task_get_task_data (task);
  RoleStep *step = g_ptr_array_index (rd->roles, rd->next_role);
  AmigoCredentials *credentials;
  GError *error = NULL;

  credentials = amigo_sts_assume_role_finish (AMIGO_STS (source), result, NULL, &error);
  if (credentials == NULL)
    g_prefix_error (&error, _("Could not assume the role of the AWS profile “%s” (%s): "),
                    step->profile_name, step->role->role_arn);
  else
    g_debug ("Assumed the role of profile %s", step->profile_name);
  step_done (task, credentials, error);
}

static void
assume_role_with_code (GTask      *task,
                       const char *token_code)
{
  ResolveData *rd = g_task_get_task_data (task);
  RoleStep *step = g_ptr_array_index (rd->roles, rd->next_role);
  AmigoAwsConfig *config = g_task_get_source_object (task);
  g_autoptr(AmigoSts) sts = NULL;
  GError *error = NULL;

  sts = new_sts (config, rd, rd->credentials, &error);
  if (sts == NULL)
    fail (task, error);
  else
    send_assume_role (sts, step->role, token_code, assume_role_cb, task);
}

/* The next role down the plan (the innermost first), or the answer. */
static void
next_role (GTask *task)
{
  ResolveData *rd = g_task_get_task_data (task);
  RoleStep *step;

  if (rd->next_role == 0)
    {
      return_credentials (task);
      return;
    }
  rd->next_role--;
  step = g_ptr_array_index (rd->roles, rd->next_role);
  if (step->role->mfa_serial == NULL)
    assume_role_with_code (task, NULL);
  else if (!ask_mfa_code (task, assume_role_with_code, step->profile_name, step->role->mfa_serial))
    fail (task, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                             _("The role of the AWS profile “%s” needs a code from the MFA "
                               "device %s, and nothing here can ask for it."),
                             step->profile_name, step->role->mfa_serial));
}

static void
web_identity_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ResolveData *rd = g_task_get_task_data (task);
  AmigoCredentials *credentials;
  GError *error = NULL;

  credentials = amigo_sts_assume_role_with_web_identity_finish (AMIGO_STS (source), result,
                                                                NULL, &error);
  if (credentials == NULL)
    g_prefix_error (&error, _("Could not assume the role %s with the web identity token: "),
                    rd->web_role_arn);
  step_done (task, credentials, error);
}

static void
process_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError *error = NULL;
  AmigoCredentials *credentials = amigo_credential_process_run_finish (result, &error);

  step_done (user_data, credentials, error);
}

static void
sso_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError *error = NULL;
  AmigoCredentials *credentials =
    amigo_sso_resolve_credentials_finish (AMIGO_AWS_CONFIG (source), result, &error);

  step_done (user_data, credentials, error);
}

/* Fetches the base credentials of the plan, then assumes its roles. */
static void
run_plan (GTask *task)
{
  ResolveData *rd = g_task_get_task_data (task);
  AmigoAwsConfig *config = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  rd->next_role = rd->roles->len;
  switch (rd->base)
    {
    case BASE_STATIC:
      next_role (task);
      break;

    case BASE_PROCESS:
      amigo_credential_process_run_async (rd->process, amigo_aws_config_get_environ (config),
                                          rd->process_profile,
                                          amigo_aws_config_get_credential_process_timeout (config),
                                          cancellable, process_cb, task);
      break;

    case BASE_SSO:
      amigo_sso_resolve_credentials_async (config, rd->sso_profile, cancellable, sso_cb, task);
      break;

    case BASE_WEB_IDENTITY:
      {
        g_autoptr(AmigoSts) sts = NULL;
        g_autofree char *token = NULL;
        AmigoAssumeRoleParams params = { 0 };
        gsize len = 0;
        GError *error = NULL;

        /* Read afresh at each refresh: the platform rotates the file. */
        if (!amigo_file_read_bounded (rd->token_file, WEB_IDENTITY_TOKEN_MAX_SIZE, &token, &len, &error))
          {
            g_autofree char *shown = g_filename_display_name (rd->token_file);

            g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                                     _("Could not read the web identity token file “%s”: %s"),
                                     shown, error->message);
            g_error_free (error);
            g_object_unref (task);
            return;
          }
        g_strstrip (token);
        sts = new_sts (config, rd, NULL, &error);
        if (sts == NULL)
          {
            amigo_secure_wipe (token, len);
            fail (task, error);
            return;
          }
        params.role_arn = rd->web_role_arn;
        params.role_session_name = rd->web_session_name;
        params.web_identity_token = token;
        amigo_sts_assume_role_with_web_identity_async (sts, &params, cancellable, web_identity_cb, task);
        amigo_secure_wipe (token, len);
      }
      break;

    default:
      g_assert_not_reached ();
    }
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
 * Finds credentials the way the AWS CLI does (see the top of this file):
 * a role assumed with STS (asking for an MFA code through
 * amigo_credential_chain_set_mfa_prompt() when the role has mfa_serial),
 * a web identity, IAM Identity Center role credentials (%AMIGO_AWS_ERROR_SIGN_IN_REQUIRED
 * when nobody has signed in), static keys, `credential_process` (with the
 * timeout of amigo_aws_config_set_credential_process_timeout()).
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
  g_autoptr(GPtrArray) visited = NULL;
  GError *error = NULL;
  ResolveData *rd;
  gboolean named = profile_name != NULL;
  gboolean planned;

  g_return_if_fail (AMIGO_IS_AWS_CONFIG (config));

  task = g_task_new (config, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_credential_chain_resolve_async);
  rd = g_new0 (ResolveData, 1);
  rd->roles = g_ptr_array_new_with_free_func (role_step_free);
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
          rd->source = AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT;
          rd->credentials = amigo_credentials_new (access_key_id, secret_access_key,
                                                   session_token, 0);
          return_credentials (g_steal_pointer (&task));
          return;
        }

      profile_name = amigo_aws_config_get_selected_profile_name (config);
      named = nonempty (amigo_aws_config_getenv (config, "AWS_PROFILE")) != NULL
              || nonempty (amigo_aws_config_getenv (config, "AWS_DEFAULT_PROFILE")) != NULL;
    }

  rd->profile_name = g_strdup (profile_name);
  rd->sts_profile = g_strdup (profile_name);

  profile = amigo_aws_config_lookup_profile (config, profile_name, &error);
  if (profile == NULL && named)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);

  visited = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (visited, g_strdup (profile_name));
  if (profile != NULL && assumes_role (profile))
    planned = plan_role (config, rd, profile, visited, &error);
  else
    planned = plan_providers (config, rd, profile, profile_name, TRUE, &error);

  if (!planned)
    {
      if (error == NULL)
        /* No profile, nothing in the environment: not a typo, just no
         * credentials. */
        g_set_error (&error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                     _("No AWS credentials were found: AWS_ACCESS_KEY_ID is not set and "
                       "there is no “default” profile in “%s” or “%s”. Add an account "
                       "with its access keys, or run “aws configure”."),
                     amigo_aws_config_get_config_path (config) != NULL
                       ? amigo_aws_config_get_config_path (config) : "~/.aws/config",
                     amigo_aws_config_get_credentials_path (config) != NULL
                       ? amigo_aws_config_get_credentials_path (config) : "~/.aws/credentials");
      g_task_return_error (task, error);
      return;
    }

  run_plan (g_steal_pointer (&task));
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
 *   (incomplete or unsupported profile, a loop of source profiles),
 *   %AMIGO_AWS_ERROR_PROCESS, %AMIGO_AWS_ERROR_EXPIRED, an STS error
 *   (AccessDenied, %AMIGO_AWS_ERROR_SERVICE, when the role refuses), or
 *   %G_IO_ERROR_CANCELLED
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

/* ---- a role on top of an account Amigo shows ("switch role") -------------- */

void
amigo_role_settings_free (AmigoRoleSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->role_arn);
  g_free (self->external_id);
  g_free (self->mfa_serial);
  g_free (self->session_name);
  g_free (self);
}

AmigoRoleSettings *
amigo_role_settings_copy (const AmigoRoleSettings *self)
{
  AmigoRoleSettings *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoRoleSettings, 1);
  copy->role_arn = g_strdup (self->role_arn);
  copy->external_id = g_strdup (self->external_id);
  copy->mfa_serial = g_strdup (self->mfa_serial);
  copy->session_name = g_strdup (self->session_name);
  copy->duration_seconds = self->duration_seconds;
  return copy;
}

typedef struct {
  AmigoRoleSettings *role;
  AmigoCredentials *source;
  char *label;
  char *region;
} SwitchRole;

static void
switch_role_free (gpointer data)
{
  SwitchRole *sr = data;

  amigo_role_settings_free (sr->role);
  g_clear_pointer (&sr->source, amigo_credentials_unref);
  g_free (sr->label);
  g_free (sr->region);
  g_free (sr);
}

static void
switch_role_assumed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SwitchRole *sr = g_task_get_task_data (task);
  AmigoCredentials *credentials;
  GError *error = NULL;

  credentials = amigo_sts_assume_role_finish (AMIGO_STS (source), result, NULL, &error);
  if (credentials == NULL)
    {
      g_prefix_error (&error, _("Could not switch to the role %s: "), sr->role->role_arn);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

static void
switch_role_assume (GTask      *task,
                    const char *token_code)
{
  SwitchRole *sr = g_task_get_task_data (task);
  AmigoAwsConfig *config = g_task_get_source_object (task);
  g_autoptr(AmigoEndpoint) endpoint = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  GError *error = NULL;

  endpoint = amigo_endpoint_resolve_variant ("sts", sr->region, amigo_aws_config_get_environ (config),
                                             NULL, NULL, AMIGO_ENDPOINT_VARIANT_NONE, &error);
  if (endpoint == NULL)
    {
      fail (task, error);
      return;
    }
  client = amigo_client_new (sr->source);
  sts = amigo_sts_new (client, endpoint->signing_region, endpoint->url);
  send_assume_role (sts, sr->role, token_code, switch_role_assumed_cb, task);
}

/**
 * amigo_credential_chain_switch_role_async:
 * @config: the configuration (its environment's endpoints, its MFA prompt)
 * @request: the source credentials, the role, the prompt's label and STS's region
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the role's session credentials
 * @user_data: data for @callback
 *
 * A new session of @role, as the console's "Switch role" makes it: the MFA
 * code asked through amigo_credential_chain_set_mfa_prompt() when
 * @role has an MFA device (a new session each time, so the code is asked
 * only when one is made).
 */
void
amigo_credential_chain_switch_role_async (AmigoAwsConfig               *config,
                                          const AmigoSwitchRoleRequest *request,
                                          GCancellable                 *cancellable,
                                          GAsyncReadyCallback           callback,
                                          gpointer                      user_data)
{
  const AmigoRoleSettings *role;
  const char *region;
  GTask *task;
  SwitchRole *sr;

  g_return_if_fail (AMIGO_IS_AWS_CONFIG (config));
  g_return_if_fail (request != NULL && request->source != NULL);
  g_return_if_fail (request->role != NULL && request->role->role_arn != NULL);

  role = request->role;
  region = request->region;

  task = g_task_new (config, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_credential_chain_switch_role_async);
  sr = g_new0 (SwitchRole, 1);
  sr->role = amigo_role_settings_copy (role);
  sr->source = amigo_credentials_ref (request->source);
  sr->label = g_strdup (request->label);
  sr->region = g_strdup (region != NULL && *region != '\0' ? region : "us-east-1");
  g_task_set_task_data (task, sr, switch_role_free);

  if (role->mfa_serial == NULL || *role->mfa_serial == '\0')
    switch_role_assume (task, NULL);
  else if (!ask_mfa_code (task, switch_role_assume, sr->label, role->mfa_serial))
    fail (task, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                             _("The role %s needs a code from the MFA device %s, and nothing "
                               "here can ask for it."), role->role_arn, role->mfa_serial));
}

/**
 * amigo_credential_chain_switch_role_finish:
 *
 * Returns: (transfer full) (nullable): the role's session credentials
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoAwsConfig, AmigoCredentials *, amigo_credential_chain_switch_role)
