/* amigo-action-context.h — what an action dialog acts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-account.h"
#include "amigo-ec2.h"
#include "amigo-task-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACTION_CONTEXT (amigo_action_context_get_type ())

G_DECLARE_FINAL_TYPE (AmigoActionContext, amigo_action_context, AMIGO, ACTION_CONTEXT, GObject)

AmigoActionContext *amigo_action_context_new          (AmigoAccount       *account,
                                                       AmigoClient        *client,
                                                       const char         *region,
                                                       GPtrArray          *images,
                                                       AmigoTaskManager   *tasks);
AmigoAccount       *amigo_action_context_get_account  (AmigoActionContext *self);
AmigoClient        *amigo_action_context_get_client   (AmigoActionContext *self);
const char         *amigo_action_context_get_region   (AmigoActionContext *self);
AmigoImage         *amigo_action_context_get_image    (AmigoActionContext *self);
GPtrArray          *amigo_action_context_get_images   (AmigoActionContext *self);
void                amigo_action_context_set_image_parameter (AmigoActionContext *self,
                                                              const char         *parameter);
const char         *amigo_action_context_get_image_parameter (AmigoActionContext *self);
AmigoTaskManager   *amigo_action_context_get_tasks    (AmigoActionContext *self);
AmigoEc2           *amigo_action_context_dup_ec2      (AmigoActionContext *self,
                                                       const char         *region,
                                                       GError            **error);
void                amigo_action_context_add_task     (AmigoActionContext *self,
                                                       AmigoTaskKind       kind,
                                                       const char         *region,
                                                       const char * const *resource_ids,
                                                       const char         *title,
                                                       JsonNode           *pending);
void                amigo_action_context_changed      (AmigoActionContext *self);
void                amigo_action_context_toast        (AmigoActionContext *self,
                                                       const char         *text);

G_END_DECLS
