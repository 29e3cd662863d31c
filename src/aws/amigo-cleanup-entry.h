/* amigo-cleanup-entry.h — one of the account's images as the Clean Up view
 * weighs it: last launch, what still refers to it, its snapshots and what
 * they cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-image.h"
#include "amigo-snapshot-cost.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_CLEANUP_ENTRY (amigo_cleanup_entry_get_type ())

G_DECLARE_FINAL_TYPE (AmigoCleanupEntry, amigo_cleanup_entry, AMIGO, CLEANUP_ENTRY, GObject)

AmigoCleanupEntry       *amigo_cleanup_entry_new                (const char        *region,
                                                                 AmigoImage        *image);
const char              *amigo_cleanup_entry_get_region         (AmigoCleanupEntry *self);
AmigoImage              *amigo_cleanup_entry_get_image          (AmigoCleanupEntry *self);
const char              *amigo_cleanup_entry_get_image_id       (AmigoCleanupEntry *self);
void                     amigo_cleanup_entry_add_reference      (AmigoCleanupEntry *self,
                                                                 const char        *resource_type,
                                                                 const char        *arn);
guint                    amigo_cleanup_entry_get_n_references   (AmigoCleanupEntry *self);
const char * const      *amigo_cleanup_entry_get_reference_arns (AmigoCleanupEntry *self);
void                     amigo_cleanup_entry_set_references_known (AmigoCleanupEntry *self,
                                                                   gboolean           known);
gboolean                 amigo_cleanup_entry_get_references_known (AmigoCleanupEntry *self);
const char * const      *amigo_cleanup_entry_get_snapshot_ids   (AmigoCleanupEntry *self);
void                     amigo_cleanup_entry_add_snapshot       (AmigoCleanupEntry *self,
                                                                 const char        *storage_tier,
                                                                 gint64             full_size_bytes,
                                                                 gint               volume_size_gib);
const AmigoSnapshotCost *amigo_cleanup_entry_get_cost           (AmigoCleanupEntry *self);
void                     amigo_cleanup_entry_reprice            (AmigoCleanupEntry *self);
gint64                   amigo_cleanup_entry_get_unused_since   (AmigoCleanupEntry *self);
gint                     amigo_cleanup_entry_get_days_unused    (AmigoCleanupEntry *self,
                                                                 gint64             now_usec);
void                     amigo_cleanup_entry_set_allowed_known (AmigoCleanupEntry *self,
                                                                gboolean           known);
gboolean                 amigo_cleanup_entry_get_allowed_known (AmigoCleanupEntry *self);
void                     amigo_cleanup_entry_add_copy_region (AmigoCleanupEntry *self,
                                                              const char        *region);
const char * const      *amigo_cleanup_entry_get_copy_regions (AmigoCleanupEntry *self);
gboolean                 amigo_cleanup_entry_get_copies_known (AmigoCleanupEntry *self);
void                     amigo_cleanup_entries_link_copies  (GPtrArray         *entries,
                                                             gboolean           across_regions);
gboolean                 amigo_cleanup_entry_is_protected       (AmigoCleanupEntry *self);
gboolean                 amigo_cleanup_entry_is_disabled        (AmigoCleanupEntry *self);
gboolean                 amigo_cleanup_entry_needs_confirmation (AmigoCleanupEntry *self);
gboolean                 amigo_cleanup_entry_is_unused          (AmigoCleanupEntry *self,
                                                                 guint              days,
                                                                 gint64             now_usec);

G_END_DECLS
