/* amigo-actions.h — the AMI actions the window offers, one dialog each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-action-context.h"

G_BEGIN_DECLS

/* Makes the action's dialog, transient for @parent; the window presents it. */
typedef GtkWindow *(*AmigoActionDialogNew) (GtkWindow          *parent,
                                            AmigoActionContext *context);

/* The action dialogs, each an AmigoActionDialog in a file of its own
 * (amigo-<name>-dialog.c): the table's constructors. */
GtkWindow *amigo_permissions_dialog_new    (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_tags_dialog_new           (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_deprecation_dialog_new    (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_description_dialog_new    (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_deregister_dialog_new     (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_copy_image_dialog_new     (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_launch_dialog_new         (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_create_image_dialog_new   (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_register_image_dialog_new (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_import_image_dialog_new   (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_export_image_dialog_new   (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_store_image_dialog_new    (GtkWindow *parent, AmigoActionContext *context);
GtkWindow *amigo_restore_image_dialog_new  (GtkWindow *parent, AmigoActionContext *context);

/**
 * AmigoActionNeeds:
 * @AMIGO_ACTION_NEEDS_NOTHING: works without a selected image
 * @AMIGO_ACTION_NEEDS_IMAGE: acts on exactly one selected image
 * @AMIGO_ACTION_NEEDS_IMAGES: acts on one or more selected images
 * @AMIGO_ACTION_NEEDS_OWN_IMAGE: one selected image the account owns
 * @AMIGO_ACTION_NEEDS_OWN_IMAGES: one or more, all owned by the account
 */
typedef enum {
  AMIGO_ACTION_NEEDS_NOTHING,
  AMIGO_ACTION_NEEDS_IMAGE,
  AMIGO_ACTION_NEEDS_IMAGES,
  AMIGO_ACTION_NEEDS_OWN_IMAGE,
  AMIGO_ACTION_NEEDS_OWN_IMAGES,
} AmigoActionNeeds;

typedef struct {
  const char *name;             /* the window action is "win.<name>" */
  const char *accel;            /* or NULL */
  AmigoActionNeeds needs;
  AmigoActionDialogNew create;
} AmigoActionInfo;

const AmigoActionInfo *amigo_actions_get_all   (guint      *n_actions);
const AmigoActionInfo *amigo_actions_lookup    (const char *name);

G_END_DECLS
