/* amigo-launch-permission.h — who may launch an image: one account, a group (`all`), an organization or an organizational unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoLaunchPermission:
 * @user_id: an AWS account id (`userId`) (pooled)
 * @group: a group: `all` for public (`group`) (pooled)
 * @organization_arn: an organization ARN (`organizationArn`)
 * @organizational_unit_arn: an organizational unit ARN (`organizationalUnitArn`)
 *
 * Who may launch an image: one account, a group (`all`), an organization or an organizational unit.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *user_id;
  char *group;
  char *organization_arn;
  char *organizational_unit_arn;
} AmigoLaunchPermission;

#define AMIGO_TYPE_LAUNCH_PERMISSION (amigo_launch_permission_get_type ())

GType                  amigo_launch_permission_get_type (void) G_GNUC_CONST;
AmigoLaunchPermission *amigo_launch_permission_new      (const char *user_id,
                                                         const char *group,
                                                         const char *organization_arn,
                                                         const char *organizational_unit_arn);
AmigoLaunchPermission *amigo_launch_permission_copy     (const AmigoLaunchPermission *self);
void                   amigo_launch_permission_free     (AmigoLaunchPermission *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoLaunchPermission, amigo_launch_permission_free)

G_END_DECLS
