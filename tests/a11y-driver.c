/* a11y-driver.c — opens Amigo's main window and each of its dialogs in
 * turn, for tests/test-ui-a11y.py to walk their accessibility tree
 *
 * Runs inside tests/moto-harness.sh, with a private session bus that
 * activates the accessibility bus (run-with-keyring.sh, run-with-a11y.sh)
 * and Xvfb. The account is the "Environment" one, pointed at moto and
 * seeded with images of its own, so that every action is enabled, and
 * with a launch template of two versions and an Auto Scaling group
 * (build-aux/demo-seed.py), so that the fleet views show them.
 *
 * Talks to its caller over stdin/stdout, one line each way per view:
 *
 *   driver: READY <view> <index> <type> <title>
 *                                          a window is on screen, settled
 *   caller: NEXT                           walked it; close it, go on
 *   driver: DONE
 *
 * <index> is the window's position among the application's visible
 * toplevels, as AT-SPI lists them; <type> its GType; <title> its title
 * (may be empty).
 * While it waits, the main loop runs, so that GTK answers AT-SPI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "amigo-actions.h"
#include "amigo-application.h"
#include "amigo-auto-scaling-group.h"
#include "amigo-mfa-dialog.h"
#include "amigo-sso-sign-in-dialog.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"
#include "fleet/amigo-auto-scaling-page.h"
#include "fleet/amigo-launch-templates-page.h"
#include "fleet/amigo-quick-start-page.h"
#include "images/amigo-filter-popover.h"
#include "images/amigo-image-details.h"
#include "images/amigo-image-list.h"

static AmigoApplication *app;
static AmigoWindow *window;

static gboolean
loaded (void)
{
  return !amigo_image_store_get_loading (amigo_window_get_store (window)) &&
         g_strcmp0 (amigo_window_get_visible_page (window), "loading") != 0 &&
         g_strcmp0 (amigo_window_get_visible_page (window), "starting") != 0;
}

static void
seed (void)
{
  g_autofree char *script = g_build_filename (TEST_SRC_DIR, "..", "build-aux", "demo-seed.py", NULL);
  const char *argv[] = { "python3", script, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("seeding moto failed: %s", err);
}

/* The application's visible toplevels, in the order AT-SPI lists them. */
static GPtrArray *
visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (toplevel))
        g_ptr_array_add (out, toplevel);
    }
  return out;
}

static GtkWindow *
new_toplevel (GPtrArray *before)
{
  g_autoptr(GPtrArray) now = visible_toplevels ();

  for (guint i = 0; i < now->len; i++)
    if (!g_ptr_array_find (before, now->pdata[i], NULL) &&
        gtk_widget_get_mapped (now->pdata[i]) && GTK_IS_WINDOW (now->pdata[i]))
      return now->pdata[i];
  return NULL;
}

static char *line;

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (line == NULL)
    g_error ("the caller went away: %s", error ? error->message : "end of input");
}

/* Says @shown is ready, then runs the main loop until the caller has
 * walked it. */
static void
hand_over (GDataInputStream *in,
           const char       *view,
           GtkWindow        *shown)
{
  g_autoptr(GPtrArray) toplevels = visible_toplevels ();
  guint index = 0;

  /* Lets GTK lay out, map and draw what changed. */
  amigo_test_ui_run_for (300);
  g_assert_true (g_ptr_array_find (toplevels, shown, &index));
  printf ("READY %s %u %s %s\n", view, index, G_OBJECT_TYPE_NAME (shown),
          gtk_window_get_title (shown) ?: "");
  fflush (stdout);

  g_clear_pointer (&line, g_free);
  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, NULL, read_line_cb, NULL);
  AMIGO_TEST_WAIT_FOR (line != NULL, 300);
  if (!g_str_equal (g_strstrip (line), "NEXT"))
    g_error ("unexpected line from the caller: %s", line);
}

/* One view: what to do to show it. */
typedef struct {
  const char *view;
  const char *action;            /* activated on the main window */
  GtkWindow *(*find) (void);     /* for views that are no new window */
  void (*done) (void);           /* puts the window back as it was */
  void (*prepare) (GtkWindow *shown); /* fills in a new window before the walk */
} View;

static GtkWindow *
main_window (void)
{
  return GTK_WINDOW (window);
}

static GtkWindow *
filter_popover (void)
{
  gtk_popover_popup (GTK_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (amigo_test_ui_find (window, "filter_button")))));
  return GTK_WINDOW (window);
}

static void
filter_popover_done (void)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (amigo_test_ui_find (window, "filter_button")))));
}

/* The account button's popover: the accounts, All Accounts and the
 * entries beside them. */
static GtkWindow *
account_popover (void)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (amigo_test_ui_find (window, "account_button")));
  return GTK_WINDOW (window);
}

static void
account_popover_done (void)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (amigo_test_ui_find (window, "account_button")));
}

/* The account dialog with an http:// endpoint on another host: the
 * consent switch and its warning show. */
static void
plain_http_endpoint (GtkWindow *shown)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (amigo_test_ui_find (shown, "advanced_row")), TRUE);
  amigo_test_ui_set_text (amigo_test_ui_find (shown, "endpoint_row"), "http://192.0.2.10:5000");
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (shown, "plain_http_row")));
}

/* The MFA code dialog, as a role with mfa_serial opens it. */
static GtkWidget *mfa_dialog;

static GtkWindow *
mfa_code (void)
{
  GTask *task = g_task_new (NULL, NULL, NULL, NULL);

  mfa_dialog = amigo_mfa_dialog_ask (GTK_WINDOW (window), "admin",
                                     "arn:aws:iam::123456789012:mfa/alice", NULL, task);
  return GTK_WINDOW (mfa_dialog);
}

static void
mfa_code_done (void)
{
  gtk_window_close (GTK_WINDOW (mfa_dialog));
  amigo_test_ui_settle ();
}

/* The IAM Identity Center sign-in dialog: its first page, and the page
 * with the device code (shown here without a stand-in to ask). */
static GtkWidget *sso_dialog;

static GtkWindow *
sso_sign_in (void)
{
  g_autoptr(AmigoSsoSettings) settings = amigo_sso_settings_new ("https://example.awsapps.com/start",
                                                                 "us-east-1", NULL, NULL);
  g_autoptr(AmigoSsoSession) session = amigo_sso_session_new (amigo_account_manager_get_config (amigo_application_get_account_manager (app)),
                                                              settings);

  sso_dialog = GTK_WIDGET (amigo_sso_sign_in_dialog_new (GTK_WINDOW (window), session));
  gtk_window_present (GTK_WINDOW (sso_dialog));
  amigo_test_ui_settle ();
  return GTK_WINDOW (sso_dialog);
}

static GtkWindow *
sso_sign_in_code (void)
{
  GtkWindow *shown = sso_sign_in ();

  gtk_label_set_label (GTK_LABEL (amigo_test_ui_find (shown, "user_code_label")), "ABCD-EFGH");
  gtk_stack_set_visible_child_name (GTK_STACK (amigo_test_ui_find (shown, "stack")), "code");
  amigo_test_ui_settle ();
  return shown;
}

static void
sso_sign_in_done (void)
{
  gtk_window_destroy (GTK_WINDOW (sso_dialog));
  amigo_test_ui_settle ();
}

/* ---- the fleet views, with what build-aux/demo-seed.py made ---------- */

static GtkWidget *
fleet_page (const char *id)
{
  GtkWidget *page = amigo_window_show_fleet_view (window, id);

  g_assert_nonnull (page);
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (page), 10);
  return page;
}

static GtkWindow *
quick_start (void)
{
  AmigoQuickStartPage *page = AMIGO_QUICK_START_PAGE (fleet_page ("quick-start"));

  AMIGO_TEST_WAIT_FOR (amigo_quick_start_page_get_entries (page) != NULL &&
                       amigo_quick_start_page_get_entries (page)->len > 0, 60);
  return GTK_WINDOW (window);
}

static gboolean
templates_loaded (AmigoLaunchTemplatesPage *page)
{
  GPtrArray *templates = amigo_launch_templates_page_get_templates (page);

  return !amigo_launch_templates_page_get_busy (page) && templates != NULL && templates->len > 0;
}

static GtkWindow *
launch_templates (void)
{
  AmigoLaunchTemplatesPage *page = AMIGO_LAUNCH_TEMPLATES_PAGE (fleet_page ("launch-templates"));

  AMIGO_TEST_WAIT_FOR (templates_loaded (page), 60);
  return GTK_WINDOW (window);
}

static GtkWindow *
auto_scaling_groups (void)
{
  AmigoAutoScalingPage *page = AMIGO_AUTO_SCALING_PAGE (fleet_page ("auto-scaling-groups"));

  AMIGO_TEST_WAIT_FOR (amigo_auto_scaling_page_get_groups (page) != NULL &&
                       amigo_auto_scaling_page_get_groups (page)->len > 0, 60);
  return GTK_WINDOW (window);
}

/* A dialog a fleet page opened: walked, then closed. */
static GtkWindow *fleet_dialog;

static GtkWindow *
opened_by (GtkWidget *button)
{
  g_autoptr(GPtrArray) before = visible_toplevels ();

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  amigo_test_ui_click (button);
  AMIGO_TEST_WAIT_FOR ((fleet_dialog = new_toplevel (before)) != NULL, 30);
  return fleet_dialog;
}

/* "New Launch Template…", for the image selected in the list. */
static GtkWindow *
new_launch_template (void)
{
  launch_templates ();
  return opened_by (amigo_test_ui_find (amigo_window_show_fleet_view (window, "launch-templates"), "create_button"));
}

/* "Compare…" on a version of the seeded template, which has two. */
static GtkWindow *
version_compare (void)
{
  launch_templates ();
  return opened_by (amigo_test_ui_find_by_type (amigo_window_show_fleet_view (window, "launch-templates"),
                                                GTK_TYPE_BUTTON, "Compare…"));
}

/* "Roll Out This Image…" of the selected image to the seeded group. */
static GtkWindow *
rollout (void)
{
  GtkWidget *page;
  GPtrArray *groups;

  auto_scaling_groups ();
  page = amigo_window_show_fleet_view (window, "auto-scaling-groups");
  groups = amigo_auto_scaling_page_get_groups (AMIGO_AUTO_SCALING_PAGE (page));
  fleet_dialog = GTK_WINDOW (amigo_auto_scaling_page_roll_out (AMIGO_AUTO_SCALING_PAGE (page),
                                                               amigo_auto_scaling_group_get_name (g_ptr_array_index (groups, 0))));
  g_assert_nonnull (fleet_dialog);
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fleet_dialog)), 10);
  return fleet_dialog;
}

static void
fleet_dialog_done (void)
{
  gtk_window_destroy (fleet_dialog);
  fleet_dialog = NULL;
  amigo_test_ui_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func (g_free);
  const AmigoActionInfo *actions;
  guint n_actions;
  const char *only = argc > 1 ? argv[1] : NULL;

  if (g_getenv ("AMIGO_TEST_ENDPOINT") == NULL || g_getenv ("AMIGO_TEST_ACCESS_KEY_ID") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh\n");
      return 77;
    }
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0 || g_getenv ("NO_AT_BRIDGE") != NULL)
    g_warning ("accessibility is off (GTK_A11Y=none or NO_AT_BRIDGE): nothing to walk");

  seed ();

  /* The account a person gets by exporting AWS_* variables. */
  g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  g_setenv ("AWS_ENDPOINT_URL", g_getenv ("AMIGO_TEST_ENDPOINT"), TRUE);
  g_setenv ("AWS_REGION", "ap-northeast-2", TRUE);
  g_unsetenv ("AWS_PROFILE");

  gtk_init ();
  adw_init ();
  stdin_stream = g_unix_input_stream_new (0, FALSE);
  in = g_data_input_stream_new (stdin_stream);

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  /* My AMIs, one of them selected: the details pane shows, and every
   * action is enabled. */
  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL && loaded (), 120);
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  gtk_selection_model_select_item (gtk_column_view_get_model (amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list")))),
                                   0, TRUE);
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (amigo_test_ui_find_by_type (window, AMIGO_TYPE_IMAGE_DETAILS, NULL)), 10);

  {
    static const View fixed[] = {
      { "main-window", NULL, main_window, NULL },
      { "filters", NULL, filter_popover, filter_popover_done },
      { "accounts", NULL, account_popover, account_popover_done },
      { "all-accounts-choose", "win.choose-all-accounts", NULL, NULL },
      { "preferences", "app.preferences", NULL, NULL },
      { "add-account", "win.add-account", NULL, NULL },
      { "add-account-plain-http", "win.add-account", NULL, NULL, plain_http_endpoint },
      { "import-profiles", "win.import-profiles", NULL, NULL },
      { "columns", "win.choose-columns", NULL, NULL },
      { "shortcuts", "win.show-help-overlay", NULL, NULL },
      { "mfa-code", NULL, mfa_code, mfa_code_done },
      { "sso-add-accounts", "win.add-sso-accounts", NULL, NULL },
      { "switch-role", "win.switch-role", NULL, NULL },
      { "sso-sign-in", NULL, sso_sign_in, sso_sign_in_done },
      { "sso-sign-in-code", NULL, sso_sign_in_code, sso_sign_in_done },
      { "clean-up", "win.clean-up", NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
      g_ptr_array_add (views, g_memdup2 (&fixed[i], sizeof fixed[i]));
  }
  actions = amigo_actions_get_all (&n_actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *name = g_strconcat ("win.", actions[i].name, NULL);
      View view = { actions[i].name, g_intern_string (name), NULL, NULL };

      g_ptr_array_add (views, g_memdup2 (&view, sizeof view));
    }
  {
    /* Last: they leave the window on a fleet view. */
    static const View fleet[] = {
      { "quick-start", NULL, quick_start, NULL },
      { "launch-templates", NULL, launch_templates, NULL },
      { "new-launch-template", NULL, new_launch_template, fleet_dialog_done },
      { "version-compare", NULL, version_compare, fleet_dialog_done },
      { "auto-scaling-groups", NULL, auto_scaling_groups, NULL },
      { "rollout", NULL, rollout, fleet_dialog_done },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fleet); i++)
      g_ptr_array_add (views, g_memdup2 (&fleet[i], sizeof fleet[i]));
  }

  for (guint i = 0; i < views->len; i++)
    {
      const View *view = views->pdata[i];
      g_autoptr(GPtrArray) before = visible_toplevels ();
      GtkWindow *shown;

      if (only != NULL && !g_str_equal (only, view->view))
        continue;

      if (view->find != NULL)
        {
          shown = view->find ();
          hand_over (in, view->view, shown);
          if (view->done != NULL)
            view->done ();
          continue;
        }

      if (!gtk_widget_activate_action (GTK_WIDGET (window), view->action, NULL))
        g_error ("no action %s", view->action);
      AMIGO_TEST_WAIT_FOR ((shown = new_toplevel (before)) != NULL, 30);
      if (view->prepare != NULL)
        view->prepare (shown);
      hand_over (in, view->view, shown);
      gtk_window_destroy (shown);
      AMIGO_TEST_WAIT_FOR (new_toplevel (before) == NULL, 10);
    }

  printf ("DONE\n");
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&line, g_free);
  return 0;
}
