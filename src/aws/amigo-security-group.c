/* amigo-security-group.c — an EC2 security group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-security-group.h"
#include "amigo-record-private.h"

struct _AmigoSecurityGroup
{
  GObject parent_instance;

  char *group_id;
  char *group_name;
  char *description;
  char *vpc_id;  /* pooled */
  char *owner_id;  /* pooled */
  char *security_group_arn;
  AmigoTag *tags;
  guint n_tags;
};

G_DEFINE_FINAL_TYPE (AmigoSecurityGroup, amigo_security_group, G_TYPE_OBJECT)

static const AmigoRecordField security_group_fields[] = {
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "groupId", "GroupId", "group-id", STRING, group_id),
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "groupName", "GroupName", "group-name", STRING, group_name),
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "groupDescription", "Description", "description", STRING, description),
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "vpcId", "VpcId", "vpc-id", POOLED, vpc_id),
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "ownerId", "OwnerId", "owner-id", POOLED, owner_id),
  AMIGO_RECORD_FIELD (AmigoSecurityGroup, "securityGroupArn", "SecurityGroupArn", "security-group-arn", STRING, security_group_arn),
  AMIGO_RECORD_LIST (AmigoSecurityGroup, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_security_group_record =
  AMIGO_RECORD_TYPE ("SecurityGroup", AmigoSecurityGroup, security_group_fields, amigo_security_group_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoSecurityGroup, amigo_security_group, amigo_security_group_record)

/**
 * amigo_security_group_new:
 *
 * Creates an empty AmigoSecurityGroup; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoSecurityGroup
 */
AmigoSecurityGroup *
amigo_security_group_new (void)
{
  return g_object_new (AMIGO_TYPE_SECURITY_GROUP, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoSecurityGroup, amigo_security_group, AMIGO_IS_SECURITY_GROUP, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoSecurityGroup, amigo_security_group, AMIGO_IS_SECURITY_GROUP, Item, field)

/**
 * amigo_security_group_get_group_id:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the group id (`groupId`)
 */
GETTER (const char *, group_id, NULL)

/**
 * amigo_security_group_get_group_name:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the name (`groupName`)
 */
GETTER (const char *, group_name, NULL)

/**
 * amigo_security_group_get_description:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the description (`groupDescription`)
 */
GETTER (const char *, description, NULL)

/**
 * amigo_security_group_get_vpc_id:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the VPC (`vpcId`)
 */
GETTER (const char *, vpc_id, NULL)

/**
 * amigo_security_group_get_owner_id:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the owner's account id (`ownerId`)
 */
GETTER (const char *, owner_id, NULL)

/**
 * amigo_security_group_get_security_group_arn:
 * @self: an #AmigoSecurityGroup
 *
 * Returns: (transfer none) (nullable): the ARN (`securityGroupArn`)
 */
GETTER (const char *, security_group_arn, NULL)

/**
 * amigo_security_group_get_tags:
 * @self: an #AmigoSecurityGroup
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
