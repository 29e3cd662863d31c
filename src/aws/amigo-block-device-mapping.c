/* amigo-block-device-mapping.c — a block device of an image: an EBS volume, an instance store volume or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-block-device-mapping.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoBlockDeviceMapping, amigo_block_device_mapping, amigo_block_device_mapping_copy, amigo_block_device_mapping_free)

static const AmigoRecordField ebs_block_device_fields[] = {
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "snapshotId", "SnapshotId", NULL, STRING, snapshot_id),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "volumeType", "VolumeType", NULL, POOLED, volume_type),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "kmsKeyId", "KmsKeyId", NULL, POOLED, kms_key_id),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "outpostArn", "OutpostArn", NULL, POOLED, outpost_arn),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "availabilityZone", "AvailabilityZone", NULL, POOLED, availability_zone),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "volumeSize", "VolumeSize", NULL, INT, volume_size),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "iops", "Iops", NULL, INT, iops),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "throughput", "Throughput", NULL, INT, throughput),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "deleteOnTermination", "DeleteOnTermination", NULL, BOOLEAN, delete_on_termination),
  AMIGO_RECORD_FIELD (AmigoEbsBlockDevice, "encrypted", "Encrypted", NULL, BOOLEAN, encrypted),
};

AmigoRecordType amigo_ebs_block_device_record =
  AMIGO_RECORD_TYPE ("EbsBlockDevice", AmigoEbsBlockDevice, ebs_block_device_fields, NULL, NULL);

static const AmigoRecordField block_device_mapping_fields[] = {
  AMIGO_RECORD_FIELD (AmigoBlockDeviceMapping, "deviceName", "DeviceName", NULL, POOLED, device_name),
  AMIGO_RECORD_FIELD (AmigoBlockDeviceMapping, "virtualName", "VirtualName", NULL, POOLED, virtual_name),
  AMIGO_RECORD_FIELD (AmigoBlockDeviceMapping, "noDevice", "NoDevice", NULL, POOLED, no_device),
  AMIGO_RECORD_STRUCT (AmigoBlockDeviceMapping, "ebs", "Ebs", NULL, ebs, amigo_ebs_block_device_record),
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
  return amigo_record_new (&amigo_block_device_mapping_record);
}

/**
 * amigo_block_device_mapping_copy:
 * @self: a #AmigoBlockDeviceMapping
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_block_device_mapping_free:
 * @self: (transfer full) (nullable): a #AmigoBlockDeviceMapping
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoBlockDeviceMapping, amigo_block_device_mapping, amigo_block_device_mapping_record)
