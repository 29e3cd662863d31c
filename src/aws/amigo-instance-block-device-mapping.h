/* amigo-instance-block-device-mapping.h — a block device attached to an instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoEbsInstanceBlockDevice:
 * @volume_id: the volume (`volumeId`)
 * @status: `attaching`, `attached`, `detaching` or `detached` (`status`) (pooled)
 * @attach_time: when it was attached (`attachTime`)
 * @attach_time_usec: @attach_time in microseconds since the Unix epoch, or 0
 * @volume_owner_id: who owns the volume (`volumeOwnerId`) (pooled)
 * @associated_resource: the resource the volume is associated with (`associatedResource`)
 * @delete_on_termination: whether the volume goes with the instance (`deleteOnTermination`)
 *
 * The EBS volume attached to an instance.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *volume_id;
  char *status;
  char *attach_time;
  char *volume_owner_id;
  char *associated_resource;
  gint64 attach_time_usec;
  gint8 delete_on_termination;  /* AmigoTristate */
} AmigoEbsInstanceBlockDevice;

/**
 * AmigoInstanceBlockDeviceMapping:
 * @device_name: the device name (`deviceName`) (pooled)
 * @has_ebs: whether AWS gave `ebs`
 * @ebs: the EBS volume, when @has_ebs (`ebs`)
 *
 * A block device attached to an instance.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *device_name;
  AmigoEbsInstanceBlockDevice ebs;
  gboolean has_ebs;
} AmigoInstanceBlockDeviceMapping;

#define AMIGO_TYPE_INSTANCE_BLOCK_DEVICE_MAPPING (amigo_instance_block_device_mapping_get_type ())

GType                            amigo_instance_block_device_mapping_get_type (void) G_GNUC_CONST;
AmigoInstanceBlockDeviceMapping *amigo_instance_block_device_mapping_new      (void);
AmigoInstanceBlockDeviceMapping *amigo_instance_block_device_mapping_copy     (const AmigoInstanceBlockDeviceMapping *self);
void                             amigo_instance_block_device_mapping_free     (AmigoInstanceBlockDeviceMapping *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoInstanceBlockDeviceMapping, amigo_instance_block_device_mapping_free)

G_END_DECLS
