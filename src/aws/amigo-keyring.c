/* amigo-keyring.c — accounts Amigo stores itself, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object the UI talks to: it checks what it is given (a name, a region,
 * an endpoint), then hands the work to its store — the Secret Service
 * (amigo-keyring-service-store.c), or memory for the session when no
 * keyring answered (amigo-keyring-session-store.c).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-keyring.h"
#include "amigo-keyring-store.h"

struct _AmigoKeyring
{
  GObject parent_instance;

  gboolean session_only;
  char *unavailable_reason;
  AmigoKeyringStore *store;
};

G_DEFINE_FINAL_TYPE (AmigoKeyring, amigo_keyring, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION_ONLY,
  PROP_UNAVAILABLE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACCOUNTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
validate_name (const char  *name,
               char       **out,
               GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    stripped = g_strdup ("");
  else
    stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                           _("The account needs a name."));
      return FALSE;
    }
  *out = g_steal_pointer (&stripped);
  return TRUE;
}

static gboolean
validate_location (const char  *region,
                   const char  *endpoint,
                   GError     **error)
{
  if (region == NULL || *region == '\0' || strpbrk (region, " \t\r\n/") != NULL)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                           _("Choose a region for the account, such as eu-west-1."));
      return FALSE;
    }

  if (endpoint != NULL && *endpoint != '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      if (uri == NULL || host == NULL || *host == '\0' ||
          (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                       _("The endpoint “%s” is not a web address. Use an address such "
                         "as https://ec2.example.com, or leave it empty to use AWS."),
                       endpoint);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Availability                                                            */

/**
 * amigo_keyring_is_available_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keyring answered, or did not
 * @user_data: data for @callback
 *
 * Asks the Secret Service (or portal) for Amigo's items without unlocking
 * anything, to learn whether accounts can be saved.
 */
void
amigo_keyring_is_available_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amigo_keyring_is_available_async);
  _amigo_keyring_service_probe (task);
}

/**
 * amigo_keyring_is_available_finish:
 * @result: the result
 * @error: set when the keyring cannot be used
 *
 * Returns: %TRUE if accounts can be saved in the keyring; %FALSE with an
 *   %AMIGO_AWS_ERROR_KEYRING error that says why (or %G_IO_ERROR_CANCELLED)
 */
gboolean
amigo_keyring_is_available_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* AmigoKeyring                                                            */

static void
amigo_keyring_constructed (GObject *object)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  G_OBJECT_CLASS (amigo_keyring_parent_class)->constructed (object);

  self->store = self->session_only ? _amigo_keyring_session_store_new ()
                                   : _amigo_keyring_service_store_new ();
}

static void
amigo_keyring_dispose (GObject *object)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  /* The session store wipes the credentials it holds. */
  if (self->store != NULL && self->store->vtable->forget != NULL)
    self->store->vtable->forget (self->store);

  G_OBJECT_CLASS (amigo_keyring_parent_class)->dispose (object);
}

static void
amigo_keyring_finalize (GObject *object)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  g_clear_pointer (&self->store, _amigo_keyring_store_free);
  g_free (self->unavailable_reason);

  G_OBJECT_CLASS (amigo_keyring_parent_class)->finalize (object);
}

static void
amigo_keyring_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, self->session_only);
      break;
    case PROP_UNAVAILABLE_REASON:
      g_value_set_string (value, self->unavailable_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_keyring_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      self->session_only = g_value_get_boolean (value);
      break;
    case PROP_UNAVAILABLE_REASON:
      self->unavailable_reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_keyring_class_init (AmigoKeyringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = amigo_keyring_constructed;
  object_class->dispose = amigo_keyring_dispose;
  object_class->finalize = amigo_keyring_finalize;
  object_class->get_property = amigo_keyring_get_property;
  object_class->set_property = amigo_keyring_set_property;

  /**
   * AmigoKeyring:session-only:
   *
   * Whether accounts live in memory only, because no keyring answered.
   */
  properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AmigoKeyring:unavailable-reason:
   *
   * In session-only mode, why: a sentence to show people.
   */
  properties[PROP_UNAVAILABLE_REASON] =
    g_param_spec_string ("unavailable-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmigoKeyring::accounts-changed:
   *
   * An account was added, changed or deleted through this object.
   */
  signals[SIGNAL_ACCOUNTS_CHANGED] =
    g_signal_new ("accounts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
amigo_keyring_init (AmigoKeyring *self)
{
}

static void
new_probe_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (amigo_keyring_is_available_finish (result, &error))
    g_task_return_pointer (task, g_object_new (AMIGO_TYPE_KEYRING, NULL), g_object_unref);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, amigo_keyring_new_session_only (error->message),
                           g_object_unref);
}

/**
 * amigo_keyring_new_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the keyring
 * @user_data: data for @callback
 *
 * Makes the keyring the application uses: backed by the Secret Service if
 * it answers, otherwise session-only (see amigo_keyring_get_unavailable_reason()).
 */
void
amigo_keyring_new_async (GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amigo_keyring_new_async);
  amigo_keyring_is_available_async (cancellable, new_probe_cb, task);
}

/**
 * amigo_keyring_new_finish:
 * @result: the result
 * @error: set only when cancelled
 *
 * Returns: (transfer full): the keyring, session-only if no keyring answered
 */
AmigoKeyring *
amigo_keyring_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amigo_keyring_new_session_only:
 * @reason: (nullable): why accounts cannot be saved, for people to read
 *
 * A keyring that keeps accounts in memory until it is disposed, then wipes
 * them.
 *
 * Returns: (transfer full): a session-only keyring
 */
AmigoKeyring *
amigo_keyring_new_session_only (const char *reason)
{
  return g_object_new (AMIGO_TYPE_KEYRING,
                       "session-only", TRUE,
                       "unavailable-reason", reason,
                       NULL);
}

/**
 * amigo_keyring_get_session_only:
 *
 * Returns: whether accounts are kept in memory only
 */
gboolean
amigo_keyring_get_session_only (AmigoKeyring *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING (self), FALSE);
  return self->session_only;
}

/**
 * amigo_keyring_get_unavailable_reason:
 *
 * Returns: (transfer none) (nullable): why the keyring is session-only, or %NULL
 */
const char *
amigo_keyring_get_unavailable_reason (AmigoKeyring *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING (self), NULL);
  return self->unavailable_reason;
}

/* For the stores, after a successful add, change or delete. */
void
_amigo_keyring_emit_changed (AmigoKeyring *self)
{
  g_signal_emit (self, signals[SIGNAL_ACCOUNTS_CHANGED], 0);
}

/* The task of an operation on the account @account_id, or %NULL (after a
 * critical) when called with no keyring or no account. */
static GTask *
account_task_new (AmigoKeyring        *self,
                  const char          *account_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING (self), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  return _amigo_task_new_tagged (self, cancellable, callback, user_data, source_tag);
}

/* ---------------------------------------------------------------------- */
/* Add                                                                     */

/**
 * amigo_keyring_add_account_async:
 * @self: the keyring
 * @name: the name people give the account; need not be unique
 * @region: the default region, e.g. `eu-west-1`
 * @endpoint: (nullable): a custom EC2 endpoint URL, or %NULL
 * @credentials: the keys to keep
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is saved
 * @user_data: data for @callback
 *
 * Saves a new account under a fresh id, in the default collection; an
 * `http://` endpoint must be on this computer (see
 * amigo_keyring_add_account_full_async()).
 */
void
amigo_keyring_add_account_async (AmigoKeyring        *self,
                                 const char          *name,
                                 const char          *region,
                                 const char          *endpoint,
                                 AmigoCredentials    *credentials,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  amigo_keyring_add_account_full_async (self, name, region, endpoint, FALSE, credentials,
                                        cancellable, callback, user_data);
}

/**
 * amigo_keyring_add_account_full_async:
 * @self: the keyring
 * @name: the name people give the account; need not be unique
 * @region: the default region, e.g. `eu-west-1`
 * @endpoint: (nullable): a custom EC2 endpoint URL, or %NULL
 * @allow_plain_http: whether people allowed @endpoint to be `http://` on a
 *   host that is not this computer
 * @credentials: the keys to keep
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is saved; finish with
 *   amigo_keyring_add_account_finish()
 * @user_data: data for @callback
 *
 * Saves a new account under a fresh id, in the default collection, with
 * its plain-http consent in the same item.
 */
void
amigo_keyring_add_account_full_async (AmigoKeyring        *self,
                                      const char          *name,
                                      const char          *region,
                                      const char          *endpoint,
                                      gboolean             allow_plain_http,
                                      AmigoCredentials    *credentials,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  g_autoptr(AmigoKeyringAccount) account = NULL;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (credentials != NULL);

  task = _amigo_task_new_tagged (self, cancellable, callback, user_data, amigo_keyring_add_account_async);

  if (!validate_name (name, &clean_name, &error) ||
      !validate_location (region, endpoint, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  id = g_uuid_string_random ();
  account = amigo_keyring_account_new_full (id, clean_name, region, endpoint, !!allow_plain_http);
  self->store->vtable->add_account (self->store, g_steal_pointer (&task), account, credentials);
}

/**
 * amigo_keyring_add_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_KEYRING or %AMIGO_AWS_ERROR_INVALID_ARGUMENT error
 *
 * Returns: (transfer full): the new account's id, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, char *, amigo_keyring_add_account)

/* ---------------------------------------------------------------------- */
/* List                                                                    */

/**
 * amigo_keyring_list_accounts_async:
 * @self: the keyring
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the accounts
 * @user_data: data for @callback
 *
 * Lists Amigo's accounts, in every collection, without unlocking anything:
 * only the attributes are read.
 */
void
amigo_keyring_list_accounts_async (AmigoKeyring        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (AMIGO_IS_KEYRING (self));

  task = _amigo_task_new_tagged (self, cancellable, callback, user_data, amigo_keyring_list_accounts_async);
  self->store->vtable->list_accounts (self->store, task);
}

/**
 * amigo_keyring_list_accounts_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: (transfer full) (element-type AmigoKeyringAccount): the accounts,
 *   sorted by name, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, GPtrArray *, amigo_keyring_list_accounts)

/* ---------------------------------------------------------------------- */
/* Look up                                                                 */

/**
 * amigo_keyring_lookup_credentials_async:
 * @self: the keyring
 * @account_id: the account's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the credentials
 * @user_data: data for @callback
 *
 * Reads an account's keys; the keyring may ask people to unlock it.
 */
void
amigo_keyring_lookup_credentials_async (AmigoKeyring        *self,
                                        const char          *account_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task = account_task_new (self, account_id, cancellable, callback, user_data,
                                  amigo_keyring_lookup_credentials_async);

  if (task != NULL)
    self->store->vtable->lookup_credentials (self->store, task, account_id);
}

/**
 * amigo_keyring_lookup_credentials_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND or %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: (transfer full): the credentials, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, AmigoCredentials *, amigo_keyring_lookup_credentials)

/* ---------------------------------------------------------------------- */
/* Change: rename, region and endpoint, plain-http consent, credentials    */

/* A change of the account @account_id, for change_account_async() */
static AmigoKeyringChange *
change_new (const char *account_id)
{
  AmigoKeyringChange *change = g_new0 (AmigoKeyringChange, 1);

  change->account_id = g_strdup (account_id);
  return change;
}

/* Hands @change (taken) to the store, or fails at once with @error (taken)
 * when the new values did not validate. */
static void
change_account_async (AmigoKeyring        *self,
                      AmigoKeyringChange  *change,
                      GError              *error,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
  GTask *task = account_task_new (self, change->account_id, cancellable, callback, user_data,
                                  source_tag);

  if (task == NULL)
    {
      _amigo_keyring_change_free (change);
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    {
      _amigo_keyring_change_free (change);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  self->store->vtable->change_account (self->store, task, change);
}

/**
 * amigo_keyring_rename_account_async:
 * @self: the keyring
 * @account_id: the account's id
 * @name: the new name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is renamed
 * @user_data: data for @callback
 *
 * Renames an account: its attribute and its label. The keys stay; the
 * keyring may ask people to unlock it to copy them.
 */
void
amigo_keyring_rename_account_async (AmigoKeyring        *self,
                                    const char          *account_id,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmigoKeyringChange *d = change_new (account_id);
  GError *error = NULL;

  validate_name (name, &d->name, &error);
  change_account_async (self, d, error, cancellable, callback, user_data,
                        amigo_keyring_rename_account_async);
}

/**
 * amigo_keyring_rename_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND, %AMIGO_AWS_ERROR_KEYRING or
 *   %AMIGO_AWS_ERROR_INVALID_ARGUMENT error
 *
 * Returns: (transfer full): the account as it is now, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_rename_account)

/**
 * amigo_keyring_update_account_async:
 * @self: the keyring
 * @account_id: the account's id
 * @region: the new default region
 * @endpoint: (nullable): the new custom endpoint URL, or %NULL for AWS's own
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is changed
 * @user_data: data for @callback
 *
 * Changes an account's default region and endpoint; the keys stay.
 */
void
amigo_keyring_update_account_async (AmigoKeyring        *self,
                                    const char          *account_id,
                                    const char          *region,
                                    const char          *endpoint,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmigoKeyringChange *d = change_new (account_id);
  GError *error = NULL;

  d->set_location = TRUE;
  d->region = g_strdup (region);
  d->endpoint = (endpoint && *endpoint) ? g_strdup (endpoint) : NULL;
  validate_location (region, endpoint, &error);
  change_account_async (self, d, error, cancellable, callback, user_data,
                        amigo_keyring_update_account_async);
}

/**
 * amigo_keyring_update_account_finish:
 *
 * Finishes amigo_keyring_update_account_async(); the errors and the result
 * are those of amigo_keyring_rename_account_finish().
 *
 * Returns: (transfer full): the account as it is now, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_update_account)

/**
 * amigo_keyring_set_allow_plain_http_async:
 * @self: the keyring
 * @account_id: the account's id
 * @allow: whether the account's endpoint may be `http://` on a host that
 *   is not this computer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is changed
 * @user_data: data for @callback
 *
 * Records people's consent to send the account's requests (its keys'
 * signatures and the data) unencrypted to another host; the keys stay.
 */
void
amigo_keyring_set_allow_plain_http_async (AmigoKeyring        *self,
                                          const char          *account_id,
                                          gboolean             allow,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AmigoKeyringChange *d;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);

  d = change_new (account_id);
  d->set_allow_plain_http = TRUE;
  d->allow_plain_http = !!allow;
  change_account_async (self, d, NULL, cancellable, callback, user_data,
                        amigo_keyring_set_allow_plain_http_async);
}

/**
 * amigo_keyring_set_allow_plain_http_finish:
 *
 * Finishes amigo_keyring_set_allow_plain_http_async(); the errors and the
 * result are those of amigo_keyring_rename_account_finish().
 *
 * Returns: (transfer full): the account as it is now, or %NULL on error
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoKeyring, AmigoKeyringAccount *, amigo_keyring_set_allow_plain_http)

/**
 * amigo_keyring_set_credentials_async:
 * @self: the keyring
 * @account_id: the account's id
 * @credentials: the new keys
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keys are saved
 * @user_data: data for @callback
 *
 * Replaces an account's keys, e.g. after people rotated them.
 */
void
amigo_keyring_set_credentials_async (AmigoKeyring        *self,
                                     const char          *account_id,
                                     AmigoCredentials    *credentials,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmigoKeyringChange *d;

  g_return_if_fail (credentials != NULL);

  d = change_new (account_id);
  d->credentials = amigo_credentials_ref (credentials);
  change_account_async (self, d, NULL, cancellable, callback, user_data,
                        amigo_keyring_set_credentials_async);
}

/**
 * amigo_keyring_set_credentials_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND or %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: %TRUE if the keys were saved
 */
gboolean
amigo_keyring_set_credentials_finish (AmigoKeyring  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_autoptr(AmigoKeyringAccount) account = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  account = g_task_propagate_pointer (G_TASK (result), error);
  return account != NULL;
}

/* ---------------------------------------------------------------------- */
/* Delete                                                                  */

/**
 * amigo_keyring_delete_account_async:
 * @self: the keyring
 * @account_id: the account's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is gone
 * @user_data: data for @callback
 *
 * Removes an account and its keys from the keyring.
 */
void
amigo_keyring_delete_account_async (AmigoKeyring        *self,
                                    const char          *account_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = account_task_new (self, account_id, cancellable, callback, user_data,
                                  amigo_keyring_delete_account_async);

  if (task != NULL)
    self->store->vtable->delete_account (self->store, task, account_id);
}

/**
 * amigo_keyring_delete_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND or %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: %TRUE if the account was removed
 */
AMIGO_DEFINE_FINISH_BOOLEAN (AmigoKeyring, amigo_keyring_delete_account)

