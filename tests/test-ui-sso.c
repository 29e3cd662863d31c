/* test-ui-sso.c — IAM Identity Center in the GUI
 *
 * Runs under Xvfb, inside tests/moto-harness.sh and tests/sso-harness.sh:
 * the sign-in dialog (device code and browser, denied and expired),
 * "Add Accounts from IAM Identity Center" adding several accounts whose
 * role credentials moto accepts, and the window answering an expired
 * sign-in with its sign-in page, then listing again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "accounts/amigo-sso-add-dialog.h"
#include "accounts/amigo-sso-sign-in-dialog.h"
#include "amigo-account-manager.h"
#include "amigo-application.h"
#include "amigo-error.h"
#include "amigo-sts.h"
#include "amigo-client-private.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"

#define START_URL "https://amigo-test.awsapps.com/start"
#define SSO_REGION "us-east-1"

static struct {
  const char *sso_endpoint;
  SoupSession *http;
  AmigoAwsConfig *config;
  char *home;
} env;

/* ---- the stand-in's test control ------------------------------------------ */

static void
control (const char *path,
         const char *body)
{
  g_autofree char *url = g_strconcat (env.sso_endpoint, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (env.http, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
reset (void)
{
  control ("/amigo-test/reset", "{}");
  control ("/amigo-test/config", "{\"interval\": 1}");
  amigo_sso_forget_shared_sessions ();
}

/* The "browser": the test fetches the authorize page, which redirects to
 * the dialog's loopback listener. */
static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GBytes) page = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  guint *opened = user_data;

  (*opened)++;
}

static void
open_uri (const char *uri,
          gpointer    user_data)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  g_assert_true (g_str_has_prefix (uri, env.sso_endpoint));
  g_assert_nonnull (strstr (uri, "code_challenge_method=S256"));
  soup_session_send_and_read_async (env.http, msg, G_PRIORITY_DEFAULT, NULL, fetched_cb, user_data);
}

/* ---- helpers ---------------------------------------------------------------- */

typedef struct {
  gboolean done;
  gboolean signed_in;
} Finished;

static void
finished_cb (AmigoSsoSignInDialog *dialog,
             gboolean              signed_in,
             Finished             *finished)
{
  finished->done = TRUE;
  finished->signed_in = signed_in;
}

static AmigoSsoSession *
new_session (void)
{
  g_autoptr(AmigoSsoSettings) settings = amigo_sso_settings_new (START_URL, SSO_REGION, NULL, NULL);

  return amigo_sso_session_get_shared (env.config, settings);
}

static AmigoSsoSignInDialog *
find_sign_in_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (AMIGO_IS_SSO_SIGN_IN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
session_has_token (AmigoSsoSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  amigo_sso_session_get_token_async (session, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 30);
  token = amigo_sso_session_get_token_finish (session, result, &error);
  if (token == NULL)
    return FALSE;
  amigo_secure_free_string (token);
  return TRUE;
}

/* ---- refresh mid-listing ---------------------------------------------------- */

#define LIST_BODY "Action=DescribeImages&Version=2016-11-15&Owner.1=self"

/* Every STS session moto issued so far expires (tests/moto-launcher.py). */
static void
expire_sessions (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (g_getenv ("AMIGO_TEST_ENDPOINT"), "/amigo-test/expire-sessions", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

/* A listing whose session expired meanwhile: one refresh (the account's
 * own kind: GetRoleCredentials, or AssumeRole again), the call sent again
 * and answered. */
static void
assert_refreshed_mid_listing (AmigoAccount *account)
{
  g_autoptr(AmigoRequest) request = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) before = NULL;
  g_autoptr(AmigoCredentials) after = NULL;
  g_autoptr(GError) error = NULL;
  guint refreshes;

  amigo_account_get_client_async (account, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  client = amigo_account_get_client_finish (account, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  before = amigo_client_dup_credentials (client);
  refreshes = _amigo_client_get_refresh_count (client);

  expire_sessions ();
  request = amigo_request_new_form ("ec2", "us-east-1", LIST_BODY);
  amigo_client_send_async (client, request, g_getenv ("AMIGO_TEST_ENDPOINT"), NULL, NULL, NULL,
                           store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  g_assert_true (amigo_client_call_finish (client, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_amigo_client_get_refresh_count (client), ==, refreshes + 1);
  after = amigo_client_dup_credentials (client);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (before), !=,
                   amigo_credentials_get_access_key_id (after));
}

/* ---- the tests ---------------------------------------------------------------- */

/* The device code: shown large, with its copy button and the verification
 * link; a spinner while CreateToken is polled; the dialog closes signed in. */
static void
test_sign_in_device_code (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  AmigoSsoSignInDialog *dialog;
  Finished finished = { 0 };
  GtkWidget *copy;
  GtkWidget *label;
  g_autofree char *clip = NULL;

  reset ();
  /* Pending three times: the code page stays up for a few seconds. */
  control ("/amigo-test/next-token", "{\"pending\": 3}");
  session = new_session ();
  dialog = amigo_sso_sign_in_dialog_new (NULL, session);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_sso_sign_in_dialog_get_page (dialog), ==, "choose");
  amigo_test_ui_maybe_screenshot (dialog, "sso-sign-in.png");

  amigo_test_ui_click (amigo_test_ui_find (dialog, "code_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL || g_strcmp0 (amigo_sso_sign_in_dialog_get_page (dialog), "code") == 0, 30);
  g_assert_nonnull (dialog);
  label = amigo_test_ui_find (dialog, "user_code_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, amigo_sso_sign_in_dialog_get_user_code (dialog));
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (label))), >, 0);
  g_assert_nonnull (gtk_link_button_get_uri (GTK_LINK_BUTTON (amigo_test_ui_find (dialog, "verification_link"))));
  copy = amigo_test_ui_find (dialog, "copy_button");
  amigo_test_ui_maybe_screenshot (dialog, "sso-sign-in-code.png");
  amigo_test_ui_click (copy);
  clip = g_strdup (amigo_sso_sign_in_dialog_get_user_code (dialog));

  AMIGO_TEST_WAIT_FOR (finished.done, 60);
  g_assert_true (finished.signed_in);
  AMIGO_TEST_WAIT_FOR (dialog == NULL, 10);
  g_assert_true (session_has_token (session));
}

/* The browser: the authorize page opened (here fetched by the test), the
 * code back on the loopback listener. */
static void
test_sign_in_browser (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  AmigoSsoSignInDialog *dialog;
  Finished finished = { 0 };
  guint opened = 0;

  reset ();
  amigo_sso_sign_in_dialog_set_uri_opener (open_uri, &opened);
  session = new_session ();
  dialog = amigo_sso_sign_in_dialog_new (NULL, session);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  amigo_test_ui_click (amigo_test_ui_find (dialog, "browser_button"));
  AMIGO_TEST_WAIT_FOR (finished.done, 60);
  g_assert_true (finished.signed_in);
  g_assert_cmpuint (opened, ==, 1);
  g_assert_true (session_has_token (session));
  amigo_sso_sign_in_dialog_set_uri_opener (NULL, NULL);
}

static void
ignore_uri (const char *uri,
            gpointer    user_data)
{
  /* A browser that never comes back. */
}

/* The browser page offers the code too: signing in goes on that way. */
static void
test_sign_in_browser_then_code (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  AmigoSsoSignInDialog *dialog;
  Finished finished = { 0 };

  reset ();
  amigo_sso_sign_in_dialog_set_uri_opener (ignore_uri, NULL);
  session = new_session ();
  dialog = amigo_sso_sign_in_dialog_new (NULL, session);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  amigo_test_ui_click (amigo_test_ui_find (dialog, "browser_button"));
  g_assert_cmpstr (amigo_sso_sign_in_dialog_get_page (dialog), ==, "browser");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "browser_code_button"));
  AMIGO_TEST_WAIT_FOR (finished.done, 60);
  g_assert_true (finished.signed_in);
  g_assert_true (session_has_token (session));
  amigo_sso_sign_in_dialog_set_uri_opener (NULL, NULL);
}

/* Denied and expired: a clear page each, and Try Again back to the start. */
static void
test_sign_in_denied_expired (void)
{
  g_autoptr(AmigoSsoSession) session = NULL;
  AmigoSsoSignInDialog *dialog;
  Finished finished = { 0 };
  AdwStatusPage *error_page;

  reset ();
  session = new_session ();
  dialog = amigo_sso_sign_in_dialog_new (NULL, session);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  error_page = ADW_STATUS_PAGE (amigo_test_ui_find (dialog, "error_page"));

  control ("/amigo-test/next-token", "{\"deny\": true}");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "code_button"));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_sso_sign_in_dialog_get_page (dialog), "error") == 0, 30);
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "The Sign-In Was Denied");
  amigo_test_ui_maybe_screenshot (dialog, "sso-sign-in-denied.png");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "retry_button"));
  g_assert_cmpstr (amigo_sso_sign_in_dialog_get_page (dialog), ==, "choose");

  control ("/amigo-test/next-token", "{\"pending\": 1, \"expire\": true}");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "code_button"));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_sso_sign_in_dialog_get_page (dialog), "error") == 0, 30);
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "The Sign-In Has Expired");
  g_assert_false (finished.done);

  /* Closing gives up. */
  gtk_window_close (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  g_assert_true (finished.done);
  g_assert_false (finished.signed_in);
}

static AmigoAccountManager *
load_manager (GSettings *settings)
{
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();

  manager = amigo_account_manager_new (settings, (const char * const *) envp);
  amigo_account_manager_load_async (manager, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  g_assert_true (amigo_account_manager_load_finish (manager, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&manager);
}

static guint
count_sso_accounts (AmigoAccountManager *manager)
{
  GListModel *accounts = amigo_account_manager_get_accounts (manager);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (accounts, i);

      if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_SSO)
        n++;
    }
  return n;
}

/* Start URL and region, the sign-in, then every account × role with a
 * check box; three chosen become three accounts whose role credentials
 * moto accepts. */
static void
test_add_accounts (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(AmigoAccountManager) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  AmigoSsoAddDialog *dialog;
  AmigoSsoSignInDialog *sign_in;
  AmigoAccount *account;
  GtkWidget *continue_button;

  reset ();
  control ("/amigo-test/config", "{\"interval\": 1, \"accounts\": 2, \"roles_per_account\": 2}");
  g_settings_reset (settings, "sso-accounts");
  manager = load_manager (settings);
  g_assert_cmpuint (count_sso_accounts (manager), ==, 0);

  dialog = amigo_sso_add_dialog_new (NULL, manager);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  continue_button = amigo_test_ui_find (dialog, "continue_button");
  /* Not a portal address: Continue waits. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "start_url_row"), "http://example.com/start");
  g_assert_false (gtk_widget_get_sensitive (continue_button));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "start_url_row"), START_URL);
  g_assert_true (gtk_widget_get_sensitive (continue_button));
  amigo_test_ui_maybe_screenshot (dialog, "sso-add-where.png");
  amigo_test_ui_click (continue_button);

  /* No token yet: the sign-in dialog, over this one. */
  AMIGO_TEST_WAIT_FOR ((sign_in = find_sign_in_dialog ()) != NULL, 30);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (sign_in)) == GTK_WINDOW (dialog));
  amigo_test_ui_click (amigo_test_ui_find (sign_in, "code_button"));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_sso_add_dialog_get_page (dialog), "pick") == 0, 60);

  checks = amigo_test_ui_find_all (dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 4);
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "add_button")));
  for (guint i = 0; i < 3; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  amigo_test_ui_maybe_screenshot (dialog, "sso-add-pick.png");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "add_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, 10);

  g_assert_cmpuint (count_sso_accounts (manager), ==, 3);
  /* Two roles of amigo-account-1: named with the role. */
  account = amigo_account_manager_lookup (manager, "sso:000000000001/AdministratorAccess@" START_URL);
  if (account == NULL)
    {
      GListModel *accounts = amigo_account_manager_get_accounts (manager);

      for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
        {
          g_autoptr(AmigoAccount) a = g_list_model_get_item (accounts, i);
          if (amigo_account_get_kind (a) == AMIGO_ACCOUNT_KIND_SSO && account == NULL)
            account = a;
        }
    }
  g_assert_nonnull (account);
  g_assert_nonnull (strstr (amigo_account_get_name (account), "amigo-account-"));

  /* Kept without a token, and read back. */
  stored = g_settings_get_value (settings, "sso-accounts");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 3);
  {
    g_autofree char *text = g_variant_print (stored, FALSE);

    g_assert_null (strstr (text, "token"));
    g_assert_nonnull (strstr (text, START_URL));
  }
  again = load_manager (settings);
  g_assert_cmpuint (count_sso_accounts (again), ==, 3);

  /* Its role credentials reach moto. */
  amigo_account_get_identity_async (account, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  identity = amigo_account_get_identity_finish (account, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity);
  /* Role credentials expired mid-listing: new ones from the portal. */
  assert_refreshed_mid_listing (account);
  g_settings_reset (settings, "sso-accounts");
}

/* The window meets an account whose sign-in is missing: its sign-in page,
 * not an error; after signing in the images are listed. */
static void
test_window_sign_in_required (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autoptr(AmigoApplication) app = NULL;
  g_autoptr(AmigoSsoSettings) sso = amigo_sso_settings_new (START_URL, SSO_REGION, "123456789012",
                                                            "ReadOnlyAccess");
  g_autofree char *id = amigo_account_sso_id (sso);
  GVariantBuilder builder;
  AmigoWindow *window;
  GtkWidget *sign_in_button;
  AmigoSsoSignInDialog *sign_in;

  reset ();
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", "name", "amigo-account-1");
  g_variant_builder_add (&builder, "{ss}", "region", "us-east-1");
  g_variant_builder_add (&builder, "{ss}", "start-url", START_URL);
  g_variant_builder_add (&builder, "{ss}", "sso-region", SSO_REGION);
  g_variant_builder_add (&builder, "{ss}", "account-id", "123456789012");
  g_variant_builder_add (&builder, "{ss}", "role-name", "ReadOnlyAccess");
  g_variant_builder_close (&builder);
  g_settings_set_value (settings, "sso-accounts", g_variant_builder_end (&builder));
  g_settings_set_string (settings, "last-account", id);

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL, 60);
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, id);
  sign_in_button = amigo_test_ui_find (window, "error_sign_in_button");
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_visible (sign_in_button) &&
                       g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0, 60);
  amigo_test_ui_maybe_screenshot (window, "sso-sign-in-required.png");

  amigo_test_ui_click (sign_in_button);
  AMIGO_TEST_WAIT_FOR ((sign_in = find_sign_in_dialog ()) != NULL, 30);
  amigo_test_ui_click (amigo_test_ui_find (sign_in, "code_button"));
  /* Signed in: the listing asked again, with the role's credentials. */
  AMIGO_TEST_WAIT_FOR (!gtk_widget_get_visible (sign_in_button) ||
                       g_strcmp0 (amigo_window_get_visible_page (window), "error") != 0, 60);
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") != 0, 60);
  g_assert_false (gtk_widget_get_visible (sign_in_button) &&
                  g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0);
  /* …and it is listed (no other error either: the role is one the
   * stand-in gives). */
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "loading") != 0, 60);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  g_settings_reset (settings, "sso-accounts");
  g_settings_reset (settings, "last-account");
}

/* AWS_PROFILE names an AWS CLI profile of IAM Identity Center and nobody
 * has signed in: the window opens on that profile (not on the welcome
 * page) with the sign-in page, and lists its images once signed in. */
static void
test_profile_at_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autofree char *path = g_build_filename (env.home, "config", NULL);
  g_autoptr(AmigoApplication) app = NULL;
  AmigoSsoSignInDialog *sign_in;
  GtkWidget *sign_in_button;
  AmigoWindow *window;

  reset ();
  g_settings_reset (settings, "last-account");
  g_assert_true (g_file_set_contents (path,
                                      "[sso-session corp]\n"
                                      "sso_start_url = " START_URL "\n"
                                      "sso_region = " SSO_REGION "\n"
                                      "[profile dev]\n"
                                      "sso_session = corp\n"
                                      "sso_account_id = 123456789012\n"
                                      "sso_role_name = ReadOnlyAccess\n"
                                      "region = us-east-1\n"
                                      "[profile other]\n"
                                      "credential_process = /bin/false\n",
                                      -1, NULL));
  g_setenv ("AWS_CONFIG_FILE", path, TRUE);
  g_setenv ("AWS_PROFILE", "dev", TRUE);
  /* Keys in the environment would come first, as for the AWS CLI. */
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL, 60);
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, "profile:dev");
  sign_in_button = amigo_test_ui_find (window, "error_sign_in_button");
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_visible (sign_in_button) &&
                       g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0, 60);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (amigo_test_ui_find (window, "error_page"))),
                   ==, "Sign In to Continue");
  g_assert_null (amigo_account_manager_lookup (amigo_application_get_account_manager (app),
                                               "profile:other"));

  amigo_test_ui_click (sign_in_button);
  AMIGO_TEST_WAIT_FOR ((sign_in = find_sign_in_dialog ()) != NULL, 30);
  amigo_test_ui_click (amigo_test_ui_find (sign_in, "code_button"));
  /* Signed in: the profile's role credentials list the images. */
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") != 0 &&
                       g_strcmp0 (amigo_window_get_visible_page (window), "loading") != 0, 60);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  g_unsetenv ("AWS_PROFILE");
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/config", TRUE);
  g_settings_reset (settings, "last-account");
  g_unlink (path);
}

/* The window's sign-in page finds the session of an AWS CLI profile with
 * sso_session, and of a role whose source_profile is one. */
static void
test_profile_session (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autofree char *path = g_build_filename (env.home, "config", NULL);
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(AmigoAccount) sso_profile = NULL;
  g_autoptr(AmigoAccount) role_profile = NULL;
  g_autoptr(AmigoAccount) keys_profile = NULL;
  g_autoptr(AmigoSsoSession) session = NULL;
  g_autoptr(AmigoSsoSession) role_session = NULL;
  g_autoptr(AmigoSsoSession) none = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "[sso-session corp]\n"
                                      "sso_start_url = " START_URL "\n"
                                      "sso_region = " SSO_REGION "\n"
                                      "[profile dev]\n"
                                      "sso_session = corp\n"
                                      "sso_account_id = 000000000001\n"
                                      "sso_role_name = ReadOnlyAccess\n"
                                      "[profile admin]\n"
                                      "role_arn = arn:aws:iam::123456789012:role/amigo-test-role\n"
                                      "source_profile = dev\n"
                                      "[profile keys]\n"
                                      "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                                      -1, NULL));
  envp = g_environ_setenv (g_get_environ (), "AWS_CONFIG_FILE", path, TRUE);
  manager = amigo_account_manager_new (settings, (const char * const *) envp);
  amigo_account_manager_load_async (manager, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  g_assert_true (amigo_account_manager_load_finish (manager, result, &error));

  sso_profile = amigo_account_new_profile (amigo_account_manager_get_config (manager), "dev");
  role_profile = amigo_account_new_profile (amigo_account_manager_get_config (manager), "admin");
  keys_profile = amigo_account_new_profile (amigo_account_manager_get_config (manager), "keys");
  session = amigo_sso_sign_in_dialog_session_for_account (manager, sso_profile);
  g_assert_nonnull (session);
  g_assert_cmpstr (amigo_sso_session_get_settings (session)->start_url, ==, START_URL);
  role_session = amigo_sso_sign_in_dialog_session_for_account (manager, role_profile);
  g_assert_true (role_session == session);
  none = amigo_sso_sign_in_dialog_session_for_account (manager, keys_profile);
  g_assert_null (none);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  int status;

  env.sso_endpoint = g_getenv ("AMIGO_TEST_SSO_ENDPOINT");
  if (env.sso_endpoint == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh tests/sso-harness.sh\n");
      return 77;
    }
  status = amigo_test_ui_init (&argc, &argv);
  if (status != 0)
    return status;

  /* Nothing of the person's own: a home of its own, IAM Identity Center
   * at the stand-in. */
  env.home = g_dir_make_tmp ("amigo-ui-sso-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", env.home, TRUE);
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/config", TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", TRUE);
  g_setenv ("AWS_ENDPOINT_URL_SSO_OIDC", env.sso_endpoint, TRUE);
  g_setenv ("AWS_ENDPOINT_URL_SSO", env.sso_endpoint, TRUE);
  envp = g_get_environ ();
  env.config = amigo_aws_config_load ((const char * const *) envp, &error);
  g_assert_no_error (error);
  env.http = soup_session_new ();

  g_test_add_func ("/ui-sso/sign-in/device-code", test_sign_in_device_code);
  g_test_add_func ("/ui-sso/sign-in/browser", test_sign_in_browser);
  g_test_add_func ("/ui-sso/sign-in/browser-then-code", test_sign_in_browser_then_code);
  g_test_add_func ("/ui-sso/sign-in/denied-expired", test_sign_in_denied_expired);
  g_test_add_func ("/ui-sso/add-accounts", test_add_accounts);
  g_test_add_func ("/ui-sso/window-sign-in-required", test_window_sign_in_required);
  g_test_add_data_func ("/ui-sso/profile-at-start", (gconstpointer) test_profile_at_start, amigo_test_ui_in_own_process);
  g_test_add_func ("/ui-sso/profile-session", test_profile_session);
  status = g_test_run ();

  amigo_sso_forget_shared_sessions ();
  g_object_unref (env.http);
  g_object_unref (env.config);
  g_rmdir (env.home);
  g_free (env.home);
  return status;
}
