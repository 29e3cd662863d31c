/* amigo-keyring-service-store.c — accounts in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item per account, in the default collection of the Secret Service
 * (the Secret portal inside Flatpak: libsecret's secret_password_* API picks
 * the backend). The attributes hold what is not secret (id, name, region,
 * endpoint) so accounts can be listed without unlocking anything; the
 * secret is a small JSON document with the keys (amigo-keyring-secret.c).
 *
 * Every item carries all five attributes, the endpoint being "" when there
 * is none and the plain-http consent "true" or "false". That makes an
 * item's attribute set identify it exactly, which is what lets a change
 * (rename, new region) store the new item first and only then clear the old
 * one by its exact attributes: the secret is never out of the keyring, and a
 * crash in between leaves two copies rather than none. Listing keeps the
 * newest copy of an id; the next change clears the others.
 *
 * Clearing matches every item that holds the given attributes, so a copy
 * whose attributes the new item holds too (one saved before the consent
 * attribute existed, with the same four others) is not cleared by them:
 * that would take the new item with it. Listing hides it: an item with the
 * consent attribute is newer than any without, whatever their timestamps
 * (which count seconds) say.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-keyring-secret.h"
#include "amigo-keyring-store.h"

#define SECRET_CONTENT_TYPE "text/plain"

/**
 * amigo_keyring_get_schema:
 *
 * The libsecret schema of Amigo's accounts, `io.github.amigo_app.Amigo.Account`.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
amigo_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    AMIGO_KEYRING_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { AMIGO_KEYRING_ATTR_ACCOUNT_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { AMIGO_KEYRING_ATTR_NAME, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { AMIGO_KEYRING_ATTR_REGION, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { AMIGO_KEYRING_ATTR_ENDPOINT, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static SecretValue *
credentials_to_secret (AmigoCredentials *credentials)
{
  char *json = amigo_keyring_secret_encode (credentials);
  /* Copies into libsecret's non-pageable memory. */
  SecretValue *value = secret_value_new (json, -1, SECRET_CONTENT_TYPE);

  amigo_secure_free_string (json);
  return value;
}

static AmigoCredentials *
credentials_from_secret (SecretValue  *value,
                         GError      **error)
{
  gsize len = 0;
  const char *data = secret_value_get (value, &len);

  return amigo_keyring_secret_decode (data, len, error);
}

static char *
make_label (const char *name)
{
  /* Translators: the label of a keyring item, shown in Passwords and Keys
   * (Seahorse); %s is the name people gave the account. */
  return g_strdup_printf (_("Amigo AWS account “%s”"), name);
}


static GHashTable *
make_id_attributes (const char *id)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_ACCOUNT_ID, g_strdup (id));
  return attributes;
}

static GHashTable *
account_to_attributes (AmigoKeyringAccount *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *endpoint = amigo_keyring_account_get_endpoint (account);
  gboolean allow = amigo_keyring_account_get_allow_plain_http (account);

  g_hash_table_insert (attributes, g_strdup (AMIGO_KEYRING_ATTR_ACCOUNT_ID),
                       g_strdup (amigo_keyring_account_get_id (account)));
  g_hash_table_insert (attributes, g_strdup (AMIGO_KEYRING_ATTR_NAME),
                       g_strdup (amigo_keyring_account_get_name (account)));
  g_hash_table_insert (attributes, g_strdup (AMIGO_KEYRING_ATTR_REGION),
                       g_strdup (amigo_keyring_account_get_region (account)));
  g_hash_table_insert (attributes, g_strdup (AMIGO_KEYRING_ATTR_ENDPOINT),
                       g_strdup (endpoint ? endpoint : ""));
  g_hash_table_insert (attributes, g_strdup (AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP),
                       g_strdup (allow ? "true" : "false"));
  return attributes;
}

/* Whether every attribute of @part is in @whole with the same value: then
 * clearing by @part would clear @whole too. */
static gboolean
attributes_within (GHashTable *part,
                   GHashTable *whole)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, part);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (whole, key)) != 0)
      return FALSE;
  return TRUE;
}

/* An item's attributes as stored, those of the schema only (libsecret
 * adds its own, such as xdg:schema). */
static GHashTable *
schema_attributes (SecretRetrievable *retrievable)
{
  g_autoptr(GHashTable) all = secret_retrievable_get_attributes (retrievable);
  const SecretSchema *schema = amigo_keyring_get_schema ();
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; all != NULL && schema->attributes[i].name != NULL; i++)
    {
      const char *value = g_hash_table_lookup (all, schema->attributes[i].name);

      if (value != NULL)
        g_hash_table_insert (attributes, g_strdup (schema->attributes[i].name), g_strdup (value));
    }
  return attributes;
}

/* NULL if the item is not a well-formed Amigo account. */
static AmigoKeyringAccount *
account_from_retrievable (SecretRetrievable *retrievable)
{
  g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (retrievable);
  const char *id, *name, *region, *endpoint, *allow;

  if (attributes == NULL)
    return NULL;
  id = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ACCOUNT_ID);
  name = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_NAME);
  region = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_REGION);
  endpoint = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ENDPOINT);
  allow = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP);
  if (id == NULL || *id == '\0' || name == NULL || region == NULL)
    return NULL;
  return amigo_keyring_account_new_full (id, name, region, endpoint,
                                         g_strcmp0 (allow, "true") == 0);
}

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_NO_NETWORK:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_BAD_ADDRESS:
        case G_DBUS_ERROR_FILE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
        case G_DBUS_ERROR_UNKNOWN_METHOD:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
        case G_DBUS_ERROR_UNKNOWN_INTERFACE:
        case G_DBUS_ERROR_ACCESS_DENIED:
        case G_DBUS_ERROR_AUTH_FAILED:
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* Connecting to the session bus itself failed (no bus, bad address). */
  return error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED;
}

static char *
describe_cause (const GError *error)
{
  g_autoptr(GError) copy = g_error_copy (error);

  if (g_dbus_error_is_remote_error (copy))
    g_dbus_error_strip_remote_error (copy);
  return g_strdup (copy->message);
}

/* For a failed operation. */
static GError *
unavailable_error (const GError *cause)
{
  g_autofree char *why = describe_cause (cause);

  return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                      _("No keyring service answered (%s). Start GNOME Keyring or "
                        "another Secret Service, then try again."),
                      why);
}

/* For the probe: the reason a keyring is session-only. */
static GError *
unavailable_probe_error (const GError *cause)
{
  g_autofree char *why = describe_cause (cause);

  return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                      _("No keyring service answered (%s), so accounts cannot be "
                        "saved and are kept only until Amigo quits. Start GNOME "
                        "Keyring or another Secret Service, then restart Amigo."),
                      why);
}

static GError *
locked_error (void)
{
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                              _("The keyring is locked. Unlock it when asked, or in "
                                "Passwords and Keys, then try again."));
}

/* Takes @error; returns what the caller should see. Cancellation stays
 * G_IO_ERROR_CANCELLED so callers can tell it apart. */
static GError *
translate_error (GError     *error,
                 const char *what)
{
  GError *ret;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == AMIGO_AWS_ERROR)
    return error;

  if (is_unavailable_error (error))
    ret = unavailable_error (error);
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    ret = locked_error ();
  else
    {
      g_autofree char *why = describe_cause (error);

      ret = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                         "%s (%s)", what, why);
    }
  g_error_free (error);
  return ret;
}

/* ---------------------------------------------------------------------- */
/* Availability                                                            */

/* Searches Amigo's items matching @attributes; @callback gets @task
 * (taken), whose cancellable the search follows. */
static void
search_items (GTask               *task,
              GHashTable          *attributes,
              SecretSearchFlags    flags,
              GAsyncReadyCallback  callback)
{
  secret_password_searchv (amigo_keyring_get_schema (), attributes, flags,
                           g_task_get_cancellable (task), callback, task);
}

/* Finishes search_items(): %TRUE with @items (none when nothing matched),
 * or %FALSE with @task returned an error that says @what failed. */
static gboolean
search_items_finish (GAsyncResult  *result,
                     GTask         *task,
                     const char    *what,
                     GList        **items)
{
  GError *error = NULL;

  *items = secret_password_search_finish (result, &error);
  if (error == NULL)
    return TRUE;
  g_task_return_error (task, translate_error (error, what));
  return FALSE;
}

/* Reads the secret of the item matching @attributes; @callback gets @task
 * (taken), whose cancellable the lookup follows. */
static void
lookup_item (GTask               *task,
             GHashTable          *attributes,
             GAsyncReadyCallback  callback)
{
  secret_password_lookupv (amigo_keyring_get_schema (), attributes, g_task_get_cancellable (task),
                           callback, task);
}

/* Finishes lookup_item(): %TRUE with @value (%NULL when the item is not
 * there or stayed locked), or %FALSE with @task returned the error. */
static gboolean
lookup_item_finish (GAsyncResult  *result,
                    GTask         *task,
                    SecretValue  **value)
{
  GError *error = NULL;

  *value = secret_password_lookup_binary_finish (result, &error);
  if (error == NULL)
    return TRUE;
  g_task_return_error (task, translate_error (error, _("The account’s keys could not be read from the keyring")));
  return FALSE;
}

/* Saves @account with the secret @value, in the default collection;
 * @callback gets @task (taken), whose cancellable the store follows. */
static void
store_item (GTask               *task,
            AmigoKeyringAccount *account,
            SecretValue         *value,
            GAsyncReadyCallback  callback)
{
  g_autoptr(GHashTable) attributes = account_to_attributes (account);
  g_autofree char *label = make_label (amigo_keyring_account_get_name (account));

  secret_password_storev_binary (amigo_keyring_get_schema (), attributes,
                                 SECRET_COLLECTION_DEFAULT, label, value,
                                 g_task_get_cancellable (task), callback, task);
}

/* Finishes store_item(): %FALSE with @task returned an error that says
 * @what failed. */
static gboolean
store_item_finish (GAsyncResult *result,
                   GTask        *task,
                   const char   *what)
{
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    return TRUE;
  g_task_return_error (task, translate_error (error, what));
  return FALSE;
}

static void
probe_search_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  g_list_free_full (items, g_object_unref);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (is_unavailable_error (error))
        g_task_return_error (task, unavailable_probe_error (error));
      else
        g_task_return_error (task, translate_error (g_steal_pointer (&error),
                                                    _("The keyring cannot be used")));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
_amigo_keyring_service_probe (GTask *task)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  search_items (task, attributes, SECRET_SEARCH_NONE, probe_search_cb);
}

/* ---------------------------------------------------------------------- */
/* Add                                                                     */

typedef struct
{
  char *id;
  SecretValue *value;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *d = data;

  g_free (d->id);
  g_clear_pointer (&d->value, secret_value_unref);
  g_free (d);
}

static void
add_store_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *d = g_task_get_task_data (task);

  if (!store_item_finish (result, task, _("The account could not be saved in the keyring")))
    return;
  _amigo_keyring_emit_changed (g_task_get_source_object (task));
  g_task_return_pointer (task, g_strdup (d->id), g_free);
}

static void
service_add_account (AmigoKeyringStore   *store,
                     GTask               *task,
                     AmigoKeyringAccount *account,
                     AmigoCredentials    *credentials)
{
  AddData *d = g_new0 (AddData, 1);

  d->id = g_strdup (amigo_keyring_account_get_id (account));
  d->value = credentials_to_secret (credentials);
  g_task_set_task_data (task, d, add_data_free);
  store_item (task, account, d->value, add_store_cb);
}

/* ---------------------------------------------------------------------- */
/* List                                                                    */

/* Which of two copies of an account is the newer: one that has the
 * consent attribute, then the later modified. */
static gboolean
item_is_newer (SecretRetrievable *item,
               SecretRetrievable *than)
{
  g_autoptr(GHashTable) a = secret_retrievable_get_attributes (item);
  g_autoptr(GHashTable) b = secret_retrievable_get_attributes (than);
  gboolean a_current = a != NULL && g_hash_table_contains (a, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP);
  gboolean b_current = b != NULL && g_hash_table_contains (b, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP);

  if (a_current != b_current)
    return a_current;
  return secret_retrievable_get_modified (item) > secret_retrievable_get_modified (than);
}

/* The newest item of each account id wins; see the comment at the top. */
typedef struct
{
  AmigoKeyringAccount *account;
  SecretRetrievable *item;
} NewestItem;

static void
newest_item_free (gpointer data)
{
  NewestItem *item = data;

  g_object_unref (item->account);
  g_object_unref (item->item);
  g_free (item);
}

static GPtrArray *
accounts_from_items (GList *items)
{
  g_autoptr(GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, newest_item_free);
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(AmigoKeyringAccount) account = account_from_retrievable (l->data);
      NewestItem *seen;

      if (account == NULL)
        continue;
      seen = g_hash_table_lookup (newest, amigo_keyring_account_get_id (account));
      if (seen == NULL)
        {
          seen = g_new0 (NewestItem, 1);
          seen->account = g_steal_pointer (&account);
          seen->item = g_object_ref (l->data);
          g_hash_table_insert (newest, g_strdup (amigo_keyring_account_get_id (seen->account)), seen);
        }
      else if (item_is_newer (l->data, seen->item))
        {
          g_set_object (&seen->account, account);
          g_set_object (&seen->item, l->data);
        }
    }

  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (accounts, g_object_ref (((NewestItem *) value)->account));

  g_ptr_array_sort (accounts, amigo_keyring_account_compare);
  return accounts;
}

static void
list_search_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GList *items;

  if (!search_items_finish (result, task, _("The accounts in the keyring could not be listed"), &items))
    return;
  g_task_return_pointer (task, accounts_from_items (items), (GDestroyNotify) g_ptr_array_unref);
  g_list_free_full (items, g_object_unref);
}

static void
service_list_accounts (AmigoKeyringStore *store,
                       GTask             *task)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  search_items (task, attributes, SECRET_SEARCH_ALL, list_search_cb);
}

/* ---------------------------------------------------------------------- */
/* Look up                                                                 */

static void
lookup_exists_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GList *items;

  if (!search_items_finish (result, task, _("The account’s keys could not be read from the keyring"), &items))
    return;
  if (items != NULL)
    /* It is there, yet its secret did not come back: the unlock prompt
     * was dismissed. */
    g_task_return_error (task, locked_error ());
  else
    g_task_return_error (task, _amigo_keyring_not_found_error ());
  g_list_free_full (items, g_object_unref);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;
  AmigoCredentials *credentials;

  if (!lookup_item_finish (result, task, &value))
    return;
  if (value == NULL)
    {
      attributes = make_id_attributes (g_task_get_task_data (task));
      search_items (g_steal_pointer (&task), attributes, SECRET_SEARCH_ALL, lookup_exists_cb);
      return;
    }

  credentials = credentials_from_secret (value, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

static void
service_lookup_credentials (AmigoKeyringStore *store,
                            GTask             *task,
                            const char        *account_id)
{
  g_autoptr(GHashTable) attributes = make_id_attributes (account_id);

  g_task_set_task_data (task, g_strdup (account_id), g_free);
  lookup_item (task, attributes, lookup_cb);
}

/* ---------------------------------------------------------------------- */
/* Change: rename, region and endpoint, credentials                        */

typedef struct
{
  AmigoKeyringChange *change;

  AmigoKeyringAccount *current;
  GHashTable *current_attributes; /* as stored, to read its secret */
  AmigoKeyringAccount *updated;
  GPtrArray *stale;             /* GHashTable: attributes of items to clear after the store */
  SecretValue *value;
} ChangeData;

static void
change_data_free (gpointer data)
{
  ChangeData *d = data;

  _amigo_keyring_change_free (d->change);
  g_clear_object (&d->current);
  g_clear_pointer (&d->current_attributes, g_hash_table_unref);
  g_clear_object (&d->updated);
  g_clear_pointer (&d->stale, g_ptr_array_unref);
  g_clear_pointer (&d->value, secret_value_unref);
  g_free (d);
}

static void change_clear_next (GTask *task);

static void
change_clear_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The new item is saved; a stale copy that could not be cleared is
   * hidden by listing (newest wins) and cleared by the next change. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("A previous copy of an account stayed in the keyring: %s", error->message);
  change_clear_next (g_steal_pointer (&task));
}

static void
change_clear_next (GTask *task)
{
  ChangeData *d = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;

  if (d->stale->len == 0)
    {
      _amigo_keyring_emit_changed (g_task_get_source_object (task));
      g_task_return_pointer (task, g_object_ref (d->updated), g_object_unref);
      g_object_unref (task);
      return;
    }

  attributes = g_ptr_array_steal_index (d->stale, d->stale->len - 1);
  /* Not cancellable: the new item exists already, finish tidying up. */
  secret_password_clearv (amigo_keyring_get_schema (), attributes, NULL,
                          change_clear_cb, task);
}

static void
change_store_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!store_item_finish (result, task, _("The change could not be saved in the keyring")))
    return;
  change_clear_next (g_steal_pointer (&task));
}

static void
change_store (GTask *task)
{
  ChangeData *d = g_task_get_task_data (task);

  store_item (task, d->updated, d->value, change_store_cb);
}

static void
change_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *d = g_task_get_task_data (task);

  if (!lookup_item_finish (result, task, &d->value))
    return;
  if (d->value == NULL)
    {
      /* The item was found a moment ago: the unlock prompt was dismissed. */
      g_task_return_error (task, locked_error ());
      return;
    }
  change_store (g_steal_pointer (&task));
}

static void
change_search_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *d = g_task_get_task_data (task);
  GList *items;
  SecretRetrievable *newest = NULL;
  g_autoptr(GHashTable) updated_attributes = NULL;

  if (!search_items_finish (result, task, _("The account could not be found in the keyring"), &items))
    return;

  d->stale = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(AmigoKeyringAccount) account = account_from_retrievable (l->data);
      GHashTable *attributes;

      if (account == NULL)
        continue;
      attributes = schema_attributes (l->data);
      if (newest == NULL || item_is_newer (l->data, newest))
        {
          g_set_object (&d->current, account);
          g_clear_pointer (&d->current_attributes, g_hash_table_unref);
          d->current_attributes = g_hash_table_ref (attributes);
          newest = l->data;
        }
      g_ptr_array_add (d->stale, attributes);
    }
  g_list_free_full (items, g_object_unref);

  if (d->current == NULL)
    {
      g_task_return_error (task, _amigo_keyring_not_found_error ());
      return;
    }

  d->updated = _amigo_keyring_change_apply (d->change, d->current);
  updated_attributes = account_to_attributes (d->updated);

  /* Storing with the same attributes replaces the item in place; every
   * other copy is cleared once the new one is saved, except one whose
   * attributes the new item holds too (see the comment at the top). */
  for (guint i = d->stale->len; i > 0; i--)
    if (attributes_within (g_ptr_array_index (d->stale, i - 1), updated_attributes))
      g_ptr_array_remove_index (d->stale, i - 1);

  if (d->change->credentials != NULL)
    {
      d->value = credentials_to_secret (d->change->credentials);
      change_store (g_steal_pointer (&task));
    }
  else
    {
      lookup_item (g_steal_pointer (&task), d->current_attributes, change_lookup_cb);
    }
}

static void
service_change_account (AmigoKeyringStore  *store,
                        GTask              *task,
                        AmigoKeyringChange *change)
{
  g_autoptr(GHashTable) attributes = make_id_attributes (change->account_id);
  ChangeData *d = g_new0 (ChangeData, 1);

  d->change = change;
  g_task_set_task_data (task, d, change_data_free);
  search_items (task, attributes, SECRET_SEARCH_ALL, change_search_cb);
}

/* ---------------------------------------------------------------------- */
/* Delete                                                                  */

static void
delete_clear_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_clear_finish (result, &error))
    {
      if (error != NULL)
        g_task_return_error (task, translate_error (error, _("The account could not be removed from the keyring")));
      else
        g_task_return_error (task, _amigo_keyring_not_found_error ());
      return;
    }
  _amigo_keyring_emit_changed (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

static void
service_delete_account (AmigoKeyringStore *store,
                        GTask             *task,
                        const char        *account_id)
{
  g_autoptr(GHashTable) attributes = make_id_attributes (account_id);

  secret_password_clearv (amigo_keyring_get_schema (), attributes, g_task_get_cancellable (task),
                          delete_clear_cb, task);
}

static void
service_free (AmigoKeyringStore *store)
{
  g_free (store);
}

static const AmigoKeyringStoreVTable service_vtable = {
  .add_account = service_add_account,
  .list_accounts = service_list_accounts,
  .lookup_credentials = service_lookup_credentials,
  .change_account = service_change_account,
  .delete_account = service_delete_account,
  .free = service_free,
};

AmigoKeyringStore *
_amigo_keyring_service_store_new (void)
{
  AmigoKeyringStore *self = g_new0 (AmigoKeyringStore, 1);

  self->vtable = &service_vtable;
  return self;
}
