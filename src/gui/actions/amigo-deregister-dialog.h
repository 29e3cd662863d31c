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

/* What the dialog is doing and has done, for its tests. */
gboolean          amigo_deregister_dialog_get_loading        (AmigoDeregisterDialog *self);
gboolean          amigo_deregister_dialog_get_finished       (AmigoDeregisterDialog *self);
guint             amigo_deregister_dialog_get_n_deregistered (AmigoDeregisterDialog *self);
guint             amigo_deregister_dialog_get_n_deleted      (AmigoDeregisterDialog *self);
GStrv             amigo_deregister_dialog_dup_snapshot_ids   (AmigoDeregisterDialog *self);
AdwMessageDialog *amigo_deregister_dialog_get_confirm_dialog (AmigoDeregisterDialog *self);

G_END_DECLS
