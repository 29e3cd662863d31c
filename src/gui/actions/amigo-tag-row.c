/* amigo-tag-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key entry, a value entry and a button to remove the tag, and under
 * them a place for what is wrong with it: one row of AmigoTagsEditor or of
 * the Tags dialog. They check the rules and remove the row. A tag AWS set
 * (aws:…) shows a lock instead of the button and cannot be edited.
 */
#include "config.h"

#include "amigo-tag-row.h"

struct _AmigoTagRow
{
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkEditable *key_entry;
  GtkEditable *value_entry;
  GtkButton *remove_button;
  GtkWidget *lock_image;
  GtkLabel *problem_label;
};

G_DEFINE_FINAL_TYPE (AmigoTagRow, amigo_tag_row, GTK_TYPE_LIST_BOX_ROW)

static void
amigo_tag_row_class_init (AmigoTagRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-tag-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoTagRow, key_entry);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagRow, lock_image);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagRow, problem_label);
}

static void
amigo_tag_row_init (AmigoTagRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_tag_row_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
amigo_tag_row_new (void)
{
  return g_object_new (AMIGO_TYPE_TAG_ROW, NULL);
}

GtkEditable *
amigo_tag_row_get_key_entry (AmigoTagRow *self)
{
  g_return_val_if_fail (AMIGO_IS_TAG_ROW (self), NULL);
  return self->key_entry;
}

GtkEditable *
amigo_tag_row_get_value_entry (AmigoTagRow *self)
{
  g_return_val_if_fail (AMIGO_IS_TAG_ROW (self), NULL);
  return self->value_entry;
}

GtkButton *
amigo_tag_row_get_remove_button (AmigoTagRow *self)
{
  g_return_val_if_fail (AMIGO_IS_TAG_ROW (self), NULL);
  return self->remove_button;
}

/* Hidden until a message is shown in it (amigo_action_dialog_show_field_problem()). */
GtkLabel *
amigo_tag_row_get_problem_label (AmigoTagRow *self)
{
  g_return_val_if_fail (AMIGO_IS_TAG_ROW (self), NULL);
  return self->problem_label;
}

/**
 * amigo_tag_row_set_reserved:
 *
 * Makes the row show a tag AWS set: it cannot be edited or removed.
 */
void
amigo_tag_row_set_reserved (AmigoTagRow *self)
{
  g_return_if_fail (AMIGO_IS_TAG_ROW (self));

  gtk_editable_set_editable (self->key_entry, FALSE);
  gtk_editable_set_editable (self->value_entry, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), FALSE);
  gtk_widget_set_visible (self->lock_image, TRUE);
}
