/* test-client-retry.c — retry settings, the retry quota, adaptive rate
 * limiting and credential refresh, deterministic (time and randomness
 * injected), plus a fake EC2 peer on loopback for what the wire shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "amigo-account.h"
#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-client-retry.h"
#include "amigo-error.h"
#include "amigo-test-tool.h"

#define FORM_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"
#define OK_BODY "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">" \
                "<requestId>ok-1</requestId><imagesSet/></DescribeImagesResponse>"
#define EC2_ERROR(code, message) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" code \
  "</Code><Message>" message "</Message></Error></Errors><RequestID>req-1</RequestID></Response>"

/* ---- configuration precedence ------------------------------------------ */

static AmigoAwsConfig *
config_with (const char *config_text,
             const char * const *envp)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-retry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  g_assert_true (g_file_set_contents (path, config_text, -1, NULL));
  config = amigo_aws_config_load_files (path, NULL, envp, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return config;
}

static const char config_text[] =
  "[default]\nretry_mode = adaptive\nmax_attempts = 7\nca_bundle = /etc/profile-ca.pem\n"
  "[profile legacy]\nretry_mode = legacy\n"
  "[profile bad-mode]\nretry_mode = fast\n"
  "[profile bad-attempts]\nmax_attempts = many\n"
  "[profile zero]\nmax_attempts = 0\n"
  "[profile plain]\nregion = eu-west-1\n";

static void
test_settings_precedence (void)
{
  static const struct {
    const char *env[3];
    const char *profile;
    AmigoRetryMode mode;
    guint attempts;
  } cases[] = {
    { { NULL }, NULL, AMIGO_RETRY_MODE_STANDARD, 3 },            /* the CLI v2 default */
    { { NULL }, "plain", AMIGO_RETRY_MODE_STANDARD, 3 },
    { { NULL }, "default", AMIGO_RETRY_MODE_ADAPTIVE, 7 },
    { { NULL }, "legacy", AMIGO_RETRY_MODE_LEGACY, 5 },          /* _retry.json's 5 */
    { { NULL }, "zero", AMIGO_RETRY_MODE_STANDARD, 1 },          /* 0: no retry */
    { { "AWS_RETRY_MODE=standard", NULL }, "default", AMIGO_RETRY_MODE_STANDARD, 7 },
    { { "AWS_MAX_ATTEMPTS=2", NULL }, "default", AMIGO_RETRY_MODE_ADAPTIVE, 2 },
    { { "AWS_MAX_ATTEMPTS=9", "AWS_RETRY_MODE=legacy" }, "plain", AMIGO_RETRY_MODE_LEGACY, 9 },
    { { "AWS_RETRY_MODE=legacy", NULL }, NULL, AMIGO_RETRY_MODE_LEGACY, 5 },
    { { "AWS_MAX_ATTEMPTS=1000", NULL }, NULL, AMIGO_RETRY_MODE_STANDARD, 100 },
    { { "AWS_RETRY_MODE=", NULL }, "legacy", AMIGO_RETRY_MODE_LEGACY, 5 }, /* empty: unset */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoAwsConfig) config = config_with (config_text, cases[i].env);
      g_autoptr(GError) error = NULL;
      AmigoRetryMode mode;
      guint attempts;

      g_test_message ("case %u", i);
      g_assert_true (amigo_aws_config_get_retry_settings (config, cases[i].profile, &mode,
                                                          &attempts, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mode, ==, cases[i].mode);
      g_assert_cmpuint (attempts, ==, cases[i].attempts);
    }
}

static void
test_settings_errors (void)
{
  static const struct {
    const char *env[2];
    const char *profile;
    const char *words;
  } cases[] = {
    { { NULL }, "bad-mode", "“bad-mode” sets retry_mode to “fast”" },
    { { NULL }, "bad-attempts", "sets max_attempts to “many”" },
    { { "AWS_RETRY_MODE=Standard" }, NULL, "AWS_RETRY_MODE is “Standard”" },
    { { "AWS_MAX_ATTEMPTS=-1" }, "plain", "AWS_MAX_ATTEMPTS is “-1”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoAwsConfig) config = config_with (config_text, cases[i].env);
      g_autoptr(GError) error = NULL;
      AmigoRetryMode mode;
      guint attempts;

      g_assert_false (amigo_aws_config_get_retry_settings (config, cases[i].profile, &mode,
                                                           &attempts, &error));
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

static void
test_ca_bundle_precedence (void)
{
  const char *no_env[] = { NULL };
  const char *env[] = { "AWS_CA_BUNDLE=/etc/env-ca.pem", NULL };
  g_autoptr(AmigoAwsConfig) plain = config_with (config_text, no_env);
  g_autoptr(AmigoAwsConfig) with_env = config_with (config_text, env);
  gboolean from_profile = TRUE;

  g_assert_cmpstr (amigo_aws_config_get_ca_bundle (plain, "default", &from_profile), ==,
                   "/etc/profile-ca.pem");
  g_assert_true (from_profile);
  g_assert_null (amigo_aws_config_get_ca_bundle (plain, "plain", NULL));
  g_assert_null (amigo_aws_config_get_ca_bundle (plain, NULL, NULL));
  /* botocore: the environment variable wins over the profile */
  g_assert_cmpstr (amigo_aws_config_get_ca_bundle (with_env, "default", &from_profile), ==,
                   "/etc/env-ca.pem");
  g_assert_false (from_profile);
}

static void
test_ca_bundle_missing_file (void)
{
  g_autoptr(AmigoClient) client = amigo_client_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (amigo_client_set_ca_bundle (client, "/nonexistent/profile-ca.pem", "work",
                                              &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "/nonexistent/profile-ca.pem"));
  g_assert_nonnull (strstr (error->message, "ca_bundle of the AWS profile “work”"));
}

/* AWS_CA_BUNDLE naming a FIFO (whose open would wait for a writer) or
 * /dev/zero (whose read never ends) is an error at once, not a hang. */
static void
test_ca_bundle_not_a_regular_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ca-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "ca.pem", NULL);
  const char *paths[] = { fifo, "/dev/zero", dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(AmigoClient) client = amigo_client_new (NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (amigo_client_set_ca_file (client, paths[i], &error));
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, "AWS_CA_BUNDLE"));
      g_clear_error (&error);
      g_assert_false (amigo_client_set_ca_bundle (client, paths[i], "work", &error));
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
    }
  g_unlink (fifo);
  g_rmdir (dir);
}

/* ---- a profile's ca_bundle, over TLS on loopback ------------------------ */

static void
tls_server_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_STATIC, OK_BODY, strlen (OK_BODY));
}

static GAsyncResult *account_result;

static void
account_result_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  account_result = g_object_ref (result);
}

/* The account's client, for @profile of a config whose every profile
 * names the server by AWS_ENDPOINT_URL. */
static AmigoClient *
profile_client (const char  *text,
                const char  *profile,
                const char  *endpoint,
                const char  *env_ca_bundle,
                GError     **error)
{
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autofree char *endpoint_var = g_strconcat ("AWS_ENDPOINT_URL=", endpoint, NULL);
  g_autofree char *ca_var = env_ca_bundle ? g_strconcat ("AWS_CA_BUNDLE=", env_ca_bundle, NULL) : NULL;
  const char *envp[] = { endpoint_var, ca_var, NULL };
  AmigoClient *client;

  config = config_with (text, envp);
  account = amigo_account_new_profile (config, profile);
  amigo_account_get_client_async (account, NULL, account_result_cb, NULL);
  while (account_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  client = amigo_account_get_client_finish (account, account_result, error);
  g_clear_object (&account_result);
  return client;
}

static gboolean call_url (AmigoClient  *client,
                          const char   *url,
                          GError      **error);

static void
test_ca_bundle_profile_tls (void)
{
  g_autofree char *cert_path = g_build_filename (TEST_DATA_DIR, "tls", "loopback-cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (TEST_DATA_DIR, "tls", "loopback-key.pem", NULL);
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(AmigoClient) trusting = NULL;
  g_autoptr(AmigoClient) plain = NULL;
  g_autoptr(AmigoClient) missing = NULL;
  g_autoptr(AmigoClient) env_wins = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  if (certificate == NULL || !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      amigo_test_missing_tool ("no TLS backend to serve HTTPS", "glib-networking");
      return;
    }
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, tls_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));

  text = g_strdup_printf ("[profile trusting]\naws_access_key_id = AKIDEXAMPLE\n"
                          "aws_secret_access_key = secret\nca_bundle = %s\n"
                          "[profile plain]\naws_access_key_id = AKIDEXAMPLE\n"
                          "aws_secret_access_key = secret\n"
                          "[profile missing]\naws_access_key_id = AKIDEXAMPLE\n"
                          "aws_secret_access_key = secret\n"
                          "ca_bundle = /nonexistent/missing-ca.pem\n", cert_path);

  /* the profile's ca_bundle: the self-signed server is trusted */
  trusting = profile_client (text, "trusting", url, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (call_url (trusting, url, &error));
  g_assert_no_error (error);

  /* without it, the system's authorities: refused */
  plain = profile_client (text, "plain", url, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (call_url (plain, url, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK);
  g_clear_error (&error);

  /* AWS_CA_BUNDLE wins over the profile's */
  env_wins = profile_client (text, "missing", url, cert_path, &error);
  g_assert_no_error (error);
  g_assert_true (call_url (env_wins, url, &error));
  g_assert_no_error (error);

  /* a missing file is a clear error naming it and the profile */
  missing = profile_client (text, "missing", url, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "/nonexistent/missing-ca.pem"));
  g_assert_nonnull (strstr (error->message, "“missing”"));

  soup_server_disconnect (server);
}

/* ---- the retry quota --------------------------------------------------- */

static void
test_quota (void)
{
  AmigoRetryPolicy *policy = _amigo_retry_policy_new ();
  guint acquired;
  guint retries = 0;

  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 500);
  while (_amigo_retry_policy_acquire_quota (policy, FALSE, &acquired))
    {
      g_assert_cmpuint (acquired, ==, 5);
      retries++;
    }
  g_assert_cmpuint (retries, ==, 100);
  g_assert_cmpuint (acquired, ==, 0);
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 0);

  /* a success without retry gives back 1; after a retry, what it took */
  _amigo_retry_policy_release_quota (policy, 0);
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 1);
  _amigo_retry_policy_release_quota (policy, 10);
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 11);
  g_assert_true (_amigo_retry_policy_acquire_quota (policy, TRUE, &acquired));
  g_assert_cmpuint (acquired, ==, 10);       /* a timeout costs 10 */
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 1);
  g_assert_false (_amigo_retry_policy_acquire_quota (policy, FALSE, &acquired));

  /* never above the capacity */
  for (guint i = 0; i < 200; i++)
    _amigo_retry_policy_release_quota (policy, 5);
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 500);

  /* legacy mode has no quota */
  _amigo_retry_policy_set_mode (policy, AMIGO_RETRY_MODE_LEGACY);
  for (guint i = 0; i < 200; i++)
    g_assert_true (_amigo_retry_policy_acquire_quota (policy, FALSE, &acquired));
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 500);

  _amigo_retry_policy_free (policy);
}

static double fixed_jitter_value = 1.0;

static double
fixed_jitter (gpointer user_data)
{
  return fixed_jitter_value;
}

static void
test_legacy_backoff (void)
{
  AmigoRetryPolicy *policy = _amigo_retry_policy_new ();

  _amigo_retry_policy_set_jitter_func (policy, fixed_jitter, NULL);
  _amigo_retry_policy_set_mode (policy, AMIGO_RETRY_MODE_LEGACY);
  /* rand × 2^(n-1) s, for every error, no x-amz-retry-after */
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 1, FALSE, -1), ==, 1000);
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 3, FALSE, -1), ==, 4000);
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 4, TRUE, 9000), ==, 8000);
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 10, TRUE, -1), ==, 20000);
  _amigo_retry_policy_set_mode (policy, AMIGO_RETRY_MODE_STANDARD);
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 3, FALSE, -1), ==, 200);
  g_assert_cmpuint (_amigo_retry_policy_backoff_ms (policy, 1, TRUE, 3000), ==, 3000);
  _amigo_retry_policy_free (policy);
}

/* ---- adaptive mode's rate limiter -------------------------------------- */

static double fake_now;

static double
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
test_limiter_against_botocore (void)
{
  /* Expected values: botocore 1.43's ClientRateLimiter, CubicCalculator,
   * TokenBucket and RateClocker driven with the same clock and answers. */
  static const struct {
    double t;
    gboolean throttled;
    gboolean enabled;
    double fill_rate, max_capacity, capacity, measured, w_max, last_fail;
  } steps[] = {
    { 100.2, FALSE, FALSE, 0.5, 1, 0.20000000000000284, 0, 0, 100.0 },
    { 100.6, FALSE, FALSE, 0.5, 1, 0.3999999999999986, 3.2, 0, 100.0 },
    { 101.1, FALSE, FALSE, 0.5323999999999918, 1, 0.6499999999999986, 2.24, 0, 100.0 },
    { 101.3, TRUE, TRUE, 1.568, 1.568, 0.7564799999999985, 2.24, 2.24, 101.3 },
    { 101.7, FALSE, TRUE, 2.043693394080258, 2.043693394080258, 1.3836800000000076, 3.648, 2.24, 101.3 },
    { 102.4, TRUE, TRUE, 1.4305853758561804, 1.4305853758561804, 1.4305853758561804, 2.3296, 2.043693394080258, 102.4 },
    { 103.0, FALSE, TRUE, 1.9760519886613834, 1.9760519886613834, 1.4305853758561804, 1.26592, 2.043693394080258, 102.4 },
    { 104.2, FALSE, TRUE, 2.106368, 2.106368, 1.9760519886613834, 1.053184, 2.043693394080258, 102.4 },
  };
  AmigoRetryPolicy *policy = _amigo_retry_policy_new ();
  AmigoRateLimiterState state;

  fake_now = 100.0;
  _amigo_retry_policy_set_mode (policy, AMIGO_RETRY_MODE_ADAPTIVE);
  _amigo_retry_policy_set_time_func (policy, fake_clock, NULL);
  /* not throttled yet: nothing is held back */
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 0);
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("step %u", i);
      fake_now = steps[i].t;
      _amigo_retry_policy_limiter_update (policy, steps[i].throttled);
      _amigo_retry_policy_get_limiter (policy, &state);
      g_assert_cmpint (state.enabled, ==, steps[i].enabled);
      g_assert_cmpfloat_with_epsilon (state.fill_rate, steps[i].fill_rate, 1e-9);
      g_assert_cmpfloat_with_epsilon (state.max_capacity, steps[i].max_capacity, 1e-9);
      g_assert_cmpfloat_with_epsilon (state.capacity, steps[i].capacity, 1e-9);
      g_assert_cmpfloat_with_epsilon (state.measured_rate, steps[i].measured, 1e-9);
      g_assert_cmpfloat_with_epsilon (state.w_max, steps[i].w_max, 1e-9);
      g_assert_cmpfloat_with_epsilon (state.last_fail, steps[i].last_fail, 1e-9);
    }

  /* a token is there: send now; the next one is (1 − 0.976…) / 2.106… s away */
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 0);
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 12);
  fake_now += 0.012;
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 0);

  /* standard mode never paces */
  _amigo_retry_policy_set_mode (policy, AMIGO_RETRY_MODE_STANDARD);
  _amigo_retry_policy_limiter_update (policy, TRUE);
  g_assert_cmpuint (_amigo_retry_policy_limiter_delay_ms (policy), ==, 0);
  _amigo_retry_policy_free (policy);
}

/* ---- credential refresh ------------------------------------------------ */

#define NOW G_GINT64_CONSTANT (1800000000)

typedef struct {
  guint refreshes;
  GTask *pending;               /* a refresh not answered yet */
  gboolean fail;
  gint64 next_expiration;
} Refresher;

static void
refresh_func (AmigoClient *client,
              GTask       *task,
              gpointer     user_data)
{
  Refresher *r = user_data;

  r->refreshes++;
  g_assert_null (r->pending);
  r->pending = task;
}

static void
answer_refresh (Refresher *r)
{
  GTask *task = g_steal_pointer (&r->pending);

  g_assert_nonnull (task);
  if (r->fail)
    g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
                             "the credential process failed");
  else
    g_task_return_pointer (task, amigo_credentials_new ("ASIAFRESH", "secret", "token",
                                                        r->next_expiration),
                           (GDestroyNotify) amigo_credentials_unref);
  g_object_unref (task);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  guint answers;
  char *access_key_id;
  GError *error;
} Got;

static void
got_cb (gpointer          data,
        AmigoCredentials *credentials,
        const GError     *error)
{
  Got *got = data;

  got->answers++;
  g_free (got->access_key_id);
  got->access_key_id = credentials ? g_strdup (amigo_credentials_get_access_key_id (credentials)) : NULL;
  g_clear_error (&got->error);
  got->error = error ? g_error_copy (error) : NULL;
}

static void
got_clear (Got *got)
{
  g_free (got->access_key_id);
  g_clear_error (&got->error);
  memset (got, 0, sizeof *got);
}

static void
test_refresh_windows (void)
{
  g_autoptr(AmigoClient) client = amigo_client_new (NULL);
  AmigoCredentialRefresher *refresher = _amigo_client_get_refresher (client);
  Refresher r = { 0, NULL, FALSE, NOW + 3600 };
  g_autoptr(AmigoCredentials) far = amigo_credentials_new ("ASIAOLD", "s", "t", NOW + 16 * 60);
  g_autoptr(AmigoCredentials) advisory = amigo_credentials_new ("ASIAOLD", "s", "t", NOW + 12 * 60);
  g_autoptr(AmigoCredentials) mandatory = amigo_credentials_new ("ASIAOLD", "s", "t", NOW + 5 * 60);
  g_autoptr(AmigoCredentials) permanent = amigo_credentials_new ("AKIAKEEP", "s", NULL, 0);
  Got a = { 0 }, b = { 0 }, c = { 0 };

  amigo_client_set_credentials_refresh_func (client, refresh_func, &r, NULL);

  /* more than 15 minutes left, or no expiry: as they are */
  _amigo_credential_refresher_get (refresher, far, NOW, FALSE, got_cb, &a);
  _amigo_credential_refresher_get (refresher, permanent, NOW, FALSE, got_cb, &b);
  g_assert_cmpuint (r.refreshes, ==, 0);
  g_assert_cmpstr (a.access_key_id, ==, "ASIAOLD");
  g_assert_cmpstr (b.access_key_id, ==, "AKIAKEEP");
  got_clear (&a);
  got_clear (&b);

  /* advisory window: the caller that starts the refresh waits for it; a
   * second one signs with the current ones meanwhile; a failure is not fatal */
  r.fail = TRUE;
  _amigo_credential_refresher_get (refresher, advisory, NOW, FALSE, got_cb, &a);
  _amigo_credential_refresher_get (refresher, advisory, NOW, FALSE, got_cb, &b);
  g_assert_cmpuint (r.refreshes, ==, 1);
  g_assert_cmpuint (a.answers, ==, 0);
  g_assert_cmpstr (b.access_key_id, ==, "ASIAOLD");
  answer_refresh (&r);
  g_assert_cmpuint (a.answers, ==, 1);
  g_assert_no_error (a.error);
  g_assert_cmpstr (a.access_key_id, ==, "ASIAOLD");
  got_clear (&a);
  got_clear (&b);

  /* mandatory window: everybody waits for the one refresh in flight */
  r.fail = FALSE;
  _amigo_credential_refresher_get (refresher, mandatory, NOW, FALSE, got_cb, &a);
  _amigo_credential_refresher_get (refresher, mandatory, NOW, FALSE, got_cb, &b);
  _amigo_credential_refresher_get (refresher, advisory, NOW, FALSE, got_cb, &c);
  g_assert_cmpuint (r.refreshes, ==, 2);
  g_assert_cmpuint (a.answers + b.answers, ==, 0);
  g_assert_cmpstr (c.access_key_id, ==, "ASIAOLD");
  answer_refresh (&r);
  g_assert_cmpstr (a.access_key_id, ==, "ASIAFRESH");
  g_assert_cmpstr (b.access_key_id, ==, "ASIAFRESH");
  g_assert_cmpuint (r.refreshes, ==, 2);
  got_clear (&a);
  got_clear (&b);
  got_clear (&c);

  /* mandatory window, failed refresh: the call fails, saying why */
  r.fail = TRUE;
  _amigo_credential_refresher_get (refresher, mandatory, NOW, FALSE, got_cb, &a);
  answer_refresh (&r);
  g_assert_error (a.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED);
  g_assert_nonnull (strstr (a.error->message, "the credential process failed"));
  g_assert_null (strstr (a.error->message, "ASIAOLD"));
  got_clear (&a);

  /* refreshed but expired already: refused */
  r.fail = FALSE;
  r.next_expiration = G_GINT64_CONSTANT (1000);
  _amigo_credential_refresher_get (refresher, far, NOW, TRUE, got_cb, &a);
  g_assert_cmpuint (r.refreshes, ==, 4);   /* forced: an expired-token answer */
  answer_refresh (&r);
  g_assert_error (a.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED);
  got_clear (&a);

  amigo_client_set_credentials_refresh_func (client, NULL, NULL, NULL);
}

/* ---- a fake EC2 peer ---------------------------------------------------- */

typedef struct {
  SoupServer *server;
  char *url;
  GPtrArray *answers;           /* one "STATUS BODY" per request; the last repeats */
  guint requests;
  GPtrArray *tokens;            /* X-Amz-Security-Token of each request */
} Peer;

static void
peer_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Peer *peer = user_data;
  const char *answer = g_ptr_array_index (peer->answers, MIN (peer->requests, peer->answers->len - 1));
  const char *token = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "X-Amz-Security-Token");

  peer->requests++;
  g_ptr_array_add (peer->tokens, g_strdup (token ? token : ""));
  soup_server_message_set_status (msg, (guint) g_ascii_strtoull (answer, NULL, 10), NULL);
  soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_COPY, strchr (answer, ' ') + 1,
                                    strlen (strchr (answer, ' ') + 1));
}

static void
peer_start (Peer *peer)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  peer->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (peer->server, NULL, peer_cb, peer, NULL);
  soup_server_listen_local (peer->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (peer->server);
  peer->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  peer->answers = g_ptr_array_new ();
  peer->tokens = g_ptr_array_new_with_free_func (g_free);
}

static void
peer_stop (Peer *peer)
{
  soup_server_disconnect (peer->server);
  g_clear_object (&peer->server);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_free (peer->url);
  g_ptr_array_unref (peer->answers);
  g_ptr_array_unref (peer->tokens);
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
} Result;

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *res = user_data;

  res->ok = amigo_client_call_finish (AMIGO_CLIENT (source), result, &res->error);
  res->done = TRUE;
}

static gboolean
call_url (AmigoClient  *client,
          const char   *url,
          GError      **error)
{
  g_autoptr(AmigoRequest) request = NULL;
  Result res = { 0 };

  request = amigo_request_new_form ("ec2", "us-east-1", FORM_BODY);
  amigo_client_send_async (client, request, url, NULL, NULL, NULL,
                           call_cb, &res);
  while (!res.done)
    g_main_context_iteration (NULL, TRUE);
  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.ok;
}

static gboolean
call (AmigoClient  *client,
      Peer         *peer,
      GError      **error)
{
  g_autoptr(AmigoRequest) request = NULL;
  Result res = { 0 };

  request = amigo_request_new_form ("ec2", "us-east-1", FORM_BODY);
  amigo_client_send_async (client, request, peer->url, NULL, NULL, NULL,
                           call_cb, &res);
  while (!res.done)
    g_main_context_iteration (NULL, TRUE);
  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.ok;
}

static AmigoClient *
fast_client (AmigoCredentials *credentials)
{
  AmigoClient *client = amigo_client_new (credentials);

  _amigo_client_set_backoff (client, 2, 1, 20);
  return client;
}

#define THROTTLED "503 " EC2_ERROR ("RequestLimitExceeded", "Request limit exceeded.")

static void
test_throttled_max_attempts (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);
  g_autoptr(AmigoClient) client = fast_client (credentials);
  g_autoptr(GError) error = NULL;
  Peer peer = { 0 };

  peer_start (&peer);
  g_ptr_array_add (peer.answers, (gpointer) THROTTLED);
  amigo_client_set_max_attempts (client, 4);
  g_assert_false (call (client, &peer, &error));
  g_assert_cmpuint (peer.requests, ==, 4);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "AWS is limiting requests"));
  g_assert_nonnull (strstr (error->message, "RequestLimitExceeded"));
  /* three retries took 15 of the quota */
  g_assert_cmpuint (_amigo_retry_policy_get_quota (_amigo_client_get_retry_policy (client)), ==, 485);
  peer_stop (&peer);
}

static void
test_quota_drained (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);
  g_autoptr(AmigoClient) client = fast_client (credentials);
  AmigoRetryPolicy *policy = _amigo_client_get_retry_policy (client);
  g_autoptr(GError) error = NULL;
  guint acquired;
  Peer peer = { 0 };

  peer_start (&peer);
  g_ptr_array_add (peer.answers, (gpointer) THROTTLED);
  while (_amigo_retry_policy_acquire_quota (policy, FALSE, &acquired))
    ;
  g_assert_false (call (client, &peer, &error));
  g_assert_cmpuint (peer.requests, ==, 1);      /* no retry without quota */
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "did not try again"));
  g_clear_error (&error);

  /* successes fill it again, one at a time */
  g_ptr_array_set_size (peer.answers, 0);
  g_ptr_array_add (peer.answers, (gpointer) ("200 " OK_BODY));
  peer.requests = 0;
  for (guint i = 0; i < 5; i++)
    g_assert_true (call (client, &peer, NULL));
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 5);
  g_ptr_array_set_size (peer.answers, 0);
  g_ptr_array_add (peer.answers, (gpointer) THROTTLED);
  g_ptr_array_add (peer.answers, (gpointer) ("200 " OK_BODY));
  peer.requests = 0;
  g_assert_true (call (client, &peer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peer.requests, ==, 2);
  g_assert_cmpuint (_amigo_retry_policy_get_quota (policy), ==, 5);  /* took 5, gave 5 back */
  peer_stop (&peer);
}

static void
test_legacy_mode_attempts (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);
  g_autoptr(AmigoClient) client = fast_client (credentials);
  g_autoptr(GError) error = NULL;
  Peer peer = { 0 };

  peer_start (&peer);
  g_ptr_array_add (peer.answers, (gpointer) THROTTLED);
  amigo_client_set_retry_mode (client, AMIGO_RETRY_MODE_LEGACY);
  amigo_client_set_max_attempts (client, 5);
  g_assert_false (call (client, &peer, &error));
  g_assert_cmpuint (peer.requests, ==, 5);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_THROTTLED);
  peer_stop (&peer);
}

static gint64 real_start_us;

static double
real_clock (gpointer user_data)
{
  return 100.0 + (g_get_monotonic_time () - real_start_us) / (double) G_USEC_PER_SEC;
}

static gboolean
call_region (AmigoClient  *client,
             Peer         *peer,
             const char   *region,
             GError      **error)
{
  g_autoptr(AmigoRequest) request = NULL;
  Result res = { 0 };

  request = amigo_request_new_form ("ec2", region, FORM_BODY);
  amigo_client_send_async (client, request, peer->url, NULL, NULL, NULL,
                           call_cb, &res);
  while (!res.done)
    g_main_context_iteration (NULL, TRUE);
  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.ok;
}

/* Adaptive mode: throttling seen in one region paces the calls of every
 * region of the account, since they share its client. */
static void
test_adaptive_shared_by_regions (void)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "secret", NULL, 0);
  g_autoptr(AmigoClient) client = fast_client (credentials);
  AmigoRetryPolicy *policy = _amigo_client_get_retry_policy (client);
  AmigoRateLimiterState state;
  g_autoptr(GError) error = NULL;
  gint64 start;
  Peer peer = { 0 };

  real_start_us = g_get_monotonic_time ();
  amigo_client_set_retry_mode (client, AMIGO_RETRY_MODE_ADAPTIVE);
  _amigo_retry_policy_set_time_func (policy, real_clock, NULL);
  peer_start (&peer);
  g_ptr_array_add (peer.answers, (gpointer) THROTTLED);
  g_ptr_array_add (peer.answers, (gpointer) ("200 " OK_BODY));

  g_assert_true (call_region (client, &peer, "eu-west-1", &error));
  g_assert_no_error (error);
  _amigo_retry_policy_get_limiter (policy, &state);
  g_assert_true (state.enabled);

  /* another region, at once: it waits for the shared bucket's next token */
  start = g_get_monotonic_time ();
  g_assert_true (call_region (client, &peer, "ap-southeast-2", &error));
  g_assert_true (call_region (client, &peer, "us-west-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
  peer_stop (&peer);
}

static void
sync_refresh_func (AmigoClient *client,
                   GTask       *task,
                   gpointer     user_data)
{
  guint *count = user_data;
  g_autofree char *token = g_strdup_printf ("token-%u", ++*count);

  g_task_return_pointer (task,
                         amigo_credentials_new ("ASIAFRESH", "secret", token,
                                                g_get_real_time () / G_USEC_PER_SEC + 3600),
                         (GDestroyNotify) amigo_credentials_unref);
  g_object_unref (task);
}

static void
test_expired_token_refreshes_once (void)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new ("ASIAOLD", "secret", "token-0", g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autoptr(AmigoClient) client = fast_client (credentials);
  g_autoptr(GError) error = NULL;
  guint refreshes = 0;
  Peer peer = { 0 };

  amigo_client_set_credentials_refresh_func (client, sync_refresh_func, &refreshes, NULL);
  peer_start (&peer);
  g_ptr_array_add (peer.answers, (gpointer) ("400 " EC2_ERROR ("ExpiredToken",
                                                              "The security token included in the request is expired")));
  g_ptr_array_add (peer.answers, (gpointer) ("200 " OK_BODY));
  g_assert_true (call (client, &peer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refreshes, ==, 1);
  g_assert_cmpuint (peer.requests, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (peer.tokens, 0), ==, "token-0");
  g_assert_cmpstr (g_ptr_array_index (peer.tokens, 1), ==, "token-1");

  /* refused again after the refresh: no second refresh, a clear error */
  g_ptr_array_set_size (peer.answers, 0);
  g_ptr_array_add (peer.answers, (gpointer) ("400 " EC2_ERROR ("ExpiredToken",
                                                              "The security token included in the request is expired")));
  peer.requests = 0;
  g_assert_false (call (client, &peer, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED);
  g_assert_cmpuint (refreshes, ==, 2);
  g_assert_cmpuint (peer.requests, ==, 2);
  peer_stop (&peer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-retry/settings/precedence", test_settings_precedence);
  g_test_add_func ("/client-retry/settings/errors", test_settings_errors);
  g_test_add_func ("/client-retry/ca-bundle/precedence", test_ca_bundle_precedence);
  g_test_add_func ("/client-retry/ca-bundle/missing-file", test_ca_bundle_missing_file);
  g_test_add_func ("/client-retry/ca-bundle/not-a-regular-file", test_ca_bundle_not_a_regular_file);
  g_test_add_func ("/client-retry/ca-bundle/profile-over-tls", test_ca_bundle_profile_tls);
  g_test_add_func ("/client-retry/quota/arithmetic", test_quota);
  g_test_add_func ("/client-retry/backoff/legacy", test_legacy_backoff);
  g_test_add_func ("/client-retry/adaptive/against-botocore", test_limiter_against_botocore);
  g_test_add_func ("/client-retry/refresh/windows", test_refresh_windows);
  g_test_add_func ("/client-retry/wire/throttled-max-attempts", test_throttled_max_attempts);
  g_test_add_func ("/client-retry/wire/quota-drained", test_quota_drained);
  g_test_add_func ("/client-retry/wire/legacy-attempts", test_legacy_mode_attempts);
  g_test_add_func ("/client-retry/wire/adaptive-shared-by-regions", test_adaptive_shared_by_regions);
  g_test_add_func ("/client-retry/wire/expired-token-refreshes-once", test_expired_token_refreshes_once);

  return g_test_run ();
}
