/* amigo-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"

/**
 * amigo_a11y_label_drop_down_button:
 * @drop_down: a drop-down with an accessible name (a label or labelled-by)
 *
 * GTK 4.8 names a #GtkDropDown but not the toggle button inside it, which
 * is what takes the focus: a screen reader would announce a button with no
 * name. Labels that button by the drop-down. Harmless on later GTK, where
 * the button is named already or is no longer there.
 */
void
amigo_a11y_label_drop_down_button (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
}

/* Calls @visit on @root and on every widget below it. */
static void
for_each_widget (GtkWidget *root,
                 void     (*visit) (GtkWidget *widget, gconstpointer data),
                 gconstpointer data)
{
  visit (root, data);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for_each_widget (child, visit, data);
}

static void
on_tooltip_changed_cb (GtkWidget  *widget,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* A button showing only an image, or an image with the button role. */
static gboolean
is_icon_button (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget))
    return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_BUTTON;
  return GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
         GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
}

static void
label_by_tooltip (GtkWidget     *widget,
                  gconstpointer  data)
{
  if (!is_icon_button (widget) || g_object_get_data (G_OBJECT (widget), "amigo-a11y-tooltip"))
    return;
  g_object_set_data (G_OBJECT (widget), "amigo-a11y-tooltip", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (on_tooltip_changed_cb), NULL);
  on_tooltip_changed_cb (widget, NULL, NULL);
}

/**
 * amigo_a11y_label_icon_buttons:
 * @root: a widget that GTK or libadwaita built (a password row)
 *
 * libadwaita 1.2 leaves the icon that shows a password without a name.
 * Names each icon button below @root by its tooltip, and keeps following
 * it (from "Show Text" to "Hide Text"). Only for library-built parts: it
 * would replace a name the app gave.
 */
void
amigo_a11y_label_icon_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for_each_widget (root, label_by_tooltip, NULL);
}

static void
label_search_entry (GtkWidget     *widget,
                    gconstpointer  label)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * amigo_a11y_label_search_entries:
 * @root: a window whose library part has a search entry
 * @label: the name to give
 *
 * libadwaita 1.2's preferences window leaves its search entry without a
 * name: names each search entry below @root.
 */
void
amigo_a11y_label_search_entries (GtkWidget  *root,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for_each_widget (root, label_search_entry, label);
}

static void
label_shortcuts_control (GtkWidget     *widget,
                         gconstpointer  data)
{
  const char *label = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    label = C_("shortcut window", "Search");
  else if (GTK_IS_MENU_BUTTON (widget))
    label = C_("shortcut window", "Sections");
  else if (GTK_IS_TOGGLE_BUTTON (widget) && is_icon_button (widget))
    label = C_("shortcut window", "Search");

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * amigo_a11y_label_shortcuts_window:
 * @shortcuts_window: the window's help overlay (a #GtkShortcutsWindow)
 *
 * GTK 4.8's shortcuts window leaves its search button, search entry and
 * section menu without names: names them.
 */
void
amigo_a11y_label_shortcuts_window (GtkWindow *shortcuts_window)
{
  g_return_if_fail (GTK_IS_WINDOW (shortcuts_window));

  for_each_widget (GTK_WIDGET (shortcuts_window), label_shortcuts_control, NULL);
}

/**
 * amigo_a11y_name_row_by_title:
 * @row: a row whose title is set
 *
 * libadwaita 1.2 does not name an expander row by its title: screen
 * readers then announce a bare "list item". Call after setting the title.
 */
void
amigo_a11y_name_row_by_title (AdwPreferencesRow *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}
