/* amigo-volume.c — an EBS volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What making an image of an instance needs to know of its volumes: the
 * size (an image's volume cannot be smaller), the type and the snapshot it
 * came from. The attachments are left out: the instance's own block device
 * mappings say which device each volume is.
 */
#include "config.h"

#include "amigo-volume.h"
#include "amigo-record-private.h"

struct _AmigoVolume
{
  GObject parent_instance;

  char *volume_id;
  char *snapshot_id;
  char *availability_zone;  /* pooled */
  char *state;  /* pooled */
  char *create_time;
  char *volume_type;  /* pooled */
  char *kms_key_id;  /* pooled */
  AmigoTag *tags;
  gint64 create_time_usec;
  gint32 size;
  gint32 iops;
  gint32 throughput;
  guint n_tags;
  gint8 encrypted;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoVolume, amigo_volume, G_TYPE_OBJECT)

static const AmigoRecordField volume_fields[] = {
  AMIGO_RECORD_FIELD (AmigoVolume, "volumeId", "VolumeId", "volume-id", STRING, volume_id),
  AMIGO_RECORD_FIELD (AmigoVolume, "size", "Size", "size", INT, size),
  AMIGO_RECORD_FIELD (AmigoVolume, "snapshotId", "SnapshotId", "snapshot-id", STRING, snapshot_id),
  AMIGO_RECORD_FIELD (AmigoVolume, "availabilityZone", "AvailabilityZone", "availability-zone", POOLED, availability_zone),
  AMIGO_RECORD_FIELD (AmigoVolume, "status", "State", "state", POOLED, state),
  AMIGO_RECORD_DATE (AmigoVolume, "createTime", "CreateTime", "create-time", create_time),
  AMIGO_RECORD_FIELD (AmigoVolume, "volumeType", "VolumeType", "volume-type", POOLED, volume_type),
  AMIGO_RECORD_FIELD (AmigoVolume, "iops", "Iops", "iops", INT, iops),
  AMIGO_RECORD_FIELD (AmigoVolume, "throughput", "Throughput", "throughput", INT, throughput),
  AMIGO_RECORD_FIELD (AmigoVolume, "encrypted", "Encrypted", "encrypted", BOOLEAN, encrypted),
  AMIGO_RECORD_FIELD (AmigoVolume, "kmsKeyId", "KmsKeyId", "kms-key-id", POOLED, kms_key_id),
  AMIGO_RECORD_LIST (AmigoVolume, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_volume_record =
  AMIGO_RECORD_TYPE ("Volume", AmigoVolume, volume_fields, amigo_volume_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoVolume, amigo_volume, amigo_volume_record)

/**
 * amigo_volume_new:
 *
 * Creates an empty AmigoVolume; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoVolume
 */
AmigoVolume *
amigo_volume_new (void)
{
  return g_object_new (AMIGO_TYPE_VOLUME, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoVolume, amigo_volume, AMIGO_IS_VOLUME, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoVolume, amigo_volume, AMIGO_IS_VOLUME, Item, field)
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoVolume, amigo_volume, AMIGO_IS_VOLUME, field)

/**
 * amigo_volume_get_volume_id:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): the volume id (`volumeId`)
 */
GETTER (const char *, volume_id, NULL)

/**
 * amigo_volume_get_size:
 * @self: an #AmigoVolume
 *
 * Returns: its size in GiB (`size`), -1 when not given
 */
GETTER (gint, size, -1)

/**
 * amigo_volume_get_snapshot_id:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): the snapshot it was made from
 *   (`snapshotId`; empty or %NULL for a blank volume)
 */
GETTER (const char *, snapshot_id, NULL)

/**
 * amigo_volume_get_availability_zone:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): its Availability Zone (`availabilityZone`)
 */
GETTER (const char *, availability_zone, NULL)

/**
 * amigo_volume_get_state:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): `creating`, `available`, `in-use`,
 *   `deleting`, `deleted` or `error` (`status`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_volume_get_create_time:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): when it was created, as AWS wrote
 *   it (`createTime`)
 */
GETTER (const char *, create_time, NULL)

/**
 * amigo_volume_get_create_time_usec:
 * @self: an #AmigoVolume
 *
 * Returns: @create_time in microseconds since the Unix epoch, or 0
 */
GETTER (gint64, create_time_usec, 0)

/**
 * amigo_volume_get_volume_type:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): `gp3`, `gp2`, `io1`, `io2`, `st1`,
 *   `sc1` or `standard` (`volumeType`)
 */
GETTER (const char *, volume_type, NULL)

/**
 * amigo_volume_get_iops:
 * @self: an #AmigoVolume
 *
 * Returns: its IOPS (`iops`), -1 when not given
 */
GETTER (gint, iops, -1)

/**
 * amigo_volume_get_throughput:
 * @self: an #AmigoVolume
 *
 * Returns: its throughput in MiB/s (`throughput`), -1 when not given
 */
GETTER (gint, throughput, -1)

/**
 * amigo_volume_get_encrypted:
 * @self: an #AmigoVolume
 *
 * Returns: whether it is encrypted (`encrypted`); %FALSE when not given
 */
TRISTATE_GETTER (encrypted)

/**
 * amigo_volume_get_kms_key_id:
 * @self: an #AmigoVolume
 *
 * Returns: (transfer none) (nullable): the KMS key of an encrypted volume (`kmsKeyId`)
 */
GETTER (const char *, kms_key_id, NULL)

/**
 * amigo_volume_get_tags:
 * @self: an #AmigoVolume
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
