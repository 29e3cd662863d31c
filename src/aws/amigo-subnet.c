/* amigo-subnet.c — a VPC subnet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-subnet.h"
#include "amigo-record-private.h"

struct _AmigoSubnet
{
  GObject parent_instance;

  char *subnet_id;
  char *vpc_id;  /* pooled */
  char *state;  /* pooled */
  char *availability_zone;  /* pooled */
  char *availability_zone_id;  /* pooled */
  char *cidr_block;
  char *owner_id;  /* pooled */
  char *subnet_arn;
  char *outpost_arn;  /* pooled */
  AmigoTag *tags;
  gint32 available_ip_address_count;
  guint n_tags;
  gint8 default_for_az;  /* AmigoTristate */
  gint8 map_public_ip_on_launch;  /* AmigoTristate */
  gint8 assign_ipv6_address_on_creation;  /* AmigoTristate */
  gint8 ipv6_native;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoSubnet, amigo_subnet, G_TYPE_OBJECT)

static const AmigoRecordField subnet_fields[] = {
  { "subnetId", "SubnetId", "subnet-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSubnet, subnet_id), AMIGO_FIELD_NO_AUX, NULL },
  { "vpcId", "VpcId", "vpc-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, vpc_id), AMIGO_FIELD_NO_AUX, NULL },
  { "state", "State", "state", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, state), AMIGO_FIELD_NO_AUX, NULL },
  { "availabilityZone", "AvailabilityZone", "availability-zone", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, availability_zone), AMIGO_FIELD_NO_AUX, NULL },
  { "availabilityZoneId", "AvailabilityZoneId", "availability-zone-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, availability_zone_id), AMIGO_FIELD_NO_AUX, NULL },
  { "cidrBlock", "CidrBlock", "cidr-block", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSubnet, cidr_block), AMIGO_FIELD_NO_AUX, NULL },
  { "availableIpAddressCount", "AvailableIpAddressCount", "available-ip-address-count", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoSubnet, available_ip_address_count), AMIGO_FIELD_NO_AUX, NULL },
  { "defaultForAz", "DefaultForAz", "default-for-az", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoSubnet, default_for_az), AMIGO_FIELD_NO_AUX, NULL },
  { "mapPublicIpOnLaunch", "MapPublicIpOnLaunch", "map-public-ip-on-launch", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoSubnet, map_public_ip_on_launch), AMIGO_FIELD_NO_AUX, NULL },
  { "assignIpv6AddressOnCreation", "AssignIpv6AddressOnCreation", "assign-ipv6-address-on-creation", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoSubnet, assign_ipv6_address_on_creation), AMIGO_FIELD_NO_AUX, NULL },
  { "ipv6Native", "Ipv6Native", "ipv6-native", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoSubnet, ipv6_native), AMIGO_FIELD_NO_AUX, NULL },
  { "ownerId", "OwnerId", "owner-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "subnetArn", "SubnetArn", "subnet-arn", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSubnet, subnet_arn), AMIGO_FIELD_NO_AUX, NULL },
  { "outpostArn", "OutpostArn", "outpost-arn", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSubnet, outpost_arn), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoSubnet, tags), G_STRUCT_OFFSET (AmigoSubnet, n_tags), &amigo_tag_record },
};

AmigoRecordType amigo_subnet_record =
  AMIGO_RECORD_TYPE ("Subnet", AmigoSubnet, subnet_fields, amigo_subnet_get_type, NULL);

static void
amigo_subnet_finalize (GObject *object)
{
  amigo_record_clear (&amigo_subnet_record, object);

  G_OBJECT_CLASS (amigo_subnet_parent_class)->finalize (object);
}

static void
amigo_subnet_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_subnet_record, object, prop_id, value, pspec);
}

static void
amigo_subnet_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_subnet_record, object, prop_id, value, pspec);
}

static void
amigo_subnet_class_init (AmigoSubnetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_subnet_finalize;
  object_class->get_property = amigo_subnet_get_property;
  object_class->set_property = amigo_subnet_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_subnet_record);
}

static void
amigo_subnet_init (AmigoSubnet *self)
{
  amigo_record_init (&amigo_subnet_record, self);
}

/**
 * amigo_subnet_new:
 *
 * Creates an empty AmigoSubnet; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoSubnet
 */
AmigoSubnet *
amigo_subnet_new (void)
{
  return g_object_new (AMIGO_TYPE_SUBNET, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoSubnet, amigo_subnet, AMIGO_IS_SUBNET, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoSubnet, amigo_subnet, AMIGO_IS_SUBNET, Item, field)

/**
 * amigo_subnet_get_subnet_id:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): the subnet id (`subnetId`)
 */
GETTER (const char *, subnet_id, NULL)

/**
 * amigo_subnet_get_vpc_id:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): its VPC (`vpcId`)
 */
GETTER (const char *, vpc_id, NULL)

/**
 * amigo_subnet_get_state:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): `pending`, `available`, `unavailable`, `failed`, `failed-insufficient-capacity` (`state`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_subnet_get_availability_zone:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): its Availability Zone (`availabilityZone`)
 */
GETTER (const char *, availability_zone, NULL)

/**
 * amigo_subnet_get_availability_zone_id:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): its Availability Zone id (`availabilityZoneId`)
 */
GETTER (const char *, availability_zone_id, NULL)

/**
 * amigo_subnet_get_cidr_block:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): its IPv4 CIDR block (`cidrBlock`)
 */
GETTER (const char *, cidr_block, NULL)

/**
 * amigo_subnet_get_available_ip_address_count:
 * @self: an #AmigoSubnet
 *
 * Returns: how many IPv4 addresses are free, -1 if not given (`availableIpAddressCount`)
 */
GETTER (gint, available_ip_address_count, -1)

/**
 * amigo_subnet_get_default_for_az:
 * @self: an #AmigoSubnet
 *
 * Returns: whether it is the default subnet of its zone (`defaultForAz`); %FALSE when not given
 */
gboolean
amigo_subnet_get_default_for_az (AmigoSubnet *self)
{
  g_return_val_if_fail (AMIGO_IS_SUBNET (self), FALSE);

  return self->default_for_az == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_subnet_get_map_public_ip_on_launch:
 * @self: an #AmigoSubnet
 *
 * Returns: whether instances get a public IPv4 address (`mapPublicIpOnLaunch`); %FALSE when not given
 */
gboolean
amigo_subnet_get_map_public_ip_on_launch (AmigoSubnet *self)
{
  g_return_val_if_fail (AMIGO_IS_SUBNET (self), FALSE);

  return self->map_public_ip_on_launch == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_subnet_get_assign_ipv6_address_on_creation:
 * @self: an #AmigoSubnet
 *
 * Returns: whether network interfaces get an IPv6 address (`assignIpv6AddressOnCreation`); %FALSE when not given
 */
gboolean
amigo_subnet_get_assign_ipv6_address_on_creation (AmigoSubnet *self)
{
  g_return_val_if_fail (AMIGO_IS_SUBNET (self), FALSE);

  return self->assign_ipv6_address_on_creation == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_subnet_get_ipv6_native:
 * @self: an #AmigoSubnet
 *
 * Returns: whether it is IPv6 only (`ipv6Native`); %FALSE when not given
 */
gboolean
amigo_subnet_get_ipv6_native (AmigoSubnet *self)
{
  g_return_val_if_fail (AMIGO_IS_SUBNET (self), FALSE);

  return self->ipv6_native == AMIGO_TRISTATE_TRUE;
}

/**
 * amigo_subnet_get_owner_id:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): the owner's account id (`ownerId`)
 */
GETTER (const char *, owner_id, NULL)

/**
 * amigo_subnet_get_subnet_arn:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): the ARN (`subnetArn`)
 */
GETTER (const char *, subnet_arn, NULL)

/**
 * amigo_subnet_get_outpost_arn:
 * @self: an #AmigoSubnet
 *
 * Returns: (transfer none) (nullable): the Outpost (`outpostArn`)
 */
GETTER (const char *, outpost_arn, NULL)

/**
 * amigo_subnet_get_tags:
 * @self: an #AmigoSubnet
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
