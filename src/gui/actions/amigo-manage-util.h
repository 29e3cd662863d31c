/* amigo-manage-util.h — what the image management dialogs share
 *
 * The permissions, tags, deprecation, description and deregister dialogs
 * show problems the same way (a row marked as an error, a short message
 * under it, read out by screen readers) and name images and AWS failures
 * the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-image.h"

G_BEGIN_DECLS

/* The image as people know it: its name, else its id. */
const char *amigo_manage_image_title    (AmigoImage   *image);

/* Marks @widget (a row or an entry, may be %NULL) as invalid or not, and
 * shows @message in @label (hidden when %NULL). */
void        amigo_manage_show_problem   (GtkWidget    *widget,
                                         GtkLabel     *label,
                                         const char   *message);

/* “<what failed>: <AWS's words>”, for a failed request. */
char       *amigo_manage_describe_error (const char   *what,
                                         const GError *error);

G_END_DECLS
