/* amigo-volume-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device name with what can be set of its volume folded under it: size,
 * type, provisioned IOPS, delete on termination, and a button to leave it
 * out. Create Image and Launch use it; each shows the rows it offers and
 * says in the row's subtitle what the volume is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-volume-row.h"

struct _AmigoVolumeRow
{
  AdwExpanderRow parent_instance;

  /* template widgets */
  GtkButton *remove_button;
  AdwActionRow *fixed_row;
  AdwActionRow *size_row;
  GtkSpinButton *size_spin;
  AdwComboRow *type_row;
  AdwActionRow *iops_row;
  GtkSpinButton *iops_spin;
  AdwActionRow *delete_row;
  GtkSwitch *delete_switch;

  /* owned */
  char *device;
  gboolean removable;
};

G_DEFINE_FINAL_TYPE (AmigoVolumeRow, amigo_volume_row, ADW_TYPE_EXPANDER_ROW)

/* Takes @label. */
static void
set_accessible_label (gpointer  widget,
                      char     *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

static void
amigo_volume_row_finalize (GObject *object)
{
  AmigoVolumeRow *self = AMIGO_VOLUME_ROW (object);

  g_free (self->device);

  G_OBJECT_CLASS (amigo_volume_row_parent_class)->finalize (object);
}

static void
amigo_volume_row_class_init (AmigoVolumeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = amigo_volume_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-volume-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, fixed_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, size_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, size_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, iops_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, iops_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, delete_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoVolumeRow, delete_switch);
}

static void
amigo_volume_row_init (AmigoVolumeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_volume_row_new:
 * @device: the device name, e.g. /dev/xvda
 * @title: (nullable): what the row says, @device when %NULL
 *
 * Returns: (transfer floating): a row for the volume on @device
 */
GtkWidget *
amigo_volume_row_new (const char *device,
                      const char *title)
{
  AmigoVolumeRow *self = g_object_new (AMIGO_TYPE_VOLUME_ROW, NULL);

  self->device = g_strdup (device);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title != NULL ? title : device);
  amigo_a11y_name_row_by_title (ADW_PREFERENCES_ROW (self));
  /* Translators: %s is a device name such as /dev/xvda */
  set_accessible_label (self->size_spin, g_strdup_printf (_("Size of %s in GiB"), device));
  set_accessible_label (self->type_row, g_strdup_printf (_("Volume type of %s"), device));
  set_accessible_label (self->iops_spin, g_strdup_printf (_("Provisioned IOPS of %s"), device));
  set_accessible_label (self->delete_switch, g_strdup_printf (_("Delete %s on termination"), device));
  set_accessible_label (self->remove_button, g_strdup_printf (_("Remove %s"), device));
  return GTK_WIDGET (self);
}

const char *
amigo_volume_row_get_device (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->device;
}

void
amigo_volume_row_set_size (AmigoVolumeRow *self,
                           int             min,
                           int             max,
                           int             size,
                           const char     *hint)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));

  gtk_spin_button_set_range (self->size_spin, min, max);
  gtk_spin_button_set_value (self->size_spin, size);
  adw_action_row_set_subtitle (self->size_row, hint != NULL ? hint : "");
}

void
amigo_volume_row_set_types (AmigoVolumeRow *self,
                            GListModel     *types,
                            guint           selected)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));

  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_selected (self->type_row, selected);
}

void
amigo_volume_row_set_iops (AmigoVolumeRow *self,
                           int             iops)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));
  gtk_spin_button_set_value (self->iops_spin, iops);
}

void
amigo_volume_row_set_iops_shown (AmigoVolumeRow *self,
                                 gboolean        shown)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->iops_row), shown);
}

void
amigo_volume_row_set_delete (AmigoVolumeRow *self,
                             gboolean        delete_on_termination)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));
  gtk_switch_set_active (self->delete_switch, delete_on_termination);
}

void
amigo_volume_row_set_delete_shown (AmigoVolumeRow *self,
                                   gboolean        shown)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_row), shown);
}

void
amigo_volume_row_set_fixed (AmigoVolumeRow *self,
                            const char     *explanation)
{
  gboolean fixed = explanation != NULL;

  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));

  /* The values stay in sight, read-only; the row above says why. */
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_row), fixed);
  adw_action_row_set_subtitle (self->fixed_row, fixed ? explanation : "");
  gtk_editable_set_editable (GTK_EDITABLE (self->size_spin), !fixed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), !fixed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), !fixed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->iops_row), !fixed);
}

gboolean
amigo_volume_row_get_fixed (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->fixed_row));
}

void
amigo_volume_row_set_removable (AmigoVolumeRow *self,
                                const char     *tooltip)
{
  g_return_if_fail (AMIGO_IS_VOLUME_ROW (self));

  self->removable = tooltip != NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->removable);
}

GtkSpinButton *
amigo_volume_row_get_size_spin (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->size_spin;
}

AdwComboRow *
amigo_volume_row_get_type_row (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->type_row;
}

AdwActionRow *
amigo_volume_row_get_iops_row (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->iops_row;
}

GtkSpinButton *
amigo_volume_row_get_iops_spin (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->iops_spin;
}

GtkSwitch *
amigo_volume_row_get_delete_switch (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->delete_switch;
}

GtkButton *
amigo_volume_row_get_remove_button (AmigoVolumeRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VOLUME_ROW (self), NULL);
  return self->removable ? self->remove_button : NULL;
}
