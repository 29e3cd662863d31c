/* amigo-row-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-row-button.h"

#define TEXT_KEY "amigo-copy-text"

static void
on_clicked_cb (GtkButton *button)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                          g_object_get_data (G_OBJECT (button), TEXT_KEY));
}

/**
 * amigo_row_button_new:
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
amigo_row_button_new (const char *icon_name,
                      const char *tooltip,
                      const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/**
 * amigo_copy_button_new:
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
amigo_copy_button_new (const char *text,
                       const char *tooltip,
                       const char *label)
{
  GtkWidget *button = amigo_row_button_new ("edit-copy-symbolic", tooltip, label);

  g_object_set_data_full (G_OBJECT (button), TEXT_KEY, g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), NULL);
  return button;
}
