/* amigo-keyring-store.h — where AmigoKeyring keeps accounts (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AmigoKeyring validates what it is given and hands the work to a store:
 * the Secret Service (amigo-keyring-service-store.c) or, when no keyring
 * answers, memory for the session (amigo-keyring-session-store.c). Both
 * implement the same table of operations.
 */
#pragma once

#include <gio/gio.h>

#include "amigo-credentials.h"
#include "amigo-keyring.h"

G_BEGIN_DECLS

/* What a rename, an update or new keys change in an account. */
typedef struct
{
  char *account_id;
  char *name;                   /* NULL: keep */
  gboolean set_location;
  char *region;
  char *endpoint;
  gboolean set_allow_plain_http;
  gboolean allow_plain_http;
  AmigoCredentials *credentials; /* NULL: keep */
} AmigoKeyringChange;

void                 _amigo_keyring_change_free  (AmigoKeyringChange  *change);
AmigoKeyringAccount *_amigo_keyring_change_apply (AmigoKeyringChange  *change,
                                                  AmigoKeyringAccount *current);

typedef struct _AmigoKeyringStore AmigoKeyringStore;

/* Each operation takes @task (transfer full), whose source object is the
 * AmigoKeyring, and returns on it what the matching amigo_keyring_*_finish
 * propagates: add → the new id (char *), list → a GPtrArray of
 * AmigoKeyringAccount sorted with amigo_keyring_account_compare(), lookup →
 * AmigoCredentials, change → the AmigoKeyringAccount as it is now, delete →
 * a boolean. After a successful add, change or delete it calls
 * _amigo_keyring_emit_changed() before returning. */
typedef struct
{
  void (*add_account)        (AmigoKeyringStore   *self,
                              GTask               *task,
                              AmigoKeyringAccount *account,
                              AmigoCredentials    *credentials);
  void (*list_accounts)      (AmigoKeyringStore   *self,
                              GTask               *task);
  void (*lookup_credentials) (AmigoKeyringStore   *self,
                              GTask               *task,
                              const char          *account_id);
  /* Takes @change. */
  void (*change_account)     (AmigoKeyringStore   *self,
                              GTask               *task,
                              AmigoKeyringChange  *change);
  void (*delete_account)     (AmigoKeyringStore   *self,
                              GTask               *task,
                              const char          *account_id);
  /* Optional: drop (and wipe) what is held, on the keyring's dispose. */
  void (*forget)             (AmigoKeyringStore   *self);
  void (*free)               (AmigoKeyringStore   *self);
} AmigoKeyringStoreVTable;

struct _AmigoKeyringStore
{
  const AmigoKeyringStoreVTable *vtable;
};

AmigoKeyringStore *_amigo_keyring_service_store_new (void);
AmigoKeyringStore *_amigo_keyring_session_store_new (void);
void               _amigo_keyring_store_free        (AmigoKeyringStore *self);

/* Asks the Secret Service for Amigo's items; returns a boolean on @task. */
void               _amigo_keyring_service_probe     (GTask             *task);

GError            *_amigo_keyring_not_found_error   (void);
void               _amigo_keyring_emit_changed      (AmigoKeyring      *self);

G_END_DECLS
