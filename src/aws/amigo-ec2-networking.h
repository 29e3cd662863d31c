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

void       amigo_ec2_describe_regions_async  (AmigoEc2            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *amigo_ec2_describe_regions_finish (AmigoEc2            *self,
                                              GAsyncResult        *result,
                                              GError             **error);


/* ---- Where instances go ---------------------------------------------- */

void       amigo_ec2_describe_security_groups_async  (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_security_groups_finish (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_subnets_async          (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_subnets_finish         (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);
void       amigo_ec2_describe_vpcs_async             (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_vpcs_finish            (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

G_END_DECLS
