/* amigo-cleanup-entry.c — one of the account's images as the Clean Up view
 * weighs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-cleanup-entry.h"

struct _AmigoCleanupEntry
{
  GObject parent_instance;

  char *region;
  AmigoImage *image;
  GPtrArray *reference_arns;    /* of char*, NULL-terminated */
  GPtrArray *snapshot_ids;      /* of char*, NULL-terminated */
  GPtrArray *copy_regions;      /* of char*, NULL-terminated: where its copies are */
  AmigoSnapshotCost cost;
  GArray *snapshots;            /* of Snapshot: what the cost counts, to count again */
  gboolean references_known;
  gboolean allowed_known;       /* Allowed AMIs is on in its region */
  gboolean copies_known;        /* the other regions were scanned too */
};

G_DEFINE_FINAL_TYPE (AmigoCleanupEntry, amigo_cleanup_entry, G_TYPE_OBJECT)

typedef struct {
  gboolean archived;
  gint64 full_size_bytes;
  gint volume_size_gib;
} Snapshot;

#define USEC_PER_DAY (G_USEC_PER_SEC * (gint64) 86400)

static void
amigo_cleanup_entry_finalize (GObject *object)
{
  AmigoCleanupEntry *self = AMIGO_CLEANUP_ENTRY (object);

  g_free (self->region);
  g_clear_object (&self->image);
  g_ptr_array_unref (self->reference_arns);
  g_ptr_array_unref (self->snapshot_ids);
  g_ptr_array_unref (self->copy_regions);
  g_clear_pointer (&self->snapshots, g_array_unref);
  G_OBJECT_CLASS (amigo_cleanup_entry_parent_class)->finalize (object);
}

static void
amigo_cleanup_entry_class_init (AmigoCleanupEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_cleanup_entry_finalize;
}

static GPtrArray *
strv_array_new (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static void
strv_array_add (GPtrArray  *array,
                const char *value)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (value));
}

static void
amigo_cleanup_entry_init (AmigoCleanupEntry *self)
{
  self->reference_arns = strv_array_new ();
  self->snapshot_ids = strv_array_new ();
  self->copy_regions = strv_array_new ();
}

/**
 * amigo_cleanup_entry_new:
 * @region: the image's region
 * @image: one of the account's images
 *
 * The snapshot ids come from @image's EBS mappings; their sizes and the
 * references are added as the scan learns them.
 *
 * Returns: (transfer full): a new entry
 */
AmigoCleanupEntry *
amigo_cleanup_entry_new (const char *region,
                         AmigoImage *image)
{
  AmigoCleanupEntry *self;
  const AmigoBlockDeviceMapping *mappings;
  guint n = 0;

  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (AMIGO_IS_IMAGE (image), NULL);

  self = g_object_new (AMIGO_TYPE_CLEANUP_ENTRY, NULL);
  self->region = g_strdup (region);
  self->image = g_object_ref (image);
  mappings = amigo_image_get_block_device_mappings (image, &n);
  for (guint i = 0; i < n; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.snapshot_id != NULL && *mappings[i].ebs.snapshot_id != '\0')
      strv_array_add (self->snapshot_ids, mappings[i].ebs.snapshot_id);
  return self;
}

/** amigo_cleanup_entry_get_region: Returns: (transfer none): the image's region */
const char *
amigo_cleanup_entry_get_region (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return self->region;
}

/** amigo_cleanup_entry_get_image: Returns: (transfer none): the image */
AmigoImage *
amigo_cleanup_entry_get_image (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return self->image;
}

/** amigo_cleanup_entry_get_image_id: Returns: (transfer none): the image's id */
const char *
amigo_cleanup_entry_get_image_id (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return amigo_image_get_image_id (self->image);
}

/**
 * amigo_cleanup_entry_add_reference:
 * @self: an entry
 * @resource_type: (nullable): e.g. `ec2:Instance`
 * @arn: the resource that refers to the image
 */
void
amigo_cleanup_entry_add_reference (AmigoCleanupEntry *self,
                                   const char        *resource_type,
                                   const char        *arn)
{
  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));
  g_return_if_fail (arn != NULL);
  strv_array_add (self->reference_arns, arn);
  self->references_known = TRUE;
}

/** amigo_cleanup_entry_get_n_references: Returns: how many resources refer to the image */
guint
amigo_cleanup_entry_get_n_references (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), 0);
  return self->reference_arns->len - 1;
}

/** amigo_cleanup_entry_get_reference_arns: Returns: (transfer none) (array zero-terminated=1): their ARNs */
const char * const *
amigo_cleanup_entry_get_reference_arns (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return (const char * const *) self->reference_arns->pdata;
}

/**
 * amigo_cleanup_entry_set_references_known:
 * @self: an entry
 * @known: whether DescribeImageReferences answered for the image (when it
 *   failed, the image counts as referred to: nothing is assumed unused)
 */
void
amigo_cleanup_entry_set_references_known (AmigoCleanupEntry *self,
                                          gboolean           known)
{
  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));
  self->references_known = known;
}

/** amigo_cleanup_entry_get_references_known: Returns: whether the references are known */
gboolean
amigo_cleanup_entry_get_references_known (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  return self->references_known;
}

/** amigo_cleanup_entry_get_snapshot_ids: Returns: (transfer none) (array zero-terminated=1): its EBS snapshots */
const char * const *
amigo_cleanup_entry_get_snapshot_ids (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return (const char * const *) self->snapshot_ids->pdata;
}

/**
 * amigo_cleanup_entry_add_snapshot:
 * @self: an entry
 * @storage_tier: (nullable): `standard` or `archive`
 * @full_size_bytes: `FullSnapshotSizeInBytes`, -1 if not given
 * @volume_size_gib: `VolumeSize`, -1 if not given
 *
 * Counts one of the image's snapshots in its cost.
 */
void
amigo_cleanup_entry_add_snapshot (AmigoCleanupEntry *self,
                                  const char        *storage_tier,
                                  gint64             full_size_bytes,
                                  gint               volume_size_gib)
{
  Snapshot snapshot = { g_strcmp0 (storage_tier, "archive") == 0, full_size_bytes, volume_size_gib };

  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));
  amigo_snapshot_cost_add_snapshot (&self->cost, self->region, storage_tier, full_size_bytes,
                                    volume_size_gib);
  if (self->snapshots == NULL)
    self->snapshots = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  g_array_append_val (self->snapshots, snapshot);
}

/** amigo_cleanup_entry_get_cost: Returns: (transfer none): the estimate of its snapshots' monthly cost */
const AmigoSnapshotCost *
amigo_cleanup_entry_get_cost (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return &self->cost;
}

/**
 * amigo_cleanup_entry_get_unused_since:
 * @self: an entry
 *
 * Returns: since when the image has not launched anything, in microseconds
 *   since the epoch: its last launch (`lastLaunchedTime`), or its creation
 *   when it never launched; 0 when neither is known
 */
gint64
amigo_cleanup_entry_get_unused_since (AmigoCleanupEntry *self)
{
  gint64 launched;

  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), 0);
  launched = amigo_image_get_last_launched_time_usec (self->image);
  return launched > 0 ? launched : amigo_image_get_creation_date_usec (self->image);
}

/**
 * amigo_cleanup_entry_get_days_unused:
 * @self: an entry
 * @now_usec: now, in microseconds since the epoch
 *
 * Returns: whole days since amigo_cleanup_entry_get_unused_since(), -1
 *   when not known
 */
gint
amigo_cleanup_entry_get_days_unused (AmigoCleanupEntry *self,
                                     gint64             now_usec)
{
  gint64 since = amigo_cleanup_entry_get_unused_since (self);

  if (since <= 0)
    return -1;
  return (gint) (MAX (0, now_usec - since) / USEC_PER_DAY);
}

/**
 * amigo_cleanup_entry_set_allowed_known:
 * @self: an entry
 * @known: whether Allowed AMIs is enabled or in audit mode in the image's
 *   region, so that its `imageAllowed` means something
 */
void
amigo_cleanup_entry_set_allowed_known (AmigoCleanupEntry *self,
                                       gboolean           known)
{
  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));
  self->allowed_known = known;
}

/** amigo_cleanup_entry_get_allowed_known: Returns: whether `imageAllowed` means something */
gboolean
amigo_cleanup_entry_get_allowed_known (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  return self->allowed_known;
}

/**
 * amigo_cleanup_entry_add_copy_region:
 * @self: an entry
 * @region: a region that holds a copy of the image (an image of the
 *   account whose `sourceImageId` is this one)
 */
void
amigo_cleanup_entry_add_copy_region (AmigoCleanupEntry *self,
                                     const char        *region)
{
  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));
  if (!g_strv_contains ((const char * const *) self->copy_regions->pdata, region))
    strv_array_add (self->copy_regions, region);
}

/** amigo_cleanup_entry_get_copy_regions: Returns: (transfer none) (array zero-terminated=1): where its copies are, one region each */
const char * const *
amigo_cleanup_entry_get_copy_regions (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), NULL);
  return (const char * const *) self->copy_regions->pdata;
}

/**
 * amigo_cleanup_entries_link_copies:
 * @entries: (element-type AmigoCleanupEntry): the account's images, of
 *   every region scanned
 * @across_regions: whether more than one region was scanned (else copies
 *   elsewhere were not looked for: amigo_cleanup_entry_get_copies_known())
 *
 * Finds the copies among @entries by their source (`sourceImageId`,
 * `sourceImageRegion`) and records, for each image copied, the regions
 * its copies are in.
 */
void
amigo_cleanup_entries_link_copies (GPtrArray *entries,
                                   gboolean   across_regions)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      AmigoCleanupEntry *entry = g_ptr_array_index (entries, i);

      entry->copies_known = across_regions;

      g_hash_table_insert (by_key, g_strconcat (entry->region, "/", amigo_cleanup_entry_get_image_id (entry), NULL),
                           entry);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      AmigoCleanupEntry *entry = g_ptr_array_index (entries, i);
      const char *source = amigo_image_get_source_image_id (entry->image);
      const char *source_region = amigo_image_get_source_image_region (entry->image);
      g_autofree char *key = NULL;
      AmigoCleanupEntry *original;

      if (source == NULL || *source == '\0')
        continue;
      key = g_strconcat (source_region != NULL ? source_region : entry->region, "/", source, NULL);
      original = g_hash_table_lookup (by_key, key);
      if (original != NULL)
        amigo_cleanup_entry_add_copy_region (original, entry->region);
    }
}

/** amigo_cleanup_entry_get_copies_known: Returns: whether copies in other regions were looked for */
gboolean
amigo_cleanup_entry_get_copies_known (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  return self->copies_known;
}

/** amigo_cleanup_entry_is_protected: Returns: whether deregistration protection is on */
gboolean
amigo_cleanup_entry_is_protected (AmigoCleanupEntry *self)
{
  const char *protection;

  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  protection = amigo_image_get_deregistration_protection (self->image);
  return protection != NULL && g_str_has_prefix (protection, "enabled");
}

/** amigo_cleanup_entry_is_disabled: Returns: whether the image is disabled */
gboolean
amigo_cleanup_entry_is_disabled (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  return g_strcmp0 (amigo_image_get_state (self->image), "disabled") == 0;
}

/**
 * amigo_cleanup_entry_needs_confirmation:
 * @self: an entry
 *
 * Returns: whether a bulk action must ask about this image alone: it is
 *   protected, something refers to it, or its references are not known
 */
gboolean
amigo_cleanup_entry_needs_confirmation (AmigoCleanupEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), TRUE);
  return amigo_cleanup_entry_is_protected (self)
         || !self->references_known
         || amigo_cleanup_entry_get_n_references (self) > 0;
}

/**
 * amigo_cleanup_entry_is_unused:
 * @self: an entry
 * @days: the least number of days without a launch
 * @now_usec: now, in microseconds since the epoch
 *
 * Returns: whether the image has not launched anything for @days days and
 *   nothing is known to refer to it
 */
gboolean
amigo_cleanup_entry_is_unused (AmigoCleanupEntry *self,
                               guint              days,
                               gint64             now_usec)
{
  gint unused;

  g_return_val_if_fail (AMIGO_IS_CLEANUP_ENTRY (self), FALSE);
  unused = amigo_cleanup_entry_get_days_unused (self, now_usec);
  return self->references_known && amigo_cleanup_entry_get_n_references (self) == 0
         && unused >= 0 && (guint) unused >= days;
}

/**
 * amigo_cleanup_entry_reprice:
 * @self: an entry
 *
 * Counts its snapshots' cost again, at the prices known now (after the
 * AWS Price List's have arrived: amigo_snapshot_price_set_read()).
 */
void
amigo_cleanup_entry_reprice (AmigoCleanupEntry *self)
{
  g_return_if_fail (AMIGO_IS_CLEANUP_ENTRY (self));

  self->cost = (AmigoSnapshotCost) { 0 };
  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    {
      const Snapshot *s = &g_array_index (self->snapshots, Snapshot, i);

      amigo_snapshot_cost_add_snapshot (&self->cost, self->region, s->archived ? "archive" : "standard",
                                        s->full_size_bytes, s->volume_size_gib);
    }
}
