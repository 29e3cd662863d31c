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
  { "vpcId", "VpcId", "vpc-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoVpc, vpc_id), AMIGO_FIELD_NO_AUX, NULL },
  { "state", "State", "state", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVpc, state), AMIGO_FIELD_NO_AUX, NULL },
  { "cidrBlock", "CidrBlock", "cidr-block", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoVpc, cidr_block), AMIGO_FIELD_NO_AUX, NULL },
  { "dhcpOptionsId", "DhcpOptionsId", "dhcp-options-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVpc, dhcp_options_id), AMIGO_FIELD_NO_AUX, NULL },
  { "instanceTenancy", "InstanceTenancy", "instance-tenancy", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVpc, instance_tenancy), AMIGO_FIELD_NO_AUX, NULL },
  { "isDefault", "IsDefault", "is-default", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoVpc, is_default), AMIGO_FIELD_NO_AUX, NULL },
  { "ownerId", "OwnerId", "owner-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVpc, owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoVpc, tags), G_STRUCT_OFFSET (AmigoVpc, n_tags), &amigo_tag_record },
};

AmigoRecordType amigo_vpc_record =
  AMIGO_RECORD_TYPE ("Vpc", AmigoVpc, vpc_fields, amigo_vpc_get_type, NULL);

static void
amigo_vpc_finalize (GObject *object)
{
  amigo_record_clear (&amigo_vpc_record, object);

  G_OBJECT_CLASS (amigo_vpc_parent_class)->finalize (object);
}

static void
amigo_vpc_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_vpc_record, object, prop_id, value, pspec);
}

static void
amigo_vpc_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_vpc_record, object, prop_id, value, pspec);
}

static void
amigo_vpc_class_init (AmigoVpcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_vpc_finalize;
  object_class->get_property = amigo_vpc_get_property;
  object_class->set_property = amigo_vpc_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_vpc_record);
}

static void
amigo_vpc_init (AmigoVpc *self)
{
  amigo_record_init (&amigo_vpc_record, self);
}

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
gboolean
amigo_vpc_get_is_default (AmigoVpc *self)
{
  g_return_val_if_fail (AMIGO_IS_VPC (self), FALSE);

  return self->is_default == AMIGO_TRISTATE_TRUE;
}

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
