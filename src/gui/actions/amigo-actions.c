/* amigo-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-actions.h"

/* One line per action dialog. The window installs "win.<name>" for each,
 * enables it for the selection it needs; the actions menu of the window's
 * .ui (header bar, details pane, the row's context menu) lists it. */
static const AmigoActionInfo actions[] = {
  { "share", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGE, amigo_permissions_dialog_new },
  { "edit-tags", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGE, amigo_tags_dialog_new },
  { "deprecate", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGES, amigo_deprecation_dialog_new },
  { "edit-description", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGE, amigo_description_dialog_new },
  { "deregister", "Delete", AMIGO_ACTION_NEEDS_OWN_IMAGES, amigo_deregister_dialog_new },
  { "copy-image", NULL, AMIGO_ACTION_NEEDS_IMAGE, amigo_copy_image_dialog_new },
  { "launch", "<Primary>l", AMIGO_ACTION_NEEDS_IMAGE, amigo_launch_dialog_new },
  { "create-image", "<Primary>n", AMIGO_ACTION_NEEDS_NOTHING, amigo_create_image_dialog_new },
  { "register-image", NULL, AMIGO_ACTION_NEEDS_NOTHING, amigo_register_image_dialog_new },
  { "import-image", NULL, AMIGO_ACTION_NEEDS_NOTHING, amigo_import_image_dialog_new },
  { "export-image", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGE, amigo_export_image_dialog_new },
  { "store-image", NULL, AMIGO_ACTION_NEEDS_OWN_IMAGE, amigo_store_image_dialog_new },
  { "restore-image", NULL, AMIGO_ACTION_NEEDS_NOTHING, amigo_restore_image_dialog_new },
  { NULL, NULL, 0, NULL }
};

/**
 * amigo_actions_get_all:
 *
 * Returns: (array length=n_actions): every action
 */
const AmigoActionInfo *
amigo_actions_get_all (guint *n_actions)
{
  *n_actions = G_N_ELEMENTS (actions) - 1;
  return actions;
}

/**
 * amigo_actions_lookup:
 *
 * Returns: (nullable): the action called @name
 */
const AmigoActionInfo *
amigo_actions_lookup (const char *name)
{
  for (guint i = 0; actions[i].name != NULL; i++)
    if (g_str_equal (actions[i].name, name))
      return &actions[i];
  return NULL;
}
