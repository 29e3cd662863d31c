/* test-credential-expiry.c — STS session credentials that expire, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh with --sts-session-seconds 1200: moto
 * checks every signature and refuses expired STS sessions with ExpiredToken
 * (tests/README-moto.md, "Credentials that expire"). A profile account's
 * credential_process (tests/credential-process/sts-assume-role.py) hands out
 * AssumeRole sessions of 20 minutes; POST /amigo-test/expire-sessions ends
 * them at once, and the client's clock hook moves its time forward, so
 * nothing waits for real minutes to pass.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-account.h"
#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-ec2.h"
#include "amigo-error.h"
#include "amigo-test-moto.h"

#define REGION "us-east-1"
#define LIST_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"

static struct {
  const char *endpoint;
  char *dir;
  AmigoAwsConfig *config;
  AmigoAccount *account;
  AmigoClient *client;
  gint64 clock_shift_us;
} env;

static gint64
shifted_clock (gpointer user_data)
{
  return g_get_real_time () + env.clock_shift_us;
}

/* Every STS session issued so far expires now (a test knob of the launcher). */
static void
expire_sessions (void)
{
  amigo_test_moto_post ("/amigo-test/expire-sessions", "{}");
}

/* ---- a listing, with the attempts it took ------------------------------ */

typedef struct {
  guint attempts;
} Attempts;

static gboolean
count_attempt (gpointer   data,
               guint      attempt,
               GError   **error)
{
  Attempts *a = data;

  a->attempts = attempt;
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

/* A live session first, whatever earlier tests expired. */
static void
warm_up (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (list_images (env.client, &error), >=, 1);
  g_assert_no_error (error);
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_process_hands_out_sessions (void)
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  gint64 left;

  if (!amigo_test_moto_have_server ())
    return;

  credentials = amigo_client_dup_credentials (env.client);
  g_assert_nonnull (credentials);
  g_assert_true (g_str_has_prefix (amigo_credentials_get_access_key_id (credentials), "ASIA"));
  g_assert_nonnull (amigo_credentials_get_session_token (credentials));
  left = amigo_credentials_get_expiration (credentials) - g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (left, >, 15 * 60);       /* --sts-session-seconds 1200 */
  g_assert_cmpint (left, <=, 20 * 60);
}

/* moto refuses an expired session, and a client that cannot refresh says so. */
static void
test_expired_session_refused (void)
{
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoClient) stale = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoAwsErrorDetails *details;

  if (!amigo_test_moto_have_server ())
    return;

  credentials = amigo_client_dup_credentials (env.client);
  stale = amigo_client_new (credentials);
  g_assert_cmpuint (list_images (stale, &error), ==, 1);
  g_assert_no_error (error);

  expire_sessions ();
  g_assert_cmpuint (list_images (stale, &error), ==, 0);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED);
  details = amigo_aws_error_get_details (error);
  g_assert_cmpstr (details->aws_code, ==, "ExpiredToken");
  g_assert_cmpuint (details->http_status, ==, 403);
}

/* Ten minutes before the expiry the credentials must be refreshed: the
 * listing goes out once, with the new ones (the old session is dead). */
static void
test_listing_refreshed_before_expiry (void)
{
  g_autoptr(AmigoCredentials) before = NULL;
  g_autoptr(AmigoCredentials) after = NULL;
  g_autoptr(GError) error = NULL;
  guint refreshes;

  if (!amigo_test_moto_have_server ())
    return;

  warm_up ();
  g_assert_cmpuint (list_images (env.client, &error), ==, 1);
  g_assert_no_error (error);
  refreshes = _amigo_client_get_refresh_count (env.client);
  before = amigo_client_dup_credentials (env.client);

  /* 11 minutes later: 9 minutes left, inside the mandatory window */
  env.clock_shift_us = 11 * 60 * G_USEC_PER_SEC;
  expire_sessions ();
  g_assert_cmpuint (list_images (env.client, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (_amigo_client_get_refresh_count (env.client), ==, refreshes + 1);
  after = amigo_client_dup_credentials (env.client);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (before), !=,
                   amigo_credentials_get_access_key_id (after));
  env.clock_shift_us = 0;
}

/* An ExpiredToken mid-session: one refresh, the request sent once more. */
static void
test_expired_token_refreshes_once (void)
{
  g_autoptr(GError) error = NULL;
  guint refreshes;

  if (!amigo_test_moto_have_server ())
    return;

  warm_up ();
  g_assert_cmpuint (list_images (env.client, &error), ==, 1);
  g_assert_no_error (error);
  refreshes = _amigo_client_get_refresh_count (env.client);

  expire_sessions ();
  g_assert_cmpuint (list_images (env.client, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (_amigo_client_get_refresh_count (env.client), ==, refreshes + 1);

  /* and the next call needs none */
  g_assert_cmpuint (list_images (env.client, &error), ==, 1);
  g_assert_cmpuint (_amigo_client_get_refresh_count (env.client), ==, refreshes + 1);
}

/* A task is polled through one AmigoEc2 made once from the account's client
 * (core/amigo-task-watch.c): each poll keeps working across expiries. */
static void
test_polling_across_expiry (void)
{
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  guint refreshes;

  if (!amigo_test_moto_have_server ())
    return;

  ec2 = amigo_ec2_new_for_account (env.account, env.client, REGION, &error);
  g_assert_no_error (error);
  refreshes = _amigo_client_get_refresh_count (env.client);

  for (guint poll = 0; poll < 3; poll++)
    {
      g_autoptr(GPtrArray) regions = NULL;

      expire_sessions ();
      amigo_ec2_describe_regions_async (ec2, NULL, amigo_test_result_cb, NULL);
      regions = amigo_ec2_describe_regions_finish (ec2, amigo_test_await_result (), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (regions->len, >, 0);
      g_assert_cmpuint (_amigo_client_get_refresh_count (env.client), ==, refreshes + poll + 1);
    }
}

/* ---- setup ---------------------------------------------------------------- */

static void
setup (void)
{
  g_autofree char *config_path = NULL;
  g_autofree char *script = g_build_filename (TEST_SRC_DIR, "credential-process",
                                              "sts-assume-role.py", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *python = g_getenv ("AMIGO_TEST_PYTHON");

  env.dir = g_dir_make_tmp ("amigo-expiry-XXXXXX", &error);
  g_assert_no_error (error);
  config_path = g_build_filename (env.dir, "config", NULL);
  text = g_strdup_printf ("[profile expiring]\n"
                          "region = " REGION "\n"
                          "credential_process = %s %s 3600\n",
                          python != NULL ? python : "python3", script);
  g_assert_true (g_file_set_contents (config_path, text, -1, NULL));
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  env.config = amigo_aws_config_load_files (config_path, NULL, (const char * const *) envp, &error);
  g_assert_no_error (error);
  env.account = amigo_account_new_profile (env.config, "expiring");

  amigo_account_get_client_async (env.account, NULL, amigo_test_result_cb, NULL);
  env.client = amigo_account_get_client_finish (env.account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (env.client);
  _amigo_client_set_clock_func (env.client, shifted_clock, NULL);
  g_unlink (config_path);
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

  g_test_add_func ("/credential-expiry/process-hands-out-sessions", test_process_hands_out_sessions);
  g_test_add_func ("/credential-expiry/expired-session-refused", test_expired_session_refused);
  g_test_add_func ("/credential-expiry/listing-refreshed-before-expiry",
                   test_listing_refreshed_before_expiry);
  g_test_add_func ("/credential-expiry/expired-token-refreshes-once", test_expired_token_refreshes_once);
  g_test_add_func ("/credential-expiry/polling-across-expiry", test_polling_across_expiry);

  status = g_test_run ();

  amigo_test_moto_cleanup ();
  g_clear_object (&env.client);
  g_clear_object (&env.account);
  g_clear_object (&env.config);
  if (env.dir != NULL)
    g_rmdir (env.dir);
  g_free (env.dir);
  return status;
}
