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

/* What the dialog holds, for its tests. */
const char  *amigo_launch_dialog_get_client_token (AmigoLaunchDialog *self);
GPtrArray   *amigo_launch_dialog_get_instance_ids (AmigoLaunchDialog *self);
const char  *amigo_launch_dialog_get_subscription_url (AmigoLaunchDialog *self);
gboolean     amigo_launch_dialog_is_loading       (AmigoLaunchDialog *self);
GPtrArray   *amigo_launch_dialog_get_subnets      (AmigoLaunchDialog *self);
const char  *amigo_launch_dialog_get_groups_vpc_id (AmigoLaunchDialog *self);
/* Shows @error as after a failed RunInstances (OptInRequired included). */
void         amigo_launch_dialog_show_launch_error (AmigoLaunchDialog *self,
                                                    const GError      *error);
/* The Marketplace page of @image's product, or NULL. */
char        *amigo_launch_dialog_dup_marketplace_url (AmigoImage     *image);

G_END_DECLS
