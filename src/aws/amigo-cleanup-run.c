/* amigo-cleanup-run.c — one bulk clean-up action over a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The images are acted on one after the other, so the report follows the
 * selection's order and a cancelled run stops between two images. An
 * image that is protected or referred to is only acted on when the person
 * confirmed it on its own; otherwise it is reported as skipped, never
 * touched. A protected image stays protected: Amigo does not lift the
 * protection for the person, EC2 refuses and the report says so.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-cleanup-run.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-error.h"

typedef struct {
  GPtrArray *ec2s;
  GPtrArray *items;
  AmigoCleanupAction action;
  GDateTime *deprecate_at;
  guint next;
} Run;

/**
 * amigo_cleanup_item_new:
 * @entry: the image
 * @confirmed: whether the person confirmed this image on its own
 *
 * Returns: (transfer full): a new item, pending
 */
AmigoCleanupItem *
amigo_cleanup_item_new (AmigoCleanupEntry *entry,
                        gboolean           confirmed)
{
  AmigoCleanupItem *item = g_new0 (AmigoCleanupItem, 1);

  item->entry = g_object_ref (entry);
  item->confirmed = confirmed;
  return item;
}

/**
 * amigo_cleanup_item_free:
 * @item: (transfer full) (nullable): an item
 */
void
amigo_cleanup_item_free (AmigoCleanupItem *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->entry);
  g_free (item->message);
  g_free (item);
}

/**
 * amigo_cleanup_item_allowed:
 * @item: an item
 * @action: the action
 *
 * Returns: whether @action may touch @item's image: it needs no
 *   confirmation of its own, or has it
 */
gboolean
amigo_cleanup_item_allowed (const AmigoCleanupItem *item,
                            AmigoCleanupAction      action)
{
  g_return_val_if_fail (item != NULL, FALSE);
  return action == AMIGO_CLEANUP_ENABLE || item->confirmed
         || !amigo_cleanup_entry_needs_confirmation (item->entry);
}

/**
 * amigo_cleanup_totals:
 * @items: (element-type AmigoCleanupItem): the selection
 * @action: the action
 * @freed: (out caller-allocates): what the action frees, over the items it
 *   would act on: the snapshots' GiB and monthly cost when it deletes
 *   them, nothing otherwise (a deregistered image's snapshots stay, and
 *   keep costing, unless deleted with it)
 */
void
amigo_cleanup_totals (GPtrArray          *items,
                      AmigoCleanupAction  action,
                      AmigoSnapshotCost  *freed)
{
  g_return_if_fail (items != NULL && freed != NULL);

  memset (freed, 0, sizeof *freed);
  if (action != AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS)
    return;
  for (guint i = 0; i < items->len; i++)
    {
      AmigoCleanupItem *item = g_ptr_array_index (items, i);

      if (amigo_cleanup_item_allowed (item, action))
        amigo_snapshot_cost_add (freed, amigo_cleanup_entry_get_cost (item->entry));
    }
}

static void
run_free (Run *run)
{
  g_ptr_array_unref (run->ec2s);
  g_ptr_array_unref (run->items);
  g_clear_pointer (&run->deprecate_at, g_date_time_unref);
  g_free (run);
}

static AmigoEc2 *
ec2_for (Run        *run,
         const char *region)
{
  for (guint i = 0; i < run->ec2s->len; i++)
    if (g_strcmp0 (amigo_ec2_get_region (g_ptr_array_index (run->ec2s, i)), region) == 0)
      return g_ptr_array_index (run->ec2s, i);
  return NULL;
}

static void run_next (GTask *task);

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  AmigoCleanupItem *item = g_ptr_array_index (run->items, run->next);
  AmigoEc2 *ec2 = AMIGO_EC2 (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (run->action)
    {
    case AMIGO_CLEANUP_DEPRECATE:
      ok = amigo_ec2_enable_image_deprecation_finish (ec2, result, &error);
      break;
    case AMIGO_CLEANUP_DISABLE:
      ok = amigo_ec2_disable_image_finish (ec2, result, &error);
      break;
    case AMIGO_CLEANUP_ENABLE:
      ok = amigo_ec2_enable_image_finish (ec2, result, &error);
      break;
    case AMIGO_CLEANUP_DEREGISTER:
    case AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS:
      {
        g_autoptr(GPtrArray) deletions = amigo_ec2_deregister_image_finish (ec2, result, &error);
        g_autoptr(GString) kept = g_string_new (NULL);

        ok = deletions != NULL;
        for (guint i = 0; ok && i < deletions->len; i++)
          {
            AmigoSnapshotDeletion *d = g_ptr_array_index (deletions, i);

            if (g_strcmp0 (d->return_code, "success") != 0)
              g_string_append_printf (kept, "%s%s (%s)", kept->len > 0 ? ", " : "",
                                      d->snapshot_id, d->return_code);
          }
        if (ok && kept->len > 0)
          /* Translators: %s lists snapshot ids, each with the reason EC2 gave */
          item->message = g_strdup_printf (_("Snapshots not deleted: %s"), kept->str);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  item->outcome = ok ? AMIGO_CLEANUP_DONE : AMIGO_CLEANUP_FAILED;
  if (!ok)
    item->message = g_strdup (error->message);
  run->next++;
  run_next (g_steal_pointer (&task));
}

static void
run_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  for (; run->next < run->items->len; run->next++)
    {
      AmigoCleanupItem *item = g_ptr_array_index (run->items, run->next);
      const char *image_id = amigo_cleanup_entry_get_image_id (item->entry);
      AmigoEc2 *ec2 = ec2_for (run, amigo_cleanup_entry_get_region (item->entry));

      if (!amigo_cleanup_item_allowed (item, run->action))
        {
          item->outcome = AMIGO_CLEANUP_SKIPPED;
          continue;
        }
      if (ec2 == NULL)
        {
          item->outcome = AMIGO_CLEANUP_FAILED;
          item->message = g_strdup_printf (_("No connection to %s."), amigo_cleanup_entry_get_region (item->entry));
          continue;
        }
      switch (run->action)
        {
        case AMIGO_CLEANUP_DEPRECATE:
          amigo_ec2_enable_image_deprecation_async (ec2, image_id, run->deprecate_at, cancellable,
                                                    on_done_cb, task);
          return;
        case AMIGO_CLEANUP_DISABLE:
          amigo_ec2_disable_image_async (ec2, image_id, cancellable, on_done_cb, task);
          return;
        case AMIGO_CLEANUP_ENABLE:
          amigo_ec2_enable_image_async (ec2, image_id, cancellable, on_done_cb, task);
          return;
        case AMIGO_CLEANUP_DEREGISTER:
        case AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS:
          amigo_ec2_deregister_image_async (ec2, image_id,
                                            run->action == AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS,
                                            cancellable, on_done_cb, task);
          return;
        default:
          g_assert_not_reached ();
        }
    }
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/**
 * amigo_cleanup_run_async:
 * @ec2s: (element-type AmigoEc2): one #AmigoEc2 per region of the items
 * @items: (element-type AmigoCleanupItem): the selection; each item's
 *   outcome and message are filled in as the run goes
 * @action: what to do to each
 * @deprecate_at: (nullable): for %AMIGO_CLEANUP_DEPRECATE, when
 * @cancellable: (nullable): a #GCancellable (stops between two images)
 * @callback: called when every item has an outcome
 * @user_data: data for @callback
 *
 * Runs @action over @items, one after the other.
 */
void
amigo_cleanup_run_async (GPtrArray           *ec2s,
                         GPtrArray           *items,
                         AmigoCleanupAction   action,
                         GDateTime           *deprecate_at,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (ec2s != NULL && items != NULL);
  g_return_if_fail (action != AMIGO_CLEANUP_DEPRECATE || deprecate_at != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_cleanup_run_async);
  run = g_new0 (Run, 1);
  run->ec2s = g_ptr_array_ref (ec2s);
  run->items = g_ptr_array_ref (items);
  run->action = action;
  run->deprecate_at = deprecate_at != NULL ? g_date_time_ref (deprecate_at) : NULL;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  run_next (task);
}

/**
 * amigo_cleanup_run_finish:
 * @result: the result
 * @error: return location for a #GError (only cancellation)
 *
 * Returns: %TRUE when every item has its outcome
 */
gboolean
amigo_cleanup_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
