/* amigo-columns-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A switch per column of the image list; what is hidden is remembered in
 * the "hidden-columns" GSettings key.
 */
#include "config.h"

#include "amigo-columns-dialog.h"

struct _AmigoColumnsDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *columns_group;

  /* owned */
  AmigoImageList *list;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AmigoColumnsDialog, amigo_columns_dialog, ADW_TYPE_WINDOW)

static void
on_column_switch_cb (GtkSwitch          *toggle,
                     GParamSpec         *pspec,
                     AmigoColumnsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "column-id");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-columns");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; hidden[i] != NULL; i++)
    if (g_strcmp0 (hidden[i], id) != 0)
      g_strv_builder_add (builder, hidden[i]);
  if (!gtk_switch_get_active (toggle))
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-columns", (const char * const *) updated);
  amigo_columns_dialog_apply_hidden (self->list, self->settings);
}

static void
add_rows (AmigoColumnsDialog *self)
{
  const char * const *ids = amigo_image_list_get_column_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row;
      GtkWidget *toggle;

      /* The region column follows "All Regions"; the name is always shown. */
      if (g_str_equal (ids[i], "region") || g_str_equal (ids[i], "name"))
        continue;
      row = adw_action_row_new ();
      toggle = gtk_switch_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amigo_image_list_get_column_title (ids[i]));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), amigo_image_list_get_column_visible (self->list, ids[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      amigo_image_list_get_column_title (ids[i]), -1);
      g_object_set_data (G_OBJECT (toggle), "column-id", (gpointer) ids[i]);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_column_switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->columns_group, row);
    }
}

static void
amigo_columns_dialog_dispose (GObject *object)
{
  AmigoColumnsDialog *self = AMIGO_COLUMNS_DIALOG (object);

  g_clear_object (&self->list);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amigo_columns_dialog_parent_class)->dispose (object);
}

static void
amigo_columns_dialog_class_init (AmigoColumnsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_columns_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/images/amigo-columns-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoColumnsDialog, columns_group);
}

static void
amigo_columns_dialog_init (AmigoColumnsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_columns_dialog_new:
 *
 * Returns: (transfer none): a dialog over @parent choosing @list's columns
 */
AmigoColumnsDialog *
amigo_columns_dialog_new (GtkWindow      *parent,
                          AmigoImageList *list,
                          GSettings      *settings)
{
  AmigoColumnsDialog *self = g_object_new (AMIGO_TYPE_COLUMNS_DIALOG,
                                           "transient-for", parent,
                                           NULL);

  self->list = g_object_ref (list);
  self->settings = g_object_ref (settings);
  add_rows (self);
  return self;
}

/**
 * amigo_columns_dialog_apply_hidden:
 *
 * Shows the columns of @list that @settings does not hide, hides the others.
 */
void
amigo_columns_dialog_apply_hidden (AmigoImageList *list,
                                   GSettings      *settings)
{
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-columns");
  const char * const *ids = amigo_image_list_get_column_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    amigo_image_list_set_column_visible (list, ids[i],
                                         !g_strv_contains ((const char * const *) hidden, ids[i]));
}
