/* amigo-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
