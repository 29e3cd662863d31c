/* amigo-security-group-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A security group's name, its id and description, and a check button
 * saying whether the instances join it.
 */
#include "config.h"

#include "amigo-security-group-row.h"

struct _AmigoSecurityGroupRow
{
  AdwActionRow parent_instance;

  /* template widgets */
  GtkCheckButton *check;

  /* owned */
  AmigoSecurityGroup *group;
};

G_DEFINE_FINAL_TYPE (AmigoSecurityGroupRow, amigo_security_group_row, ADW_TYPE_ACTION_ROW)

static void
amigo_security_group_row_dispose (GObject *object)
{
  AmigoSecurityGroupRow *self = AMIGO_SECURITY_GROUP_ROW (object);

  g_clear_object (&self->group);

  G_OBJECT_CLASS (amigo_security_group_row_parent_class)->dispose (object);
}

static void
amigo_security_group_row_class_init (AmigoSecurityGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_security_group_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-security-group-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoSecurityGroupRow, check);
}

static void
amigo_security_group_row_init (AmigoSecurityGroupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_security_group_row_new:
 *
 * Returns: (transfer floating): a row for @group, not checked
 */
GtkWidget *
amigo_security_group_row_new (AmigoSecurityGroup *group)
{
  AmigoSecurityGroupRow *self = g_object_new (AMIGO_TYPE_SECURITY_GROUP_ROW, NULL);
  const char *id = amigo_security_group_get_group_id (group);
  const char *name = amigo_security_group_get_group_name (group);
  const char *description = amigo_security_group_get_description (group);
  g_autofree char *subtitle = NULL;

  self->group = g_object_ref (group);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name ?: id);
  if (description != NULL && *description != '\0')
    subtitle = g_strdup_printf ("%s — %s", id, description);
  else
    subtitle = g_strdup (id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name ?: id,
                                  -1);
  return GTK_WIDGET (self);
}

/**
 * amigo_security_group_row_get_group:
 *
 * Returns: (transfer none): the row's group
 */
AmigoSecurityGroup *
amigo_security_group_row_get_group (AmigoSecurityGroupRow *self)
{
  g_return_val_if_fail (AMIGO_IS_SECURITY_GROUP_ROW (self), NULL);
  return self->group;
}

/**
 * amigo_security_group_row_get_check:
 *
 * Returns: (transfer none): whether the instances join the group
 */
GtkCheckButton *
amigo_security_group_row_get_check (AmigoSecurityGroupRow *self)
{
  g_return_val_if_fail (AMIGO_IS_SECURITY_GROUP_ROW (self), NULL);
  return self->check;
}
