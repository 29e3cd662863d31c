/* amigo-copy-button.h — the flat button beside a value that copies it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A button that puts @text on the clipboard when clicked; @tooltip and
 * @label (for screen readers) name what it copies. Connect to "clicked"
 * to say it is done. */
GtkWidget *amigo_copy_button_new (const char *text,
                                  const char *tooltip,
                                  const char *label);

G_END_DECLS
