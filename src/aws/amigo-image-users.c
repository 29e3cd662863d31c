/* amigo-image-users.c — which launch templates and Auto Scaling groups
 * launch an image: the template versions whose image it is, the groups
 * whose template version is one of those or whose instances run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "amigo-image-users.h"

typedef struct {
  AmigoEc2 *ec2;
  AmigoAutoscaling *autoscaling;
  char *image_id;
  GPtrArray *templates;         /* AmigoLaunchTemplate */
  GHashTable *matching;         /* "template-id/version" of the versions launching the image */
  GPtrArray *users;
  guint pending;
  GError *error;
} Find;

static void
find_free (gpointer data)
{
  Find *find = data;

  g_clear_object (&find->ec2);
  g_clear_object (&find->autoscaling);
  g_free (find->image_id);
  g_clear_pointer (&find->templates, g_ptr_array_unref);
  g_hash_table_unref (find->matching);
  g_ptr_array_unref (find->users);
  g_clear_error (&find->error);
  g_free (find);
}

/**
 * amigo_image_user_free:
 * @self: (transfer full) (nullable): a user
 */
void
amigo_image_user_free (AmigoImageUser *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->detail);
  g_free (self);
}

static void
add_user (Find       *find,
          gboolean    is_group,
          const char *name,
          char       *detail)
{
  AmigoImageUser *user = g_new0 (AmigoImageUser, 1);

  user->is_group = is_group;
  user->name = g_strdup (name);
  user->detail = detail;
  g_ptr_array_add (find->users, user);
}

static AmigoLaunchTemplate *
template_by_id (Find       *find,
                const char *id)
{
  for (guint i = 0; find->templates != NULL && i < find->templates->len; i++)
    if (g_strcmp0 (amigo_launch_template_get_launch_template_id (g_ptr_array_index (find->templates, i)), id) == 0)
      return g_ptr_array_index (find->templates, i);
  return NULL;
}

static void
groups_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = amigo_autoscaling_describe_auto_scaling_groups_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (groups == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      AmigoAutoScalingGroup *group = g_ptr_array_index (groups, i);
      const char *id = amigo_auto_scaling_group_get_launch_template_id (group);
      const char *spec = amigo_auto_scaling_group_get_launch_template_version (group);
      AmigoLaunchTemplate *template = id != NULL ? template_by_id (find, id) : NULL;
      gint64 number = -1;
      const AmigoAutoScalingInstance *instances;
      guint n = 0, running = 0;

      if (template != NULL)
        {
          if (spec == NULL || g_str_equal (spec, "$Default"))
            number = amigo_launch_template_get_default_version_number (template);
          else if (g_str_equal (spec, "$Latest"))
            number = amigo_launch_template_get_latest_version_number (template);
          else
            number = g_ascii_strtoll (spec, NULL, 10);
        }
      instances = amigo_auto_scaling_group_get_instances (group, &n);
      for (guint j = 0; j < n; j++)
        running += g_strcmp0 (instances[j].image_id, find->image_id) == 0;

      if (template != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, id, number);

          if (g_hash_table_contains (find->matching, key))
            {
              /* Translators: an Auto Scaling group launches an image through a launch template's version */
              add_user (find, TRUE, amigo_auto_scaling_group_get_name (group),
                        g_strdup_printf (_("Launches it (%s, version %d)"),
                                         amigo_launch_template_get_launch_template_name (template), (int) number));
              continue;
            }
        }
      if (running > 0)
        add_user (find, TRUE, amigo_auto_scaling_group_get_name (group),
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u instance runs it", "%u instances run it", running),
                                   running));
    }
  g_task_return_pointer (task, g_ptr_array_ref (find->users), (GDestroyNotify) g_ptr_array_unref);
}

static void
all_versions_read (GTask *task)
{
  Find *find = g_task_get_task_data (task);

  if (find->autoscaling == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (find->users), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  amigo_autoscaling_describe_auto_scaling_groups_async (find->autoscaling, NULL, g_task_get_cancellable (task),
                                                        groups_cb, task);
}

static void
versions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Find *find = g_task_get_task_data (task);
  g_autoptr(GPtrArray) versions = NULL;

  versions = amigo_ec2_describe_launch_template_versions_finish (AMIGO_EC2 (source), result, NULL);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      AmigoLaunchTemplateVersion *v = g_ptr_array_index (versions, i);

      if (g_strcmp0 (amigo_launch_template_version_get_image_id (v), find->image_id) != 0)
        continue;
      g_hash_table_add (find->matching,
                        g_strdup_printf ("%s/%" G_GINT64_FORMAT, amigo_launch_template_version_get_launch_template_id (v),
                                         amigo_launch_template_version_get_version_number (v)));
      /* Translators: a launch template's version whose image is the one shown */
      add_user (find, FALSE, amigo_launch_template_version_get_launch_template_name (v),
                g_strdup_printf (amigo_launch_template_version_get_default_version (v)
                                   ? _("Version %d (default)") : _("Version %d"),
                                 (int) amigo_launch_template_version_get_version_number (v)));
    }
  if (--find->pending == 0)
    all_versions_read (task);
}

static void
templates_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Find *find = g_task_get_task_data (task);
  GError *error = NULL;

  find->templates = amigo_ec2_describe_launch_templates_finish (AMIGO_EC2 (source), result, &error);
  if (find->templates == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (find->templates->len == 0)
    {
      all_versions_read (task);
      return;
    }
  find->pending = find->templates->len;
  for (guint i = 0; i < find->templates->len; i++)
    amigo_ec2_describe_launch_template_versions_async (
      find->ec2, amigo_launch_template_get_launch_template_id (g_ptr_array_index (find->templates, i)),
      NULL, g_task_get_cancellable (task), versions_cb, task);
}

/**
 * amigo_image_users_find_async:
 * @ec2: EC2 in the image's region
 * @autoscaling: (nullable): Auto Scaling in the same region; %NULL: templates only
 * @image_id: the image
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the users
 * @user_data: data for @callback
 *
 * "Used by": the launch template versions whose image is @image_id, the
 * groups whose template version is one of them, and the groups whose
 * instances run it.
 */
void
amigo_image_users_find_async (AmigoEc2            *ec2,
                              AmigoAutoscaling    *autoscaling,
                              const char          *image_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Find *find;

  g_return_if_fail (AMIGO_IS_EC2 (ec2));
  g_return_if_fail (image_id != NULL);

  task = g_task_new (ec2, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_image_users_find_async);
  find = g_new0 (Find, 1);
  find->ec2 = g_object_ref (ec2);
  find->autoscaling = autoscaling != NULL ? g_object_ref (autoscaling) : NULL;
  find->image_id = g_strdup (image_id);
  find->matching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  find->users = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_image_user_free);
  g_task_set_task_data (task, find, find_free);
  amigo_ec2_describe_launch_templates_async (ec2, NULL, cancellable, templates_cb, task);
}

/**
 * amigo_image_users_find_finish:
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoImageUser) (nullable):
 *   the users, templates first, or %NULL with @error set
 */
GPtrArray *
amigo_image_users_find_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
