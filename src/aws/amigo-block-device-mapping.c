/* amigo-block-device-mapping.c — a block device of an image: an EBS volume, an instance store volume or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-block-device-mapping.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoBlockDeviceMapping, amigo_block_device_mapping, amigo_block_device_mapping_copy, amigo_block_device_mapping_free)

static const AmigoRecordField ebs_block_device_fields[] = {
  { "snapshotId", "SnapshotId", NULL, AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, snapshot_id), AMIGO_FIELD_NO_AUX, NULL },
  { "volumeType", "VolumeType", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, volume_type), AMIGO_FIELD_NO_AUX, NULL },
  { "kmsKeyId", "KmsKeyId", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, kms_key_id), AMIGO_FIELD_NO_AUX, NULL },
  { "outpostArn", "OutpostArn", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, outpost_arn), AMIGO_FIELD_NO_AUX, NULL },
  { "availabilityZone", "AvailabilityZone", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, availability_zone), AMIGO_FIELD_NO_AUX, NULL },
  { "volumeSize", "VolumeSize", NULL, AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, volume_size), AMIGO_FIELD_NO_AUX, NULL },
  { "iops", "Iops", NULL, AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, iops), AMIGO_FIELD_NO_AUX, NULL },
  { "throughput", "Throughput", NULL, AMIGO_FIELD_INT,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, throughput), AMIGO_FIELD_NO_AUX, NULL },
  { "deleteOnTermination", "DeleteOnTermination", NULL, AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, delete_on_termination), AMIGO_FIELD_NO_AUX, NULL },
  { "encrypted", "Encrypted", NULL, AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoEbsBlockDevice, encrypted), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_ebs_block_device_record =
  AMIGO_RECORD_TYPE ("EbsBlockDevice", AmigoEbsBlockDevice, ebs_block_device_fields, NULL, NULL);

static const AmigoRecordField block_device_mapping_fields[] = {
  { "deviceName", "DeviceName", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoBlockDeviceMapping, device_name), AMIGO_FIELD_NO_AUX, NULL },
  { "virtualName", "VirtualName", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoBlockDeviceMapping, virtual_name), AMIGO_FIELD_NO_AUX, NULL },
  { "noDevice", "NoDevice", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoBlockDeviceMapping, no_device), AMIGO_FIELD_NO_AUX, NULL },
  { "ebs", "Ebs", NULL, AMIGO_FIELD_STRUCT,
    G_STRUCT_OFFSET (AmigoBlockDeviceMapping, ebs), G_STRUCT_OFFSET (AmigoBlockDeviceMapping, has_ebs), &amigo_ebs_block_device_record },
};

AmigoRecordType amigo_block_device_mapping_record =
  AMIGO_RECORD_TYPE ("BlockDeviceMapping", AmigoBlockDeviceMapping, block_device_mapping_fields, amigo_block_device_mapping_get_type, amigo_block_device_mapping_free);

/**
 * amigo_block_device_mapping_new:
 *
 * Returns: (transfer full): a new #AmigoBlockDeviceMapping with nothing set
 */
AmigoBlockDeviceMapping *
amigo_block_device_mapping_new (void)
{
  AmigoBlockDeviceMapping *self = g_new0 (AmigoBlockDeviceMapping, 1);

  amigo_record_init (&amigo_block_device_mapping_record, self);

  return self;
}

/**
 * amigo_block_device_mapping_copy:
 * @self: a #AmigoBlockDeviceMapping
 *
 * Returns: (transfer full): a deep copy of @self
 */
AmigoBlockDeviceMapping *
amigo_block_device_mapping_copy (const AmigoBlockDeviceMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return amigo_record_dup (&amigo_block_device_mapping_record, self);
}

/**
 * amigo_block_device_mapping_free:
 * @self: (transfer full) (nullable): a #AmigoBlockDeviceMapping
 *
 * Frees @self and what it holds.
 */
void
amigo_block_device_mapping_free (AmigoBlockDeviceMapping *self)
{
  amigo_record_free (&amigo_block_device_mapping_record, self);
}
