/* amigo-deprecation-dialog.h — set, change or remove when images become deprecated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_DEPRECATION_DIALOG (amigo_deprecation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoDeprecationDialog, amigo_deprecation_dialog, AMIGO, DEPRECATION_DIALOG, AmigoActionDialog)

GtkWindow *amigo_deprecation_dialog_new (GtkWindow          *parent,
                                         AmigoActionContext *context);

G_END_DECLS
