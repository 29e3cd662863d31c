/* amigo-keyring-account.h — the non-secret part of a stored account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Immutable: after a change, use the account the keyring's _finish
 * function returns, or list again. */
#define AMIGO_TYPE_KEYRING_ACCOUNT (amigo_keyring_account_get_type ())
G_DECLARE_FINAL_TYPE (AmigoKeyringAccount, amigo_keyring_account, AMIGO, KEYRING_ACCOUNT, GObject)

AmigoKeyringAccount *amigo_keyring_account_new          (const char          *id,
                                                         const char          *name,
                                                         const char          *region,
                                                         const char          *endpoint);
AmigoKeyringAccount *amigo_keyring_account_new_full     (const char          *id,
                                                         const char          *name,
                                                         const char          *region,
                                                         const char          *endpoint,
                                                         gboolean             allow_plain_http);
const char          *amigo_keyring_account_get_id       (AmigoKeyringAccount *self);
const char          *amigo_keyring_account_get_name     (AmigoKeyringAccount *self);
const char          *amigo_keyring_account_get_region   (AmigoKeyringAccount *self);
const char          *amigo_keyring_account_get_endpoint (AmigoKeyringAccount *self);
gboolean             amigo_keyring_account_get_allow_plain_http (AmigoKeyringAccount *self);

gboolean             amigo_keyring_account_equal        (AmigoKeyringAccount *a,
                                                         AmigoKeyringAccount *b);
int                  amigo_keyring_account_compare      (gconstpointer        a,
                                                         gconstpointer        b);

G_END_DECLS
