/* screenshot.c — PNGs of Amigo's main views, for the README and AppStream
 *
 *   screenshot VIEW OUTPUT.png [WIDTH HEIGHT]
 *
 * VIEW is welcome, list, details, no-results or error. Run by build-aux/screenshots.sh
 * inside the moto harness and Xvfb (and with LANGUAGE=ko for the Korean
 * one); the window is the real one, drawn by GTK into a texture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-application.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"
#include "images/amigo-filter-popover.h"
#include "images/amigo-image-details.h"
#include "images/amigo-image-list.h"

static AmigoWindow *window;

#define WAIT_FOR(cond, seconds)                                             \
  G_STMT_START {                                                            \
    if (!(cond))                                                            \
      g_print ("Waiting for: %s (page: %s)\n", #cond,                        \
               amigo_window_get_visible_page (window));                    \
    AMIGO_TEST_WAIT_FOR (cond, seconds);                                    \
  } G_STMT_END

static gboolean
loaded (void)
{
  const char *page = amigo_window_get_visible_page (window);

  return !amigo_image_store_get_loading (amigo_window_get_store (window)) &&
         g_strcmp0 (page, "loading") != 0 && g_strcmp0 (page, "starting") != 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmigoApplication) app = NULL;
  const char *view;
  const char *output;
  int width = 1200;
  int height = 760;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AMIGO_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3)
    {
      g_printerr ("usage: %s welcome|list|details|no-results|error OUTPUT.png [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  view = argv[1];
  output = argv[2];
  if (argc >= 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }

  if (!g_str_equal (view, "welcome"))
    {
      const char *endpoint = g_getenv ("AMIGO_FAULT_PROXY") ?: g_getenv ("AMIGO_TEST_ENDPOINT");

      if (endpoint == NULL)
        {
          g_printerr ("Run me inside tests/moto-harness.sh (and fault-harness.sh for the error view)\n");
          return 2;
        }
      g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
      g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
      g_setenv ("AWS_ENDPOINT_URL", endpoint, TRUE);
      g_setenv ("AWS_REGION", "ap-northeast-2", TRUE);
    }
  else
    {
      g_unsetenv ("AWS_ACCESS_KEY_ID");
      g_unsetenv ("AWS_SECRET_ACCESS_KEY");
      g_unsetenv ("AWS_PROFILE");
    }

  gtk_init ();
  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_unmaximize (GTK_WINDOW (window));

  if (g_str_equal (view, "welcome"))
    {
      WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "welcome") == 0, 30);
    }
  else
    {
      if (g_str_equal (view, "error"))
        amigo_test_ui_fault ("{\"mode\": \"html500\", \"count\": 20, \"action\": \"DescribeImages\"}");
      WAIT_FOR (amigo_window_get_account (window) != NULL && loaded (), 60);

      if (g_str_equal (view, "error"))
        WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0, 60);

      if (g_str_equal (view, "no-results"))
        {
          GtkWidget *entry = GTK_WIDGET (GTK_SEARCH_ENTRY (amigo_test_ui_find (window, "search_entry")));

          gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
          gtk_editable_set_text (GTK_EDITABLE (entry), "tokyo");
          g_signal_emit_by_name (entry, "search-changed");
        }

      if (g_str_equal (view, "details"))
        {
          AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
          GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (list));

          gtk_selection_model_select_item (selection, 0, TRUE);
        }
    }

  /* amigo_test_ui_save_png() lets GTK lay out and draw what changed. */
  amigo_test_ui_settle ();
  amigo_test_ui_save_png (window, output);
  g_print ("%s\n", output);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
