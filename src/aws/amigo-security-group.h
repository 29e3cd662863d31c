/* amigo-security-group.h — an EC2 security group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SECURITY_GROUP (amigo_security_group_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSecurityGroup, amigo_security_group, AMIGO, SECURITY_GROUP, GObject)

AmigoSecurityGroup *amigo_security_group_new                    (void);
const char         *amigo_security_group_get_group_id           (AmigoSecurityGroup *self);
const char         *amigo_security_group_get_group_name         (AmigoSecurityGroup *self);
const char         *amigo_security_group_get_description        (AmigoSecurityGroup *self);
const char         *amigo_security_group_get_vpc_id             (AmigoSecurityGroup *self);
const char         *amigo_security_group_get_owner_id           (AmigoSecurityGroup *self);
const char         *amigo_security_group_get_security_group_arn (AmigoSecurityGroup *self);
const AmigoTag     *amigo_security_group_get_tags               (AmigoSecurityGroup *self,
                                                                 guint              *n_tags);

G_END_DECLS
