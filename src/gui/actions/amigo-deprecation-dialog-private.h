/* amigo-deprecation-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-deprecation-dialog.h"

G_BEGIN_DECLS

typedef enum {
  AMIGO_DEPRECATION_IDLE,
  AMIGO_DEPRECATION_SETTING,
  AMIGO_DEPRECATION_CLEARING,
} AmigoDeprecationWork;

struct _AmigoDeprecationDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *set_button;
  GtkSpinner *spinner;
  AdwPreferencesGroup *images_group;
  AdwPreferencesGroup *clear_group;
  GtkButton *clear_button;
  GtkMenuButton *date_button;
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  AdwActionRow *time_row;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel *problem_label;
  GtkLabel *error_label;

  /* owned */
  GPtrArray *images;            /* AmigoImage */
  GPtrArray *image_rows;        /* AdwActionRow, parallel to images */
  GHashTable *done;             /* image ids this attempt already changed */
  GString *failures;

  AmigoDeprecationWork work;
  AmigoDeprecationWork work_last; /* what @done is about */
  gint64 work_time;             /* and for which time (Unix seconds) */
  guint next;                   /* the image to send next */
  guint n_changed;
  gboolean ready;               /* built: the fields' signals count */
};

G_END_DECLS
