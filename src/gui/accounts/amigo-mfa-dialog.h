/* amigo-mfa-dialog.h — the code of an MFA device, asked when a role
 * session is made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-aws-config.h"

G_BEGIN_DECLS

GtkWidget *amigo_mfa_dialog_ask     (GtkWindow      *parent,
                                     const char     *profile_name,
                                     const char     *mfa_serial,
                                     GCancellable   *cancellable,
                                     GTask          *task);
void       amigo_mfa_dialog_install (AmigoAwsConfig *config);

G_END_DECLS
