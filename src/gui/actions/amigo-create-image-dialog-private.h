/* amigo-create-image-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-create-image-dialog.h"
#include "amigo-image-name.h"
#include "amigo-tags-editor.h"

G_BEGIN_DECLS

/* One volume of the image: one of the instance's (volume_id set) or an
 * added, empty one. */
typedef struct {
  AdwExpanderRow *row;
  GtkSpinButton *size;
  AdwComboRow *type;
  AdwActionRow *iops_row;
  GtkSpinButton *iops;
  GtkSwitch *delete_switch;
  GtkButton *remove;            /* NULL for the root volume */

  char *device;
  char *volume_id;              /* NULL: added */
  char *current_type;           /* the instance volume's, to send only changes */
  int current_size;             /* GiB; 0 for an added volume */
  int current_iops;
  gboolean current_delete;
  gboolean root;
} AmigoCreateImageVolume;

/* A volume as the dialog adds it: the instance's as it is, or a new one. */
typedef struct {
  const char *device;
  const char *volume_id;        /* NULL: added */
  int size;                     /* GiB */
  const char *type;
  int iops;                     /* 0: the type's default */
  gboolean delete_on_termination;
  gboolean root;
} AmigoCreateImageVolumeSpec;

struct _AmigoCreateImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *create_button;
  GtkSpinner *spinner;
  GtkScrolledWindow *scroller;
  AdwPreferencesGroup *error_group;
  AdwActionRow *error_row;
  AdwComboRow *instance_row;
  GtkSpinner *instance_spinner;
  GtkLabel *instance_message;
  AdwPreferencesGroup *image_group;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  AdwActionRow *no_reboot_row;
  GtkSwitch *no_reboot_switch;
  GtkLabel *name_message;
  AdwPreferencesGroup *volumes_group;
  GtkButton *add_volume_button;
  GtkListBox *volumes_list;
  GtkLabel *volumes_message;
  AmigoTagsEditor *tags_editor;
  GtkSwitch *tag_snapshots_switch;

  /* owned */
  AmigoEc2 *ec2;
  GCancellable *volumes_cancellable;    /* the volumes of the chosen instance */
  GPtrArray *instances;                 /* of AmigoInstance, parallel to instance_row's model */
  GPtrArray *volumes;                   /* of AmigoCreateImageVolume*, in list order */
  GPtrArray *left_out;                  /* devices of the instance left out (NoDevice) */
  char *instances_error;
  char *volumes_error;
  AmigoImageName *name;                 /* name_row's checks, and the making */
  char *sent_instance_id;               /* of the CreateImage sent last */

  gboolean loading_instances;
  gboolean loading_volumes;
  gboolean filling;                     /* the dialog, not the person, sets fields */
};

/* The text of every problem the dialog shows, for tests. */
char *_amigo_create_image_dialog_dup_problems (AmigoCreateImageDialog *self);

/* Shared by the files of the class. */
/* amigo-create-image-dialog.c */
gboolean                 _amigo_create_image_dialog_update_state      (AmigoCreateImageDialog *self);
/* amigo-create-image-dialog-volumes.c */
void                     _amigo_create_image_dialog_volume_free       (gpointer data);
const char              *_amigo_create_image_dialog_volume_type       (AmigoCreateImageVolume *volume);
int                      _amigo_create_image_dialog_volume_size       (AmigoCreateImageVolume *volume);
int                      _amigo_create_image_dialog_volume_iops       (AmigoCreateImageVolume *volume);
AmigoCreateImageVolume  *_amigo_create_image_dialog_add_volume        (AmigoCreateImageDialog          *self,
                                                                       const AmigoCreateImageVolumeSpec *spec);
void                     _amigo_create_image_dialog_clear_volumes     (AmigoCreateImageDialog *self);
char                    *_amigo_create_image_dialog_next_free_device  (AmigoCreateImageDialog *self);
void                     _amigo_create_image_dialog_add_volume_action (GtkWidget  *widget,
                                                                       const char *action_name,
                                                                       GVariant   *parameter);

G_END_DECLS
