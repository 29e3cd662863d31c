/* amigo-version-compare-dialog.c — two versions of a launch template side
 * by side: the version a person chose "Compare…" on, and another one of the
 * same template (at first the default version), a row per setting that
 * differs: the setting, its value in one version, then in the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-launch-template.h"
#include "amigo-text.h"
#include "amigo-version-compare-dialog.h"

struct _AmigoVersionCompareDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *choose_group;
  AdwComboRow *other_row;
  GtkLabel *version_heading;
  GtkLabel *other_heading;
  GtkWidget *columns;
  GtkListBox *list;
  GtkWidget *same_label;
  GtkWidget *setting_heading;
  GtkSizeGroup *setting_column;

  /* owned */
  GPtrArray *versions;          /* AmigoLaunchTemplateVersion */
  AmigoLaunchTemplateVersion *version;
  GPtrArray *others;            /* AmigoLaunchTemplateVersion, as the combo row lists them */
};

G_DEFINE_FINAL_TYPE (AmigoVersionCompareDialog, amigo_version_compare_dialog, ADW_TYPE_WINDOW)

static char *
version_title (AmigoLaunchTemplateVersion *version)
{
  int number = (int) amigo_launch_template_version_get_version_number (version);

  return amigo_launch_template_version_get_default_version (version)
           ? g_strdup_printf (_("Version %d (default)"), number)
           : g_strdup_printf (_("Version %d"), number);
}

static GtkWidget *
cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static void
on_other_selected_cb (AmigoVersionCompareDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->other_row);
  AmigoLaunchTemplateVersion *other;
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *version_name = NULL;
  g_autofree char *other_name = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->version == NULL || selected >= self->others->len)
    return;
  other = g_ptr_array_index (self->others, selected);
  version_name = version_title (self->version);
  other_name = version_title (other);
  gtk_label_set_text (self->version_heading, version_name);
  gtk_label_set_text (self->other_heading, other_name);

  differences = amigo_launch_template_version_compare (self->version, other);
  gtk_widget_set_visible (self->columns, differences->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), differences->len > 0);
  gtk_widget_set_visible (self->same_label, differences->len == 0);
  for (guint i = 0; i < differences->len; i++)
    {
      AmigoLaunchTemplateDifference *d = g_ptr_array_index (differences, i);
      const char *old_value = d->old_value != NULL ? d->old_value : _("Not set");
      const char *new_value = d->new_value != NULL ? d->new_value : _("Not set");
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *setting = cell (d->setting);
      g_autofree char *spoken = NULL;

      gtk_widget_add_css_class (setting, "dim-label");
      gtk_widget_set_hexpand (setting, FALSE);
      gtk_size_group_add_widget (self->setting_column, setting);
      gtk_box_set_homogeneous (GTK_BOX (values), TRUE);
      gtk_widget_set_hexpand (values, TRUE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_box_append (GTK_BOX (box), setting);
      gtk_box_append (GTK_BOX (values), cell (old_value));
      gtk_box_append (GTK_BOX (values), cell (new_value));
      gtk_box_append (GTK_BOX (box), values);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Translators: what a screen reader says for a row of the
       * comparison: a setting, then each version and its value */
      spoken = g_strdup_printf (_("%s: %s in %s, %s in %s"), d->setting, old_value, version_name,
                                new_value, other_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      gtk_list_box_append (self->list, row);
    }
}

/**
 * amigo_version_compare_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @template_name: the launch template's name
 * @versions: (element-type AmigoLaunchTemplateVersion): its versions
 * @version: the version to compare with another one
 *
 * Returns: (transfer none): a new dialog, not yet shown, comparing @version
 * with the default version (or, for the default version, the latest other)
 */
GtkWidget *
amigo_version_compare_dialog_new (GtkWindow  *parent,
                                  const char *template_name,
                                  GPtrArray  *versions,
                                  gint64      version)
{
  AmigoVersionCompareDialog *self = g_object_new (AMIGO_TYPE_VERSION_COMPARE_DIALOG,
                                                  "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint initial = G_MAXUINT;
  g_autofree char *description = NULL;

  self->versions = g_ptr_array_ref (versions);
  for (guint i = 0; i < versions->len; i++)
    {
      AmigoLaunchTemplateVersion *v = g_ptr_array_index (versions, i);
      g_autofree char *title = NULL;

      if (amigo_launch_template_version_get_version_number (v) == version)
        {
          self->version = v;
          continue;
        }
      if (amigo_launch_template_version_get_default_version (v) ||
          (initial == G_MAXUINT && amigo_launch_template_version_get_version_number (v) > version))
        initial = self->others->len;
      title = version_title (v);
      gtk_string_list_append (names, title);
      g_ptr_array_add (self->others, v);
    }

  amigo_preferences_group_set_title_literal (self->choose_group, template_name);
  /* Translators: the version of a launch template being compared */
  description = g_strdup_printf (_("Version %d compared with another version of this template"), (int) version);
  amigo_preferences_group_set_description_literal (self->choose_group, description);
  adw_combo_row_set_model (self->other_row, G_LIST_MODEL (names));
  if (initial != G_MAXUINT)
    adw_combo_row_set_selected (self->other_row, initial);
  on_other_selected_cb (self);
  return GTK_WIDGET (self);
}

/**
 * amigo_version_compare_dialog_get_other:
 * @self: the dialog
 *
 * Returns: the number of the version @self compares with, or 0
 */
gint64
amigo_version_compare_dialog_get_other (AmigoVersionCompareDialog *self)
{
  guint selected;

  g_return_val_if_fail (AMIGO_IS_VERSION_COMPARE_DIALOG (self), 0);
  selected = adw_combo_row_get_selected (self->other_row);
  if (selected >= self->others->len)
    return 0;
  return amigo_launch_template_version_get_version_number (g_ptr_array_index (self->others, selected));
}

static void
amigo_version_compare_dialog_finalize (GObject *object)
{
  AmigoVersionCompareDialog *self = AMIGO_VERSION_COMPARE_DIALOG (object);

  g_ptr_array_unref (self->others);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  G_OBJECT_CLASS (amigo_version_compare_dialog_parent_class)->finalize (object);
}

static void
amigo_version_compare_dialog_class_init (AmigoVersionCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = amigo_version_compare_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/fleet/amigo-version-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, choose_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, other_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, version_heading);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, other_heading);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, columns);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, list);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, same_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, setting_heading);
  gtk_widget_class_bind_template_child (widget_class, AmigoVersionCompareDialog, setting_column);
  gtk_widget_class_bind_template_callback (widget_class, on_other_selected_cb);
}

static void
amigo_version_compare_dialog_init (AmigoVersionCompareDialog *self)
{
  self->others = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
