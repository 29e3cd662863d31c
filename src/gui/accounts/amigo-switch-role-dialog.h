/* amigo-switch-role-dialog.h — "Switch Role": a role on top of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SWITCH_ROLE_DIALOG (amigo_switch_role_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSwitchRoleDialog, amigo_switch_role_dialog, AMIGO, SWITCH_ROLE_DIALOG, AdwWindow)

AmigoSwitchRoleDialog *amigo_switch_role_dialog_new (GtkWindow           *parent,
                                                     AmigoAccountManager *manager,
                                                     AmigoAccount        *source);

G_END_DECLS
