/* amigo-snapshot.c — an EBS snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-snapshot.h"
#include "amigo-record-private.h"

struct _AmigoSnapshot
{
  GObject parent_instance;

  char *snapshot_id;
  char *volume_id;
  char *state;  /* pooled */
  char *state_message;
  char *start_time;
  char *progress;  /* pooled */
  char *owner_id;  /* pooled */
  char *owner_alias;  /* pooled */
  char *description;
  char *kms_key_id;  /* pooled */
  char *data_encryption_key_id;
  AmigoTag *tags;
  char *storage_tier;  /* pooled */
  char *restore_expiry_time;
  char *outpost_arn;  /* pooled */
  char *availability_zone;  /* pooled */
  char *sse_type;  /* pooled */
  char *transfer_type;  /* pooled */
  char *completion_time;
  gint64 start_time_usec;
  gint64 restore_expiry_time_usec;
  gint64 completion_time_usec;
  gint64 full_snapshot_size_in_bytes;
  gint32 volume_size;
  guint n_tags;
  gint32 completion_duration_minutes;
  gint8 encrypted;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoSnapshot, amigo_snapshot, G_TYPE_OBJECT)

static const AmigoRecordField snapshot_fields[] = {
  AMIGO_RECORD_FIELD (AmigoSnapshot, "snapshotId", "SnapshotId", "snapshot-id", STRING, snapshot_id),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "volumeId", "VolumeId", "volume-id", STRING, volume_id),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "status", "State", "state", POOLED, state),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "statusMessage", "StateMessage", "state-message", STRING, state_message),
  AMIGO_RECORD_DATE (AmigoSnapshot, "startTime", "StartTime", "start-time", start_time),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "progress", "Progress", "progress", POOLED, progress),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "ownerId", "OwnerId", "owner-id", POOLED, owner_id),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "ownerAlias", "OwnerAlias", "owner-alias", POOLED, owner_alias),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "description", "Description", "description", STRING, description),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "volumeSize", "VolumeSize", "volume-size", INT, volume_size),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "encrypted", "Encrypted", "encrypted", BOOLEAN, encrypted),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "kmsKeyId", "KmsKeyId", "kms-key-id", POOLED, kms_key_id),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "dataEncryptionKeyId", "DataEncryptionKeyId", "data-encryption-key-id", STRING, data_encryption_key_id),
  AMIGO_RECORD_LIST (AmigoSnapshot, "tagSet", "Tags", "tags", tags, amigo_tag_record),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "storageTier", "StorageTier", "storage-tier", POOLED, storage_tier),
  AMIGO_RECORD_DATE (AmigoSnapshot, "restoreExpiryTime", "RestoreExpiryTime", "restore-expiry-time", restore_expiry_time),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "outpostArn", "OutpostArn", "outpost-arn", POOLED, outpost_arn),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "availabilityZone", "AvailabilityZone", "availability-zone", POOLED, availability_zone),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "sseType", "SseType", "sse-type", POOLED, sse_type),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "transferType", "TransferType", "transfer-type", POOLED, transfer_type),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "completionDurationMinutes", "CompletionDurationMinutes", "completion-duration-minutes", INT, completion_duration_minutes),
  AMIGO_RECORD_DATE (AmigoSnapshot, "completionTime", "CompletionTime", "completion-time", completion_time),
  AMIGO_RECORD_FIELD (AmigoSnapshot, "fullSnapshotSizeInBytes", "FullSnapshotSizeInBytes", "full-snapshot-size-in-bytes", INT64, full_snapshot_size_in_bytes),
};

AmigoRecordType amigo_snapshot_record =
  AMIGO_RECORD_TYPE ("Snapshot", AmigoSnapshot, snapshot_fields, amigo_snapshot_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoSnapshot, amigo_snapshot, amigo_snapshot_record)

/**
 * amigo_snapshot_new:
 *
 * Creates an empty AmigoSnapshot; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoSnapshot
 */
AmigoSnapshot *
amigo_snapshot_new (void)
{
  return g_object_new (AMIGO_TYPE_SNAPSHOT, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoSnapshot, amigo_snapshot, AMIGO_IS_SNAPSHOT, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoSnapshot, amigo_snapshot, AMIGO_IS_SNAPSHOT, Item, field)
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoSnapshot, amigo_snapshot, AMIGO_IS_SNAPSHOT, field)

/**
 * amigo_snapshot_get_snapshot_id:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the snapshot id (`snapshotId`)
 */
GETTER (const char *, snapshot_id, NULL)

/**
 * amigo_snapshot_get_volume_id:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the volume it was taken from (`volumeId`)
 */
GETTER (const char *, volume_id, NULL)

/**
 * amigo_snapshot_get_state:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): `pending`, `completed`, `error`, `recoverable`, `recovering` (`status`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_snapshot_get_state_message:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): why an error happened (`statusMessage`)
 */
GETTER (const char *, state_message, NULL)

/**
 * amigo_snapshot_get_start_time:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): when it was started (`startTime`)
 */
GETTER (const char *, start_time, NULL)

/**
 * amigo_snapshot_get_start_time_usec:
 * @self: an #AmigoSnapshot
 *
 * Returns: when it was started, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, start_time_usec, 0)

/**
 * amigo_snapshot_get_progress:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the progress, e.g. `100%` (`progress`)
 */
GETTER (const char *, progress, NULL)

/**
 * amigo_snapshot_get_owner_id:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the owner's account id (`ownerId`)
 */
GETTER (const char *, owner_id, NULL)

/**
 * amigo_snapshot_get_owner_alias:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the owner's alias (`ownerAlias`)
 */
GETTER (const char *, owner_alias, NULL)

/**
 * amigo_snapshot_get_description:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the description (`description`)
 */
GETTER (const char *, description, NULL)

/**
 * amigo_snapshot_get_volume_size:
 * @self: an #AmigoSnapshot
 *
 * Returns: the size in GiB, -1 if not given (`volumeSize`)
 */
GETTER (gint, volume_size, -1)

/**
 * amigo_snapshot_get_encrypted:
 * @self: an #AmigoSnapshot
 *
 * Returns: whether it is encrypted (`encrypted`); %FALSE when not given
 */
TRISTATE_GETTER (encrypted)

/**
 * amigo_snapshot_get_kms_key_id:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the KMS key (`kmsKeyId`)
 */
GETTER (const char *, kms_key_id, NULL)

/**
 * amigo_snapshot_get_data_encryption_key_id:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the data encryption key (`dataEncryptionKeyId`)
 */
GETTER (const char *, data_encryption_key_id, NULL)

/**
 * amigo_snapshot_get_tags:
 * @self: an #AmigoSnapshot
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)

/**
 * amigo_snapshot_get_storage_tier:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): `archive` or `standard` (`storageTier`)
 */
GETTER (const char *, storage_tier, NULL)

/**
 * amigo_snapshot_get_restore_expiry_time:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): when a restored archive goes back (`restoreExpiryTime`)
 */
GETTER (const char *, restore_expiry_time, NULL)

/**
 * amigo_snapshot_get_restore_expiry_time_usec:
 * @self: an #AmigoSnapshot
 *
 * Returns: when a restored archive goes back, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, restore_expiry_time_usec, 0)

/**
 * amigo_snapshot_get_outpost_arn:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the Outpost (`outpostArn`)
 */
GETTER (const char *, outpost_arn, NULL)

/**
 * amigo_snapshot_get_availability_zone:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the Availability Zone (`availabilityZone`)
 */
GETTER (const char *, availability_zone, NULL)

/**
 * amigo_snapshot_get_sse_type:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): the server-side encryption type (`sseType`)
 */
GETTER (const char *, sse_type, NULL)

/**
 * amigo_snapshot_get_transfer_type:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): `time-based` or `standard` (`transferType`)
 */
GETTER (const char *, transfer_type, NULL)

/**
 * amigo_snapshot_get_completion_duration_minutes:
 * @self: an #AmigoSnapshot
 *
 * Returns: the completion duration asked for, -1 if not given (`completionDurationMinutes`)
 */
GETTER (gint, completion_duration_minutes, -1)

/**
 * amigo_snapshot_get_completion_time:
 * @self: an #AmigoSnapshot
 *
 * Returns: (transfer none) (nullable): when it completed (`completionTime`)
 */
GETTER (const char *, completion_time, NULL)

/**
 * amigo_snapshot_get_completion_time_usec:
 * @self: an #AmigoSnapshot
 *
 * Returns: when it completed, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, completion_time_usec, 0)

/**
 * amigo_snapshot_get_full_snapshot_size_in_bytes:
 * @self: an #AmigoSnapshot
 *
 * Returns: the full size in bytes, -1 if not given (`fullSnapshotSizeInBytes`)
 */
GETTER (gint64, full_snapshot_size_in_bytes, -1)

/* ---- AmigoSnapshotDeletion ------------------------------------------- */

G_DEFINE_BOXED_TYPE (AmigoSnapshotDeletion, amigo_snapshot_deletion,
                     amigo_snapshot_deletion_copy, amigo_snapshot_deletion_free)

static const AmigoRecordField snapshot_deletion_fields[] = {
  AMIGO_RECORD_FIELD (AmigoSnapshotDeletion, "snapshotId", "SnapshotId", NULL, STRING, snapshot_id),
  AMIGO_RECORD_FIELD (AmigoSnapshotDeletion, "returnCode", "ReturnCode", NULL, STRING, return_code),
};

AmigoRecordType amigo_snapshot_deletion_record =
  AMIGO_RECORD_TYPE ("DeleteSnapshotReturnCode", AmigoSnapshotDeletion, snapshot_deletion_fields,
                     amigo_snapshot_deletion_get_type, amigo_snapshot_deletion_free);

/**
 * amigo_snapshot_deletion_copy:
 * @self: an #AmigoSnapshotDeletion
 *
 * Returns: (transfer full): a copy
 */
/**
 * amigo_snapshot_deletion_free:
 * @self: (nullable) (transfer full): an #AmigoSnapshotDeletion
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoSnapshotDeletion, amigo_snapshot_deletion, amigo_snapshot_deletion_record)
