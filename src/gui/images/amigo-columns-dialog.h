/* amigo-columns-dialog.h — which columns the image list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-image-list.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_COLUMNS_DIALOG (amigo_columns_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoColumnsDialog, amigo_columns_dialog, AMIGO, COLUMNS_DIALOG, AdwWindow)

AmigoColumnsDialog *amigo_columns_dialog_new              (GtkWindow      *parent,
                                                           AmigoImageList *list,
                                                           GSettings      *settings);
void                amigo_columns_dialog_apply_hidden     (AmigoImageList *list,
                                                           GSettings      *settings);

G_END_DECLS
