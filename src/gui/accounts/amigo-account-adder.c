/* amigo-account-adder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs that add accounts (keys, profiles imported, IAM Identity
 * Center roles, switched roles) each declared the same "account-added"
 * signal; the window shows the account added, whichever dialog added it.
 * The signal is declared here, once.
 */
#include "config.h"

#include <string.h>

#include "amigo-account-adder.h"
#include "amigo-account-dialog.h"
#include "amigo-import-dialog.h"
#include "amigo-sso-add-dialog.h"

G_DEFINE_INTERFACE (AmigoAccountAdder, amigo_account_adder, GTK_TYPE_WINDOW)

enum {
  SIGNAL_ACCOUNT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
amigo_account_adder_default_init (AmigoAccountAdderInterface *iface)
{
  /**
   * AmigoAccountAdder::account-added:
   * @account: the account added (a new one, a profile imported, an
   *   account × role chosen, a role switched to), already in the account
   *   manager
   *
   * Emitted for each account added.
   */
  signals[SIGNAL_ACCOUNT_ADDED] =
    g_signal_new ("account-added", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMIGO_TYPE_ACCOUNT);
}

void
amigo_account_adder_added (AmigoAccountAdder *self,
                           AmigoAccount      *account)
{
  g_return_if_fail (AMIGO_IS_ACCOUNT_ADDER (self));

  g_signal_emit (self, signals[SIGNAL_ACCOUNT_ADDED], 0, account);
}

/* The window and the preferences offer the same three ways to add
 * accounts, by the same action names under their own prefixes. */
AmigoAccountAdder *
amigo_account_adder_new_for_action (const char          *action_name,
                                    GtkWindow           *parent,
                                    AmigoAccountManager *manager)
{
  const char *dot = strchr (action_name, '.');
  const char *name = dot != NULL ? dot + 1 : action_name;

  if (g_str_equal (name, "import-profiles"))
    return AMIGO_ACCOUNT_ADDER (amigo_import_dialog_new (parent, manager));
  if (g_str_equal (name, "add-sso-accounts"))
    return AMIGO_ACCOUNT_ADDER (amigo_sso_add_dialog_new (parent, manager));
  g_return_val_if_fail (g_str_equal (name, "add-account"), NULL);
  return AMIGO_ACCOUNT_ADDER (amigo_account_dialog_new_add (parent, manager));
}
