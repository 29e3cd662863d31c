/* amigo-vm-role-row.h — the vmimport service role: checked, and created
 * or extended for a bucket when the person asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-bucket-row.h"
#include "actions/amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_VM_ROLE_ROW (amigo_vm_role_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoVmRoleRow, amigo_vm_role_row, AMIGO, VM_ROLE_ROW, AdwActionRow)

void     amigo_vm_role_row_set_account (AmigoVmRoleRow *self,
                                        AmigoAccount   *account,
                                        AmigoClient    *client,
                                        const char     *region);
void     amigo_vm_role_row_set_bucket  (AmigoVmRoleRow *self,
                                        const char     *bucket);
/* TRUE once the role exists and allows the bucket (property "ready"). */
gboolean amigo_vm_role_row_get_ready   (AmigoVmRoleRow *self);
/* Sets @self and @bucket_row up for @dialog: the role follows the bucket,
 * the bucket's problem is the dialog's; @changed runs after either. */
void     amigo_vm_role_row_attach      (AmigoVmRoleRow    *self,
                                        AmigoBucketRow    *bucket_row,
                                        AmigoActionDialog *dialog,
                                        GCallback          changed);

G_END_DECLS
