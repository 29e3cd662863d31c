/* amigo-tags-dialog.h — add, change and remove an image's tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_TAGS_DIALOG (amigo_tags_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTagsDialog, amigo_tags_dialog, AMIGO, TAGS_DIALOG, AmigoActionDialog)

G_END_DECLS
