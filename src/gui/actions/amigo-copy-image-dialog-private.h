/* amigo-copy-image-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-copy-image-dialog.h"

G_BEGIN_DECLS

/* One region the image may be copied to, and how its copy went. */
typedef struct {
  char *region;
  char *display_name;           /* “Asia Pacific (Seoul)”, translated */
  AdwActionRow *row;            /* borrowed: a child of regions_group */
  GtkCheckButton *check;        /* borrowed */
  char *unavailable;            /* why it cannot be chosen, or NULL */
  AmigoClientTokenPolicy *token; /* ClientToken of this region's copy */
  char *image_id;               /* the copy, once EC2 took the request */
  char *error;                  /* why the last attempt failed */
  gboolean running;
} AmigoCopyDestination;

struct _AmigoCopyImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  GtkButton *copy_button;
  GtkSpinner *spinner;
  AdwPreferencesGroup *status_group;
  GtkListBox *status_list;
  AdwActionRow *source_row;
  AdwPreferencesGroup *regions_group;
  GtkLabel *regions_message;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  GtkLabel *details_message;
  AdwActionRow *encrypt_row;
  GtkSwitch *encrypt_switch;
  AdwEntryRow *kms_row;
  GtkLabel *kms_message;
  GtkSwitch *copy_tags_switch;

  /* owned */
  AmigoImage *image;
  GPtrArray *destinations;      /* (element-type AmigoCopyDestination) */
  char *source_region;

  guint pending;                /* copy requests under way */
  gboolean loading;
  gboolean name_touched;
  gboolean regions_touched;
  gboolean submitted;           /* show every problem, touched or not */
  gboolean closing;             /* every copy started: leaving */
};

/* What pressing Copy does; %FALSE (nothing sent) when a field is invalid. */
gboolean        _amigo_copy_image_dialog_submit           (AmigoCopyImageDialog *self);
/* Whether @text would be accepted as a KMS key (ID, ARN or alias). */
gboolean        _amigo_copy_image_kms_key_is_valid         (const char           *text);

G_END_DECLS
