/* amigo-tag-row.h — a tag's key and value, to edit or remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_TAG_ROW (amigo_tag_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTagRow, amigo_tag_row, AMIGO, TAG_ROW, GtkListBoxRow)

GtkWidget   *amigo_tag_row_new               (void);
GtkEditable *amigo_tag_row_get_key_entry     (AmigoTagRow *self);
GtkEditable *amigo_tag_row_get_value_entry   (AmigoTagRow *self);
GtkButton   *amigo_tag_row_get_remove_button (AmigoTagRow *self);
GtkLabel    *amigo_tag_row_get_problem_label (AmigoTagRow *self);
void         amigo_tag_row_set_reserved      (AmigoTagRow *self);

G_END_DECLS
