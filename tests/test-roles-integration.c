/* test-roles-integration.c — roles and web identity against moto, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh with --sts-session-seconds 1200: moto
 * checks every signature, refuses expired STS sessions, asks for MFA when a
 * role's trust policy does (amigo-test-mfa-role) and accepts one web
 * identity token (tests/README-moto.md, "Roles, MFA and web identity").
 * Each profile account here reads an AWS config written for the test: a
 * base profile with the test user's keys, roles on top of it.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-account.h"
#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-credential-chain.h"
#include "amigo-error.h"
#include "amigo-sts.h"
#include "amigo-test-moto.h"
#include "amigo-test-task-expiry.h"

#define REGION "us-east-1"
#define LIST_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"
#define ROLE "arn:aws:iam::123456789012:role/amigo-test-role"
#define MFA_ROLE "arn:aws:iam::123456789012:role/amigo-test-mfa-role"
#define EXTERNAL_ID_ROLE "arn:aws:iam::123456789012:role/amigo-test-external-id-role"
#define TOKEN "amigo-test-web-identity-token"

static struct {
  const char *endpoint;
  char *dir;
  char *config_path;
  char *token_path;
  char *bad_token_path;
  guint prompts;
} env;

static void
expire_sessions (void)
{
  amigo_test_moto_post ("/amigo-test/expire-sessions", "{}");
}

/* The MFA code, as the dialog would hand it over. */
static void
prompt_cb (const char   *profile_name,
           const char   *mfa_serial,
           GCancellable *cancellable,
           GTask        *task,
           gpointer      user_data)
{
  env.prompts++;
  g_task_return_pointer (task, g_strdup ("123456"), g_free);
  g_object_unref (task);
}

static AmigoAwsConfig *
load_config (const char * const *extra_env)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_unsetenv (envp, "AWS_ACCESS_KEY_ID");
  envp = g_environ_unsetenv (envp, "AWS_SECRET_ACCESS_KEY");
  envp = g_environ_unsetenv (envp, "AWS_PROFILE");
  for (gsize i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  config = amigo_aws_config_load_files (env.config_path, "/nonexistent/credentials",
                                        (const char * const *) envp, &error);
  g_assert_no_error (error);
  amigo_credential_chain_set_mfa_prompt (config, prompt_cb, NULL, NULL);
  return config;
}

static AmigoClient *
client_for (AmigoAccount *account)
{
  g_autoptr(GError) error = NULL;
  AmigoClient *client;

  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, NULL);
  client = amigo_account_get_client_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

typedef struct {
  guint attempts;
} Attempts;

static gboolean
count_attempt (gpointer   data,
               guint      attempt,
               GError   **error)
{
  ((Attempts *) data)->attempts = attempt;
  return TRUE;
}

static const AmigoResponseSink counting_sink = { count_attempt, NULL, NULL };

static guint
list_images (AmigoClient  *client,
             GError      **error)
{
  g_autoptr(AmigoRequest) request = NULL;
  Attempts a = { 0 };

  request = amigo_request_new_form ("ec2", REGION, LIST_BODY);
  amigo_client_send_async (client, request, env.endpoint, &counting_sink, &a, NULL,
                           amigo_test_result_cb, NULL);
  if (!amigo_client_call_finish (client, amigo_test_await_result (), error))
    return 0;
  return a.attempts;
}

/* The credentials are an STS session (ASIA…), and moto, checking the
 * signature, says who they belong to: the role. */
static void
assert_assumed (AmigoAccount *account,
                AmigoClient  *client,
                const char   *role_name)
{
  g_autoptr(AmigoCredentials) credentials = amigo_client_dup_credentials (client);
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (amigo_credentials_get_access_key_id (credentials), "ASIA"));
  g_assert_nonnull (amigo_credentials_get_session_token (credentials));
  g_assert_cmpint (amigo_credentials_get_expiration (credentials), >, 0);

  g_assert_cmpuint (list_images (client, &error), ==, 1);
  g_assert_no_error (error);

  amigo_account_get_identity_async (account, NULL, amigo_test_result_cb, NULL);
  identity = amigo_account_get_identity_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_test_message ("identity: %s", identity->arn);
  g_assert_nonnull (strstr (identity->arn, "assumed-role"));
  g_assert_nonnull (strstr (identity->arn, role_name));
}

static void
test_source_profile (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);
  account = amigo_account_new_profile (config, "role");
  client = client_for (account);
  assert_assumed (account, client, "amigo-test-role");
}

/* moto, like AWS, refuses the MFA role without a code; with the code from
 * the prompt it is assumed, and the prompt is asked once per session. */
static void
test_mfa (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) without = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) before = NULL;
  g_autoptr(AmigoCredentials) after = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoAwsErrorDetails *details;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);

  without = amigo_account_new_profile (config, "mfa-role-without-serial");
  amigo_account_get_client_async (without, NULL, amigo_test_result_cb, NULL);
  g_assert_null (amigo_account_get_client_finish (without, amigo_test_await_result (), &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  details = amigo_aws_error_get_details (error);
  g_assert_cmpstr (details->aws_code, ==, "AccessDenied");
  g_clear_error (&error);

  env.prompts = 0;
  account = amigo_account_new_profile (config, "mfa-role");
  client = client_for (account);
  g_assert_cmpuint (env.prompts, ==, 1);
  assert_assumed (account, client, "amigo-test-mfa-role");
  g_assert_cmpuint (list_images (client, &error), ==, 1);
  g_assert_cmpuint (env.prompts, ==, 1);   /* the session is reused */

  /* A new session only when the old one is refused as expired. */
  before = amigo_client_dup_credentials (client);
  expire_sessions ();
  g_assert_cmpuint (list_images (client, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (env.prompts, ==, 2);
  after = amigo_client_dup_credentials (client);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (before), !=,
                   amigo_credentials_get_access_key_id (after));
}

/* A role whose trust policy asks for an external id (moto, like AWS,
 * refuses it without that id): the profile's external_id and
 * role_session_name reach STS, and the session is the role's. */
static void
test_external_id (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) wrong = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoAwsErrorDetails *details;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);

  wrong = amigo_account_new_profile (config, "external-id-role-wrong-id");
  amigo_account_get_client_async (wrong, NULL, amigo_test_result_cb, NULL);
  g_assert_null (amigo_account_get_client_finish (wrong, amigo_test_await_result (), &error));
  details = amigo_aws_error_get_details (error);
  g_assert_cmpstr (details->aws_code, ==, "AccessDenied");
  g_assert_nonnull (strstr (error->message, "external-id-role-wrong-id"));
  g_clear_error (&error);

  account = amigo_account_new_profile (config, "external-id-role");
  client = client_for (account);
  assert_assumed (account, client, "amigo-test-external-id-role");
  amigo_account_get_identity_async (account, NULL, amigo_test_result_cb, NULL);
  identity = amigo_account_get_identity_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  /* arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
  g_assert_true (g_str_has_suffix (identity->arn, "/amigo-external"));
}

/* Several callers ask an MFA role's account for its client at once (the
 * window and a task resumed at start; every region of All Accounts): one
 * session is made, the code asked once, and all get the same client. A
 * caller that gives up is answered as cancelled; the others still get it. */
static void
test_mfa_concurrent_callers (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(GCancellable) gives_up = g_cancellable_new ();
  GAsyncResult *first = NULL, *second = NULL, *third = NULL;
  g_autoptr(AmigoClient) first_client = NULL;
  g_autoptr(AmigoClient) second_client = NULL;
  g_autoptr(AmigoClient) third_client = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);
  env.prompts = 0;
  account = amigo_account_new_profile (config, "mfa-role");
  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, &first);
  amigo_account_get_client_async (account, gives_up, amigo_test_result_cb, &third);
  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, &second);
  g_cancellable_cancel (gives_up);
  while (first == NULL || second == NULL || third == NULL)
    g_main_context_iteration (NULL, TRUE);

  third_client = amigo_account_get_client_finish (account, third, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (third_client);
  g_clear_error (&error);
  first_client = amigo_account_get_client_finish (account, first, &error);
  g_assert_no_error (error);
  second_client = amigo_account_get_client_finish (account, second, &error);
  g_assert_no_error (error);
  g_assert_true (first_client == second_client);
  g_assert_cmpuint (env.prompts, ==, 1);
  assert_assumed (account, first_client, "amigo-test-mfa-role");
  g_assert_cmpuint (env.prompts, ==, 1);
  g_object_unref (first);
  g_object_unref (second);
  g_object_unref (third);
}

/* An assumed role refreshed mid-listing: an ExpiredToken, one refresh (a
 * new AssumeRole with the source profile's keys), the call sent again. */
static void
test_refresh_mid_listing (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  guint refreshes;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);
  account = amigo_account_new_profile (config, "role");
  client = client_for (account);
  g_assert_cmpuint (list_images (client, &error), ==, 1);
  refreshes = _amigo_client_get_refresh_count (client);

  expire_sessions ();
  g_assert_cmpuint (list_images (client, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (_amigo_client_get_refresh_count (client), ==, refreshes + 1);
  g_assert_cmpuint (list_images (client, &error), ==, 1);
}

/* A role_arn + source_profile account watching a copy as a task: the
 * role's session ends mid-task, the account's client assumes the role
 * again, and the task polls on to its end. */
static void
test_refresh_mid_task (void)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoClient) maker = NULL;
  g_autoptr(AmigoCredentials) keys = NULL;
  AmigoAccount *account;

  if (!amigo_test_moto_have_server ())
    return;
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_CONFIG_FILE", env.config_path, TRUE);
  envp = g_environ_setenv (envp, "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", TRUE);
  /* The profile AWS_PROFILE names is an account from the start. */
  envp = g_environ_setenv (envp, "AWS_PROFILE", "role", TRUE);
  envp = g_environ_unsetenv (envp, "AWS_ACCESS_KEY_ID");
  envp = g_environ_unsetenv (envp, "AWS_SECRET_ACCESS_KEY");
  accounts = amigo_test_load_accounts ((const char * const *) envp);
  account = amigo_account_manager_lookup (accounts, "profile:role");
  g_assert_nonnull (account);
  client = client_for (account);
  assert_assumed (account, client, "amigo-test-role");

  keys = amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                                g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);
  maker = amigo_client_new (keys);
  amigo_test_copy_task_across_expiry (accounts, "profile:role", client, maker, REGION);
}

static void
test_web_identity_profile (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoAccount) bad = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoAwsErrorDetails *details;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (NULL);
  account = amigo_account_new_profile (config, "web");
  client = client_for (account);
  assert_assumed (account, client, "amigo-test-role");

  /* Its session ends mid-listing: one refresh (a new
   * AssumeRoleWithWebIdentity with the token file read again), the call
   * sent again, a new session. */
  {
    g_autoptr(AmigoCredentials) before = amigo_client_dup_credentials (client);
    g_autoptr(AmigoCredentials) after = NULL;
    guint refreshes = _amigo_client_get_refresh_count (client);

    expire_sessions ();
    g_assert_cmpuint (list_images (client, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_cmpuint (_amigo_client_get_refresh_count (client), ==, refreshes + 1);
    after = amigo_client_dup_credentials (client);
    g_assert_cmpstr (amigo_credentials_get_access_key_id (before), !=,
                     amigo_credentials_get_access_key_id (after));
  }

  bad = amigo_account_new_profile (config, "web-bad-token");
  amigo_account_get_client_async (bad, NULL, amigo_test_result_cb, NULL);
  g_assert_null (amigo_account_get_client_finish (bad, amigo_test_await_result (), &error));
  details = amigo_aws_error_get_details (error);
  g_assert_cmpstr (details->aws_code, ==, "InvalidIdentityToken");
  g_assert_null (strstr (error->message, "wrong-token"));
}

/* AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, no profile at all. */
static void
test_web_identity_environment (void)
{
  g_autofree char *token_env = g_strconcat ("AWS_WEB_IDENTITY_TOKEN_FILE=", env.token_path, NULL);
  const char *extra[] = { token_env, "AWS_ROLE_ARN=" ROLE, "AWS_ROLE_SESSION_NAME=from-env", NULL };
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  AmigoCredentialSource source = 0;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (extra);

  amigo_credential_chain_resolve_async (config, NULL, NULL, amigo_test_result_cb, NULL);
  credentials = amigo_credential_chain_resolve_finish (config,
                                                       amigo_test_await_result (), &source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, AMIGO_CREDENTIAL_SOURCE_WEB_IDENTITY);
  g_assert_true (g_str_has_prefix (amigo_credentials_get_access_key_id (credentials), "ASIA"));

  client = amigo_client_new (credentials);
  g_assert_cmpuint (list_images (client, &error), ==, 1);
  g_assert_no_error (error);
  sts = amigo_sts_new (client, REGION, env.endpoint);
  amigo_sts_get_caller_identity_async (sts, NULL, amigo_test_result_cb, NULL);
  identity = amigo_sts_get_caller_identity_finish (sts, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (identity->arn, "amigo-test-role"));
}

/* AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN and no keys, as in a pod or a
 * CI job: the accounts start with an Environment account that is the
 * role (and says so), and a copy it watches as a task polls on across
 * the end of its session (a new AssumeRoleWithWebIdentity mid-task). */
static void
test_web_identity_environment_account_task (void)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoClient) maker = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *token_file = NULL;
  AmigoAccount *account;

  if (!amigo_test_moto_have_server ())
    return;
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_REGION", REGION, TRUE);
  envp = g_environ_setenv (envp, "AWS_CONFIG_FILE", "/nonexistent/config", TRUE);
  envp = g_environ_setenv (envp, "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", TRUE);
  envp = g_environ_setenv (envp, "AWS_WEB_IDENTITY_TOKEN_FILE", env.token_path, TRUE);
  envp = g_environ_setenv (envp, "AWS_ROLE_ARN", ROLE, TRUE);
  envp = g_environ_unsetenv (envp, "AWS_ACCESS_KEY_ID");
  envp = g_environ_unsetenv (envp, "AWS_SECRET_ACCESS_KEY");
  envp = g_environ_unsetenv (envp, "AWS_PROFILE");
  accounts = amigo_test_load_accounts ((const char * const *) envp);

  account = amigo_account_manager_lookup (accounts, "environment");
  g_assert_nonnull (account);
  g_assert_cmpint (amigo_account_get_kind (account), ==, AMIGO_ACCOUNT_KIND_ENVIRONMENT);
  g_assert_true (amigo_account_dup_web_identity (account, &role_arn, &token_file));
  g_assert_cmpstr (role_arn, ==, ROLE);
  g_assert_cmpstr (token_file, ==, env.token_path);
  client = client_for (account);
  assert_assumed (account, client, "amigo-test-role");

  /* The copy is made by the test user; the role's account watches it. */
  {
    g_autoptr(AmigoCredentials) keys = amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                                                              g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"),
                                                              NULL, 0);

    maker = amigo_client_new (keys);
  }
  amigo_test_copy_task_across_expiry (accounts, "environment", client, maker, REGION);
}

/* A profile's web identity is told apart from its other settings: the
 * role and the token file it names; a role with a source profile is not
 * one. */
static void
test_web_identity_described (void)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) web = NULL;
  g_autoptr(AmigoAccount) role = NULL;
  g_autoptr(AmigoAccount) environment = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *token_file = NULL;

  config = load_config (NULL);
  web = amigo_account_new_profile (config, "web");
  g_assert_true (amigo_account_dup_web_identity (web, &role_arn, &token_file));
  g_assert_cmpstr (role_arn, ==, ROLE);
  g_assert_cmpstr (token_file, ==, env.token_path);
  role = amigo_account_new_profile (config, "role");
  g_assert_false (amigo_account_dup_web_identity (role, NULL, NULL));
  environment = amigo_account_new_environment (config);
  g_assert_false (amigo_account_dup_web_identity (environment, NULL, NULL));
  g_assert_false (amigo_account_environment_has_web_identity (config));
}

/* The environment's web identity, but the profile the AWS CLI reads
 * (AWS_PROFILE) assumes a role of its own: botocore's assume-role
 * provider comes before the web identity one, so the chain takes the
 * role — and the Environment account does not call itself a web
 * identity. */
static void
test_web_identity_environment_behind_profile_role (void)
{
  g_autofree char *token_env = g_strconcat ("AWS_WEB_IDENTITY_TOKEN_FILE=", env.token_path, NULL);
  const char *extra[] = { token_env, "AWS_ROLE_ARN=" ROLE, "AWS_PROFILE=role", NULL };
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) environment = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  AmigoCredentialSource source = 0;

  if (!amigo_test_moto_have_server ())
    return;
  config = load_config (extra);
  g_assert_true (amigo_account_environment_has_web_identity (config));

  amigo_credential_chain_resolve_async (config, NULL, NULL, amigo_test_result_cb, NULL);
  credentials = amigo_credential_chain_resolve_finish (config,
                                                       amigo_test_await_result (), &source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE);

  environment = amigo_account_new_environment (config);
  g_assert_false (amigo_account_dup_web_identity (environment, NULL, NULL));
}

/* ---- setup ---------------------------------------------------------------- */

static void
setup (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  env.dir = g_dir_make_tmp ("amigo-roles-XXXXXX", &error);
  g_assert_no_error (error);
  env.config_path = g_build_filename (env.dir, "config", NULL);
  env.token_path = g_build_filename (env.dir, "token", NULL);
  env.bad_token_path = g_build_filename (env.dir, "bad-token", NULL);
  g_assert_true (g_file_set_contents (env.token_path, TOKEN "\n", -1, NULL));
  g_assert_true (g_file_set_contents (env.bad_token_path, "wrong-token\n", -1, NULL));
  text = g_strdup_printf ("[profile base]\n"
                          "region = " REGION "\n"
                          "aws_access_key_id = %s\n"
                          "aws_secret_access_key = %s\n"
                          "\n"
                          "[profile role]\n"
                          "region = " REGION "\n"
                          "role_arn = " ROLE "\n"
                          "source_profile = base\n"
                          "\n"
                          "[profile mfa-role]\n"
                          "region = " REGION "\n"
                          "role_arn = " MFA_ROLE "\n"
                          "source_profile = base\n"
                          "mfa_serial = arn:aws:iam::123456789012:mfa/amigo-test\n"
                          "\n"
                          "[profile external-id-role]\n"
                          "region = " REGION "\n"
                          "role_arn = " EXTERNAL_ID_ROLE "\n"
                          "source_profile = base\n"
                          "external_id = amigo-test-external-id\n"
                          "role_session_name = amigo-external\n"
                          "\n"
                          "[profile external-id-role-wrong-id]\n"
                          "region = " REGION "\n"
                          "role_arn = " EXTERNAL_ID_ROLE "\n"
                          "source_profile = base\n"
                          "external_id = someone-else\n"
                          "\n"
                          "[profile mfa-role-without-serial]\n"
                          "region = " REGION "\n"
                          "role_arn = " MFA_ROLE "\n"
                          "source_profile = base\n"
                          "\n"
                          "[profile web]\n"
                          "region = " REGION "\n"
                          "role_arn = " ROLE "\n"
                          "web_identity_token_file = %s\n"
                          "\n"
                          "[profile web-bad-token]\n"
                          "region = " REGION "\n"
                          "role_arn = " ROLE "\n"
                          "web_identity_token_file = %s\n",
                          g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                          g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"),
                          env.token_path, env.bad_token_path);
  g_assert_true (g_file_set_contents (env.config_path, text, -1, NULL));
}

static void
teardown (void)
{
  g_unlink (env.config_path);
  g_unlink (env.token_path);
  g_unlink (env.bad_token_path);
  g_rmdir (env.dir);
  g_free (env.config_path);
  g_free (env.token_path);
  g_free (env.bad_token_path);
  g_free (env.dir);
  amigo_test_moto_cleanup ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  if (env.endpoint != NULL)
    setup ();

  g_test_add_func ("/roles/source-profile", test_source_profile);
  g_test_add_func ("/roles/mfa", test_mfa);
  g_test_add_func ("/roles/mfa-concurrent-callers", test_mfa_concurrent_callers);
  g_test_add_func ("/roles/external-id", test_external_id);
  g_test_add_func ("/roles/refresh-mid-listing", test_refresh_mid_listing);
  g_test_add_func ("/roles/refresh-mid-task", test_refresh_mid_task);
  g_test_add_func ("/roles/web-identity-profile", test_web_identity_profile);
  g_test_add_func ("/roles/web-identity-environment", test_web_identity_environment);
  g_test_add_func ("/roles/web-identity-described", test_web_identity_described);
  g_test_add_func ("/roles/web-identity-environment-behind-profile-role",
                   test_web_identity_environment_behind_profile_role);
  g_test_add_func ("/roles/web-identity-environment-account-task", test_web_identity_environment_account_task);

  status = g_test_run ();
  if (env.endpoint != NULL)
    teardown ();
  return status;
}
