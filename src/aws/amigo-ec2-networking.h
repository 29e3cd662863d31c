/* amigo-ec2-networking.h — regions, VPCs, subnets, security groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-region.h"
#include "amigo-security-group.h"
#include "amigo-subnet.h"
#include "amigo-vpc.h"

G_BEGIN_DECLS

/* ---- Regions ---------------------------------------------------------- */

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_regions);


/* ---- Where instances go ---------------------------------------------- */

AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_security_groups);
AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_subnets);
AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_vpcs);

G_END_DECLS
