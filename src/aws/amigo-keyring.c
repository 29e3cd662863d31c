/* amigo-keyring.c — accounts Amigo stores itself, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item per account, in the default collection of the Secret Service
 * (the Secret portal inside Flatpak: libsecret's secret_password_* API picks
 * the backend). The attributes hold what is not secret (id, name, region,
 * endpoint) so accounts can be listed without unlocking anything; the
 * secret is a small JSON document with the keys.
 *
 * Every item carries all four attributes, the endpoint being "" when there
 * is none. That makes an item's attribute set identify it exactly, which is
 * what lets a change (rename, new region) store the new item first and only
 * then clear the old one by its exact attributes: the secret is never out of
 * the keyring, and a crash in between leaves two copies rather than none.
 * Listing keeps the newest copy of an id; the next change clears the others.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "amigo-error.h"
#include "amigo-keyring.h"

#define SECRET_CONTENT_TYPE "text/plain"

struct _AmigoKeyringAccount
{
  GObject parent_instance;

  char *id;
  char *name;
  char *region;
  char *endpoint;               /* NULL when the default endpoint is used */
};

typedef struct
{
  AmigoKeyringAccount *account;
  AmigoCredentials *credentials;
} SessionEntry;

struct _AmigoKeyring
{
  GObject parent_instance;

  gboolean session_only;
  char *unavailable_reason;
  /* Session-only mode: account id → SessionEntry. Emptied (and the
   * credentials wiped) on dispose. */
  GHashTable *session_entries;
};

G_DEFINE_FINAL_TYPE (AmigoKeyringAccount, amigo_keyring_account, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (AmigoKeyring, amigo_keyring, G_TYPE_OBJECT)

enum {
  ACCOUNT_PROP_0,
  ACCOUNT_PROP_ID,
  ACCOUNT_PROP_NAME,
  ACCOUNT_PROP_REGION,
  ACCOUNT_PROP_ENDPOINT,
  ACCOUNT_N_PROPS
};

static GParamSpec *account_properties[ACCOUNT_N_PROPS];

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
      { NULL, 0 },
    }
  };

  return &schema;
}

/* ---------------------------------------------------------------------- */
/* AmigoKeyringAccount                                                     */

static void
amigo_keyring_account_finalize (GObject *object)
{
  AmigoKeyringAccount *self = AMIGO_KEYRING_ACCOUNT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->region);
  g_free (self->endpoint);

  G_OBJECT_CLASS (amigo_keyring_account_parent_class)->finalize (object);
}

static void
amigo_keyring_account_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmigoKeyringAccount *self = AMIGO_KEYRING_ACCOUNT (object);

  switch (prop_id)
    {
    case ACCOUNT_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ACCOUNT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ACCOUNT_PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case ACCOUNT_PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_keyring_account_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AmigoKeyringAccount *self = AMIGO_KEYRING_ACCOUNT (object);
  const char *str;

  switch (prop_id)
    {
    case ACCOUNT_PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case ACCOUNT_PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case ACCOUNT_PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case ACCOUNT_PROP_ENDPOINT:
      str = g_value_get_string (value);
      self->endpoint = (str && *str) ? g_strdup (str) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_keyring_account_class_init (AmigoKeyringAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = amigo_keyring_account_finalize;
  object_class->get_property = amigo_keyring_account_get_property;
  object_class->set_property = amigo_keyring_account_set_property;

  account_properties[ACCOUNT_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  account_properties[ACCOUNT_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  account_properties[ACCOUNT_PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, flags);
  account_properties[ACCOUNT_PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ACCOUNT_N_PROPS, account_properties);
}

static void
amigo_keyring_account_init (AmigoKeyringAccount *self)
{
}

/**
 * amigo_keyring_account_new:
 * @id: the account id
 * @name: the name people gave the account
 * @region: the default region, e.g. `eu-west-1`
 * @endpoint: (nullable): a custom EC2 endpoint URL, or %NULL (or "") for AWS's own
 *
 * Returns: (transfer full): a new account
 */
AmigoKeyringAccount *
amigo_keyring_account_new (const char *id,
                           const char *name,
                           const char *region,
                           const char *endpoint)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  return g_object_new (AMIGO_TYPE_KEYRING_ACCOUNT,
                       "id", id,
                       "name", name,
                       "region", region,
                       "endpoint", endpoint,
                       NULL);
}

/**
 * amigo_keyring_account_get_id:
 *
 * Returns: (transfer none): the id, a UUID made when the account was added
 */
const char *
amigo_keyring_account_get_id (AmigoKeyringAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (self), NULL);
  return self->id;
}

/**
 * amigo_keyring_account_get_name:
 *
 * Returns: (transfer none): the name people gave the account
 */
const char *
amigo_keyring_account_get_name (AmigoKeyringAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (self), NULL);
  return self->name;
}

/**
 * amigo_keyring_account_get_region:
 *
 * Returns: (transfer none): the default region
 */
const char *
amigo_keyring_account_get_region (AmigoKeyringAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (self), NULL);
  return self->region;
}

/**
 * amigo_keyring_account_get_endpoint:
 *
 * Returns: (transfer none) (nullable): the custom endpoint URL, or %NULL
 */
const char *
amigo_keyring_account_get_endpoint (AmigoKeyringAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (self), NULL);
  return self->endpoint;
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static void
session_entry_free (gpointer data)
{
  SessionEntry *entry = data;

  g_clear_object (&entry->account);
  g_clear_pointer (&entry->credentials, amigo_credentials_unref);
  g_free (entry);
}

/* NULL unless @member is there and a string: the document may have been
 * edited by another program. */
static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* json-glib copies the strings into its nodes and frees them without
 * wiping; wipe the secret members in place before the tree goes. */
static void
wipe_json_secrets (JsonNode *root)
{
  static const char * const members[] = { "SecretAccessKey", "SessionToken" };
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *str = get_string_member (object, members[i]);

      if (str != NULL)
        amigo_secure_wipe ((char *) str, strlen (str));
    }
}

static SecretValue *
credentials_to_secret (AmigoCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *token = amigo_credentials_get_session_token (credentials);
  gint64 expiration = amigo_credentials_get_expiration (credentials);
  char *json;
  SecretValue *value;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AccessKeyId");
  json_builder_add_string_value (builder, amigo_credentials_get_access_key_id (credentials));
  json_builder_set_member_name (builder, "SecretAccessKey");
  json_builder_add_string_value (builder, amigo_credentials_get_secret_access_key (credentials));
  if (token != NULL)
    {
      json_builder_set_member_name (builder, "SessionToken");
      json_builder_add_string_value (builder, token);
    }
  if (expiration != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (expiration);

      if (dt != NULL)
        {
          g_autofree char *iso = g_date_time_format_iso8601 (dt);

          json_builder_set_member_name (builder, "Expiration");
          json_builder_add_string_value (builder, iso);
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  wipe_json_secrets (root);

  /* Copies into libsecret's non-pageable memory. */
  value = secret_value_new (json, -1, SECRET_CONTENT_TYPE);
  amigo_secure_free_string (json);
  return value;
}

static AmigoCredentials *
credentials_from_secret (SecretValue  *value,
                         GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *data;
  gsize len = 0;
  const char *access_key_id;
  const char *secret_access_key;
  const char *session_token;
  const char *expiration_str;
  gint64 expiration = 0;
  AmigoCredentials *credentials = NULL;

  data = secret_value_get (value, &len);
  if (data == NULL || len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    goto unreadable;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto unreadable;
  object = json_node_get_object (root);

  access_key_id = get_string_member (object, "AccessKeyId");
  secret_access_key = get_string_member (object, "SecretAccessKey");
  session_token = get_string_member (object, "SessionToken");
  expiration_str = get_string_member (object, "Expiration");

  /* Optional members may be missing or null, not of another type. */
  if ((session_token == NULL && json_object_has_member (object, "SessionToken") &&
       !json_object_get_null_member (object, "SessionToken")) ||
      (expiration_str == NULL && json_object_has_member (object, "Expiration") &&
       !json_object_get_null_member (object, "Expiration")))
    goto unreadable;

  if (access_key_id == NULL || *access_key_id == '\0' ||
      secret_access_key == NULL || *secret_access_key == '\0')
    goto unreadable;

  if (expiration_str != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (expiration_str, NULL);

      if (dt == NULL)
        goto unreadable;
      expiration = g_date_time_to_unix (dt);
    }

  credentials = amigo_credentials_new (access_key_id, secret_access_key,
                                       session_token, expiration);
  wipe_json_secrets (root);
  return credentials;

unreadable:
  wipe_json_secrets (json_parser_get_root (parser));
  g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                       _("The keys of this account in the keyring cannot be read; "
                         "they may have been edited by another program. "
                         "Remove the account and add it again."));
  return NULL;
}

static char *
make_label (const char *name)
{
  /* Translators: the label of a keyring item, shown in Passwords and Keys
   * (Seahorse); %s is the name people gave the account. */
  return g_strdup_printf (_("Amigo AWS account “%s”"), name);
}

static GHashTable *
make_attributes (const char *id,
                 const char *name,
                 const char *region,
                 const char *endpoint)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_ACCOUNT_ID, g_strdup (id));
  g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_NAME, g_strdup (name));
  g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_REGION, g_strdup (region));
  g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_ENDPOINT,
                       g_strdup (endpoint ? endpoint : ""));
  return attributes;
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
  return make_attributes (account->id, account->name, account->region, account->endpoint);
}

/* NULL if the item is not a well-formed Amigo account. */
static AmigoKeyringAccount *
account_from_retrievable (SecretRetrievable *retrievable)
{
  g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (retrievable);
  const char *id, *name, *region, *endpoint;

  if (attributes == NULL)
    return NULL;
  id = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ACCOUNT_ID);
  name = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_NAME);
  region = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_REGION);
  endpoint = g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ENDPOINT);
  if (id == NULL || *id == '\0' || name == NULL || region == NULL)
    return NULL;
  return amigo_keyring_account_new (id, name, region, endpoint);
}

static gboolean
same_account (AmigoKeyringAccount *a,
              AmigoKeyringAccount *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->endpoint, b->endpoint) == 0;
}

/* By name as people read it: case-insensitive, in the locale's order. */
static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  AmigoKeyringAccount *aa = *(AmigoKeyringAccount * const *) a;
  AmigoKeyringAccount *bb = *(AmigoKeyringAccount * const *) b;
  g_autofree char *fa = g_utf8_casefold (aa->name, -1);
  g_autofree char *fb = g_utf8_casefold (bb->name, -1);
  g_autofree char *ka = g_utf8_collate_key (fa, -1);
  g_autofree char *kb = g_utf8_collate_key (fb, -1);
  int cmp = strcmp (ka, kb);

  /* Case apart, then as written, then by id: a stable order. */
  if (cmp == 0)
    cmp = g_utf8_collate (aa->name, bb->name);
  return cmp != 0 ? cmp : strcmp (aa->id, bb->id);
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

static GError *
not_found_error (void)
{
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND,
                              _("This account is no longer in the keyring; it may have "
                                "been removed in Passwords and Keys. Add it again."));
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
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_task_set_source_tag (task, amigo_keyring_is_available_async);
  secret_password_searchv (amigo_keyring_get_schema (), attributes, SECRET_SEARCH_NONE,
                           cancellable, probe_search_cb, g_steal_pointer (&task));
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
amigo_keyring_dispose (GObject *object)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  /* Unreffing the credentials wipes them. */
  if (self->session_entries != NULL)
    g_hash_table_remove_all (self->session_entries);

  G_OBJECT_CLASS (amigo_keyring_parent_class)->dispose (object);
}

static void
amigo_keyring_finalize (GObject *object)
{
  AmigoKeyring *self = AMIGO_KEYRING (object);

  g_clear_pointer (&self->session_entries, g_hash_table_unref);
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
  self->session_entries = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, session_entry_free);
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

static void
emit_changed (AmigoKeyring *self)
{
  g_signal_emit (self, signals[SIGNAL_ACCOUNTS_CHANGED], 0);
}

static void
return_account (GTask               *task,
                AmigoKeyringAccount *account)
{
  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
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
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, translate_error (error, _("The account could not be saved in the keyring")));
      return;
    }
  emit_changed (g_task_get_source_object (task));
  g_task_return_pointer (task, g_strdup (d->id), g_free);
}

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
 * Saves a new account under a fresh id, in the default collection.
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *label = NULL;
  AddData *d;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (credentials != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_add_account_async);

  if (!validate_name (name, &clean_name, &error) ||
      !validate_location (region, endpoint, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->session_only)
    {
      SessionEntry *entry = g_new0 (SessionEntry, 1);
      g_autofree char *id = g_uuid_string_random ();

      entry->account = amigo_keyring_account_new (id, clean_name, region, endpoint);
      entry->credentials = amigo_credentials_ref (credentials);
      g_hash_table_insert (self->session_entries, g_strdup (id), entry);
      emit_changed (self);
      g_task_return_pointer (task, g_steal_pointer (&id), g_free);
      return;
    }

  d = g_new0 (AddData, 1);
  d->id = g_uuid_string_random ();
  d->value = credentials_to_secret (credentials);
  g_task_set_task_data (task, d, add_data_free);

  attributes = make_attributes (d->id, clean_name, region, endpoint);
  label = make_label (clean_name);
  secret_password_storev_binary (amigo_keyring_get_schema (), attributes,
                                 SECRET_COLLECTION_DEFAULT, label, d->value,
                                 cancellable, add_store_cb, g_steal_pointer (&task));
}

/**
 * amigo_keyring_add_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_KEYRING or %AMIGO_AWS_ERROR_INVALID_ARGUMENT error
 *
 * Returns: (transfer full): the new account's id, or %NULL on error
 */
char *
amigo_keyring_add_account_finish (AmigoKeyring  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* List                                                                    */

/* The newest item of each account id wins; see the comment at the top. */
typedef struct
{
  AmigoKeyringAccount *account;
  guint64 modified;
} NewestItem;

static void
newest_item_free (gpointer data)
{
  NewestItem *item = data;

  g_object_unref (item->account);
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
      guint64 modified = secret_retrievable_get_modified (l->data);
      NewestItem *seen;

      if (account == NULL)
        continue;
      seen = g_hash_table_lookup (newest, account->id);
      if (seen == NULL)
        {
          seen = g_new0 (NewestItem, 1);
          seen->account = g_steal_pointer (&account);
          seen->modified = modified;
          g_hash_table_insert (newest, g_strdup (seen->account->id), seen);
        }
      else if (modified > seen->modified)
        {
          g_set_object (&seen->account, account);
          seen->modified = modified;
        }
    }

  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (accounts, g_object_ref (((NewestItem *) value)->account));

  g_ptr_array_sort (accounts, compare_accounts);
  return accounts;
}

static void
list_search_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, _("The accounts in the keyring could not be listed")));
      return;
    }
  g_task_return_pointer (task, accounts_from_items (items), (GDestroyNotify) g_ptr_array_unref);
  g_list_free_full (items, g_object_unref);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (AMIGO_IS_KEYRING (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_list_accounts_async);

  if (self->session_only)
    {
      GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->session_entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (accounts, g_object_ref (((SessionEntry *) value)->account));
      g_ptr_array_sort (accounts, compare_accounts);
      g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  secret_password_searchv (amigo_keyring_get_schema (), attributes, SECRET_SEARCH_ALL,
                           cancellable, list_search_cb, g_steal_pointer (&task));
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
GPtrArray *
amigo_keyring_list_accounts_finish (AmigoKeyring  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Look up                                                                 */

static void
lookup_exists_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error, _("The account’s keys could not be read from the keyring")));
  else if (items != NULL)
    /* It is there, yet its secret did not come back: the unlock prompt
     * was dismissed. */
    g_task_return_error (task, locked_error ());
  else
    g_task_return_error (task, not_found_error ());
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

  value = secret_password_lookup_binary_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, _("The account’s keys could not be read from the keyring")));
      return;
    }
  if (value == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      attributes = make_id_attributes (g_task_get_task_data (task));
      secret_password_searchv (amigo_keyring_get_schema (), attributes, SECRET_SEARCH_ALL,
                               cancellable, lookup_exists_cb, g_steal_pointer (&task));
      return;
    }

  credentials = credentials_from_secret (value, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_lookup_credentials_async);

  if (self->session_only)
    {
      SessionEntry *entry = g_hash_table_lookup (self->session_entries, account_id);

      if (entry == NULL)
        g_task_return_error (task, not_found_error ());
      else
        g_task_return_pointer (task, amigo_credentials_ref (entry->credentials),
                               (GDestroyNotify) amigo_credentials_unref);
      return;
    }

  g_task_set_task_data (task, g_strdup (account_id), g_free);
  attributes = make_id_attributes (account_id);
  secret_password_lookupv (amigo_keyring_get_schema (), attributes, cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

/**
 * amigo_keyring_lookup_credentials_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND or %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: (transfer full): the credentials, or %NULL on error
 */
AmigoCredentials *
amigo_keyring_lookup_credentials_finish (AmigoKeyring  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Change: rename, region and endpoint, credentials                        */

typedef struct
{
  char *account_id;
  char *name;                   /* NULL: keep */
  gboolean set_location;
  char *region;
  char *endpoint;
  AmigoCredentials *credentials; /* NULL: keep */

  AmigoKeyringAccount *current;
  AmigoKeyringAccount *updated;
  GPtrArray *stale;             /* AmigoKeyringAccount: items to clear after the store */
  SecretValue *value;
} ChangeData;

static void
change_data_free (gpointer data)
{
  ChangeData *d = data;

  g_free (d->account_id);
  g_free (d->name);
  g_free (d->region);
  g_free (d->endpoint);
  g_clear_pointer (&d->credentials, amigo_credentials_unref);
  g_clear_object (&d->current);
  g_clear_object (&d->updated);
  g_clear_pointer (&d->stale, g_ptr_array_unref);
  g_clear_pointer (&d->value, secret_value_unref);
  g_free (d);
}

static AmigoKeyringAccount *
apply_change (ChangeData          *d,
              AmigoKeyringAccount *current)
{
  return amigo_keyring_account_new (current->id,
                                    d->name ? d->name : current->name,
                                    d->set_location ? d->region : current->region,
                                    d->set_location ? d->endpoint : current->endpoint);
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
  g_autoptr(AmigoKeyringAccount) stale = NULL;

  if (d->stale->len == 0)
    {
      emit_changed (g_task_get_source_object (task));
      return_account (task, d->updated);
      g_object_unref (task);
      return;
    }

  stale = g_ptr_array_steal_index (d->stale, d->stale->len - 1);
  attributes = account_to_attributes (stale);
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
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, translate_error (error, _("The change could not be saved in the keyring")));
      return;
    }
  change_clear_next (g_steal_pointer (&task));
}

static void
change_store (GTask *task)
{
  ChangeData *d = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = account_to_attributes (d->updated);
  g_autofree char *label = make_label (d->updated->name);

  secret_password_storev_binary (amigo_keyring_get_schema (), attributes,
                                 SECRET_COLLECTION_DEFAULT, label, d->value,
                                 g_task_get_cancellable (task), change_store_cb, task);
}

static void
change_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->value = secret_password_lookup_binary_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, _("The account’s keys could not be read from the keyring")));
      return;
    }
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
  GError *error = NULL;
  GList *items;
  guint64 newest = 0;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, _("The account could not be found in the keyring")));
      return;
    }

  d->stale = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = items; l != NULL; l = l->next)
    {
      AmigoKeyringAccount *account = account_from_retrievable (l->data);
      guint64 when = secret_retrievable_get_modified (l->data);

      if (account == NULL)
        continue;
      if (d->current == NULL || when > newest)
        {
          g_set_object (&d->current, account);
          newest = when;
        }
      g_ptr_array_add (d->stale, account);
    }
  g_list_free_full (items, g_object_unref);

  if (d->current == NULL)
    {
      g_task_return_error (task, not_found_error ());
      return;
    }

  d->updated = apply_change (d, d->current);

  /* Storing with the same attributes replaces the item in place; every
   * other copy is cleared once the new one is saved. */
  for (guint i = d->stale->len; i > 0; i--)
    if (same_account (g_ptr_array_index (d->stale, i - 1), d->updated))
      g_ptr_array_remove_index (d->stale, i - 1);

  if (d->credentials != NULL)
    {
      d->value = credentials_to_secret (d->credentials);
      change_store (g_steal_pointer (&task));
    }
  else
    {
      g_autoptr(GHashTable) attributes = account_to_attributes (d->current);
      GCancellable *cancellable = g_task_get_cancellable (task);

      secret_password_lookupv (amigo_keyring_get_schema (), attributes, cancellable,
                               change_lookup_cb, g_steal_pointer (&task));
    }
}

static void
change_account (AmigoKeyring *self,
                GTask        *task,
                ChangeData   *d)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_task_set_task_data (task, d, change_data_free);

  if (self->session_only)
    {
      SessionEntry *entry = g_hash_table_lookup (self->session_entries, d->account_id);
      AmigoKeyringAccount *updated;

      if (entry == NULL)
        {
          g_task_return_error (task, not_found_error ());
          g_object_unref (task);
          return;
        }
      updated = apply_change (d, entry->account);
      g_set_object (&entry->account, updated);
      g_object_unref (updated);
      if (d->credentials != NULL)
        {
          g_clear_pointer (&entry->credentials, amigo_credentials_unref);
          entry->credentials = amigo_credentials_ref (d->credentials);
        }
      emit_changed (self);
      return_account (task, entry->account);
      g_object_unref (task);
      return;
    }

  attributes = make_id_attributes (d->account_id);
  secret_password_searchv (amigo_keyring_get_schema (), attributes, SECRET_SEARCH_ALL,
                           g_task_get_cancellable (task), change_search_cb, task);
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
  GTask *task;
  GError *error = NULL;
  ChangeData *d;
  char *clean_name = NULL;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_rename_account_async);

  if (!validate_name (name, &clean_name, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  d = g_new0 (ChangeData, 1);
  d->account_id = g_strdup (account_id);
  d->name = clean_name;
  change_account (self, task, d);
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
AmigoKeyringAccount *
amigo_keyring_rename_account_finish (AmigoKeyring  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

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
  GTask *task;
  GError *error = NULL;
  ChangeData *d;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_update_account_async);

  if (!validate_location (region, endpoint, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  d = g_new0 (ChangeData, 1);
  d->account_id = g_strdup (account_id);
  d->set_location = TRUE;
  d->region = g_strdup (region);
  d->endpoint = (endpoint && *endpoint) ? g_strdup (endpoint) : NULL;
  change_account (self, task, d);
}

/**
 * amigo_keyring_update_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND, %AMIGO_AWS_ERROR_KEYRING or
 *   %AMIGO_AWS_ERROR_INVALID_ARGUMENT error
 *
 * Returns: (transfer full): the account as it is now, or %NULL on error
 */
AmigoKeyringAccount *
amigo_keyring_update_account_finish (AmigoKeyring  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

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
  GTask *task;
  ChangeData *d;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (credentials != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_set_credentials_async);

  d = g_new0 (ChangeData, 1);
  d->account_id = g_strdup (account_id);
  d->credentials = amigo_credentials_ref (credentials);
  change_account (self, task, d);
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
        g_task_return_error (task, not_found_error ());
      return;
    }
  emit_changed (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (AMIGO_IS_KEYRING (self));
  g_return_if_fail (account_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_keyring_delete_account_async);

  if (self->session_only)
    {
      if (g_hash_table_remove (self->session_entries, account_id))
        {
          emit_changed (self);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, not_found_error ());
      return;
    }

  attributes = make_id_attributes (account_id);
  secret_password_clearv (amigo_keyring_get_schema (), attributes, cancellable,
                          delete_clear_cb, g_steal_pointer (&task));
}

/**
 * amigo_keyring_delete_account_finish:
 * @self: the keyring
 * @result: the result
 * @error: an %AMIGO_AWS_ERROR_NOT_FOUND or %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: %TRUE if the account was removed
 */
gboolean
amigo_keyring_delete_account_finish (AmigoKeyring  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
