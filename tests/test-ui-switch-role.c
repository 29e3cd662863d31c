/* test-ui-switch-role.c — "Switch Role…": a role on top of an account
 *
 * Runs under Xvfb inside tests/moto-harness.sh, whose moto has the roles
 * amigo-test-role and amigo-test-mfa-role (its trust policy asks for MFA,
 * as AWS does; tests/README-moto.md). The source account is the
 * "Environment" one a person gets with AWS_* variables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "accounts/amigo-switch-role-dialog.h"
#include "amigo-account-manager.h"
#include "amigo-credential-chain.h"
#include "amigo-mfa-dialog.h"
#include "amigo-sts.h"
#include "amigo-client-private.h"
#include "amigo-test-ui.h"

#define ROLE "arn:aws:iam::123456789012:role/amigo-test-role"
#define MFA_ROLE "arn:aws:iam::123456789012:role/amigo-test-mfa-role"
#define MFA_SERIAL "arn:aws:iam::123456789012:mfa/amigo-test"
#define EXTERNAL_ID_ROLE "arn:aws:iam::123456789012:role/amigo-test-external-id-role"

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
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
  /* As the application does. */
  amigo_mfa_dialog_install (amigo_account_manager_get_config (manager));
  return g_steal_pointer (&manager);
}

static AmigoCallerIdentity *
identity_of (AmigoAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoCallerIdentity *identity;

  amigo_account_get_identity_async (account, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  identity = amigo_account_get_identity_finish (account, result, &error);
  g_assert_no_error (error);
  return identity;
}

static char *
access_key_of (AmigoAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  amigo_account_get_client_async (account, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, 60);
  client = amigo_account_get_client_finish (account, result, &error);
  g_assert_no_error (error);
  credentials = amigo_client_dup_credentials (client);
  return g_strdup (amigo_credentials_get_access_key_id (credentials));
}

static AmigoAccount *
only_role_account (AmigoAccountManager *manager)
{
  GListModel *accounts = amigo_account_manager_get_accounts (manager);
  AmigoAccount *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (accounts, i);

      if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_ROLE)
        {
          g_assert_null (found);
          found = account;
        }
    }
  return found;
}

static GtkWidget *
find_mfa_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
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

/* A role ARN, a name: the role assumed once, then an account whose calls
 * are signed with the role's session; kept without a secret and shown
 * again after a restart; a new session when the credentials are dropped. */
static void
test_switch_role (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(AmigoAccountManager) again = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *stored_text = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *second_key = NULL;
  AmigoSwitchRoleDialog *dialog;
  AmigoAccount *source;
  AmigoAccount *account;
  GtkWidget *button;

  g_settings_reset (settings, "role-accounts");
  manager = load_manager (settings);
  source = amigo_account_manager_lookup (manager, "environment");
  g_assert_nonnull (source);

  dialog = amigo_switch_role_dialog_new (NULL, manager, source);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  button = amigo_test_ui_find (dialog, "switch_button");
  g_assert_false (gtk_widget_get_sensitive (button));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "role_arn_row"), "arn:aws:iam::1234:role/x");
  g_assert_false (gtk_widget_get_sensitive (button));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "role_arn_row"), ROLE);
  g_assert_true (gtk_widget_get_sensitive (button));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "Test role");
  /* Twenty minutes: moto's sessions last an hour unless DurationSeconds
   * says otherwise, so the expiry below shows it was sent. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "duration_spin")), 20);
  amigo_test_ui_maybe_screenshot (dialog, "switch-role.png");
  amigo_test_ui_click (button);
  AMIGO_TEST_WAIT_FOR (dialog == NULL, 60);

  account = only_role_account (manager);
  g_assert_nonnull (account);
  g_assert_cmpstr (amigo_account_get_name (account), ==, "Test role");
  g_assert_true (amigo_account_get_source (account) == source);
  identity = identity_of (account);
  g_assert_nonnull (strstr (identity->arn, "assumed-role/amigo-test-role"));

  /* The session lasts the twenty minutes asked for. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AmigoClient) client = NULL;
    g_autoptr(AmigoCredentials) credentials = NULL;
    g_autoptr(GError) error = NULL;
    gint64 left;

    amigo_account_get_client_async (account, NULL, store_result_cb, &result);
    AMIGO_TEST_WAIT_FOR (result != NULL, 60);
    client = amigo_account_get_client_finish (account, result, &error);
    g_assert_no_error (error);
    credentials = amigo_client_dup_credentials (client);
    left = amigo_credentials_get_expiration (credentials) - g_get_real_time () / G_USEC_PER_SEC;
    g_assert_cmpint (left, >, 1200 - 120);
    g_assert_cmpint (left, <=, 1200);
  }

  /* Refreshed by assuming the role again: a new session. */
  first_key = access_key_of (account);
  amigo_account_forget_credentials (account);
  second_key = access_key_of (account);
  g_assert_true (g_str_has_prefix (first_key, "ASIA"));
  g_assert_true (g_str_has_prefix (second_key, "ASIA"));
  g_assert_cmpstr (first_key, !=, second_key);
  /* The session expired mid-listing: the role assumed again. */
  assert_refreshed_mid_listing (account);

  stored = g_settings_get_value (settings, "role-accounts");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 1);
  stored_text = g_variant_print (stored, FALSE);
  g_assert_nonnull (strstr (stored_text, ROLE));
  g_assert_null (strstr (stored_text, first_key));
  again = load_manager (settings);
  g_assert_nonnull (only_role_account (again));
  g_assert_cmpstr (amigo_account_get_name (only_role_account (again)), ==, "Test role");

  /* Its source gone, the role leaves the list, but stays remembered. */
  amigo_account_manager_remove (again, amigo_account_manager_lookup (again, "environment"));
  g_assert_null (only_role_account (again));
  g_clear_pointer (&stored, g_variant_unref);
  stored = g_settings_get_value (settings, "role-accounts");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 1);
  g_settings_reset (settings, "role-accounts");
}

/* A role whose trust policy asks for MFA: refused without a device, with
 * the reason in the dialog; with one, the MFA dialog asks for the code. */
static void
test_switch_role_mfa (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  AmigoSwitchRoleDialog *dialog;
  AmigoAccount *source;
  GtkWidget *error_group;
  GtkWidget *mfa;
  GtkWidget *entry;

  g_settings_reset (settings, "role-accounts");
  manager = load_manager (settings);
  source = amigo_account_manager_lookup (manager, "environment");

  dialog = amigo_switch_role_dialog_new (NULL, manager, source);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  error_group = amigo_test_ui_find (dialog, "error_group");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "role_arn_row"), MFA_ROLE);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "switch_button"));
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_visible (error_group), 60);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (amigo_test_ui_find (dialog, "error_label"))),
                            "amigo-test-mfa-role"));
  g_assert_null (only_role_account (manager));
  amigo_test_ui_maybe_screenshot (dialog, "switch-role-refused.png");

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "mfa_serial_row"), MFA_SERIAL);
  g_assert_false (gtk_widget_get_visible (error_group));
  amigo_test_ui_click (amigo_test_ui_find (dialog, "switch_button"));
  AMIGO_TEST_WAIT_FOR ((mfa = find_mfa_dialog ()) != NULL, 30);
  entry = amigo_test_ui_find_by_name (mfa, "mfa_code_entry");
  g_assert_nonnull (entry);
  amigo_test_ui_set_text (entry, "123456");
  g_signal_emit_by_name (entry, "activate");
  AMIGO_TEST_WAIT_FOR (dialog == NULL, 60);

  g_assert_nonnull (only_role_account (manager));
  identity = identity_of (only_role_account (manager));
  g_assert_nonnull (strstr (identity->arn, "assumed-role/amigo-test-mfa-role"));

  /* The session is used on without a code; when it ends mid-listing, the
   * role is assumed again and the MFA dialog asks for a new code. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AmigoClient) client = NULL;
    g_autoptr(AmigoCredentials) before = NULL;
    g_autoptr(AmigoCredentials) after = NULL;
    g_autoptr(AmigoRequest) request = NULL;
    g_autoptr(GError) error = NULL;

    amigo_account_get_client_async (only_role_account (manager), NULL, store_result_cb, &result);
    AMIGO_TEST_WAIT_FOR (result != NULL, 60);
    client = amigo_account_get_client_finish (only_role_account (manager), result, &error);
    g_assert_no_error (error);
    amigo_test_ui_settle ();
    g_assert_null (find_mfa_dialog ());
    g_clear_object (&result);
    before = amigo_client_dup_credentials (client);

    expire_sessions ();
    request = amigo_request_new_form ("ec2", "us-east-1", LIST_BODY);
    amigo_client_send_async (client, request, g_getenv ("AMIGO_TEST_ENDPOINT"), NULL, NULL, NULL,
                             store_result_cb, &result);
    AMIGO_TEST_WAIT_FOR ((mfa = find_mfa_dialog ()) != NULL, 60);
    g_assert_null (result);
    entry = amigo_test_ui_find_by_name (mfa, "mfa_code_entry");
    amigo_test_ui_set_text (entry, "654321");
    g_signal_emit_by_name (entry, "activate");
    AMIGO_TEST_WAIT_FOR (result != NULL, 60);
    g_assert_true (amigo_client_call_finish (client, result, &error));
    g_assert_no_error (error);
    after = amigo_client_dup_credentials (client);
    g_assert_cmpstr (amigo_credentials_get_access_key_id (before), !=,
                     amigo_credentials_get_access_key_id (after));
  }
  g_settings_reset (settings, "role-accounts");
}

/* A role whose trust policy asks for an external id: refused without it,
 * with the reason in the dialog; assumed with the one typed in. */
static void
test_switch_role_external_id (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amigo_app.Amigo");
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  AmigoSwitchRoleDialog *dialog;
  GtkWidget *error_group;

  g_settings_reset (settings, "role-accounts");
  manager = load_manager (settings);
  dialog = amigo_switch_role_dialog_new (NULL, manager, amigo_account_manager_lookup (manager, "environment"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  error_group = amigo_test_ui_find (dialog, "error_group");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "role_arn_row"), EXTERNAL_ID_ROLE);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "switch_button"));
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_visible (error_group), 60);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (amigo_test_ui_find (dialog, "error_label"))),
                            "amigo-test-external-id-role"));
  g_assert_null (only_role_account (manager));

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "external_id_row"), "amigo-test-external-id");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "switch_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, 60);
  g_assert_nonnull (only_role_account (manager));
  identity = identity_of (only_role_account (manager));
  g_assert_nonnull (strstr (identity->arn, "assumed-role/amigo-test-external-id-role"));
  g_settings_reset (settings, "role-accounts");
}

int
main (int   argc,
      char *argv[])
{
  int status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/config", TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", TRUE);

  g_test_add_func ("/ui-switch-role/assume", test_switch_role);
  g_test_add_func ("/ui-switch-role/mfa", test_switch_role_mfa);
  g_test_add_func ("/ui-switch-role/external-id", test_switch_role_external_id);
  return g_test_run ();
}
