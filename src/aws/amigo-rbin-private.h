/* amigo-rbin-private.h — the Recycle Bin's model and operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-protocol.h"
#include "amigo-shape.h"

G_BEGIN_DECLS

extern const AmigoServiceModel _amigo_rbin_model;
extern const AmigoOperation _amigo_rbin_op_list_rules;
extern const AmigoOperation _amigo_rbin_op_get_rule;
extern const AmigoOperation _amigo_rbin_op_create_rule;

G_END_DECLS
