/* amigo-register-image-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-register-image-dialog.h"
#include "amigo-image-name.h"
#include "amigo-tags-editor.h"

G_BEGIN_DECLS

/* The order of the rows' choices */
typedef enum {
  AMIGO_REGISTER_ARCH_X86_64,
  AMIGO_REGISTER_ARCH_ARM64,
  AMIGO_REGISTER_ARCH_I386,
} AmigoRegisterArchitecture;

typedef enum {
  AMIGO_REGISTER_VIRTUALIZATION_HVM,
  AMIGO_REGISTER_VIRTUALIZATION_PARAVIRTUAL,
} AmigoRegisterVirtualization;

typedef enum {
  AMIGO_REGISTER_BOOT_LEGACY_BIOS,
  AMIGO_REGISTER_BOOT_UEFI,
  AMIGO_REGISTER_BOOT_UEFI_PREFERRED,
} AmigoRegisterBootMode;

struct _AmigoRegisterImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *register_button;
  GtkSpinner *spinner;
  GtkScrolledWindow *scroller;
  AdwPreferencesGroup *error_group;
  AdwActionRow *error_row;
  GtkToggleButton *snapshot_toggle;
  GtkToggleButton *manifest_toggle;
  AdwPreferencesGroup *image_group;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  GtkLabel *name_message;
  GtkBox *source_box;
  GtkBox *snapshot_page;
  AdwComboRow *snapshot_row;
  GtkSpinner *snapshot_spinner;
  AdwEntryRow *root_device_row;
  AdwActionRow *size_row;
  GtkSpinButton *size_spin;
  AdwComboRow *volume_type_row;
  AdwActionRow *iops_row;
  GtkSpinButton *iops_spin;
  GtkSwitch *delete_switch;
  GtkLabel *snapshot_message;
  GtkBox *manifest_page;
  AdwEntryRow *manifest_row;
  GtkLabel *manifest_message;
  AdwPreferencesGroup *system_group;
  AdwComboRow *architecture_row;
  AdwComboRow *virtualization_row;
  AdwComboRow *boot_mode_row;
  AdwActionRow *ena_row;
  GtkSwitch *ena_switch;
  AdwEntryRow *kernel_row;
  AdwEntryRow *ramdisk_row;
  GtkLabel *system_message;
  AmigoTagsEditor *tags_editor;

  /* owned */
  AmigoEc2 *ec2;
  GPtrArray *snapshots;                 /* of AmigoSnapshot, parallel to snapshot_row's model */
  char *snapshots_error;
  AmigoImageName *name;                 /* name_row's checks, and the making */
  char *sent_source;                    /* of the RegisterImage sent last: its snapshot id or manifest location */

  gboolean loading_snapshots;
  gboolean manifest_touched;
  gboolean boot_mode_chosen;            /* by the person: no longer follows the architecture */
  gboolean filling;
};

char *_amigo_register_image_dialog_dup_problems (AmigoRegisterImageDialog *self);

/* Shared by the files of the class. */
/* amigo-register-image-dialog.c */
AmigoSnapshot  *_amigo_register_image_dialog_selected_snapshot (AmigoRegisterImageDialog *self);
gboolean        _amigo_register_image_dialog_update_state    (AmigoRegisterImageDialog *self);
/* amigo-register-image-dialog-snapshots.c */
void            _amigo_register_image_dialog_follow_snapshot (AmigoRegisterImageDialog *self);
void            _amigo_register_image_dialog_load_snapshots  (AmigoRegisterImageDialog *self);

G_END_DECLS
