/* amigo-ec2-launch-templates.c — EC2 launch templates: describing them and
 * their versions, creating both, choosing the default version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-ec2-private.h"
#include "amigo-error.h"
#include "amigo-launch-template-private.h"

/* DescribeLaunchTemplates and DescribeLaunchTemplateVersions: "Valid
 * range: 1-200". */
#define LAUNCH_TEMPLATES_PAGE_SIZE 200

/* EC2's prefix of an image that is a Systems Manager parameter. */
#define SSM_PREFIX "resolve:ssm:"

static AmigoEc2Parser *
new_describe_templates_parser (void)
{
  return amigo_ec2_parser_new_objects ("DescribeLaunchTemplates", "launchTemplates",
                                       &amigo_launch_template_record);
}

static AmigoEc2Parser *
new_describe_versions_parser (void)
{
  return amigo_ec2_parser_new_objects ("DescribeLaunchTemplateVersions", "launchTemplateVersionSet",
                                       &amigo_launch_template_version_record);
}

static const AmigoEc2DescribeList describe_launch_templates = {
  "DescribeLaunchTemplates", "LaunchTemplateId", LAUNCH_TEMPLATES_PAGE_SIZE, new_describe_templates_parser
};

/**
 * amigo_ec2_validate_launch_template_name:
 * @name: (nullable): a name for a new launch template
 * @error: where to say what is wrong
 *
 * CreateLaunchTemplate's rule: 3 to 128 of letters, digits, `( ) . - / _`.
 *
 * Returns: %TRUE when EC2 will take @name
 */
gboolean
amigo_ec2_validate_launch_template_name (const char  *name,
                                         GError     **error)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len < AMIGO_LAUNCH_TEMPLATE_NAME_MIN || len > AMIGO_LAUNCH_TEMPLATE_NAME_MAX)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("A launch template name has 3 to 128 characters."));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("().-/_", *p) == NULL)
      {
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                     _("A launch template name may only contain letters, digits and ( ) . - / _"));
        return FALSE;
      }
  return TRUE;
}

/**
 * amigo_ec2_image_parameter_reference:
 * @parameter_name: a Systems Manager parameter whose value is an image id,
 *   e.g. `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`
 *
 * What RunInstances and launch templates take as `ImageId` to launch
 * whatever image the parameter names at launch time: "To reference a
 * public parameter: resolve:ssm:public-parameter" (EC2 API reference,
 * ImageId of RequestLaunchTemplateData and of fleet overrides).
 *
 * Returns: (transfer full): `resolve:ssm:` and @parameter_name
 */
char *
amigo_ec2_image_parameter_reference (const char *parameter_name)
{
  g_return_val_if_fail (parameter_name != NULL, NULL);
  return g_strconcat (SSM_PREFIX, parameter_name, NULL);
}

/**
 * amigo_ec2_describe_launch_templates_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are template ids (`LaunchTemplateId.N`);
 *   filters such as `launch-template-name`, `tag:Name`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeLaunchTemplates, every page.
 */
/**
 * amigo_ec2_describe_launch_templates_finish:
 *
 * Returns: (transfer container) (element-type AmigoLaunchTemplate) (nullable):
 *   the templates, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_launch_templates, describe_launch_templates)

/**
 * amigo_ec2_describe_launch_template_versions_async:
 * @self: an #AmigoEc2
 * @launch_template_id: the template
 * @versions: (array zero-terminated=1) (nullable): version numbers,
 *   `$Latest` or `$Default`; %NULL for every version
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeLaunchTemplateVersions, every page: each version with the launch
 * settings it saves (its image first).
 */
void
amigo_ec2_describe_launch_template_versions_async (AmigoEc2            *self,
                                                   const char          *launch_template_id,
                                                   const char * const  *versions,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  AmigoEc2Query *q = _amigo_ec2_query_for (self, "DescribeLaunchTemplateVersions", "LaunchTemplateId",
                                           launch_template_id);

  if (q == NULL)
    return;
  if (!_amigo_ec2_strv_is_empty (versions))
    amigo_ec2_query_add_list (q, "LaunchTemplateVersion", versions);
  else
    amigo_ec2_query_add_int (q, "MaxResults", LAUNCH_TEMPLATES_PAGE_SIZE);
  _amigo_ec2_list_async (self, q, new_describe_versions_parser, cancellable, callback, user_data,
                         amigo_ec2_describe_launch_template_versions_async);
}

/**
 * amigo_ec2_describe_launch_template_versions_finish:
 *
 * Returns: (transfer container) (element-type AmigoLaunchTemplateVersion) (nullable):
 *   the versions, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, describe_launch_template_versions)

/* ---- the operations that answer one object ---------------------------- */

typedef struct {
  const char *operation;
  const char *element;
  const AmigoRecordType *record;
  const char *template_member;  /* how the request names the template */
} ObjectAnswer;

static const ObjectAnswer
  create_template_answer = { "CreateLaunchTemplate", "launchTemplate", &amigo_launch_template_record,
                             "LaunchTemplateName" },
  create_version_answer = { "CreateLaunchTemplateVersion", "launchTemplateVersion",
                            &amigo_launch_template_version_record, "LaunchTemplateId" },
  modify_template_answer = { "ModifyLaunchTemplate", "launchTemplate", &amigo_launch_template_record,
                             "LaunchTemplateId" };

static AmigoEc2Parser *
object_new_parser (GTask *task)
{
  const ObjectAnswer *answer = g_task_get_task_data (task);

  return amigo_ec2_parser_new_object (answer->operation, answer->element, answer->record);
}

static void
object_done (GTask          *task,
             AmigoEc2Parser *parser)
{
  g_task_return_pointer (task, amigo_ec2_parser_steal_object (parser), g_object_unref);
}

static const AmigoEc2OpShape object_shape = { object_new_parser, object_done, NULL };

static void
send_for_object (AmigoEc2            *self,
                 AmigoEc2Query       *q,
                 const ObjectAnswer  *answer,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = _amigo_ec2_task_new (self, answer->operation, cancellable, callback, user_data, source_tag);

  g_task_set_task_data (task, (gpointer) answer, NULL);
  _amigo_ec2_send (task, q, &object_shape);
  amigo_ec2_query_free (q);
}

/* LaunchTemplateData from a launch's choices (%NULL: none). */
static void
add_template_data (AmigoEc2Query                  *q,
                   const AmigoRunInstancesRequest *data)
{
  if (data == NULL)
    return;
  amigo_ec2_query_push (q, "LaunchTemplateData");
  _amigo_ec2_add_launch_data (q, data, 0, 0);
  amigo_ec2_query_pop (q);
}

/* The body of both creates: @answer's operation with its ClientToken, on
 * @template (its name or id, as @answer's member says), from
 * @source_version (or none), with the version's description and settings.
 * @error (taken) is a check of the caller's that failed; then @data's
 * user data is checked; either fails the call at once. */
static void
send_template_data (AmigoEc2                       *self,
                    const ObjectAnswer             *answer,
                    const char                     *template,
                    const char                     *source_version,
                    const char                     *version_description,
                    const AmigoRunInstancesRequest *data,
                    GError                         *error,
                    GCancellable                   *cancellable,
                    GAsyncReadyCallback             callback,
                    gpointer                        user_data,
                    gpointer                        source_tag)
{
  AmigoEc2Query *q;

  if (error != NULL || !amigo_ec2_validate_user_data (data->user_data, &error))
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }
  q = _amigo_ec2_query_new (answer->operation);
  _amigo_ec2_add_client_token (q, data->client_token);
  amigo_ec2_query_add_string (q, answer->template_member, template);
  amigo_ec2_query_add_string (q, "SourceVersion", source_version);
  amigo_ec2_query_add_string (q, "VersionDescription", version_description);
  add_template_data (q, data);
  send_for_object (self, q, answer, cancellable, callback, user_data, source_tag);
}

/**
 * amigo_ec2_create_launch_template_async:
 * @self: an #AmigoEc2
 * @name: the template's name (amigo_ec2_validate_launch_template_name())
 * @version_description: (nullable): a description of its first version
 * @data: the launch settings to save, as a launch would send them (counts
 *   aside); its `client_token` makes retries idempotent
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has answered
 * @user_data: data for @callback
 *
 * CreateLaunchTemplate: a launch saved instead of made. The image may be a
 * Systems Manager parameter (amigo_ec2_image_parameter_reference()).
 */
void
amigo_ec2_create_launch_template_async (AmigoEc2                       *self,
                                        const char                     *name,
                                        const char                     *version_description,
                                        const AmigoRunInstancesRequest *data,
                                        GCancellable                   *cancellable,
                                        GAsyncReadyCallback             callback,
                                        gpointer                        user_data)
{
  GError *error = NULL;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (data != NULL);

  amigo_ec2_validate_launch_template_name (name, &error);
  send_template_data (self, &create_template_answer, name, NULL, version_description, data, error,
                      cancellable, callback, user_data, amigo_ec2_create_launch_template_async);
}

/**
 * amigo_ec2_create_launch_template_finish:
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoLaunchTemplate *, create_launch_template)

/**
 * amigo_ec2_create_launch_template_version_async:
 * @self: an #AmigoEc2
 * @launch_template_id: the template
 * @source_version: (nullable): the version the new one starts from (its
 *   settings, with @data's over them); %NULL: @data alone
 * @version_description: (nullable): the new version's description
 * @data: the settings to set, e.g. only `image_id` for "a new version with
 *   this image"
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has answered
 * @user_data: data for @callback
 *
 * CreateLaunchTemplateVersion. The new version is the template's latest;
 * it becomes the default only by amigo_ec2_modify_launch_template_async().
 */
void
amigo_ec2_create_launch_template_version_async (AmigoEc2                       *self,
                                                const char                     *launch_template_id,
                                                const char                     *source_version,
                                                const char                     *version_description,
                                                const AmigoRunInstancesRequest *data,
                                                GCancellable                   *cancellable,
                                                GAsyncReadyCallback             callback,
                                                gpointer                        user_data)
{
  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (launch_template_id != NULL);
  g_return_if_fail (data != NULL);

  send_template_data (self, &create_version_answer, launch_template_id, source_version,
                      version_description, data, NULL, cancellable, callback, user_data,
                      amigo_ec2_create_launch_template_version_async);
}

/**
 * amigo_ec2_create_launch_template_version_finish:
 *
 * Returns: (transfer full) (nullable): the new version, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoLaunchTemplateVersion *, create_launch_template_version)

/**
 * amigo_ec2_modify_launch_template_async:
 * @self: an #AmigoEc2
 * @launch_template_id: the template
 * @default_version: the version launches use when they name none
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has answered
 * @user_data: data for @callback
 *
 * ModifyLaunchTemplate `SetDefaultVersion` (botocore's `DefaultVersion`).
 */
void
amigo_ec2_modify_launch_template_async (AmigoEc2            *self,
                                        const char          *launch_template_id,
                                        const char          *default_version,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (default_version != NULL);

  q = _amigo_ec2_query_for (self, "ModifyLaunchTemplate", "LaunchTemplateId", launch_template_id);
  if (q == NULL)
    return;
  _amigo_ec2_add_client_token (q, NULL);
  amigo_ec2_query_add_string (q, "SetDefaultVersion", default_version);
  send_for_object (self, q, &modify_template_answer, cancellable, callback, user_data,
                   amigo_ec2_modify_launch_template_async);
}

/**
 * amigo_ec2_modify_launch_template_finish:
 *
 * Returns: (transfer full) (nullable): the template as it now is, or %NULL
 *   with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoLaunchTemplate *, modify_launch_template)
