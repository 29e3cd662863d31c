/* amigo-rollout-dialog.h — rolling an image out to an Auto Scaling group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-autoscaling.h"
#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ROLLOUT_DIALOG (amigo_rollout_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoRolloutDialog, amigo_rollout_dialog, AMIGO, ROLLOUT_DIALOG, AdwWindow)

GtkWidget  *amigo_rollout_dialog_new              (GtkWindow             *parent,
                                                   AmigoAccount          *account,
                                                   const char            *region,
                                                   AmigoAutoScalingGroup *group,
                                                   AmigoImage            *image);
void        amigo_rollout_dialog_start            (AmigoRolloutDialog    *self);
void        amigo_rollout_dialog_cancel_refresh   (AmigoRolloutDialog    *self);
void        amigo_rollout_dialog_roll_back        (AmigoRolloutDialog    *self);
const char *amigo_rollout_dialog_get_status       (AmigoRolloutDialog    *self);
void        amigo_rollout_dialog_set_poll_interval_for_testing (AmigoRolloutDialog *self,
                                                                guint               ms);

G_END_DECLS
