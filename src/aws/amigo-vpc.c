/* amigo-vpc.c — a VPC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-vpc.h"
#include "amigo-record-private.h"

struct _AmigoVpc
{
  GObject parent_instance;

  char *vpc_id;
  char *state;  /* pooled */
  char *cidr_block;
  char *dhcp_options_id;  /* pooled */
  char *instance_tenancy;  /* pooled */
  char *owner_id;  /* pooled */
  AmigoTag *tags;
  guint n_tags;
  gint8 is_default;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoVpc, amigo_vpc, G_TYPE_OBJECT)

static const AmigoRecordField vpc_fields[] = {
  AMIGO_RECORD_FIELD (AmigoVpc, "vpcId", "VpcId", "vpc-id", STRING, vpc_id),
  AMIGO_RECORD_FIELD (AmigoVpc, "state", "State", "state", POOLED, state),
  AMIGO_RECORD_FIELD (AmigoVpc, "cidrBlock", "CidrBlock", "cidr-block", STRING, cidr_block),
  AMIGO_RECORD_FIELD (AmigoVpc, "dhcpOptionsId", "DhcpOptionsId", "dhcp-options-id", POOLED, dhcp_options_id),
  AMIGO_RECORD_FIELD (AmigoVpc, "instanceTenancy", "InstanceTenancy", "instance-tenancy", POOLED, instance_tenancy),
  AMIGO_RECORD_FIELD (AmigoVpc, "isDefault", "IsDefault", "is-default", BOOLEAN, is_default),
  AMIGO_RECORD_FIELD (AmigoVpc, "ownerId", "OwnerId", "owner-id", POOLED, owner_id),
  AMIGO_RECORD_LIST (AmigoVpc, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_vpc_record =
  AMIGO_RECORD_TYPE ("Vpc", AmigoVpc, vpc_fields, amigo_vpc_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoVpc, amigo_vpc, amigo_vpc_record)

/**
 * amigo_vpc_new:
 *
 * Creates an empty AmigoVpc; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoVpc
 */
AmigoVpc *
amigo_vpc_new (void)
{
  return g_object_new (AMIGO_TYPE_VPC, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoVpc, amigo_vpc, AMIGO_IS_VPC, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoVpc, amigo_vpc, AMIGO_IS_VPC, Item, field)
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoVpc, amigo_vpc, AMIGO_IS_VPC, field)

/**
 * amigo_vpc_get_vpc_id:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): the VPC id (`vpcId`)
 */
GETTER (const char *, vpc_id, NULL)

/**
 * amigo_vpc_get_state:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): `pending` or `available` (`state`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_vpc_get_cidr_block:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): its primary IPv4 CIDR block (`cidrBlock`)
 */
GETTER (const char *, cidr_block, NULL)

/**
 * amigo_vpc_get_dhcp_options_id:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): its DHCP options (`dhcpOptionsId`)
 */
GETTER (const char *, dhcp_options_id, NULL)

/**
 * amigo_vpc_get_instance_tenancy:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): `default`, `dedicated` or `host` (`instanceTenancy`)
 */
GETTER (const char *, instance_tenancy, NULL)

/**
 * amigo_vpc_get_is_default:
 * @self: an #AmigoVpc
 *
 * Returns: whether it is the default VPC (`isDefault`); %FALSE when not given
 */
TRISTATE_GETTER (is_default)

/**
 * amigo_vpc_get_owner_id:
 * @self: an #AmigoVpc
 *
 * Returns: (transfer none) (nullable): the owner's account id (`ownerId`)
 */
GETTER (const char *, owner_id, NULL)

/**
 * amigo_vpc_get_tags:
 * @self: an #AmigoVpc
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
