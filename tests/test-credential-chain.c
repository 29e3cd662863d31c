/* test-credential-chain.c — the AWS CLI's credential precedence and
 * credential_process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "amigo-credential-chain.h"
#include "amigo-error.h"

#define DATA TEST_DATA_DIR "/aws-config"
#define HELPERS TEST_SRC_DIR "/credential-process"

/* Written by main(): chain-config.in with the helpers' absolute paths. */
static char *tmp_dir;
static char *chain_config_path;

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

/* PATH and HOME, then @extra: the helper scripts need nothing else. */
static char **
make_env (const char * const *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *home = g_strconcat ("HOME=", tmp_dir, NULL);
  g_autofree char *path = g_strconcat ("PATH=", g_getenv ("PATH") ? g_getenv ("PATH") : "/usr/bin:/bin",
                                       NULL);

  g_strv_builder_add (builder, home);
  g_strv_builder_add (builder, path);
  for (gsize i = 0; extra != NULL && extra[i] != NULL; i++)
    g_strv_builder_add (builder, extra[i]);
  return g_strv_builder_end (builder);
}

static AmigoAwsConfig *
load_chain_config (const char * const *extra_env,
                   gboolean            with_files)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = make_env (extra_env);
  AmigoAwsConfig *config;

  config = amigo_aws_config_load_files (with_files ? chain_config_path : NULL,
                                        with_files ? DATA "/chain-credentials" : NULL,
                                        (const char * const *) env, &error);
  g_assert_no_error (error);
  return config;
}

typedef struct {
  GMainLoop *loop;
  AmigoCredentials *credentials;
  AmigoCredentialSource source;
  char *profile;
  GError *error;
  gboolean done;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->loop, g_main_loop_unref);
  g_clear_pointer (&r->credentials, amigo_credentials_unref);
  g_clear_pointer (&r->profile, g_free);
  g_clear_error (&r->error);
}

static void
resolve_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->source = (AmigoCredentialSource) -1;
  r->credentials = amigo_credential_chain_resolve_finish (AMIGO_AWS_CONFIG (source), result,
                                                          &r->source, &r->profile, &r->error);
  r->done = TRUE;
  g_main_loop_quit (r->loop);
}

static void
resolve (AmigoAwsConfig *config,
         const char     *profile,
         Result         *r)
{
  r->loop = g_main_loop_new (NULL, FALSE);
  amigo_credential_chain_resolve_async (config, profile, NULL, resolve_cb, r);
  if (!r->done)
    g_main_loop_run (r->loop);
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Result *r = user_data;

  g_assert_null (source);
  r->credentials = amigo_credential_process_run_finish (result, &r->error);
  r->done = TRUE;
  g_main_loop_quit (r->loop);
}

static void
run_process (const char         *command_line,
             const char * const *extra_env,
             guint               timeout_ms,
             GCancellable       *cancellable,
             Result             *r)
{
  g_auto(GStrv) env = make_env (extra_env);

  r->loop = g_main_loop_new (NULL, FALSE);
  amigo_credential_process_run_async (command_line, (const char * const *) env, "test",
                                      timeout_ms, cancellable, run_cb, r);
  if (!r->done)
    g_main_loop_run (r->loop);
}

static gint64
iso_to_unix (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* Gone, or a zombie nobody has reaped yet: either way it no longer runs. */
static gboolean
process_is_gone (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *close;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  close = strrchr (stat, ')');
  return close != NULL && close[1] == ' ' && (close[2] == 'Z' || close[2] == 'X');
}

/* Blocks until @pid has exited (its pidfd turns readable), for at most
 * @timeout_ms; returns at once when it is gone already. */
static void
wait_for_exit (GPid pid,
               int  timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
#ifdef SYS_pidfd_open
  int fd = (int) syscall (SYS_pidfd_open, (pid_t) pid, 0);

  if (fd >= 0)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      int left;

      while ((left = (int) ((deadline - g_get_monotonic_time ()) / 1000)) > 0 &&
             poll (&pfd, 1, left) < 0 && errno == EINTR)
        ;
      close (fd);
      return;
    }
  if (errno == ESRCH)
    return;
#endif
  /* No pidfd (a kernel before 5.3): look again every 10 ms, blocking in
   * poll() meanwhile. */
  while (!process_is_gone (pid) && g_get_monotonic_time () < deadline)
    poll (NULL, 0, 10);
}

/* hang.sh starts `sleep` and writes its pid; after a timeout or a
 * cancellation that grandchild must die with it. */
static void
assert_grandchild_killed (const char *pidfile)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_file_get_contents (pidfile, &contents, NULL, &error);
  g_assert_no_error (error);
  pid = (GPid) atoi (contents);
  g_assert_cmpint (pid, >, 1);

  /* SIGKILL is delivered at once; the kernel tears the process down a
   * moment later: wait for that (not our child, so no waitpid). */
  wait_for_exit (pid, 5000);
  if (!process_is_gone (pid))
    {
      kill (pid, SIGKILL);
      g_error ("the credential process's child %d survived", (int) pid);
    }
  g_unlink (pidfile);
}

/* ------------------------------------------------------------------------
 * The chain
 * ------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *env[4];
  const char *profile;          /* asked for explicitly, or NULL */
  gboolean no_files;
  /* success */
  const char *access_key_id;
  const char *secret_access_key;
  const char *session_token;
  AmigoCredentialSource source;
  const char *used_profile;     /* NULL: the environment */
  /* failure, when access_key_id is NULL */
  int error_code;
  const char *must_mention;
} ChainCase;

static const ChainCase chain_cases[] = {
  /* Precedence of the environment, AWS_PROFILE and default. */
  { "env-keys-first", { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv",
                        "AWS_SESSION_TOKEN=tokenenv", NULL }, NULL, FALSE,
    "AKIDENV", "secretenv", "tokenenv", AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT, NULL },
  { "env-security-token", { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv",
                            "AWS_SECURITY_TOKEN=oldtoken", NULL }, NULL, FALSE,
    "AKIDENV", "secretenv", "oldtoken", AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT, NULL },
  { "env-keys-without-files", { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv", NULL },
    NULL, TRUE, "AKIDENV", "secretenv", NULL, AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT, NULL },
  { "env-keys-beat-aws-profile", { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv",
                                   "AWS_PROFILE=env-selected", NULL }, NULL, FALSE,
    "AKIDENV", "secretenv", NULL, AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT, NULL },
  { "explicit-profile-skips-env", { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv",
                                    "AWS_PROFILE=env-selected", NULL }, "static-token", FALSE,
    "AKIDSTATICTOKEN", "secretstatictoken", "sessiontokenvalue",
    AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE, "static-token" },
  { "aws-profile", { "AWS_PROFILE=env-selected", NULL }, NULL, FALSE,
    "AKIDENVSELECTED", "secretenvselected", NULL, AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE, "env-selected" },
  { "aws-default-profile", { "AWS_DEFAULT_PROFILE=default-selected", NULL }, NULL, FALSE,
    "AKIDDEFAULTSELECTED", "secretdefaultselected", NULL, AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE,
    "default-selected" },
  { "aws-profile-beats-default-profile", { "AWS_DEFAULT_PROFILE=default-selected",
                                           "AWS_PROFILE=env-selected", NULL }, NULL, FALSE,
    "AKIDENVSELECTED", "secretenvselected", NULL, AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE, "env-selected" },
  { "default-profile", { NULL }, NULL, FALSE,
    "AKIDDEFAULT", "secretdefault", NULL, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE, "default" },
  { "env-secret-alone-ignored", { "AWS_SECRET_ACCESS_KEY=secretenv", NULL }, NULL, FALSE,
    "AKIDDEFAULT", "secretdefault", NULL, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE, "default" },
  { "empty-env-key-ignored", { "AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=secretenv", NULL },
    NULL, FALSE, "AKIDDEFAULT", "secretdefault", NULL, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE,
    "default" },

  /* Inside a profile: credentials file keys, then credential_process, then
   * config file keys, each file's keys taken together. */
  { "credentials-file-only", { NULL }, "creds-file-only", FALSE,
    "AKIDCREDSFILE", "secretcredsfile", NULL, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE, "creds-file-only" },
  { "credentials-keys-beat-process", { NULL }, "process-and-credentials-keys", FALSE,
    "AKIDCREDENTIALSWIN", "secretcredentialswin", NULL, AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE,
    "process-and-credentials-keys" },
  { "process-beats-config-keys", { NULL }, "process-and-config-keys", FALSE,
    "AKIDPROCESS", "secretfromprocess", "tokenfromprocess", AMIGO_CREDENTIAL_SOURCE_PROCESS,
    "process-and-config-keys" },
  { "process", { NULL }, "process-good", FALSE,
    "AKIDPROCESS", "secretfromprocess", "tokenfromprocess", AMIGO_CREDENTIAL_SOURCE_PROCESS, "process-good" },
  { "config-keys-whole", { NULL }, "static-config", FALSE,
    "AKIDSTATICCONFIG", "secretstaticconfig", NULL, AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE, "static-config" },

  /* Failures. */
  { "env-key-without-secret", { "AWS_ACCESS_KEY_ID=AKIDENV", NULL }, NULL, FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_CONFIG, "AWS_SECRET_ACCESS_KEY" },
  { "no-credentials-anywhere", { NULL }, NULL, TRUE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_NO_CREDENTIALS, "“default”" },
  { "missing-explicit-profile", { NULL }, "nope", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_NOT_FOUND, "“nope”" },
  { "missing-aws-profile", { "AWS_PROFILE=typo", NULL }, NULL, FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_NOT_FOUND, "“typo”" },
  { "profile-names-nothing", { NULL }, "region-only", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_NO_CREDENTIALS, "“region-only”" },
  { "half-keys", { NULL }, "half-keys", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_CONFIG, "aws_secret_access_key" },
  /* Roles are assumed (test-credential-roles.c, against a fake STS); the
   * role comes before the profile's own keys, as botocore has it. */
  { "role-wins-over-keys", { NULL }, "role-with-keys", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_NO_CREDENTIALS, "credential_source = Environment" },
  { "sso-unsupported", { NULL }, "sso", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_CONFIG, "IAM Identity Center" },
  { "sso-legacy-unsupported", { "AWS_PROFILE=sso-legacy", NULL }, NULL, FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_CONFIG, "sso_start_url" },
  { "process-fails", { NULL }, "process-fail", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_PROCESS, "aws sso login" },
  { "process-expired", { NULL }, "process-expired", FALSE,
    NULL, NULL, NULL, 0, NULL, AMIGO_AWS_ERROR_EXPIRED, "“process-expired”" },
};

static const char * const fixture_secrets[] = {
  "secretenv", "secretdefault", "secretstatic", "secretconfig", "secretrolekeys",
  "secretfromprocess", "secretcredentials", "secretenvselected", "tokenfromprocess",
};

static void
check_chain (gconstpointer data)
{
  const ChainCase *c = data;
  g_autoptr(AmigoAwsConfig) config = load_chain_config (c->env, !c->no_files);
  Result r = { 0 };

  resolve (config, c->profile, &r);

  if (c->access_key_id == NULL)
    {
      g_assert_null (r.credentials);
      g_assert_error (r.error, AMIGO_AWS_ERROR, c->error_code);
      g_test_message ("%s", r.error->message);
      g_assert_nonnull (strstr (r.error->message, c->must_mention));
      /* No secret of the fixtures ever reaches a message. */
      for (gsize i = 0; i < G_N_ELEMENTS (fixture_secrets); i++)
        g_assert_null (strstr (r.error->message, fixture_secrets[i]));
      result_clear (&r);
      return;
    }

  g_assert_no_error (r.error);
  g_assert_nonnull (r.credentials);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (r.credentials), ==, c->access_key_id);
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (r.credentials), ==, c->secret_access_key);
  g_assert_cmpstr (amigo_credentials_get_session_token (r.credentials), ==, c->session_token);
  g_assert_cmpint (r.source, ==, c->source);
  g_assert_cmpstr (r.profile, ==, c->used_profile);
  result_clear (&r);
}

static void
test_chain_process_expiration (void)
{
  g_autoptr(AmigoAwsConfig) config = load_chain_config (NULL, TRUE);
  Result r = { 0 };

  resolve (config, "process-good", &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (amigo_credentials_get_expiration (r.credentials), ==,
                   iso_to_unix ("2999-01-01T00:00:00Z"));
  result_clear (&r);
}

/* The configuration's timeout applies, and the process is killed. */
static void
test_chain_process_timeout (void)
{
  g_autofree char *pidfile = g_build_filename (tmp_dir, "chain-hang.pid", NULL);
  g_autofree char *pidfile_env = g_strconcat ("AMIGO_TEST_PIDFILE=", pidfile, NULL);
  const char *env[] = { pidfile_env, NULL };
  g_autoptr(AmigoAwsConfig) config = load_chain_config (env, TRUE);
  Result r = { 0 };

  amigo_aws_config_set_credential_process_timeout (config, 500);
  resolve (config, "process-hang", &r);
  g_assert_error (r.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS);
  g_assert_nonnull (strstr (r.error->message, "did not finish within 500 ms"));
  g_assert_nonnull (strstr (r.error->message, "“process-hang”"));
  assert_grandchild_killed (pidfile);
  result_clear (&r);
}

/* ------------------------------------------------------------------------
 * credential_process, run directly
 * ------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *command_line;
  const char *env[2];
  const char *access_key_id;    /* expected; NULL = error */
  int error_code;
  const char *must_mention;
  const char *must_not_mention;
} ProcessCase;

static const ProcessCase process_cases[] = {
  { "good", HELPERS "/good.sh", { NULL }, "AKIDPROCESS", 0, NULL, NULL },
  /* Split like a shell would, never run by one: $HOME ; | stay literal. */
  { "arguments", HELPERS "/args.sh \"two words\" '$HOME;|x'", { NULL }, "2|two words|$HOME;|x", 0, NULL, NULL },
  { "arguments-escaped", HELPERS "/args.sh two\\ words plain", { NULL }, "2|two words|plain", 0, NULL, NULL },
  { "environment", HELPERS "/env.sh", { "AMIGO_TEST_KEY_ID=AKIDFROMENV", NULL }, "AKIDFROMENV", 0, NULL, NULL },
  { "found-on-path", "sh " HELPERS "/good.sh", { NULL }, "AKIDPROCESS", 0, NULL, NULL },
  { "bad-json", HELPERS "/bad-json.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS, "not JSON",
    "SUPERSECRETVALUE" },
  { "missing-version", HELPERS "/no-version.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS, "“Version”",
    "secretnoversion" },
  { "expired", HELPERS "/expired.sh", { NULL }, NULL, AMIGO_AWS_ERROR_EXPIRED, "2000-01-01 00:00:00", NULL },
  { "exit-status", HELPERS "/fail.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS,
    "exited with status 3: Error: the SSO session has expired, run: aws sso login", "progress" },
  { "exit-quietly", HELPERS "/fail-quiet.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS,
    "exited with status 1 without saying why", NULL },
  { "killed-by-signal", "sh -c 'kill -TERM $$'", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS,
    "killed by signal 15", NULL },
  { "output-without-end", HELPERS "/flood.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS, "64 KiB",
    "AKIDFLOOD" },
  { "no-such-program", HELPERS "/does-not-exist.sh", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS,
    "could not be started", NULL },
  { "unmatched-quote", HELPERS "/good.sh 'secret-arg", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS,
    "unmatched quote", "secret-arg" },
  { "empty-command", "   ", { NULL }, NULL, AMIGO_AWS_ERROR_PROCESS, "not a command line", NULL },
};

static void
check_process (gconstpointer data)
{
  const ProcessCase *c = data;
  Result r = { 0 };

  run_process (c->command_line, c->env, 30000, NULL, &r);

  if (c->access_key_id != NULL)
    {
      g_assert_no_error (r.error);
      g_assert_cmpstr (amigo_credentials_get_access_key_id (r.credentials), ==, c->access_key_id);
    }
  else
    {
      g_assert_null (r.credentials);
      g_assert_error (r.error, AMIGO_AWS_ERROR, c->error_code);
      g_test_message ("%s", r.error->message);
      g_assert_nonnull (strstr (r.error->message, c->must_mention));
      if (c->must_not_mention != NULL)
        g_assert_null (strstr (r.error->message, c->must_not_mention));
      /* Every message names the profile. */
      g_assert_nonnull (strstr (r.error->message, "“test”"));
    }
  result_clear (&r);
}

static void
test_process_noisy_stderr (void)
{
  Result r = { 0 };

  run_process (HELPERS "/fail-noisy.sh", NULL, 30000, NULL, &r);
  g_assert_error (r.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS);
  g_assert_nonnull (strstr (r.error->message, "exited with status 2: noisy line 0 with"));
  /* One line, cut short. */
  g_assert_null (strchr (r.error->message, '\n'));
  g_assert_nonnull (strstr (r.error->message, "…"));
  g_assert_cmpuint (g_utf8_strlen (r.error->message, -1), <, 600);
  result_clear (&r);
}

/* What looks like a key or a token on stderr is not repeated in the error
 * (nor, so, in the debug log that records it). */
static void
test_process_stderr_redacted (void)
{
  Result r = { 0 };

  run_process (HELPERS "/fail-secrets.sh", NULL, 30000, NULL, &r);
  g_assert_error (r.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS);
  g_assert_nonnull (strstr (r.error->message, "exited with status 3: error: refused [redacted] secret=[redacted]"));
  g_assert_nonnull (strstr (r.error->message, "session [redacted] token [redacted] done"));
  g_assert_null (strstr (r.error->message, "AKIA"));
  g_assert_null (strstr (r.error->message, "ASIA"));
  g_assert_null (strstr (r.error->message, "EXAMPLEKEY"));
  g_assert_null (strstr (r.error->message, "IQoJ"));
  result_clear (&r);
}

static void
test_process_timeout (void)
{
  g_autofree char *pidfile = g_build_filename (tmp_dir, "hang.pid", NULL);
  g_autofree char *pidfile_env = g_strconcat ("AMIGO_TEST_PIDFILE=", pidfile, NULL);
  const char *env[] = { pidfile_env, NULL };
  Result r = { 0 };

  run_process (HELPERS "/hang.sh", env, 500, NULL, &r);
  g_assert_null (r.credentials);
  g_assert_error (r.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS);
  g_assert_nonnull (strstr (r.error->message, "did not finish within 500 ms and was stopped"));
  assert_grandchild_killed (pidfile);
  result_clear (&r);
}

typedef struct {
  const char *pidfile;
  GCancellable *cancellable;
} CancelWhenStarted;

static gboolean
cancel_when_started_cb (gpointer user_data)
{
  CancelWhenStarted *data = user_data;

  if (!g_file_test (data->pidfile, G_FILE_TEST_EXISTS))
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_process_cancelled (void)
{
  g_autofree char *pidfile = g_build_filename (tmp_dir, "cancel.pid", NULL);
  g_autofree char *pidfile_env = g_strconcat ("AMIGO_TEST_PIDFILE=", pidfile, NULL);
  const char *env[] = { pidfile_env, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelWhenStarted data = { pidfile, cancellable };
  Result r = { 0 };

  /* A long timeout: only the cancellation can end it. */
  g_timeout_add (10, cancel_when_started_cb, &data);
  run_process (HELPERS "/hang.sh", env, 600000, cancellable, &r);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_null (r.credentials);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_grandchild_killed (pidfile);
  result_clear (&r);
}

static void
test_process_cancelled_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result r = { 0 };

  g_cancellable_cancel (cancellable);
  run_process (HELPERS "/good.sh", NULL, 30000, cancellable, &r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&r);
}

/* ------------------------------------------------------------------------
 * The JSON, parsed directly
 * ------------------------------------------------------------------------ */

#define NOW 1700000000  /* 2023-11-14T22:13:20Z */

typedef struct {
  const char *name;
  const char *json;
  const char *access_key_id;    /* NULL = error */
  const char *session_token;
  const char *expiration;       /* ISO 8601, NULL = none */
  int error_code;
  const char *must_mention;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "full", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
            "\"SessionToken\": \"T\", \"Expiration\": \"2023-11-15T00:00:00Z\"}",
    "AKID", "T", "2023-11-15T00:00:00Z", 0, NULL },
  { "minimal", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}",
    "AKID", NULL, NULL, 0, NULL },
  { "version-as-float", "{\"Version\": 1.0, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}",
    "AKID", NULL, NULL, 0, NULL },
  { "null-optionals", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                      "\"SessionToken\": null, \"Expiration\": null}",
    "AKID", NULL, NULL, 0, NULL },
  { "expiration-with-offset", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                              "\"Expiration\": \"2023-11-15T02:00:00+02:00\"}",
    "AKID", NULL, "2023-11-15T00:00:00Z", 0, NULL },
  { "unknown-keys-ignored", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                            "\"AccountId\": \"123456789012\"}",
    "AKID", NULL, NULL, 0, NULL },
  { "version-2", "{\"Version\": 2, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "other than 1" },
  { "version-string", "{\"Version\": \"1\", \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "other than 1" },
  { "version-missing", "{\"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "no “Version”" },
  { "access-key-missing", "{\"Version\": 1, \"SecretAccessKey\": \"S\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "“AccessKeyId”" },
  { "secret-missing", "{\"Version\": 1, \"AccessKeyId\": \"AKID\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "“SecretAccessKey”" },
  { "secret-empty", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "“SecretAccessKey”" },
  { "secret-not-string", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": 42}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "“SecretAccessKey”" },
  { "not-json", "AccessKeyId=AKID SecretAccessKey=HIDDENSECRET",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "not JSON" },
  { "array", "[{\"Version\": 1}]", NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "not an object" },
  { "empty", "", NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "printed nothing" },
  { "bad-expiration", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                      "\"Expiration\": \"tomorrow\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "ISO 8601" },
  { "expiration-not-string", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                             "\"Expiration\": 1700000000}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_PROCESS, "not a string" },
  { "expired", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
               "\"Expiration\": \"2023-11-14T22:00:00Z\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_EXPIRED, "2023-11-14 22:00:00 UTC" },
  /* Within the minute of margin counts as expired already. */
  { "expires-in-30-seconds", "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\", "
                             "\"Expiration\": \"2023-11-14T22:13:50Z\"}",
    NULL, NULL, NULL, AMIGO_AWS_ERROR_EXPIRED, "expired" },
};

static void
check_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  credentials = amigo_credential_process_parse_output (c->json, strlen (c->json), "parse",
                                                       NOW, &error);
  if (c->access_key_id != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (amigo_credentials_get_access_key_id (credentials), ==, c->access_key_id);
      g_assert_cmpstr (amigo_credentials_get_secret_access_key (credentials), ==, "S");
      g_assert_cmpstr (amigo_credentials_get_session_token (credentials), ==, c->session_token);
      g_assert_cmpint (amigo_credentials_get_expiration (credentials), ==,
                       c->expiration != NULL ? iso_to_unix (c->expiration) : 0);
    }
  else
    {
      g_assert_null (credentials);
      g_assert_error (error, AMIGO_AWS_ERROR, c->error_code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, c->must_mention));
      g_assert_nonnull (strstr (error->message, "“parse”"));
      g_assert_null (strstr (error->message, "HIDDENSECRET"));
    }
}

/* ------------------------------------------------------------------------ */

static void
write_chain_config (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (DATA "/chain-config.in", &template, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (template, "@TEST_SRC_DIR@", -1);
  contents = g_strjoinv (TEST_SRC_DIR, parts);
  chain_config_path = g_build_filename (tmp_dir, "config", NULL);
  g_file_set_contents (chain_config_path, contents, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("amigo-chain-XXXXXX", &error);
  g_assert_no_error (error);
  write_chain_config ();

  for (gsize i = 0; i < G_N_ELEMENTS (chain_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/credential-chain/%s", chain_cases[i].name);

      g_test_add_data_func (path, &chain_cases[i], check_chain);
    }
  g_test_add_func ("/credential-chain/process-expiration", test_chain_process_expiration);
  g_test_add_func ("/credential-chain/process-timeout", test_chain_process_timeout);

  for (gsize i = 0; i < G_N_ELEMENTS (process_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/credential-process/run/%s", process_cases[i].name);

      g_test_add_data_func (path, &process_cases[i], check_process);
    }
  g_test_add_func ("/credential-process/run/noisy-stderr", test_process_noisy_stderr);
  g_test_add_func ("/credential-process/run/stderr-redacted", test_process_stderr_redacted);
  g_test_add_func ("/credential-process/run/timeout-kills", test_process_timeout);
  g_test_add_func ("/credential-process/run/cancel-kills", test_process_cancelled);
  g_test_add_func ("/credential-process/run/cancelled-before", test_process_cancelled_before);

  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/credential-process/parse/%s", parse_cases[i].name);

      g_test_add_data_func (path, &parse_cases[i], check_parse);
    }

  ret = g_test_run ();

  g_unlink (chain_config_path);
  g_rmdir (tmp_dir);
  g_free (chain_config_path);
  g_free (tmp_dir);
  return ret;
}
