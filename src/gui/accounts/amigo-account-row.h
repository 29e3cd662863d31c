/* amigo-account-row.h — an account in the window's account menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-account.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACCOUNT_ROW (amigo_account_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAccountRow, amigo_account_row, AMIGO, ACCOUNT_ROW, GtkListBoxRow)

GtkWidget    *amigo_account_row_new         (AmigoAccount    *account,
                                             gboolean         current);
AmigoAccount *amigo_account_row_get_account (AmigoAccountRow *self);

G_END_DECLS
