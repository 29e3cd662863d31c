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

gint64      _amigo_sso_member_int       (JsonObject *object,
                                         const char *name);

G_END_DECLS
