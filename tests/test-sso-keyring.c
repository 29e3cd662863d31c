/* test-sso-keyring.c — IAM Identity Center tokens in a real keyring
 * (tests/run-with-keyring.sh: a private gnome-keyring-daemon, or
 * libsecret's file backend)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-error.h"
#include "amigo-sso.h"

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_null (last_result);
  last_result = g_object_ref (result);
}

static GAsyncResult *
await_result (void)
{
  g_clear_object (&last_result);
  while (last_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last_result;
}

static AmigoSsoSettings *
settings_new (const char *session_name)
{
  AmigoSsoSettings *s = g_new0 (AmigoSsoSettings, 1);

  s->session_name = g_strdup (session_name);
  s->start_url = g_strdup ("https://example.awsapps.com/start");
  s->region = g_strdup ("eu-west-1");
  s->scopes = g_new0 (char *, 2);
  s->scopes[0] = g_strdup (AMIGO_SSO_DEFAULT_SCOPE);
  return s;
}

static AmigoSsoToken *
lookup (const AmigoSsoSettings *settings)
{
  g_autoptr(GError) error = NULL;
  AmigoSsoToken *token;

  amigo_sso_keyring_lookup_async (settings, NULL, result_cb, NULL);
  token = amigo_sso_keyring_lookup_finish (await_result (), &error);
  g_assert_no_error (error);
  return token;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(AmigoSsoSettings) corp = settings_new ("corp");
  g_autoptr(AmigoSsoSettings) other = settings_new ("other");
  g_autoptr(AmigoSsoToken) found = NULL;
  g_autoptr(GError) error = NULL;
  AmigoSsoToken token = {
    .access_token = (char *) "access-not-real",
    .expires_at = 2000000000,
    .refresh_token = (char *) "refresh-not-real",
    .client_id = (char *) "client-id",
    .client_secret = (char *) "client-secret-not-real",
    .registration_expires_at = 2100000000,
  };

  /* Never the user's own keyring. */
  if (g_getenv ("AMIGO_TEST_PRIVATE_KEYRING") == NULL)
    {
      g_test_skip ("needs a private keyring: run through tests/run-with-keyring.sh");
      return;
    }

  amigo_sso_keyring_store_async (corp, &token, NULL, result_cb, NULL);
  g_assert_true (amigo_sso_keyring_store_finish (await_result (), &error));
  g_assert_no_error (error);

  found = lookup (corp);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->access_token, ==, "access-not-real");
  g_assert_cmpint (found->expires_at, ==, 2000000000);
  g_assert_cmpstr (found->refresh_token, ==, "refresh-not-real");
  g_assert_cmpstr (found->client_id, ==, "client-id");
  g_assert_cmpstr (found->client_secret, ==, "client-secret-not-real");
  g_assert_cmpint (found->registration_expires_at, ==, 2100000000);
  g_assert_cmpstr (found->start_url, ==, corp->start_url);
  g_clear_pointer (&found, amigo_sso_token_free);

  /* Another session has none. */
  found = lookup (other);
  g_assert_null (found);

  /* A newer token replaces the older one. */
  token.access_token = (char *) "access-newer";
  amigo_sso_keyring_store_async (corp, &token, NULL, result_cb, NULL);
  g_assert_true (amigo_sso_keyring_store_finish (await_result (), &error));
  found = lookup (corp);
  g_assert_cmpstr (found->access_token, ==, "access-newer");
  g_clear_pointer (&found, amigo_sso_token_free);

  amigo_sso_keyring_clear_async (corp, NULL, result_cb, NULL);
  g_assert_true (amigo_sso_keyring_clear_finish (await_result (), &error));
  g_assert_no_error (error);
  found = lookup (corp);
  g_assert_null (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sso-keyring/store-lookup-clear", test_store_lookup_clear);
  return g_test_run ();
}
