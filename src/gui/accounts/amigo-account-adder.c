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

#include "amigo-account-adder.h"

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
