/* amigo-auto-scaling-page.c — the Auto Scaling groups of a region: their
 * launch template and version, sizes, the image each instance runs, and
 * "Roll Out This Image…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-auto-scaling-page.h"
#include "amigo-autoscaling.h"
#include "amigo-fleet-page.h"
#include "amigo-rollout-dialog.h"
#include "amigo-text.h"

struct _AmigoAutoScalingPage
{
  AmigoFleetPage parent_instance;

  /* template widgets */
  GtkLabel *image_label;

  /* owned */
  AmigoImage *image;
  GPtrArray *groups;            /* AmigoAutoScalingGroup */
};

G_DEFINE_FINAL_TYPE (AmigoAutoScalingPage, amigo_auto_scaling_page, AMIGO_TYPE_FLEET_PAGE)

static void
on_roll_out_clicked_cb (GtkButton            *button,
                        AmigoAutoScalingPage *self)
{
  amigo_auto_scaling_page_roll_out (self, g_object_get_data (G_OBJECT (button), "group-name"));
}

static gboolean
amigo_auto_scaling_page_rebuild (AmigoFleetPage *page)
{
  AmigoAutoScalingPage *self = AMIGO_AUTO_SCALING_PAGE (page);

  if (self->image != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Image to roll out: %s"), amigo_image_get_image_id (self->image));

      gtk_label_set_text (self->image_label, text);
    }
  else
    gtk_label_set_text (self->image_label, _("Select an image in an image list, or choose “Roll Out to an Auto Scaling Group…” in Quick Start, to roll it out to a group."));

  if (self->groups == NULL)
    return FALSE;
  for (guint i = 0; i < self->groups->len; i++)
    {
      AmigoAutoScalingGroup *group = g_ptr_array_index (self->groups, i);
      const char *template_name = amigo_auto_scaling_group_get_launch_template_name (group);
      const char *version = amigo_auto_scaling_group_get_launch_template_version (group);
      GtkWidget *prefs = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Roll Out This Image…"));
      g_autofree char *summary = NULL;
      g_autofree char *sizes = NULL;
      const AmigoAutoScalingInstance *instances;
      guint n = 0;

      amigo_preferences_group_set_title_literal (ADW_PREFERENCES_GROUP (prefs), amigo_auto_scaling_group_get_name (group));
      /* Translators: desired, minimum and maximum number of instances of a group */
      sizes = g_strdup_printf (_("Desired %d, minimum %d, maximum %d"),
                               amigo_auto_scaling_group_get_desired_capacity (group),
                               amigo_auto_scaling_group_get_min_size (group),
                               amigo_auto_scaling_group_get_max_size (group));
      if (template_name != NULL)
        /* Translators: a launch template's name and version, then the group's sizes */
        summary = g_strdup_printf (_("Launch template %s, version %s. %s"), template_name,
                                   version != NULL ? version : _("default"), sizes);
      else
        summary = g_strdup_printf (_("No launch template. %s"), sizes);
      amigo_preferences_group_set_description_literal (ADW_PREFERENCES_GROUP (prefs), summary);

      g_object_set_data_full (G_OBJECT (button), "group-name",
                              g_strdup (amigo_auto_scaling_group_get_name (group)), g_free);
      gtk_widget_set_sensitive (button, self->image != NULL && template_name != NULL);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_roll_out_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (prefs), button);

      instances = amigo_auto_scaling_group_get_instances (group, &n);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          /* Translators: an instance's image, its state in its group (AWS's word), its template version */
          subtitle = g_strdup_printf (_("%s · %s · version %s"),
                                      instances[j].image_id != NULL ? instances[j].image_id : "?",
                                      instances[j].lifecycle_state != NULL ? instances[j].lifecycle_state : "?",
                                      instances[j].launch_template_version != NULL ? instances[j].launch_template_version : "?");
          row = amigo_action_row_new_literal (instances[j].instance_id, subtitle);
          if (self->image != NULL
              && g_strcmp0 (instances[j].image_id, amigo_image_get_image_id (self->image)) == 0)
            amigo_fleet_row_add_mark (row, _("Runs the selected image"), "accent");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
        }
      amigo_fleet_page_add_group (page, ADW_PREFERENCES_GROUP (prefs));
    }
  return TRUE;
}

static void
groups_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AmigoAutoScalingPage *self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = amigo_autoscaling_describe_auto_scaling_groups_finish (AMIGO_AUTOSCALING (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (groups == NULL)
    {
      amigo_fleet_page_show_error (AMIGO_FLEET_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = g_steal_pointer (&groups);
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

static gboolean
amigo_auto_scaling_page_start (AmigoFleetPage *page,
                               AmigoClient    *client,
                               GError        **error)
{
  g_autoptr(AmigoAutoscaling) autoscaling = NULL;

  autoscaling = amigo_autoscaling_new_for_account (amigo_fleet_page_get_account (page), client,
                                                   amigo_fleet_page_get_region (page), error);
  if (autoscaling == NULL)
    return FALSE;
  amigo_autoscaling_describe_auto_scaling_groups_async (autoscaling, NULL, amigo_fleet_page_get_cancellable (page),
                                                        groups_cb, page);
  return TRUE;
}

static void
amigo_auto_scaling_page_clear (AmigoFleetPage *page)
{
  g_clear_pointer (&AMIGO_AUTO_SCALING_PAGE (page)->groups, g_ptr_array_unref);
}

/**
 * amigo_auto_scaling_page_load:
 * @self: the page
 * @account: (nullable): the account
 * @region: (nullable): the region ("" or %NULL: all, which this page does not list)
 */
void
amigo_auto_scaling_page_load (AmigoAutoScalingPage *self,
                              AmigoAccount         *account,
                              const char           *region)
{
  g_return_if_fail (AMIGO_IS_AUTO_SCALING_PAGE (self));
  amigo_fleet_page_load (AMIGO_FLEET_PAGE (self), account, region);
}

/**
 * amigo_auto_scaling_page_set_image:
 * @self: the page
 * @image: (nullable): the image "Roll Out This Image…" rolls out
 */
void
amigo_auto_scaling_page_set_image (AmigoAutoScalingPage *self,
                                   AmigoImage           *image)
{
  g_return_if_fail (AMIGO_IS_AUTO_SCALING_PAGE (self));
  /* A hidden page is rebuilt when it is loaded (shown): changing the
   * widgets of an unmapped page while the window draws upsets GTK. */
  if (g_set_object (&self->image, image) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

/**
 * amigo_auto_scaling_page_get_groups:
 * @self: the page
 *
 * Returns: (transfer none) (nullable) (element-type AmigoAutoScalingGroup):
 *   the groups listed
 */
GPtrArray *
amigo_auto_scaling_page_get_groups (AmigoAutoScalingPage *self)
{
  g_return_val_if_fail (AMIGO_IS_AUTO_SCALING_PAGE (self), NULL);
  return self->groups;
}

/**
 * amigo_auto_scaling_page_roll_out:
 * @self: the page
 * @group_name: a group listed
 *
 * Opens "Roll Out This Image" for the page's image and @group_name.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
amigo_auto_scaling_page_roll_out (AmigoAutoScalingPage *self,
                                  const char           *group_name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_val_if_fail (AMIGO_IS_AUTO_SCALING_PAGE (self), NULL);
  if (self->image == NULL || self->groups == NULL)
    return NULL;
  for (guint i = 0; i < self->groups->len; i++)
    {
      AmigoAutoScalingGroup *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (amigo_auto_scaling_group_get_name (group), group_name) != 0)
        continue;
      dialog = amigo_rollout_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         amigo_fleet_page_get_account (AMIGO_FLEET_PAGE (self)),
                                         amigo_fleet_page_get_region (AMIGO_FLEET_PAGE (self)), group, self->image);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  return NULL;
}

static void
amigo_auto_scaling_page_dispose (GObject *object)
{
  AmigoAutoScalingPage *self = AMIGO_AUTO_SCALING_PAGE (object);

  G_OBJECT_CLASS (amigo_auto_scaling_page_parent_class)->dispose (object);
  g_clear_object (&self->image);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
}

static void
amigo_auto_scaling_page_class_init (AmigoAutoScalingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoFleetPageClass *page_class = AMIGO_FLEET_PAGE_CLASS (klass);

  object_class->dispose = amigo_auto_scaling_page_dispose;
  page_class->clear = amigo_auto_scaling_page_clear;
  page_class->rebuild = amigo_auto_scaling_page_rebuild;
  page_class->start = amigo_auto_scaling_page_start;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/fleet/amigo-auto-scaling-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoAutoScalingPage, image_label);
}

static void
amigo_auto_scaling_page_init (AmigoAutoScalingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

/**
 * amigo_auto_scaling_page_new:
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
amigo_auto_scaling_page_new (void)
{
  return g_object_new (AMIGO_TYPE_AUTO_SCALING_PAGE, NULL);
}
