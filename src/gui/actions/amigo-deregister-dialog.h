/* amigo-deregister-dialog.h — deregister images, and delete their snapshots if asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_DEREGISTER_DIALOG (amigo_deregister_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoDeregisterDialog, amigo_deregister_dialog, AMIGO, DEREGISTER_DIALOG, AmigoActionDialog)

GtkWindow *amigo_deregister_dialog_new (GtkWindow          *parent,
                                        AmigoActionContext *context);

G_END_DECLS
