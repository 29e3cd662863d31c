/* amigo-rollout-dialog.c — "Roll Out This Image…": a new version of the
 * group's launch template with the image, then an instance refresh to it,
 * watched until it ends, with Cancel and Roll Back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The refresh names the new version as its desired configuration: Auto
 * Scaling moves the group to it when the refresh succeeds, and a rollback
 * can bring the version the group used before back. The group is not
 * moved first with UpdateAutoScalingGroup: RollbackInstanceRefresh, which
 * the roll-out offers, "is not supported" when "There is no desired
 * configuration specified for the instance refresh" (Auto Scaling API
 * reference), and a group moved before a refresh that is then cancelled
 * would launch the new image anyway.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "amigo-application.h"
#include "amigo-ec2.h"
#include "amigo-rollout-dialog.h"
#include "amigo-text.h"

#define POLL_INTERVAL_MS 5000

struct _AmigoRolloutDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwActionRow *image_row;
  AdwActionRow *group_row;
  GtkLabel *description_label;
  GtkSpinButton *min_healthy;
  GtkSpinButton *warmup;
  AdwEntryRow *checkpoints;
  GtkSwitch *auto_rollback;
  GtkSwitch *make_default;
  GtkButton *start_button;
  GtkProgressBar *progress;
  GtkLabel *status_label;
  GtkLabel *reason_label;
  GtkButton *cancel_button;
  GtkButton *rollback_button;
  GtkLabel *error_label;

  /* owned */
  AmigoAccount *account;
  char *region;
  AmigoAutoScalingGroup *group;
  AmigoImage *image;
  AmigoClient *client;
  AmigoEc2 *ec2;
  AmigoAutoscaling *autoscaling;
  GCancellable *cancellable;
  char *version;                /* the new template version */
  char *refresh_id;
  char *status;
  guint poll_id;
  guint poll_ms;
  AmigoTaskManager *tasks;      /* where the refresh goes on being followed */
};

G_DEFINE_FINAL_TYPE (AmigoRolloutDialog, amigo_rollout_dialog, ADW_TYPE_WINDOW)

static void
fail (AmigoRolloutDialog *self,
      const GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), TRUE);
}

static void poll_now (AmigoRolloutDialog *self);

static gboolean
poll_cb (gpointer user_data)
{
  AmigoRolloutDialog *self = user_data;

  self->poll_id = 0;
  poll_now (self);
  return G_SOURCE_REMOVE;
}

static void
show_refresh (AmigoRolloutDialog   *self,
              AmigoInstanceRefresh *refresh)
{
  const char *status = amigo_instance_refresh_get_status (refresh);
  gint percent = amigo_instance_refresh_get_percentage_complete (refresh);
  gint to_update = amigo_instance_refresh_get_instances_to_update (refresh);
  const char *reason = amigo_instance_refresh_get_status_reason (refresh);
  g_autofree char *line = NULL;

  g_free (self->status);
  self->status = g_strdup (status);
  if (g_str_has_prefix (status != NULL ? status : "", "Rollback"))
    percent = amigo_instance_refresh_get_rollback_percentage_complete (refresh);
  gtk_progress_bar_set_fraction (self->progress, percent >= 0 ? percent / 100.0 : 0);
  if (to_update >= 0)
    /* Translators: an instance refresh's status (AWS's word) and how many
     * instances it still has to replace */
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d instance to update",
                                         "%s: %d instances to update", to_update), status, to_update);
  else
    line = g_strdup (status);
  gtk_label_set_text (self->status_label, line);
  gtk_label_set_text (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), amigo_instance_refresh_status_can_cancel (status));
  gtk_widget_set_sensitive (GTK_WIDGET (self->rollback_button), amigo_instance_refresh_status_can_roll_back (status));
  if (!amigo_instance_refresh_status_is_final (status))
    self->poll_id = g_timeout_add (self->poll_ms, poll_cb, self);
}

static void
describe_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autoptr(GPtrArray) refreshes = NULL;
  g_autoptr(GError) error = NULL;

  refreshes = amigo_autoscaling_describe_instance_refreshes_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (refreshes == NULL)
    {
      fail (self, error);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->poll_id = g_timeout_add (self->poll_ms, poll_cb, self);
      return;
    }
  if (refreshes->len > 0)
    show_refresh (self, g_ptr_array_index (refreshes, 0));
}

static void
poll_now (AmigoRolloutDialog *self)
{
  const char *ids[] = { self->refresh_id, NULL };

  amigo_autoscaling_describe_instance_refreshes_async (self->autoscaling,
                                                       amigo_auto_scaling_group_get_name (self->group),
                                                       ids, self->cancellable, describe_cb, self);
}

/* The task list follows the refresh too, after the dialog is closed and
 * after a restart, with Cancel and Roll Back in its row. */
static void
add_task (AmigoRolloutDialog *self)
{
  const char *ids[3] = { amigo_auto_scaling_group_get_name (self->group), self->refresh_id, NULL };
  g_autoptr(AmigoTask) task = NULL;
  g_autofree char *title = NULL;

  if (self->tasks == NULL)
    {
      GApplication *app = g_application_get_default ();

      if (AMIGO_IS_APPLICATION (app))
        self->tasks = g_object_ref (amigo_application_get_task_manager (AMIGO_APPLICATION (app)));
    }
  if (self->tasks == NULL)
    return;
  /* Translators: a task's title: an image id, then an Auto Scaling group's name */
  title = g_strdup_printf (_("Roll out %s to %s"), amigo_image_get_image_id (self->image), ids[0]);
  task = amigo_task_new (AMIGO_TASK_KIND_INSTANCE_REFRESH, amigo_account_get_id (self->account),
                         self->region, ids, title);
  amigo_task_manager_add (self->tasks, task);
}

/**
 * amigo_rollout_dialog_set_task_manager:
 * @tasks: (nullable): where the refresh is handed once it starts (the
 *   application's when unset)
 */
void
amigo_rollout_dialog_set_task_manager (AmigoRolloutDialog *self,
                                       AmigoTaskManager   *tasks)
{
  g_return_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self));
  g_set_object (&self->tasks, tasks);
}

static void
started_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->refresh_id = amigo_autoscaling_start_instance_refresh_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (self->refresh_id == NULL)
    {
      fail (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
  add_task (self);
  poll_now (self);
}

static GArray *
parse_checkpoints (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ", ", -1);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        gint value = atoi (parts[i]);

        g_array_append_val (values, value);
      }
  return values;
}

static void
start_refresh (AmigoRolloutDialog *self)
{
  g_autoptr(GArray) checkpoints = parse_checkpoints (gtk_editable_get_text (GTK_EDITABLE (self->checkpoints)));
  AmigoInstanceRefreshRequest request = {
    .group_name = amigo_auto_scaling_group_get_name (self->group),
    .launch_template_id = amigo_auto_scaling_group_get_launch_template_id (self->group),
    .launch_template_version = self->version,
    .min_healthy_percentage = gtk_spin_button_get_value_as_int (self->min_healthy),
    .instance_warmup = gtk_spin_button_get_value_as_int (self->warmup),
    .checkpoint_percentages = (const gint *) checkpoints->data,
    .n_checkpoint_percentages = checkpoints->len,
    .checkpoint_delay = -1,
    .skip_matching = TRUE,
    .auto_rollback = gtk_switch_get_active (self->auto_rollback),
  };

  amigo_autoscaling_start_instance_refresh_async (self->autoscaling, &request, self->cancellable,
                                                  started_cb, self);
}

static void
default_set_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = amigo_ec2_modify_launch_template_finish (AMIGO_EC2 (source), result, &error);
  if (template == NULL)
    {
      fail (self, error);
      return;
    }
  start_refresh (self);
}

static void
version_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autoptr(AmigoLaunchTemplateVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  version = amigo_ec2_create_launch_template_version_finish (AMIGO_EC2 (source), result, &error);
  if (version == NULL)
    {
      fail (self, error);
      return;
    }
  self->version = g_strdup_printf ("%" G_GINT64_FORMAT, amigo_launch_template_version_get_version_number (version));
  if (gtk_switch_get_active (self->make_default))
    amigo_ec2_modify_launch_template_async (self->ec2, amigo_auto_scaling_group_get_launch_template_id (self->group),
                                            self->version, self->cancellable, default_set_cb, self);
  else
    start_refresh (self);
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *group_version = amigo_auto_scaling_group_get_launch_template_version (self->group);
  g_autofree char *description = NULL;
  AmigoRunInstancesRequest data = { .image_id = amigo_image_get_image_id (self->image) };

  self->client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (self->client != NULL)
    self->ec2 = amigo_ec2_new_for_account (self->account, self->client, self->region, &error);
  if (self->ec2 != NULL)
    self->autoscaling = amigo_autoscaling_new_for_account (self->account, self->client, self->region, &error);
  if (self->autoscaling == NULL)
    {
      fail (self, error);
      return;
    }
  /* Translators: the description of a launch template version Amigo makes */
  description = g_strdup_printf (_("Image %s, rolled out by Amigo"), data.image_id);
  amigo_ec2_create_launch_template_version_async (self->ec2,
                                                  amigo_auto_scaling_group_get_launch_template_id (self->group),
                                                  group_version != NULL ? group_version : "$Default",
                                                  description, &data, self->cancellable, version_cb, self);
}

/**
 * amigo_rollout_dialog_start:
 * @self: the dialog
 *
 * What the Start button does.
 */
void
amigo_rollout_dialog_start (AmigoRolloutDialog *self)
{
  g_return_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), FALSE);
  amigo_account_get_client_async (self->account, self->cancellable, client_cb, self);
}

static void
control_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AmigoRolloutDialog *self = user_data;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *r = result;

  if (g_task_get_source_tag (G_TASK (r)) == amigo_autoscaling_cancel_instance_refresh_async)
    id = amigo_autoscaling_cancel_instance_refresh_finish (AMIGO_AUTOSCALING (source), r, &error);
  else
    id = amigo_autoscaling_rollback_instance_refresh_finish (AMIGO_AUTOSCALING (source), r, &error);
  if (id == NULL)
    fail (self, error);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  poll_now (self);
}

/**
 * amigo_rollout_dialog_cancel_refresh:
 * @self: the dialog
 *
 * Cancels the refresh (CancelInstanceRefresh).
 */
void
amigo_rollout_dialog_cancel_refresh (AmigoRolloutDialog *self)
{
  g_return_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  amigo_autoscaling_cancel_instance_refresh_async (self->autoscaling, amigo_auto_scaling_group_get_name (self->group),
                                                   self->cancellable, control_cb, self);
}

/**
 * amigo_rollout_dialog_roll_back:
 * @self: the dialog
 *
 * Rolls the refresh back (RollbackInstanceRefresh).
 */
void
amigo_rollout_dialog_roll_back (AmigoRolloutDialog *self)
{
  g_return_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->rollback_button), FALSE);
  amigo_autoscaling_rollback_instance_refresh_async (self->autoscaling,
                                                     amigo_auto_scaling_group_get_name (self->group),
                                                     self->cancellable, control_cb, self);
}

/**
 * amigo_rollout_dialog_get_status:
 * @self: the dialog
 *
 * Returns: (nullable): the refresh's last status, AWS's word
 */
const char *
amigo_rollout_dialog_get_status (AmigoRolloutDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self), NULL);
  return self->status;
}

/**
 * amigo_rollout_dialog_set_poll_interval_for_testing:
 * @self: the dialog
 * @ms: how often the refresh is described
 */
void
amigo_rollout_dialog_set_poll_interval_for_testing (AmigoRolloutDialog *self,
                                                    guint               ms)
{
  g_return_if_fail (AMIGO_IS_ROLLOUT_DIALOG (self));
  self->poll_ms = ms > 0 ? ms : POLL_INTERVAL_MS;
}

static void
amigo_rollout_dialog_dispose (GObject *object)
{
  AmigoRolloutDialog *self = AMIGO_ROLLOUT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->group);
  g_clear_object (&self->image);
  g_clear_object (&self->autoscaling);
  g_clear_object (&self->ec2);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (amigo_rollout_dialog_parent_class)->dispose (object);
}

static void
amigo_rollout_dialog_finalize (GObject *object)
{
  AmigoRolloutDialog *self = AMIGO_ROLLOUT_DIALOG (object);

  g_free (self->region);
  g_free (self->version);
  g_free (self->refresh_id);
  g_clear_object (&self->tasks);
  g_free (self->status);
  G_OBJECT_CLASS (amigo_rollout_dialog_parent_class)->finalize (object);
}

static void
amigo_rollout_dialog_class_init (AmigoRolloutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_rollout_dialog_dispose;
  object_class->finalize = amigo_rollout_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amigo_app/Amigo/fleet/amigo-rollout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, image_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, min_healthy);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, warmup);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, checkpoints);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, auto_rollback);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, make_default);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, rollback_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoRolloutDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, amigo_rollout_dialog_start);
  gtk_widget_class_bind_template_callback (widget_class, amigo_rollout_dialog_cancel_refresh);
  gtk_widget_class_bind_template_callback (widget_class, amigo_rollout_dialog_roll_back);
}

static void
amigo_rollout_dialog_init (AmigoRolloutDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->poll_ms = POLL_INTERVAL_MS;
  self->cancellable = g_cancellable_new ();
}

/**
 * amigo_rollout_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @account: the account
 * @region: the group's region
 * @group: the group (it launches from a launch template)
 * @image: the image to roll out
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
amigo_rollout_dialog_new (GtkWindow             *parent,
                          AmigoAccount          *account,
                          const char            *region,
                          AmigoAutoScalingGroup *group,
                          AmigoImage            *image)
{
  AmigoRolloutDialog *self = g_object_new (AMIGO_TYPE_ROLLOUT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *description = NULL;

  self->account = g_object_ref (account);
  self->region = g_strdup (region);
  self->group = g_object_ref (group);
  self->image = g_object_ref (image);
  adw_action_row_set_subtitle (self->image_row, amigo_image_get_image_id (image));
  adw_action_row_set_subtitle (self->group_row, amigo_auto_scaling_group_get_name (group));
  /* Translators: %s is an image id, %s an Auto Scaling group's name */
  description = g_strdup_printf (_("A new version of the group’s launch template will launch %s; then Auto Scaling replaces the instances of %s, a few at a time."),
                                 amigo_image_get_image_id (image), amigo_auto_scaling_group_get_name (group));
  gtk_label_set_text (self->description_label, description);
  return GTK_WIDGET (self);
}
