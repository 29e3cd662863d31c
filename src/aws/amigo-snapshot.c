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
  { "snapshotId", "SnapshotId", "snapshot-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshot, snapshot_id), AMIGO_FIELD_NO_AUX, NULL },
  { "volumeId", "VolumeId", "volume-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshot, volume_id), AMIGO_FIELD_NO_AUX, NULL },
  { "status", "State", "state", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, state), AMIGO_FIELD_NO_AUX, NULL },
  { "statusMessage", "StateMessage", "state-message", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshot, state_message), AMIGO_FIELD_NO_AUX, NULL },
  { "startTime", "StartTime", "start-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoSnapshot, start_time), G_STRUCT_OFFSET (AmigoSnapshot, start_time_usec), NULL },
  { "progress", "Progress", "progress", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, progress), AMIGO_FIELD_NO_AUX, NULL },
  { "ownerId", "OwnerId", "owner-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "ownerAlias", "OwnerAlias", "owner-alias", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, owner_alias), AMIGO_FIELD_NO_AUX, NULL },
  { "description", "Description", "description", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshot, description), AMIGO_FIELD_NO_AUX, NULL },
  { "volumeSize", "VolumeSize", "volume-size", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoSnapshot, volume_size), AMIGO_FIELD_NO_AUX, NULL },
  { "encrypted", "Encrypted", "encrypted", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoSnapshot, encrypted), AMIGO_FIELD_NO_AUX, NULL },
  { "kmsKeyId", "KmsKeyId", "kms-key-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, kms_key_id), AMIGO_FIELD_NO_AUX, NULL },
  { "dataEncryptionKeyId", "DataEncryptionKeyId", "data-encryption-key-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshot, data_encryption_key_id), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoSnapshot, tags), G_STRUCT_OFFSET (AmigoSnapshot, n_tags), &amigo_tag_record },
  { "storageTier", "StorageTier", "storage-tier", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, storage_tier), AMIGO_FIELD_NO_AUX, NULL },
  { "restoreExpiryTime", "RestoreExpiryTime", "restore-expiry-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoSnapshot, restore_expiry_time), G_STRUCT_OFFSET (AmigoSnapshot, restore_expiry_time_usec), NULL },
  { "outpostArn", "OutpostArn", "outpost-arn", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, outpost_arn), AMIGO_FIELD_NO_AUX, NULL },
  { "availabilityZone", "AvailabilityZone", "availability-zone", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, availability_zone), AMIGO_FIELD_NO_AUX, NULL },
  { "sseType", "SseType", "sse-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, sse_type), AMIGO_FIELD_NO_AUX, NULL },
  { "transferType", "TransferType", "transfer-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoSnapshot, transfer_type), AMIGO_FIELD_NO_AUX, NULL },
  { "completionDurationMinutes", "CompletionDurationMinutes", "completion-duration-minutes", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoSnapshot, completion_duration_minutes), AMIGO_FIELD_NO_AUX, NULL },
  { "completionTime", "CompletionTime", "completion-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoSnapshot, completion_time), G_STRUCT_OFFSET (AmigoSnapshot, completion_time_usec), NULL },
  { "fullSnapshotSizeInBytes", "FullSnapshotSizeInBytes", "full-snapshot-size-in-bytes", AMIGO_FIELD_INT64,
    G_STRUCT_OFFSET (AmigoSnapshot, full_snapshot_size_in_bytes), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_snapshot_record =
  AMIGO_RECORD_TYPE ("Snapshot", AmigoSnapshot, snapshot_fields, amigo_snapshot_get_type, NULL);

static void
amigo_snapshot_finalize (GObject *object)
{
  amigo_record_clear (&amigo_snapshot_record, object);

  G_OBJECT_CLASS (amigo_snapshot_parent_class)->finalize (object);
}

static void
amigo_snapshot_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_snapshot_record, object, prop_id, value, pspec);
}

static void
amigo_snapshot_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_snapshot_record, object, prop_id, value, pspec);
}

static void
amigo_snapshot_class_init (AmigoSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_snapshot_finalize;
  object_class->get_property = amigo_snapshot_get_property;
  object_class->set_property = amigo_snapshot_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_snapshot_record);
}

static void
amigo_snapshot_init (AmigoSnapshot *self)
{
  amigo_record_init (&amigo_snapshot_record, self);
}

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
gboolean
amigo_snapshot_get_encrypted (AmigoSnapshot *self)
{
  g_return_val_if_fail (AMIGO_IS_SNAPSHOT (self), FALSE);

  return self->encrypted == AMIGO_TRISTATE_TRUE;
}

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
  { "snapshotId", "SnapshotId", NULL, AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshotDeletion, snapshot_id), AMIGO_FIELD_NO_AUX, NULL },
  { "returnCode", "ReturnCode", NULL, AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoSnapshotDeletion, return_code), AMIGO_FIELD_NO_AUX, NULL },
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
AmigoSnapshotDeletion *
amigo_snapshot_deletion_copy (const AmigoSnapshotDeletion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return amigo_record_dup (&amigo_snapshot_deletion_record, self);
}

/**
 * amigo_snapshot_deletion_free:
 * @self: (nullable) (transfer full): an #AmigoSnapshotDeletion
 */
void
amigo_snapshot_deletion_free (AmigoSnapshotDeletion *self)
{
  amigo_record_free (&amigo_snapshot_deletion_record, self);
}
