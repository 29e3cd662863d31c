/* amigo-description-dialog.h — change an image's description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_DESCRIPTION_DIALOG (amigo_description_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoDescriptionDialog, amigo_description_dialog, AMIGO, DESCRIPTION_DIALOG, AmigoActionDialog)

G_END_DECLS
