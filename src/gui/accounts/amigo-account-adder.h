/* amigo-account-adder.h — a dialog that adds accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-account.h"

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

G_END_DECLS
