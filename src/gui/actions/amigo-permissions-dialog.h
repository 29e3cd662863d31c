/* amigo-permissions-dialog.h — who may launch an image: private or public,
 * and the accounts, organizations and organizational units it is shared with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_PERMISSIONS_DIALOG (amigo_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoPermissionsDialog, amigo_permissions_dialog, AMIGO, PERMISSIONS_DIALOG, AmigoActionDialog)

GtkWindow *amigo_permissions_dialog_new (GtkWindow          *parent,
                                         AmigoActionContext *context);

G_END_DECLS
