/* amigo-instance-block-device-mapping.c — a block device attached to an instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-instance-block-device-mapping.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoInstanceBlockDeviceMapping, amigo_instance_block_device_mapping, amigo_instance_block_device_mapping_copy, amigo_instance_block_device_mapping_free)

static const AmigoRecordField ebs_instance_block_device_fields[] = {
  { "volumeId", "VolumeId", NULL, AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, volume_id), AMIGO_FIELD_NO_AUX, NULL },
  { "status", "Status", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, status), AMIGO_FIELD_NO_AUX, NULL },
  { "attachTime", "AttachTime", NULL, AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, attach_time), G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, attach_time_usec), NULL },
  { "volumeOwnerId", "VolumeOwnerId", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, volume_owner_id), AMIGO_FIELD_NO_AUX, NULL },
  { "associatedResource", "AssociatedResource", NULL, AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, associated_resource), AMIGO_FIELD_NO_AUX, NULL },
  { "deleteOnTermination", "DeleteOnTermination", NULL, AMIGO_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AmigoEbsInstanceBlockDevice, delete_on_termination), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_ebs_instance_block_device_record =
  AMIGO_RECORD_TYPE ("EbsInstanceBlockDevice", AmigoEbsInstanceBlockDevice, ebs_instance_block_device_fields, NULL, NULL);

static const AmigoRecordField instance_block_device_mapping_fields[] = {
  { "deviceName", "DeviceName", NULL, AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoInstanceBlockDeviceMapping, device_name), AMIGO_FIELD_NO_AUX, NULL },
  { "ebs", "Ebs", NULL, AMIGO_FIELD_STRUCT,
    G_STRUCT_OFFSET (AmigoInstanceBlockDeviceMapping, ebs), G_STRUCT_OFFSET (AmigoInstanceBlockDeviceMapping, has_ebs), &amigo_ebs_instance_block_device_record },
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
  AmigoInstanceBlockDeviceMapping *self = g_new0 (AmigoInstanceBlockDeviceMapping, 1);

  amigo_record_init (&amigo_instance_block_device_mapping_record, self);

  return self;
}

/**
 * amigo_instance_block_device_mapping_copy:
 * @self: a #AmigoInstanceBlockDeviceMapping
 *
 * Returns: (transfer full): a deep copy of @self
 */
AmigoInstanceBlockDeviceMapping *
amigo_instance_block_device_mapping_copy (const AmigoInstanceBlockDeviceMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return amigo_record_dup (&amigo_instance_block_device_mapping_record, self);
}

/**
 * amigo_instance_block_device_mapping_free:
 * @self: (transfer full) (nullable): a #AmigoInstanceBlockDeviceMapping
 *
 * Frees @self and what it holds.
 */
void
amigo_instance_block_device_mapping_free (AmigoInstanceBlockDeviceMapping *self)
{
  amigo_record_free (&amigo_instance_block_device_mapping_record, self);
}
