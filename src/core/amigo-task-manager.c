/* amigo-task-manager.c — the tasks under way, polled, and kept across restarts
 *
 * Each running task has a watch (amigo-task-watch.c) that polls EC2 until
 * AWS says the work succeeded or failed; cancelling a copy is here.
 *
 * The list is kept in a state file (amigo-task-state-file.c), saved on
 * every change, so that Amigo resumes watching after a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"
#include "amigo-task-state-file.h"

#define DEFAULT_INITIAL_INTERVAL_MS 2000
#define DEFAULT_MAX_INTERVAL_MS 60000

G_DEFINE_FINAL_TYPE (AmigoTaskManager, amigo_task_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_TASK_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the state file -------------------------------------------------- */

static void
save (AmigoTaskManager *self)
{
  if (self->state_path != NULL)
    amigo_task_state_file_save (self->state_path, G_LIST_MODEL (self->tasks), g_get_real_time ());
}

void
_amigo_task_manager_save (AmigoTaskManager *self)
{
  save (self);
}

static void
load (AmigoTaskManager *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean rewrite = FALSE;

  if (self->state_path == NULL)
    return;
  tasks = amigo_task_state_file_load (self->state_path, g_get_real_time (), &rewrite);
  g_list_store_splice (self->tasks, g_list_model_get_n_items (G_LIST_MODEL (self->tasks)), 0,
                       tasks->pdata, tasks->len);
  if (rewrite)
    save (self);
}

/* ---- watched tasks --------------------------------------------------- */

static void
update_busy (AmigoTaskManager *self)
{
  gboolean busy = g_hash_table_size (self->watches) > 0;

  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_amigo_task_manager_finished (AmigoTaskManager *self,
                              AmigoTask        *task)
{
  g_hash_table_remove (self->watches, task);
  save (self);
  update_busy (self);
  g_signal_emit (self, signals[SIGNAL_TASK_FINISHED], 0, task);
}

/* ---- GObject --------------------------------------------------------- */

static void
amigo_task_manager_dispose (GObject *object)
{
  AmigoTaskManager *self = AMIGO_TASK_MANAGER (object);

  g_clear_signal_handler (&self->loaded_handler, self->accounts);
  if (self->watches != NULL)
    g_hash_table_remove_all (self->watches);
  g_clear_object (&self->accounts);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (amigo_task_manager_parent_class)->dispose (object);
}

static void
amigo_task_manager_finalize (GObject *object)
{
  AmigoTaskManager *self = AMIGO_TASK_MANAGER (object);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_free (self->state_path);

  G_OBJECT_CLASS (amigo_task_manager_parent_class)->finalize (object);
}

static void
amigo_task_manager_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AmigoTaskManager *self = AMIGO_TASK_MANAGER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_task_manager_class_init (AmigoTaskManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_task_manager_dispose;
  object_class->finalize = amigo_task_manager_finalize;
  object_class->get_property = amigo_task_manager_get_property;

  /**
   * AmigoTaskManager:busy:
   *
   * Whether a task is running (show a progress indicator, keep the
   * application alive).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmigoTaskManager::task-finished:
   * @task: the task, no longer running
   *
   * Emitted when a watched task succeeds, fails or is cancelled (not for
   * tasks that had ended before they were loaded).
   */
  signals[SIGNAL_TASK_FINISHED] =
    g_signal_new ("task-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMIGO_TYPE_TASK);
}

static void
amigo_task_manager_init (AmigoTaskManager *self)
{
  self->tasks = g_list_store_new (AMIGO_TYPE_TASK);
  self->watches = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, _amigo_task_watch_stop);
  self->initial_interval_ms = DEFAULT_INITIAL_INTERVAL_MS;
  self->max_interval_ms = DEFAULT_MAX_INTERVAL_MS;
}

/* ---- public API ------------------------------------------------------ */

/**
 * amigo_task_manager_new:
 * @accounts: where tasks find their account, by id
 * @state_path: (nullable): the state file; %NULL keeps the tasks in
 *   memory only
 *
 * Reads the state file (an unreadable one is renamed `*.bad`, with a
 * warning) and resumes watching the tasks that were running.
 *
 * Returns: (transfer full): the task manager
 */
AmigoTaskManager *
amigo_task_manager_new (AmigoAccountManager *accounts,
                        const char          *state_path)
{
  AmigoTaskManager *self;
  guint n;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (accounts), NULL);

  self = g_object_new (AMIGO_TYPE_TASK_MANAGER, NULL);
  self->accounts = g_object_ref (accounts);
  self->state_path = g_strdup (state_path);
  self->loaded_handler = g_signal_connect (accounts, "notify::loaded",
                                           G_CALLBACK (_amigo_task_manager_accounts_loaded_cb), self);

  load (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);

      if (amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING)
        _amigo_task_manager_start_watch (self, task, TRUE);
    }
  update_busy (self);
  return self;
}

/**
 * amigo_task_manager_dup_default_state_path:
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/amigo/tasks.json`
 */
char *
amigo_task_manager_dup_default_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "amigo", "tasks.json", NULL);
}

/**
 * amigo_task_manager_add:
 * @task: a new task (amigo_task_new())
 *
 * Puts @task at the top of the list, watches it until it ends, and saves
 * the state file.
 */
void
amigo_task_manager_add (AmigoTaskManager *self,
                        AmigoTask        *task)
{
  guint position;

  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));
  g_return_if_fail (AMIGO_IS_TASK (task));

  if (g_list_store_find (self->tasks, task, &position))
    return;

  g_list_store_insert (self->tasks, 0, task);
  if (amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING)
    _amigo_task_manager_start_watch (self, task, FALSE);
  save (self);
  update_busy (self);
}

/**
 * amigo_task_manager_get_tasks:
 *
 * Returns: (transfer none): a #GListModel of #AmigoTask, newest first
 */
GListModel *
amigo_task_manager_get_tasks (AmigoTaskManager *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

gboolean
amigo_task_manager_get_busy (AmigoTaskManager *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (self), FALSE);
  return self->busy;
}

void
amigo_task_manager_clear_finished (AmigoTaskManager *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->tasks)); i > 0; i--)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i - 1);

      if (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING)
        {
          g_list_store_remove (self->tasks, i - 1);
          changed = TRUE;
        }
    }
  if (changed)
    save (self);
}

/* ---- cancelling ------------------------------------------------------ */

static void
cancel_deregister_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) gtask = user_data;
  Watch *watch = g_task_get_task_data (gtask);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = amigo_ec2_deregister_image_finish (AMIGO_EC2 (source), result, &error);
  if (_amigo_task_watch_cancel_lost (watch, gtask))
    return;
  watch->cancelling = FALSE;
  if (deleted == NULL)
    {
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }

  _amigo_task_watch_cancelled (watch, gtask,
                               _("The copy was stopped and its unfinished image deregistered."));
}

static void
cancel_check_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) gtask = user_data;
  Watch *watch = g_task_get_task_data (gtask);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  const char *image_id = amigo_task_get_resource_ids (watch->task)[0];
  AmigoImage *image;
  const char *state;
  GCancellable *cancellable;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (_amigo_task_watch_cancel_lost (watch, gtask))
    return;
  if (images == NULL)
    {
      watch->cancelling = FALSE;
      g_task_return_error (gtask, g_steal_pointer (&error));
      return;
    }
  image = _amigo_task_watch_find_image (watch, images);
  state = image != NULL ? amigo_image_get_state (image) : NULL;

  /* Deregistering is only a cancellation while the copy is unfinished: a
   * copy that just became available is kept. */
  if (g_strcmp0 (state, "pending") != 0)
    {
      watch->cancelling = FALSE;
      watch->interval_ms = watch->manager->initial_interval_ms;
      g_task_return_new_error (gtask, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The copy has already ended, so there is nothing left to stop."));
      return;
    }

  cancellable = g_task_get_cancellable (gtask);
  amigo_ec2_deregister_image_async (watch->ec2, image_id, FALSE, cancellable,
                                    cancel_deregister_cb, g_steal_pointer (&gtask));
}

/* The start of a cancel or a roll back: a task (tagged @source_tag) whose
 * data is @task's watch, now cancelling; %NULL when @task cannot be
 * stopped now (@can: whether it may be; @hint: why not), with the reason
 * returned to @callback. The watch's client is Auto Scaling's when
 * @by_autoscaling, EC2's otherwise. */
static GTask *
stop_task_new (AmigoTaskManager    *self,
               AmigoTask           *task,
               gboolean             can,
               const char          *hint,
               gboolean             by_autoscaling,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) gtask = g_task_new (self, cancellable, callback, user_data);
  Watch *watch = g_hash_table_lookup (self->watches, task);

  g_task_set_source_tag (gtask, source_tag);
  if (watch == NULL || !can)
    {
      g_task_return_new_error (gtask, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", hint);
      return NULL;
    }
  if (by_autoscaling ? watch->autoscaling == NULL : watch->ec2 == NULL)
    {
      g_task_return_new_error (gtask, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Amigo is still connecting to the task’s account. Try again in a moment."));
      return NULL;
    }
  if (watch->cancelling)
    {
      g_task_return_new_error (gtask, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The task is already being cancelled."));
      return NULL;
    }

  watch->cancelling = TRUE;
  g_task_set_task_data (gtask, _amigo_task_watch_ref (watch), (GDestroyNotify) _amigo_task_watch_unref);
  return g_steal_pointer (&gtask);
}

/**
 * amigo_task_manager_cancel_async:
 * @task: a task whose amigo_task_get_can_cancel() is %TRUE
 *
 * Stops @task: a copy is stopped by deregistering the unfinished copy (its
 * source stays as it is). Checks first that the copy is still pending, so
 * a copy that has just finished is not deregistered. On success the task
 * is %AMIGO_TASK_STATE_CANCELLED.
 */
void
amigo_task_manager_cancel_async (AmigoTaskManager    *self,
                                 AmigoTask           *task,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) gtask = NULL;
  AmigoDescribeImagesRequest request = {
    .include_deprecated = TRUE,
    .include_disabled = TRUE,
  };
  Watch *watch;

  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));
  g_return_if_fail (AMIGO_IS_TASK (task));

  gtask = stop_task_new (self, task, amigo_task_get_can_cancel (task), amigo_task_get_cancel_hint (task),
                         FALSE, cancellable, callback, user_data, amigo_task_manager_cancel_async);
  if (gtask == NULL)
    return;
  watch = g_task_get_task_data (gtask);
  if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_IMPORT_IMAGE)
    {
      if (_amigo_task_upload_is_uploading (task))
        _amigo_task_watch_cancel_upload (watch, g_steal_pointer (&gtask));
      else
        _amigo_task_watch_cancel_import (watch, g_steal_pointer (&gtask));
      return;
    }
  if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_INSTANCE_REFRESH)
    {
      _amigo_task_watch_stop_refresh (watch, FALSE, g_steal_pointer (&gtask));
      return;
    }
  request.image_ids = amigo_task_get_resource_ids (task);
  amigo_ec2_describe_images_async (watch->ec2, &request, cancellable, cancel_check_cb,
                                   g_steal_pointer (&gtask));
}

AMIGO_DEFINE_FINISH_BOOLEAN (AmigoTaskManager, amigo_task_manager_cancel)

/**
 * amigo_task_manager_roll_back_async:
 * @task: a running instance refresh
 *
 * Asks Auto Scaling to roll the refresh back (RollbackInstanceRefresh);
 * the task goes on until the rollback is over.
 */
void
amigo_task_manager_roll_back_async (AmigoTaskManager    *self,
                                    AmigoTask           *task,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *gtask;

  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));
  g_return_if_fail (AMIGO_IS_TASK (task));

  gtask = stop_task_new (self, task, amigo_task_get_can_roll_back (task),
                         _("Only a running instance refresh can be rolled back."),
                         TRUE, cancellable, callback, user_data, amigo_task_manager_roll_back_async);
  if (gtask != NULL)
    _amigo_task_watch_stop_refresh (g_task_get_task_data (gtask), TRUE, gtask);
}

AMIGO_DEFINE_FINISH_BOOLEAN (AmigoTaskManager, amigo_task_manager_roll_back)

/* ---- for tests ------------------------------------------------------- */

/**
 * amigo_task_manager_set_intervals_for_testing:
 * @initial_ms: the first wait before polling a task
 * @max_ms: the longest wait
 *
 * For tests only: polling waits @initial_ms first, then ×1.5 up to
 * @max_ms (2 s and 60 s in the app), so that a test sees several polls
 * quickly. Applies to the next wait of every task.
 */

void
amigo_task_manager_set_intervals_for_testing (AmigoTaskManager *self,
                                              guint             initial_ms,
                                              guint             max_ms)
{
  GHashTableIter iter;
  Watch *watch;

  g_return_if_fail (AMIGO_IS_TASK_MANAGER (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  self->initial_interval_ms = initial_ms;
  self->max_interval_ms = max_ms;
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    watch->interval_ms = MIN (watch->interval_ms, max_ms);
}

/**
 * amigo_task_manager_get_n_requests_for_testing:
 *
 * For tests only.
 *
 * Returns: how many Describe requests the manager has sent, all tasks
 *   together
 */
guint
amigo_task_manager_get_n_requests_for_testing (AmigoTaskManager *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (self), 0);
  return self->n_requests;
}

/**
 * amigo_task_manager_is_watching_for_testing:
 *
 * For tests only.
 *
 * Returns: whether a poll of @task is scheduled, under way or waiting for
 *   the accounts to load
 */
gboolean
amigo_task_manager_is_watching_for_testing (AmigoTaskManager *self,
                                            AmigoTask        *task)
{
  Watch *watch;

  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (self), FALSE);

  watch = g_hash_table_lookup (self->watches, task);
  return watch != NULL && (watch->timeout_id != 0 || watch->in_flight || watch->waiting_for_accounts);
}

/**
 * amigo_task_manager_get_interval_for_testing:
 *
 * For tests only.
 *
 * Returns: the wait before the poll after the next one of @task (0 when
 *   it is not watched)
 */
guint
amigo_task_manager_get_interval_for_testing (AmigoTaskManager *self,
                                             AmigoTask        *task)
{
  Watch *watch;

  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (self), 0);

  watch = g_hash_table_lookup (self->watches, task);
  return watch != NULL ? watch->interval_ms : 0;
}

/**
 * amigo_task_manager_backoff_next_for_testing:
 * @interval_ms: the wait before the last poll
 * @max_ms: the longest wait
 *
 * For tests only: the backoff rule the manager's polling follows.
 *
 * Returns: the wait after @interval_ms when nothing changed
 */
guint
amigo_task_manager_backoff_next_for_testing (guint interval_ms,
                                             guint max_ms)
{
  return _amigo_task_backoff_next (interval_ms, max_ms);
}
