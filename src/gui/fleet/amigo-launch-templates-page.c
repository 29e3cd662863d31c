/* amigo-launch-templates-page.c — the launch templates of a region: each
 * version and its image (marked when it is the selected image), "New
 * Version with This Image" (optionally the default), the default version,
 * the difference between two versions, a new template from the image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-ec2.h"
#include "amigo-fleet-context.h"
#include "amigo-fleet-page.h"
#include "amigo-launch-templates-page.h"
#include "amigo-text.h"
#include "amigo-version-compare-dialog.h"

struct _AmigoLaunchTemplatesPage
{
  AmigoFleetPage parent_instance;

  /* template widgets */
  GtkLabel *image_label;
  GtkCheckButton *make_default;
  GtkButton *create_button;

  /* owned */
  AmigoImage *image;
  AmigoEc2 *ec2;
  GPtrArray *templates;         /* AmigoLaunchTemplate */
  GHashTable *versions;         /* template id → GPtrArray of AmigoLaunchTemplateVersion */
  guint pending;
};

G_DEFINE_FINAL_TYPE (AmigoLaunchTemplatesPage, amigo_launch_templates_page, AMIGO_TYPE_FLEET_PAGE)

static void reload (AmigoLaunchTemplatesPage *self);

static GCancellable *
cancellable_of (AmigoLaunchTemplatesPage *self)
{
  return amigo_fleet_page_get_cancellable (AMIGO_FLEET_PAGE (self));
}

static void
on_compare_clicked_cb (GtkButton                *button,
                       AmigoLaunchTemplatesPage *self)
{
  const char *template_id = g_object_get_data (G_OBJECT (button), "template-id");
  gint64 number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "version"));
  GPtrArray *versions = g_hash_table_lookup (self->versions, template_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = template_id;

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    if (g_strcmp0 (amigo_launch_template_get_launch_template_id (g_ptr_array_index (self->templates, i)), template_id) == 0)
      name = amigo_launch_template_get_launch_template_name (g_ptr_array_index (self->templates, i));
  if (versions != NULL)
    gtk_window_present (GTK_WINDOW (amigo_version_compare_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                      name, versions, number)));
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AmigoLaunchTemplatesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == amigo_ec2_modify_launch_template_async)
    object = G_OBJECT (amigo_ec2_modify_launch_template_finish (AMIGO_EC2 (source), result, &error));
  else
    object = G_OBJECT (amigo_ec2_create_launch_template_finish (AMIGO_EC2 (source), result, &error));
  self->pending--;
  if (object == NULL)
    amigo_fleet_show_error (GTK_WIDGET (self), _("Could Not Change the Launch Template"), error);
  reload (self);
}

static void
set_default (AmigoLaunchTemplatesPage *self,
             const char               *template_id,
             gint64                    number)
{
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  self->pending++;
  amigo_ec2_modify_launch_template_async (self->ec2, template_id, version, cancellable_of (self), changed_cb, self);
}

static void
on_make_default_clicked_cb (GtkButton                *button,
                            AmigoLaunchTemplatesPage *self)
{
  set_default (self, g_object_get_data (G_OBJECT (button), "template-id"),
               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "version")));
}

typedef struct {
  AmigoLaunchTemplatesPage *self;
  char *template_id;
  gboolean make_default;
} NewVersion;

static void
version_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  NewVersion *nv = user_data;
  AmigoLaunchTemplatesPage *self = nv->self;
  g_autoptr(AmigoLaunchTemplateVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  version = amigo_ec2_create_launch_template_version_finish (AMIGO_EC2 (source), result, &error);
  self->pending--;
  if (version == NULL)
    amigo_fleet_show_error (GTK_WIDGET (self), _("Could Not Add a Version"), error);
  else if (nv->make_default)
    set_default (self, nv->template_id, amigo_launch_template_version_get_version_number (version));
  if (version == NULL || !nv->make_default)
    reload (self);
  g_free (nv->template_id);
  g_free (nv);
}

/**
 * amigo_launch_templates_page_new_version:
 * @self: the page
 * @template_id: a template listed
 * @make_default: also make the new version the default
 *
 * "New Version with This Image": a version based on the default one whose
 * image is the page's image.
 */
void
amigo_launch_templates_page_new_version (AmigoLaunchTemplatesPage *self,
                                         const char               *template_id,
                                         gboolean                  make_default)
{
  AmigoRunInstancesRequest data = { 0 };
  NewVersion *nv;
  g_autofree char *description = NULL;

  g_return_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self));
  if (self->image == NULL || self->ec2 == NULL)
    return;
  data.image_id = amigo_image_get_image_id (self->image);
  description = g_strdup_printf (_("Image %s"), data.image_id);
  nv = g_new0 (NewVersion, 1);
  nv->self = self;
  nv->template_id = g_strdup (template_id);
  nv->make_default = make_default;
  self->pending++;
  amigo_ec2_create_launch_template_version_async (self->ec2, template_id, "$Default", description, &data,
                                                  cancellable_of (self), version_created_cb, nv);
}

static void
on_new_version_clicked_cb (GtkButton                *button,
                           AmigoLaunchTemplatesPage *self)
{
  amigo_launch_templates_page_new_version (self, g_object_get_data (G_OBJECT (button), "template-id"),
                                           gtk_check_button_get_active (self->make_default));
}

/**
 * amigo_launch_templates_page_create:
 * @self: the page
 * @name: the new template's name
 * @instance_type: (nullable): its instance type
 *
 * A new launch template whose first version launches the page's image.
 */
void
amigo_launch_templates_page_create (AmigoLaunchTemplatesPage *self,
                                    const char               *name,
                                    const char               *instance_type)
{
  AmigoRunInstancesRequest data = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self));
  if (self->image == NULL || self->ec2 == NULL)
    return;
  if (!amigo_ec2_validate_launch_template_name (name, &error))
    {
      amigo_fleet_show_error (GTK_WIDGET (self), _("Could Not Create the Launch Template"), error);
      return;
    }
  data.image_id = amigo_image_get_image_id (self->image);
  data.instance_type = instance_type != NULL && *instance_type != '\0' ? instance_type : NULL;
  self->pending++;
  amigo_ec2_create_launch_template_async (self->ec2, name, NULL, &data, cancellable_of (self), changed_cb, self);
}

static void
on_create_response_cb (AdwMessageDialog         *dialog,
                       const char               *response,
                       AmigoLaunchTemplatesPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *type = gtk_widget_get_next_sibling (name);

  if (g_strcmp0 (response, "create") == 0)
    amigo_launch_templates_page_create (self, gtk_editable_get_text (GTK_EDITABLE (name)),
                                        gtk_editable_get_text (GTK_EDITABLE (type)));
}

static void
on_create_clicked_cb (GtkButton                *button,
                      AmigoLaunchTemplatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("New Launch Template"),
                                              _("Its first version launches the selected image."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *type = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (type), "t3.micro");
  gtk_accessible_update_property (GTK_ACCESSIBLE (type), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Instance Type"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_create_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (const char *label,
            const char *template_id,
            gint64      version,
            gint64      default_version)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "template-id", g_strdup (template_id), g_free);
  g_object_set_data (G_OBJECT (button), "version", GINT_TO_POINTER ((gint) version));
  g_object_set_data (G_OBJECT (button), "default", GINT_TO_POINTER ((gint) default_version));
  return button;
}

static gboolean
amigo_launch_templates_page_rebuild (AmigoFleetPage *page)
{
  AmigoLaunchTemplatesPage *self = AMIGO_LAUNCH_TEMPLATES_PAGE (page);
  const char *image_id = self->image != NULL ? amigo_image_get_image_id (self->image) : NULL;

  if (image_id != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Selected image: %s"), image_id);

      gtk_label_set_text (self->image_label, text);
    }
  else
    gtk_label_set_text (self->image_label, _("Select an image in an image list, or choose “Add to a Launch Template…” in Quick Start, to add it to a template."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), image_id != NULL && self->ec2 != NULL);

  if (self->templates == NULL || self->pending > 0)
    return FALSE;
  for (guint i = 0; i < self->templates->len; i++)
    {
      AmigoLaunchTemplate *template = g_ptr_array_index (self->templates, i);
      const char *id = amigo_launch_template_get_launch_template_id (template);
      gint64 default_number = amigo_launch_template_get_default_version_number (template);
      GPtrArray *versions = g_hash_table_lookup (self->versions, id);
      GtkWidget *prefs = adw_preferences_group_new ();
      GtkWidget *add = row_button (_("New Version with This Image"), id, 0, default_number);
      g_autofree char *summary = NULL;

      amigo_preferences_group_set_title_literal (ADW_PREFERENCES_GROUP (prefs),
                                                 amigo_launch_template_get_launch_template_name (template));
      /* Translators: a launch template's id, its default and latest versions */
      summary = g_strdup_printf (_("%s: default version %d, latest %d"), id, (int) default_number,
                                 (int) amigo_launch_template_get_latest_version_number (template));
      amigo_preferences_group_set_description_literal (ADW_PREFERENCES_GROUP (prefs), summary);
      gtk_widget_set_sensitive (add, image_id != NULL);
      g_signal_connect (add, "clicked", G_CALLBACK (on_new_version_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (prefs), add);

      for (guint j = 0; versions != NULL && j < versions->len; j++)
        {
          AmigoLaunchTemplateVersion *v = g_ptr_array_index (versions, j);
          gint64 number = amigo_launch_template_version_get_version_number (v);
          const char *version_image = amigo_launch_template_version_get_image_id (v);
          const char *type = amigo_launch_template_version_get_instance_type (v);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          title = amigo_launch_template_version_get_default_version (v)
                    ? g_strdup_printf (_("Version %d (default)"), (int) number)
                    : g_strdup_printf (_("Version %d"), (int) number);
          subtitle = g_strdup_printf ("%s%s%s", version_image != NULL ? version_image : _("No image"),
                                      type != NULL ? " · " : "", type != NULL ? type : "");
          row = amigo_action_row_new_literal (title, subtitle);
          if (image_id != NULL && g_strcmp0 (version_image, image_id) == 0)
            amigo_fleet_row_add_mark (row, _("Uses the selected image"), "accent");
          if (versions->len > 1)
            {
              GtkWidget *compare = row_button (_("Compare…"), id, number, default_number);
              g_autofree char *spoken = g_strdup_printf (_("Compare Version %d with Another Version"), (int) number);

              gtk_widget_set_tooltip_text (compare, _("Compare with another version"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
              g_signal_connect (compare, "clicked", G_CALLBACK (on_compare_clicked_cb), self);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare);
            }
          if (!amigo_launch_template_version_get_default_version (v))
            {
              GtkWidget *make = row_button (_("Make Default"), id, number, default_number);

              g_signal_connect (make, "clicked", G_CALLBACK (on_make_default_clicked_cb), self);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), make);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), row);
        }
      amigo_fleet_page_add_group (page, ADW_PREFERENCES_GROUP (prefs));
    }
  return TRUE;
}

static void
versions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AmigoLaunchTemplatesPage *self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  versions = amigo_ec2_describe_launch_template_versions_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (versions != NULL && versions->len > 0)
    {
      id = amigo_launch_template_version_get_launch_template_id (g_ptr_array_index (versions, 0));
      g_hash_table_replace (self->versions, g_strdup (id), g_steal_pointer (&versions));
    }
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

static void
templates_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AmigoLaunchTemplatesPage *self = user_data;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  templates = amigo_ec2_describe_launch_templates_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (templates == NULL)
    {
      amigo_fleet_page_show_error (AMIGO_FLEET_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = g_steal_pointer (&templates);
  for (guint i = 0; i < self->templates->len; i++)
    {
      self->pending++;
      amigo_ec2_describe_launch_template_versions_async (
        self->ec2, amigo_launch_template_get_launch_template_id (g_ptr_array_index (self->templates, i)),
        NULL, cancellable_of (self), versions_cb, self);
    }
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

static void
reload (AmigoLaunchTemplatesPage *self)
{
  if (self->ec2 == NULL)
    return;
  self->pending++;
  amigo_ec2_describe_launch_templates_async (self->ec2, NULL, cancellable_of (self), templates_cb, self);
}

static gboolean
amigo_launch_templates_page_start (AmigoFleetPage *page,
                                   AmigoClient    *client,
                                   GError        **error)
{
  AmigoLaunchTemplatesPage *self = AMIGO_LAUNCH_TEMPLATES_PAGE (page);

  self->ec2 = amigo_ec2_new_for_account (amigo_fleet_page_get_account (page), client,
                                         amigo_fleet_page_get_region (page), error);
  if (self->ec2 == NULL)
    return FALSE;
  reload (self);
  return TRUE;
}

static void
amigo_launch_templates_page_clear (AmigoFleetPage *page)
{
  AmigoLaunchTemplatesPage *self = AMIGO_LAUNCH_TEMPLATES_PAGE (page);

  g_clear_object (&self->ec2);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_hash_table_remove_all (self->versions);
  self->pending = 0;
}

/**
 * amigo_launch_templates_page_load:
 * @self: the page
 * @account: (nullable): the account
 * @region: (nullable): the region
 */
void
amigo_launch_templates_page_load (AmigoLaunchTemplatesPage *self,
                                  AmigoAccount             *account,
                                  const char               *region)
{
  g_return_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self));
  amigo_fleet_page_load (AMIGO_FLEET_PAGE (self), account, region);
}

/**
 * amigo_launch_templates_page_set_image:
 * @self: the page
 * @image: (nullable): the selected image
 */
void
amigo_launch_templates_page_set_image (AmigoLaunchTemplatesPage *self,
                                       AmigoImage               *image)
{
  g_return_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self));
  /* A hidden page is rebuilt when it is loaded (shown): changing the
   * widgets of an unmapped page while the window draws upsets GTK. */
  if (g_set_object (&self->image, image) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

/**
 * amigo_launch_templates_page_get_templates:
 * @self: the page
 *
 * Returns: (transfer none) (nullable) (element-type AmigoLaunchTemplate): the templates
 */
GPtrArray *
amigo_launch_templates_page_get_templates (AmigoLaunchTemplatesPage *self)
{
  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self), NULL);
  return self->templates;
}

/**
 * amigo_launch_templates_page_get_versions:
 * @self: the page
 * @template_id: a template
 *
 * Returns: (transfer none) (nullable) (element-type AmigoLaunchTemplateVersion): its versions
 */
GPtrArray *
amigo_launch_templates_page_get_versions (AmigoLaunchTemplatesPage *self,
                                          const char               *template_id)
{
  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self), NULL);
  return g_hash_table_lookup (self->versions, template_id);
}

/**
 * amigo_launch_templates_page_get_busy:
 * @self: the page
 *
 * Returns: whether a request is on its way
 */
gboolean
amigo_launch_templates_page_get_busy (AmigoLaunchTemplatesPage *self)
{
  g_return_val_if_fail (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (self), FALSE);
  return self->pending > 0 || self->templates == NULL;
}

static void
amigo_launch_templates_page_dispose (GObject *object)
{
  AmigoLaunchTemplatesPage *self = AMIGO_LAUNCH_TEMPLATES_PAGE (object);

  G_OBJECT_CLASS (amigo_launch_templates_page_parent_class)->dispose (object);
  g_clear_object (&self->image);
  g_clear_object (&self->ec2);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
}

static void
amigo_launch_templates_page_finalize (GObject *object)
{
  AmigoLaunchTemplatesPage *self = AMIGO_LAUNCH_TEMPLATES_PAGE (object);

  g_hash_table_unref (self->versions);
  G_OBJECT_CLASS (amigo_launch_templates_page_parent_class)->finalize (object);
}

static void
amigo_launch_templates_page_class_init (AmigoLaunchTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoFleetPageClass *page_class = AMIGO_FLEET_PAGE_CLASS (klass);

  object_class->dispose = amigo_launch_templates_page_dispose;
  object_class->finalize = amigo_launch_templates_page_finalize;
  page_class->clear = amigo_launch_templates_page_clear;
  page_class->rebuild = amigo_launch_templates_page_rebuild;
  page_class->start = amigo_launch_templates_page_start;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/fleet/amigo-launch-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchTemplatesPage, image_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchTemplatesPage, make_default);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchTemplatesPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
amigo_launch_templates_page_init (AmigoLaunchTemplatesPage *self)
{
  self->versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

/**
 * amigo_launch_templates_page_new:
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
amigo_launch_templates_page_new (void)
{
  return g_object_new (AMIGO_TYPE_LAUNCH_TEMPLATES_PAGE, NULL);
}
