/* amigo-instance-block-device-mapping.c — a block device attached to an instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-instance-block-device-mapping.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoInstanceBlockDeviceMapping, amigo_instance_block_device_mapping, amigo_instance_block_device_mapping_copy, amigo_instance_block_device_mapping_free)

static const AmigoRecordField ebs_instance_block_device_fields[] = {
  AMIGO_RECORD_FIELD (AmigoEbsInstanceBlockDevice, "volumeId", "VolumeId", NULL, STRING, volume_id),
  AMIGO_RECORD_FIELD (AmigoEbsInstanceBlockDevice, "status", "Status", NULL, POOLED, status),
  AMIGO_RECORD_DATE (AmigoEbsInstanceBlockDevice, "attachTime", "AttachTime", NULL, attach_time),
  AMIGO_RECORD_FIELD (AmigoEbsInstanceBlockDevice, "volumeOwnerId", "VolumeOwnerId", NULL, POOLED, volume_owner_id),
  AMIGO_RECORD_FIELD (AmigoEbsInstanceBlockDevice, "associatedResource", "AssociatedResource", NULL, STRING, associated_resource),
  AMIGO_RECORD_FIELD (AmigoEbsInstanceBlockDevice, "deleteOnTermination", "DeleteOnTermination", NULL, BOOLEAN, delete_on_termination),
};

AmigoRecordType amigo_ebs_instance_block_device_record =
  AMIGO_RECORD_TYPE ("EbsInstanceBlockDevice", AmigoEbsInstanceBlockDevice, ebs_instance_block_device_fields, NULL, NULL);

static const AmigoRecordField instance_block_device_mapping_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstanceBlockDeviceMapping, "deviceName", "DeviceName", NULL, POOLED, device_name),
  AMIGO_RECORD_STRUCT (AmigoInstanceBlockDeviceMapping, "ebs", "Ebs", NULL, ebs, amigo_ebs_instance_block_device_record),
};

AmigoRecordType amigo_instance_block_device_mapping_record =
  AMIGO_RECORD_TYPE ("InstanceBlockDeviceMapping", AmigoInstanceBlockDeviceMapping, instance_block_device_mapping_fields, amigo_instance_block_device_mapping_get_type, amigo_instance_block_device_mapping_free);

/**
 * amigo_instance_block_device_mapping_new:
 *
 * Returns: (transfer full): a new #AmigoInstanceBlockDeviceMapping with nothing set
 */
AmigoInstanceBlockDeviceMapping *
amigo_instance_block_device_mapping_new (void)
{
  return amigo_record_new (&amigo_instance_block_device_mapping_record);
}

/**
 * amigo_instance_block_device_mapping_copy:
 * @self: a #AmigoInstanceBlockDeviceMapping
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_instance_block_device_mapping_free:
 * @self: (transfer full) (nullable): a #AmigoInstanceBlockDeviceMapping
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoInstanceBlockDeviceMapping, amigo_instance_block_device_mapping, amigo_instance_block_device_mapping_record)
