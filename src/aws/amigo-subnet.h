/* amigo-subnet.h — a VPC subnet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SUBNET (amigo_subnet_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSubnet, amigo_subnet, AMIGO, SUBNET, GObject)

AmigoSubnet    *amigo_subnet_new                                 (void);
const char     *amigo_subnet_get_subnet_id                       (AmigoSubnet *self);
const char     *amigo_subnet_get_vpc_id                          (AmigoSubnet *self);
const char     *amigo_subnet_get_state                           (AmigoSubnet *self);
const char     *amigo_subnet_get_availability_zone               (AmigoSubnet *self);
const char     *amigo_subnet_get_availability_zone_id            (AmigoSubnet *self);
const char     *amigo_subnet_get_cidr_block                      (AmigoSubnet *self);
gint            amigo_subnet_get_available_ip_address_count      (AmigoSubnet *self);
gboolean        amigo_subnet_get_default_for_az                  (AmigoSubnet *self);
gboolean        amigo_subnet_get_map_public_ip_on_launch         (AmigoSubnet *self);
gboolean        amigo_subnet_get_assign_ipv6_address_on_creation (AmigoSubnet *self);
gboolean        amigo_subnet_get_ipv6_native                     (AmigoSubnet *self);
const char     *amigo_subnet_get_owner_id                        (AmigoSubnet *self);
const char     *amigo_subnet_get_subnet_arn                      (AmigoSubnet *self);
const char     *amigo_subnet_get_outpost_arn                     (AmigoSubnet *self);
const AmigoTag *amigo_subnet_get_tags                            (AmigoSubnet *self,
                                                                  guint       *n_tags);

G_END_DECLS
