/* amigo-task-watch.c — how the task manager follows one running task
 *
 * A watch finds its task's account (waiting for the account manager to
 * finish loading if needed), gets its client, and polls EC2 with one
 * Describe request at a time — DescribeImages for the image kinds (plus
 * DescribeSnapshots of a copy's snapshots for the percentage),
 * DescribeInstances for a launch. The wait between polls starts at 2 s and
 * grows ×1.5 up to 60 s, back to 2 s whenever AWS reports progress. A
 * failed poll (throttling, the network) never fails the task: its message
 * shows the error and polling goes on, more slowly. The watch ends when
 * AWS says the work succeeded or failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"

/* EC2 is eventually consistent: right after CreateImage or RunInstances,
 * Describe may not know the new id yet. "Not found" means "gone" only once
 * the resource was seen, or when the task is older than this. */
#define NOT_FOUND_GRACE_USEC (2 * G_TIME_SPAN_MINUTE)

static void watch_resolve (Watch *watch);

/* ---- watches --------------------------------------------------------- */

static void
watch_clear (gpointer data)
{
  Watch *watch = data;

  g_clear_object (&watch->task);
  g_clear_object (&watch->cancellable);
  g_clear_object (&watch->ec2);
  g_clear_object (&watch->autoscaling);
  if (watch->upload_cancellable != NULL)
    g_cancellable_cancel (watch->upload_cancellable);
  g_clear_object (&watch->upload_cancellable);
  if (watch->upload != NULL)
    g_signal_handlers_disconnect_by_data (watch->upload, watch);
  g_clear_object (&watch->upload);
  if (watch->download != NULL)
    g_signal_handlers_disconnect_by_data (watch->download, watch);
  g_clear_object (&watch->download);
  g_clear_object (&watch->s3);
  g_free (watch->progress);
}

Watch *
_amigo_task_watch_ref (Watch *watch)
{
  return g_rc_box_acquire (watch);
}

void
_amigo_task_watch_unref (Watch *watch)
{
  g_rc_box_release_full (watch, watch_clear);
}

void
_amigo_task_watch_stop (gpointer data)
{
  Watch *watch = data;

  watch->manager = NULL;
  g_cancellable_cancel (watch->cancellable);
  if (watch->upload_cancellable != NULL)
    g_cancellable_cancel (watch->upload_cancellable);
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  _amigo_task_watch_unref (watch);
}

static Watch *
watch_new (AmigoTaskManager *self,
           AmigoTask        *task)
{
  Watch *watch = g_rc_box_new0 (Watch);

  watch->manager = self;
  watch->task = g_object_ref (task);
  watch->cancellable = g_cancellable_new ();
  watch->interval_ms = self->initial_interval_ms;
  return watch;
}

gboolean
_amigo_task_watch_is_stopped (Watch *watch)
{
  return watch->manager == NULL;
}

gboolean
_amigo_task_watch_cancel_lost (Watch *watch,
                               GTask *gtask)
{
  if (!_amigo_task_watch_is_stopped (watch))
    return FALSE;
  /* A poll answered while the cancel was on its way saw the work stopped
   * (an import AWS already deleted) and ended the task as cancelled: the
   * cancel did what it was asked, whichever answer came first. */
  if (g_task_get_source_tag (gtask) == amigo_task_manager_cancel_async &&
      amigo_task_get_state (watch->task) == AMIGO_TASK_STATE_CANCELLED)
    g_task_return_boolean (gtask, TRUE);
  else
    g_task_return_new_error (gtask, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The task is no longer watched."));
  return TRUE;
}

void
_amigo_task_watch_cancelled (Watch      *watch,
                             GTask      *gtask,
                             const char *message)
{
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_CANCELLED, message);
  g_task_return_boolean (gtask, TRUE);
}

guint
_amigo_task_backoff_next (guint interval_ms,
                          guint max_ms)
{
  guint64 next = (guint64) interval_ms * 3 / 2;

  return (guint) MIN (MAX (next, (guint64) interval_ms + 1), (guint64) max_ms);
}

static gboolean
watch_timeout_cb (gpointer data)
{
  Watch *watch = data;

  watch->timeout_id = 0;
  watch_resolve (watch);
  return G_SOURCE_REMOVE;
}

/* Polls again after the current wait, and waits longer the time after. */
static void
watch_schedule (Watch *watch)
{
  AmigoTaskManager *self = watch->manager;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (watch->interval_ms, watch_timeout_cb, watch);
  watch->interval_ms = _amigo_task_backoff_next (watch->interval_ms, self->max_interval_ms);
}

void
_amigo_task_watch_schedule (Watch *watch)
{
  watch_schedule (watch);
}

/* AWS answered: a different answer than last time means things move, so
 * the next poll comes soon again. */
void
_amigo_task_watch_progress (Watch      *watch,
                const char *aws_state,
                int         percent,
                const char *message)
{
  g_autofree char *progress = g_strdup_printf ("%s|%d", aws_state ? aws_state : "", percent);

  if (watch->progress != NULL && !g_str_equal (watch->progress, progress))
    watch->interval_ms = watch->manager->initial_interval_ms;
  g_free (watch->progress);
  watch->progress = g_steal_pointer (&progress);

  _amigo_task_set_percent (watch->task, percent);
  _amigo_task_set_message (watch->task, message);
  watch_schedule (watch);
}

/* A poll failed: say why, and try again later. */
static void
watch_retry (Watch        *watch,
             const GError *error)
{
  _amigo_task_set_message (watch->task, error->message);
  watch_schedule (watch);
}

void
_amigo_task_watch_finish (Watch          *watch,
              AmigoTaskState  state,
              const char     *message)
{
  AmigoTaskManager *self = watch->manager;
  g_autoptr(AmigoTask) task = g_object_ref (watch->task);

  g_object_freeze_notify (G_OBJECT (task));
  if (state == AMIGO_TASK_STATE_SUCCEEDED)
    _amigo_task_set_percent (task, 100);
  _amigo_task_set_message (task, message);
  _amigo_task_set_state (task, state);
  g_object_thaw_notify (G_OBJECT (task));

  /* Stops and frees the watch: nothing of it may be used below. */
  _amigo_task_manager_finished (self, task);
}

static gboolean
is_older_than (AmigoTask *task,
               GTimeSpan  span)
{
  return g_get_real_time () - amigo_task_get_started (task) > span;
}

/* Describe says the resource does not exist. */
static void
watch_not_found (Watch        *watch,
                 const GError *error)
{
  AmigoTask *task = watch->task;
  g_autofree char *ids = g_strjoinv (", ", (char **) amigo_task_get_resource_ids (task));
  g_autofree char *message = NULL;

  if (watch->cancelling || (!watch->seen && !is_older_than (task, NOT_FOUND_GRACE_USEC)))
    {
      /* Not visible yet (eventual consistency), or being cancelled: the
       * cancellation says how it ended. */
      watch_schedule (watch);
      return;
    }

  if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_LAUNCH)
    /* Translators: %s is one or more instance ids */
    message = g_strdup_printf (_("EC2 no longer knows the instances %s: they were terminated long ago or never started."), ids);
  else
    /* Translators: %s is an image id */
    message = g_strdup_printf (_("The image %s no longer exists: it was deregistered before it became available."), ids);
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
}

/* ---- polling images -------------------------------------------------- */

static gboolean
image_state_is_failure (const char *state)
{
  static const char * const failures[] = { "failed", "error", "invalid", "deregistered", NULL };

  return state != NULL && g_strv_contains (failures, state);
}

/* "45%" → 45; -1 when AWS gives nothing usable. */
static int
parse_percent (const char *text)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return -1;
  value = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != '%' && *end != '\0') || value > 100)
    return -1;
  return (int) value;
}

typedef struct {
  Watch *watch;
  char *message;
} SnapshotsData;

static void
snapshots_data_free (SnapshotsData *data)
{
  _amigo_task_watch_unref (data->watch);
  g_free (data->message);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SnapshotsData, snapshots_data_free)

static void
snapshots_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SnapshotsData) data = user_data;
  Watch *watch = data->watch;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  guint64 total = 0, done = 0;
  int percent = -1;

  snapshots = amigo_ec2_describe_snapshots_finish (AMIGO_EC2 (source), result, &error);
  if (_amigo_task_watch_is_stopped (watch))
    return;
  watch->in_flight = FALSE;

  if (snapshots == NULL)
    {
      /* The image itself is fine: keep what we knew of the progress. */
      watch_retry (watch, error);
      return;
    }

  /* The copy's progress: its snapshots' progress, weighted by size. */
  for (guint i = 0; i < snapshots->len; i++)
    {
      AmigoSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      int snapshot_percent = parse_percent (amigo_snapshot_get_progress (snapshot));
      guint64 weight = MAX (amigo_snapshot_get_volume_size (snapshot), 1);

      if (snapshot_percent < 0)
        continue;
      total += weight;
      done += weight * snapshot_percent;
    }
  if (total > 0)
    percent = (int) (done / total);

  _amigo_task_watch_progress (watch, "pending", percent, data->message);
}

static void
watch_poll_snapshots (Watch      *watch,
                      AmigoImage *image,
                      const char *message)
{
  const AmigoBlockDeviceMapping *mappings;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  AmigoDescribeSnapshotsRequest request = { 0 };
  SnapshotsData *data;
  guint n_mappings = 0;

  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  for (guint i = 0; i < n_mappings; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.snapshot_id != NULL && *mappings[i].ebs.snapshot_id != '\0')
      g_ptr_array_add (ids, mappings[i].ebs.snapshot_id);

  if (ids->len == 0)
    {
      /* AWS lists the copy's volumes only once their snapshots exist. */
      _amigo_task_watch_progress (watch, amigo_image_get_state (image), amigo_task_get_percent (watch->task), message);
      return;
    }
  g_ptr_array_add (ids, NULL);

  data = g_new0 (SnapshotsData, 1);
  data->watch = _amigo_task_watch_ref (watch);
  data->message = g_strdup (message);
  request.snapshot_ids = (const char * const *) ids->pdata;
  watch->manager->n_requests++;
  watch->in_flight = TRUE;
  amigo_ec2_describe_snapshots_async (watch->ec2, &request, watch->cancellable, snapshots_cb, data);
}

AmigoImage *
_amigo_task_watch_find_image (Watch     *watch,
                              GPtrArray *images)
{
  const char *image_id = amigo_task_get_resource_ids (watch->task)[0];

  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (amigo_image_get_image_id (g_ptr_array_index (images, i)), image_id) == 0)
      return g_ptr_array_index (images, i);
  return NULL;
}

static gboolean
is_not_found (const GError *error,
              const char   *prefix)
{
  const char *code = amigo_aws_error_get_aws_code (error);

  return code != NULL && g_str_has_prefix (code, prefix) &&
         (g_str_has_suffix (code, ".NotFound") || g_str_has_suffix (code, ".Unavailable"));
}

/* A Describe answer arrived: TRUE when there is one to read; FALSE when
 * the watch was stopped, or the request failed (a missing resource goes to
 * watch_not_found(), anything else is retried later). */
gboolean
_amigo_task_watch_answered (Watch        *watch,
                gconstpointer answer,
                const GError *error,
                const char   *not_found_prefix)
{
  if (_amigo_task_watch_is_stopped (watch))
    return FALSE;
  watch->in_flight = FALSE;

  if (answer != NULL)
    return TRUE;
  if (is_not_found (error, not_found_prefix))
    watch_not_found (watch, error);
  else
    watch_retry (watch, error);
  return FALSE;
}

static void
images_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  const AmigoStateReason *reason;
  const char *state;
  const char *message = NULL;
  AmigoImage *image = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (!_amigo_task_watch_answered (watch, images, error, "InvalidAMIID"))
    return;

  image = _amigo_task_watch_find_image (watch, images);
  if (image == NULL)
    {
      /* A recently deregistered image is answered with an empty list. */
      watch_not_found (watch, NULL);
      return;
    }

  watch->seen = TRUE;
  state = amigo_image_get_state (image);
  reason = amigo_image_get_state_reason (image);
  if (reason != NULL)
    message = reason->message && *reason->message ? reason->message : reason->code;

  if (g_strcmp0 (state, "available") == 0)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, NULL);
      return;
    }
  if (image_state_is_failure (state))
    {
      g_autofree char *fallback = NULL;

      if (message == NULL)
        /* Translators: %s is the image's state as AWS says it, e.g. "failed" */
        message = fallback = g_strdup_printf (_("AWS reports the image as “%s” and gives no reason."), state);
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
      return;
    }

  /* pending, transient, or a state newer than this code: keep watching. */
  if (amigo_task_get_kind (watch->task) == AMIGO_TASK_KIND_COPY_IMAGE)
    watch_poll_snapshots (watch, image, message);
  else
    _amigo_task_watch_progress (watch, state, -1, message);
}

/* ---- polling instances ----------------------------------------------- */

static void
instances_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  const char * const *ids;
  guint n_ids, n_running = 0;
  g_autofree char *message = NULL;
  g_autofree char *progress = NULL;

  instances = amigo_ec2_describe_instances_finish (AMIGO_EC2 (source), result, &error);
  if (!_amigo_task_watch_answered (watch, instances, error, "InvalidInstanceID"))
    return;

  ids = amigo_task_get_resource_ids (watch->task);
  n_ids = g_strv_length ((char **) ids);
  for (guint i = 0; i < instances->len; i++)
    {
      AmigoInstance *instance = g_ptr_array_index (instances, i);
      const char *state = amigo_instance_get_state (instance);

      if (!g_strv_contains (ids, amigo_instance_get_instance_id (instance)))
        continue;
      watch->seen = TRUE;

      if (g_strcmp0 (state, "running") == 0)
        n_running++;
      else if (g_strcmp0 (state, "pending") != 0)
        {
          /* Stopped or terminated before it ever ran: say why. */
          const AmigoStateReason *reason = amigo_instance_get_state_reason (instance);
          const char *why = reason && reason->message && *reason->message ? reason->message
                            : amigo_instance_get_state_transition_reason (instance);

          if (why != NULL && *why != '\0')
            /* Translators: "Instance i-0123 is stopped: Server.InternalError: …" */
            message = g_strdup_printf (_("Instance %s is %s: %s"),
                                       amigo_instance_get_instance_id (instance), state, why);
          else
            /* Translators: "Instance i-0123 is terminated before it ran." */
            message = g_strdup_printf (_("Instance %s is %s before it ran."),
                                       amigo_instance_get_instance_id (instance), state);
          _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
          return;
        }
    }

  if (n_running == n_ids)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, NULL);
      return;
    }

  if (n_ids > 1)
    /* Translators: "2 of 3 instances running" */
    message = g_strdup_printf (ngettext ("%u of %u instance running", "%u of %u instances running", n_ids),
                               n_running, n_ids);
  progress = g_strdup_printf ("%u", n_running);
  _amigo_task_watch_progress (watch, progress, -1, message);
}

/* ---- the watch's steps ----------------------------------------------- */

static void
watch_poll (Watch *watch)
{
  const char * const *ids = amigo_task_get_resource_ids (watch->task);

  watch->manager->n_requests++;
  watch->in_flight = TRUE;

  if (_amigo_task_watch_poll_refresh (watch))
    return;
  if (_amigo_task_watch_run_pending (watch))
    return;
  if (_amigo_task_watch_poll_vm (watch))
    return;
  if (amigo_task_get_kind (watch->task) == AMIGO_TASK_KIND_LAUNCH)
    {
      AmigoEc2ListRequest request = { .ids = ids };

      amigo_ec2_describe_instances_async (watch->ec2, &request, watch->cancellable,
                                          instances_cb, _amigo_task_watch_ref (watch));
    }
  else
    {
      AmigoDescribeImagesRequest request = {
        .image_ids = ids,
        .include_deprecated = TRUE,
        .include_disabled = TRUE,
      };

      amigo_ec2_describe_images_async (watch->ec2, &request, watch->cancellable, images_cb,
                                       _amigo_task_watch_ref (watch));
    }
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  AmigoAccount *account = AMIGO_ACCOUNT (source);
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = amigo_account_get_client_finish (account, result, &error);
  if (_amigo_task_watch_is_stopped (watch))
    return;
  watch->in_flight = FALSE;

  if (client == NULL)
    {
      /* The keyring may be locked, a credential_process may fail for a
       * while: try again later. */
      watch_retry (watch, error);
      return;
    }

  watch->ec2 = amigo_ec2_new_for_account (account, client, amigo_task_get_region (watch->task), &error);
  if (watch->ec2 != NULL && amigo_task_get_kind (watch->task) == AMIGO_TASK_KIND_INSTANCE_REFRESH)
    {
      watch->autoscaling = amigo_autoscaling_new_for_account (account, client, amigo_task_get_region (watch->task),
                                                              &error);
      if (watch->autoscaling == NULL)
        g_clear_object (&watch->ec2);
    }
  if (watch->ec2 == NULL)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, error->message);
      return;
    }
  if (amigo_task_get_pending (watch->task) != NULL)
    {
      watch->s3 = amigo_s3_new_for_account (account, client, amigo_task_get_region (watch->task), &error);
      if (watch->s3 == NULL)
        {
          _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, error->message);
          return;
        }
    }

  watch_poll (watch);
}

/* Polls now, after finding the account and its client the first time. */
static void
watch_resolve (Watch *watch)
{
  AmigoTaskManager *self = watch->manager;
  AmigoAccount *account;

  if (watch->in_flight)
    return;

  if (watch->ec2 != NULL)
    {
      watch_poll (watch);
      return;
    }

  if (!amigo_account_manager_get_loaded (self->accounts))
    {
      watch->waiting_for_accounts = TRUE;
      return;
    }

  account = amigo_account_manager_lookup (self->accounts, amigo_task_get_account_id (watch->task));
  if (account == NULL)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED,
                    _("Its account is no longer set up in Amigo, so it cannot be watched."));
      return;
    }

  watch->in_flight = TRUE;
  amigo_account_get_client_async (account, watch->cancellable, client_cb, _amigo_task_watch_ref (watch));
}

void
_amigo_task_manager_accounts_loaded_cb (AmigoAccountManager *accounts,
                       GParamSpec          *pspec,
                       AmigoTaskManager    *self)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) _amigo_task_watch_unref);
  GHashTableIter iter;
  Watch *watch;

  if (!amigo_account_manager_get_loaded (accounts))
    return;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (watch->waiting_for_accounts)
      g_ptr_array_add (waiting, _amigo_task_watch_ref (watch));

  for (guint i = 0; i < waiting->len; i++)
    {
      watch = g_ptr_array_index (waiting, i);
      watch->waiting_for_accounts = FALSE;
      if (!_amigo_task_watch_is_stopped (watch))
        watch_resolve (watch);
    }
}

void
_amigo_task_manager_start_watch (AmigoTaskManager *self,
             AmigoTask        *task,
             gboolean          now)
{
  Watch *watch = watch_new (self, task);

  g_hash_table_insert (self->watches, task, watch);
  if (now)
    watch_resolve (watch);
  else
    /* Just created: give EC2 a moment to know about it. */
    watch_schedule (watch);
}
