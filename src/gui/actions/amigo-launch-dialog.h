/* amigo-launch-dialog.h — launch instances of an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_LAUNCH_DIALOG (amigo_launch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoLaunchDialog, amigo_launch_dialog, AMIGO, LAUNCH_DIALOG, AmigoActionDialog)

GtkWindow *amigo_launch_dialog_new (GtkWindow          *parent,
                                    AmigoActionContext *context);

/* What the dialog holds, for its tests. */
const char  *amigo_launch_dialog_get_client_token (AmigoLaunchDialog *self);
GPtrArray   *amigo_launch_dialog_get_instance_ids (AmigoLaunchDialog *self);
const char  *amigo_launch_dialog_get_subscription_url (AmigoLaunchDialog *self);

G_END_DECLS
