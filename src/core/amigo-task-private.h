/* amigo-task-private.h — what only the task manager changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-task.h"

G_BEGIN_DECLS

/* Each notifies its property (and "can-cancel") only when the value changes.
 * Leaving RUNNING stamps "finished" with the current time if it is unset. */
void        _amigo_task_set_state        (AmigoTask      *self,
                                          AmigoTaskState  state);
void        _amigo_task_set_percent      (AmigoTask      *self,
                                          int             percent);
void        _amigo_task_set_message      (AmigoTask      *self,
                                          const char     *message);
void        _amigo_task_set_started      (AmigoTask      *self,
                                          gint64          started);
void        _amigo_task_set_finished     (AmigoTask      *self,
                                          gint64          finished);
/* An import's id once its upload is done and ImportImage answered. */
void        _amigo_task_set_resource_ids (AmigoTask      *self,
                                          const char * const *resource_ids);

/* The names the state file uses: "create-image", "running", … */
const char *_amigo_task_kind_to_string   (AmigoTaskKind   kind);
gboolean    _amigo_task_kind_from_string (const char     *text,
                                          AmigoTaskKind  *kind);
const char *_amigo_task_state_to_string  (AmigoTaskState  state);
gboolean    _amigo_task_state_from_string (const char    *text,
                                           AmigoTaskState *state);

G_END_DECLS
