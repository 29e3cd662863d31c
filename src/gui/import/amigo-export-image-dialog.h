/* amigo-export-image-dialog.h — an AMI becomes a virtual machine's disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* amigo_export_image_dialog_new() is in actions/amigo-actions.h, with the
 * other action dialogs. What the save chooser would hand over (tests pick
 * a file without a portal): the exported disk is downloaded there when
 * AWS is done; %NULL: not downloaded. */
void       amigo_export_image_dialog_set_download_file (GtkWindow *dialog,
                                                        GFile     *file);

G_END_DECLS
