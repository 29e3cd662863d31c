/* amigo-deregister-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-deregister-dialog.h"

G_BEGIN_DECLS

/* One selected image, as DescribeImages shows it now. */
typedef struct {
  char *image_id;
  char *region;
  AmigoImage *image;            /* NULL until described */
  AdwActionRow *row;
  GtkButton *unprotect_button;
  GPtrArray *snapshot_ids;      /* its EBS snapshots */
  gboolean protected;           /* deregistration protection is on */
  gboolean deregistered;
  char *error;                  /* why it was not deregistered */
} AmigoDeregisterImage;

/* One snapshot of the images to deregister. */
typedef struct {
  char *snapshot_id;
  char *region;
  gint64 size_gib;              /* -1 when AWS did not say */
  char *image_titles;           /* the images it belongs to, for people */
  AdwActionRow *row;
  gboolean deleted;
  char *error;                  /* why it was not deleted */
} AmigoDeregisterSnapshot;

struct _AmigoDeregisterDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *deregister_button;
  GtkButton *close_button;
  GtkStack *stack;
  AdwStatusPage *failed_page;
  AdwPreferencesGroup *images_group;
  AdwPreferencesGroup *snapshots_group;
  AdwActionRow *delete_row;
  GtkCheckButton *delete_check;
  GtkLabel *error_label;
  GtkLabel *summary_label;
  AdwPreferencesGroup *not_done_group;
  AdwPreferencesGroup *done_group;

  /* owned */
  GPtrArray *images;            /* AmigoDeregisterImage */
  GPtrArray *snapshots;         /* AmigoDeregisterSnapshot: only the deregistrable images' */
  GPtrArray *rows;              /* widgets added to the groups, to remove on reload */
  AdwMessageDialog *confirm_dialog; /* weak: the question before deleting */
  char *load_error;

  guint next;                   /* the image or snapshot worked on */
  gboolean loading;
  gboolean finished;            /* the result page is shown */
  gboolean delete_snapshots;    /* as confirmed */
  guint n_deregistered;
  guint n_deleted;
};

/* amigo-deregister-dialog-rbin.c: whether the Recycle Bin keeps them */
void _amigo_deregister_dialog_check_rbin (AmigoDeregisterDialog *self);

/* Shared by the files of the class. */
/* amigo-deregister-dialog.c */
const char              *_amigo_deregister_image_title          (AmigoDeregisterImage  *entry);
gboolean                 _amigo_deregister_image_is_doable      (AmigoDeregisterImage  *entry);
AmigoDeregisterSnapshot *_amigo_deregister_dialog_find_snapshot (AmigoDeregisterDialog *self,
                                                                 const char            *region,
                                                                 const char            *snapshot_id);
void                     _amigo_deregister_dialog_clear_rows    (AmigoDeregisterDialog *self);
AdwActionRow            *_amigo_deregister_dialog_add_row       (AmigoDeregisterDialog *self,
                                                                 AdwPreferencesGroup   *group,
                                                                 const char            *title,
                                                                 const char            *subtitle,
                                                                 const char            *icon_name,
                                                                 const char            *icon_class);
void                     _amigo_deregister_dialog_show_confirm  (AmigoDeregisterDialog *self);
void                     _amigo_deregister_dialog_update_state  (AmigoDeregisterDialog *self);
/* amigo-deregister-dialog-loading.c */
void                     _amigo_deregister_dialog_load          (AmigoDeregisterDialog *self);
/* amigo-deregister-work.c */
void                     _amigo_deregister_dialog_start         (AmigoDeregisterDialog *self);

G_END_DECLS
