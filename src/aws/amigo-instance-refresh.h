/* amigo-instance-refresh.h — an instance refresh of an Auto Scaling group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_INSTANCE_REFRESH (amigo_instance_refresh_get_type ())

G_DECLARE_FINAL_TYPE (AmigoInstanceRefresh, amigo_instance_refresh, AMIGO, INSTANCE_REFRESH, GObject)

AmigoInstanceRefresh *amigo_instance_refresh_new_from_json (JsonObject *object);

const char *amigo_instance_refresh_get_id                        (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_group_name                (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_status                    (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_status_reason             (AmigoInstanceRefresh *self);
gint        amigo_instance_refresh_get_percentage_complete       (AmigoInstanceRefresh *self);
gint        amigo_instance_refresh_get_instances_to_update       (AmigoInstanceRefresh *self);
gint64      amigo_instance_refresh_get_start_time_usec           (AmigoInstanceRefresh *self);
gint64      amigo_instance_refresh_get_end_time_usec             (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_launch_template_id        (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_launch_template_version   (AmigoInstanceRefresh *self);
const char *amigo_instance_refresh_get_rollback_reason           (AmigoInstanceRefresh *self);
gint        amigo_instance_refresh_get_rollback_percentage_complete (AmigoInstanceRefresh *self);
gboolean    amigo_instance_refresh_get_auto_rollback             (AmigoInstanceRefresh *self);

gboolean    amigo_instance_refresh_status_is_final               (const char           *status);
gboolean    amigo_instance_refresh_status_can_cancel             (const char           *status);
gboolean    amigo_instance_refresh_status_can_roll_back          (const char           *status);

G_END_DECLS
