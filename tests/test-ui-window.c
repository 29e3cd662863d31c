/* test-ui-window.c — the main window, for real, under Xvfb, against moto
 *
 * Runs inside tests/moto-harness.sh (moto with signatures enforced),
 * tests/fault-harness.sh (a proxy that can break answers), a private
 * keyring and Xvfb. The account is the "Environment" one, pointed at the
 * proxy, exactly as a person's AWS_* variables would set it up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <string.h>

#include "amigo-actions.h"
#include "actions/amigo-action-dialog.h"
#include "accounts/amigo-all-accounts-dialog.h"
#include "amigo-application.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-image-details.h"
#include "amigo-image-rows.h"
#include "amigo-test-ui.h"
#include "amigo-window.h"
#include "fleet/amigo-launch-templates-page.h"
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

/* Runs the main loop until @cond holds, for at most @seconds. */
#define WAIT_FOR(cond, seconds)                                             \
  G_STMT_START {                                                            \
    if (!(cond))                                                            \
      g_test_message ("Waiting for: %s (page: %s)", #cond,                  \
                      amigo_window_get_visible_page (window));             \
    AMIGO_TEST_WAIT_FOR (cond, seconds);                                    \
  } G_STMT_END

static guint
n_stored (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (amigo_window_get_store (window)));
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (amigo_image_list_get_shown (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))));
}

static gboolean
loaded (void)
{
  return !amigo_image_store_get_loading (amigo_window_get_store (window)) &&
         g_strcmp0 (amigo_window_get_visible_page (window), "loading") != 0;
}

static AmigoImage *
shown_image (guint i)
{
  g_autoptr(AmigoImage) image = g_list_model_get_item (amigo_image_list_get_shown (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))), i);
  return image;   /* the model keeps it */
}

static void
set_search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (GTK_SEARCH_ENTRY (amigo_test_ui_find (window, "search_entry"))), text);
  /* The entry waits a moment before it says the search changed. */
  g_signal_emit_by_name (GTK_SEARCH_ENTRY (amigo_test_ui_find (window, "search_entry")), "search-changed");
  amigo_test_ui_settle ();
}

/* Chooses the @index-th source in the sidebar, as a click on it does. */
static void
select_source (guint index)
{
  GtkListBox *sources = GTK_LIST_BOX (amigo_test_ui_find (window, "source_list"));

  gtk_list_box_select_row (sources, gtk_list_box_get_row_at_index (sources, index));
}

static void
test_opens_on_the_environment_account (void)
{
  WAIT_FOR (amigo_window_get_account (window) != NULL, 30);
  g_assert_cmpstr (amigo_account_get_id (amigo_window_get_account (window)), ==, "environment");
  WAIT_FOR (loaded (), 60);

  /* My AMIs in Seoul (AWS_REGION): exactly the three the seed made there. */
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  g_assert_cmpuint (n_stored (), ==, 3);
  for (guint i = 0; i < n_shown (); i++)
    {
      AmigoImage *image = shown_image (i);

      g_assert_true (g_str_has_prefix (amigo_image_get_name (image), "seoul-"));
      g_assert_cmpstr (amigo_image_store_get_image_region (image), ==, "ap-northeast-2");
    }
}

static void
test_switch_region (void)
{
  g_assert_true (amigo_window_select_region (window, "us-east-1"));
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  g_assert_cmpuint (n_stored (), ==, 3);
  for (guint i = 0; i < n_shown (); i++)
    g_assert_true (g_str_has_prefix (amigo_image_get_name (shown_image (i)), "virginia-"));
}

static void
test_switch_source_cancels_old_load (void)
{
  /* Start listing Amazon's images (many pages), then change our mind at
   * once: only My AMIs may end up in the list. */
  select_source (2);
  g_assert_true (amigo_image_store_get_loading (amigo_window_get_store (window)) ||
                 g_strcmp0 (amigo_window_get_visible_page (window), "loading") == 0);
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 60);

  /* Let the late answer of the cancelled load arrive (moto has answered
   * every DescribeImages the proxy passed on): it must be ignored. */
  WAIT_FOR (amigo_test_ui_fault_count ("forwarded", "DescribeImages") ==
            amigo_test_ui_fault_count ("seen", "DescribeImages"), 60);
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_stored (), ==, 3);
  for (guint i = 0; i < n_stored (); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (amigo_window_get_store (window)), i);
      g_assert_true (g_str_has_prefix (amigo_image_get_name (image), "virginia-"));
    }
}

static void
test_amazon_source (void)
{
  select_source (2);
  WAIT_FOR (loaded (), 120);
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  /* moto has over a thousand Amazon images per region: several pages. */
  g_assert_cmpuint (n_stored (), >, 1000);
  for (guint i = 0; i < n_stored (); i += 97)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (amigo_window_get_store (window)), i);
      g_assert_cmpstr (amigo_image_get_image_owner_alias (image), ==, "amazon");
    }
}

static void
test_search (void)
{
  select_source (0);
  WAIT_FOR (loaded () && n_stored () == 3, 60);

  /* By name. */
  set_search ("BATCH");
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_cmpstr (amigo_image_get_name (shown_image (0)), ==, "virginia-batch-worker");

  /* By a tag value (Environment=staging), and two words at once. */
  set_search ("staging");
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_cmpstr (amigo_image_get_name (shown_image (0)), ==, "virginia-web-2026-11-20");
  set_search ("web production");
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_cmpstr (amigo_image_get_name (shown_image (0)), ==, "virginia-web-2026-11-01");

  /* By description, and by id. */
  set_search ("nginx");
  g_assert_cmpuint (n_shown (), ==, 2);
  set_search (amigo_image_get_image_id (shown_image (1)));
  g_assert_cmpuint (n_shown (), ==, 1);

  set_search ("no such image anywhere");
  g_assert_cmpuint (n_shown (), ==, 0);
  set_search ("");
  g_assert_cmpuint (n_shown (), ==, 3);
}

static void
test_filters (void)
{
  AmigoFilterPopover *popover = AMIGO_FILTER_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (amigo_test_ui_find (window, "filter_button"))));
  guint all;

  /* The seeded Marketplace images: x86_64, arm64, Windows, and one
   * deprecated. */
  select_source (3);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  amigo_test_ui_settle ();
  all = n_shown ();
  /* The deprecated one is not even asked for (IncludeDeprecated=false). */
  g_assert_cmpuint (all, ==, n_stored ());

  amigo_filter_popover_select (popover, "architecture", "arm64");
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_cmpstr (amigo_image_get_architecture (shown_image (0)), ==, "arm64");

  amigo_filter_popover_select (popover, "architecture", NULL);
  amigo_filter_popover_select (popover, "platform", "windows");
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_cmpstr (amigo_image_get_platform (shown_image (0)), ==, "windows");

  amigo_filter_popover_select (popover, "platform", "linux");
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, all - 1);

  amigo_filter_popover_reset (popover);
  amigo_filter_popover_select (popover, "root-device-type", "instance-store");
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, 0);

  amigo_filter_popover_reset (popover);
  amigo_filter_popover_select (popover, "state", "available");
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, all);

  amigo_filter_popover_reset (popover);
  /* Showing deprecated images lists again, asking for them too. */
  amigo_image_filter_set_include_deprecated (amigo_image_list_get_filter (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))), TRUE);
  WAIT_FOR (loaded () && n_stored () == all + 1, 60);
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, n_stored ());
  amigo_filter_popover_reset (popover);
  WAIT_FOR (loaded () && n_stored () == all, 60);
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, all);
}

static void
assert_sorted_by_created (gboolean ascending)
{
  for (guint i = 1; i < n_shown (); i++)
    {
      gint64 a = amigo_image_get_creation_date_usec (shown_image (i - 1));
      gint64 b = amigo_image_get_creation_date_usec (shown_image (i));

      if (ascending)
        g_assert_cmpint (a, <=, b);
      else
        g_assert_cmpint (a, >=, b);
    }
}

static void
test_sort_by_created (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  AmigoImageFilter *filter = amigo_image_list_get_filter (list);

  /* The seeded Marketplace images were made on different days (Amazon's
   * in moto all share one date). */
  select_source (3);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  amigo_image_filter_set_include_deprecated (filter, TRUE);
  /* Listed again, with the deprecated one. */
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), >=, 3);

  amigo_image_list_sort_by (list, "created", GTK_SORT_ASCENDING);
  amigo_test_ui_settle ();
  assert_sorted_by_created (TRUE);
  g_assert_cmpint (amigo_image_get_creation_date_usec (shown_image (0)), <,
                   amigo_image_get_creation_date_usec (shown_image (n_shown () - 1)));

  amigo_image_list_sort_by (list, "created", GTK_SORT_DESCENDING);
  amigo_test_ui_settle ();
  assert_sorted_by_created (FALSE);
  amigo_image_filter_set_include_deprecated (filter, FALSE);
  WAIT_FOR (loaded () && n_stored () > 0, 60);

  /* Names sort ignoring case: over a thousand. */
  select_source (2);
  WAIT_FOR (loaded () && n_stored () > 1000, 120);
  amigo_image_list_sort_by (list, "name", GTK_SORT_ASCENDING);
  amigo_test_ui_settle ();
  for (guint i = 1; i < n_shown (); i++)
    {
      const char *a = amigo_image_get_name (shown_image (i - 1));
      const char *b = amigo_image_get_name (shown_image (i));

      g_assert_cmpint (g_ascii_strcasecmp (a ?: "", b ?: ""), <=, 0);
    }
  amigo_image_list_sort_by (list, NULL, GTK_SORT_ASCENDING);
}

#ifdef HAVE_XTEST
/* The header of the column titled @title. */
static GtkWidget *
find_header (GtkWidget  *view,
             const char *title)
{
  g_autoptr(GPtrArray) headers = amigo_test_ui_find_all (view, g_type_from_name ("GtkColumnViewTitle"));

  for (guint i = 0; i < headers->len; i++)
    {
      g_autofree char *text = amigo_test_ui_collect_text (g_ptr_array_index (headers, i));

      if (g_strcmp0 (g_strstrip (text), title) == 0)
        return g_ptr_array_index (headers, i);
    }
  return NULL;
}

/* A left click in the middle of @widget, through the X server; then a
 * pause longer than a double click's. */
static void
click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t point;
  double sx, sy;
  int x, y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (display), (int) (point.x + sx), (int) (point.y + sy),
                         &x, &y, &child);
  XTestFakeMotionEvent (display, -1, x, y, CurrentTime);
  XFlush (display);
  amigo_test_ui_run_for (100);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XFlush (display);
  amigo_test_ui_run_for (600);
}

/* The ids shown go up (@direction 1) or down (-1). */
static void
assert_ids_in_order (int direction)
{
  for (guint i = 1; i < n_shown (); i++)
    g_assert_cmpint (direction * g_ascii_strcasecmp (amigo_image_get_image_id (shown_image (i - 1)),
                                                     amigo_image_get_image_id (shown_image (i))), <, 0);
}
#endif

/* Clicking headers sorts: a second click on a column turns its order
 * round; the column clicked last sorts first, ties by the one before. */
static void
test_sort_by_clicking_headers (void)
{
#ifdef HAVE_XTEST
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkWidget *view = GTK_WIDGET (amigo_image_list_get_column_view (list));
  GtkWidget *id_header = find_header (view, "AMI ID");
  GtkWidget *arch_header = find_header (view, "Architecture");

  g_assert_cmpuint (n_shown (), >, 1000);
  g_assert_nonnull (id_header);
  g_assert_nonnull (arch_header);

  click (id_header);
  assert_ids_in_order (1);
  click (id_header);
  assert_ids_in_order (-1);

  click (arch_header);
  {
    guint ties = 0;

    for (guint i = 1; i < n_shown (); i++)
      {
        int by_arch = g_ascii_strcasecmp (amigo_image_get_architecture (shown_image (i - 1)),
                                          amigo_image_get_architecture (shown_image (i)));

        g_assert_cmpint (by_arch, <=, 0);
        if (by_arch == 0)
          {
            g_assert_cmpint (g_ascii_strcasecmp (amigo_image_get_image_id (shown_image (i - 1)),
                                                 amigo_image_get_image_id (shown_image (i))), >, 0);
            ties++;
          }
      }
    g_assert_cmpuint (ties, >, 0);
  }
  amigo_image_list_sort_by (list, NULL, GTK_SORT_ASCENDING);
#else
  amigo_test_missing_tool ("built without XTest", "libxtst-dev");
#endif
}

/* Every bound cell of the table shows the image at its row's position:
 * checked on the AMI ID cells, whose text is the id. */
static void
check_cells (GtkWidget *widget,
             guint     *n_checked)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "amigo-list-item");

  if (item != NULL && gtk_list_item_get_item (item) != NULL)
    {
      AmigoImage *image = shown_image (gtk_list_item_get_position (item));
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      g_assert_true (amigo_image_row_get_image (gtk_list_item_get_item (item)) == image);
      if (text != NULL && g_str_has_prefix (text, "ami-"))
        {
          g_assert_cmpstr (text, ==, amigo_image_get_image_id (image));
          (*n_checked)++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_cells (child, n_checked);
}

/* Whatever comes after an empty list (a search matching nothing, another
 * source) is shown from the top. */
static void
test_back_to_top (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (amigo_image_list_get_column_view (list)));

  g_assert_cmpuint (n_shown (), >, 1000);
  /* The list's own search, not the server's. */
  amigo_window_set_search_delay_for_testing (window, 10 * 60 * 1000);
  /* Laid out: there is somewhere to scroll to. */
  WAIT_FOR (gtk_adjustment_get_upper (vadjustment) > 2 * gtk_adjustment_get_page_size (vadjustment) &&
            gtk_adjustment_get_page_size (vadjustment) > 0, 30);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  amigo_test_ui_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  set_search ("no-such-image-anywhere");
  g_assert_cmpuint (n_shown (), ==, 0);
  set_search ("");
  g_assert_cmpuint (n_shown (), >, 1000);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  amigo_window_set_search_delay_for_testing (window, 0);
}

static void
test_select_shows_details (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (list));
  AmigoImageDetails *details;
  AmigoImage *image;
  guint position = G_MAXUINT;

  select_source (0);
  WAIT_FOR (loaded () && n_stored () == 3, 60);
  amigo_test_ui_settle ();
  for (guint i = 0; i < n_shown (); i++)
    if (g_strcmp0 (amigo_image_get_name (shown_image (i)), "virginia-web-2026-11-20") == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  image = shown_image (position);

  gtk_selection_model_select_item (selection, position, TRUE);
  details = AMIGO_IMAGE_DETAILS (amigo_test_ui_find_by_type (window, AMIGO_TYPE_IMAGE_DETAILS, NULL));
  WAIT_FOR (gtk_widget_is_visible (GTK_WIDGET (details)), 5);
  g_assert_true (amigo_image_details_get_image (details) == image);

  /* What the pane shows comes from the image: its block devices and tags. */
  {
    guint n_mappings = 0;
    guint n_tags = 0;
    const AmigoBlockDeviceMapping *mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
    const AmigoTag *tags = amigo_image_get_tags (image, &n_tags);
    g_autofree char *text = amigo_test_ui_collect_text (GTK_WIDGET (details));

    g_assert_cmpuint (n_mappings, >=, 1);
    g_assert_cmpuint (n_tags, ==, 3);
    for (guint i = 0; i < n_mappings; i++)
      {
        g_assert_nonnull (strstr (text, mappings[i].device_name));
        if (mappings[i].ebs.snapshot_id != NULL)
          g_assert_nonnull (strstr (text, mappings[i].ebs.snapshot_id));
      }
    for (guint i = 0; i < n_tags; i++)
      {
        g_assert_nonnull (strstr (text, tags[i].key));
        g_assert_nonnull (strstr (text, tags[i].value));
      }
  }
}

/* The selected image stays selected, and shown, as sorting moves it; the
 * rows of the table show their new images. */
static void
test_selection_follows_sort (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (list));
  AmigoImageDetails *details = AMIGO_IMAGE_DETAILS (amigo_test_ui_find_by_type (window, AMIGO_TYPE_IMAGE_DETAILS, NULL));
  AmigoImage *image = amigo_image_list_get_focused_image (list);
  const GtkSortType orders[] = { GTK_SORT_ASCENDING, GTK_SORT_DESCENDING };

  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, "virginia-web-2026-11-20");
  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      guint position = G_MAXUINT;
      guint n_checked = 0;

      amigo_image_list_sort_by (list, "name", orders[o]);
      amigo_test_ui_settle ();
      for (guint i = 0; i < n_shown (); i++)
        {
          if (shown_image (i) == image)
            position = i;
          g_assert_cmpint (gtk_selection_model_is_selected (selection, i), ==, shown_image (i) == image);
        }
      g_assert_cmpuint (position, !=, G_MAXUINT);
      g_assert_true (amigo_image_list_get_focused_image (list) == image);
      g_assert_true (amigo_image_details_get_image (details) == image);
      check_cells (GTK_WIDGET (amigo_image_list_get_column_view (list)), &n_checked);
      g_assert_cmpuint (n_checked, ==, n_shown ());
    }

  /* A search that hides it drops it from the selection: the pane goes,
   * and the table gives way to a page that says why it is empty. */
  set_search ("no-such-image-anywhere");
  g_assert_cmpuint (n_shown (), ==, 0);
  g_assert_null (amigo_image_list_get_focused_image (list));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (details)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (amigo_image_list_get_column_view (list))));
  {
    GtkWidget *status = amigo_test_ui_find_by_type (list, ADW_TYPE_STATUS_PAGE, NULL);

    g_assert_nonnull (status);
    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Matching Images");
  }
  set_search ("");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (amigo_image_list_get_column_view (list))));
  {
    guint n_checked = 0;

    check_cells (GTK_WIDGET (amigo_image_list_get_column_view (list)), &n_checked);
    g_assert_cmpuint (n_checked, ==, n_shown ());
  }
  amigo_image_list_sort_by (list, NULL, GTK_SORT_ASCENDING);
  amigo_test_ui_settle ();
}

static gpointer
template_child (const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), AMIGO_TYPE_WINDOW, name);
}

/* The actions menu is the .ui's: the header bar, the details pane and a
 * row's context menu show the same items, after any number of reloads. */
static void
test_actions_menu (void)
{
  GtkWidget *list;
  GtkWidget *popover = NULL;
  GMenuModel *model;
  guint n_actions, n_items = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  WAIT_FOR (loaded (), 60);
  list = GTK_WIDGET (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list")));
  g_signal_emit_by_name (list, "context-menu", 10.0, 10.0);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_true (model == template_child ("actions_menu"));
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (template_child ("actions_button"))) == model);
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (template_child ("details_actions_button"))) == model);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Every action of the table, once. */
  amigo_actions_get_all (&n_actions);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      g_assert_nonnull (section);
      for (int j = 0; j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          g_assert_true (g_str_has_prefix (action, "win."));
          g_assert_nonnull (amigo_actions_lookup (action + strlen ("win.")));
          n_items++;
        }
    }
  g_assert_cmpuint (n_items, ==, n_actions);
}

static void
test_error_then_retry (void)
{
  AdwStatusPage *error_page = ADW_STATUS_PAGE (amigo_test_ui_find (window, "error_page"));

  /* Every attempt of the next DescribeImages gets a web page with HTTP 500. */
  amigo_test_ui_fault ("{\"mode\": \"html500\", \"count\": 10, \"action\": \"DescribeImages\"}");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0, 60);
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "500"));
  /* A web page instead of an answer is an error to retry, not a sign-in. */
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Could Not Load Images");
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (window, "error_retry_button")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (window, "error_sign_in_button")));

  amigo_test_ui_fault_reset ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (loaded () && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
  g_assert_cmpuint (n_stored (), ==, 3);
}

/* Text from outside (AWS's error messages, an image's name, description
 * and tags) is shown as it is: never read as markup, where a link would
 * become live and a lone "&" or "<" would blank the label. */
#define HOSTILE "<a href=\"https://example.com\">x</a> <b> & <"

/* The label under @root that shows @text exactly, or %NULL. */
static GtkLabel *
find_label_showing (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = amigo_test_ui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* A label under @root whose shown text holds @text, or %NULL. */
static GtkLabel *
find_label_holding (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = amigo_test_ui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* Runs @action of the window and returns the dialog it opened. */
static GtkWindow *
open_dialog (const char *action)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  amigo_test_ui_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

      if (top != GTK_WINDOW (window) && gtk_window_get_transient_for (top) == GTK_WINDOW (window))
        dialog = top;
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static void
add_hostile_image (void)
{
  const char *code =
    "import os, botocore.session\n"
    "c = botocore.session.get_session().create_client('ec2', region_name=os.environ['AMIGO_REGION'],\n"
    "    endpoint_url=os.environ['AMIGO_TEST_ENDPOINT'],\n"
    "    aws_access_key_id=os.environ['AMIGO_TEST_ACCESS_KEY_ID'],\n"
    "    aws_secret_access_key=os.environ['AMIGO_TEST_SECRET_ACCESS_KEY'])\n"
    "h = os.environ['AMIGO_HOSTILE']\n"
    "i = c.describe_instances()['Reservations'][0]['Instances'][0]['InstanceId']\n"
    "c.create_image(InstanceId=i, Name='name ' + h, Description='about ' + h, NoReboot=True,\n"
    "    TagSpecifications=[{'ResourceType': 'image', 'Tags': [{'Key': 'Team', 'Value': h}]}])\n";
  g_autofree char *python = g_strdup (g_getenv ("AMIGO_MOTO_PYTHON_EXE"));
  const char *argv[] = { python ? python : "python3", "-c", code, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "AMIGO_HOSTILE", HOSTILE, TRUE);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* In the window's region ("" for all regions: the first one seeded). */
  g_assert_nonnull (amigo_window_get_region (window));
  envp = g_environ_setenv (envp, "AMIGO_REGION", *amigo_window_get_region (window) != '\0' ? amigo_window_get_region (window) : "ap-northeast-2", TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("adding the image failed: %s", err);
}

static void
test_outside_text_is_not_markup (void)
{
  static const struct {
    const char *action;
    const char *aws_action;
  } loading[] = {
    { "win.share", "DescribeImageAttribute" },
    { "win.deregister", "DescribeImages" },
  };
  AdwStatusPage *error_page = ADW_STATUS_PAGE (amigo_test_ui_find (window, "error_page"));
  GtkSelectionModel *selection;
  AmigoImageDetails *details;
  GtkWindow *dialog = NULL;
  GtkWidget *row;
  guint position = G_MAXUINT;

  /* AWS's error message, on the error page. */
  amigo_test_ui_fault ("{\"mode\": \"aws-error\", \"count\": 10, \"action\": \"DescribeImages\","
                       " \"code\": \"InvalidParameterValue\", \"message\": \"" "<a href=\\\"https://example.com\\\">x</a> <b> & <" "\"}");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0, 60);
  g_assert_nonnull (find_label_holding (GTK_WIDGET (error_page), HOSTILE));

  /* The app's own words with angle brackets in them, likewise. */
  amigo_test_ui_fault_reset ();
  amigo_test_ui_fault ("{\"mode\": \"wrong-root\", \"count\": 10, \"action\": \"DescribeImages\"}");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "error") == 0 &&
            strstr (adw_status_page_get_description (error_page), "Unexpected") != NULL, 60);
  g_assert_nonnull (find_label_holding (GTK_WIDGET (error_page), "<Unexpected>"));
  g_assert_nonnull (find_label_holding (GTK_WIDGET (error_page), "<DescribeImagesResponse>"));
  amigo_test_ui_fault_reset ();

  /* An image whose name, description and tag hold markup. */
  add_hostile_image ();
  select_source (0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (loaded () && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
  amigo_test_ui_settle ();
  for (guint i = 0; i < n_shown (); i++)
    if (g_strcmp0 (amigo_image_get_name (shown_image (i)), "name " HOSTILE) == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  selection = gtk_column_view_get_model (amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))));
  gtk_selection_model_select_item (selection, position, TRUE);
  details = AMIGO_IMAGE_DETAILS (amigo_test_ui_find_by_type (window, AMIGO_TYPE_IMAGE_DETAILS, NULL));
  WAIT_FOR (gtk_widget_is_visible (GTK_WIDGET (details)), 5);
  amigo_test_ui_settle ();
  g_assert_nonnull (find_label_holding (GTK_WIDGET (details), "name " HOSTILE));
  g_assert_nonnull (find_label_holding (GTK_WIDGET (details), "about " HOSTILE));
  g_assert_nonnull (find_label_showing (GTK_WIDGET (details), HOSTILE));

  /* A toast naming it, as a dialog's context sends one. */
  amigo_window_add_toast (window, "Description of “name " HOSTILE "” changed");
  amigo_test_ui_settle ();
  g_assert_nonnull (find_label_showing (amigo_test_ui_find (window, "toast_overlay"),
                                        "Description of “name " HOSTILE "” changed"));

  /* The deprecation dialog's row for it. */
  dialog = open_dialog ("win.deprecate");
  row = amigo_test_ui_find_by_type (dialog, ADW_TYPE_ACTION_ROW, "name " HOSTILE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "name " HOSTILE);
  g_assert_nonnull (find_label_showing (row, "name " HOSTILE));
  gtk_window_destroy (dialog);
  amigo_test_ui_settle ();

  /* The failure pages of the dialogs that load first, with AWS's message. */
  for (guint i = 0; i < G_N_ELEMENTS (loading); i++)
    {
      g_autofree char *fault = g_strdup_printf ("{\"mode\": \"aws-error\", \"count\": 10, \"action\": \"%s\","
                                                " \"code\": \"InvalidParameterValue\","
                                                " \"message\": \"<a href=\\\"https://example.com\\\">x</a> <b> & <\"}",
                                                loading[i].aws_action);
      GtkWidget *failed_page;

      amigo_test_ui_fault (fault);
      dialog = open_dialog (loading[i].action);
      failed_page = amigo_test_ui_find (dialog, "failed_page");
      /* A stack's pages are all "visible" from the start: wait for the
       * stack to turn to the failure page, which it does after the
       * description is set. */
      WAIT_FOR (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (failed_page))) == failed_page, 60);
      g_assert_nonnull (find_label_holding (failed_page, HOSTILE));
      gtk_window_destroy (dialog);
      amigo_test_ui_settle ();
      amigo_test_ui_fault_reset ();
    }
}

/* The environment account's id came from STS: it is in the account
 * button's tooltip, and "Shared with Me" holds none of its images. */
static void
test_account_id_and_shared_with_me (void)
{
  AmigoAccount *account = amigo_window_get_account (window);
  const char *number = amigo_account_get_account_number (account);
  const char *tooltip;

  g_assert_cmpint (amigo_account_get_kind (account), ==, AMIGO_ACCOUNT_KIND_ENVIRONMENT);
  g_assert_nonnull (number);
  g_assert_cmpuint (strlen (number), ==, 12);
  tooltip = gtk_widget_get_tooltip_text (amigo_test_ui_find (window, "account_button"));
  g_assert_nonnull (strstr (tooltip, number));

  select_source (1);
  WAIT_FOR (loaded (), 60);
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "error");
  for (guint i = 0; i < n_stored (); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (amigo_window_get_store (window)), i);

      g_assert_cmpstr (amigo_image_get_owner_id (image), !=, number);
    }
  select_source (0);
  WAIT_FOR (loaded (), 60);
}

/* ---- regions as the account sees them ----------------------------------- */

#define NOT_ENABLED_REGION "eu-south-1"
#define DENIED_REGION      "eu-west-3"

/* The launcher's /amigo-test/regions knob (tests/README-moto.md), set
 * before the window first asks DescribeRegions. */
static void
set_regions (const char *json)
{
  amigo_test_moto_post ("/amigo-test/regions", json);
}

/* The title label of @region's row in the open picker, or %NULL. */
static GtkWidget *
picker_row_title (GtkWidget  *dropdown,
                  const char *region)
{
  g_autoptr(GPtrArray) labels = amigo_test_ui_find_all (dropdown, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) && gtk_widget_get_next_sibling (label) != NULL &&
          strstr (gtk_label_get_text (GTK_LABEL (label)), region) != NULL)
        return label;
    }
  return NULL;
}

/* The picker greys a region the account has not enabled and says so;
 * picking it asks AWS nothing and shows how to enable it. */
static void
test_region_not_enabled (void)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (amigo_test_ui_find (window, "region_dropdown"));
  AdwStatusPage *page = ADW_STATUS_PAGE (amigo_test_ui_find (window, "region_page"));
  g_autoptr(GPtrArray) entries = NULL;
  GtkLabel *caption;
  GtkWidget *title;
  guint asked;

  WAIT_FOR (g_strcmp0 (amigo_window_get_region_caption (window, NOT_ENABLED_REGION), "Not enabled") == 0, 60);
  g_assert_null (amigo_window_get_region_caption (window, "us-east-1"));

  /* In the picker itself: search for it, as a person would */
  g_signal_emit_by_name (dropdown, "activate");
  amigo_test_ui_settle ();
  entries = amigo_test_ui_find_all (dropdown, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Europe (Milan)");
  amigo_test_ui_settle ();
  WAIT_FOR (picker_row_title (GTK_WIDGET (dropdown), NOT_ENABLED_REGION) != NULL, 10);
  title = picker_row_title (GTK_WIDGET (dropdown), NOT_ENABLED_REGION);
  caption = GTK_LABEL (gtk_widget_get_next_sibling (title));
  g_assert_cmpstr (gtk_label_get_text (caption), ==, "Not enabled");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (title, "dim-label"));
  amigo_test_ui_maybe_screenshot (window, "region-picker-not-enabled.png");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "");
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (caption), GTK_TYPE_POPOVER)));
  amigo_test_ui_settle ();

  /* Picked: its page, with the console link; no request to it */
  asked = amigo_test_ui_fault_count ("seen", "DescribeImages");
  g_assert_true (amigo_window_select_region (window, NOT_ENABLED_REGION));
  WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "region") == 0, 60);
  amigo_test_ui_settle ();
  g_assert_cmpuint (amigo_test_ui_fault_count ("seen", "DescribeImages"), ==, asked);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Region Not Enabled");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "This region is not enabled for this account"));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (window, "region_link_button")));
  g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (GTK_LINK_BUTTON (amigo_test_ui_find (window, "region_link_button"))),
                                   "https://console.aws.amazon.com/"));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (window, "error_edit_button")));
  amigo_test_ui_maybe_screenshot (window, "region-not-enabled.png");
}

/* A region a policy denies: its page says so, in AWS's words too; no
 * account edit is offered and the account's keys are kept. */
static void
test_region_denied (void)
{
  AmigoAccount *account = amigo_window_get_account (window);
  AdwStatusPage *page = ADW_STATUS_PAGE (amigo_test_ui_find (window, "region_page"));
  const char *description;

  WAIT_FOR (amigo_account_get_account_number (account) != NULL, 60);
  g_assert_true (amigo_window_select_region (window, DENIED_REGION));
  WAIT_FOR (g_strcmp0 (amigo_window_get_visible_page (window), "region") == 0, 60);

  description = adw_status_page_get_description (page);
  g_assert_nonnull (strstr (description, "Denied by a policy"));
  g_assert_nonnull (strstr (description, "explicit deny"));
  g_assert_null (strstr (description, "Check the access key"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Region Denied by a Policy");
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (window, "error_edit_button")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (window, "region_link_button")));
  g_assert_cmpstr (amigo_window_get_region_caption (window, DENIED_REGION), ==, "Denied by a policy");
  /* Forgotten credentials take the account id with them */
  g_assert_nonnull (amigo_account_get_account_number (account));
  amigo_test_ui_maybe_screenshot (window, "region-denied.png");

  g_assert_true (amigo_window_select_region (window, "ap-northeast-2"));
  WAIT_FOR (loaded () && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
}

/* All Regions: the denied region is marked in the picker with its own
 * error, the others are listed, the one not enabled is never asked, and
 * the keys are kept. */
static void
test_all_regions_one_denied (void)
{
  AmigoImageStore *store = amigo_window_get_store (window);
  AmigoAccount *account = amigo_window_get_account (window);

  g_assert_true (amigo_window_select_region (window, ""));
  WAIT_FOR (loaded () && amigo_window_get_region_caption (window, DENIED_REGION) != NULL, 120);
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  g_assert_cmpuint (n_stored (), >, 0);
  g_assert_cmpstr (amigo_window_get_region_caption (window, DENIED_REGION), ==, "Denied by a policy");
  g_assert_cmpuint (amigo_image_store_get_n_regions_failed (store), ==, 1);
  g_assert_nonnull (amigo_image_store_get_region_error (store, DENIED_REGION));
  g_assert_null (amigo_image_store_get_region_error (store, NOT_ENABLED_REGION));
  g_assert_cmpstr (amigo_window_get_region_caption (window, NOT_ENABLED_REGION), ==, "Not enabled");
  g_assert_nonnull (amigo_account_get_account_number (account));

  g_assert_true (amigo_window_select_region (window, "ap-northeast-2"));
  WAIT_FOR (loaded () && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
}

/* ---- listing at scale --------------------------------------------------- */

static const char *
count_text (void)
{
  GtkWidget *label = amigo_test_ui_find (window, "count_label");

  return gtk_label_get_label (GTK_LABEL (label));
}

/* Amazon's images in a region: the search box's text is asked of EC2. */
static void
test_server_search (void)
{
  guint all;

  g_assert_true (amigo_window_select_region (window, "us-east-1"));
  select_source (2);
  WAIT_FOR (loaded () && n_stored () > 1000, 120);
  all = n_stored ();

  /* Typed in lower case: the "Windows_Server-…" names match on the server. */
  set_search ("windows");
  WAIT_FOR (loaded () && n_stored () > 0 && n_stored () < all, 120);
  amigo_test_ui_settle ();
  g_assert_cmpuint (n_shown (), ==, n_stored ());
  for (guint i = 0; i < n_stored (); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (amigo_window_get_store (window)), i);
      g_autofree char *name = g_ascii_strdown (amigo_image_get_name (image), -1);

      g_assert_nonnull (strstr (name, "windows"));
    }

  /* Cleared: everything again. */
  set_search ("");
  WAIT_FOR (loaded () && n_stored () == all, 120);
}

/* While pages stream in: how many so far, and Stop keeps what arrived. */
static void
test_progress_and_stop (void)
{
  AmigoImageStore *store = amigo_window_get_store (window);
  GtkWidget *stop = amigo_test_ui_find (window, "stop_button");
  g_autofree char *so_far = NULL;
  g_autofree char *stopped = NULL;
  guint kept;

  /* The later pages wait: the first one's rows are in, the rest to come.
   * Every later page waits (not only the second), so that a machine slow
   * enough to outlast one delay still finds the listing under way. */
  amigo_test_ui_fault ("{\"mode\": \"delay\", \"seconds\": 20, \"count\": 100, \"action\": \"DescribeImages\", \"match\": \"NextToken=\"}");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (n_stored () > 0 && amigo_image_store_get_loading (store), 60);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  so_far = g_strdup_printf ("%'u images so far", n_stored ());
  g_assert_cmpstr (count_text (), ==, so_far);
  g_assert_true (gtk_widget_get_visible (stop));
  amigo_test_ui_maybe_screenshot (window, "listing.png");

  kept = n_stored ();
  amigo_test_ui_click (stop);
  g_assert_false (amigo_image_store_get_loading (store));
  g_assert_false (gtk_widget_get_visible (stop));
  g_assert_cmpuint (n_stored (), ==, kept);
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  stopped = g_strdup_printf ("%'u images, listing stopped", kept);
  g_assert_cmpstr (count_text (), ==, stopped);

  /* Nothing more arrives: the delayed page is not waited for. */
  amigo_test_ui_run_for (500);
  g_assert_cmpuint (n_stored (), ==, kept);
  amigo_test_ui_fault_reset ();
}

/* Every public image of every region is listed only once asked for. */
static void
test_public_all_regions_asks (void)
{
  guint seen;
  GtkWidget *button;

  set_search ("");
  /* All Regions, then Public at once: My AMIs of every region, begun
   * on the way, are cancelled. */
  g_assert_true (amigo_window_select_region (window, ""));
  select_source (4);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "confirm");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (amigo_test_ui_find (window, "count_label"))), ==, "");
  amigo_test_ui_run_for (300);
  seen = amigo_test_ui_fault_count ("seen", "DescribeImages");
  amigo_test_ui_run_for (500);
  g_assert_cmpuint (amigo_test_ui_fault_count ("seen", "DescribeImages"), ==, seen);
  amigo_test_ui_maybe_screenshot (window, "public-all-regions.png");

  /* Yes: the listing starts. */
  button = amigo_test_ui_find_by_type (window, GTK_TYPE_BUTTON, "List All Public Images");
  amigo_test_ui_click (button);
  g_assert_cmpstr (amigo_window_get_visible_page (window), !=, "confirm");
  WAIT_FOR (amigo_test_ui_fault_count ("seen", "DescribeImages") > seen, 60);

  /* Back where the other tests start. */
  g_assert_true (amigo_window_select_region (window, "us-east-1"));
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 120);
}

/* ---- every account at once ---------------------------------------------- */

static gboolean
column_visible (const char *title)
{
  GtkColumnView *view = amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list")));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return gtk_column_view_column_get_visible (column);
    }
  return FALSE;
}

/* A person opens the account popover and clicks All Accounts in it. */
static void
click_all_accounts (void)
{
  GtkMenuButton *account_button = GTK_MENU_BUTTON (amigo_test_ui_find (window, "account_button"));
  GtkWidget *all_button;

  gtk_menu_button_popup (account_button);
  amigo_test_ui_settle ();
  all_button = amigo_test_ui_find_by_name (window, "all_accounts_button");
  g_assert_nonnull (all_button);
  g_assert_true (gtk_widget_get_mapped (all_button));
  amigo_test_ui_click (all_button);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (account_button))));
}

/* Where @title is among the view's columns (shown or not). */
static guint
column_position (const char *title)
{
  GtkColumnView *view = amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list")));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* All Accounts with a second account whose secret is wrong: the good
 * account's images are listed with their account, the failing one is
 * named in the banner, and the details ask the image's own account. */
static void
test_all_accounts_one_failing (void)
{
  AmigoAccountManager *manager = amigo_application_get_account_manager (app);
  AmigoAccount *environment;
  AmigoAccount *wrong;
  const char *banner;

  WAIT_FOR (amigo_window_get_account (window) != NULL, 30);
  environment = amigo_window_get_account (window);
  wrong = amigo_account_manager_import_profile (manager, "wrong");
  g_assert_nonnull (wrong);
  g_assert_true (amigo_window_select_region (window, "ap-northeast-2"));
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  g_assert_false (column_visible ("Account"));

  click_all_accounts ();
  WAIT_FOR (loaded () && amigo_window_get_all_accounts_banner (window) != NULL, 120);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  g_assert_cmpuint (n_stored (), ==, 3);
  for (guint i = 0; i < n_shown (); i++)
    {
      AmigoImage *image = shown_image (i);

      g_assert_true (amigo_image_store_get_image_account (image) == environment);
      g_assert_true (g_str_has_prefix (amigo_image_get_name (image), "seoul-"));
    }
  g_assert_true (column_visible ("Account"));
  g_assert_cmpuint (column_position ("Account"), ==, column_position ("Name") + 1);
  banner = amigo_window_get_all_accounts_banner (window);
  g_assert_nonnull (strstr (banner, amigo_account_get_name (wrong)));
  g_assert_nonnull (strstr (banner, "ap-northeast-2"));
  g_assert_null (strstr (banner, amigo_account_get_name (environment)));
  g_assert_nonnull (amigo_image_store_get_account_error (amigo_window_get_store (window), wrong, "ap-northeast-2"));
  g_assert_null (amigo_image_store_get_account_error (amigo_window_get_store (window), environment, "ap-northeast-2"));
  amigo_test_ui_maybe_screenshot (window, "all-accounts-one-failing.png");

  /* The details of an image come from its own account. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"))))), 0, TRUE);
  amigo_test_ui_settle ();
  {
    AmigoAccount *account;
    AmigoClient *client;

    amigo_window_get_image_account (window, shown_image (0), &account, &client);
    g_assert_true (account == environment);
    g_assert_nonnull (client);
  }

  /* Back to the one account: no Account column, no banner. */
  amigo_window_leave_all_accounts (window);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  g_assert_false (column_visible ("Account"));
  g_assert_null (amigo_window_get_all_accounts_banner (window));
}

/* The first shown image listed in @account from @from on, or -1. */
static int
shown_index_of_account (AmigoAccount *account,
                        guint         from)
{
  for (guint i = from; i < n_shown (); i++)
    if (amigo_image_store_get_image_account (shown_image (i)) == account)
      return (int) i;
  return -1;
}

/* The visible top-level window of @type, other than the main one, or NULL. */
static GtkWindow *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (candidate != GTK_WINDOW (window) && G_TYPE_CHECK_INSTANCE_TYPE (candidate, type) &&
          gtk_widget_get_visible (GTK_WIDGET (candidate)))
        return candidate;
    }
  return NULL;
}

/* Under All Accounts, images of two accounts selected at once: an action
 * on several images says it acts in one account at a time, naming both,
 * and opens no dialog; images of one account (not the window's) are
 * acted on in that account. */
static void
test_all_accounts_mixed_selection (void)
{
  AmigoAccountManager *manager = amigo_application_get_account_manager (app);
  GtkSelectionModel *rows = GTK_SELECTION_MODEL (gtk_column_view_get_model (amigo_image_list_get_column_view (AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list")))));
  AmigoAccount *environment;
  AmigoAccount *twin;
  AdwMessageDialog *refusal;
  GtkWindow *dialog;
  AmigoActionContext *context;
  int first, second;

  WAIT_FOR (amigo_window_get_account (window) != NULL, 30);
  environment = amigo_window_get_account (window);
  twin = amigo_account_manager_import_profile (manager, "twin");
  g_assert_nonnull (twin);
  g_assert_true (amigo_window_select_region (window, "ap-northeast-2"));
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  click_all_accounts ();
  WAIT_FOR (loaded () && shown_index_of_account (twin, 0) >= 0 && shown_index_of_account (environment, 0) >= 0, 120);
  amigo_test_ui_settle ();

  /* One image of each account. */
  first = shown_index_of_account (environment, 0);
  second = shown_index_of_account (twin, 0);
  gtk_selection_model_select_item (rows, first, TRUE);
  gtk_selection_model_select_item (rows, second, FALSE);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.deprecate", NULL));
  amigo_test_ui_settle ();
  refusal = ADW_MESSAGE_DIALOG (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (refusal);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (refusal)), ==, "several_accounts_dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), amigo_account_get_name (environment)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), amigo_account_get_name (twin)));
  g_assert_null (find_dialog (AMIGO_TYPE_ACTION_DIALOG));
  amigo_test_ui_maybe_screenshot (refusal, "all-accounts-several-accounts.png");
  /* Its one button closes it, as a person's click does. */
  {
    g_autoptr(GPtrArray) buttons = amigo_test_ui_find_all (refusal, GTK_TYPE_BUTTON);
    GtkWidget *close = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Close") == 0)
        close = g_ptr_array_index (buttons, i);
    g_assert_nonnull (close);
    amigo_test_ui_click (close);
  }
  amigo_test_ui_settle ();

  /* Two images of the second account: acted on there. */
  first = shown_index_of_account (twin, 0);
  second = shown_index_of_account (twin, first + 1);
  g_assert_cmpint (second, >, first);
  gtk_selection_model_select_item (rows, first, TRUE);
  gtk_selection_model_select_item (rows, second, FALSE);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.deprecate", NULL));
  amigo_test_ui_settle ();
  g_assert_null (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  dialog = find_dialog (AMIGO_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  context = amigo_action_dialog_get_context (AMIGO_ACTION_DIALOG (dialog));
  g_assert_true (amigo_action_context_get_account (context) == twin);
  g_assert_cmpuint (amigo_action_context_get_images (context)->len, ==, 2);
  gtk_window_destroy (dialog);

  /* Back to the one account, without the second. */
  amigo_window_leave_all_accounts (window);
  amigo_account_manager_remove (manager, twin);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
}

/* "Choose Accounts…" in the popover (or in the banner of failures), as a
 * person clicks it: the dialog. */
static GtkWindow *
open_choose_accounts (gboolean from_banner)
{
  GtkMenuButton *account_button = GTK_MENU_BUTTON (amigo_test_ui_find (window, "account_button"));
  GtkWidget *choose;
  GtkWindow *dialog;

  if (!from_banner)
    gtk_menu_button_popup (account_button);
  amigo_test_ui_settle ();
  choose = amigo_test_ui_find_by_name (window, from_banner ? "banner_choose_accounts_button"
                                                           : "choose_all_accounts_button");
  g_assert_nonnull (choose);
  g_assert_true (gtk_widget_get_mapped (choose));
  amigo_test_ui_click (choose);
  WAIT_FOR ((dialog = find_dialog (AMIGO_TYPE_ALL_ACCOUNTS_DIALOG)) != NULL, 10);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (account_button))));
  return dialog;
}

/* The check of @account in the dialog. */
static GtkCheckButton *
account_check (GtkWindow    *dialog,
               AmigoAccount *account)
{
  GtkWidget *check = amigo_test_ui_find_by_name (dialog, amigo_account_get_id (account));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  return GTK_CHECK_BUTTON (check);
}

/* All Accounts over the accounts a person chose: two of three left out
 * in the dialog, their images and failures go once it is closed, the
 * last one on cannot be left out, and the choice is remembered. */
static void
test_all_accounts_choose (void)
{
  AmigoAccountManager *manager = amigo_application_get_account_manager (app);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) left_out = NULL;
  AmigoAccount *environment;
  AmigoAccount *twin;
  AmigoAccount *wrong;
  GtkWindow *dialog;

  WAIT_FOR (amigo_window_get_account (window) != NULL, 30);
  environment = amigo_window_get_account (window);
  twin = amigo_account_manager_import_profile (manager, "twin");
  wrong = amigo_account_manager_import_profile (manager, "wrong");
  g_assert_nonnull (twin);
  g_assert_nonnull (wrong);
  g_assert_true (amigo_window_select_region (window, "ap-northeast-2"));
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
  click_all_accounts ();
  WAIT_FOR (loaded () && shown_index_of_account (twin, 0) >= 0 && amigo_window_get_all_accounts_banner (window) != NULL, 120);

  /* All on at first; leave out the twin and the failing account (from
   * the banner that names it). */
  dialog = open_choose_accounts (TRUE);
  g_assert_true (gtk_check_button_get_active (account_check (dialog, environment)));
  g_assert_true (gtk_check_button_get_active (account_check (dialog, twin)));
  g_assert_true (gtk_check_button_get_active (account_check (dialog, wrong)));
  amigo_test_ui_click (account_check (dialog, twin));
  amigo_test_ui_click (account_check (dialog, wrong));
  amigo_test_ui_settle ();
  g_assert_false (gtk_check_button_get_active (account_check (dialog, twin)));
  /* The last one on stays on. */
  g_assert_true (gtk_check_button_get_active (account_check (dialog, environment)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (account_check (dialog, environment))));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (account_check (dialog, twin))));
  amigo_test_ui_maybe_screenshot (dialog, "all-accounts-choose.png");
  /* Still listing the three until the dialog is closed. */
  g_assert_cmpint (shown_index_of_account (twin, 0), >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  WAIT_FOR (find_dialog (AMIGO_TYPE_ALL_ACCOUNTS_DIALOG) == NULL, 10);

  WAIT_FOR (loaded () && shown_index_of_account (twin, 0) < 0 && shown_index_of_account (environment, 0) >= 0, 120);
  amigo_test_ui_settle ();
  g_assert_cmpstr (amigo_window_get_visible_page (window), ==, "list");
  g_assert_cmpint (shown_index_of_account (wrong, 0), <, 0);
  g_assert_null (amigo_window_get_all_accounts_banner (window));
  for (guint i = 0; i < n_shown (); i++)
    g_assert_true (amigo_image_store_get_image_account (shown_image (i)) == environment);

  /* Remembered: in GSettings (ids only) and in the dialog opened again. */
  left_out = g_settings_get_strv (settings, "all-accounts-left-out");
  g_assert_cmpuint (g_strv_length (left_out), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) left_out, amigo_account_get_id (twin)));
  g_assert_true (g_strv_contains ((const char * const *) left_out, amigo_account_get_id (wrong)));
  dialog = open_choose_accounts (FALSE);
  g_assert_false (gtk_check_button_get_active (account_check (dialog, twin)));
  g_assert_true (gtk_check_button_get_active (account_check (dialog, environment)));
  /* The twin back on: listed again. */
  amigo_test_ui_click (account_check (dialog, twin));
  gtk_window_close (dialog);
  WAIT_FOR (loaded () && shown_index_of_account (twin, 0) >= 0 && shown_index_of_account (environment, 0) >= 0, 120);
  g_assert_cmpint (shown_index_of_account (wrong, 0), <, 0);

  /* Back to the one account, as the other tests left it. */
  g_settings_reset (settings, "all-accounts-left-out");
  amigo_window_leave_all_accounts (window);
  amigo_account_manager_remove (manager, twin);
  WAIT_FOR (loaded () && n_stored () > 0, 60);
}

/* ---- Allowed AMIs in the list (issue 17) ------------------------------ */

static GAsyncResult *allowed_result;

static void
allowed_result_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_set_object (&allowed_result, result);
}

static GAsyncResult *
allowed_await (void)
{
  g_clear_object (&allowed_result);
  AMIGO_TEST_WAIT_FOR (allowed_result != NULL, 30);
  return allowed_result;
}

/* The text of a State cell ending in "Not allowed", or %NULL. */
static const char *
find_not_allowed_cell (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (text != NULL && g_str_has_suffix (text, " · Not allowed"))
        return text;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_not_allowed_cell (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With Allowed AMIs in audit mode and criteria that leave the account's
 * images out, their State cells say "Not allowed"; with it off, nothing does. */
static void
test_not_allowed_in_list (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkWidget *view = GTK_WIDGET (amigo_image_list_get_column_view (list));
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", g_getenv ("AMIGO_TEST_ENDPOINT"));
  const char *names[] = { "amigo-no-image-is-called-this-*", NULL };
  AmigoImageCriterionRequest criterion = { .image_names = names };
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  g_assert_true (amigo_window_select_region (window, "us-east-1"));
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 0, 120);
  amigo_test_ui_settle ();
  g_assert_null (find_not_allowed_cell (view));

  amigo_ec2_replace_image_criteria_async (ec2, &criterion, 1, NULL, allowed_result_cb, NULL);
  g_assert_true (amigo_ec2_replace_image_criteria_finish (ec2, allowed_await (), &error));
  g_assert_no_error (error);
  amigo_ec2_enable_allowed_images_settings_async (ec2, AMIGO_ALLOWED_IMAGES_AUDIT_MODE, NULL, allowed_result_cb, NULL);
  state = amigo_ec2_enable_allowed_images_settings_finish (ec2, allowed_await (), &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (loaded () && n_stored () > 0 && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
  amigo_test_ui_settle ();
  WAIT_FOR (find_not_allowed_cell (view) != NULL, 10);
  g_assert_true (g_str_has_prefix (find_not_allowed_cell (view), "Available"));

  /* Off again: imageAllowed is not said, the cells are as before */
  g_clear_pointer (&state, g_free);
  amigo_ec2_disable_allowed_images_settings_async (ec2, NULL, allowed_result_cb, NULL);
  state = amigo_ec2_disable_allowed_images_settings_finish (ec2, allowed_await (), &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  WAIT_FOR (loaded () && n_stored () > 0 && g_strcmp0 (amigo_window_get_visible_page (window), "list") == 0, 60);
  amigo_test_ui_settle ();
  WAIT_FOR (find_not_allowed_cell (view) == NULL, 10);
  g_clear_object (&allowed_result);
}

/* Whether the window's text has @text ("Used By" sits under the details). */
static gboolean
window_shows (const char *text)
{
  g_autofree char *all = amigo_test_ui_collect_text (GTK_WIDGET (window));

  return strstr (all, text) != NULL;
}

/* "Used By" under an image's details: the launch templates and Auto
 * Scaling groups that launch it, asked of EC2 and Auto Scaling when the
 * image is selected. */
static void
test_used_by (void)
{
  AmigoImageList *list = AMIGO_IMAGE_LIST (amigo_test_ui_find (window, "image_list"));
  GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (list));
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autofree char *name = g_strdup_printf ("amigo-used-by-%08x", g_random_int ());
  g_autofree char *expected = g_strdup_printf ("Launch template %s", name);
  g_autoptr(GError) error = NULL;
  AmigoRunInstancesRequest data = { 0 };
  AmigoImage *image;

  /* (Run alone, the window may still be listing its regions.) */
  WAIT_FOR (amigo_window_select_region (window, "us-east-1"), 60);
  select_source (0);
  WAIT_FOR (loaded () && n_stored () > 1, 120);
  amigo_test_ui_settle ();

  /* An image no template launches. */
  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, 1, TRUE);
  WAIT_FOR (window_shows ("No launch template or Auto Scaling group"), 30);
  g_assert_true (window_shows ("Used By"));

  /* A template whose version launches the first image. */
  image = shown_image (0);
  data.image_id = amigo_image_get_image_id (image);
  ec2 = amigo_ec2_new (client, amigo_image_store_get_image_region (image), g_getenv ("AMIGO_TEST_ENDPOINT"));
  amigo_ec2_create_launch_template_async (ec2, name, NULL, &data, NULL, allowed_result_cb, NULL);
  template = amigo_ec2_create_launch_template_finish (ec2, allowed_await (), &error);
  g_assert_no_error (error);
  gtk_selection_model_select_item (selection, 0, TRUE);
  WAIT_FOR (window_shows (expected), 30);
  g_assert_true (window_shows ("Version 1"));
  g_assert_false (window_shows ("No launch template or Auto Scaling group"));
  g_clear_object (&allowed_result);
}

/* From Quick Start, "Add to a Launch Template…" takes the image to the
 * Launch Templates view, which acts on it. */
static void
test_quick_start_to_templates (void)
{
  GtkWidget *quick_start;
  GtkWidget *templates;
  GtkWidget *button = NULL;
  g_autofree char *text = NULL;

  WAIT_FOR (amigo_window_select_region (window, "us-east-1"), 60);
  quick_start = amigo_window_show_fleet_view (window, "quick-start");
  g_assert_nonnull (quick_start);
  WAIT_FOR ((button = amigo_test_ui_find_by_type (quick_start, GTK_TYPE_MENU_BUTTON, "Image Actions")) != NULL, 60);
  g_assert_true (gtk_widget_activate_action (button, "image.use", "s", "launch-templates"));
  templates = amigo_test_ui_find_by_type (window, AMIGO_TYPE_LAUNCH_TEMPLATES_PAGE, NULL);
  g_assert_nonnull (templates);
  WAIT_FOR (gtk_stack_get_visible_child (GTK_STACK (amigo_test_ui_find (window, "content_stack"))) == templates, 10);
  text = amigo_test_ui_collect_text (templates);
  g_assert_nonnull (strstr (text, "Selected image: ami-"));
}

static void
seed (void)
{
  g_autofree char *script = g_build_filename (TEST_SRC_DIR, "..", "build-aux", "demo-seed.py", NULL);
  g_autofree char *python = g_strdup (g_getenv ("AMIGO_MOTO_PYTHON_EXE"));
  const char *argv[] = { python ? python : "python3", script, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("seeding moto failed: %s", err);
}

int
main (int   argc,
      char *argv[])
{
  const char *endpoint = g_getenv ("AMIGO_FAULT_PROXY");
  int status;

  if (endpoint == NULL || g_getenv ("AMIGO_TEST_ACCESS_KEY_ID") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh tests/fault-harness.sh\n");
      return 77;
    }

  seed ();
  set_regions ("{\"not_opted_in\": [\"" NOT_ENABLED_REGION "\"], \"denied\": [\"" DENIED_REGION "\"]}");

  /* The account a person gets by exporting AWS_* variables. */
  g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  g_setenv ("AWS_ENDPOINT_URL", endpoint, TRUE);
  g_setenv ("AWS_REGION", "ap-northeast-2", TRUE);
  g_unsetenv ("AWS_PROFILE");
  {
    /* A second account for All Accounts: a profile whose secret is wrong. */
    g_autofree char *dir = g_dir_make_tmp ("amigo-ui-window-XXXXXX", NULL);
    g_autofree char *credentials = g_build_filename (dir, "credentials", NULL);
    g_autofree char *config = g_build_filename (dir, "config", NULL);
    /* And a third with the right keys, for a selection across accounts. */
    g_autofree char *text = g_strdup_printf ("[wrong]\naws_access_key_id = %s\naws_secret_access_key = wrong-secret\n"
                                             "[twin]\naws_access_key_id = %s\naws_secret_access_key = %s\n",
                                             g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                                             g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                                             g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"));

    g_assert_true (g_file_set_contents (credentials, text, -1, NULL));
    g_assert_true (g_file_set_contents (config, "[profile wrong]\nregion = ap-northeast-2\n"
                                        "[profile twin]\nregion = ap-northeast-2\n", -1, NULL));
    g_setenv ("AWS_SHARED_CREDENTIALS_FILE", credentials, TRUE);
    g_setenv ("AWS_CONFIG_FILE", config, TRUE);
  }

  amigo_test_ui_init_gtk (&argc, &argv);

  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = AMIGO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  /* In order: each step starts where the one before left the window. */
  g_test_add_func ("/ui/window/opens-on-environment-account", test_opens_on_the_environment_account);
  g_test_add_func ("/ui/window/switch-region", test_switch_region);
  g_test_add_func ("/ui/window/switch-source-cancels-old-load", test_switch_source_cancels_old_load);
  g_test_add_func ("/ui/window/amazon-images", test_amazon_source);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/filters", test_filters);
  g_test_add_func ("/ui/window/sort-by-created", test_sort_by_created);
  g_test_add_func ("/ui/window/sort-by-clicking-headers", test_sort_by_clicking_headers);
  g_test_add_func ("/ui/window/back-to-top", test_back_to_top);
  g_test_add_func ("/ui/window/select-shows-details", test_select_shows_details);
  g_test_add_func ("/ui/window/selection-follows-sort", test_selection_follows_sort);
  g_test_add_func ("/ui/window/actions-menu", test_actions_menu);
  g_test_add_func ("/ui/window/error-then-retry", test_error_then_retry);
  g_test_add_func ("/ui/window/outside-text-is-not-markup", test_outside_text_is_not_markup);
  g_test_add_func ("/ui/window/account-id-and-shared-with-me", test_account_id_and_shared_with_me);
  g_test_add_func ("/ui/window/region-not-enabled", test_region_not_enabled);
  g_test_add_func ("/ui/window/region-denied", test_region_denied);
  g_test_add_func ("/ui/window/all-regions-one-denied", test_all_regions_one_denied);
  g_test_add_func ("/ui/window/server-search", test_server_search);
  g_test_add_func ("/ui/window/progress-and-stop", test_progress_and_stop);
  g_test_add_func ("/ui/window/public-all-regions-asks", test_public_all_regions_asks);
  g_test_add_func ("/ui/window/all-accounts-one-failing", test_all_accounts_one_failing);
  g_test_add_func ("/ui/window/all-accounts-mixed-selection", test_all_accounts_mixed_selection);
  g_test_add_func ("/ui/window/all-accounts-choose", test_all_accounts_choose);
  g_test_add_func ("/ui/window/not-allowed-in-list", test_not_allowed_in_list);
  g_test_add_func ("/ui/window/used-by", test_used_by);
  g_test_add_func ("/ui/window/quick-start-to-templates", test_quick_start_to_templates);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
