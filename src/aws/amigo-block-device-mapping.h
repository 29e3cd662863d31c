/* amigo-block-device-mapping.h — a block device of an image: an EBS volume, an instance store volume or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoEbsBlockDevice:
 * @snapshot_id: the snapshot (`snapshotId`)
 * @volume_type: `gp3`, `gp2`, `io1`, `io2`, `st1`, `sc1` or `standard` (`volumeType`) (pooled)
 * @kms_key_id: the KMS key of an encrypted volume (`kmsKeyId`) (pooled)
 * @outpost_arn: the Outpost (`outpostArn`) (pooled)
 * @availability_zone: the Availability Zone (`availabilityZone`) (pooled)
 * @volume_size: the size in GiB, -1 if not given (`volumeSize`)
 * @iops: the IOPS, -1 if not given (`iops`)
 * @throughput: the throughput in MiB/s, -1 if not given (`throughput`)
 * @delete_on_termination: whether the volume goes with the instance (`deleteOnTermination`)
 * @encrypted: whether the volume is encrypted (`encrypted`)
 *
 * The EBS volume of a block device mapping.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *snapshot_id;
  char *volume_type;
  char *kms_key_id;
  char *outpost_arn;
  char *availability_zone;
  gint32 volume_size;
  gint32 iops;
  gint32 throughput;
  gint8 delete_on_termination;  /* AmigoTristate */
  gint8 encrypted;  /* AmigoTristate */
} AmigoEbsBlockDevice;

/**
 * AmigoBlockDeviceMapping:
 * @device_name: the device name, e.g. `/dev/xvda` (`deviceName`) (pooled)
 * @virtual_name: an instance store volume, e.g. `ephemeral0` (`virtualName`) (pooled)
 * @no_device: set (usually to "") when the device is suppressed (`noDevice`) (pooled)
 * @has_ebs: whether AWS gave `ebs`
 * @ebs: the EBS volume, when @has_ebs (`ebs`)
 *
 * A block device of an image: an EBS volume, an instance store volume or none.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *device_name;
  char *virtual_name;
  char *no_device;
  AmigoEbsBlockDevice ebs;
  gboolean has_ebs;
} AmigoBlockDeviceMapping;

#define AMIGO_TYPE_BLOCK_DEVICE_MAPPING (amigo_block_device_mapping_get_type ())

GType                    amigo_block_device_mapping_get_type (void) G_GNUC_CONST;
AmigoBlockDeviceMapping *amigo_block_device_mapping_new      (void);
AmigoBlockDeviceMapping *amigo_block_device_mapping_copy     (const AmigoBlockDeviceMapping *self);
void                     amigo_block_device_mapping_free     (AmigoBlockDeviceMapping *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoBlockDeviceMapping, amigo_block_device_mapping_free)

G_END_DECLS
