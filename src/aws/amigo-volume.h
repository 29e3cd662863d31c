/* amigo-volume.h — an EBS volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_VOLUME (amigo_volume_get_type ())

G_DECLARE_FINAL_TYPE (AmigoVolume, amigo_volume, AMIGO, VOLUME, GObject)

AmigoVolume    *amigo_volume_new                   (void);
const char     *amigo_volume_get_volume_id         (AmigoVolume *self);
gint            amigo_volume_get_size              (AmigoVolume *self);
const char     *amigo_volume_get_snapshot_id       (AmigoVolume *self);
const char     *amigo_volume_get_availability_zone (AmigoVolume *self);
const char     *amigo_volume_get_state             (AmigoVolume *self);
const char     *amigo_volume_get_create_time       (AmigoVolume *self);
gint64          amigo_volume_get_create_time_usec  (AmigoVolume *self);
const char     *amigo_volume_get_volume_type       (AmigoVolume *self);
gint            amigo_volume_get_iops              (AmigoVolume *self);
gint            amigo_volume_get_throughput        (AmigoVolume *self);
gboolean        amigo_volume_get_encrypted         (AmigoVolume *self);
const char     *amigo_volume_get_kms_key_id        (AmigoVolume *self);
const AmigoTag *amigo_volume_get_tags              (AmigoVolume *self,
                                                    guint       *n_tags);

G_END_DECLS
