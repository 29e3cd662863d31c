/* test-keyring.c — AmigoKeyring against a real keyring, and in session-only mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through tests/run-with-keyring.sh, which gives the program a private
 * session bus, a gnome-keyring-daemon of its own (or libsecret's file
 * backend with --file-backend) and temporary HOME/XDG directories. Run
 * directly, the cases that need a keyring skip themselves, so the user's own
 * keyring is never written to.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "amigo-error.h"
#include "amigo-keyring.h"
#include "amigo-test-tool.h"

typedef enum {
  MODE_KEYRING,
  MODE_SESSION_ONLY,
} Mode;

typedef struct
{
  Mode mode;
  AmigoKeyring *keyring;
  guint changed;
} Fixture;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static gboolean
have_private_keyring (void)
{
  return g_getenv ("AMIGO_TEST_PRIVATE_KEYRING") != NULL;
}

static gboolean
using_gnome_keyring (void)
{
  return g_strcmp0 (g_getenv ("AMIGO_TEST_KEYRING_BACKEND"), "service") == 0;
}

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Iterates the main context until the callback gave a result. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static char *
add_account (AmigoKeyring      *keyring,
             const char        *name,
             const char        *region,
             const char        *endpoint,
             AmigoCredentials  *credentials,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_add_account_async (keyring, name, region, endpoint, credentials,
                                   NULL, on_ready_cb, &result);
  return amigo_keyring_add_account_finish (keyring, wait_for (&result), error);
}

static GPtrArray *
list_accounts (AmigoKeyring *keyring)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  amigo_keyring_list_accounts_async (keyring, NULL, on_ready_cb, &result);
  accounts = amigo_keyring_list_accounts_finish (keyring, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
  return accounts;
}

static AmigoCredentials *
lookup (AmigoKeyring  *keyring,
        const char    *id,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_lookup_credentials_async (keyring, id, NULL, on_ready_cb, &result);
  return amigo_keyring_lookup_credentials_finish (keyring, wait_for (&result), error);
}

static AmigoKeyringAccount *
rename_account (AmigoKeyring  *keyring,
                const char    *id,
                const char    *name,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_rename_account_async (keyring, id, name, NULL, on_ready_cb, &result);
  return amigo_keyring_rename_account_finish (keyring, wait_for (&result), error);
}

static AmigoKeyringAccount *
update_account (AmigoKeyring  *keyring,
                const char    *id,
                const char    *region,
                const char    *endpoint,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_update_account_async (keyring, id, region, endpoint, NULL, on_ready_cb, &result);
  return amigo_keyring_update_account_finish (keyring, wait_for (&result), error);
}

static gboolean
set_credentials (AmigoKeyring      *keyring,
                 const char        *id,
                 AmigoCredentials  *credentials,
                 GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_set_credentials_async (keyring, id, credentials, NULL, on_ready_cb, &result);
  return amigo_keyring_set_credentials_finish (keyring, wait_for (&result), error);
}

static AmigoKeyringAccount *
set_allow_plain_http (AmigoKeyring  *keyring,
                      const char    *id,
                      gboolean       allow,
                      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_set_allow_plain_http_async (keyring, id, allow, NULL, on_ready_cb, &result);
  return amigo_keyring_set_allow_plain_http_finish (keyring, wait_for (&result), error);
}

static AmigoKeyringAccount *
only_account (AmigoKeyring *keyring)
{
  g_autoptr(GPtrArray) accounts = list_accounts (keyring);

  g_assert_cmpuint (accounts->len, ==, 1);
  return g_object_ref (g_ptr_array_index (accounts, 0));
}

static gboolean
delete_account (AmigoKeyring  *keyring,
                const char    *id,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_keyring_delete_account_async (keyring, id, NULL, on_ready_cb, &result);
  return amigo_keyring_delete_account_finish (keyring, wait_for (&result), error);
}

static AmigoKeyringAccount *
find_account (GPtrArray  *accounts,
              const char *id)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      AmigoKeyringAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (amigo_keyring_account_get_id (account), id) == 0)
        return account;
    }
  return NULL;
}

/* Fresh, recognisable values, so a scan of the disk cannot match anything
 * but what this run stored. */
static char *
random_secret (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (prefix, uuid, NULL);
}

static AmigoCredentials *
make_credentials (gboolean with_token)
{
  g_autofree char *secret = random_secret ("wJalrXUtnFEMI/K7MDENG+bPxRfiCY=");
  g_autofree char *token = random_secret ("IQoJb3JpZ2luX2VjEHwaCXVzLWVhc3QtMSJHMEUCIQ/+=");

  return amigo_credentials_new ("AKIAIOSFODNN7EXAMPLE", secret,
                                with_token ? token : NULL, 0);
}

static void
assert_same_credentials (AmigoCredentials *a,
                         AmigoCredentials *b)
{
  g_assert_cmpstr (amigo_credentials_get_access_key_id (a), ==, amigo_credentials_get_access_key_id (b));
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (a), ==, amigo_credentials_get_secret_access_key (b));
  g_assert_cmpstr (amigo_credentials_get_session_token (a), ==, amigo_credentials_get_session_token (b));
  g_assert_cmpint (amigo_credentials_get_expiration (a), ==, amigo_credentials_get_expiration (b));
}

static void
assert_lookup_equals (AmigoKeyring     *keyring,
                      const char       *id,
                      AmigoCredentials *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) found = lookup (keyring, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  assert_same_credentials (found, expected);
}

/* The raw items of the schema, straight from libsecret. */
static GList *
raw_items (const char *id)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  if (id != NULL)
    g_hash_table_insert (attributes, (gpointer) AMIGO_KEYRING_ATTR_ACCOUNT_ID, (gpointer) id);
  /* Not secret_password_searchv_sync(): its private main context is
   * dropped with libsecret's item proxies half made, which leaks them. */
  secret_password_searchv (amigo_keyring_get_schema (), attributes, SECRET_SEARCH_ALL,
                           NULL, on_ready_cb, &result);
  items = secret_password_search_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return items;
}

static void
on_accounts_changed_cb (AmigoKeyring *keyring,
                        Fixture      *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->mode = GPOINTER_TO_INT (data);

  if (fixture->mode == MODE_SESSION_ONLY)
    fixture->keyring = amigo_keyring_new_session_only ("tests");
  else
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      if (!have_private_keyring ())
        return;
      amigo_keyring_new_async (NULL, on_ready_cb, &result);
      fixture->keyring = amigo_keyring_new_finish (wait_for (&result), &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->keyring);
      g_assert_false (amigo_keyring_get_session_only (fixture->keyring));
      g_assert_null (amigo_keyring_get_unavailable_reason (fixture->keyring));
    }
  g_signal_connect (fixture->keyring, "accounts-changed",
                    G_CALLBACK (on_accounts_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Each case starts from an empty keyring. */
  if (fixture->mode == MODE_KEYRING && fixture->keyring != NULL)
    {
      g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

      secret_password_clearv_sync (amigo_keyring_get_schema (), attributes, NULL, NULL);
    }
  g_clear_object (&fixture->keyring);
}

/* FALSE (and the case skipped) when there is no private keyring. */
static gboolean
fixture_ready (Fixture *fixture)
{
  if (fixture->keyring == NULL)
    {
      g_test_skip ("needs a private keyring: run through tests/run-with-keyring.sh");
      return FALSE;
    }
  return TRUE;
}

/* In the keyring (not the session-only mode): the account is @n raw items. */
static void
assert_item_count (Fixture    *fixture,
                   const char *id,
                   guint       n)
{
  GList *items;

  if (fixture->mode != MODE_KEYRING)
    return;
  items = raw_items (id);
  g_assert_cmpuint (g_list_length (items), ==, n);
  g_list_free_full (items, g_object_unref);
}

/* The raw secret of the account's item, straight from libsecret. */
static SecretValue *
raw_secret (const char *id)
{
  g_autoptr(GHashTable) attributes = secret_attributes_build (amigo_keyring_get_schema (),
                                                              AMIGO_KEYRING_ATTR_ACCOUNT_ID, id,
                                                              NULL);
  g_autoptr(GError) error = NULL;
  SecretValue *value = secret_password_lookupv_binary_sync (amigo_keyring_get_schema (), attributes,
                                                            NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value;
}

/* ---------------------------------------------------------------------- */
/* Cases for both modes                                                    */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char name[] = "Prod – Zürich 東京 \"quoted\"";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  AmigoKeyringAccount *account;

  if (!fixture_ready (fixture))
    return;

  /* Characters JSON must escape, a non-ASCII one, and an expiry. */
  secret = random_secret ("s3cr\"et\\/+=é");
  token = random_secret ("FwoGZXIvYXdzE\"\\\n");
  credentials = amigo_credentials_new ("ASIAIOSFODNN7EXAMPLE", secret, token, 1893456000);

  id = add_account (fixture->keyring, name, "eu-central-2", NULL, credentials, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpuint (fixture->changed, ==, 1);

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (amigo_keyring_account_get_id (account), ==, id);
  g_assert_cmpstr (amigo_keyring_account_get_name (account), ==, name);
  g_assert_cmpstr (amigo_keyring_account_get_region (account), ==, "eu-central-2");
  g_assert_null (amigo_keyring_account_get_endpoint (account));

  assert_lookup_equals (fixture->keyring, id, credentials);
}

static void
test_long_term_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (FALSE);
  g_autoptr(AmigoCredentials) found = NULL;
  g_autofree char *id = NULL;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "dev", "us-east-1", "http://127.0.0.1:5000",
                    credentials, &error);
  g_assert_no_error (error);

  found = lookup (fixture->keyring, id, &error);
  g_assert_no_error (error);
  g_assert_null (amigo_credentials_get_session_token (found));
  g_assert_cmpint (amigo_credentials_get_expiration (found), ==, 0);
  assert_same_credentials (found, credentials);
}

static void
test_list_sorted (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const names[] = { "Gamma", "alpha", "Beta" };
  static const char * const sorted[] = { "alpha", "Beta", "Gamma" };
  g_autoptr(AmigoCredentials) credentials = make_credentials (FALSE);
  g_autoptr(GPtrArray) accounts = NULL;

  if (!fixture_ready (fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = add_account (fixture->keyring, names[i], "eu-west-1", NULL,
                                         credentials, &error);

      g_assert_no_error (error);
    }

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (amigo_keyring_account_get_name (g_ptr_array_index (accounts, i)), ==, sorted[i]);
}

static void
test_rename_keeps_secret (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(AmigoKeyringAccount) renamed = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;
  AmigoKeyringAccount *account;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "staging", "eu-west-3", "https://ec2.example.com",
                    credentials, &error);
  g_assert_no_error (error);

  renamed = rename_account (fixture->keyring, id, "  Staging (Paris) ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_keyring_account_get_id (renamed), ==, id);
  g_assert_cmpstr (amigo_keyring_account_get_name (renamed), ==, "Staging (Paris)");
  g_assert_cmpstr (amigo_keyring_account_get_region (renamed), ==, "eu-west-3");
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (renamed), ==, "https://ec2.example.com");
  g_assert_cmpuint (fixture->changed, ==, 2);

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (amigo_keyring_account_get_id (account), ==, id);
  g_assert_cmpstr (amigo_keyring_account_get_name (account), ==, "Staging (Paris)");
  assert_lookup_equals (fixture->keyring, id, credentials);

  /* Renaming to the same name changes nothing and loses nothing. */
  g_clear_object (&renamed);
  renamed = rename_account (fixture->keyring, id, "Staging (Paris)", &error);
  g_assert_no_error (error);
  assert_lookup_equals (fixture->keyring, id, credentials);

  if (fixture->mode == MODE_KEYRING)
    {
      GList *items = raw_items (id);
      g_autofree char *label = NULL;

      /* One item: the old one was cleared, with the new label. */
      g_assert_cmpuint (g_list_length (items), ==, 1);
      label = secret_retrievable_get_label (items->data);
      g_assert_cmpstr (label, ==, "Amigo AWS account “Staging (Paris)”");
      g_list_free_full (items, g_object_unref);
    }
}

static void
test_update_location (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(AmigoKeyringAccount) updated = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;
  AmigoKeyringAccount *account;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "lab", "us-east-1", NULL, credentials, &error);
  g_assert_no_error (error);

  updated = update_account (fixture->keyring, id, "ap-southeast-2", "http://127.0.0.1:5000", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_keyring_account_get_name (updated), ==, "lab");
  g_assert_cmpstr (amigo_keyring_account_get_region (updated), ==, "ap-southeast-2");
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (updated), ==, "http://127.0.0.1:5000");

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (amigo_keyring_account_get_region (account), ==, "ap-southeast-2");
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (account), ==, "http://127.0.0.1:5000");
  assert_lookup_equals (fixture->keyring, id, credentials);

  /* Back to AWS's own endpoint. */
  g_clear_object (&updated);
  updated = update_account (fixture->keyring, id, "ap-southeast-2", NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_null (amigo_keyring_account_get_endpoint (g_ptr_array_index (accounts, 0)));
  assert_lookup_equals (fixture->keyring, id, credentials);

  assert_item_count (fixture, id, 1);
}

static void
test_set_credentials (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) old_keys = make_credentials (FALSE);
  g_autoptr(AmigoCredentials) new_keys = make_credentials (TRUE);
  g_autofree char *id = NULL;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "rotated", "sa-east-1", NULL, old_keys, &error);
  g_assert_no_error (error);
  g_assert_true (set_credentials (fixture->keyring, id, new_keys, &error));
  g_assert_no_error (error);
  assert_lookup_equals (fixture->keyring, id, new_keys);

  assert_item_count (fixture, id, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(AmigoCredentials) found = NULL;
  g_autoptr(AmigoKeyringAccount) renamed = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "temporary", "eu-north-1", NULL, credentials, &error);
  g_assert_no_error (error);

  g_assert_true (delete_account (fixture->keyring, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 2);

  found = lookup (fixture->keyring, id, &error);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 0);

  g_assert_false (delete_account (fixture->keyring, id, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  renamed = rename_account (fixture->keyring, id, "back", &error);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
  g_assert_null (renamed);
  g_assert_cmpuint (fixture->changed, ==, 2);
}

static void
test_same_name_distinct (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) first = make_credentials (FALSE);
  g_autoptr(AmigoCredentials) second = make_credentials (TRUE);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) remaining = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;

  if (!fixture_ready (fixture))
    return;

  id1 = add_account (fixture->keyring, "work", "eu-west-1", NULL, first, &error);
  g_assert_no_error (error);
  id2 = add_account (fixture->keyring, "work", "eu-west-1", NULL, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id1, !=, id2);

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_nonnull (find_account (accounts, id1));
  g_assert_nonnull (find_account (accounts, id2));

  assert_lookup_equals (fixture->keyring, id1, first);
  assert_lookup_equals (fixture->keyring, id2, second);

  g_assert_true (delete_account (fixture->keyring, id1, &error));
  g_assert_no_error (error);
  remaining = list_accounts (fixture->keyring);
  g_assert_cmpuint (remaining->len, ==, 1);
  g_assert_nonnull (find_account (remaining, id2));
  assert_lookup_equals (fixture->keyring, id2, second);
}

static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *region;
    const char *endpoint;
  } cases[] = {
    { "", "eu-west-1", NULL },
    { "   ", "eu-west-1", NULL },
    { "ok", "", NULL },
    { "ok", "eu west 1", NULL },
    { "ok", "eu-west-1", "ec2.example.com" },
    { "ok", "eu-west-1", "ftp://ec2.example.com" },
    { "ok", "eu-west-1", "http://" },
  };
  g_autoptr(AmigoCredentials) credentials = make_credentials (FALSE);
  g_autoptr(GPtrArray) accounts = NULL;

  if (!fixture_ready (fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = add_account (fixture->keyring, cases[i].name, cases[i].region,
                                         cases[i].endpoint, credentials, &error);

      g_test_message ("case %u: “%s” “%s” “%s”", i, cases[i].name, cases[i].region,
                      cases[i].endpoint ? cases[i].endpoint : "(null)");
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
      g_assert_null (id);
    }

  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 0);
  g_assert_cmpuint (fixture->changed, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Cases that look inside the real keyring                                 */

static void
test_secret_not_in_attributes (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const allowed[] = {
    AMIGO_KEYRING_ATTR_ACCOUNT_ID, AMIGO_KEYRING_ATTR_NAME, AMIGO_KEYRING_ATTR_REGION,
    AMIGO_KEYRING_ATTR_ENDPOINT, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP, "xdg:schema", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = NULL;
  const char *secret = amigo_credentials_get_secret_access_key (credentials);
  const char *token = amigo_credentials_get_session_token (credentials);
  const char *key_id = amigo_credentials_get_access_key_id (credentials);
  JsonObject *object;
  GList *items;
  const char *payload;
  gsize len;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "audited", "eu-west-1", "https://ec2.example.com",
                    credentials, &error);
  g_assert_no_error (error);

  items = raw_items (NULL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      g_autofree char *label = secret_retrievable_get_label (l->data);
      GHashTableIter iter;
      gpointer k, v;

      /* libsecret's file backend keeps no schema attribute: the file is
       * the application's own. */
      if (using_gnome_keyring () || g_hash_table_contains (attributes, "xdg:schema"))
        g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, AMIGO_KEYRING_SCHEMA_NAME);
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ACCOUNT_ID), ==, id);
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_NAME), ==, "audited");
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_REGION), ==, "eu-west-1");
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ENDPOINT), ==, "https://ec2.example.com");
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP), ==, "false");

      g_hash_table_iter_init (&iter, attributes);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          g_assert_true (g_strv_contains (allowed, k));
          g_assert_null (strstr (v, secret));
          g_assert_null (strstr (v, token));
          g_assert_null (strstr (v, key_id));
        }
      g_assert_null (strstr (label, secret));
      g_assert_cmpstr (label, ==, "Amigo AWS account “audited”");
    }
  g_list_free_full (items, g_object_unref);

  /* The secret is the documented JSON document, so other tools (and later
   * versions) can read it. */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (by_id, (gpointer) AMIGO_KEYRING_ATTR_ACCOUNT_ID, id);
  value = secret_password_lookupv_binary_sync (amigo_keyring_get_schema (), by_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpstr (secret_value_get_content_type (value), ==, "text/plain");
  payload = secret_value_get (value, &len);
  g_assert_true (json_parser_load_from_data (parser, payload, len, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "AccessKeyId"), ==, key_id);
  g_assert_cmpstr (json_object_get_string_member (object, "SecretAccessKey"), ==, secret);
  g_assert_cmpstr (json_object_get_string_member (object, "SessionToken"), ==, token);
}

static void
test_default_collection (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (FALSE);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autofree char *id = NULL;
  GList *items;
  gboolean found = FALSE;

  if (!fixture_ready (fixture))
    return;
  if (!using_gnome_keyring ())
    {
      g_test_skip ("collections belong to the Secret Service, not the file backend");
      return;
    }

  id = add_account (fixture->keyring, "where", "eu-west-1", NULL, credentials, &error);
  g_assert_no_error (error);

  /* The item went, with no prompt, to the "default" alias, which
   * gnome-keyring --unlock points at the unlocked "login" collection. */
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_LOAD_ITEMS, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_cmpstr (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)), ==,
                   "/org/freedesktop/secrets/collection/login");
  g_assert_false (secret_collection_get_locked (collection));

  items = secret_collection_get_items (collection);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_item_get_attributes (l->data);

      if (g_strcmp0 (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ACCOUNT_ID), id) == 0)
        found = TRUE;
    }
  g_list_free_full (items, g_object_unref);
  g_assert_true (found);
}

typedef struct
{
  const char * const *needles;
  guint files;
  guint regular_files;
  GPtrArray *hits;              /* paths */
  const char *must_see;         /* a path the walk has to reach */
  gboolean saw_must_see;
} Scan;

static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
scan_dir (Scan       *scan,
          const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      struct stat st;

      if (lstat (child, &st) != 0)
        continue;
      scan->files++;
      if (S_ISDIR (st.st_mode))
        scan_dir (scan, child);
      else if (S_ISREG (st.st_mode))
        {
          g_autofree char *contents = NULL;
          gsize len = 0;

          scan->regular_files++;
          if (g_strcmp0 (child, scan->must_see) == 0)
            scan->saw_must_see = TRUE;
          if (!g_file_get_contents (child, &contents, &len, NULL))
            continue;
          for (guint i = 0; scan->needles[i] != NULL; i++)
            if (contains (contents, len, scan->needles[i]))
              g_ptr_array_add (scan->hits, g_strdup (child));
        }
    }
}

/* Every file the test environment could write to. */
static void
scan_sandbox (Scan *scan)
{
  static const char * const vars[] = {
    "AMIGO_TEST_PRIVATE_KEYRING", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TMPDIR",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *dir = g_getenv (vars[i]);

      if (dir != NULL && *dir != '\0')
        scan_dir (scan, dir);
    }
  scan_dir (scan, g_get_tmp_dir ());
}

static void
test_no_plaintext_on_disk (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *canary = NULL;
  g_autofree char *canary_path = NULL;
  const char *keyring_file = g_getenv ("AMIGO_TEST_KEYRING_FILE");
  const char *needles[3];
  const char *canary_needles[2];
  gsize before_len = 0, after_len = 0;
  Scan scan = { 0 };

  if (!fixture_ready (fixture))
    return;
  g_assert_nonnull (keyring_file);

  if (!g_file_get_contents (keyring_file, &before, &before_len, NULL))
    before_len = 0;

  id = add_account (fixture->keyring, "on-disk", "eu-west-1", NULL, credentials, &error);
  g_assert_no_error (error);

  /* The walk itself finds what is there: a file holding a marker. */
  canary = random_secret ("amigo-canary-");
  canary_path = g_build_filename (g_get_tmp_dir (), "canary", NULL);
  g_assert_true (g_file_set_contents (canary_path, canary, -1, &error));
  canary_needles[0] = canary;
  canary_needles[1] = NULL;
  scan.needles = canary_needles;
  scan.hits = hits;
  scan_sandbox (&scan);
  g_assert_cmpuint (hits->len, >, 0);
  g_assert_cmpint (g_unlink (canary_path), ==, 0);

  /* The keyring wrote the item out, encrypted. */
  g_assert_true (g_file_get_contents (keyring_file, &after, &after_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after_len, >, 0);
  g_assert_false (before_len == after_len && memcmp (before, after, after_len) == 0);

  needles[0] = amigo_credentials_get_secret_access_key (credentials);
  needles[1] = amigo_credentials_get_session_token (credentials);
  needles[2] = NULL;
  g_ptr_array_set_size (hits, 0);
  scan = (Scan) { .needles = needles, .hits = hits, .must_see = keyring_file };
  scan_sandbox (&scan);
  g_test_message ("scanned %u regular files", scan.regular_files);
  g_assert_true (scan.saw_must_see);
  for (guint i = 0; i < hits->len; i++)
    g_test_message ("secret found in %s", (char *) g_ptr_array_index (hits, i));
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_duplicate_copies_repaired (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(AmigoKeyringAccount) renamed = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;

  if (!fixture_ready (fixture))
    return;

  id = add_account (fixture->keyring, "before", "eu-west-1", NULL, credentials, &error);
  g_assert_no_error (error);

  /* What a rename interrupted between its store and its clear leaves: a
   * second item with the same id and secret, under another name. */
  attributes = secret_attributes_build (amigo_keyring_get_schema (),
                                        AMIGO_KEYRING_ATTR_ACCOUNT_ID, id,
                                        AMIGO_KEYRING_ATTR_NAME, "after",
                                        AMIGO_KEYRING_ATTR_REGION, "eu-west-1",
                                        AMIGO_KEYRING_ATTR_ENDPOINT, "",
                                        NULL);
  value = secret_password_lookupv_binary_sync (amigo_keyring_get_schema (), attributes, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_hash_table_replace (attributes, g_strdup (AMIGO_KEYRING_ATTR_NAME), g_strdup ("before"));
  value = secret_password_lookupv_binary_sync (amigo_keyring_get_schema (), attributes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_hash_table_replace (attributes, g_strdup (AMIGO_KEYRING_ATTR_NAME), g_strdup ("after"));
  g_assert_true (secret_password_storev_binary_sync (amigo_keyring_get_schema (), attributes,
                                                     SECRET_COLLECTION_DEFAULT, "copy", value,
                                                     NULL, &error));
  g_assert_no_error (error);
  assert_item_count (fixture, id, 2);

  /* Listing shows the account once. */
  accounts = list_accounts (fixture->keyring);
  g_assert_cmpuint (accounts->len, ==, 1);

  /* The next change leaves a single item, with the secret intact. */
  renamed = rename_account (fixture->keyring, id, "final", &error);
  g_assert_no_error (error);
  assert_item_count (fixture, id, 1);
  assert_lookup_equals (fixture->keyring, id, credentials);
}

/* A change to an account with the consent to plain http, and what
 * follows: the consent in the answer and in the listing (and the name in
 * the answer, when set), the keys unchanged. */
typedef enum {
  CONSENT_RENAME,               /* to @value */
  CONSENT_UPDATE,               /* to region @value, endpoint @endpoint */
  CONSENT_SET,                  /* given (@allow) or withdrawn */
} ConsentChange;

typedef struct {
  ConsentChange change;
  const char *value;
  const char *endpoint;
  gboolean allow;
  const char *name;
} ConsentStep;

static void
run_consent_steps (Fixture           *fixture,
                   const char        *id,
                   AmigoCredentials  *credentials,
                   const ConsentStep *steps,
                   guint              n_steps,
                   const guint       *changes_after)
{
  for (guint i = 0; i < n_steps; i++)
    {
      const ConsentStep *step = &steps[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AmigoKeyringAccount) changed = NULL;
      g_autoptr(AmigoKeyringAccount) listed = NULL;

      if (step->change == CONSENT_RENAME)
        changed = rename_account (fixture->keyring, id, step->value, &error);
      else if (step->change == CONSENT_UPDATE)
        changed = update_account (fixture->keyring, id, step->value, step->endpoint, &error);
      else
        changed = set_allow_plain_http (fixture->keyring, id, step->allow, &error);
      g_assert_no_error (error);
      g_assert_cmpint (amigo_keyring_account_get_allow_plain_http (changed), ==, step->allow);
      if (step->name != NULL)
        g_assert_cmpstr (amigo_keyring_account_get_name (changed), ==, step->name);
      listed = only_account (fixture->keyring);
      g_assert_cmpint (amigo_keyring_account_get_allow_plain_http (listed), ==, step->allow);
      assert_lookup_equals (fixture->keyring, id, credentials);
      if (changes_after != NULL && changes_after[i] > 0)
        g_assert_cmpuint (fixture->changed, ==, changes_after[i]);
    }
}

/* The consent to an http:// endpoint on another host is stored with the
 * account, comes back when listing, survives other changes and is kept in
 * the attributes, never in the secret. */
static void
test_plain_http_consent (Fixture       *fixture,
                         gconstpointer  data)
{
  static const ConsentStep steps[] = {
    /* A rename and a new region keep it. */
    { CONSENT_RENAME, "lab 2", NULL, TRUE },
    { CONSENT_UPDATE, "eu-west-1", "http://192.0.2.10:5000", TRUE },
    /* Withdrawn, then given again: the keys stay. */
    { CONSENT_SET, NULL, NULL, FALSE, "lab 2" },
    { CONSENT_SET, NULL, NULL, TRUE },
  };
  /* accounts-changed so far, after each step (0: not checked) */
  static const guint changes_after[G_N_ELEMENTS (steps)] = { 0, 3, 0, 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AmigoKeyringAccount) listed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *plain_id = NULL;

  if (!fixture_ready (fixture))
    return;

  /* Added with the consent. */
  amigo_keyring_add_account_full_async (fixture->keyring, "lab", "us-east-1",
                                        "http://192.0.2.10:5000", TRUE, credentials,
                                        NULL, on_ready_cb, &result);
  id = amigo_keyring_add_account_finish (fixture->keyring, wait_for (&result), &error);
  g_assert_no_error (error);
  listed = only_account (fixture->keyring);
  g_assert_cmpstr (amigo_keyring_account_get_endpoint (listed), ==, "http://192.0.2.10:5000");
  g_assert_true (amigo_keyring_account_get_allow_plain_http (listed));

  run_consent_steps (fixture, id, credentials, steps, G_N_ELEMENTS (steps), changes_after);

  /* An account added the usual way has none. */
  plain_id = add_account (fixture->keyring, "other", "us-east-1", "http://192.0.2.11", credentials, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) accounts = list_accounts (fixture->keyring);

    for (guint i = 0; i < accounts->len; i++)
      {
        AmigoKeyringAccount *account = g_ptr_array_index (accounts, i);

        g_assert_cmpint (amigo_keyring_account_get_allow_plain_http (account), ==,
                         g_strcmp0 (amigo_keyring_account_get_id (account), id) == 0);
      }
  }

  if (fixture->mode == MODE_KEYRING)
    {
      GList *items = raw_items (id);
      g_autoptr(GHashTable) attributes = NULL;

      /* One item, the consent among its attributes. */
      g_assert_cmpuint (g_list_length (items), ==, 1);
      attributes = secret_retrievable_get_attributes (items->data);
      g_assert_cmpstr (g_hash_table_lookup (attributes, AMIGO_KEYRING_ATTR_ALLOW_PLAIN_HTTP), ==, "true");
      g_list_free_full (items, g_object_unref);
    }
}

/* An item saved before the consent attribute existed reads as no consent,
 * and changing it keeps its keys and ends with one item. */
static void
test_plain_http_consent_older_item (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const ConsentStep steps[] = {
    /* The consent given: the old copy's attributes are within the new
     * one's, so clearing by them would take the new one too; it stays,
     * hidden, as the older. */
    { CONSENT_SET, NULL, NULL, TRUE },
    /* The next change leaves one item, with the consent and the keys. */
    { CONSENT_RENAME, "renewed", NULL, TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(AmigoKeyringAccount) listed = NULL;
  g_autofree char *id = NULL;

  if (!fixture_ready (fixture))
    return;

  /* Made the way Amigo did before: four attributes. */
  id = add_account (fixture->keyring, "old", "eu-west-1", "http://192.0.2.10", credentials, &error);
  g_assert_no_error (error);
  value = raw_secret (id);
  attributes = secret_attributes_build (amigo_keyring_get_schema (),
                                        AMIGO_KEYRING_ATTR_ACCOUNT_ID, id,
                                        NULL);
  g_assert_true (secret_password_clearv_sync (amigo_keyring_get_schema (), attributes, NULL, &error));
  g_assert_no_error (error);
  g_hash_table_unref (attributes);
  attributes = secret_attributes_build (amigo_keyring_get_schema (),
                                        AMIGO_KEYRING_ATTR_ACCOUNT_ID, id,
                                        AMIGO_KEYRING_ATTR_NAME, "old",
                                        AMIGO_KEYRING_ATTR_REGION, "eu-west-1",
                                        AMIGO_KEYRING_ATTR_ENDPOINT, "http://192.0.2.10",
                                        NULL);
  g_assert_true (secret_password_storev_binary_sync (amigo_keyring_get_schema (), attributes,
                                                     SECRET_COLLECTION_DEFAULT, "old", value,
                                                     NULL, &error));
  g_assert_no_error (error);

  listed = only_account (fixture->keyring);
  g_assert_false (amigo_keyring_account_get_allow_plain_http (listed));

  run_consent_steps (fixture, id, credentials, steps, G_N_ELEMENTS (steps), NULL);
  assert_item_count (fixture, id, 1);
}

static void
test_unreadable_secret (Fixture       *fixture,
                        gconstpointer  data)
{
  /* What another program could leave under Amigo's schema. */
  static const char * const secrets[] = {
    "not json",
    "[]",
    "{}",
    "{\"AccessKeyId\": 5, \"SecretAccessKey\": {}}",
    "{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\"}",
    "{\"AccessKeyId\": \"\", \"SecretAccessKey\": \"x\"}",
    "{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": \"x\", \"Expiration\": \"soon\"}",
    "{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": \"x\", \"SessionToken\": [1]}",
  };

  if (!fixture_ready (fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(GHashTable) attributes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AmigoCredentials) found = NULL;
      g_autoptr(GPtrArray) accounts = NULL;

      g_test_message ("secret %u: %s", i, secrets[i]);
      attributes = secret_attributes_build (amigo_keyring_get_schema (),
                                            AMIGO_KEYRING_ATTR_ACCOUNT_ID, id,
                                            AMIGO_KEYRING_ATTR_NAME, "edited elsewhere",
                                            AMIGO_KEYRING_ATTR_REGION, "eu-west-1",
                                            AMIGO_KEYRING_ATTR_ENDPOINT, "",
                                            NULL);
      g_assert_true (secret_password_storev_sync (amigo_keyring_get_schema (), attributes,
                                                  SECRET_COLLECTION_DEFAULT, "edited",
                                                  secrets[i], NULL, &error));
      g_assert_no_error (error);

      /* Still listed, so people can see it and remove it... */
      accounts = list_accounts (fixture->keyring);
      g_assert_nonnull (find_account (accounts, id));

      /* ...but its keys are refused in words. */
      found = lookup (fixture->keyring, id, &error);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING);
      g_assert_nonnull (strstr (error->message, "cannot be read"));
      g_assert_null (found);
      g_clear_error (&error);

      g_assert_true (delete_account (fixture->keyring, id, &error));
      g_assert_no_error (error);
    }
}

/* ---------------------------------------------------------------------- */
/* Session-only specifics                                                  */

static void
test_session_only_dispose_forgets (void)
{
  g_autoptr(AmigoKeyring) keyring = amigo_keyring_new_session_only ("no keyring here");
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(AmigoCredentials) found = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (amigo_keyring_get_session_only (keyring));
  g_assert_cmpstr (amigo_keyring_get_unavailable_reason (keyring), ==, "no keyring here");

  id = add_account (keyring, "memory", "eu-west-1", NULL, credentials, &error);
  g_assert_no_error (error);
  assert_lookup_equals (keyring, id, credentials);

  /* Dispose drops (and so wipes) every account it kept. */
  g_object_run_dispose (G_OBJECT (keyring));
  accounts = list_accounts (keyring);
  g_assert_cmpuint (accounts->len, ==, 0);
  found = lookup (keyring, id, &error);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
  g_assert_null (found);
}

/* ---------------------------------------------------------------------- */
/* No keyring service: run in a subprocess whose environment points the
 * session bus elsewhere before libsecret first connects.                  */

static void
assert_unavailable_and_session_only (void)
{
  g_autoptr(GAsyncResult) probe = NULL;
  g_autoptr(GAsyncResult) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoKeyring) keyring = NULL;
  g_autoptr(AmigoCredentials) credentials = make_credentials (TRUE);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *id = NULL;

  /* Whatever the parent used, ask the Secret Service itself. */
  g_setenv ("SECRET_BACKEND", "service", TRUE);

  amigo_keyring_is_available_async (NULL, on_ready_cb, &probe);
  g_assert_false (amigo_keyring_is_available_finish (wait_for (&probe), &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "No keyring service answered"));
  g_clear_error (&error);

  amigo_keyring_new_async (NULL, on_ready_cb, &made);
  keyring = amigo_keyring_new_finish (wait_for (&made), &error);
  g_assert_no_error (error);
  g_assert_true (amigo_keyring_get_session_only (keyring));
  g_assert_nonnull (strstr (amigo_keyring_get_unavailable_reason (keyring), "No keyring service answered"));

  /* And the UI carries on with the same calls. */
  id = add_account (keyring, "session", "eu-west-1", NULL, credentials, &error);
  g_assert_no_error (error);
  accounts = list_accounts (keyring);
  g_assert_cmpuint (accounts->len, ==, 1);
  assert_lookup_equals (keyring, id, credentials);

  /* A keyring object made for the Secret Service, used anyway, fails in
   * words, not with a crash. */
  {
    g_autoptr(AmigoKeyring) direct = g_object_new (AMIGO_TYPE_KEYRING, NULL);
    g_autofree char *direct_id = add_account (direct, "x", "eu-west-1", NULL, credentials, &error);

    g_assert_null (direct_id);
    g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING);
  }
}

static void
test_unavailable_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/amigo-test-bus", TRUE);
      assert_unavailable_and_session_only ();
      return;
    }
  /* The time limit only turns a hang into a failure. */
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
have_dbus_daemon (void)
{
  g_autofree char *path = g_find_program_in_path ("dbus-daemon");

  return path != NULL;
}

static void
test_unavailable_no_service (void)
{
  if (g_test_subprocess ())
    {
      /* A bus of our own with no services at all, so nothing can be
       * activated: org.freedesktop.secrets is ServiceUnknown. */
      static GTestDBus *bus;

      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      assert_unavailable_and_session_only ();
      /* The bus stays up until this subprocess exits (GTestDBus's watcher
       * then stops it): taking it down would close the session
       * connection GIO keeps, which exits the process. */
      return;
    }
  if (!have_dbus_daemon ())
    {
      amigo_test_missing_tool ("dbus-daemon is not installed", "dbus-daemon");
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---------------------------------------------------------------------- */

typedef void (*FixtureFunc) (Fixture *, gconstpointer);

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    FixtureFunc func;
    gboolean keyring_only;
  } cases[] = {
    { "round-trip", test_round_trip, FALSE },
    { "long-term-keys", test_long_term_keys, FALSE },
    { "list-sorted-by-name", test_list_sorted, FALSE },
    { "rename-keeps-secret", test_rename_keeps_secret, FALSE },
    { "update-region-endpoint", test_update_location, FALSE },
    { "set-credentials", test_set_credentials, FALSE },
    { "delete", test_delete, FALSE },
    { "same-name-distinct", test_same_name_distinct, FALSE },
    { "invalid-input", test_invalid_input, FALSE },
    { "secret-not-in-attributes", test_secret_not_in_attributes, TRUE },
    { "default-collection", test_default_collection, TRUE },
    { "no-plaintext-on-disk", test_no_plaintext_on_disk, TRUE },
    { "duplicate-copies-repaired", test_duplicate_copies_repaired, TRUE },
    { "unreadable-secret", test_unreadable_secret, TRUE },
    { "plain-http-consent", test_plain_http_consent, FALSE },
    { "plain-http-consent-older-item", test_plain_http_consent_older_item, TRUE },
  };
  const char *backend;

  g_test_init (&argc, &argv, NULL);

  backend = g_getenv ("AMIGO_TEST_KEYRING_BACKEND");
  if (backend == NULL)
    backend = "none";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyring/%s/%s", backend, cases[i].name);

      g_test_add (path, Fixture, GINT_TO_POINTER (MODE_KEYRING),
                  fixture_set_up, cases[i].func, fixture_tear_down);
      if (!cases[i].keyring_only)
        {
          g_autofree char *session_path = g_strdup_printf ("/keyring/session-only/%s", cases[i].name);

          g_test_add (session_path, Fixture, GINT_TO_POINTER (MODE_SESSION_ONLY),
                      fixture_set_up, cases[i].func, fixture_tear_down);
        }
    }
  g_test_add_func ("/keyring/session-only/dispose-forgets", test_session_only_dispose_forgets);
  g_test_add_func ("/keyring/unavailable/no-bus", test_unavailable_no_bus);
  g_test_add_func ("/keyring/unavailable/no-service", test_unavailable_no_service);

  return g_test_run ();
}
