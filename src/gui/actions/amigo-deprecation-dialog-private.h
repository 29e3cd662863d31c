/* amigo-deprecation-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-deprecation-dialog.h"

G_BEGIN_DECLS

/* EnableImageDeprecation: "The upper limit for DeprecateAt is 10 years from
 * now, except for public AMIs, where the upper limit is 2 years from the
 * creation date." Counted in days, as the shorter reading. */
#define AMIGO_DEPRECATION_MAX_DAYS        (10 * 365)
#define AMIGO_DEPRECATION_PUBLIC_MAX_DAYS (2 * 365)

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

/* The time chosen, in UTC, to the minute. */
GDateTime *amigo_deprecation_dialog_dup_time (AmigoDeprecationDialog *self);

G_END_DECLS
