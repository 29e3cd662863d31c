/* amigo-keyring.h — accounts Amigo stores itself, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "amigo-async.h"
#include "amigo-credentials.h"
#include "amigo-keyring-account.h"

G_BEGIN_DECLS

#define AMIGO_KEYRING_SCHEMA_NAME "io.github.amigo_app.Amigo.Account"

/* Attribute names of the schema. The secret itself is never an attribute:
 * attributes are stored unencrypted and anyone on the session bus can read
 * them without unlocking the keyring. */
#define AMIGO_KEYRING_ATTR_ACCOUNT_ID "account-id"
#define AMIGO_KEYRING_ATTR_NAME       "name"
#define AMIGO_KEYRING_ATTR_REGION     "region"
#define AMIGO_KEYRING_ATTR_ENDPOINT   "endpoint"
/* "true" when people allowed an http:// endpoint on another host, else
 * "false"; items saved before it existed lack it (and mean "false"). */
#define AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP "allow-plain-http"

const SecretSchema *amigo_keyring_get_schema (void);

/* The one object the UI talks to. It stores accounts in the Secret Service
 * (through the Secret portal inside Flatpak), or, in session-only mode, in
 * memory until it is disposed. Emits "accounts-changed" after a successful
 * add, change or delete. */
#define AMIGO_TYPE_KEYRING (amigo_keyring_get_type ())
G_DECLARE_FINAL_TYPE (AmigoKeyring, amigo_keyring, AMIGO, KEYRING, GObject)

void          amigo_keyring_is_available_async        (GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean      amigo_keyring_is_available_finish       (GAsyncResult         *result,
                                                       GError              **error);

void          amigo_keyring_new_async                 (GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
AmigoKeyring *amigo_keyring_new_finish                (GAsyncResult         *result,
                                                       GError              **error);
AmigoKeyring *amigo_keyring_new_session_only          (const char           *reason);
gboolean      amigo_keyring_get_session_only          (AmigoKeyring         *self);
const char   *amigo_keyring_get_unavailable_reason    (AmigoKeyring         *self);

AMIGO_DECLARE_ASYNC (AmigoKeyring, char *, amigo_keyring_add_account,
                     const char *name,
                     const char *region,
                     const char *endpoint,
                     AmigoCredentials *credentials);
/* Finished with amigo_keyring_add_account_finish(). */
void          amigo_keyring_add_account_full_async    (AmigoKeyring         *self,
                                                       const char           *name,
                                                       const char           *region,
                                                       const char           *endpoint,
                                                       gboolean              allow_plain_http,
                                                       AmigoCredentials     *credentials,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);

AMIGO_DECLARE_ASYNC (AmigoKeyring, GPtrArray *, amigo_keyring_list_accounts);

AMIGO_DECLARE_ASYNC (AmigoKeyring, AmigoCredentials *, amigo_keyring_lookup_credentials,
                     const char *account_id);

AMIGO_DECLARE_ASYNC (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_rename_account,
                     const char *account_id,
                     const char *name);

AMIGO_DECLARE_ASYNC (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_update_account,
                     const char *account_id,
                     const char *region,
                     const char *endpoint);

AMIGO_DECLARE_ASYNC (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_set_allow_plain_http,
                     const char *account_id,
                     gboolean allow);

AMIGO_DECLARE_ASYNC (AmigoKeyring, gboolean, amigo_keyring_set_credentials,
                     const char *account_id,
                     AmigoCredentials *credentials);

AMIGO_DECLARE_ASYNC (AmigoKeyring, gboolean, amigo_keyring_delete_account, const char *account_id);

G_END_DECLS
