/* amigo-ec2-networking.c — where instances go: regions, VPCs, subnets,
 * security groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-ec2-private.h"

static const AmigoEc2DescribeList
  describe_security_groups = { "DescribeSecurityGroups", "GroupId", AMIGO_EC2_DEFAULT_PAGE_SIZE, amigo_ec2_parser_new_describe_security_groups },
  describe_subnets = { "DescribeSubnets", "SubnetId", AMIGO_EC2_DEFAULT_PAGE_SIZE, amigo_ec2_parser_new_describe_subnets },
  describe_vpcs = { "DescribeVpcs", "VpcId", AMIGO_EC2_DEFAULT_PAGE_SIZE, amigo_ec2_parser_new_describe_vpcs };

/**
 * amigo_ec2_describe_regions_async:
 * @self: an #AmigoEc2 (any region of the account)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists every region of the partition (`AllRegions=true`), with whether the
 * account has enabled it (#AmigoRegion:opt-in-status is
 * `opt-in-not-required`, `opted-in` or `not-opted-in`).
 */
void
amigo_ec2_describe_regions_async (AmigoEc2            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = _amigo_ec2_query_new ("DescribeRegions");
  amigo_ec2_query_add_boolean (q, "AllRegions", TRUE);
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_describe_regions, cancellable, callback,
                         user_data, amigo_ec2_describe_regions_async);
}

/**
 * amigo_ec2_describe_regions_finish:
 *
 * Returns: (transfer container) (element-type AmigoRegion) (nullable): the
 *   regions, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, describe_regions)

/**
 * amigo_ec2_describe_security_groups_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are group ids (`GroupId.N`); filters such as
 *   `vpc-id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSecurityGroups, every page.
 */
/**
 * amigo_ec2_describe_security_groups_finish:
 *
 * Returns: (transfer container) (element-type AmigoSecurityGroup) (nullable):
 *   the groups, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_security_groups, describe_security_groups)

/**
 * amigo_ec2_describe_subnets_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are subnet ids (`SubnetId.N`); filters such
 *   as `vpc-id`, `default-for-az`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSubnets, every page.
 */
/**
 * amigo_ec2_describe_subnets_finish:
 *
 * Returns: (transfer container) (element-type AmigoSubnet) (nullable): the
 *   subnets, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_subnets, describe_subnets)

/**
 * amigo_ec2_describe_vpcs_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are VPC ids (`VpcId.N`); filters such as
 *   `is-default`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeVpcs, every page.
 */
/**
 * amigo_ec2_describe_vpcs_finish:
 *
 * Returns: (transfer container) (element-type AmigoVpc) (nullable): the
 *   VPCs, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_vpcs, describe_vpcs)
