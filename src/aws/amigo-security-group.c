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
  { "groupId", "GroupId", "group-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSecurityGroup, group_id), AMIGO_FIELD_NO_AUX, NULL },
  { "groupName", "GroupName", "group-name", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSecurityGroup, group_name), AMIGO_FIELD_NO_AUX, NULL },
  { "groupDescription", "Description", "description", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSecurityGroup, description), AMIGO_FIELD_NO_AUX, NULL },
  { "vpcId", "VpcId", "vpc-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSecurityGroup, vpc_id), AMIGO_FIELD_NO_AUX, NULL },
  { "ownerId", "OwnerId", "owner-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSecurityGroup, owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "securityGroupArn", "SecurityGroupArn", "security-group-arn", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSecurityGroup, security_group_arn), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoSecurityGroup, tags), G_STRUCT_OFFSET (AmigoSecurityGroup, n_tags), &amigo_tag_record },
};

AmigoRecordType amigo_security_group_record =
  AMIGO_RECORD_TYPE ("SecurityGroup", AmigoSecurityGroup, security_group_fields, amigo_security_group_get_type, NULL);

static void
amigo_security_group_finalize (GObject *object)
{
  amigo_record_clear (&amigo_security_group_record, object);

  G_OBJECT_CLASS (amigo_security_group_parent_class)->finalize (object);
}

static void
amigo_security_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_security_group_record, object, prop_id, value, pspec);
}

static void
amigo_security_group_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_security_group_record, object, prop_id, value, pspec);
}

static void
amigo_security_group_class_init (AmigoSecurityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_security_group_finalize;
  object_class->get_property = amigo_security_group_get_property;
  object_class->set_property = amigo_security_group_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_security_group_record);
}

static void
amigo_security_group_init (AmigoSecurityGroup *self)
{
  amigo_record_init (&amigo_security_group_record, self);
}

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
