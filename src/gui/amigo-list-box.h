/* amigo-list-box.h — what GTK 4.8's GtkListBox lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row of @list (gtk_list_box_remove_all() came in GTK 4.12). */
void amigo_list_box_remove_all (GtkListBox *list);

G_END_DECLS
