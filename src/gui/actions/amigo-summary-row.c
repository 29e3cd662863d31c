/* amigo-summary-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small dim title over a value that wraps and can be selected: one line
 * of what a dialog is about to do, checked before it does it.
 */
#include "config.h"

#include "amigo-summary-row.h"

struct _AmigoSummaryRow
{
  AdwPreferencesRow parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *value_label;
};

G_DEFINE_FINAL_TYPE (AmigoSummaryRow, amigo_summary_row, ADW_TYPE_PREFERENCES_ROW)

static void
amigo_summary_row_class_init (AmigoSummaryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-summary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoSummaryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoSummaryRow, value_label);
}

static void
amigo_summary_row_init (AmigoSummaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_summary_row_new:
 *
 * Returns: (transfer floating): a row showing @value under @title
 */
GtkWidget *
amigo_summary_row_new (const char *title,
                       const char *value)
{
  AmigoSummaryRow *self = g_object_new (AMIGO_TYPE_SUMMARY_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->value_label, value);
  return GTK_WIDGET (self);
}
