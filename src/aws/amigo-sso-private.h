/* amigo-sso-private.h — shared by the files of IAM Identity Center
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "amigo-protocol.h"
#include "amigo-sso.h"
#include "amigo-sso-oidc-model.h"

G_BEGIN_DECLS

const char *_amigo_sso_member_string    (JsonObject *object,
                                         const char *name);
gint64      _amigo_sso_member_int       (JsonObject *object,
                                         const char *name);

JsonNode   *_amigo_sso_params           (const char *first_name,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
