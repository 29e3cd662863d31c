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
  { "volumeId", "VolumeId", "volume-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoVolume, volume_id), AMIGO_FIELD_NO_AUX, NULL },
  { "size", "Size", "size", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoVolume, size), AMIGO_FIELD_NO_AUX, NULL },
  { "snapshotId", "SnapshotId", "snapshot-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoVolume, snapshot_id), AMIGO_FIELD_NO_AUX, NULL },
  { "availabilityZone", "AvailabilityZone", "availability-zone", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVolume, availability_zone), AMIGO_FIELD_NO_AUX, NULL },
  { "status", "State", "state", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVolume, state), AMIGO_FIELD_NO_AUX, NULL },
  { "createTime", "CreateTime", "create-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoVolume, create_time), G_STRUCT_OFFSET (AmigoVolume, create_time_usec), NULL },
  { "volumeType", "VolumeType", "volume-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVolume, volume_type), AMIGO_FIELD_NO_AUX, NULL },
  { "iops", "Iops", "iops", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoVolume, iops), AMIGO_FIELD_NO_AUX, NULL },
  { "throughput", "Throughput", "throughput", AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoVolume, throughput), AMIGO_FIELD_NO_AUX, NULL },
  { "encrypted", "Encrypted", "encrypted", AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoVolume, encrypted), AMIGO_FIELD_NO_AUX, NULL },
  { "kmsKeyId", "KmsKeyId", "kms-key-id", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoVolume, kms_key_id), AMIGO_FIELD_NO_AUX, NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoVolume, tags), G_STRUCT_OFFSET (AmigoVolume, n_tags), &amigo_tag_record },
};

AmigoRecordType amigo_volume_record =
  AMIGO_RECORD_TYPE ("Volume", AmigoVolume, volume_fields, amigo_volume_get_type, NULL);

static void
amigo_volume_finalize (GObject *object)
{
  amigo_record_clear (&amigo_volume_record, object);

  G_OBJECT_CLASS (amigo_volume_parent_class)->finalize (object);
}

static void
amigo_volume_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_volume_record, object, prop_id, value, pspec);
}

static void
amigo_volume_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_volume_record, object, prop_id, value, pspec);
}

static void
amigo_volume_class_init (AmigoVolumeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_volume_finalize;
  object_class->get_property = amigo_volume_get_property;
  object_class->set_property = amigo_volume_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_volume_record);
}

static void
amigo_volume_init (AmigoVolume *self)
{
  amigo_record_init (&amigo_volume_record, self);
}

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
gboolean
amigo_volume_get_encrypted (AmigoVolume *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME (self), FALSE);

  return self->encrypted == AMIGO_TRISTATE_TRUE;
}

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
