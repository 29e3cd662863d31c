/* amigo-cleanup-scan.c — the facts the Clean Up view weighs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per region, three kinds of call, the regions all at once: the account's
 * images (DescribeImages Owner=self, deprecated and disabled ones too; it
 * carries `lastLaunchedTime`), its snapshots (DescribeSnapshots Owner=self:
 * tier and full size), then DescribeImageReferences for the images, in
 * batches sent together. The client's adaptive limiter keeps the pace
 * within EC2's rate limits. A region that fails is reported and the
 * others are shown; an image whose references could not be read counts as
 * referred to.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-cleanup-scan.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-error.h"

struct _AmigoCleanupScan
{
  GObject parent_instance;

  GPtrArray *ec2s;              /* of AmigoEc2 */
  GPtrArray *entries;           /* of AmigoCleanupEntry */
  GPtrArray *problems;          /* of char* */
  guint n_calls;
};

G_DEFINE_FINAL_TYPE (AmigoCleanupScan, amigo_cleanup_scan, G_TYPE_OBJECT)

/* One region's part of the scan */
typedef struct {
  GTask *task;                  /* the scan's (borrowed) */
  AmigoEc2 *ec2;
  GPtrArray *entries;           /* this region's */
  GHashTable *by_image;         /* image id → entry (borrowed) */
  guint pending;
} Region;

typedef struct {
  guint pending_regions;
} ScanData;

static void
amigo_cleanup_scan_finalize (GObject *object)
{
  AmigoCleanupScan *self = AMIGO_CLEANUP_SCAN (object);

  g_ptr_array_unref (self->ec2s);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->problems);
  G_OBJECT_CLASS (amigo_cleanup_scan_parent_class)->finalize (object);
}

static void
amigo_cleanup_scan_class_init (AmigoCleanupScanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_cleanup_scan_finalize;
}

static void
amigo_cleanup_scan_init (AmigoCleanupScan *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * amigo_cleanup_scan_new:
 * @ec2s: (element-type AmigoEc2): one #AmigoEc2 per region to scan
 *
 * Returns: (transfer full): a new scan
 */
AmigoCleanupScan *
amigo_cleanup_scan_new (GPtrArray *ec2s)
{
  AmigoCleanupScan *self;

  g_return_val_if_fail (ec2s != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_CLEANUP_SCAN, NULL);
  self->ec2s = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ec2s->len; i++)
    g_ptr_array_add (self->ec2s, g_object_ref (g_ptr_array_index (ec2s, i)));
  return self;
}

static void
region_free (Region *region)
{
  g_clear_object (&region->ec2);
  g_ptr_array_unref (region->entries);
  g_hash_table_unref (region->by_image);
  g_free (region);
}

static void
add_problem (AmigoCleanupScan *self,
             AmigoEc2         *ec2,
             const GError     *error)
{
  g_ptr_array_add (self->problems,
                   g_strdup_printf ("%s: %s", amigo_ec2_get_region (ec2), error->message));
}

/* A call of @region ended: when it was the last, its entries join the scan
 * and, when it was the last region, the scan ends. */
static void
region_call_done (Region *region)
{
  GTask *task = region->task;
  AmigoCleanupScan *self = g_task_get_source_object (task);
  ScanData *data = g_task_get_task_data (task);

  if (--region->pending > 0)
    return;
  for (guint i = 0; i < region->entries->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (region->entries, i)));
  region_free (region);
  if (--data->pending_regions == 0)
    {
      amigo_cleanup_entries_link_copies (self->entries, self->ec2s->len > 1);
      if (self->entries->len == 0 && self->problems->len > 0 && self->problems->len == self->ec2s->len)
        g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED, "%s",
                                 (const char *) g_ptr_array_index (self->problems, 0));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/* One DescribeImageReferences call: its region and its images */
typedef struct {
  Region *region;
  GPtrArray *entries;           /* of AmigoCleanupEntry (borrowed) */
} Batch;

static void
on_references_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Batch *b = user_data;
  Region *region = b->region;
  AmigoCleanupScan *self = g_task_get_source_object (region->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) references = amigo_ec2_describe_image_references_finish (AMIGO_EC2 (source), result, &error);

  if (references == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_problem (self, region->ec2, error);
    }
  else
    {
      /* It lists references only: an image it does not name has none. */
      for (guint i = 0; i < b->entries->len; i++)
        amigo_cleanup_entry_set_references_known (g_ptr_array_index (b->entries, i), TRUE);
      for (guint i = 0; i < references->len; i++)
        {
          AmigoImageReference *reference = g_ptr_array_index (references, i);
          AmigoCleanupEntry *entry = g_hash_table_lookup (region->by_image,
                                                          amigo_image_reference_get_image_id (reference));

          if (entry != NULL && amigo_image_reference_get_arn (reference) != NULL)
            amigo_cleanup_entry_add_reference (entry, amigo_image_reference_get_resource_type (reference),
                                               amigo_image_reference_get_arn (reference));
        }
    }
  g_ptr_array_unref (b->entries);
  g_free (b);
  region_call_done (region);
}

static void
on_snapshots_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Region *region = user_data;
  AmigoCleanupScan *self = g_task_get_source_object (region->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = amigo_ec2_describe_snapshots_finish (AMIGO_EC2 (source), result, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (snapshots == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_problem (self, region->ec2, error);
    }
  else
    for (guint i = 0; i < snapshots->len; i++)
      {
        AmigoSnapshot *snapshot = g_ptr_array_index (snapshots, i);

        g_hash_table_insert (by_id, (gpointer) amigo_snapshot_get_snapshot_id (snapshot), snapshot);
      }

  /* Each image's snapshots: their own sizes where known, else the size
   * its mapping gives (the snapshot may be another account's). */
  for (guint i = 0; i < region->entries->len; i++)
    {
      AmigoCleanupEntry *entry = g_ptr_array_index (region->entries, i);
      const AmigoBlockDeviceMapping *mappings;
      guint n = 0;

      mappings = amigo_image_get_block_device_mappings (amigo_cleanup_entry_get_image (entry), &n);
      for (guint m = 0; m < n; m++)
        {
          AmigoSnapshot *snapshot;

          if (!mappings[m].has_ebs || mappings[m].ebs.snapshot_id == NULL || *mappings[m].ebs.snapshot_id == '\0')
            continue;
          snapshot = g_hash_table_lookup (by_id, mappings[m].ebs.snapshot_id);
          if (snapshot != NULL)
            amigo_cleanup_entry_add_snapshot (entry, amigo_snapshot_get_storage_tier (snapshot),
                                              amigo_snapshot_get_full_snapshot_size_in_bytes (snapshot),
                                              amigo_snapshot_get_volume_size (snapshot));
          else
            amigo_cleanup_entry_add_snapshot (entry, NULL, -1, mappings[m].ebs.volume_size);
        }
    }
  region_call_done (region);
}

static void
on_allowed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Region *region = user_data;
  g_autoptr(AmigoAllowedImagesSettings) settings =
    amigo_ec2_get_allowed_images_settings_finish (AMIGO_EC2 (source), result, NULL);

  /* Unknown (not allowed to read it, or no such call): nothing is claimed */
  if (settings != NULL && g_strcmp0 (settings->state, AMIGO_ALLOWED_IMAGES_DISABLED) != 0)
    for (guint i = 0; i < region->entries->len; i++)
      amigo_cleanup_entry_set_allowed_known (g_ptr_array_index (region->entries, i), TRUE);
  region_call_done (region);
}

static void
on_images_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Region *region = user_data;
  AmigoCleanupScan *self = g_task_get_source_object (region->task);
  GCancellable *cancellable = g_task_get_cancellable (region->task);
  const char *owners[] = { "self", NULL };
  AmigoDescribeSnapshotsRequest snapshots = { .owners = owners };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) batch = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_problem (self, region->ec2, error);
      region_call_done (region);
      return;
    }
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      AmigoCleanupEntry *entry = amigo_cleanup_entry_new (amigo_ec2_get_region (region->ec2), image);

      g_ptr_array_add (region->entries, entry);
      g_hash_table_insert (region->by_image, (gpointer) amigo_image_get_image_id (image), entry);
    }

  region->pending++;
  self->n_calls++;
  amigo_ec2_describe_snapshots_async (region->ec2, &snapshots, cancellable, on_snapshots_cb, region);
  region->pending++;
  self->n_calls++;
  amigo_ec2_get_allowed_images_settings_async (region->ec2, cancellable, on_allowed_cb, region);

  /* Nothing is assumed unused until EC2 says so (references_known is
   * FALSE until its batch answers). */
  batch = g_ptr_array_new ();
  for (guint i = 0; i < region->entries->len; i += AMIGO_EC2_IMAGE_REFERENCES_BATCH)
    {
      Batch *b = g_new0 (Batch, 1);

      b->region = region;
      b->entries = g_ptr_array_new ();
      g_ptr_array_set_size (batch, 0);
      for (guint j = i; j < MIN (i + AMIGO_EC2_IMAGE_REFERENCES_BATCH, region->entries->len); j++)
        {
          AmigoCleanupEntry *entry = g_ptr_array_index (region->entries, j);

          g_ptr_array_add (b->entries, entry);
          g_ptr_array_add (batch, (gpointer) amigo_cleanup_entry_get_image_id (entry));
        }
      g_ptr_array_add (batch, NULL);
      region->pending++;
      self->n_calls++;
      amigo_ec2_describe_image_references_async (region->ec2, (const char * const *) batch->pdata,
                                                 cancellable, on_references_cb, b);
    }
  region_call_done (region);
}

/**
 * amigo_cleanup_scan_run_async:
 * @self: a scan
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every region has answered
 * @user_data: data for @callback
 *
 * Gathers the facts of every region at once.
 */
void
amigo_cleanup_scan_run_async (AmigoCleanupScan    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *owners[] = { "self", NULL };
  AmigoDescribeImagesRequest request = {
    .owners = owners, .include_deprecated = TRUE, .include_disabled = TRUE,
  };
  GTask *task;
  ScanData *data;

  g_return_if_fail (AMIGO_IS_CLEANUP_SCAN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_cleanup_scan_run_async);
  data = g_new0 (ScanData, 1);
  g_task_set_task_data (task, data, g_free);
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->problems, 0);
  if (self->ec2s->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  data->pending_regions = self->ec2s->len;
  for (guint i = 0; i < self->ec2s->len; i++)
    {
      Region *region = g_new0 (Region, 1);

      region->task = task;
      region->ec2 = g_object_ref (g_ptr_array_index (self->ec2s, i));
      region->entries = g_ptr_array_new_with_free_func (g_object_unref);
      region->by_image = g_hash_table_new (g_str_hash, g_str_equal);
      region->pending = 1;
      self->n_calls++;
      amigo_ec2_describe_images_async (region->ec2, &request, cancellable, on_images_cb, region);
    }
}

/**
 * amigo_cleanup_scan_run_finish:
 * @self: a scan
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: %TRUE when at least one region answered (see
 *   amigo_cleanup_scan_get_problems() for the others)
 */
gboolean
amigo_cleanup_scan_run_finish (AmigoCleanupScan  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/** amigo_cleanup_scan_get_entries: Returns: (transfer none) (element-type AmigoCleanupEntry): the images found */
GPtrArray *
amigo_cleanup_scan_get_entries (AmigoCleanupScan *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_SCAN (self), NULL);
  return self->entries;
}

/** amigo_cleanup_scan_get_problems: Returns: (transfer none) (element-type utf8): what failed, "region: message" */
GPtrArray *
amigo_cleanup_scan_get_problems (AmigoCleanupScan *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_SCAN (self), NULL);
  return self->problems;
}

/** amigo_cleanup_scan_get_n_calls: Returns: how many EC2 operations the last run started (pages not counted) */
guint
amigo_cleanup_scan_get_n_calls (AmigoCleanupScan *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_SCAN (self), 0);
  return self->n_calls;
}
