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
 *      role_arn and sso_* → "not supported yet";
 *      static keys from the credentials file;
 *      credential_process;
 *      static keys from the config file.
 *
 * A credential_process runs without a shell, in its own process group so a
 * timeout or a cancellation kills whatever it started too. Its stdout holds
 * secrets: it is read into one fixed buffer (never reallocated, so no stray
 * copies) that is wiped after parsing, and never quoted in an error.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "amigo-credential-chain.h"
#include "amigo-error.h"

#define STDOUT_LIMIT   (64 * 1024)      /* credentials JSON is a few hundred bytes */
#define STDERR_KEEP    4096
#define STDERR_EXCERPT 300              /* characters quoted in an error */

typedef struct
{
  GSubprocess *process;
  GCancellable *internal;       /* stops the reads and the wait */
  GCancellable *cancellable;    /* the caller's, or NULL */
  gulong cancelled_id;
  GSource *timeout_source;
  char *profile_name;
  char *program;                /* argv[0]'s base name, for messages */
  guint timeout_ms;
  pid_t pgid;

  guint8 *out;                  /* STDOUT_LIMIT + 1 bytes, wiped when freed */
  gsize out_len;
  GByteArray *err;              /* the first STDERR_KEEP bytes of stderr */
  guint8 err_chunk[1024];

  guint pending;                /* stdout read, stderr read, wait */
  gboolean timed_out;
  gboolean too_large;
  GError *read_error;
} ProcessRun;

typedef struct
{
  AmigoCredentialSource source;
  char *profile_name;
} ResolveData;

static void
process_run_free (gpointer data)
{
  ProcessRun *run = data;

  g_clear_object (&run->process);
  g_clear_object (&run->internal);
  g_clear_object (&run->cancellable);
  g_free (run->profile_name);
  g_free (run->program);
  if (run->out != NULL)
    {
      amigo_secure_wipe (run->out, STDOUT_LIMIT + 1);
      g_free (run->out);
    }
  if (run->err != NULL)
    {
      amigo_secure_wipe (run->err->data, run->err->len);
      g_byte_array_unref (run->err);
    }
  g_clear_error (&run->read_error);
  g_free (run);
}

static void
resolve_data_free (gpointer data)
{
  ResolveData *rd = data;

  g_free (rd->profile_name);
  g_free (rd);
}

/* Runs in the child between fork and exec: async-signal-safe calls only. */
static void
child_setup (gpointer user_data)
{
  setpgid (0, 0);
}

/* Kills the process and anything it started; safe from any thread. */
static void
process_run_kill (ProcessRun *run)
{
  if (run->pgid > 1)
    kill (-run->pgid, SIGKILL);
}

/* ------------------------------------------------------------------------
 * Parsing what the process printed
 * ------------------------------------------------------------------------ */

static void
wipe_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *str;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return;
  /* json-glib keeps its own copy of each string; wipe it in place before
   * the parser frees it. */
  str = json_node_get_string (node);
  if (str != NULL)
    amigo_secure_wipe ((char *) str, strlen (str));
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
version_is_one (JsonObject *object,
                gboolean   *present)
{
  JsonNode *node = json_object_get_member (object, "Version");

  *present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (!*present || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) == 1;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node) == 1.0;
  return FALSE;
}

static const char *
display_profile (const char *profile_name)
{
  return profile_name != NULL ? profile_name : "?";
}

/**
 * amigo_credential_process_parse_output:
 * @output: what the process printed on stdout (not NUL-terminated)
 * @length: its length in bytes
 * @profile_name: (nullable): the profile, for messages
 * @now: the current time, Unix seconds, to check `Expiration` against
 * @error: return location for an %AMIGO_AWS_ERROR_PROCESS or
 *   %AMIGO_AWS_ERROR_EXPIRED error
 *
 * Reads the credential_process JSON: `Version` must be 1, `AccessKeyId`
 * and `SecretAccessKey` are required, `SessionToken` and `Expiration`
 * (ISO 8601) optional. Errors never quote @output, which may hold secrets;
 * the caller wipes it.
 *
 * Returns: (transfer full) (nullable): the credentials, or %NULL
 */
AmigoCredentials *
amigo_credential_process_parse_output (const char  *output,
                                       gsize        length,
                                       const char  *profile_name,
                                       gint64       now,
                                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AmigoCredentials) credentials = NULL;
  JsonNode *root = NULL;
  JsonObject *object;
  const char *access_key_id;
  const char *secret_access_key;
  const char *session_token;
  const char *expiration_text;
  gint64 expiration = 0;
  gboolean version_present;
  const char *problem = NULL;

  g_return_val_if_fail (output != NULL || length == 0, NULL);

  if (length == 0)
    problem = _("printed nothing");
  else if (!json_parser_load_from_data (parser, output, length, NULL))
    /* json-glib's message may quote the text: leave it out. */
    problem = _("printed something that is not JSON");
  else if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    problem = _("printed JSON that is not an object");

  if (problem != NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                   /* Translators: the second %s is one of the “printed …” phrases,
                    * saying what was wrong with the command's output. */
                   _("The credential_process of the AWS profile “%s” %s. "
                     "It must print {\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …}."),
                   display_profile (profile_name), problem);
      return NULL;
    }

  object = json_node_get_object (root);
  access_key_id = string_member (object, "AccessKeyId");
  secret_access_key = string_member (object, "SecretAccessKey");
  session_token = string_member (object, "SessionToken");
  expiration_text = string_member (object, "Expiration");

  if (!version_is_one (object, &version_present))
    problem = version_present ? _("printed a “Version” other than 1, the only one Amigo understands")
                              : _("printed no “Version”");
  else if (access_key_id == NULL || *access_key_id == '\0')
    problem = _("printed no “AccessKeyId”");
  else if (secret_access_key == NULL || *secret_access_key == '\0')
    problem = _("printed no “SecretAccessKey”");
  else if (json_object_has_member (object, "Expiration") && expiration_text == NULL
           && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "Expiration")))
    problem = _("printed an “Expiration” that is not a string");
  else if (expiration_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (expiration_text, utc);

      if (when == NULL)
        problem = _("printed an “Expiration” that is not an ISO 8601 date such as 2024-05-01T12:00:00Z");
      else
        expiration = g_date_time_to_unix (when);
    }

  if (problem == NULL)
    credentials = amigo_credentials_new (access_key_id, secret_access_key,
                                         session_token, expiration);

  wipe_string_member (object, "SecretAccessKey");
  wipe_string_member (object, "SessionToken");

  if (problem != NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                   _("The credential_process of the AWS profile “%s” %s. "
                     "It must print {\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …}."),
                   display_profile (profile_name), problem);
      return NULL;
    }

  if (amigo_credentials_is_expired (credentials, now))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (expiration);
      g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S UTC")
                                           : g_strdup ("?");

      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                   _("The credentials printed by the credential_process of the AWS profile “%s” "
                     "expired at %s. Renew them (sign in again with the tool it runs) and retry."),
                   display_profile (profile_name), text);
      return NULL;
    }

  return g_steal_pointer (&credentials);
}

/* ------------------------------------------------------------------------
 * Running the process
 * ------------------------------------------------------------------------ */

/* A short, printable excerpt of what the process wrote on stderr. */
static char *
stderr_excerpt (GByteArray *err)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  glong n_chars = 0;
  gboolean space = FALSE;

  if (err == NULL || err->len == 0)
    return NULL;

  valid = g_utf8_make_valid ((const char *) err->data, err->len);
  out = g_string_new (NULL);
  for (p = valid; *p != '\0' && n_chars < STDERR_EXCERPT; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Newlines, tabs and control characters become single spaces. */
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n_chars++;
    }
  if (*p != '\0' || err->len >= STDERR_KEEP)
    g_string_append (out, "…");
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
describe_timeout (guint timeout_ms)
{
  if (timeout_ms % 1000 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds",
                                         timeout_ms / 1000),
                            timeout_ms / 1000);
  return g_strdup_printf (_("%u ms"), timeout_ms);
}

static void
process_run_complete (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const char *profile = display_profile (run->profile_name);

  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_clear_pointer (&run->timeout_source, g_source_unref);
    }
  if (run->cancelled_id != 0)
    {
      /* Waits for a handler running in another thread to finish. */
      g_cancellable_disconnect (run->cancellable, run->cancelled_id);
      run->cancelled_id = 0;
    }
  run->pgid = 0;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (run->timed_out)
    {
      g_autofree char *limit = describe_timeout (run->timeout_ms);

      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                               _("The credential_process of the AWS profile “%s” (%s) did not "
                                 "finish within %s and was stopped. Check that it does not wait "
                                 "for input, such as a password or a browser sign-in."),
                               profile, run->program, limit);
      return;
    }

  if (run->too_large)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                               _("The credential_process of the AWS profile “%s” (%s) printed "
                                 "more than %u KiB and was stopped; credentials are much shorter. "
                                 "Check the command."),
                               profile, run->program, STDOUT_LIMIT / 1024);
      return;
    }

  if (run->read_error != NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                               _("The output of the credential_process of the AWS profile “%s” "
                                 "(%s) could not be read: %s"),
                               profile, run->program, run->read_error->message);
      return;
    }

  if (!g_subprocess_get_successful (run->process))
    {
      g_autofree char *excerpt = stderr_excerpt (run->err);
      g_autofree char *status = NULL;

      if (g_subprocess_get_if_signaled (run->process))
        status = g_strdup_printf (_("was killed by signal %d"),
                                  g_subprocess_get_term_sig (run->process));
      else
        status = g_strdup_printf (_("exited with status %d"),
                                  g_subprocess_get_exit_status (run->process));

      /* Translators: the first %s is a profile name, the second a program's
       * name, the third “exited with status N” or “was killed by signal N”,
       * the last what the program wrote on its error output. */
      if (excerpt != NULL)
        g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                                 _("The credential_process of the AWS profile “%s” (%s) %s: %s"),
                                 profile, run->program, status, excerpt);
      else
        g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                                 _("The credential_process of the AWS profile “%s” (%s) %s "
                                   "without saying why. Run it in a terminal to see what fails."),
                                 profile, run->program, status);
      return;
    }

  {
    AmigoCredentials *credentials;

    credentials = amigo_credential_process_parse_output ((const char *) run->out, run->out_len,
                                                         run->profile_name,
                                                         g_get_real_time () / G_USEC_PER_SEC,
                                                         &error);
    amigo_secure_wipe (run->out, STDOUT_LIMIT + 1);
    run->out_len = 0;

    if (credentials == NULL)
      g_task_return_error (task, g_steal_pointer (&error));
    else
      g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
  }
}

static void
process_run_op_done (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);

  g_assert (run->pending > 0);
  if (--run->pending == 0)
    process_run_complete (task);
}

static void
process_run_note_read_error (ProcessRun *run,
                             GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && run->read_error == NULL)
    run->read_error = g_error_copy (error);
}

static void read_stdout (GTask *task);
static void read_stderr (GTask *task);

static void
stdout_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ProcessRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (n < 0)
    {
      process_run_note_read_error (run, error);
      process_run_op_done (task);
      return;
    }
  if (n == 0)
    {
      process_run_op_done (task);
      return;
    }

  run->out_len += n;
  if (run->out_len > STDOUT_LIMIT)
    {
      run->too_large = TRUE;
      process_run_kill (run);
      g_cancellable_cancel (run->internal);
      process_run_op_done (task);
      return;
    }
  read_stdout (task);
}

static void
read_stdout (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stdout_pipe (run->process),
                             run->out + run->out_len, STDOUT_LIMIT + 1 - run->out_len,
                             G_PRIORITY_DEFAULT, run->internal,
                             stdout_read_cb, g_object_ref (task));
}

static void
stderr_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ProcessRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (n <= 0)
    {
      if (n < 0)
        process_run_note_read_error (run, error);
      process_run_op_done (task);
      return;
    }

  /* Keep the start, drain the rest so the process never blocks on a full pipe. */
  if (run->err->len < STDERR_KEEP)
    g_byte_array_append (run->err, run->err_chunk,
                         MIN ((gsize) n, STDERR_KEEP - run->err->len));
  amigo_secure_wipe (run->err_chunk, n);
  read_stderr (task);
}

static void
read_stderr (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stderr_pipe (run->process),
                             run->err_chunk, sizeof run->err_chunk,
                             G_PRIORITY_DEFAULT, run->internal,
                             stderr_read_cb, g_object_ref (task));
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* Cancelled only on timeout, overflow or cancellation, reported elsewhere;
   * GSubprocess reaps the killed process by itself. */
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  process_run_op_done (task);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  ProcessRun *run = g_task_get_task_data (task);

  run->timed_out = TRUE;
  process_run_kill (run);
  g_cancellable_cancel (run->internal);
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  ProcessRun *run = user_data;

  process_run_kill (run);
  g_cancellable_cancel (run->internal);
}

/**
 * amigo_credential_process_run_async:
 * @command_line: the `credential_process` setting, split like a shell
 *   would (g_shell_parse_argv()) but run without one
 * @envp: (nullable) (array zero-terminated=1): the process's environment,
 *   also searched for `PATH`; %NULL for an empty one
 * @profile_name: (nullable): the profile, for messages
 * @timeout_ms: how long it may run before it is killed
 * @cancellable: (nullable): cancelling kills the process
 * @callback: called with the credentials
 * @user_data: data for @callback
 *
 * Runs a credential process and reads its JSON. Nothing blocks: output is
 * read asynchronously on the thread-default main context.
 */
void
amigo_credential_process_run_async (const char          *command_line,
                                    const char * const  *envp,
                                    const char          *profile_name,
                                    guint                timeout_ms,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) empty_env = NULL;
  ProcessRun *run;
  const char *identifier;
  int argc = 0;

  g_return_if_fail (command_line != NULL);
  g_return_if_fail (timeout_ms > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_credential_process_run_async);

  run = g_new0 (ProcessRun, 1);
  run->profile_name = g_strdup (profile_name);
  run->timeout_ms = timeout_ms;
  run->internal = g_cancellable_new ();
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, run, process_run_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* GShell's messages quote the text, which may hold a token: say less. */
  if (!g_shell_parse_argv (command_line, &argc, &argv, NULL))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                               _("The credential_process of the AWS profile “%s” is not a "
                                 "command line Amigo can run (empty, or an unmatched quote)."),
                               display_profile (profile_name));
      return;
    }
  run->program = g_path_get_basename (argv[0]);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_SEARCH_PATH_FROM_ENVP);
  if (envp == NULL)
    envp = (const char * const *) (empty_env = g_new0 (char *, 1));
  g_subprocess_launcher_set_environ (launcher, (char **) envp);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);

  run->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  if (run->process == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                               _("The credential_process of the AWS profile “%s” could not be "
                                 "started: %s"),
                               display_profile (profile_name), error->message);
      return;
    }

  identifier = g_subprocess_get_identifier (run->process);
  run->pgid = identifier != NULL ? (pid_t) atoi (identifier) : 0;

  run->out = g_malloc (STDOUT_LIMIT + 1);
  run->err = g_byte_array_new ();
  run->pending = 3;
  read_stdout (task);
  read_stderr (task);
  g_subprocess_wait_async (run->process, run->internal, wait_cb, g_object_ref (task));

  run->timeout_source = g_timeout_source_new (timeout_ms);
  g_task_attach_source (task, run->timeout_source, timeout_cb);

  if (cancellable != NULL)
    run->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), run, NULL);
}

/**
 * amigo_credential_process_run_finish:
 * @result: the #GAsyncResult
 * @error: return location for an %AMIGO_AWS_ERROR_PROCESS,
 *   %AMIGO_AWS_ERROR_EXPIRED or %G_IO_ERROR_CANCELLED error
 *
 * Returns: (transfer full) (nullable): the credentials, or %NULL
 */
AmigoCredentials *
amigo_credential_process_run_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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

static const char * const sso_keys[] = {
  "sso_session", "sso_start_url", "sso_account_id", "sso_role_name", "sso_region",
};

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

  for (gsize i = 0; i < G_N_ELEMENTS (sso_keys); i++)
    if (amigo_aws_profile_has_key (profile, sso_keys[i]))
      {
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS profile “%s” signs in with IAM Identity Center (%s), which "
                       "Amigo does not support yet. Use a profile whose credential_process is "
                       "“aws configure export-credentials --profile %s --format process”."),
                     name, sso_keys[i], name);
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
 * static keys from the config file. Profiles that assume a role or use
 * IAM Identity Center are reported as not supported yet.
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
