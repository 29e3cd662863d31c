/* amigo-aws-config.c — the AWS CLI's shared config and credentials files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are read as botocore reads them (amigo-ini.c has the dialect),
 * so a setup that works with the AWS CLI works here:
 *
 *  - Config file: `[default]`, `[profile NAME]`, `[services NAME]`, `[sso-session NAME]`; other
 *    sections, including a bare `[NAME]`, are ignored. Credentials file:
 *    every `[NAME]` is a profile, and its settings override the config
 *    file's for the same profile.
 *
 * Where we differ, on purpose: a file that exists but cannot be read (a
 * directory, no permission) is an error rather than silently skipped.
 */
#include "config.h"

#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "amigo-aws-config-private.h"
#include "amigo-credentials.h"
#include "amigo-error.h"
#include "amigo-file.h"
#include "amigo-ini.h"

/* No AWS config or credentials file comes near this: a larger one is a
 * mistake (or a device), not read into memory. */
#define AWS_FILE_MAX_SIZE (1024 * 1024)

struct _AmigoAwsProfile
{
  gatomicrefcount ref_count;
  char *name;
  AmigoAwsFile files;
  GHashTable *values;           /* owned key → AmigoIniValue*, both files merged */
  GHashTable *config_values;    /* the same, config file only */
  GHashTable *credentials_values; /* the same, credentials file only */
};

struct _AmigoAwsConfig
{
  GObject parent_instance;

  char **envp;
  char *config_path;
  char *credentials_path;
  char *selected_profile;
  GHashTable *profiles;         /* owned name → AmigoAwsProfile* */
  GHashTable *services;         /* owned name → AmigoAwsProfile* ([services NAME]) */
  GHashTable *sso_sessions;     /* owned name → AmigoAwsProfile* ([sso-session NAME]) */
  guint process_timeout_ms;
};

G_DEFINE_FINAL_TYPE (AmigoAwsConfig, amigo_aws_config, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AmigoAwsProfile, amigo_aws_profile,
                     amigo_aws_profile_ref, amigo_aws_profile_unref)

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
sorted_keys (GHashTable *table)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  char **result;

  keys = g_hash_table_get_keys_as_array (table, &n);
  result = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (keys[i]);
  qsort (result, n, sizeof (char *), compare_strings);
  return result;
}

/* Reads and parses @path. A file that does not exist gives an empty list. */
static GPtrArray *
ini_read_file (const char   *path,
               AmigoAwsFile  file,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize len = 0;
  GPtrArray *sections;
  const char *variable = file == AMIGO_AWS_FILE_CONFIG ? "AWS_CONFIG_FILE"
                                                       : "AWS_SHARED_CREDENTIALS_FILE";

  if (path == NULL || *path == '\0')
    return g_ptr_array_new_with_free_func (amigo_ini_section_free);

  /* Only a regular file: a folder cannot be read, a FIFO or a device
   * (/dev/zero) would block or never end. */
  if (!amigo_file_read_bounded (path, AWS_FILE_MAX_SIZE, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_ptr_array_new_with_free_func (amigo_ini_section_free);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS file “%s” cannot be read: it is a folder, not a file. "
                       "Point %s at the file itself."),
                     path, variable);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS file “%s” cannot be read: it is not a regular file. "
                       "Point %s at a regular file."),
                     path, variable);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS file “%s” is not read: it is larger than %u KiB, "
                       "which no AWS configuration needs."),
                     path, (guint) (AWS_FILE_MAX_SIZE / 1024));
      else
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS file “%s” cannot be read (%s). "
                       "Check that it is a file you are allowed to read."),
                     path, local_error->message);
      return NULL;
    }

  sections = amigo_ini_parse (path, file, contents, len, error);
  amigo_secure_wipe (contents, len);
  g_free (contents);
  return sections;
}

/* ------------------------------------------------------------------------
 * AmigoAwsProfile
 * ------------------------------------------------------------------------ */

static AmigoAwsProfile *
profile_new (const char *name)
{
  AmigoAwsProfile *self = g_new0 (AmigoAwsProfile, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->values = amigo_ini_values_new ();
  self->config_values = amigo_ini_values_new ();
  self->credentials_values = amigo_ini_values_new ();
  return self;
}

/* Lays @values over the profile's, key by key. */
static void
profile_merge (AmigoAwsProfile *self,
               GHashTable      *values,
               AmigoAwsFile     file)
{
  GHashTableIter iter;
  gpointer key, value;

  GHashTable *file_values = file == AMIGO_AWS_FILE_CONFIG ? self->config_values
                                                          : self->credentials_values;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (self->values, g_strdup (key), amigo_ini_value_copy (value));
      g_hash_table_insert (file_values, g_strdup (key), amigo_ini_value_copy (value));
    }
  self->files |= file;
}

/**
 * amigo_aws_profile_ref:
 * @self: a profile
 *
 * Returns: (transfer full): @self
 */
AmigoAwsProfile *
amigo_aws_profile_ref (AmigoAwsProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * amigo_aws_profile_unref:
 * @self: (transfer full): a profile
 *
 * Drops a reference; the last one wipes every value.
 */
void
amigo_aws_profile_unref (AmigoAwsProfile *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  g_hash_table_unref (self->values);
  g_hash_table_unref (self->config_values);
  g_hash_table_unref (self->credentials_values);
  g_free (self);
}

/**
 * amigo_aws_profile_get_name:
 * @self: a profile
 *
 * Returns: (transfer none): the profile's name, e.g. `default`
 */
const char *
amigo_aws_profile_get_name (const AmigoAwsProfile *self)
{
  return self->name;
}

/**
 * amigo_aws_profile_get_files:
 * @self: a profile
 *
 * Returns: the files the profile appears in
 */
AmigoAwsFile
amigo_aws_profile_get_files (const AmigoAwsProfile *self)
{
  return self->files;
}

/**
 * amigo_aws_profile_get:
 * @self: a profile
 * @key: a setting name, e.g. `region` (case-sensitive; the files' keys are
 *   lowercased when read)
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if the setting is
 *   absent or is a sub-section (see amigo_aws_profile_get_sub())
 */
const char *
amigo_aws_profile_get (const AmigoAwsProfile *self,
                       const char            *key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  v = g_hash_table_lookup (self->values, key);
  return v != NULL ? v->value : NULL;
}

/**
 * amigo_aws_profile_get_in_file:
 * @self: a profile
 * @file: %AMIGO_AWS_FILE_CONFIG or %AMIGO_AWS_FILE_CREDENTIALS
 * @key: a setting name
 *
 * The value one file gives, before the credentials file is laid over the
 * config file. The credential chain needs it: like botocore, it takes
 * static keys from the credentials file, then `credential_process`, then
 * static keys from the config file, each file's keys on their own.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL
 */
const char *
amigo_aws_profile_get_in_file (const AmigoAwsProfile *self,
                               AmigoAwsFile           file,
                               const char            *key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file == AMIGO_AWS_FILE_CONFIG || file == AMIGO_AWS_FILE_CREDENTIALS, NULL);

  v = g_hash_table_lookup (file == AMIGO_AWS_FILE_CONFIG ? self->config_values
                                                         : self->credentials_values, key);
  return v != NULL ? v->value : NULL;
}

/**
 * amigo_aws_profile_has_key:
 * @self: a profile
 * @key: a setting name
 *
 * Returns: whether the setting is present, as a value or a sub-section
 */
gboolean
amigo_aws_profile_has_key (const AmigoAwsProfile *self,
                           const char            *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->values, key);
}

/**
 * amigo_aws_profile_get_key_file:
 * @self: a profile
 * @key: a setting name
 *
 * Returns: the file the setting's value came from, or %AMIGO_AWS_FILE_NONE
 */
AmigoAwsFile
amigo_aws_profile_get_key_file (const AmigoAwsProfile *self,
                                const char            *key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, AMIGO_AWS_FILE_NONE);

  v = g_hash_table_lookup (self->values, key);
  return v != NULL ? (AmigoAwsFile) v->origin : AMIGO_AWS_FILE_NONE;
}

/**
 * amigo_aws_profile_list_keys:
 * @self: a profile
 *
 * Returns: (transfer full): the setting names, sorted, unknown ones included
 */
char **
amigo_aws_profile_list_keys (const AmigoAwsProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return sorted_keys (self->values);
}

/**
 * amigo_aws_profile_is_sub_section:
 * @self: a profile
 * @key: a setting name
 *
 * Returns: whether @key holds a nested block of sub-keys (`s3 =` followed by
 *   indented `key = value` lines)
 */
gboolean
amigo_aws_profile_is_sub_section (const AmigoAwsProfile *self,
                                  const char            *key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, FALSE);

  v = g_hash_table_lookup (self->values, key);
  return v != NULL && v->sub != NULL;
}

/**
 * amigo_aws_profile_get_sub:
 * @self: a profile
 * @key: the sub-section's name, e.g. `s3`
 * @sub_key: a key inside it, as written in the file
 *
 * Returns: (transfer none) (nullable): the value, or %NULL
 */
const char *
amigo_aws_profile_get_sub (const AmigoAwsProfile *self,
                           const char            *key,
                           const char            *sub_key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, NULL);

  v = g_hash_table_lookup (self->values, key);
  if (v == NULL || v->sub == NULL)
    return NULL;
  return g_hash_table_lookup (v->sub, sub_key);
}

/**
 * amigo_aws_profile_list_sub_keys:
 * @self: a profile
 * @key: the sub-section's name
 *
 * Returns: (transfer full) (nullable): its keys, sorted, or %NULL when @key
 *   is not a sub-section
 */
char **
amigo_aws_profile_list_sub_keys (const AmigoAwsProfile *self,
                                 const char            *key)
{
  const AmigoIniValue *v;

  g_return_val_if_fail (self != NULL, NULL);

  v = g_hash_table_lookup (self->values, key);
  if (v == NULL || v->sub == NULL)
    return NULL;
  return sorted_keys (v->sub);
}

/**
 * amigo_aws_profile_get_region:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `region`
 */
const char *
amigo_aws_profile_get_region (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "region");
}

/**
 * amigo_aws_profile_get_output:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `output`
 */
const char *
amigo_aws_profile_get_output (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "output");
}

/**
 * amigo_aws_profile_get_access_key_id:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `aws_access_key_id`
 */
const char *
amigo_aws_profile_get_access_key_id (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "aws_access_key_id");
}

/**
 * amigo_aws_profile_get_secret_access_key:
 * @self: a profile
 *
 * A secret: never log it.
 *
 * Returns: (transfer none) (nullable): `aws_secret_access_key`
 */
const char *
amigo_aws_profile_get_secret_access_key (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "aws_secret_access_key");
}

/**
 * amigo_aws_profile_get_session_token:
 * @self: a profile
 *
 * A secret: never log it. Falls back to the older `aws_security_token`.
 *
 * Returns: (transfer none) (nullable): `aws_session_token`
 */
const char *
amigo_aws_profile_get_session_token (const AmigoAwsProfile *self)
{
  const char *token = amigo_aws_profile_get (self, "aws_session_token");

  if (token == NULL)
    token = amigo_aws_profile_get (self, "aws_security_token");
  return token;
}

/**
 * amigo_aws_profile_get_credential_process:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `credential_process`
 */
const char *
amigo_aws_profile_get_credential_process (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "credential_process");
}

/**
 * amigo_aws_profile_get_endpoint_url:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `endpoint_url`
 */
const char *
amigo_aws_profile_get_endpoint_url (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "endpoint_url");
}

/**
 * amigo_aws_profile_get_role_arn:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `role_arn`
 */
const char *
amigo_aws_profile_get_role_arn (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "role_arn");
}

/**
 * amigo_aws_profile_get_source_profile:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `source_profile`
 */
const char *
amigo_aws_profile_get_source_profile (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "source_profile");
}

/**
 * amigo_aws_profile_get_services:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): `services`, the name of a
 *   `[services NAME]` section of per-service settings
 */
const char *
amigo_aws_profile_get_services (const AmigoAwsProfile *self)
{
  return amigo_aws_profile_get (self, "services");
}

/* ------------------------------------------------------------------------
 * AmigoAwsConfig
 * ------------------------------------------------------------------------ */

static void
amigo_aws_config_finalize (GObject *object)
{
  AmigoAwsConfig *self = AMIGO_AWS_CONFIG (object);

  g_strfreev (self->envp);
  g_free (self->config_path);
  g_free (self->credentials_path);
  g_free (self->selected_profile);
  g_hash_table_unref (self->profiles);
  g_hash_table_unref (self->services);
  g_hash_table_unref (self->sso_sessions);

  G_OBJECT_CLASS (amigo_aws_config_parent_class)->finalize (object);
}

static void
amigo_aws_config_class_init (AmigoAwsConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_aws_config_finalize;
}

static void
amigo_aws_config_init (AmigoAwsConfig *self)
{
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) amigo_aws_profile_unref);
  self->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) amigo_aws_profile_unref);
  self->sso_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) amigo_aws_profile_unref);
  self->process_timeout_ms = AMIGO_CREDENTIAL_PROCESS_DEFAULT_TIMEOUT_MS;
}

/* `[profile NAME]` → NAME when the section starts with @prefix; quotes are
 * allowed (`[profile "my name"]`), like botocore's shlex.split. */
static char *
section_suffix (const char *section,
                const char *prefix)
{
  g_auto(GStrv) argv = NULL;
  int argc = 0;

  if (!g_str_has_prefix (section, prefix))
    return NULL;
  if (!g_shell_parse_argv (section, &argc, &argv, NULL))
    return NULL;
  if (argc != 2 || strcmp (argv[0], prefix) != 0 || *argv[1] == '\0')
    return NULL;
  return g_strdup (argv[1]);
}

static const char *
nonempty_env (char       **envp,
              const char  *name)
{
  const char *value = g_environ_getenv (envp, name);

  return (value != NULL && *value != '\0') ? value : NULL;
}

/**
 * amigo_aws_config_load_files:
 * @config_path: (nullable): the config file, or %NULL for none
 * @credentials_path: (nullable): the credentials file, or %NULL for none
 * @envp: (nullable) (array zero-terminated=1): the environment to honour
 *   (`AWS_PROFILE`, `AWS_REGION`, …), as from g_get_environ(); %NULL for an
 *   empty one
 * @error: return location for an %AMIGO_AWS_ERROR_CONFIG error
 *
 * Reads both files from the given paths, as they are (no `~` expansion).
 * A file that does not exist counts as empty; one that cannot be read or
 * is not a valid INI file is an error naming the file and the line.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL
 */
AmigoAwsConfig *
amigo_aws_config_load_files (const char          *config_path,
                             const char          *credentials_path,
                             const char * const  *envp,
                             GError             **error)
{
  g_autoptr(AmigoAwsConfig) self = NULL;
  g_autoptr(GPtrArray) config_sections = NULL;
  g_autoptr(GPtrArray) credentials_sections = NULL;
  const char *selected;

  config_sections = ini_read_file (config_path, AMIGO_AWS_FILE_CONFIG, error);
  if (config_sections == NULL)
    return NULL;
  credentials_sections = ini_read_file (credentials_path, AMIGO_AWS_FILE_CREDENTIALS, error);
  if (credentials_sections == NULL)
    return NULL;

  self = g_object_new (AMIGO_TYPE_AWS_CONFIG, NULL);
  self->envp = envp != NULL ? g_strdupv ((char **) envp) : g_new0 (char *, 1);
  self->config_path = g_strdup (config_path);
  self->credentials_path = g_strdup (credentials_path);

  selected = nonempty_env (self->envp, "AWS_PROFILE");
  if (selected == NULL)
    selected = nonempty_env (self->envp, "AWS_DEFAULT_PROFILE");
  self->selected_profile = g_strdup (selected != NULL ? selected : "default");

  /* Config file: a later section for the same profile replaces the earlier
   * one whole ([default] and [profile default]), as in botocore. */
  for (guint i = 0; i < config_sections->len; i++)
    {
      AmigoIniSection *s = g_ptr_array_index (config_sections, i);
      g_autofree char *name = NULL;
      GHashTable *target = self->profiles;
      AmigoAwsProfile *profile;

      if (strcmp (s->name, "default") == 0)
        name = g_strdup ("default");
      else if ((name = section_suffix (s->name, "profile")) != NULL)
        ;
      else if ((name = section_suffix (s->name, "services")) != NULL)
        target = self->services;
      else if ((name = section_suffix (s->name, "sso-session")) != NULL)
        target = self->sso_sessions;
      else
        continue;       /* [preview], a bare [name], … */

      profile = profile_new (name);
      profile_merge (profile, s->values, AMIGO_AWS_FILE_CONFIG);
      g_hash_table_replace (target, g_steal_pointer (&name), profile);
    }

  /* Credentials file: every section is a profile, laid over the config's. */
  for (guint i = 0; i < credentials_sections->len; i++)
    {
      AmigoIniSection *s = g_ptr_array_index (credentials_sections, i);
      AmigoAwsProfile *profile = g_hash_table_lookup (self->profiles, s->name);

      if (profile == NULL)
        {
          profile = profile_new (s->name);
          g_hash_table_insert (self->profiles, g_strdup (s->name), profile);
        }
      profile_merge (profile, s->values, AMIGO_AWS_FILE_CREDENTIALS);
    }

  return g_steal_pointer (&self);
}

/**
 * amigo_aws_config_load:
 * @envp: (nullable) (array zero-terminated=1): the environment, as from
 *   g_get_environ(); %NULL for an empty one
 * @error: return location for an %AMIGO_AWS_ERROR_CONFIG error
 *
 * Reads the files the AWS CLI would: `AWS_CONFIG_FILE` or `~/.aws/config`,
 * and `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`, with `~` and
 * `$VAR` expanded from @envp. Reads files: call it from a thread, or use
 * amigo_aws_config_load_async(), when the main loop runs.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL
 */
AmigoAwsConfig *
amigo_aws_config_load (const char * const  *envp,
                       GError             **error)
{
  g_auto(GStrv) env = envp != NULL ? g_strdupv ((char **) envp) : g_new0 (char *, 1);
  g_autofree char *config_path = _amigo_aws_config_path_from_env (env, "AWS_CONFIG_FILE", "~/.aws/config");
  g_autofree char *credentials_path = _amigo_aws_config_path_from_env (env, "AWS_SHARED_CREDENTIALS_FILE",
                                                     "~/.aws/credentials");

  return amigo_aws_config_load_files (config_path, credentials_path,
                                      (const char * const *) env, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AmigoAwsConfig *config;

  config = amigo_aws_config_load (task_data, &error);
  if (config == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, config, g_object_unref);
}

/**
 * amigo_aws_config_load_async:
 * @envp: (nullable) (array zero-terminated=1): the environment
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files have been read
 * @user_data: data for @callback
 *
 * Like amigo_aws_config_load(), reading the files in a worker thread.
 */
void
amigo_aws_config_load_async (const char * const  *envp,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amigo_aws_config_load_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task,
                        envp != NULL ? g_strdupv ((char **) envp) : g_new0 (char *, 1),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, load_thread);
}

/**
 * amigo_aws_config_load_finish:
 * @result: the #GAsyncResult
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL
 */
AmigoAwsConfig *
amigo_aws_config_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amigo_aws_config_get_environ:
 * @self: a configuration
 *
 * Returns: (transfer none) (array zero-terminated=1): the environment it
 *   was loaded with
 */
const char * const *
amigo_aws_config_get_environ (AmigoAwsConfig *self)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  return (const char * const *) self->envp;
}

/**
 * amigo_aws_config_getenv:
 * @self: a configuration
 * @variable: a variable name
 *
 * Returns: (transfer none) (nullable): its value in the configuration's
 *   environment
 */
const char *
amigo_aws_config_getenv (AmigoAwsConfig *self,
                         const char     *variable)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  return g_environ_getenv (self->envp, variable);
}

/**
 * amigo_aws_config_get_config_path:
 * @self: a configuration
 *
 * Returns: (transfer none) (nullable): the config file's path, whether or
 *   not it exists
 */
const char *
amigo_aws_config_get_config_path (AmigoAwsConfig *self)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  return self->config_path;
}

/**
 * amigo_aws_config_get_credentials_path:
 * @self: a configuration
 *
 * Returns: (transfer none) (nullable): the credentials file's path
 */
const char *
amigo_aws_config_get_credentials_path (AmigoAwsConfig *self)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  return self->credentials_path;
}

static int
compare_profile_names (gconstpointer a,
                       gconstpointer b)
{
  const char *na = *(const char * const *) a;
  const char *nb = *(const char * const *) b;
  gboolean da = strcmp (na, "default") == 0;
  gboolean db = strcmp (nb, "default") == 0;

  if (da != db)
    return da ? -1 : 1;
  return strcmp (na, nb);
}

/**
 * amigo_aws_config_list_profiles:
 * @self: a configuration
 *
 * Every profile of either file, once each: `default` first, then the
 * others sorted by name.
 *
 * Returns: (transfer full) (array zero-terminated=1): the profile names
 */
char **
amigo_aws_config_list_profiles (AmigoAwsConfig *self)
{
  char **names;
  guint n;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  names = sorted_keys (self->profiles);
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_profile_names);
  return names;
}

/**
 * amigo_aws_config_has_profile:
 * @self: a configuration
 * @name: a profile name
 *
 * Returns: whether either file defines the profile
 */
gboolean
amigo_aws_config_has_profile (AmigoAwsConfig *self,
                              const char     *name)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), FALSE);
  return name != NULL && g_hash_table_contains (self->profiles, name);
}

/**
 * amigo_aws_config_get_profile:
 * @self: a configuration
 * @name: a profile name
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL if neither file
 *   defines it
 */
AmigoAwsProfile *
amigo_aws_config_get_profile (AmigoAwsConfig *self,
                              const char     *name)
{
  AmigoAwsProfile *profile;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  if (name == NULL)
    return NULL;
  profile = g_hash_table_lookup (self->profiles, name);
  return profile != NULL ? amigo_aws_profile_ref (profile) : NULL;
}

/**
 * amigo_aws_config_lookup_profile:
 * @self: a configuration
 * @name: (nullable): a profile name, or %NULL for the selected one
 *   (amigo_aws_config_get_selected_profile_name())
 * @error: return location for an %AMIGO_AWS_ERROR_NOT_FOUND error
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with an error
 *   that names the files looked in
 */
AmigoAwsProfile *
amigo_aws_config_lookup_profile (AmigoAwsConfig  *self,
                                 const char      *name,
                                 GError         **error)
{
  AmigoAwsProfile *profile;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  if (name == NULL)
    name = self->selected_profile;
  profile = amigo_aws_config_get_profile (self, name);
  if (profile == NULL)
    g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND,
                 _("The AWS profile “%s” does not exist in “%s” or “%s”. "
                   "Check its name, or add it with “aws configure --profile %s”."),
                 name,
                 self->config_path != NULL ? self->config_path : "~/.aws/config",
                 self->credentials_path != NULL ? self->credentials_path : "~/.aws/credentials",
                 name);
  return profile;
}

/**
 * amigo_aws_config_get_selected_profile_name:
 * @self: a configuration
 *
 * The profile the AWS CLI uses when none is named: `AWS_PROFILE`, else
 * `AWS_DEFAULT_PROFILE`, else `default`.
 *
 * Returns: (transfer none): a profile name, which may not exist
 */
const char *
amigo_aws_config_get_selected_profile_name (AmigoAwsConfig *self)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  return self->selected_profile;
}

/**
 * amigo_aws_config_resolve_region:
 * @self: a configuration
 * @profile_name: (nullable): a profile, or %NULL for the selected one
 *
 * `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`.
 *
 * Returns: (transfer full) (nullable): the region, or %NULL when none is set
 */
char *
amigo_aws_config_resolve_region (AmigoAwsConfig *self,
                                 const char     *profile_name)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  const char *region;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  region = nonempty_env (self->envp, "AWS_REGION");
  if (region == NULL)
    region = nonempty_env (self->envp, "AWS_DEFAULT_REGION");
  if (region != NULL)
    return g_strdup (region);

  profile = amigo_aws_config_get_profile (self, profile_name != NULL ? profile_name
                                                                     : self->selected_profile);
  if (profile == NULL)
    return NULL;
  region = amigo_aws_profile_get_region (profile);
  return (region != NULL && *region != '\0') ? g_strdup (region) : NULL;
}

/**
 * amigo_aws_config_get_services_value:
 * @self: a configuration
 * @section: the name of a `[services NAME]` section
 * @service: a service's key in it, e.g. `ec2`
 * @key: a key of that service's sub-section, e.g. `endpoint_url`
 *
 * Returns: (transfer none) (nullable): the value, or %NULL
 */
const char *
amigo_aws_config_get_services_value (AmigoAwsConfig *self,
                                     const char     *section,
                                     const char     *service,
                                     const char     *key)
{
  AmigoAwsProfile *services;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  if (section == NULL)
    return NULL;
  services = g_hash_table_lookup (self->services, section);
  if (services == NULL)
    return NULL;
  return amigo_aws_profile_get_sub (services, service, key);
}

/**
 * amigo_aws_config_get_endpoint_url:
 * @self: a configuration
 * @profile_name: (nullable): a profile, or %NULL for the selected one
 * @service: the service's key, e.g. `ec2`, `sts`, `ssm`
 *
 * The endpoint the profile configures for @service: the `endpoint_url` of
 * @service in the profile's `[services NAME]` section, else the profile's
 * own `endpoint_url`. Environment variables are not looked at here (see
 * amigo_endpoint_resolve()). Not validated.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL
 */
char *
amigo_aws_config_get_endpoint_url (AmigoAwsConfig *self,
                                   const char     *profile_name,
                                   const char     *service)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  const char *url;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (service != NULL, NULL);

  profile = amigo_aws_config_get_profile (self, profile_name != NULL ? profile_name
                                                                     : self->selected_profile);
  if (profile == NULL)
    return NULL;

  url = amigo_aws_config_get_services_value (self, amigo_aws_profile_get_services (profile),
                                             service, "endpoint_url");
  if (url == NULL || *url == '\0')
    url = amigo_aws_profile_get_endpoint_url (profile);
  return (url != NULL && *url != '\0') ? g_strdup (url) : NULL;
}

/**
 * amigo_aws_config_get_credential_process_timeout:
 * @self: a configuration
 *
 * Returns: how long a `credential_process` may run, in milliseconds
 */
guint
amigo_aws_config_get_credential_process_timeout (AmigoAwsConfig *self)
{
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), 0);
  return self->process_timeout_ms;
}

/**
 * amigo_aws_config_set_credential_process_timeout:
 * @self: a configuration
 * @timeout_ms: how long a `credential_process` may run before it is
 *   killed, in milliseconds (default %AMIGO_CREDENTIAL_PROCESS_DEFAULT_TIMEOUT_MS)
 */
void
amigo_aws_config_set_credential_process_timeout (AmigoAwsConfig *self,
                                                 guint           timeout_ms)
{
  g_return_if_fail (AMIGO_IS_AWS_CONFIG (self));
  g_return_if_fail (timeout_ms > 0);
  self->process_timeout_ms = timeout_ms;
}


/**
 * amigo_aws_config_get_sso_session:
 * @self: a configuration
 * @name: (nullable): the name of an `[sso-session NAME]` section of the
 *   config file
 *
 * The section's settings (`sso_start_url`, `sso_region`,
 * `sso_registration_scopes`), as a profile named @name.
 *
 * Returns: (transfer full) (nullable): the section, or %NULL if there is none
 */
AmigoAwsProfile *
amigo_aws_config_get_sso_session (AmigoAwsConfig *self,
                                  const char     *name)
{
  AmigoAwsProfile *session;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  if (name == NULL)
    return NULL;
  session = g_hash_table_lookup (self->sso_sessions, name);
  return session != NULL ? amigo_aws_profile_ref (session) : NULL;
}
