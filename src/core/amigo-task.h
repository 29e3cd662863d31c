/* amigo-task.h — long work AWS does for us, watched until it ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AmigoTaskKind:
 * @AMIGO_TASK_KIND_CREATE_IMAGE: an image made by CreateImage, pending → available
 * @AMIGO_TASK_KIND_REGISTER_IMAGE: an image made by RegisterImage
 * @AMIGO_TASK_KIND_COPY_IMAGE: a copy in another region; progress from its snapshots
 * @AMIGO_TASK_KIND_LAUNCH: instances from RunInstances, pending → running
 * @AMIGO_TASK_KIND_IMPORT_IMAGE: an ImportImage task (resource: its
 *   `import-ami-…` id), active → completed; its message then holds the AMI id
 * @AMIGO_TASK_KIND_EXPORT_IMAGE: an ExportImage task (resources: its
 *   `export-ami-…` id and the `s3://bucket/key` of the file it writes)
 * @AMIGO_TASK_KIND_STORE_IMAGE: CreateStoreImageTask (resources: the image
 *   id and the `s3://bucket/key` of its object)
 * @AMIGO_TASK_KIND_RESTORE_IMAGE: an image made by CreateRestoreImageTask
 * @AMIGO_TASK_KIND_INSTANCE_REFRESH: an Auto Scaling instance refresh
 *   (resources: the group's name and the refresh id); cancelled with
 *   CancelInstanceRefresh, rolled back with RollbackInstanceRefresh
 */
typedef enum {
  AMIGO_TASK_KIND_CREATE_IMAGE,
  AMIGO_TASK_KIND_REGISTER_IMAGE,
  AMIGO_TASK_KIND_COPY_IMAGE,
  AMIGO_TASK_KIND_LAUNCH,
  AMIGO_TASK_KIND_IMPORT_IMAGE,
  AMIGO_TASK_KIND_EXPORT_IMAGE,
  AMIGO_TASK_KIND_STORE_IMAGE,
  AMIGO_TASK_KIND_RESTORE_IMAGE,
  AMIGO_TASK_KIND_INSTANCE_REFRESH,
} AmigoTaskKind;

/**
 * AmigoTaskState:
 * @AMIGO_TASK_STATE_RUNNING: AWS is still at it
 * @AMIGO_TASK_STATE_SUCCEEDED: done (image available, instances running)
 * @AMIGO_TASK_STATE_FAILED: AWS reports a failure (see the task's message)
 * @AMIGO_TASK_STATE_CANCELLED: the person cancelled it (a copy: the copy
 *   was deregistered; instances: terminated)
 */
typedef enum {
  AMIGO_TASK_STATE_RUNNING,
  AMIGO_TASK_STATE_SUCCEEDED,
  AMIGO_TASK_STATE_FAILED,
  AMIGO_TASK_STATE_CANCELLED,
} AmigoTaskState;

#define AMIGO_TYPE_TASK_KIND (amigo_task_kind_get_type ())
GType amigo_task_kind_get_type (void) G_GNUC_CONST;
#define AMIGO_TYPE_TASK_STATE (amigo_task_state_get_type ())
GType amigo_task_state_get_type (void) G_GNUC_CONST;

#define AMIGO_TYPE_TASK (amigo_task_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTask, amigo_task, AMIGO, TASK, GObject)

/* @resource_ids: the image id (image kinds) or the instance ids (launch). */
AmigoTask      *amigo_task_new               (AmigoTaskKind        kind,
                                              const char          *account_id,
                                              const char          *region,
                                              const char * const  *resource_ids,
                                              const char          *title);
/* A new task put where a saved record of it says (the task state file's
 * loader): see the function's documentation. */
void            amigo_task_restore_state     (AmigoTask           *self,
                                              AmigoTaskState       state,
                                              const char          *message,
                                              gint64               started,
                                              gint64               finished);
AmigoTaskKind   amigo_task_get_kind          (AmigoTask           *self);
const char     *amigo_task_get_title         (AmigoTask           *self);
const char     *amigo_task_get_account_id    (AmigoTask           *self);
const char     *amigo_task_get_region        (AmigoTask           *self);
const char * const *amigo_task_get_resource_ids (AmigoTask        *self);
AmigoTaskState  amigo_task_get_state         (AmigoTask           *self);
/* 0–100, or -1 when AWS does not say. */
int             amigo_task_get_percent       (AmigoTask           *self);
const char     *amigo_task_get_message       (AmigoTask           *self);
gint64          amigo_task_get_started       (AmigoTask           *self);
/* When it ended (wall clock, µs), 0 while it runs. */
gint64          amigo_task_get_finished      (AmigoTask           *self);
/* Whether AWS lets the person stop it now (a running copy only); when
 * not, amigo_task_get_cancel_hint() says why, for a tooltip. */
gboolean        amigo_task_get_can_cancel    (AmigoTask           *self);
const char     *amigo_task_get_cancel_hint   (AmigoTask           *self);
/* Whether the task can be rolled back (a running instance refresh). */
gboolean        amigo_task_get_can_roll_back (AmigoTask           *self);
/* What a finished task made, for the task list's button: the image to
 * show (an import's AMI, a made or copied image), or the s3:// location of
 * an export's file or a stored image; %NULL when there is none. */
const char     *amigo_task_get_result_image_id (AmigoTask         *self);
const char     *amigo_task_get_result_location (AmigoTask         *self);
/* Its state in a word for people: "Running", "Done", "Failed", "Cancelled". */
const char     *amigo_task_state_to_label    (AmigoTaskState       state);
/* How it ended, in a sentence: "Image ami-0123 is available.", "Failed: …" */
char           *amigo_task_dup_outcome       (AmigoTask           *self);
/* What a desktop notification says when it ended: the title, the outcome. */
char           *amigo_task_dup_notification_body (AmigoTask         *self);
GNotification  *amigo_task_new_notification  (AmigoTask           *self);
/* Work Amigo does before AWS's task exists (an import's upload), saved
 * with the task: see amigo-task-upload.c. */
void            amigo_task_set_pending       (AmigoTask           *self,
                                              JsonNode            *pending);
JsonNode       *amigo_task_get_pending       (AmigoTask           *self);

G_END_DECLS
