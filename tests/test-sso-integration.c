/* test-sso-integration.c — IAM Identity Center sign-in against the stand-in
 * (tests/sso-standin.py), then images listed in moto with the role's
 * credentials
 *
 *   tests/moto-harness.sh tests/sso-harness.sh ./_build/tests/test-sso-integration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-credential-chain.h"
#include "amigo-error.h"
#include "amigo-sso.h"
#include "amigo-test-moto.h"
#include "amigo-test-task-expiry.h"

#define REGION "us-east-1"
#define LIST_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"

static struct {
  const char *endpoint;
  const char *sso_endpoint;
  char *home;
  AmigoAwsConfig *config;
  AmigoSsoSettings *settings;
  SoupSession *http;
} env;

/* Everything logged (debug included), to check that no secret reaches it. */
static GString *log_text;
static GPtrArray *secrets;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, '\n');
      }
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
remember_secrets (const AmigoSsoToken *token)
{
  if (token == NULL)
    return;
  g_ptr_array_add (secrets, g_strdup (token->access_token));
  if (token->refresh_token != NULL)
    g_ptr_array_add (secrets, g_strdup (token->refresh_token));
  if (token->client_secret != NULL)
    g_ptr_array_add (secrets, g_strdup (token->client_secret));
}

static gboolean
have_servers (void)
{
  if (env.endpoint == NULL || env.sso_endpoint == NULL)
    {
      g_test_skip ("run under tests/moto-harness.sh tests/sso-harness.sh");
      return FALSE;
    }
  return TRUE;
}

/* ---- the stand-in's test control ---------------------------------------- */

static JsonNode *
control (const char *method,
         const char *path,
         const char *body)
{
  return amigo_test_control (env.sso_endpoint, method, path, body);
}

static gint64
operation_count (const char *operation)
{
  g_autoptr(JsonNode) stats = control ("GET", "/amigo-test/stats", NULL);
  JsonObject *ops = json_object_get_object_member (json_node_get_object (stats), "operations");

  return json_object_has_member (ops, operation) ? json_object_get_int_member (ops, operation) : 0;
}

static void
reset_standin (void)
{
  json_node_unref (control ("POST", "/amigo-test/reset", "{}"));
}

/* ---- what the GUI would do ------------------------------------------------ */

typedef struct {
  guint opened;
  guint codes_shown;
  char *user_code;
} Ui;

/* The "browser": follows the authorize page's redirect to the listener. */
static void
open_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GError) error = NULL;

  page = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

static void
ui_open_uri (const char *uri,
             gpointer    user_data)
{
  Ui *ui = user_data;
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  g_assert_nonnull (msg);
  g_assert_true (g_str_has_prefix (uri, env.sso_endpoint));
  g_assert_nonnull (strstr (uri, "code_challenge_method=S256"));
  g_assert_nonnull (strstr (uri, "redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
  ui->opened++;
  soup_session_send_and_read_async (env.http, msg, G_PRIORITY_DEFAULT, NULL, open_uri_cb, NULL);
}

static void
ui_show_device_code (const char *user_code,
                     const char *verification_uri,
                     const char *verification_uri_complete,
                     gpointer    user_data)
{
  Ui *ui = user_data;

  g_assert_nonnull (verification_uri);
  ui->codes_shown++;
  g_free (ui->user_code);
  ui->user_code = g_strdup (user_code);
}

static const AmigoSsoSignInUi ui_funcs = { ui_open_uri, ui_show_device_code };

static AmigoSsoToken *
sign_in (AmigoSsoSession *session,
         AmigoSsoGrant    grant,
         Ui              *ui,
         GError         **error)
{
  AmigoSsoOidc *oidc = amigo_sso_session_get_oidc (session);

  AmigoSsoToken *token;

  amigo_sso_sign_in_async (oidc, amigo_sso_session_get_settings (session), grant,
                           &ui_funcs, ui, NULL, amigo_test_result_cb, NULL);
  token = amigo_sso_sign_in_finish (oidc, amigo_test_await_result (), error);
  remember_secrets (token);
  return token;
}

static void
list_images_with_role (AmigoSsoSession *session,
                       const char      *account_id,
                       const char      *role_name)
{
  g_autoptr(AmigoRequest) request = NULL;
  g_autoptr(AmigoClient) client = amigo_client_new (NULL);
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  amigo_sso_session_attach_to_client (session, client, account_id, role_name);
  request = amigo_request_new_form ("ec2", REGION, LIST_BODY);
  amigo_client_send_async (client, request, env.endpoint, NULL, NULL, NULL,
                           amigo_test_result_cb, NULL);
  g_assert_true (amigo_client_call_finish (client, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  /* Signed with the role's session credentials, which moto accepted. */
  credentials = amigo_client_dup_credentials (client);
  g_assert_nonnull (credentials);
  g_ptr_array_add (secrets, g_strdup (amigo_credentials_get_secret_access_key (credentials)));
  g_ptr_array_add (secrets, g_strdup (amigo_credentials_get_session_token (credentials)));
  g_assert_true (g_str_has_prefix (amigo_credentials_get_access_key_id (credentials), "ASIA"));
  g_assert_nonnull (amigo_credentials_get_session_token (credentials));
}

static AmigoSsoSession *
new_session (void)
{
  return amigo_sso_session_new (env.config, env.settings);
}

/* ---- the tests -------------------------------------------------------------- */

static void
test_pkce_sign_in (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  AmigoSsoAccount *first;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  session = new_session ();
  token = sign_in (session, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ui.opened, ==, 1);
  g_assert_nonnull (token->refresh_token);
  g_assert_nonnull (token->client_id);
  g_assert_cmpint (operation_count ("Authorize"), ==, 1);
  amigo_sso_session_set_token (session, token);

  /* Three accounts, two a page: two pages. */
  amigo_sso_portal_set_page_size (amigo_sso_session_get_portal (session), 2);
  amigo_sso_portal_list_accounts_async (amigo_sso_session_get_portal (session), token->access_token,
                                        NULL, amigo_test_result_cb, NULL);
  accounts = amigo_sso_portal_list_accounts_finish (amigo_sso_session_get_portal (session),
                                                    amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 3);
  g_assert_cmpint (operation_count ("ListAccounts"), ==, 2);
  first = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (first->account_id, ==, "123456789012");
  g_assert_cmpstr (first->account_name, ==, "amigo-account-1");

  /* Two roles, one a page: two pages. */
  amigo_sso_portal_set_page_size (amigo_sso_session_get_portal (session), 1);
  amigo_sso_portal_list_account_roles_async (amigo_sso_session_get_portal (session),
                                             token->access_token, first->account_id,
                                             NULL, amigo_test_result_cb, NULL);
  roles = amigo_sso_portal_list_account_roles_finish (amigo_sso_session_get_portal (session),
                                                      amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 2);
  g_assert_cmpint (operation_count ("ListAccountRoles"), ==, 2);
  g_assert_cmpstr (((AmigoSsoRole *) g_ptr_array_index (roles, 1))->role_name, ==, "ReadOnlyAccess");

  list_images_with_role (session, first->account_id, "ReadOnlyAccess");
  g_assert_cmpint (operation_count ("GetRoleCredentials"), ==, 1);
  /* Every account × role at once, for the picker: 3 × 2 pairs. */
  {
    g_autoptr(GPtrArray) pairs = NULL;
    AmigoSsoAssignment *last;

    amigo_sso_portal_list_assignments_async (amigo_sso_session_get_portal (session),
                                             token->access_token, NULL, amigo_test_result_cb, NULL);
    pairs = amigo_sso_portal_list_assignments_finish (amigo_sso_session_get_portal (session),
                                                      amigo_test_await_result (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pairs->len, ==, 6);
    last = g_ptr_array_index (pairs, 5);
    g_assert_cmpstr (last->account_name, ==, "amigo-account-3");
    g_assert_cmpstr (last->role_name, ==, "ReadOnlyAccess");
  }
}

static void
test_pkce_denied (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  json_node_unref (control ("POST", "/amigo-test/next-token", "{\"deny\": true}"));
  session = new_session ();
  token = sign_in (session, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_null (token);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpint (operation_count ("CreateToken"), ==, 0);
}

static void
test_device_sign_in (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) stats = NULL;
  JsonArray *gaps;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  /* Pending twice, then slow down once, then the token. */
  json_node_unref (control ("POST", "/amigo-test/next-token", "{\"pending\": 2, \"slow_down\": 1}"));
  session = new_session ();
  token = sign_in (session, AMIGO_SSO_GRANT_DEVICE_CODE, &ui, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ui.codes_shown, ==, 1);
  g_assert_nonnull (ui.user_code);
  g_assert_cmpint (operation_count ("CreateToken"), ==, 4);

  /* Polled at the interval (1 s), then 5 s more after slow_down; never
   * answered slow_down for polling too fast. */
  stats = control ("GET", "/amigo-test/stats", NULL);
  gaps = json_object_get_array_member (json_node_get_object (stats), "poll_gaps");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 3);
  g_assert_cmpfloat (json_array_get_double_element (gaps, 0), >=, 0.8);
  g_assert_cmpfloat (json_array_get_double_element (gaps, 1), >=, 0.8);
  g_assert_cmpfloat (json_array_get_double_element (gaps, 2), >=, 5.8);

  amigo_sso_session_set_token (session, token);
  list_images_with_role (session, "123456789012", "AdministratorAccess");
  g_free (ui.user_code);
}

static void
test_device_expired_and_denied (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  session = new_session ();
  json_node_unref (control ("POST", "/amigo-test/next-token", "{\"pending\": 1, \"expire\": true}"));
  token = sign_in (session, AMIGO_SSO_GRANT_DEVICE_CODE, &ui, &error);
  g_assert_null (token);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED);
  g_clear_error (&error);

  json_node_unref (control ("POST", "/amigo-test/next-token", "{\"deny\": true}"));
  token = sign_in (session, AMIGO_SSO_GRANT_DEVICE_CODE, &ui, &error);
  g_assert_null (token);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH);
  g_free (ui.user_code);
}

static void
write_cli_cache (const AmigoSsoToken *token,
                 gint64               expires_at)
{
  g_autofree char *path = amigo_sso_cache_path (amigo_aws_config_get_environ (env.config),
                                                amigo_sso_settings_get_cache_key (env.settings));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (expires_at);
  g_autofree char *expires = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "startUrl");
  json_builder_add_string_value (builder, env.settings->start_url);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, env.settings->region);
  json_builder_set_member_name (builder, "accessToken");
  json_builder_add_string_value (builder, token->access_token);
  json_builder_set_member_name (builder, "expiresAt");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "clientId");
  json_builder_add_string_value (builder, token->client_id);
  json_builder_set_member_name (builder, "clientSecret");
  json_builder_add_string_value (builder, token->client_secret);
  json_builder_set_member_name (builder, "registrationExpiresAt");
  json_builder_add_string_value (builder, "2099-01-01T00:00:00Z");
  json_builder_set_member_name (builder, "refreshToken");
  json_builder_add_string_value (builder, token->refresh_token);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static AmigoCredentials *
chain_resolve (GError **error)
{
  AmigoCredentialSource source = AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT;
  AmigoCredentials *credentials;

  amigo_credential_chain_resolve_async (env.config, "dev", NULL, amigo_test_result_cb, NULL);
  credentials = amigo_credential_chain_resolve_finish (env.config, amigo_test_await_result (), &source,
                                                       NULL, error);
  if (credentials != NULL)
    g_assert_cmpint (source, ==, AMIGO_CREDENTIAL_SOURCE_SSO);
  return credentials;
}

/* Someone ran `aws sso login`: no sign-in, the cached token is used. */
static void
test_cli_cache_reused (void)
{
  g_autoptr(AmigoSsoSession) first = NULL;
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  Ui ui = { 0 };
  gint64 sign_ins;

  if (!have_servers ())
    return;
  reset_standin ();
  /* No token anywhere: the chain asks for a sign-in. */
  amigo_sso_forget_shared_sessions ();
  credentials = chain_resolve (&error);
  g_assert_null (credentials);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED);
  g_clear_error (&error);
  amigo_sso_forget_shared_sessions ();

  first = new_session ();
  token = sign_in (first, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_no_error (error);
  write_cli_cache (token, token->expires_at);
  sign_ins = operation_count ("CreateToken");

  /* The profile through the credential chain: role credentials, no sign-in. */
  credentials = chain_resolve (&error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (amigo_credentials_get_access_key_id (credentials), "ASIA"));
  amigo_sso_forget_shared_sessions ();

  session = new_session ();
  g_assert_true (amigo_sso_session_load_cli_cache (session));
  list_images_with_role (session, "123456789012", "ReadOnlyAccess");
  g_assert_cmpint (operation_count ("CreateToken"), ==, sign_ins);
  g_assert_cmpint (operation_count ("Authorize"), ==, 1);

  /* The cache is the AWS CLI's: read, never written — not even when its
   * token, five minutes from its end, is refreshed. */
  {
    g_autofree char *path = amigo_sso_cache_path (amigo_aws_config_get_environ (env.config),
                                                  amigo_sso_settings_get_cache_key (env.settings));
    g_autoptr(AmigoSsoSession) refreshing = NULL;
    g_autoptr(GFileInfo) info = NULL;
    g_autoptr(GFileInfo) info_after = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *access = NULL;

    write_cli_cache (token, g_get_real_time () / G_USEC_PER_SEC + 300);
    g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                              G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    amigo_sso_forget_shared_sessions ();
    refreshing = new_session ();
    g_assert_true (amigo_sso_session_load_cli_cache (refreshing));
    amigo_sso_session_get_token_async (refreshing, NULL, amigo_test_result_cb, NULL);
    access = amigo_sso_session_get_token_finish (refreshing, amigo_test_await_result (), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (access, !=, token->access_token);
    g_ptr_array_add (secrets, g_strdup (access));
    g_assert_cmpint (operation_count ("CreateToken"), ==, sign_ins + 1);
    list_images_with_role (refreshing, "123456789012", "ReadOnlyAccess");

    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
    info_after = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                    G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_file_info_get_attribute_uint64 (info_after, G_FILE_ATTRIBUTE_TIME_MODIFIED), ==,
                      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
    g_assert_cmpuint (g_file_info_get_attribute_uint32 (info_after, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC), ==,
                      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
  }
}

/* A token close to its end is refreshed with the refresh token, and an
 * expired one that cannot be asks for a sign-in. */
static void
test_refresh (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *access = NULL;
  JsonArray *grants;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  session = new_session ();
  token = sign_in (session, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_no_error (error);
  /* Five minutes left: inside the 15-minute refresh window. */
  token->expires_at = g_get_real_time () / G_USEC_PER_SEC + 300;
  amigo_sso_session_set_token (session, token);
  amigo_sso_session_get_token_async (session, NULL, amigo_test_result_cb, NULL);
  access = amigo_sso_session_get_token_finish (session, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (access, !=, token->access_token);
  g_ptr_array_add (secrets, g_strdup (access));
  stats = control ("GET", "/amigo-test/stats", NULL);
  grants = json_object_get_array_member (json_node_get_object (stats), "grants");
  g_assert_cmpuint (json_array_get_length (grants), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (grants, 1), ==, "refresh_token");
  list_images_with_role (session, "123456789012", "ReadOnlyAccess");

  /* The refresh token revoked and the access token expired: sign in. */
  json_node_unref (control ("POST", "/amigo-test/revoke-refresh", "{}"));
  json_node_unref (control ("POST", "/amigo-test/expire-tokens", "{}"));
  token->expires_at = g_get_real_time () / G_USEC_PER_SEC + 30;
  amigo_sso_session_set_token (session, token);
  amigo_sso_session_get_token_async (session, NULL, amigo_test_result_cb, NULL);
  g_clear_pointer (&access, g_free);
  access = amigo_sso_session_get_token_finish (session, amigo_test_await_result (), &error);
  g_assert_null (access);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED);
  g_clear_error (&error);

  /* A client of the session: its call asks for a sign-in too. */
  {
    g_autoptr(AmigoRequest) request = NULL;
    g_autoptr(AmigoClient) client = amigo_client_new (NULL);

    amigo_sso_session_attach_to_client (session, client, "123456789012", "ReadOnlyAccess");
    request = amigo_request_new_form ("ec2", REGION, LIST_BODY);
    amigo_client_send_async (client, request, env.endpoint, NULL, NULL, NULL,
                             amigo_test_result_cb, NULL);
    g_assert_false (amigo_client_call_finish (client, amigo_test_await_result (), &error));
    g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED);
  }
}

/* An IAM Identity Center account watching a copy as a task: the role's
 * session ends mid-task, the account's client asks GetRoleCredentials for
 * a new one (no sign-in: the token is still good) and the task polls on
 * to its end. */
static void
test_refresh_mid_task (void)
{
  g_auto(GStrv) envp = NULL;
  g_autofree char *config_path = g_build_filename (env.home, "config", NULL);
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoClient) maker = NULL;
  g_autoptr(AmigoCredentials) keys = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccount *account;
  gint64 role_credentials;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  amigo_sso_forget_shared_sessions ();
  session = amigo_sso_session_get_shared (env.config, env.settings);
  token = sign_in (session, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_no_error (error);
  amigo_sso_session_set_token (session, token);

  envp = g_environ_setenv (NULL, "HOME", env.home, TRUE);
  envp = g_environ_setenv (envp, "AWS_CONFIG_FILE", config_path, TRUE);
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_SSO_OIDC", env.sso_endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_SSO", env.sso_endpoint, TRUE);
  accounts = amigo_test_load_accounts ((const char * const *) envp);
  account = amigo_account_manager_add_sso (accounts, "amigo-account-1", REGION, env.settings);
  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, NULL);
  client = amigo_account_get_client_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  role_credentials = operation_count ("GetRoleCredentials");

  keys = amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                                g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);
  maker = amigo_client_new (keys);
  amigo_test_copy_task_across_expiry (accounts, amigo_account_get_id (account), client, maker, REGION);
  g_assert_cmpint (operation_count ("GetRoleCredentials"), >, role_credentials);
  g_assert_cmpint (operation_count ("CreateToken"), ==, 1);   /* no sign-in again */
}

/* The portal refuses an expired token: a sign-in request, not an error page. */
/* Run last: nothing logged so far (debug messages included) holds a
 * token, a client secret or a role's secret key. */
static void
test_no_secret_logged (void)
{
  if (!have_servers ())
    return;
  g_assert_cmpuint (secrets->len, >, 10);
  g_assert_cmpuint (log_text->len, >, 0);
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      if (secret != NULL && strlen (secret) >= 8)
        g_assert_null (strstr (log_text->str, secret));
    }
}

static void
test_expired_token_asks_sign_in (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  Ui ui = { 0 };

  if (!have_servers ())
    return;
  reset_standin ();
  session = new_session ();
  token = sign_in (session, AMIGO_SSO_GRANT_AUTHORIZATION_CODE, &ui, &error);
  g_assert_no_error (error);
  json_node_unref (control ("POST", "/amigo-test/expire-tokens", "{}"));
  amigo_sso_portal_list_accounts_async (amigo_sso_session_get_portal (session), token->access_token,
                                        NULL, amigo_test_result_cb, NULL);
  accounts = amigo_sso_portal_list_accounts_finish (amigo_sso_session_get_portal (session),
                                                    amigo_test_await_result (), &error);
  g_assert_null (accounts);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED);
  /* No secret in the message. */
  g_assert_null (strstr (error->message, token->access_token));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *credentials_path = NULL;
  g_autofree char *config_text = NULL;
  g_auto(GStrv) envp = NULL;
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  secrets = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  env.sso_endpoint = g_getenv ("AMIGO_TEST_SSO_ENDPOINT");
  env.http = soup_session_new ();
  env.home = g_dir_make_tmp ("amigo-sso-home-XXXXXX", NULL);
  config_path = g_build_filename (env.home, "config", NULL);
  credentials_path = g_build_filename (env.home, "credentials", NULL);
  config_text = g_strdup ("[sso-session corp]\n"
                          "sso_start_url = https://amigo-test.awsapps.com/start\n"
                          "sso_region = us-east-1\n"
                          "[profile dev]\n"
                          "sso_session = corp\n"
                          "sso_account_id = 123456789012\n"
                          "sso_role_name = ReadOnlyAccess\n");
  g_assert_true (g_file_set_contents (config_path, config_text, -1, NULL));
  envp = g_environ_setenv (NULL, "HOME", env.home, TRUE);
  if (env.sso_endpoint != NULL)
    {
      envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_SSO_OIDC", env.sso_endpoint, TRUE);
      envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_SSO", env.sso_endpoint, TRUE);
    }
  env.config = amigo_aws_config_load_files (config_path, credentials_path,
                                            (const char * const *) envp, &error);
  g_assert_no_error (error);
  env.settings = amigo_sso_settings_from_profile (env.config, "dev", &error);
  g_assert_no_error (error);

  g_test_add_func ("/sso-integration/pkce", test_pkce_sign_in);
  g_test_add_func ("/sso-integration/pkce-denied", test_pkce_denied);
  g_test_add_func ("/sso-integration/device-code", test_device_sign_in);
  g_test_add_func ("/sso-integration/device-code-expired-denied", test_device_expired_and_denied);
  g_test_add_func ("/sso-integration/cli-cache", test_cli_cache_reused);
  g_test_add_func ("/sso-integration/refresh", test_refresh);
  g_test_add_func ("/sso-integration/refresh-mid-task", test_refresh_mid_task);
  g_test_add_func ("/sso-integration/expired-token", test_expired_token_asks_sign_in);
  g_test_add_func ("/sso-integration/no-secret-logged", test_no_secret_logged);
  status = g_test_run ();

  {
    g_autofree char *cache_file = amigo_sso_cache_path ((const char * const *) envp, "corp");
    g_autofree char *cache_dir = g_path_get_dirname (cache_file);
    g_autofree char *sso_dir = g_path_get_dirname (cache_dir);
    g_autofree char *aws_dir = g_path_get_dirname (sso_dir);

    g_remove (cache_file);
    g_rmdir (cache_dir);
    g_rmdir (sso_dir);
    g_rmdir (aws_dir);
    g_remove (config_path);
    g_rmdir (env.home);
  }
  amigo_sso_settings_free (env.settings);
  g_object_unref (env.config);
  g_object_unref (env.http);
  g_ptr_array_unref (secrets);
  g_string_free (log_text, TRUE);
  g_free (env.home);
  return status;
}
