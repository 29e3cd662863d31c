/* amigo-version-compare-dialog.h — two versions of a launch template side
 * by side: what differs between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_VERSION_COMPARE_DIALOG (amigo_version_compare_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoVersionCompareDialog, amigo_version_compare_dialog, AMIGO, VERSION_COMPARE_DIALOG, AdwWindow)

GtkWidget *amigo_version_compare_dialog_new       (GtkWindow  *parent,
                                                   const char *template_name,
                                                   GPtrArray  *versions,
                                                   gint64      version);
gint64     amigo_version_compare_dialog_get_other (AmigoVersionCompareDialog *self);

G_END_DECLS
