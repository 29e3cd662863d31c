/* amigo-iam-shapes.h — the IAM operations Amigo uses, hand-written until
 * the generated model (amigo-iam-model.h, from botocore's iam service-2.json)
 * replaces them under the same names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-protocol.h"

G_BEGIN_DECLS

extern const AmigoServiceModel amigo_iam_model;
extern const AmigoOperation amigo_iam_op_get_role;
extern const AmigoOperation amigo_iam_op_create_role;
extern const AmigoOperation amigo_iam_op_get_role_policy;
extern const AmigoOperation amigo_iam_op_put_role_policy;

G_END_DECLS
