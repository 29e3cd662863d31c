/* amigo-ec2-launch-templates.h — EC2 launch templates: saved launches,
 * version after version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-launch-template.h"

G_BEGIN_DECLS

/* A launch template's name: "Minimum length of 3. Maximum length of 128.
 * Pattern: [a-zA-Z0-9\(\)\.\-/_]+" (CreateLaunchTemplate); a version
 * description at most 255 characters. */
#define AMIGO_LAUNCH_TEMPLATE_NAME_MIN 3
#define AMIGO_LAUNCH_TEMPLATE_NAME_MAX 128
#define AMIGO_LAUNCH_TEMPLATE_DESCRIPTION_MAX 255

gboolean amigo_ec2_validate_launch_template_name (const char  *name,
                                                  GError     **error);
char    *amigo_ec2_image_parameter_reference     (const char  *parameter_name);

AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_launch_templates);

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_launch_template_versions,
                     const char *launch_template_id,
                     const char * const *versions);

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoLaunchTemplate *, amigo_ec2_create_launch_template,
                     const char *name,
                     const char *version_description,
                     const AmigoRunInstancesRequest *data);

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoLaunchTemplateVersion *, amigo_ec2_create_launch_template_version,
                     const char *launch_template_id,
                     const char *source_version,
                     const char *version_description,
                     const AmigoRunInstancesRequest *data);

AMIGO_DECLARE_ASYNC (AmigoEc2, AmigoLaunchTemplate *, amigo_ec2_modify_launch_template,
                     const char *launch_template_id,
                     const char *default_version);

G_END_DECLS
