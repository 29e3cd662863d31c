/* amigo-tags-editor-private.h — the editor's insides, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-tags-editor.h"

G_BEGIN_DECLS

GtkLabel    *_amigo_tags_editor_get_problem_label  (AmigoTagsEditor *self);
GtkButton   *_amigo_tags_editor_get_add_button    (AmigoTagsEditor *self);
guint        _amigo_tags_editor_get_n_rows        (AmigoTagsEditor *self);
GtkEditable *_amigo_tags_editor_get_key_entry     (AmigoTagsEditor *self,
                                                   guint            index);
GtkEditable *_amigo_tags_editor_get_value_entry   (AmigoTagsEditor *self,
                                                   guint            index);
GtkButton   *_amigo_tags_editor_get_remove_button (AmigoTagsEditor *self,
                                                   guint            index);

G_END_DECLS
