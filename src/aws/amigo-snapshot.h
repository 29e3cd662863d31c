/* amigo-snapshot.h — an EBS snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SNAPSHOT (amigo_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSnapshot, amigo_snapshot, AMIGO, SNAPSHOT, GObject)

AmigoSnapshot  *amigo_snapshot_new                             (void);
const char     *amigo_snapshot_get_snapshot_id                 (AmigoSnapshot *self);
const char     *amigo_snapshot_get_volume_id                   (AmigoSnapshot *self);
const char     *amigo_snapshot_get_state                       (AmigoSnapshot *self);
const char     *amigo_snapshot_get_state_message               (AmigoSnapshot *self);
const char     *amigo_snapshot_get_start_time                  (AmigoSnapshot *self);
gint64          amigo_snapshot_get_start_time_usec             (AmigoSnapshot *self);
const char     *amigo_snapshot_get_progress                    (AmigoSnapshot *self);
const char     *amigo_snapshot_get_owner_id                    (AmigoSnapshot *self);
const char     *amigo_snapshot_get_owner_alias                 (AmigoSnapshot *self);
const char     *amigo_snapshot_get_description                 (AmigoSnapshot *self);
gint            amigo_snapshot_get_volume_size                 (AmigoSnapshot *self);
gboolean        amigo_snapshot_get_encrypted                   (AmigoSnapshot *self);
const char     *amigo_snapshot_get_kms_key_id                  (AmigoSnapshot *self);
const char     *amigo_snapshot_get_data_encryption_key_id      (AmigoSnapshot *self);
const AmigoTag *amigo_snapshot_get_tags                        (AmigoSnapshot *self,
                                                                guint         *n_tags);
const char     *amigo_snapshot_get_storage_tier                (AmigoSnapshot *self);
const char     *amigo_snapshot_get_restore_expiry_time         (AmigoSnapshot *self);
gint64          amigo_snapshot_get_restore_expiry_time_usec    (AmigoSnapshot *self);
const char     *amigo_snapshot_get_outpost_arn                 (AmigoSnapshot *self);
const char     *amigo_snapshot_get_availability_zone           (AmigoSnapshot *self);
const char     *amigo_snapshot_get_sse_type                    (AmigoSnapshot *self);
const char     *amigo_snapshot_get_transfer_type               (AmigoSnapshot *self);
gint            amigo_snapshot_get_completion_duration_minutes (AmigoSnapshot *self);
const char     *amigo_snapshot_get_completion_time             (AmigoSnapshot *self);
gint64          amigo_snapshot_get_completion_time_usec        (AmigoSnapshot *self);
gint64          amigo_snapshot_get_full_snapshot_size_in_bytes (AmigoSnapshot *self);

/**
 * AmigoSnapshotDeletion:
 * @snapshot_id: the snapshot
 * @return_code: what happened to it: `success`, `skipped` (another image
 *   uses it), `missing-permissions`, `internal-error`, `client-error`
 *
 * One entry of DeregisterImage's `deleteSnapshotResultSet`.
 */
typedef struct {
  char *snapshot_id;
  char *return_code;
} AmigoSnapshotDeletion;

#define AMIGO_TYPE_SNAPSHOT_DELETION (amigo_snapshot_deletion_get_type ())

GType                  amigo_snapshot_deletion_get_type (void) G_GNUC_CONST;
AmigoSnapshotDeletion *amigo_snapshot_deletion_copy     (const AmigoSnapshotDeletion *self);
void                   amigo_snapshot_deletion_free     (AmigoSnapshotDeletion       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSnapshotDeletion, amigo_snapshot_deletion_free)

G_END_DECLS
