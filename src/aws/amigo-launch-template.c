/* amigo-launch-template.c — an EC2 launch template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-launch-template.h"
#include "amigo-launch-template-private.h"

struct _AmigoLaunchTemplate
{
  GObject parent_instance;

  char *launch_template_id;
  char *launch_template_name;
  char *create_time;
  char *created_by;
  AmigoTag *tags;
  gint64 create_time_usec;
  gint64 default_version_number;
  gint64 latest_version_number;
  guint n_tags;
};

G_DEFINE_FINAL_TYPE (AmigoLaunchTemplate, amigo_launch_template, G_TYPE_OBJECT)

static const AmigoRecordField launch_template_fields[] = {
  AMIGO_RECORD_FIELD (AmigoLaunchTemplate, "launchTemplateId", "LaunchTemplateId", "launch-template-id", STRING, launch_template_id),
  AMIGO_RECORD_FIELD (AmigoLaunchTemplate, "launchTemplateName", "LaunchTemplateName", "launch-template-name", STRING, launch_template_name),
  AMIGO_RECORD_DATE (AmigoLaunchTemplate, "createTime", "CreateTime", "create-time", create_time),
  AMIGO_RECORD_FIELD (AmigoLaunchTemplate, "createdBy", "CreatedBy", "created-by", STRING, created_by),
  AMIGO_RECORD_FIELD (AmigoLaunchTemplate, "defaultVersionNumber", "DefaultVersionNumber", "default-version-number", INT64, default_version_number),
  AMIGO_RECORD_FIELD (AmigoLaunchTemplate, "latestVersionNumber", "LatestVersionNumber", "latest-version-number", INT64, latest_version_number),
  AMIGO_RECORD_LIST (AmigoLaunchTemplate, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_launch_template_record =
  AMIGO_RECORD_TYPE ("LaunchTemplate", AmigoLaunchTemplate, launch_template_fields, amigo_launch_template_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoLaunchTemplate, amigo_launch_template, amigo_launch_template_record)

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoLaunchTemplate, amigo_launch_template, AMIGO_IS_LAUNCH_TEMPLATE, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoLaunchTemplate, amigo_launch_template, AMIGO_IS_LAUNCH_TEMPLATE, Item, field)

/**
 * amigo_launch_template_get_launch_template_id:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: (transfer none) (nullable): its id, `lt-…` (`launchTemplateId`)
 */
GETTER (const char *, launch_template_id, NULL)

/**
 * amigo_launch_template_get_launch_template_name:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: (transfer none) (nullable): its name (`launchTemplateName`)
 */
GETTER (const char *, launch_template_name, NULL)

/**
 * amigo_launch_template_get_create_time:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: (transfer none) (nullable): when it was created (`createTime`)
 */
GETTER (const char *, create_time, NULL)

/**
 * amigo_launch_template_get_create_time_usec:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: when it was created, in microseconds since the Unix epoch, or 0
 */
GETTER (gint64, create_time_usec, 0)

/**
 * amigo_launch_template_get_created_by:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: (transfer none) (nullable): who created it, an ARN (`createdBy`)
 */
GETTER (const char *, created_by, NULL)

/**
 * amigo_launch_template_get_default_version_number:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: the version launches use when they name none (`defaultVersionNumber`), or -1
 */
GETTER (gint64, default_version_number, -1)

/**
 * amigo_launch_template_get_latest_version_number:
 * @self: an #AmigoLaunchTemplate
 *
 * Returns: its newest version (`latestVersionNumber`), or -1
 */
GETTER (gint64, latest_version_number, -1)

/**
 * amigo_launch_template_get_tags:
 * @self: an #AmigoLaunchTemplate
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
