/* amigo-ssm-model.h — the SSM operations Amigo uses (Parameter Store's
 * public parameters), as the generated models will declare them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-protocol.h"
#include "amigo-shape.h"

G_BEGIN_DECLS

extern const AmigoServiceModel amigo_ssm_model;
extern const AmigoOperation amigo_ssm_op_get_parameters_by_path;
extern const AmigoOperation amigo_ssm_op_get_parameters;

G_END_DECLS
