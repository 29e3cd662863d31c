/* amigo-image-details-private.h — the pane's insides, shared by its files
 * (amigo-image-details.c, -permissions.c) and reached by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-image-details.h"

G_BEGIN_DECLS

typedef enum {
  LAUNCH_PERMISSIONS_IDLE,
  LAUNCH_PERMISSIONS_LOADING,
  LAUNCH_PERMISSIONS_LOADED,
  LAUNCH_PERMISSIONS_FAILED,
} LaunchPermissionsState;

struct _AmigoImageDetails
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkWidget *header_box;
  GtkLabel *title_label;
  GtkLabel *state_badge;
  GtkLabel *deprecated_badge;
  GtkLabel *state_reason_label;
  GtkLabel *description_label;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *machine_group;
  AdwPreferencesGroup *storage_group;
  AdwPreferencesGroup *tags_group;
  AdwPreferencesGroup *product_codes_group;
  AdwPreferencesGroup *source_group;
  AdwPreferencesGroup *launch_permissions_group;
  GtkButton *launch_permissions_button;

  /* owned */
  AmigoImage *image;
  AmigoEc2 *ec2;
  char *account_number;
  GPtrArray *rows;                /* (element-type GtkWidget) (transfer none): rows added to the groups */
  GPtrArray *permission_rows;     /* (element-type GtkWidget) (transfer none): rows of launch_permissions_group */
  GCancellable *permissions_cancellable;
  LaunchPermissionsState permissions_state;
  gint64 now_usec;                /* 0: real time */
};

/* Shared by the pane's files. */
/* amigo-image-details.c */
gboolean   _amigo_image_details_is_set              (const char        *value);
GtkWidget *_amigo_image_details_make_row            (const char        *title,
                                                     const char        *subtitle,
                                                     const char        *value);
void       _amigo_image_details_clear_rows          (GPtrArray         *rows);
gboolean   _amigo_image_details_is_owned            (AmigoImageDetails *self);
/* amigo-image-details-permissions.c */
void       _amigo_image_details_cancel_permissions  (AmigoImageDetails *self);
void       _amigo_image_details_reset_permissions   (AmigoImageDetails *self);
void       _amigo_image_details_on_launch_permissions_button_clicked_cb (AmigoImageDetails *self);
/* amigo-image-details-ancestry.c */
void       _amigo_image_details_load_ancestry       (AmigoImageDetails *self);
void       _amigo_image_details_load_copies         (AmigoImageDetails *self);

/* Tests */

/* @name: general, dates, machine, storage, tags, product-codes, source,
 * launch-permissions */
AdwPreferencesGroup *_amigo_image_details_get_group         (AmigoImageDetails *self,
                                                             const char        *name);
GtkWidget           *_amigo_image_details_get_header        (AmigoImageDetails *self);
GtkButton           *_amigo_image_details_get_launch_permissions_button (AmigoImageDetails *self);
/* The value shown at the end of a row made by the pane, or NULL. */
const char          *_amigo_image_details_row_get_value     (GtkWidget         *row);
/* Freezes the clock relative dates are measured from; 0 for real time. */
void                 _amigo_image_details_set_now           (AmigoImageDetails *self,
                                                             gint64             now_usec);

G_END_DECLS
