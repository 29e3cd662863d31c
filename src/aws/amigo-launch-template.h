/* amigo-launch-template.h — an EC2 launch template and its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-block-device-mapping.h"
#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_LAUNCH_TEMPLATE (amigo_launch_template_get_type ())

G_DECLARE_FINAL_TYPE (AmigoLaunchTemplate, amigo_launch_template, AMIGO, LAUNCH_TEMPLATE, GObject)

const char     *amigo_launch_template_get_launch_template_id     (AmigoLaunchTemplate *self);
const char     *amigo_launch_template_get_launch_template_name   (AmigoLaunchTemplate *self);
const char     *amigo_launch_template_get_create_time            (AmigoLaunchTemplate *self);
gint64          amigo_launch_template_get_create_time_usec       (AmigoLaunchTemplate *self);
const char     *amigo_launch_template_get_created_by             (AmigoLaunchTemplate *self);
gint64          amigo_launch_template_get_default_version_number (AmigoLaunchTemplate *self);
gint64          amigo_launch_template_get_latest_version_number  (AmigoLaunchTemplate *self);
const AmigoTag *amigo_launch_template_get_tags                   (AmigoLaunchTemplate *self,
                                                                  guint               *n_tags);

#define AMIGO_TYPE_LAUNCH_TEMPLATE_VERSION (amigo_launch_template_version_get_type ())

G_DECLARE_FINAL_TYPE (AmigoLaunchTemplateVersion, amigo_launch_template_version, AMIGO, LAUNCH_TEMPLATE_VERSION, GObject)

const char *amigo_launch_template_version_get_launch_template_id   (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_launch_template_name (AmigoLaunchTemplateVersion *self);
gint64      amigo_launch_template_version_get_version_number       (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_version_description  (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_create_time          (AmigoLaunchTemplateVersion *self);
gint64      amigo_launch_template_version_get_create_time_usec     (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_created_by           (AmigoLaunchTemplateVersion *self);
gboolean    amigo_launch_template_version_get_default_version      (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_image_id             (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_instance_type        (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_key_name             (AmigoLaunchTemplateVersion *self);
const char * const *
            amigo_launch_template_version_get_security_group_ids   (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_user_data            (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_iam_instance_profile_arn  (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_iam_instance_profile_name (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_http_tokens          (AmigoLaunchTemplateVersion *self);
const char *amigo_launch_template_version_get_http_endpoint        (AmigoLaunchTemplateVersion *self);
const AmigoBlockDeviceMapping *
            amigo_launch_template_version_get_block_device_mappings (AmigoLaunchTemplateVersion *self,
                                                                     guint                      *n_block_device_mappings);

gboolean    amigo_launch_template_version_refers_to_parameter      (AmigoLaunchTemplateVersion *self);

/**
 * AmigoLaunchTemplateDifference:
 * @setting: what differs, a translated label (e.g. "Image")
 * @old_value: (nullable): its value in the first version (%NULL: not set)
 * @new_value: (nullable): its value in the second
 *
 * One setting two versions of a launch template differ in.
 */
typedef struct {
  char *setting;
  char *old_value;
  char *new_value;
} AmigoLaunchTemplateDifference;

void       amigo_launch_template_difference_free     (AmigoLaunchTemplateDifference *self);
GPtrArray *amigo_launch_template_version_compare     (AmigoLaunchTemplateVersion    *a,
                                                      AmigoLaunchTemplateVersion    *b);

G_END_DECLS
