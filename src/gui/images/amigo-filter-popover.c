/* amigo-filter-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-filter-popover.h"

typedef struct {
  const char *value;            /* EC2's value; NULL = any */
  const char *label;
} Choice;

typedef struct {
  const char *field;
  const char *title;
  const Choice *choices;
  void (*apply) (AmigoImageFilter *filter, const char *value);
} Field;

static const Choice architectures[] = {
  { NULL, N_("Any") },
  { "x86_64", "x86_64" },
  { "arm64", "arm64" },
  { "i386", "i386" },
  { "x86_64_mac", "x86_64_mac" },
  { "arm64_mac", "arm64_mac" },
  { NULL, NULL }
};

static const Choice root_devices[] = {
  { NULL, N_("Any") },
  { "ebs", N_("EBS") },
  { "instance-store", N_("Instance store") },
  { NULL, NULL }
};

static const Choice virtualizations[] = {
  { NULL, N_("Any") },
  { "hvm", N_("HVM") },
  { "paravirtual", N_("Paravirtual") },
  { NULL, NULL }
};

static const Choice platforms[] = {
  { NULL, N_("Any") },
  { "linux", N_("Linux/UNIX") },
  { "windows", N_("Windows") },
  { NULL, NULL }
};

static const Choice states[] = {
  { NULL, N_("Any") },
  { "available", NC_("image state", "Available") },
  { "pending", NC_("image state", "Pending") },
  { "failed", NC_("image state", "Failed") },
  { "disabled", NC_("image state", "Disabled") },
  { "deregistered", NC_("image state", "Deregistered") },
  { NULL, NULL }
};

static const Field fields[] = {
  { "architecture", N_("Architecture"), architectures, amigo_image_filter_set_architecture },
  { "root-device-type", N_("Root Device"), root_devices, amigo_image_filter_set_root_device_type },
  { "virtualization-type", N_("Virtualization"), virtualizations, amigo_image_filter_set_virtualization_type },
  { "platform", N_("Platform"), platforms, amigo_image_filter_set_platform },
  { "state", N_("State"), states, amigo_image_filter_set_state },
};

struct _AmigoFilterPopover
{
  GtkPopover parent_instance;

  /* template widgets */
  GtkGrid *grid;
  GtkCheckButton *deprecated_check;

  /* owned */
  AmigoImageFilter *filter;
  GtkDropDown *dropdowns[G_N_ELEMENTS (fields)];
};

G_DEFINE_FINAL_TYPE (AmigoFilterPopover, amigo_filter_popover, GTK_TYPE_POPOVER)

static void
on_dropdown_selected_cb (GtkDropDown        *dropdown,
                         GParamSpec         *pspec,
                         AmigoFilterPopover *self)
{
  const Field *field = g_object_get_data (G_OBJECT (dropdown), "field");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filter != NULL && selected != GTK_INVALID_LIST_POSITION)
    field->apply (self->filter, field->choices[selected].value);
}

static void
on_deprecated_toggled_cb (GtkCheckButton     *check,
                          AmigoFilterPopover *self)
{
  if (self->filter != NULL)
    amigo_image_filter_set_include_deprecated (self->filter, gtk_check_button_get_active (check));
}

static void
on_reset_clicked_cb (GtkButton          *button,
                     AmigoFilterPopover *self)
{
  amigo_filter_popover_reset (self);
}

static void
amigo_filter_popover_dispose (GObject *object)
{
  AmigoFilterPopover *self = AMIGO_FILTER_POPOVER (object);

  g_clear_object (&self->filter);

  G_OBJECT_CLASS (amigo_filter_popover_parent_class)->dispose (object);
}

static void
amigo_filter_popover_class_init (AmigoFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_filter_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/images/amigo-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoFilterPopover, grid);
  gtk_widget_class_bind_template_child (widget_class, AmigoFilterPopover, deprecated_check);
  gtk_widget_class_bind_template_callback (widget_class, on_deprecated_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
}

static void
amigo_filter_popover_init (AmigoFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *label = gtk_label_new (_(fields[i].title));
      GtkWidget *dropdown;

      for (guint c = 0; fields[i].choices[c].label != NULL; c++)
        gtk_string_list_append (labels, fields[i].choices == states && c > 0
                                          ? g_dpgettext2 (GETTEXT_PACKAGE, "image state", fields[i].choices[c].label)
                                          : _(fields[i].choices[c].label));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      g_object_set_data (G_OBJECT (dropdown), "field", (gpointer) &fields[i]);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
      gtk_widget_set_hexpand (dropdown, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[i].title), -1);
      amigo_a11y_label_drop_down_button (GTK_DROP_DOWN (dropdown));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
      gtk_grid_attach (self->grid, label, 0, i, 1, 1);
      gtk_grid_attach (self->grid, dropdown, 1, i, 1, 1);
      self->dropdowns[i] = GTK_DROP_DOWN (dropdown);
    }
}

GtkWidget *
amigo_filter_popover_new (void)
{
  return g_object_new (AMIGO_TYPE_FILTER_POPOVER, NULL);
}

/**
 * amigo_filter_popover_set_filter:
 *
 * The filter the controls change; they start from no filtering.
 */
void
amigo_filter_popover_set_filter (AmigoFilterPopover *self,
                                 AmigoImageFilter   *filter)
{
  g_set_object (&self->filter, filter);
  amigo_filter_popover_reset (self);
}

void
amigo_filter_popover_select (AmigoFilterPopover *self,
                             const char         *field,
                             const char         *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].field, field) != 0)
        continue;
      for (guint c = 0; fields[i].choices[c].label != NULL; c++)
        if (g_strcmp0 (fields[i].choices[c].value, value) == 0)
          {
            gtk_drop_down_set_selected (self->dropdowns[i], c);
            return;
          }
    }
  g_warning ("No filter %s with value %s", field, value);
}

void
amigo_filter_popover_reset (AmigoFilterPopover *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_drop_down_set_selected (self->dropdowns[i], 0);
      if (self->filter != NULL)
        fields[i].apply (self->filter, NULL);
    }
  gtk_check_button_set_active (self->deprecated_check, FALSE);
  if (self->filter != NULL)
    amigo_image_filter_set_include_deprecated (self->filter, FALSE);
}
