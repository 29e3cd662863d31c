/* amigo-vpc.h — a VPC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_VPC (amigo_vpc_get_type ())

G_DECLARE_FINAL_TYPE (AmigoVpc, amigo_vpc, AMIGO, VPC, GObject)

AmigoVpc       *amigo_vpc_new                  (void);
const char     *amigo_vpc_get_vpc_id           (AmigoVpc *self);
const char     *amigo_vpc_get_state            (AmigoVpc *self);
const char     *amigo_vpc_get_cidr_block       (AmigoVpc *self);
const char     *amigo_vpc_get_dhcp_options_id  (AmigoVpc *self);
const char     *amigo_vpc_get_instance_tenancy (AmigoVpc *self);
gboolean        amigo_vpc_get_is_default       (AmigoVpc *self);
const char     *amigo_vpc_get_owner_id         (AmigoVpc *self);
const AmigoTag *amigo_vpc_get_tags             (AmigoVpc *self,
                                                guint    *n_tags);

G_END_DECLS
