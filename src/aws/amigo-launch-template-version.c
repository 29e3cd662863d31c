/* amigo-launch-template-version.c — one version of an EC2 launch template:
 * the launch settings it saves, and how two versions differ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-launch-template.h"
#include "amigo-launch-template-private.h"

struct _AmigoLaunchTemplateVersion
{
  GObject parent_instance;

  char *launch_template_id;
  char *launch_template_name;
  char *version_description;
  char *create_time;
  char *created_by;
  /* launchTemplateData */
  char *image_id;
  char *instance_type;
  char *key_name;
  char **security_group_ids;
  char *user_data;
  char *iam_instance_profile_arn;
  char *iam_instance_profile_name;
  char *http_tokens;
  char *http_endpoint;
  AmigoBlockDeviceMapping *block_device_mappings;
  gint64 version_number;
  gint64 create_time_usec;
  guint n_block_device_mappings;
  gint8 default_version;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoLaunchTemplateVersion, amigo_launch_template_version, G_TYPE_OBJECT)

#define V AmigoLaunchTemplateVersion

static const AmigoRecordField iam_instance_profile_fields[] = {
  AMIGO_RECORD_FIELD (V, "arn", "Arn", "iam-instance-profile-arn", STRING, iam_instance_profile_arn),
  AMIGO_RECORD_FIELD (V, "name", "Name", "iam-instance-profile-name", STRING, iam_instance_profile_name),
};

static AmigoRecordType iam_instance_profile_type =
  AMIGO_RECORD_NESTED_TYPE ("LaunchTemplateIamInstanceProfileSpecification", iam_instance_profile_fields);

static const AmigoRecordField metadata_options_fields[] = {
  AMIGO_RECORD_FIELD (V, "httpTokens", "HttpTokens", "http-tokens", POOLED, http_tokens),
  AMIGO_RECORD_FIELD (V, "httpEndpoint", "HttpEndpoint", "http-endpoint", POOLED, http_endpoint),
};

static AmigoRecordType metadata_options_type =
  AMIGO_RECORD_NESTED_TYPE ("LaunchTemplateInstanceMetadataOptions", metadata_options_fields);

static const AmigoRecordField launch_template_data_fields[] = {
  AMIGO_RECORD_FIELD (V, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (V, "instanceType", "InstanceType", "instance-type", POOLED, instance_type),
  AMIGO_RECORD_FIELD (V, "keyName", "KeyName", "key-name", STRING, key_name),
  AMIGO_RECORD_FIELD (V, "securityGroupIdSet", "SecurityGroupIds", "security-group-ids", STRV, security_group_ids),
  AMIGO_RECORD_FIELD (V, "userData", "UserData", "user-data", STRING, user_data),
  AMIGO_RECORD_FLATTEN ("iamInstanceProfile", "IamInstanceProfile", iam_instance_profile_type),
  AMIGO_RECORD_FLATTEN ("metadataOptions", "MetadataOptions", metadata_options_type),
  AMIGO_RECORD_LIST (V, "blockDeviceMappingSet", "BlockDeviceMappings", "block-device-mappings", block_device_mappings, amigo_block_device_mapping_record),
};

static AmigoRecordType launch_template_data_type =
  AMIGO_RECORD_NESTED_TYPE ("ResponseLaunchTemplateData", launch_template_data_fields);

static const AmigoRecordField launch_template_version_fields[] = {
  AMIGO_RECORD_FIELD (V, "launchTemplateId", "LaunchTemplateId", "launch-template-id", STRING, launch_template_id),
  AMIGO_RECORD_FIELD (V, "launchTemplateName", "LaunchTemplateName", "launch-template-name", STRING, launch_template_name),
  AMIGO_RECORD_FIELD (V, "versionNumber", "VersionNumber", "version-number", INT64, version_number),
  AMIGO_RECORD_FIELD (V, "versionDescription", "VersionDescription", "version-description", STRING, version_description),
  AMIGO_RECORD_DATE (V, "createTime", "CreateTime", "create-time", create_time),
  AMIGO_RECORD_FIELD (V, "createdBy", "CreatedBy", "created-by", STRING, created_by),
  AMIGO_RECORD_FIELD (V, "defaultVersion", "DefaultVersion", "default-version", BOOLEAN, default_version),
  AMIGO_RECORD_FLATTEN ("launchTemplateData", "LaunchTemplateData", launch_template_data_type),
};

#undef V

AmigoRecordType amigo_launch_template_version_record =
  AMIGO_RECORD_TYPE ("LaunchTemplateVersion", AmigoLaunchTemplateVersion, launch_template_version_fields,
                     amigo_launch_template_version_get_type, NULL);

/* One property per field of the tables above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoLaunchTemplateVersion, amigo_launch_template_version,
                                    amigo_launch_template_version_record)

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoLaunchTemplateVersion, amigo_launch_template_version, \
                       AMIGO_IS_LAUNCH_TEMPLATE_VERSION, Ret, field, fallback)

/* Strings are %NULL when EC2 left them out, numbers -1; the image, type,
 * key, groups, user data (base64), instance profile, metadata options and
 * volumes are the version's `launchTemplateData`. */
GETTER (const char *, launch_template_id, NULL)
GETTER (const char *, launch_template_name, NULL)
GETTER (gint64, version_number, -1)
GETTER (const char *, version_description, NULL)
GETTER (const char *, create_time, NULL)
GETTER (gint64, create_time_usec, 0)
GETTER (const char *, created_by, NULL)
GETTER (const char *, image_id, NULL)
GETTER (const char *, instance_type, NULL)
GETTER (const char *, key_name, NULL)
GETTER (const char *, user_data, NULL)
GETTER (const char *, iam_instance_profile_arn, NULL)
GETTER (const char *, iam_instance_profile_name, NULL)
GETTER (const char *, http_tokens, NULL)
GETTER (const char *, http_endpoint, NULL)
AMIGO_RECORD_TRISTATE_GETTER (AmigoLaunchTemplateVersion, amigo_launch_template_version,
                              AMIGO_IS_LAUNCH_TEMPLATE_VERSION, default_version)
AMIGO_RECORD_STRV_GETTER (AmigoLaunchTemplateVersion, amigo_launch_template_version,
                          AMIGO_IS_LAUNCH_TEMPLATE_VERSION, security_group_ids)
AMIGO_RECORD_ARRAY_GETTER (AmigoLaunchTemplateVersion, amigo_launch_template_version,
                           AMIGO_IS_LAUNCH_TEMPLATE_VERSION, AmigoBlockDeviceMapping, block_device_mappings)

/**
 * amigo_launch_template_version_refers_to_parameter:
 * @self: a version
 *
 * EC2 takes `resolve:ssm:parameter` as the image of a launch template: the
 * parameter is read at each launch ("The Systems Manager parameter will
 * resolve to the ID of the AMI at instance launch").
 *
 * Returns: whether the version's image is a Systems Manager parameter
 */
gboolean
amigo_launch_template_version_refers_to_parameter (AmigoLaunchTemplateVersion *self)
{
  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATE_VERSION (self), FALSE);
  return self->image_id != NULL && g_str_has_prefix (self->image_id, "resolve:ssm:");
}

/**
 * amigo_launch_template_difference_free:
 * @self: (transfer full) (nullable): a difference
 */
void
amigo_launch_template_difference_free (AmigoLaunchTemplateDifference *self)
{
  if (self == NULL)
    return;
  g_free (self->setting);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self);
}

static void
compare_text (GPtrArray  *differences,
              const char *setting,
              const char *a,
              const char *b)
{
  AmigoLaunchTemplateDifference *d;

  if (g_strcmp0 (a, b) == 0)
    return;
  d = g_new0 (AmigoLaunchTemplateDifference, 1);
  d->setting = g_strdup (setting);
  d->old_value = g_strdup (a);
  d->new_value = g_strdup (b);
  g_ptr_array_add (differences, d);
}

static char *
join_or_null (char **strv)
{
  return strv != NULL && strv[0] != NULL ? g_strjoinv (", ", strv) : NULL;
}

static char *
volumes_text (const AmigoLaunchTemplateVersion *v)
{
  GString *text;

  if (v->n_block_device_mappings == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < v->n_block_device_mappings; i++)
    {
      const AmigoBlockDeviceMapping *m = &v->block_device_mappings[i];

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, m->device_name != NULL ? m->device_name : "?");
      if (m->has_ebs && m->ebs.volume_size > 0)
        g_string_append_printf (text, " %d GiB", m->ebs.volume_size);
      if (m->has_ebs && m->ebs.volume_type != NULL)
        g_string_append_printf (text, " %s", m->ebs.volume_type);
    }
  return g_string_free (text, FALSE);
}

/**
 * amigo_launch_template_version_compare:
 * @a: a version
 * @b: another version (of the same template, usually)
 *
 * What the two versions launch differently: the settings Amigo reads of
 * `launchTemplateData`, and the description.
 *
 * Returns: (transfer container) (element-type AmigoLaunchTemplateDifference):
 *   the differences, in a fixed order; empty when there is none
 */
GPtrArray *
amigo_launch_template_version_compare (AmigoLaunchTemplateVersion *a,
                                       AmigoLaunchTemplateVersion *b)
{
  GPtrArray *differences;
  g_autofree char *groups_a = NULL;
  g_autofree char *groups_b = NULL;
  g_autofree char *volumes_a = NULL;
  g_autofree char *volumes_b = NULL;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATE_VERSION (a), NULL);
  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATE_VERSION (b), NULL);

  differences = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_launch_template_difference_free);
  compare_text (differences, _("Image"), a->image_id, b->image_id);
  compare_text (differences, _("Instance type"), a->instance_type, b->instance_type);
  compare_text (differences, _("Key pair"), a->key_name, b->key_name);
  groups_a = join_or_null (a->security_group_ids);
  groups_b = join_or_null (b->security_group_ids);
  compare_text (differences, _("Security groups"), groups_a, groups_b);
  if (g_strcmp0 (a->user_data, b->user_data) != 0)
    compare_text (differences, _("User data"),
                  a->user_data != NULL ? _("Set") : NULL,
                  b->user_data != NULL ? (a->user_data != NULL ? _("Changed") : _("Set")) : NULL);
  compare_text (differences, _("IAM instance profile"),
                a->iam_instance_profile_arn != NULL ? a->iam_instance_profile_arn : a->iam_instance_profile_name,
                b->iam_instance_profile_arn != NULL ? b->iam_instance_profile_arn : b->iam_instance_profile_name);
  compare_text (differences, _("Metadata tokens (IMDSv2)"), a->http_tokens, b->http_tokens);
  compare_text (differences, _("Metadata endpoint"), a->http_endpoint, b->http_endpoint);
  volumes_a = volumes_text (a);
  volumes_b = volumes_text (b);
  compare_text (differences, _("Volumes"), volumes_a, volumes_b);
  compare_text (differences, _("Description"), a->version_description, b->version_description);
  return differences;
}
