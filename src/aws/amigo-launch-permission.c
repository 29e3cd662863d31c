/* amigo-launch-permission.c — who may launch an image: one account, a group (`all`), an organization or an organizational unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-launch-permission.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoLaunchPermission, amigo_launch_permission, amigo_launch_permission_copy, amigo_launch_permission_free)

static const AmigoRecordField launch_permission_fields[] = {
  AMIGO_RECORD_FIELD (AmigoLaunchPermission, "userId", "UserId", NULL, POOLED, user_id),
  AMIGO_RECORD_FIELD (AmigoLaunchPermission, "group", "Group", NULL, POOLED, group),
  AMIGO_RECORD_FIELD (AmigoLaunchPermission, "organizationArn", "OrganizationArn", NULL, STRING, organization_arn),
  AMIGO_RECORD_FIELD (AmigoLaunchPermission, "organizationalUnitArn", "OrganizationalUnitArn", NULL, STRING, organizational_unit_arn),
};

AmigoRecordType amigo_launch_permission_record =
  AMIGO_RECORD_TYPE ("LaunchPermission", AmigoLaunchPermission, launch_permission_fields, amigo_launch_permission_get_type, amigo_launch_permission_free);

/**
 * amigo_launch_permission_new:
 * @user_id: (nullable): an AWS account id
 * @group: (nullable): a group: `all` for public
 * @organization_arn: (nullable): an organization ARN
 * @organizational_unit_arn: (nullable): an organizational unit ARN
 *
 * Returns: (transfer full): a new #AmigoLaunchPermission
 */
AmigoLaunchPermission *
amigo_launch_permission_new (const char *user_id,
                             const char *group,
                             const char *organization_arn,
                             const char *organizational_unit_arn)
{
  AmigoLaunchPermission *self = amigo_record_new (&amigo_launch_permission_record);
  self->user_id = amigo_pool_intern (user_id);
  self->group = amigo_pool_intern (group);
  self->organization_arn = g_strdup (organization_arn);
  self->organizational_unit_arn = g_strdup (organizational_unit_arn);

  return self;
}

/**
 * amigo_launch_permission_copy:
 * @self: a #AmigoLaunchPermission
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_launch_permission_free:
 * @self: (transfer full) (nullable): a #AmigoLaunchPermission
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoLaunchPermission, amigo_launch_permission, amigo_launch_permission_record)
