/* amigo-permissions-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-permissions-dialog.h"

G_BEGIN_DECLS

/* One account, organization or OU the image is (to be) shared with. */
typedef struct {
  AmigoShareKind kind;
  char *value;
  AdwActionRow *row;
  GtkButton *remove_button;
} AmigoShare;

struct _AmigoPermissionsDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *apply_button;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwStatusPage *failed_page;
  GtkCheckButton *private_check;
  GtkCheckButton *public_check;
  AdwActionRow *public_row;
  AdwActionRow *blocked_row;
  GtkListBox *shares_list;
  AdwEntryRow *add_row;
  GtkButton *add_button;
  GtkLabel *problem_label;
  GtkLabel *error_label;

  /* owned */
  AmigoImage *image;
  char *own_account;
  GPtrArray *original;          /* AmigoShare (no row): as AWS answered */
  GPtrArray *shares;            /* AmigoShare: as shown */

  guint loading;                /* requests still out */
  gboolean loaded;
  gboolean original_public;
  gboolean blocked;             /* block public access for AMIs is on */
};

G_END_DECLS
