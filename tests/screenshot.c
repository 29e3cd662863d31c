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
#include <libsoup/soup.h>

#include "amigo-application.h"
#include "amigo-window-private.h"

static AmigoWindow *window;

#define WAIT_FOR(cond, seconds)                                             \
  G_STMT_START {                                                            \
    gint64 _deadline = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _deadline)                  \
      g_main_context_iteration (NULL, FALSE);                               \
    if (!(cond))                                                            \
      g_error ("Timed out waiting for: %s (page: %s)", #cond,               \
               _amigo_window_get_visible_page (window));                    \
  } G_STMT_END

/* Lets GTK lay out and draw what changed. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static void
save_window (GtkWidget  *widget,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s: %d×%d\n", path, width, height);
}

static void
fault (const char *json)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (g_getenv ("AMIGO_FAULT_PROXY"), "/__fault__", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
loaded (void)
{
  const char *page = _amigo_window_get_visible_page (window);

  return !amigo_image_store_get_loading (_amigo_window_get_store (window)) &&
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
      WAIT_FOR (g_strcmp0 (_amigo_window_get_visible_page (window), "welcome") == 0, 30);
    }
  else
    {
      if (g_str_equal (view, "error"))
        fault ("{\"mode\": \"html500\", \"count\": 20, \"action\": \"DescribeImages\"}");
      WAIT_FOR (_amigo_window_get_account (window) != NULL && loaded (), 60);

      if (g_str_equal (view, "error"))
        WAIT_FOR (g_strcmp0 (_amigo_window_get_visible_page (window), "error") == 0, 60);

      if (g_str_equal (view, "no-results"))
        {
          GtkWidget *entry = GTK_WIDGET (_amigo_window_get_search_entry (window));

          gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
          gtk_editable_set_text (GTK_EDITABLE (entry), "tokyo");
          g_signal_emit_by_name (entry, "search-changed");
        }

      if (g_str_equal (view, "details"))
        {
          AmigoImageList *list = _amigo_window_get_image_list (window);
          GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (list));

          gtk_selection_model_select_item (selection, 0, TRUE);
        }
    }

  settle (1500);
  save_window (GTK_WIDGET (window), output);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
