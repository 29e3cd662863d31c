/* amigo-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"
#include "amigo-task-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_APPLICATION (amigo_application_get_type ())

G_DECLARE_FINAL_TYPE (AmigoApplication, amigo_application, AMIGO, APPLICATION, AdwApplication)

AmigoApplication    *amigo_application_new                 (void);
GSettings           *amigo_application_get_settings        (AmigoApplication *self);
AmigoAccountManager *amigo_application_get_account_manager (AmigoApplication *self);
AmigoTaskManager    *amigo_application_get_task_manager    (AmigoApplication *self);

G_END_DECLS
