/* test-ui-accounts.c — the account dialogs and preferences, for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real windows under Xvfb (run-with-xvfb.sh), a real gnome-keyring
 * (run-with-keyring.sh) and a moto server that checks every signature
 * (moto-harness.sh). The widgets are driven through their API and actions;
 * the main loop runs until what is expected holds, within a bound.
 *
 * With AMIGO_SCREENSHOT_DIR set, the dialogs are also saved as PNGs there.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "amigo-account-dialog.h"
#include "amigo-account-manager.h"
#include "amigo-account-row.h"
#include "amigo-import-dialog.h"
#include "amigo-preferences-window.h"
#include "amigo-resources.h"
#include "amigo-test-ui.h"

#define WAIT_SECONDS 60
#define MOTO_ACCOUNT_ID "123456789012"

/* ---- waiting --------------------------------------------------------- */

static gboolean
pointer_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* ---- async helpers --------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static AmigoAccountManager *
load_manager_any_keyring (const char * const *envp)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Every test starts with nothing imported. */
  g_settings_reset (settings, "imported-profiles");
  manager = amigo_account_manager_new (settings, envp);
  amigo_account_manager_load_async (manager, NULL, store_result_cb, &result);
  amigo_test_ui_wait_until (pointer_is_set, &result, WAIT_SECONDS, "the accounts to load");
  g_assert_true (amigo_account_manager_load_finish (manager, result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (amigo_account_manager_get_keyring (manager));
  return g_steal_pointer (&manager);
}

static AmigoAccountManager *
load_manager (const char * const *envp)
{
  AmigoAccountManager *manager = load_manager_any_keyring (envp);

  /* The keyring of run-with-keyring.sh, not a session-only fallback. */
  g_assert_false (amigo_keyring_get_session_only (amigo_account_manager_get_keyring (manager)));
  return manager;
}

static GPtrArray *
list_stored (AmigoKeyring *keyring)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  amigo_keyring_list_accounts_async (keyring, NULL, store_result_cb, &result);
  amigo_test_ui_wait_until (pointer_is_set, &result, WAIT_SECONDS, "the keyring to list its accounts");
  accounts = amigo_keyring_list_accounts_finish (keyring, result, &error);
  g_assert_no_error (error);
  return accounts;
}

static AmigoKeyringAccount *
find_stored (AmigoKeyring *keyring,
             const char   *name)
{
  g_autoptr(GPtrArray) accounts = list_stored (keyring);

  for (guint i = 0; i < accounts->len; i++)
    {
      AmigoKeyringAccount *stored = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (amigo_keyring_account_get_name (stored), name) == 0)
        return g_object_ref (stored);
    }
  return NULL;
}

static void
clear_keyring (AmigoKeyring *keyring)
{
  g_autoptr(GPtrArray) accounts = list_stored (keyring);

  for (guint i = 0; i < accounts->len; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      amigo_keyring_delete_account_async (keyring,
                                          amigo_keyring_account_get_id (g_ptr_array_index (accounts, i)),
                                          NULL, store_result_cb, &result);
      amigo_test_ui_wait_until (pointer_is_set, &result, WAIT_SECONDS, "the keyring to delete an account");
      g_assert_true (amigo_keyring_delete_account_finish (keyring, result, &error));
      g_assert_no_error (error);
    }
}

/* Stores an account straight in the keyring, as if added earlier. */
static AmigoAccount *
add_stored (AmigoAccountManager *manager,
            const char          *name,
            const char          *secret)
{
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autofree char *id = NULL;
  g_autofree char *account_id = NULL;

  credentials = amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), secret, NULL, 0);
  amigo_keyring_add_account_async (keyring, name, "us-east-1", g_getenv ("AMIGO_TEST_ENDPOINT"),
                                   credentials, NULL, store_result_cb, &result);
  amigo_test_ui_wait_until (pointer_is_set, &result, WAIT_SECONDS, "the keyring to add an account");
  id = amigo_keyring_add_account_finish (keyring, result, &error);
  g_assert_no_error (error);

  stored = amigo_keyring_account_new (id, name, "us-east-1", g_getenv ("AMIGO_TEST_ENDPOINT"));
  amigo_account_manager_add_stored (manager, stored);
  account_id = g_strconcat ("keyring:", id, NULL);
  return amigo_account_manager_lookup (manager, account_id);
}

/* Picks the region @code in the list, where each shows as "name — code"
 * (or as its bare code, for one Amigo does not know). */
static void
select_region (AmigoAccountDialog *dialog,
               const char         *code)
{
  GtkWidget *row = amigo_test_ui_find (dialog, "region_row");
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autofree char *suffix = g_strconcat (" ", code, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      const char *text = gtk_string_object_get_string (item);

      if (g_strcmp0 (text, code) == 0 || g_str_has_suffix (text, suffix))
        {
          amigo_test_ui_pick (row, i);
          return;
        }
    }
  g_assert_not_reached ();
}

/* The check of the importable profile @name; %NULL when it cannot be
 * imported (its row is greyed out) or is not listed. */
static GtkCheckButton *
import_check (AmigoImportDialog *dialog,
              const char        *name)
{
  GtkWidget *profiles = amigo_test_ui_find (dialog, "profiles_group");
  GtkWidget *row = amigo_test_ui_find_by_type (profiles, ADW_TYPE_ACTION_ROW, name);

  if (row == NULL || !gtk_widget_get_sensitive (row))
    return NULL;
  return GTK_CHECK_BUTTON (amigo_test_ui_find_by_type (row, GTK_TYPE_CHECK_BUTTON, NULL));
}

static gboolean
can_test (AmigoAccountDialog *dialog)
{
  return gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "test_button"));
}

static gboolean
can_save (AmigoAccountDialog *dialog)
{
  return gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button"));
}

static const char *
problems (AmigoAccountDialog *dialog)
{
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "problem_label")));
  return gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label")));
}

static gboolean
test_finished (gpointer data)
{
  AmigoAccountDialog *dialog = data;

  return amigo_account_dialog_get_test_state (dialog) == AMIGO_ACCOUNT_TEST_PASSED ||
         amigo_account_dialog_get_test_state (dialog) == AMIGO_ACCOUNT_TEST_FAILED;
}

static void
fill_moto_account (AmigoAccountDialog *dialog,
                   const char         *name,
                   const char         *secret)
{
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), name);
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "access_key_row"), g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), secret);
  select_region (dialog, "us-east-1");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), g_getenv ("AMIGO_TEST_ENDPOINT"));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

typedef struct {
  GType type;
  gpointer found;
} FindData;

static gboolean
toplevel_shown (gpointer data)
{
  FindData *find = data;

  find->found = find_toplevel (find->type);
  return find->found != NULL;
}

static gpointer
wait_for_toplevel (GType type)
{
  FindData find = { type, NULL };

  amigo_test_ui_wait_until (toplevel_shown, &find, WAIT_SECONDS, g_type_name (type));
  return find.found;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes @window (if still open) and waits for it to be finalized. */
static void
destroy_window (gpointer window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  amigo_test_ui_wait_until (window_gone, &weak, WAIT_SECONDS, "a window to go away");
}

static void
on_account_signal_cb (GtkWidget    *dialog,
                      AmigoAccount *account,
                      gpointer      user_data)
{
  g_set_object ((AmigoAccount **) user_data, account);
}

/* ---- tests ----------------------------------------------------------- */

static void
test_add_validation (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoAccountDialog *dialog;

  clear_keyring (amigo_account_manager_get_keyring (manager));
  add_stored (manager, "Production", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));

  dialog = amigo_account_dialog_new_add (NULL, manager);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();

  /* A real keyring: no session-only notice. */
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "notice_group")));

  /* A fresh form: nothing to test or add yet, and no red either. */
  g_assert_false (can_test (dialog));
  g_assert_false (can_save (dialog));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "problem_label")));

  /* A key id that is not one. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "Staging");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "access_key_row"), "akia-not-a-key");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), "secret");
  g_assert_false (can_test (dialog));
  g_assert_false (can_save (dialog));
  g_assert_nonnull (strstr (problems (dialog), "16 to 128 capital letters and digits"));
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "access_key_row"), "error"));

  /* Fixed: the keys can be tested, but not added before the test. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "access_key_row"), "AKIAIOSFODNN7EXAMPLE");
  g_assert_true (can_test (dialog));
  g_assert_false (can_save (dialog));
  g_assert_false (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "access_key_row"), "error"));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "problem_label")));

  /* An empty secret. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), "");
  g_assert_false (can_test (dialog));
  g_assert_nonnull (strstr (problems (dialog), "Enter the secret access key."));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), "secret");

  /* An endpoint that is not a web address. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), "ftp://example.com");
  g_assert_false (can_test (dialog));
  g_assert_nonnull (strstr (problems (dialog), "http:// or https://"));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (amigo_test_ui_find (dialog, "advanced_row"))));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), "");
  g_assert_true (can_test (dialog));

  /* A name already taken (in any case), then an empty one. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "production");
  g_assert_nonnull (strstr (problems (dialog), "Another account is already called"));
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "name_row"), "error"));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "  ");
  g_assert_nonnull (strstr (problems (dialog), "Enter a name for the account."));

  amigo_test_ui_maybe_screenshot (dialog, "account-add-invalid.png");
  destroy_window (dialog);
  clear_keyring (amigo_account_manager_get_keyring (manager));
}

static void
test_add_with_moto (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoAccount) added = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autofree char *account_id = NULL;
  AmigoAccountDialog *dialog;
  const char *subtitle;

  clear_keyring (keyring);

  dialog = amigo_account_dialog_new_add (NULL, manager);
  g_signal_connect (dialog, "account-added", G_CALLBACK (on_account_signal_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  fill_moto_account (dialog, "Moto", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  g_assert_true (can_test (dialog));
  g_assert_false (can_save (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL));
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_RUNNING);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the keys");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "test_row")));
  g_test_message ("test result: %s", subtitle);
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);
  g_assert_true (g_str_has_prefix (subtitle, "Account " MOTO_ACCOUNT_ID " — arn:aws:iam::" MOTO_ACCOUNT_ID ":"));
  g_assert_true (can_save (dialog));
  amigo_test_ui_maybe_screenshot (dialog, "account-add.png");

  /* Changing a key asks for a new test. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), "x");
  g_assert_false (can_save (dialog));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  g_assert_false (can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the second test of the keys");
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_wait_until (pointer_is_set, &added, WAIT_SECONDS, "the account to be added");
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the dialog to close");

  /* In the keyring, with the region and endpoint given... */
  stored = find_stored (keyring, "Moto");
  g_assert_nonnull (stored);
  g_assert_cmpstr (amigo_keyring_account_get_region (stored), ==, "us-east-1");
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (stored), ==, g_getenv ("AMIGO_TEST_ENDPOINT"));

  /* ...and in the manager's list, with the account number learnt. */
  account_id = g_strconcat ("keyring:", amigo_keyring_account_get_id (stored), NULL);
  g_assert_true (amigo_account_manager_lookup (manager, account_id) == added);
  g_assert_cmpstr (amigo_account_get_name (added), ==, "Moto");
  g_assert_cmpstr (amigo_account_get_account_number (added), ==, MOTO_ACCOUNT_ID);

  clear_keyring (keyring);
}

/* An http:// endpoint on another host: the consent switch and its
 * warning appear for it alone; without the consent nothing is tested or
 * saved; with it the keys are tested there and the consent is stored. */
static void
test_add_plain_http (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoAccount) added = NULL;
  g_autoptr(AmigoAccount) changed = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autoptr(GUri) moto = g_uri_parse (g_getenv ("AMIGO_TEST_ENDPOINT"), G_URI_FLAGS_NONE, NULL);
  /* Not loopback, yet on this machine: see /integration/transport/plain-http-needs-consent. */
  g_autofree char *plain = g_strdup_printf ("http://0.0.0.0:%d", g_uri_get_port (moto));
  AmigoAccountDialog *dialog;
  GtkWidget *row, *toggle;
  const char *subtitle;

  clear_keyring (keyring);

  dialog = amigo_account_dialog_new_add (NULL, manager);
  g_signal_connect (dialog, "account-added", G_CALLBACK (on_account_signal_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  fill_moto_account (dialog, "Lab", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  row = amigo_test_ui_find (dialog, "plain_http_row");
  toggle = amigo_test_ui_find (dialog, "plain_http_switch");

  /* Loopback over http://, https:// anywhere: no switch, nothing asked. */
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_true (can_test (dialog));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), "http://[::1]:5000");
  g_assert_false (gtk_widget_get_visible (row));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), "https://ec2.example.com");
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_true (can_test (dialog));

  /* Another host over http://: the switch, off, with the warning; no
   * test and no save until it is on. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), plain);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (amigo_test_ui_find (dialog, "advanced_row"))));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Allow Unencrypted Connection");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "Not encrypted:"));
  g_assert_nonnull (strstr (subtitle, "0.0.0.0"));
  g_assert_nonnull (strstr (subtitle, "readable by anyone on the network"));
  /* The switch is what the row activates, and is reached by Tab. */
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == toggle);
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_false (can_test (dialog));
  g_assert_false (can_save (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL) &&
                  amigo_account_dialog_get_busy (dialog));
  g_assert_nonnull (strstr (problems (dialog), "not encrypted (http://)"));
  g_assert_nonnull (strstr (problems (dialog), "Allow Unencrypted Connection"));

  /* Consent: the keys are tested there (the client was told), then saved. */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (can_test (dialog));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "problem_label")));
  amigo_test_ui_maybe_screenshot (dialog, "account-add-plain-http.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL));
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the keys over http://");
  g_test_message ("test result: %s",
                  adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "test_row"))));
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);
  g_assert_true (can_save (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_wait_until (pointer_is_set, &added, WAIT_SECONDS, "the account to be added");
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the dialog to close");

  stored = find_stored (keyring, "Lab");
  g_assert_nonnull (stored);
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (stored), ==, plain);
  g_assert_true (amigo_keyring_account_get_allow_plain_http (stored));
  g_assert_true (amigo_account_get_allow_plain_http (added));

  /* Editing shows the consent given; withdrawing it blocks the save. */
  dialog = amigo_account_dialog_new_edit (NULL, manager, added);
  g_signal_connect (dialog, "account-changed", G_CALLBACK (on_account_signal_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  row = amigo_test_ui_find (dialog, "plain_http_row");
  toggle = amigo_test_ui_find (dialog, "plain_http_switch");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (can_save (dialog));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (can_save (dialog));
  g_assert_nonnull (strstr (problems (dialog), "not encrypted (http://)"));

  /* An https:// endpoint stores no consent. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_assert_false (gtk_widget_get_visible (row));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the stored keys");
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_wait_until (pointer_is_set, &changed, WAIT_SECONDS, "the account to be saved");
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the dialog to close");
  g_clear_object (&stored);
  stored = find_stored (keyring, "Lab");
  g_assert_false (amigo_keyring_account_get_allow_plain_http (stored));
  g_assert_false (amigo_account_get_allow_plain_http (added));

  clear_keyring (keyring);
}

static void
test_add_wrong_secret (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoAccount) added = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autoptr(GPtrArray) all = NULL;
  AmigoAccountDialog *dialog;
  const char *subtitle;

  clear_keyring (keyring);

  dialog = amigo_account_dialog_new_add (NULL, manager);
  g_signal_connect (dialog, "account-added", G_CALLBACK (on_account_signal_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  fill_moto_account (dialog, "Wrong", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the keys");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "test_row")));
  g_test_message ("test result: %s", subtitle);
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_FAILED);
  g_assert_true (g_str_has_prefix (subtitle, "AWS refused these keys: "));
  /* The secret is never repeated back. */
  g_assert_null (strstr (subtitle, "WRONGSECRET"));
  g_assert_false (can_save (dialog));
  amigo_test_ui_maybe_screenshot (dialog, "account-add-refused.png");

  /* Even asked directly, it does not save. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_settle ();
  g_assert_false (amigo_account_dialog_get_busy (dialog));
  g_assert_null (added);
  stored = find_stored (keyring, "Wrong");
  g_assert_null (stored);
  all = list_stored (keyring);
  g_assert_cmpuint (all->len, ==, 0);

  destroy_window (dialog);
}

/* No Secret Service at all: the dialog says the keys last for this
 * session only, and why. In a child process started without a session bus
 * (this process is connected to one already). */
static void
test_add_session_only (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AmigoAccountManager) manager = NULL;
      AmigoAccountDialog *dialog;
      AmigoKeyring *keyring;

      manager = load_manager_any_keyring (NULL);
      keyring = amigo_account_manager_get_keyring (manager);
      g_assert_true (amigo_keyring_get_session_only (keyring));

      dialog = amigo_account_dialog_new_add (NULL, manager);
      gtk_window_present (GTK_WINDOW (dialog));
      amigo_test_ui_settle ();
      g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "notice_group")));
      g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "keyring_row")));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "keyring_row"))), ==,
                       amigo_keyring_get_unavailable_reason (keyring));
      amigo_test_ui_maybe_screenshot (dialog, "account-add-session-only.png");
      destroy_window (dialog);
      return;
    }

  {
    g_autofree char *bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/amigo-test-bus", TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    if (bus != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
    else
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  }
  g_test_trap_assert_passed ();
}

static char *
write_aws_config (const char *dir)
{
  char *path = g_build_filename (dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  static const char config[] =
    "[profile dev]\n"
    "region = eu-west-1\n"
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
    "\n"
    "[profile ops]\n"
    "credential_process = /bin/false\n"
    "\n"
    "[profile admin]\n"
    "role_arn = arn:aws:iam::123456789012:role/Admin\n"
    "source_profile = dev\n"
    "\n"
    "[profile sso]\n"
    "sso_session = corp\n"
    "sso_account_id = 123456789012\n"
    "sso_role_name = ReadOnly\n"
    "\n"
    "[profile web]\n"
    "role_arn = arn:aws:iam::123456789012:role/Deploy\n"
    "web_identity_token_file = /var/run/secrets/token\n";

  g_file_set_contents (path, config, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char **
environ_with_config (const char *config_path,
                     const char *credentials_path)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "AWS_CONFIG_FILE", config_path, TRUE);
  envp = g_environ_setenv (envp, "AWS_SHARED_CREDENTIALS_FILE", credentials_path, TRUE);
  return envp;
}

static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ui-XXXXXX", NULL);
  g_autofree char *config_path = write_aws_config (dir);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_auto(GStrv) envp = environ_with_config (config_path, credentials_path);
  g_autoptr(AmigoAccountManager) manager = load_manager ((const char * const *) envp);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) imported = NULL;
  g_autoptr(AmigoAccount) added = NULL;
  AmigoImportDialog *dialog;
  GtkCheckButton *check;

  dialog = amigo_import_dialog_new (NULL, manager);
  g_signal_connect (dialog, "account-added", G_CALLBACK (on_account_signal_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "profiles");

  /* Static keys, credential_process, roles, IAM Identity Center and web
   * identity can all be ticked (issue 14); a web identity names its role
   * and its token's file. */
  g_assert_nonnull (import_check (dialog, "dev"));
  g_assert_nonnull (import_check (dialog, "ops"));
  g_assert_nonnull (import_check (dialog, "admin"));
  g_assert_nonnull (import_check (dialog, "sso"));
  g_assert_nonnull (import_check (dialog, "web"));
  {
    GtkWidget *profiles = amigo_test_ui_find (dialog, "profiles_group");
    GtkWidget *row = amigo_test_ui_find_by_type (profiles, ADW_TYPE_ACTION_ROW, "web");
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

    g_assert_nonnull (strstr (subtitle, "arn:aws:iam::123456789012:role/Deploy"));
    g_assert_nonnull (strstr (subtitle, "/var/run/secrets/token"));
    row = amigo_test_ui_find_by_type (profiles, ADW_TYPE_ACTION_ROW, "sso");
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not support"));
  }
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "import_button")));

  check = import_check (dialog, "dev");
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "import_button")));
  amigo_test_ui_maybe_screenshot (dialog, "account-import.png");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the import dialog to close");

  g_assert_nonnull (added);
  g_assert_true (amigo_account_manager_lookup (manager, "profile:dev") == added);
  g_assert_cmpint (amigo_account_get_kind (added), ==, AMIGO_ACCOUNT_KIND_PROFILE);
  g_assert_cmpstr (amigo_account_get_default_region (added), ==, "eu-west-1");
  g_assert_null (amigo_account_manager_lookup (manager, "profile:ops"));
  imported = g_settings_get_strv (settings, "imported-profiles");
  g_assert_true (g_strv_contains ((const char * const *) imported, "dev"));

  /* Imported profiles are not offered again. */
  dialog = amigo_import_dialog_new (NULL, manager);
  g_assert_null (import_check (dialog, "dev"));
  g_assert_nonnull (import_check (dialog, "ops"));
  destroy_window (dialog);

  g_unlink (config_path);
  g_rmdir (dir);
}

static void
test_import_empty (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ui-XXXXXX", NULL);
  g_autofree char *config_path = g_build_filename (dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_auto(GStrv) envp = environ_with_config (config_path, credentials_path);
  g_autoptr(AmigoAccountManager) manager = load_manager ((const char * const *) envp);
  AmigoImportDialog *dialog;
  const char *description;

  dialog = amigo_import_dialog_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "empty");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (amigo_test_ui_find (dialog, "empty_page")));
  g_assert_nonnull (strstr (description, "No AWS CLI profiles found in "));
  g_assert_nonnull (strstr (description, config_path));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "import_button")));
  amigo_test_ui_maybe_screenshot (dialog, "account-import-empty.png");
  destroy_window (dialog);
  g_rmdir (dir);
}

static void
test_import_config_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ui-XXXXXX", NULL);
  g_autofree char *config_path = g_build_filename (dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_auto(GStrv) envp = environ_with_config (config_path, credentials_path);
  g_autoptr(AmigoAccountManager) manager = NULL;
  AmigoImportDialog *dialog;

  /* A directory where the file should be cannot be read: the reader says
   * so (a reader that accepted it would be a bug, not a reason to skip). */
  g_assert_cmpint (g_mkdir (config_path, 0700), ==, 0);
  manager = load_manager ((const char * const *) envp);
  g_assert_nonnull (amigo_account_manager_get_config_error (manager));
  g_assert_nonnull (strstr (amigo_account_manager_get_config_error (manager), config_path));

  dialog = amigo_import_dialog_new (NULL, manager);
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (amigo_test_ui_find (dialog, "empty_page"))), ==,
                   amigo_account_manager_get_config_error (manager));
  destroy_window (dialog);
  g_rmdir (config_path);
  g_rmdir (dir);
}

static void
test_edit_rename (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoAccount) changed = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autoptr(AmigoKeyringAccount) old = NULL;
  AmigoAccountDialog *dialog;

  clear_keyring (keyring);
  account = g_object_ref (add_stored (manager, "Old Name", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY")));

  dialog = amigo_account_dialog_new_edit (NULL, manager, account);
  g_signal_connect (dialog, "account-changed", G_CALLBACK (on_account_signal_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row"))), ==, "Old Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "endpoint_row"))), ==,
                   g_getenv ("AMIGO_TEST_ENDPOINT"));
  /* Its own name is not “taken”; nothing changed, nothing to test. */
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "problem_label")));
  g_assert_true (can_save (dialog));

  /* A new endpoint is a change the keys must be tested against. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), "http://127.0.0.1:1");
  g_assert_false (can_save (dialog));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "endpoint_row"), g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_assert_true (can_save (dialog));

  /* The stored keys can be tested as they are. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the stored keys");
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);
  g_assert_cmpstr (amigo_account_dialog_get_tested_account_number (dialog), ==, MOTO_ACCOUNT_ID);

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "New Name");
  select_region (dialog, "ap-northeast-2");
  amigo_test_ui_maybe_screenshot (dialog, "account-edit.png");
  g_assert_true (can_save (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_wait_until (pointer_is_set, &changed, WAIT_SECONDS, "the account to be saved");
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the dialog to close");

  g_assert_true (changed == account);
  g_assert_cmpstr (amigo_account_get_name (account), ==, "New Name");
  g_assert_cmpstr (amigo_account_get_default_region (account), ==, "ap-northeast-2");
  old = find_stored (keyring, "Old Name");
  g_assert_null (old);
  stored = find_stored (keyring, "New Name");
  g_assert_nonnull (stored);
  g_assert_cmpstr (amigo_keyring_account_get_id (stored), ==, amigo_account_get_keyring_id (account));
  g_assert_cmpstr (amigo_keyring_account_get_region (stored), ==, "ap-northeast-2");

  clear_keyring (keyring);
}

/* Expired or rotated keys: the edit dialog takes new ones, tests them
 * and stores them in place of the old. */
static void
test_edit_replace_keys (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoAccount) changed = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccountDialog *dialog;

  clear_keyring (keyring);
  account = g_object_ref (add_stored (manager, "Rotated", "an-old-secret-that-no-longer-works"));

  dialog = amigo_account_dialog_new_edit (NULL, manager, account);
  amigo_account_dialog_set_notice (dialog, "AWS refused the keys of this account.");
  g_signal_connect (dialog, "account-changed", G_CALLBACK (on_account_signal_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "notice_row")));

  /* The old keys fail... */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the old keys");
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_FAILED);

  /* ...a key id alone is not enough... */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "access_key_row"), g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"));
  g_assert_false (can_test (dialog));
  g_assert_nonnull (strstr (problems (dialog), "Enter the secret access key."));

  /* ...the new ones pass and are saved. */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "secret_row"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  g_assert_false (can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
  amigo_test_ui_wait_until (test_finished, dialog, WAIT_SECONDS, "the test of the new keys");
  g_assert_cmpint (amigo_account_dialog_get_test_state (dialog), ==, AMIGO_ACCOUNT_TEST_PASSED);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  amigo_test_ui_wait_until (pointer_is_set, &changed, WAIT_SECONDS, "the keys to be saved");
  amigo_test_ui_wait_until (window_gone, &dialog, WAIT_SECONDS, "the dialog to close");

  amigo_keyring_lookup_credentials_async (keyring, amigo_account_get_keyring_id (account), NULL,
                                          store_result_cb, &result);
  amigo_test_ui_wait_until (pointer_is_set, &result, WAIT_SECONDS, "the keyring to give the keys");
  credentials = amigo_keyring_lookup_credentials_finish (keyring, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (credentials), ==,
                   g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  g_assert_cmpstr (amigo_account_get_account_number (account), ==, MOTO_ACCOUNT_ID);

  clear_keyring (keyring);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_actionables (GtkWidget  *root,
                   const char *action_name)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_actionables (child, action_name);
  return n;
}

/* Clicks the dialog's button, as people would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  gpointer weak = dialog;
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  amigo_test_ui_wait_until (window_gone, &weak, WAIT_SECONDS, "the confirmation to close");
}

static gboolean
account_gone (gpointer data)
{
  gpointer *pair = data;

  return amigo_account_manager_lookup (pair[0], pair[1]) == NULL;
}

static void
test_remove (void)
{
  g_autoptr(AmigoAccountManager) manager = load_manager (NULL);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (manager);
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autoptr(AmigoKeyringAccount) after = NULL;
  g_autofree char *id = NULL;
  AmigoPreferencesWindow *prefs;
  AdwMessageDialog *confirm;
  AmigoAccount *account;
  GtkWidget *row;
  gpointer pair[2];

  clear_keyring (keyring);
  account = add_stored (manager, "Doomed", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  amigo_account_set_account_number (account, MOTO_ACCOUNT_ID);
  id = g_strdup (amigo_account_get_id (account));

  prefs = amigo_preferences_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (prefs));
  amigo_test_ui_settle ();
  row = find_named (GTK_WIDGET (prefs), id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Doomed");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Stored in the keyring · Account " MOTO_ACCOUNT_ID);
  amigo_test_ui_maybe_screenshot (prefs, "preferences-remove.png");

  /* Asked first; cancelling keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", id);
  confirm = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Remove “Doomed”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "deleted from the keyring"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
  amigo_test_ui_maybe_screenshot (confirm, "account-remove.png");
  respond (confirm, "_Cancel");
  amigo_test_ui_settle ();
  g_assert_nonnull (amigo_account_manager_lookup (manager, id));
  stored = find_stored (keyring, "Doomed");
  g_assert_nonnull (stored);

  /* Confirmed: gone from the keyring and the list. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", id);
  confirm = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  respond (confirm, "_Remove");
  pair[0] = manager;
  pair[1] = id;
  amigo_test_ui_wait_until (account_gone, pair, WAIT_SECONDS, "the account to be removed");
  after = find_stored (keyring, "Doomed");
  g_assert_null (after);
  amigo_test_ui_settle ();
  g_assert_null (find_named (GTK_WIDGET (prefs), id));

  destroy_window (prefs);
}

/* AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN without keys: the Environment
 * account is there, usable, and says which role and token it signs in
 * with — in the preferences and in the account popover's row. */
static void
test_web_identity_environment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ui-XXXXXX", NULL);
  g_autofree char *config_path = write_aws_config (dir);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_auto(GStrv) envp = environ_with_config (config_path, credentials_path);
  g_autoptr(AmigoAccountManager) manager = NULL;
  AmigoPreferencesWindow *prefs;
  AmigoAccount *account;
  GtkWidget *row;
  const char *subtitle;

  envp = g_environ_unsetenv (envp, "AWS_ACCESS_KEY_ID");
  envp = g_environ_unsetenv (envp, "AWS_SECRET_ACCESS_KEY");
  envp = g_environ_setenv (envp, "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks/token", TRUE);
  envp = g_environ_setenv (envp, "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci", TRUE);
  manager = load_manager ((const char * const *) envp);
  account = amigo_account_manager_lookup (manager, "environment");
  g_assert_nonnull (account);

  prefs = amigo_preferences_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (prefs));
  amigo_test_ui_settle ();
  row = find_named (GTK_WIDGET (prefs), "environment");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "Web identity"));
  g_assert_nonnull (strstr (subtitle, "arn:aws:iam::123456789012:role/ci"));
  g_assert_nonnull (strstr (subtitle, "/var/run/secrets/eks/token"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "AWS_WEB_IDENTITY_TOKEN_FILE"));
  amigo_test_ui_maybe_screenshot (prefs, "preferences-web-identity.png");
  destroy_window (prefs);

  row = g_object_ref_sink (amigo_account_row_new (account, TRUE));
  {
    g_autofree char *text = amigo_test_ui_collect_text (row);

    g_assert_nonnull (strstr (text, "arn:aws:iam::123456789012:role/ci"));
    g_assert_null (strstr (text, "not supported"));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "/var/run/secrets/eks/token"));
  }
  g_object_unref (row);

  g_unlink (config_path);
  g_rmdir (dir);
}

static void
test_preferences_kinds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-ui-XXXXXX", NULL);
  g_autofree char *config_path = write_aws_config (dir);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_auto(GStrv) envp = environ_with_config (config_path, credentials_path);
  g_autoptr(AmigoAccountManager) manager = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) imported = NULL;
  AmigoPreferencesWindow *prefs;
  AdwMessageDialog *confirm;
  AmigoAccount *stored;
  GtkWidget *row;

  envp = g_environ_setenv (envp, "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", TRUE);
  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", TRUE);
  manager = load_manager ((const char * const *) envp);
  clear_keyring (amigo_account_manager_get_keyring (manager));
  amigo_account_manager_import_profile (manager, "dev");
  stored = add_stored (manager, "Production", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));
  amigo_account_set_account_number (stored, MOTO_ACCOUNT_ID);

  prefs = amigo_preferences_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (prefs));
  amigo_test_ui_settle ();

  row = find_named (GTK_WIDGET (prefs), "environment");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Environment");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "From the environment");
  g_assert_cmpuint (count_actionables (row, "prefs.remove-account"), ==, 0);
  g_assert_cmpuint (count_actionables (row, "prefs.edit-account"), ==, 0);
  /* The environment's account cannot be removed: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", "environment");
  amigo_test_ui_settle ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  row = find_named (GTK_WIDGET (prefs), "profile:dev");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "AWS CLI profile “dev”");
  g_assert_cmpuint (count_actionables (row, "prefs.remove-account"), ==, 1);
  g_assert_cmpuint (count_actionables (row, "prefs.edit-account"), ==, 0);

  row = find_named (GTK_WIDGET (prefs), amigo_account_get_id (stored));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Stored in the keyring · Account " MOTO_ACCOUNT_ID);
  g_assert_cmpuint (count_actionables (row, "prefs.remove-account"), ==, 1);
  g_assert_cmpuint (count_actionables (row, "prefs.edit-account"), ==, 1);

  /* A rename shows at once. */
  {
    g_autoptr(AmigoKeyringAccount) renamed =
      amigo_keyring_account_new (amigo_account_get_keyring_id (stored), "Production (EU)",
                                 "eu-west-1", NULL);

    amigo_account_manager_update_stored (manager, renamed);
    amigo_test_ui_settle ();
    row = find_named (GTK_WIDGET (prefs), amigo_account_get_id (stored));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Production (EU)");
  }
  amigo_test_ui_maybe_screenshot (prefs, "preferences.png");

  /* A profile: Amigo forgets it, the AWS CLI's files stay. */
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", "profile:dev");
  confirm = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "files are not changed"));
  respond (confirm, "_Remove");
  g_assert_null (amigo_account_manager_lookup (manager, "profile:dev"));
  imported = g_settings_get_strv (settings, "imported-profiles");
  g_assert_false (g_strv_contains ((const char * const *) imported, "dev"));
  g_assert_true (g_file_test (config_path, G_FILE_TEST_IS_REGULAR));

  destroy_window (prefs);
  clear_keyring (amigo_account_manager_get_keyring (manager));
  g_unlink (config_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("AMIGO_TEST_ENDPOINT") == NULL || g_getenv ("AMIGO_TEST_PRIVATE_KEYRING") == NULL)
    {
      g_printerr ("Run under tests/moto-harness.sh and tests/run-with-keyring.sh\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  amigo_register_resource ();

  g_test_add_func ("/ui/accounts/add/validation", test_add_validation);
  g_test_add_func ("/ui/accounts/add/tested-against-moto", test_add_with_moto);
  g_test_add_func ("/ui/accounts/add/wrong-secret-not-saved", test_add_wrong_secret);
  g_test_add_func ("/ui/accounts/add/plain-http-consent", test_add_plain_http);
  g_test_add_func ("/ui/accounts/add/session-only-keyring", test_add_session_only);
  g_test_add_func ("/ui/accounts/import/profiles", test_import);
  g_test_add_func ("/ui/accounts/import/empty", test_import_empty);
  g_test_add_func ("/ui/accounts/import/config-error", test_import_config_error);
  g_test_add_func ("/ui/accounts/edit/rename", test_edit_rename);
  g_test_add_func ("/ui/accounts/edit/replace-keys", test_edit_replace_keys);
  g_test_add_func ("/ui/accounts/preferences/remove-asks-first", test_remove);
  g_test_add_func ("/ui/accounts/preferences/kinds", test_preferences_kinds);
  g_test_add_func ("/ui/accounts/preferences/web-identity-environment", test_web_identity_environment);

  return g_test_run ();
}
