/* amigo-keyring-session-store.c — accounts kept in memory for the session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When no keyring answers, accounts live here until the AmigoKeyring is
 * disposed; then the credentials are wiped (unreffing them wipes them).
 * Every operation completes at once.
 */
#include "config.h"

#include "amigo-keyring-store.h"

typedef struct
{
  AmigoKeyringAccount *account;
  AmigoCredentials *credentials;
} SessionEntry;

typedef struct
{
  AmigoKeyringStore parent;

  GHashTable *entries;          /* account id → SessionEntry */
} SessionStore;

static void
session_entry_free (gpointer data)
{
  SessionEntry *entry = data;

  g_clear_object (&entry->account);
  g_clear_pointer (&entry->credentials, amigo_credentials_unref);
  g_free (entry);
}

static void
session_add_account (AmigoKeyringStore   *store,
                     GTask               *task,
                     AmigoKeyringAccount *account,
                     AmigoCredentials    *credentials)
{
  SessionStore *self = (SessionStore *) store;
  SessionEntry *entry = g_new0 (SessionEntry, 1);
  const char *id = amigo_keyring_account_get_id (account);

  entry->account = g_object_ref (account);
  entry->credentials = amigo_credentials_ref (credentials);
  g_hash_table_insert (self->entries, g_strdup (id), entry);
  _amigo_keyring_emit_changed (g_task_get_source_object (task));
  g_task_return_pointer (task, g_strdup (id), g_free);
  g_object_unref (task);
}

static void
session_list_accounts (AmigoKeyringStore *store,
                       GTask             *task)
{
  SessionStore *self = (SessionStore *) store;
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (accounts, g_object_ref (((SessionEntry *) value)->account));
  g_ptr_array_sort (accounts, amigo_keyring_account_compare);
  g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
session_lookup_credentials (AmigoKeyringStore *store,
                            GTask             *task,
                            const char        *account_id)
{
  SessionStore *self = (SessionStore *) store;
  SessionEntry *entry = g_hash_table_lookup (self->entries, account_id);

  if (entry == NULL)
    g_task_return_error (task, _amigo_keyring_not_found_error ());
  else
    g_task_return_pointer (task, amigo_credentials_ref (entry->credentials),
                           (GDestroyNotify) amigo_credentials_unref);
  g_object_unref (task);
}

static void
session_change_account (AmigoKeyringStore  *store,
                        GTask              *task,
                        AmigoKeyringChange *change)
{
  SessionStore *self = (SessionStore *) store;
  SessionEntry *entry = g_hash_table_lookup (self->entries, change->account_id);
  AmigoKeyringAccount *updated;

  if (entry == NULL)
    {
      g_task_return_error (task, _amigo_keyring_not_found_error ());
      goto out;
    }
  updated = _amigo_keyring_change_apply (change, entry->account);
  g_set_object (&entry->account, updated);
  g_object_unref (updated);
  if (change->credentials != NULL)
    {
      g_clear_pointer (&entry->credentials, amigo_credentials_unref);
      entry->credentials = amigo_credentials_ref (change->credentials);
    }
  _amigo_keyring_emit_changed (g_task_get_source_object (task));
  g_task_return_pointer (task, g_object_ref (entry->account), g_object_unref);

out:
  _amigo_keyring_change_free (change);
  g_object_unref (task);
}

static void
session_delete_account (AmigoKeyringStore *store,
                        GTask             *task,
                        const char        *account_id)
{
  SessionStore *self = (SessionStore *) store;

  if (g_hash_table_remove (self->entries, account_id))
    {
      _amigo_keyring_emit_changed (g_task_get_source_object (task));
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, _amigo_keyring_not_found_error ());
  g_object_unref (task);
}

static void
session_forget (AmigoKeyringStore *store)
{
  SessionStore *self = (SessionStore *) store;

  g_hash_table_remove_all (self->entries);
}

static void
session_free (AmigoKeyringStore *store)
{
  SessionStore *self = (SessionStore *) store;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_free (self);
}

static const AmigoKeyringStoreVTable session_vtable = {
  .add_account = session_add_account,
  .list_accounts = session_list_accounts,
  .lookup_credentials = session_lookup_credentials,
  .change_account = session_change_account,
  .delete_account = session_delete_account,
  .forget = session_forget,
  .free = session_free,
};

AmigoKeyringStore *
_amigo_keyring_session_store_new (void)
{
  SessionStore *self = g_new0 (SessionStore, 1);

  self->parent.vtable = &session_vtable;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_entry_free);
  return &self->parent;
}
