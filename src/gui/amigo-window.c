/* amigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window.h"

struct _AmigoWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *account_button;
  GtkLabel *account_label;
  GtkListBox *account_list;
  GtkDropDown *region_dropdown;
  GtkMenuButton *tasks_button;
  GtkStack *main_stack;
  AdwFlap *flap;
  GtkListBox *source_list;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkPaned *paned;
  GtkStack *content_stack;
  AdwStatusPage *loading_page;
  GtkColumnView *column_view;
  GtkProgressBar *load_progress;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkButton *error_edit_button;
  GtkScrolledWindow *details_scroller;
  GtkLabel *count_label;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AmigoWindow, amigo_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sources of the sidebar, in order. */
typedef struct {
  const char *id;
  const char *icon_name;
  const char *title;
} AmigoSourceInfo;

static const AmigoSourceInfo sources[] = {
  { "self", "avatar-default-symbolic", N_("My AMIs") },
  { "shared", "emblem-shared-symbolic", N_("Shared with Me") },
  { "amazon", "starred-symbolic", N_("Amazon") },
  { "aws-marketplace", "shopping-cart-symbolic", N_("AWS Marketplace") },
  { "public", "network-workgroup-symbolic", N_("Public") },
};

static GtkWidget *
create_source_row (const AmigoSourceInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

static void
save_window_state (AmigoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
amigo_window_close_request (GtkWindow *window)
{
  save_window_state (AMIGO_WINDOW (window));
  return GTK_WINDOW_CLASS (amigo_window_parent_class)->close_request (window);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
amigo_window_dispose (GObject *object)
{
  AmigoWindow *self = AMIGO_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amigo_window_parent_class)->dispose (object);
}

static void
amigo_window_class_init (AmigoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_window_dispose;
  window_class->close_request = amigo_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/amigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, tasks_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_edit_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, count_label);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
amigo_window_init (AmigoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_list_box_append (self->source_list, create_source_row (&sources[i]));
  gtk_list_box_select_row (self->source_list,
                           gtk_list_box_get_row_at_index (self->source_list, 0));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

AmigoWindow *
amigo_window_new (AmigoApplication *application)
{
  return g_object_new (AMIGO_TYPE_WINDOW, "application", application, NULL);
}
