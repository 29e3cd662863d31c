/* amigo-permissions-dialog.h — who may launch an image: private or public,
 * and the accounts, organizations and organizational units it is shared with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

typedef enum {
  AMIGO_SHARE_INVALID,
  AMIGO_SHARE_ACCOUNT,          /* `userId` */
  AMIGO_SHARE_ORGANIZATION,     /* `organizationArn` */
  AMIGO_SHARE_ORGANIZATIONAL_UNIT, /* `organizationalUnitArn` */
} AmigoShareKind;

#define AMIGO_TYPE_PERMISSIONS_DIALOG (amigo_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoPermissionsDialog, amigo_permissions_dialog, AMIGO, PERMISSIONS_DIALOG, AmigoActionDialog)

/* Reads what a person typed: a 12-digit account id (dashes and spaces
 * allowed, as the console shows them), an organization ARN or an
 * organizational unit ARN. @normalized gets the value to send. */
AmigoShareKind amigo_permissions_parse_share (const char  *text,
                                              char       **normalized,
                                              char       **problem);

/* What the dialog holds, for its tests. */
gboolean   amigo_permissions_dialog_get_loaded   (AmigoPermissionsDialog *self);
gboolean   amigo_permissions_dialog_get_blocked  (AmigoPermissionsDialog *self);
guint      amigo_permissions_dialog_get_n_shares (AmigoPermissionsDialog *self);

G_END_DECLS
