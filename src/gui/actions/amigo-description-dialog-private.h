/* amigo-description-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-description-dialog.h"

G_BEGIN_DECLS

/* ModifyImageAttribute Description (amigo-ec2-limits.h). */
#define AMIGO_DESCRIPTION_MAX AMIGO_EC2_IMAGE_DESCRIPTION_MAX

struct _AmigoDescriptionDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkSpinner *spinner;
  AdwEntryRow *description_row;
  GtkLabel *count_label;
  GtkLabel *problem_label;

  /* owned */

  gboolean saved;               /* the change is made: the dialog closes */
};

G_END_DECLS
