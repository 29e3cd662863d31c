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
  AMIGO_RECORD_FIELD (AmigoSubnet, "subnetId", "SubnetId", "subnet-id", STRING, subnet_id),
  AMIGO_RECORD_FIELD (AmigoSubnet, "vpcId", "VpcId", "vpc-id", POOLED, vpc_id),
  AMIGO_RECORD_FIELD (AmigoSubnet, "state", "State", "state", POOLED, state),
  AMIGO_RECORD_FIELD (AmigoSubnet, "availabilityZone", "AvailabilityZone", "availability-zone", POOLED, availability_zone),
  AMIGO_RECORD_FIELD (AmigoSubnet, "availabilityZoneId", "AvailabilityZoneId", "availability-zone-id", POOLED, availability_zone_id),
  AMIGO_RECORD_FIELD (AmigoSubnet, "cidrBlock", "CidrBlock", "cidr-block", STRING, cidr_block),
  AMIGO_RECORD_FIELD (AmigoSubnet, "availableIpAddressCount", "AvailableIpAddressCount", "available-ip-address-count", INT, available_ip_address_count),
  AMIGO_RECORD_FIELD (AmigoSubnet, "defaultForAz", "DefaultForAz", "default-for-az", BOOLEAN, default_for_az),
  AMIGO_RECORD_FIELD (AmigoSubnet, "mapPublicIpOnLaunch", "MapPublicIpOnLaunch", "map-public-ip-on-launch", BOOLEAN, map_public_ip_on_launch),
  AMIGO_RECORD_FIELD (AmigoSubnet, "assignIpv6AddressOnCreation", "AssignIpv6AddressOnCreation", "assign-ipv6-address-on-creation", BOOLEAN, assign_ipv6_address_on_creation),
  AMIGO_RECORD_FIELD (AmigoSubnet, "ipv6Native", "Ipv6Native", "ipv6-native", BOOLEAN, ipv6_native),
  AMIGO_RECORD_FIELD (AmigoSubnet, "ownerId", "OwnerId", "owner-id", POOLED, owner_id),
  AMIGO_RECORD_FIELD (AmigoSubnet, "subnetArn", "SubnetArn", "subnet-arn", STRING, subnet_arn),
  AMIGO_RECORD_FIELD (AmigoSubnet, "outpostArn", "OutpostArn", "outpost-arn", POOLED, outpost_arn),
  AMIGO_RECORD_LIST (AmigoSubnet, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_subnet_record =
  AMIGO_RECORD_TYPE ("Subnet", AmigoSubnet, subnet_fields, amigo_subnet_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoSubnet, amigo_subnet, amigo_subnet_record)

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
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoSubnet, amigo_subnet, AMIGO_IS_SUBNET, field)

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
TRISTATE_GETTER (default_for_az)

/**
 * amigo_subnet_get_map_public_ip_on_launch:
 * @self: an #AmigoSubnet
 *
 * Returns: whether instances get a public IPv4 address (`mapPublicIpOnLaunch`); %FALSE when not given
 */
TRISTATE_GETTER (map_public_ip_on_launch)

/**
 * amigo_subnet_get_assign_ipv6_address_on_creation:
 * @self: an #AmigoSubnet
 *
 * Returns: whether network interfaces get an IPv6 address (`assignIpv6AddressOnCreation`); %FALSE when not given
 */
TRISTATE_GETTER (assign_ipv6_address_on_creation)

/**
 * amigo_subnet_get_ipv6_native:
 * @self: an #AmigoSubnet
 *
 * Returns: whether it is IPv6 only (`ipv6Native`); %FALSE when not given
 */
TRISTATE_GETTER (ipv6_native)

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
