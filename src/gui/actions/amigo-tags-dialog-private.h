/* amigo-tags-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-tags-dialog.h"
#include "amigo-tags-editor.h"

G_BEGIN_DECLS


/* One line of the list: a tag, as typed. */
typedef struct {
  GtkListBoxRow *row;
  GtkEntry *key_entry;
  GtkEntry *value_entry;
  GtkButton *remove_button;     /* NULL for a reserved (aws:) tag */
  GtkLabel *problem_label;
  gboolean reserved;
} AmigoTagLine;

struct _AmigoTagsDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkSpinner *spinner;
  GtkListBox *tags_list;
  GtkButton *add_button;
  GtkLabel *problem_label;
  GtkLabel *error_label;

  /* owned */
  GHashTable *original;         /* key → value: what AWS has (aws: tags left out) */
  GPtrArray *lines;             /* AmigoTagLine */
};

G_END_DECLS
