/* amigo-group-identifier.c — a security group as an instance refers to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-group-identifier.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoGroupIdentifier, amigo_group_identifier, amigo_group_identifier_copy, amigo_group_identifier_free)

static const AmigoRecordField group_identifier_fields[] = {
  AMIGO_RECORD_FIELD (AmigoGroupIdentifier, "groupId", "GroupId", NULL, POOLED, group_id),
  AMIGO_RECORD_FIELD (AmigoGroupIdentifier, "groupName", "GroupName", NULL, POOLED, group_name),
};

AmigoRecordType amigo_group_identifier_record =
  AMIGO_RECORD_TYPE ("GroupIdentifier", AmigoGroupIdentifier, group_identifier_fields, amigo_group_identifier_get_type, amigo_group_identifier_free);

/**
 * amigo_group_identifier_new:
 * @group_id: (nullable): the group id
 * @group_name: (nullable): the group name
 *
 * Returns: (transfer full): a new #AmigoGroupIdentifier
 */
AmigoGroupIdentifier *
amigo_group_identifier_new (const char *group_id,
                            const char *group_name)
{
  AmigoGroupIdentifier *self = amigo_record_new (&amigo_group_identifier_record);
  self->group_id = amigo_pool_intern (group_id);
  self->group_name = amigo_pool_intern (group_name);

  return self;
}

/**
 * amigo_group_identifier_copy:
 * @self: a #AmigoGroupIdentifier
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_group_identifier_free:
 * @self: (transfer full) (nullable): a #AmigoGroupIdentifier
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoGroupIdentifier, amigo_group_identifier, amigo_group_identifier_record)
