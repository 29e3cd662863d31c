/* amigo-task-manager-private.h — what amigo-task-manager.c shares with
 * amigo-task-watch.c (tests use the _for_testing functions of
 * amigo-task-manager.h instead)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-autoscaling.h"
#include "amigo-ec2.h"
#include "amigo-s3-download.h"
#include "amigo-s3-upload.h"
#include "amigo-task-manager.h"

G_BEGIN_DECLS

/* The wait after @interval_ms when nothing changed (×1.5, at most
 * @max_ms); amigo_task_manager_backoff_next_for_testing() is the same. */
guint    _amigo_task_backoff_next           (guint             interval_ms,
                                             guint             max_ms);

/* ---- between the manager and its watches ----------------------------- */

typedef struct _Watch Watch;

struct _AmigoTaskManager
{
  GObject parent_instance;

  /* owned */
  AmigoAccountManager *accounts;
  char *state_path;
  GListStore *tasks;
  GHashTable *watches;          /* AmigoTask * → Watch * */
  gulong loaded_handler;

  gboolean busy;
  guint initial_interval_ms;
  guint max_interval_ms;
  guint n_requests;
  guint64 upload_part_size;     /* amigo_task_manager_set_upload_for_testing() */
  guint upload_max_parallel;
};

struct _Watch
{
  AmigoTaskManager *manager;    /* borrowed; NULL once the watch stopped */
  AmigoTask *task;
  GCancellable *cancellable;
  AmigoEc2 *ec2;
  AmigoAutoscaling *autoscaling;  /* instance refreshes only */
  AmigoS3 *s3;                  /* an import's upload (amigo-task-upload.c) */
  AmigoS3Upload *upload;
  GCancellable *upload_cancellable;  /* the upload's or the download's */
  AmigoS3Download *download;    /* an export's file (amigo-task-download.c) */
  guint timeout_id;
  guint interval_ms;            /* the next wait */
  char *progress;               /* what AWS said last time, to see a change */
  gboolean waiting_for_accounts;
  gboolean in_flight;
  gboolean seen;
  gboolean cancelling;
};

/* The manager's side of a watch ending: forgets (and stops) the watch,
 * saves, updates :busy and emits ::task-finished. */
void     _amigo_task_manager_finished            (AmigoTaskManager    *self,
                                                  AmigoTask           *task);

/* Watches @task; @now polls at once (a loaded task), otherwise after the
 * first wait (one just created). */
void     _amigo_task_manager_start_watch         (AmigoTaskManager    *self,
                                                  AmigoTask           *task,
                                                  gboolean             now);
void     _amigo_task_manager_accounts_loaded_cb  (AmigoAccountManager *accounts,
                                                  GParamSpec          *pspec,
                                                  AmigoTaskManager    *self);

Watch   *_amigo_task_watch_ref                   (Watch               *watch);
void     _amigo_task_watch_unref                 (Watch               *watch);
/* The watches table's destroy function: nothing may run for the watch again. */
void     _amigo_task_watch_stop                  (gpointer             data);
/* TRUE when a callback arrives for a watch that was stopped. */
gboolean _amigo_task_watch_is_stopped            (Watch               *watch);
void     _amigo_task_watch_finish                (Watch               *watch,
                                                  AmigoTaskState       state,
                                                  const char          *message);
/* A cancel step's end: TRUE (and @gtask failed) when the watch stopped
 * meanwhile; the task cancelled with @message, @gtask's result TRUE. */
gboolean _amigo_task_watch_cancel_lost (Watch *watch, GTask *gtask);
void     _amigo_task_watch_cancelled (Watch *watch, GTask *gtask, const char *message);

/* AWS answered a poll: reports it and schedules the next one. */
void     _amigo_task_watch_progress              (Watch               *watch,
                                                  const char          *aws_state,
                                                  int                  percent,
                                                  const char          *message);
/* TRUE when a Describe answer is there to read (see amigo-task-watch.c). */
gboolean _amigo_task_watch_answered              (Watch               *watch,
                                                  gconstpointer        answer,
                                                  const GError        *error,
                                                  const char          *not_found_prefix);

/* amigo-task-watch-vm.c: VM Import/Export and store tasks. Polls @watch's
 * task when it is one of them (TRUE), else does nothing (FALSE). */
gboolean _amigo_task_watch_poll_vm               (Watch               *watch);
/* Cancels a running import (CancelImportTask); completes @gtask. */
void     _amigo_task_watch_cancel_import         (Watch               *watch,
                                                  GTask               *gtask);

/* amigo-task-watch-refresh.c: instance refreshes. Polls @watch's task
 * when it is one (TRUE), else does nothing (FALSE). */
gboolean _amigo_task_watch_poll_refresh          (Watch               *watch);
/* Asks CancelInstanceRefresh (or RollbackInstanceRefresh when @roll_back);
 * completes @gtask once Auto Scaling accepted it. */
void     _amigo_task_watch_stop_refresh          (Watch               *watch,
                                                  gboolean             roll_back,
                                                  GTask               *gtask);
/* amigo-task-upload.c: an import whose file Amigo still uploads. Runs
 * (or resumes) the upload, then sends ImportImage; TRUE when @watch's
 * task has such work, else does nothing (FALSE). */
gboolean _amigo_task_watch_run_pending           (Watch               *watch);
/* Stops and deletes the upload; completes @gtask. */
void     _amigo_task_watch_cancel_upload         (Watch               *watch,
                                                  GTask               *gtask);
/* Saves the task list (an upload's state changed). */
void     _amigo_task_manager_save                (AmigoTaskManager    *self);
/* The watch polls again after its wait. */
void     _amigo_task_watch_schedule              (Watch               *watch);

/* amigo-task-upload.c: an import whose file is still to be uploaded. */
gboolean _amigo_task_upload_is_uploading         (AmigoTask           *task);
/* The saved request ("import") of @task's pending work, or NULL. */
JsonObject *_amigo_task_upload_import_of         (AmigoTask           *task);
/* @object's (nullable) string member @name, or NULL. */
const char *_amigo_task_upload_string            (JsonObject          *object,
                                                  const char          *name);
/* The saved ImportImage request of @object (its strings borrowed; its
 * tags in @tags, an array of AmigoEc2Tag): FALSE when it cannot be sent. */
gboolean _amigo_task_upload_read_request         (JsonObject              *object,
                                                  AmigoImportImageRequest *request,
                                                  GArray                  *tags);

/* amigo-task-import-snapshot.c: the import as a snapshot, then the AMI. */
void     _amigo_task_watch_register_snapshot     (Watch               *watch,
                                                  const char          *snapshot_id);
gboolean _amigo_task_watch_poll_import_snapshot  (Watch               *watch,
                                                  GAsyncReadyCallback  tasks_cb);

/* amigo-task-download.c: an export that downloads its file. Called when
 * the export is completed; TRUE when the download now ends the task. */
gboolean _amigo_task_watch_run_download          (Watch               *watch);
/* amigo-task-upload.c: an upload's (@upload) or a download's bytes,
 * speed (0: not known) and time left (-1: not known) in the task. */
void     _amigo_task_watch_show_transfer         (Watch               *watch,
                                                  gboolean             upload,
                                                  guint64              done,
                                                  guint64              size,
                                                  double               speed,
                                                  gint64               left);

/* The image of @watch's task in a DescribeImages answer, or %NULL. */
AmigoImage *_amigo_task_watch_find_image (Watch     *watch,
                                          GPtrArray *images);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, _amigo_task_watch_unref)

G_END_DECLS
