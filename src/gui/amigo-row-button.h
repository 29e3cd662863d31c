/* amigo-row-button.h — the flat icon buttons at the end of a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A flat button showing @icon_name, centred in its row; @tooltip says
 * what it does for the eye, @label for screen readers. */
GtkWidget *amigo_row_button_new  (const char *icon_name,
                                  const char *tooltip,
                                  const char *label);

/* A row button that puts @text on the clipboard when clicked; @tooltip
 * and @label (for screen readers) name what it copies. Connect to
 * "clicked" to say it is done. */
GtkWidget *amigo_copy_button_new (const char *text,
                                  const char *tooltip,
                                  const char *label);

G_END_DECLS
