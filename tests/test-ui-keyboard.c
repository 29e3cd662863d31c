/* test-ui-keyboard.c — the main flow with the keyboard alone
 *
 * From the window with images listed: Ctrl+F to search, type, Tab into
 * the list, pick an image with the arrow keys, Ctrl+L to open Launch, Tab
 * to its submit button. Every key goes through the X server (XTest), as a
 * person's would; at each step the focus must be where the step put it,
 * and shown (focus-visible).
 *
 * Runs inside tests/moto-harness.sh, a private keyring and Xvfb, against
 * the "Environment" account pointed at moto and seeded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "amigo-application.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"
#include "images/amigo-filter-popover.h"
#include "images/amigo-image-details.h"
#include "images/amigo-image-list.h"
#include "amigo-test-tool.h"

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

static AmigoApplication *app;
static AmigoWindow *window;

static guint
n_shown (void)
{
  return g_list_model_get_n_items (amigo_image_list_get_shown (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))));
}

static guint
n_selected (AmigoImageList *list)
{
  g_autoptr(GPtrArray) selected = amigo_image_list_get_selected_images (list);

  return selected->len;
}

static gboolean
loaded (void)
{
  return !amigo_image_store_get_loading (amigo_window_get_store (window)) &&
         g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0;
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

static gboolean
focus_within (GtkWindow *toplevel,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (toplevel);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
focus_shown (GtkWindow *toplevel)
{
  GtkWidget *focus = gtk_window_get_focus (toplevel);

  return focus != NULL && gtk_widget_get_mapped (focus) && gtk_window_get_focus_visible (toplevel);
}

/* The focus is on a widget on screen, and drawn as such. (Waits for
 * the frame that maps what a key revealed.) */
static void
assert_focus_visible (GtkWindow *toplevel)
{
  GtkWidget *focus;

  AMIGO_TEST_WAIT_FOR (focus_shown (toplevel), 5);
  focus = gtk_window_get_focus (toplevel);
  g_test_message ("focus: %s%s%s", G_OBJECT_TYPE_NAME (focus),
                  GTK_IS_ACTIONABLE (focus) && gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)) ? " " : "",
                  GTK_IS_ACTIONABLE (focus) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)) ?: "" : "");
}

#ifdef HAVE_XTEST
/* The X server sends keys to the window with the input focus: give it to
 * @toplevel, as a window manager would on presenting it. */
static void
give_input_focus (GtkWindow *toplevel)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (toplevel)));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (toplevel));

  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (toplevel)), 10);
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XFlush (display);
  AMIGO_TEST_WAIT_FOR (gtk_window_is_active (toplevel), 10);
}

/* One key, with Control held when @control, through the X server. */
static void
press (guint    keyval,
       gboolean control)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (display, keyval);
  KeyCode control_code = XKeysymToKeycode (display, GDK_KEY_Control_L);

  g_assert_cmpuint (code, !=, 0);
  if (control)
    XTestFakeKeyEvent (display, control_code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  if (control)
    XTestFakeKeyEvent (display, control_code, False, CurrentTime);
  XFlush (display);
  amigo_test_ui_run_for (150);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    press (gdk_unicode_to_keyval ((guint32) *p), FALSE);
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
launch_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "AmigoLaunchDialog") &&
          gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}
#endif

/* In order: each step starts where the one before left the window. */

static void
test_search_with_ctrl_f (void)
{
#ifdef HAVE_XTEST
  GtkWidget *entry = GTK_WIDGET (GTK_SEARCH_ENTRY (amigo_test_ui_find (window, "search_entry")));

  give_input_focus (GTK_WINDOW (window));
  press (GDK_KEY_f, TRUE);
  AMIGO_TEST_WAIT_FOR (focus_within (GTK_WINDOW (window), entry), 5);
  assert_focus_visible (GTK_WINDOW (window));

  type_text ("web");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "web");
  /* The entry waits a moment before it searches. */
  AMIGO_TEST_WAIT_FOR (n_shown () == 2, 5);
  g_assert_true (focus_within (GTK_WINDOW (window), entry));
  assert_focus_visible (GTK_WINDOW (window));
#else
  amigo_test_missing_tool ("built without XTest", "libxtst-dev");
#endif
}

static void
test_select_with_arrows (void)
{
#ifdef HAVE_XTEST
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkWidget *view = GTK_WIDGET (amigo_image_list_get_column_view (list));
  g_autoptr(GPtrArray) selected = NULL;

  /* Tab from the search entry into the table, each stop shown. */
  for (guint i = 0; i < 10 && !focus_within (GTK_WINDOW (window), view); i++)
    {
      press (GDK_KEY_Tab, FALSE);
      assert_focus_visible (GTK_WINDOW (window));
    }
  g_assert_true (focus_within (GTK_WINDOW (window), view));

  /* Down to the second row (of two), then Up to the first: the focused
   * row is the one selected. */
  press (GDK_KEY_Down, FALSE);
  press (GDK_KEY_Up, FALSE);
  assert_focus_visible (GTK_WINDOW (window));
  AMIGO_TEST_WAIT_FOR (n_selected (list) == 1, 5);
  selected = amigo_image_list_get_selected_images (list);
  g_assert_true (g_ptr_array_index (selected, 0) == amigo_image_list_get_focused_image (list));
  g_assert_true (g_str_has_prefix (amigo_image_get_name (g_ptr_array_index (selected, 0)), "seoul-web-"));
  g_assert_true (focus_within (GTK_WINDOW (window), view));
#else
  amigo_test_missing_tool ("built without XTest", "libxtst-dev");
#endif
}

static void
test_launch_with_ctrl_l (void)
{
#ifdef HAVE_XTEST
  GtkWindow *dialog;
  GtkWidget *submit;

  press (GDK_KEY_l, TRUE);
  AMIGO_TEST_WAIT_FOR (launch_dialog () != NULL, 10);
  dialog = launch_dialog ();
  give_input_focus (dialog);
  submit = find_actionable (GTK_WIDGET (dialog), "launch.review");
  g_assert_nonnull (submit);
  /* It takes keys once it has what it needs from EC2 (types, keys...). */
  AMIGO_TEST_WAIT_FOR (gtk_widget_is_sensitive (submit), 60);

  for (guint i = 0; i < 60 && gtk_window_get_focus (dialog) != submit; i++)
    {
      press (GDK_KEY_Tab, FALSE);
      assert_focus_visible (dialog);
    }
  g_assert_true (gtk_window_get_focus (dialog) == submit);
  assert_focus_visible (dialog);

  gtk_window_destroy (dialog);
#else
  amigo_test_missing_tool ("built without XTest", "libxtst-dev");
#endif
}

/* The sidebar's section headings ("Images", "Fleet") are labels above
 * rows, not stops: Down goes from the last image source straight to
 * Quick Start. */
static void
test_sidebar_headings (void)
{
#ifdef HAVE_XTEST
  GtkListBox *sources = GTK_LIST_BOX (amigo_test_ui_find (window, "source_list"));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (sources, 0);
  GtkListBoxRow *quick_start = NULL;
  guint index = 0;
  GtkWidget *header;

  for (GtkListBoxRow *row = first; row != NULL; row = gtk_list_box_get_row_at_index (sources, ++index))
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "quick-start") == 0)
      {
        quick_start = row;
        break;
      }
  g_assert_nonnull (quick_start);
  header = gtk_list_box_row_get_header (first);
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Images");
  g_assert_false (gtk_widget_get_focusable (header));
  header = gtk_list_box_row_get_header (quick_start);
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Fleet");
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sources, 1)));

  gtk_window_present (GTK_WINDOW (window));
  give_input_focus (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (first));
  for (guint i = 0; i < index; i++)
    {
      press (GDK_KEY_Down, FALSE);
      assert_focus_visible (GTK_WINDOW (window));
      g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                     == GTK_WIDGET (gtk_list_box_get_row_at_index (sources, i + 1)));
    }
#else
  amigo_test_missing_tool ("built without XTest", "libxtst-dev");
#endif
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("AMIGO_TEST_ENDPOINT") == NULL || g_getenv ("AMIGO_TEST_ACCESS_KEY_ID") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh\n");
      return 77;
    }

  seed ();

  /* The account a person gets by exporting AWS_* variables. */
  g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  g_setenv ("AWS_ENDPOINT_URL", g_getenv ("AMIGO_TEST_ENDPOINT"), TRUE);
  g_setenv ("AWS_REGION", "ap-northeast-2", TRUE);
  g_unsetenv ("AWS_PROFILE");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  AMIGO_TEST_WAIT_FOR (amigo_window_get_account (window) != NULL && loaded () && n_shown () == 3, 120);

  g_test_add_func ("/ui/keyboard/search-with-ctrl-f", test_search_with_ctrl_f);
  g_test_add_func ("/ui/keyboard/select-with-arrows", test_select_with_arrows);
  g_test_add_func ("/ui/keyboard/launch-with-ctrl-l", test_launch_with_ctrl_l);
  g_test_add_func ("/ui/keyboard/sidebar-headings", test_sidebar_headings);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
