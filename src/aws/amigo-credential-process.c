/* amigo-credential-process.c — running a profile's credential_process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A credential_process runs without a shell, in its own process group so a
 * timeout or a cancellation kills whatever it started too. Its stdout holds
 * secrets: it is read into one fixed buffer (never reallocated, so no stray
 * copies) that is wiped after parsing (amigo-credential-process-output.c),
 * and never quoted in an error; an excerpt of stderr is.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "amigo-credential-process.h"
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

static const char *
display_profile (const char *profile_name)
{
  return profile_name != NULL ? profile_name : "?";
}

/* ------------------------------------------------------------------------
 * Running the process
 * ------------------------------------------------------------------------ */

/* @text (taken) with what looks like a key or a token replaced: access key
 * ids (AKIA…, ASIA…) and runs of 40 or more base64 characters (a secret
 * key is 40, a session token far longer). Done before the excerpt is cut,
 * so a key is never shown in part either. */
static char *
redact_secrets (char *text)
{
  static gsize once;
  static GRegex *secret_re;
  char *redacted;

  if (g_once_init_enter (&once))
    {
      secret_re = g_regex_new ("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b|[A-Za-z0-9+/]{40,}={0,2}",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  redacted = secret_re != NULL ? g_regex_replace_literal (secret_re, text, -1, 0, "[redacted]", 0, NULL)
                                : NULL;
  if (redacted == NULL)
    redacted = g_strdup ("");   /* nothing shown rather than a secret */
  amigo_secure_wipe (text, strlen (text));
  g_free (text);
  return redacted;
}

/* A short, printable excerpt of what the process wrote on stderr, with
 * what looks like a secret redacted. */
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

  valid = redact_secrets (g_utf8_make_valid ((const char *) err->data, err->len));
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
took_stdout (GTask *task,
             gssize n)
{
  ProcessRun *run = g_task_get_task_data (task);

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
took_stderr (GTask *task,
             gssize n)
{
  ProcessRun *run = g_task_get_task_data (task);

  /* Keep the start, drain the rest so the process never blocks on a full pipe. */
  if (run->err->len < STDERR_KEEP)
    g_byte_array_append (run->err, run->err_chunk,
                         MIN ((gsize) n, STDERR_KEEP - run->err->len));
  amigo_secure_wipe (run->err_chunk, n);
  read_stderr (task);
}

/* A read of stdout or stderr ended: go on reading that pipe, or count it
 * done at its end or on an error (noted for the run). */
static void
read_cb (GObject      *source,
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
    }
  else if (source == G_OBJECT (g_subprocess_get_stdout_pipe (run->process)))
    took_stdout (task, n);
  else
    took_stderr (task, n);
}

static void
read_stdout (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stdout_pipe (run->process),
                             run->out + run->out_len, STDOUT_LIMIT + 1 - run->out_len,
                             G_PRIORITY_DEFAULT, run->internal,
                             read_cb, g_object_ref (task));
}

static void
read_stderr (GTask *task)
{
  ProcessRun *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stderr_pipe (run->process),
                             run->err_chunk, sizeof run->err_chunk,
                             G_PRIORITY_DEFAULT, run->internal,
                             read_cb, g_object_ref (task));
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
