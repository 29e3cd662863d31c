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
#include "amigo-rollout-dialog.h"
#include "amigo-text.h"

struct _AmigoAutoScalingPage
{
  GtkBox parent_instance;

  GtkStack *stack;
  AdwStatusPage *status;
  AdwPreferencesPage *list;
  GPtrArray *groups_shown;      /* AdwPreferencesGroup */
  GtkLabel *image_label;

  AmigoAccount *account;
  char *region;
  AmigoImage *image;
  GCancellable *cancellable;
  GPtrArray *groups;            /* AmigoAutoScalingGroup */
};

G_DEFINE_FINAL_TYPE (AmigoAutoScalingPage, amigo_auto_scaling_page, GTK_TYPE_BOX)

static void
show_status (AmigoAutoScalingPage *self,
             const char           *title,
             const char           *description)
{
  adw_status_page_set_title (self->status, title);
  amigo_status_page_set_description_literal (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
on_roll_out_clicked_cb (GtkButton            *button,
                        AmigoAutoScalingPage *self)
{
  amigo_auto_scaling_page_roll_out (self, g_object_get_data (G_OBJECT (button), "group-name"));
}

static void
rebuild (AmigoAutoScalingPage *self)
{
  for (guint i = 0; i < self->groups_shown->len; i++)
    adw_preferences_page_remove (self->list, g_ptr_array_index (self->groups_shown, i));
  g_ptr_array_set_size (self->groups_shown, 0);

  if (self->image != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Image to roll out: %s"), amigo_image_get_image_id (self->image));

      gtk_label_set_text (self->image_label, text);
    }
  else
    gtk_label_set_text (self->image_label, _("Select an image in an image list to roll it out to a group."));

  if (self->groups == NULL)
    return;
  if (self->groups->len == 0)
    {
      show_status (self, _("No Auto Scaling Groups"), _("This region has no Auto Scaling group."));
      return;
    }
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

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), amigo_auto_scaling_group_get_name (group));
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
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs), summary);

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
            {
              GtkWidget *mark = gtk_label_new (_("Runs the selected image"));

              gtk_widget_add_css_class (mark, "caption");
              gtk_widget_add_css_class (mark, "accent");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
        }
      adw_preferences_page_add (self->list, ADW_PREFERENCES_GROUP (prefs));
      g_ptr_array_add (self->groups_shown, prefs);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
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
      show_status (self, _("Could Not Load the Auto Scaling Groups"), error->message);
      return;
    }
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = g_steal_pointer (&groups);
  rebuild (self);
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  AmigoAutoScalingPage *self;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoAutoscaling) autoscaling = NULL;
  g_autoptr(GError) error = NULL;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "page");
  if (client != NULL)
    autoscaling = amigo_autoscaling_new_for_account (self->account, client, self->region, &error);
  if (autoscaling == NULL)
    {
      show_status (self, _("Could Not Load the Auto Scaling Groups"), error->message);
      return;
    }
  amigo_autoscaling_describe_auto_scaling_groups_async (autoscaling, NULL, cancellable, groups_cb, self);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->account, account);
  g_free (self->region);
  self->region = g_strdup (region);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  rebuild (self);
  if (account == NULL || region == NULL || *region == '\0')
    {
      show_status (self, _("Choose a Region"), _("Auto Scaling groups are listed one region at a time."));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->cancellable), "page", self);
  amigo_account_get_client_async (account, self->cancellable, client_cb, g_object_ref (self->cancellable));
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
    rebuild (self);
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
      dialog = amigo_rollout_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->account,
                                         self->region, group, self->image);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  return NULL;
}

static void
amigo_auto_scaling_page_dispose (GObject *object)
{
  AmigoAutoScalingPage *self = AMIGO_AUTO_SCALING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->image);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (amigo_auto_scaling_page_parent_class)->dispose (object);
}

static void
amigo_auto_scaling_page_finalize (GObject *object)
{
  AmigoAutoScalingPage *self = AMIGO_AUTO_SCALING_PAGE (object);

  g_free (self->region);
  g_ptr_array_unref (self->groups_shown);
  G_OBJECT_CLASS (amigo_auto_scaling_page_parent_class)->finalize (object);
}

static void
amigo_auto_scaling_page_class_init (AmigoAutoScalingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_auto_scaling_page_dispose;
  object_class->finalize = amigo_auto_scaling_page_finalize;
}

static void
amigo_auto_scaling_page_init (AmigoAutoScalingPage *self)
{
  GtkWidget *spinner = gtk_spinner_new ();

  self->groups_shown = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->image_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->image_label, 0);
  gtk_label_set_wrap (self->image_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->image_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->image_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->image_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->image_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->image_label), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->image_label));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->list = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "view-grid-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
  rebuild (self);
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
