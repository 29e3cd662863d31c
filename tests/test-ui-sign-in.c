/* test-ui-sign-in.c — the AWS CLI's own choice at start, the MFA dialog
 *
 * Runs under Xvfb with a private keyring. The window is the application's,
 * started with AWS_PROFILE naming a profile of a temporary AWS config file:
 * it must open on that account, not on the welcome page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amigo-account-manager.h"
#include "amigo-application.h"
#include "amigo-error.h"
#include "amigo-mfa-dialog.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"

static char *tmp_dir;

static char *
write_config (void)
{
  char *path = g_build_filename (tmp_dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  static const char config[] =
    "[default]\n"
    "region = eu-west-1\n"
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
    "\n"
    "[profile work]\n"
    "role_arn = arn:aws:iam::123456789012:role/amigo-test-role\n"
    "source_profile = default\n"
    "region = ap-northeast-2\n"
    "\n"
    "[profile other]\n"
    "credential_process = /bin/false\n";

  g_file_set_contents (path, config, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_cli_choice_at_start (void)
{
  g_autofree char *config_path = write_config ();
  g_autofree char *credentials_path = g_build_filename (tmp_dir, "credentials", NULL);
  g_autoptr(AmigoApplication) app = NULL;
  AmigoAccountManager *manager;
  AmigoWindow *window;
  g_auto(GStrv) importable = NULL;

  g_setenv ("AWS_CONFIG_FILE", config_path, TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", credentials_path, TRUE);
  g_setenv ("AWS_PROFILE", "work", TRUE);
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");
  /* Nothing answers there: the listing fails, which is not the point. */
  g_setenv ("AWS_ENDPOINT_URL", "http://127.0.0.1:9", TRUE);

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL, 60);
  /* The profile AWS_PROFILE names, a role, selected; the default one shown
   * beside it; the welcome page never shown. */
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, "profile:work");
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "welcome");
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "starting");

  manager = amigo_application_get_account_manager (app);
  g_assert_nonnull (amigo_account_manager_lookup (manager, "profile:default"));
  g_assert_null (amigo_account_manager_lookup (manager, "profile:other"));
  g_assert_true (amigo_account_manager_get_preferred (manager) ==
                 amigo_account_manager_lookup (manager, "profile:work"));

  /* The other profiles stay one click away; those shown are not offered. */
  importable = amigo_account_manager_list_importable_profiles (manager);
  g_assert_true (g_strv_contains ((const char * const *) importable, "other"));
  g_assert_false (g_strv_contains ((const char * const *) importable, "work"));
  g_assert_false (g_strv_contains ((const char * const *) importable, "default"));

  gtk_window_destroy (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  g_unsetenv ("AWS_PROFILE");
  g_unlink (config_path);
}

/* Remembers whether the window's main stack ever showed the welcome page. */
static void
on_main_page_cb (GtkStack   *stack,
                 GParamSpec *pspec,
                 gboolean   *welcome_seen)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "welcome") == 0)
    *welcome_seen = TRUE;
}

/* Starts the application with @config_text as the AWS config file (no
 * credentials file, no keys in the environment, @profile_variable set to
 * @profile when not %NULL) and waits for the window to choose an account;
 * fails if the welcome page is ever shown. */
static AmigoApplication *
start_with_config (const char  *config_text,
                   const char  *profile_variable,
                   const char  *profile,
                   AmigoWindow **out_window)
{
  g_autofree char *config_path = g_build_filename (tmp_dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (tmp_dir, "credentials", NULL);
  g_autoptr(GError) error = NULL;
  AmigoApplication *app;
  AmigoWindow *window;
  GtkStack *stack;
  gboolean welcome_seen = FALSE;
  gulong handler;

  g_file_set_contents (config_path, config_text, -1, &error);
  g_assert_no_error (error);
  g_setenv ("AWS_CONFIG_FILE", config_path, TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", credentials_path, TRUE);
  g_unsetenv ("AWS_PROFILE");
  g_unsetenv ("AWS_DEFAULT_PROFILE");
  if (profile_variable != NULL)
    g_setenv (profile_variable, profile, TRUE);
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");
  g_setenv ("AWS_ENDPOINT_URL", "http://127.0.0.1:9", TRUE);

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  stack = GTK_STACK (amigo_test_ui_find (window, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, "welcome");
  handler = g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_main_page_cb),
                              &welcome_seen);

  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL, 60);
  amigo_test_ui_settle ();
  g_signal_handler_disconnect (stack, handler);
  g_assert_false (welcome_seen);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "browser");
  *out_window = window;
  return app;
}

static void
stop_app (AmigoWindow *window)
{
  g_autofree char *config_path = g_build_filename (tmp_dir, "config", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  amigo_test_ui_settle ();
  g_unsetenv ("AWS_PROFILE");
  g_unsetenv ("AWS_DEFAULT_PROFILE");
  g_unlink (config_path);
}

/* A new user with only a `[default]` profile — here one whose keys come
 * from a credential_process — and no AWS_PROFILE: that profile is the
 * account at start, chosen, without the welcome page. */
static void
test_default_only_at_start (void)
{
  g_autoptr(AmigoApplication) app = NULL;
  AmigoAccountManager *manager;
  AmigoWindow *window;

  app = start_with_config ("[default]\n"
                           "region = eu-west-1\n"
                           "credential_process = /bin/false\n",
                           NULL, NULL, &window);
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, "profile:default");
  manager = amigo_application_get_account_manager (app);
  g_assert_cmpuint (g_list_model_get_n_items (amigo_account_manager_get_accounts (manager)), ==, 1);
  stop_app (window);
}

/* AWS_DEFAULT_PROFILE alone names the profile, as AWS_PROFILE does: a
 * role on top of `default`, chosen at start, `default` beside it. */
static void
test_aws_default_profile_at_start (void)
{
  g_autoptr(AmigoApplication) app = NULL;
  AmigoAccountManager *manager;
  AmigoWindow *window;

  app = start_with_config ("[default]\n"
                           "region = eu-west-1\n"
                           "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                           "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                           "\n"
                           "[profile svc]\n"
                           "role_arn = arn:aws:iam::123456789012:role/amigo-test-role\n"
                           "source_profile = default\n"
                           "\n"
                           "[profile other]\n"
                           "credential_process = /bin/false\n",
                           "AWS_DEFAULT_PROFILE", "svc", &window);
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, "profile:svc");
  manager = amigo_application_get_account_manager (app);
  g_assert_nonnull (amigo_account_manager_lookup (manager, "profile:default"));
  g_assert_null (amigo_account_manager_lookup (manager, "profile:other"));
  stop_app (window);
}

typedef struct {
  char *code;
  GError *error;
  gboolean done;
} Answer;

static void
answer_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  answer->code = g_task_propagate_pointer (G_TASK (result), &answer->error);
  answer->done = TRUE;
}

static GtkEntry *
code_entry (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) entries = amigo_test_ui_find_all (dialog, GTK_TYPE_ENTRY);

  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_index (entries, 0);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The code is asked in a small dialog: the entry has the focus, Continue
 * waits for six digits, Enter sends them. */
static void
test_mfa_dialog_submit (void)
{
  Answer answer = { 0 };
  GTask *task = g_task_new (NULL, NULL, answer_cb, &answer);
  GtkWidget *dialog;
  GtkEntry *entry;

  dialog = amigo_mfa_dialog_ask (NULL, "admin", "arn:aws:iam::123456789012:mfa/alice", NULL, task);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  amigo_test_ui_settle ();
  g_assert_true (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                         "arn:aws:iam::123456789012:mfa/alice") != NULL);
  entry = code_entry (dialog);
  /* Typing goes to the entry at once (its text is the focus). */
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), GTK_WIDGET (entry)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));

  amigo_test_ui_set_text (entry, "12345");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  amigo_test_ui_set_text (entry, "123456");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  amigo_test_ui_maybe_screenshot (dialog, "mfa-dialog.png");
  g_signal_emit_by_name (entry, "activate");
  AMIGO_TEST_WAIT_FOR (answer.done, 10);
  amigo_test_ui_wait_until (window_gone, &dialog, 10, "the MFA dialog to close");
  g_assert_no_error (answer.error);
  g_assert_cmpstr (answer.code, ==, "123456");
  g_free (answer.code);
}

/* Cancelled: a clear error that says what the code was for. */
static void
test_mfa_dialog_cancel (void)
{
  Answer answer = { 0 };
  GTask *task = g_task_new (NULL, NULL, answer_cb, &answer);
  GtkWidget *dialog;

  dialog = amigo_mfa_dialog_ask (NULL, "admin", "arn:aws:iam::123456789012:mfa/alice", NULL, task);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  amigo_test_ui_settle ();
  amigo_test_ui_set_text (code_entry (dialog), "654321");
  /* Escape, or the window closed: the close response, Cancel. */
  gtk_window_close (GTK_WINDOW (dialog));
  AMIGO_TEST_WAIT_FOR (answer.done, 10);
  amigo_test_ui_wait_until (window_gone, &dialog, 10, "the MFA dialog to close");
  g_assert_null (answer.code);
  g_assert_error (answer.error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (answer.error->message, "“admin”"));
  g_assert_nonnull (strstr (answer.error->message, "MFA"));
  g_assert_null (strstr (answer.error->message, "654321"));
  g_clear_error (&answer.error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = g_dir_make_tmp ("amigo-sign-in-XXXXXX", NULL);
  amigo_test_ui_init_gtk (&argc, &argv);

  g_test_add_func ("/ui/sign-in/mfa-dialog/submit", test_mfa_dialog_submit);
  g_test_add_func ("/ui/sign-in/mfa-dialog/cancel", test_mfa_dialog_cancel);
  g_test_add_func ("/ui/sign-in/cli-choice-at-start", test_cli_choice_at_start);
  g_test_add_data_func ("/ui/sign-in/default-only-at-start", (gconstpointer) test_default_only_at_start,
                        amigo_test_ui_in_own_process);
  g_test_add_data_func ("/ui/sign-in/aws-default-profile-at-start",
                        (gconstpointer) test_aws_default_profile_at_start, amigo_test_ui_in_own_process);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
