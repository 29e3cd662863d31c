/* amigo-all-accounts-dialog.h — which accounts All Accounts lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_ALL_ACCOUNTS_DIALOG (amigo_all_accounts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAllAccountsDialog, amigo_all_accounts_dialog, AMIGO, ALL_ACCOUNTS_DIALOG, AdwWindow)

AmigoAllAccountsDialog *amigo_all_accounts_dialog_new        (GtkWindow  *parent,
                                                              GListModel *accounts,
                                                              GSettings  *settings);
gboolean                amigo_all_accounts_dialog_is_left_out (GSettings  *settings,
                                                              const char *account_id);

G_END_DECLS
