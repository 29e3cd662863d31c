/* amigo-autoscaling-model.h — the Auto Scaling operations Amigo uses, as
 * the generated models will declare them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-protocol.h"
#include "amigo-shape.h"

G_BEGIN_DECLS

extern const AmigoServiceModel amigo_autoscaling_model;
extern const AmigoOperation amigo_autoscaling_op_describe_auto_scaling_groups;
extern const AmigoOperation amigo_autoscaling_op_update_auto_scaling_group;
extern const AmigoOperation amigo_autoscaling_op_start_instance_refresh;
extern const AmigoOperation amigo_autoscaling_op_describe_instance_refreshes;
extern const AmigoOperation amigo_autoscaling_op_cancel_instance_refresh;
extern const AmigoOperation amigo_autoscaling_op_rollback_instance_refresh;

G_END_DECLS
