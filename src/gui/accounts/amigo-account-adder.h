/* amigo-account-adder.h — a dialog that adds accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-account.h"
#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACCOUNT_ADDER (amigo_account_adder_get_type ())

G_DECLARE_INTERFACE (AmigoAccountAdder, amigo_account_adder, AMIGO, ACCOUNT_ADDER, GtkWindow)

struct _AmigoAccountAdderInterface
{
  GTypeInterface parent_iface;
};

/* Emits "account-added" for @account, already in the account manager. */
void amigo_account_adder_added (AmigoAccountAdder *self,
                                AmigoAccount      *account);

/* The dialog over @parent that @action_name opens: its part after the
 * prefix is "add-account" (keys), "import-profiles" or "add-sso-accounts". */
AmigoAccountAdder *amigo_account_adder_new_for_action (const char          *action_name,
                                                       GtkWindow           *parent,
                                                       AmigoAccountManager *manager);

G_END_DECLS
