/* amigo-security-group-row.h — a security group to check or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-security-group.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SECURITY_GROUP_ROW (amigo_security_group_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSecurityGroupRow, amigo_security_group_row, AMIGO, SECURITY_GROUP_ROW, AdwActionRow)

GtkWidget          *amigo_security_group_row_new       (AmigoSecurityGroup    *group);
AmigoSecurityGroup *amigo_security_group_row_get_group (AmigoSecurityGroupRow *self);
GtkCheckButton     *amigo_security_group_row_get_check (AmigoSecurityGroupRow *self);

G_END_DECLS
