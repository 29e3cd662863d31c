/* amigo-a11y.h — small accessibility fixes GTK 4.8 leaves to the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void amigo_a11y_label_drop_down_button   (GtkDropDown *drop_down);
void amigo_a11y_name_row_by_title       (AdwPreferencesRow *row);
void amigo_a11y_label_icon_buttons       (GtkWidget   *root);
void amigo_a11y_label_search_entries     (GtkWidget   *root,
                                          const char  *label);
void amigo_a11y_label_shortcuts_window   (GtkWindow   *shortcuts_window);

G_END_DECLS
