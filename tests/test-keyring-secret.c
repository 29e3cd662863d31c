/* test-keyring-secret.c — the JSON kept as a keyring item's secret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codec alone, without a keyring: what it writes reads back, and a
 * document edited by another program is refused with words, never a crash.
 * (test-keyring.c covers the same through a real keyring.)
 */
#include "config.h"

#include <string.h>

#include "amigo-error.h"
#include "amigo-keyring-secret.h"

/* Fake keys, the AWS documentation's examples. */
#define AKID   "AKIDEXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

typedef struct {
  const char *name;
  const char *json;
  const char *session_token;    /* expected, when readable */
  gint64 expiration;
} DecodeCase;

static const DecodeCase readable_cases[] = {
  { "keys-only", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\"}", NULL, 0 },
  { "session", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\","
    "\"SessionToken\":\"token\",\"Expiration\":\"2026-12-01T10:00:00Z\"}", "token", 1796119200 },
  { "nulls", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\","
    "\"SessionToken\":null,\"Expiration\":null}", NULL, 0 },
  { "unknown-member", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\","
    "\"Note\":42}", NULL, 0 },
};

static const DecodeCase unreadable_cases[] = {
  { "empty", "" },
  { "not-json", "AccessKeyId=" AKID },
  { "array", "[\"" AKID "\"]" },
  { "no-secret", "{\"AccessKeyId\":\"" AKID "\"}" },
  { "empty-key-id", "{\"AccessKeyId\":\"\",\"SecretAccessKey\":\"" SECRET "\"}" },
  { "number-secret", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":7}" },
  { "number-token", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\","
    "\"SessionToken\":7}" },
  { "bad-expiration", "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\","
    "\"Expiration\":\"tomorrow\"}" },
};

static void
test_readable (gconstpointer data)
{
  const DecodeCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  credentials = amigo_keyring_secret_decode (c->json, strlen (c->json), &error);
  g_assert_no_error (error);
  g_assert_nonnull (credentials);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (credentials), ==, AKID);
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (credentials), ==, SECRET);
  g_assert_cmpstr (amigo_credentials_get_session_token (credentials), ==, c->session_token);
  g_assert_cmpint (amigo_credentials_get_expiration (credentials), ==, c->expiration);
}

static void
test_unreadable (gconstpointer data)
{
  const DecodeCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;

  credentials = amigo_keyring_secret_decode (c->json, strlen (c->json), &error);
  g_assert_null (credentials);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING);
  /* Words to act on, and never the secret itself. */
  g_assert_nonnull (strstr (error->message, "Remove the account and add it again"));
  g_assert_null (strstr (error->message, SECRET));
}

static void
test_round_trip (void)
{
  g_autoptr(AmigoCredentials) in = amigo_credentials_new (AKID, SECRET, "token", 1796119200);
  g_autoptr(AmigoCredentials) out = NULL;
  g_autoptr(GError) error = NULL;
  char *json = amigo_keyring_secret_encode (in);

  out = amigo_keyring_secret_decode (json, strlen (json), &error);
  amigo_secure_free_string (json);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (out), ==, AKID);
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (out), ==, SECRET);
  g_assert_cmpstr (amigo_credentials_get_session_token (out), ==, "token");
  g_assert_cmpint (amigo_credentials_get_expiration (out), ==, 1796119200);
}

/* Not nul-terminated: the keyring hands bytes and a length. */
static void
test_length_bounded (void)
{
  const char *json = "{\"AccessKeyId\":\"" AKID "\",\"SecretAccessKey\":\"" SECRET "\"}garbage";
  gsize len = strlen (json) - strlen ("garbage");
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = amigo_keyring_secret_decode (json, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (credentials), ==, AKID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (readable_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyring-secret/decode/%s", readable_cases[i].name);
      g_test_add_data_func (path, &readable_cases[i], test_readable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unreadable_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyring-secret/refuse/%s", unreadable_cases[i].name);
      g_test_add_data_func (path, &unreadable_cases[i], test_unreadable);
    }
  g_test_add_func ("/keyring-secret/round-trip", test_round_trip);
  g_test_add_func ("/keyring-secret/length-bounded", test_length_bounded);
  return g_test_run ();
}
