/* test-sso.c — IAM Identity Center settings, the AWS CLI's token cache, PKCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-aws-config.h"
#include "amigo-error.h"
#include "amigo-sso-config.h"

typedef struct {
  char *dir;
  char *config_path;
  char *credentials_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("amigo-sso-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->config_path = g_build_filename (f->dir, "config", NULL);
  f->credentials_path = g_build_filename (f->dir, "credentials", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->config_path);
  g_free (f->credentials_path);
}

static AmigoAwsConfig *
load (Fixture    *f,
      const char *config_text)
{
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  g_assert_true (g_file_set_contents (f->config_path, config_text, -1, NULL));
  config = amigo_aws_config_load_files (f->config_path, f->credentials_path, NULL, &error);
  g_assert_no_error (error);
  return config;
}

static const char config_text[] =
  "[sso-session corp]\n"
  "sso_start_url = https://corp.awsapps.com/start\n"
  "sso_region = eu-west-1\n"
  "sso_registration_scopes = sso:account:access, codewhisperer:completions\n"
  "\n"
  "[profile dev]\n"
  "sso_session = corp\n"
  "sso_account_id = 111122223333\n"
  "sso_role_name = ReadOnly\n"
  "region = us-east-1\n"
  "\n"
  "[profile legacy]\n"
  "sso_start_url = https://old.awsapps.com/start\n"
  "sso_region = us-west-2\n"
  "sso_account_id = 444455556666\n"
  "sso_role_name = Admin\n"
  "\n"
  "[profile no-role]\n"
  "sso_session = corp\n"
  "sso_account_id = 111122223333\n"
  "\n"
  "[profile no-session]\n"
  "sso_session = nowhere\n"
  "sso_account_id = 1\n"
  "sso_role_name = r\n"
  "\n"
  "[profile clash]\n"
  "sso_session = corp\n"
  "sso_region = us-east-2\n"
  "sso_account_id = 1\n"
  "sso_role_name = r\n"
  "\n"
  "[profile same]\n"
  "sso_session = corp\n"
  "sso_region = eu-west-1\n"
  "sso_account_id = 1\n"
  "sso_role_name = r\n"
  "\n"
  "[profile legacy-no-region]\n"
  "sso_start_url = https://old.awsapps.com/start\n"
  "sso_account_id = 1\n"
  "sso_role_name = r\n"
  "\n"
  "[profile keys]\n"
  "aws_access_key_id = AKIAEXAMPLE\n"
  "\n"
  "[sso-session half]\n"
  "sso_start_url = https://half.awsapps.com/start\n"
  "\n"
  "[profile half]\n"
  "sso_session = half\n"
  "sso_account_id = 1\n"
  "sso_role_name = r\n"
  "\n"
  "[sso-session noscopes]\n"
  "sso_start_url = https://n.awsapps.com/start\n"
  "sso_region = ap-northeast-2\n";

static void
test_settings_session (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AmigoAwsConfig) config = load (f, config_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoSettings) s = NULL;
  g_autoptr(AmigoAwsProfile) dev = amigo_aws_config_get_profile (config, "dev");
  g_autoptr(AmigoAwsProfile) keys = amigo_aws_config_get_profile (config, "keys");

  g_assert_true (amigo_aws_profile_uses_sso (dev));
  g_assert_false (amigo_aws_profile_uses_sso (keys));
  /* An [sso-session] is not a profile. */
  g_assert_false (amigo_aws_config_has_profile (config, "corp"));

  s = amigo_sso_settings_from_profile (config, "dev", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->profile_name, ==, "dev");
  g_assert_cmpstr (s->session_name, ==, "corp");
  g_assert_cmpstr (s->start_url, ==, "https://corp.awsapps.com/start");
  g_assert_cmpstr (s->region, ==, "eu-west-1");
  g_assert_cmpuint (g_strv_length (s->scopes), ==, 2);
  g_assert_cmpstr (s->scopes[0], ==, "sso:account:access");
  g_assert_cmpstr (s->scopes[1], ==, "codewhisperer:completions");
  g_assert_cmpstr (s->account_id, ==, "111122223333");
  g_assert_cmpstr (s->role_name, ==, "ReadOnly");
  g_assert_cmpstr (amigo_sso_settings_get_cache_key (s), ==, "corp");
  g_clear_pointer (&s, amigo_sso_settings_free);

  /* A key in both that agrees is fine. */
  s = amigo_sso_settings_from_profile (config, "same", &error);
  g_assert_no_error (error);
  g_clear_pointer (&s, amigo_sso_settings_free);

  /* A bare session, default scope. */
  s = amigo_sso_settings_from_session (config, "noscopes", &error);
  g_assert_no_error (error);
  g_assert_null (s->account_id);
  g_assert_cmpstr (s->region, ==, "ap-northeast-2");
  g_assert_cmpuint (g_strv_length (s->scopes), ==, 1);
  g_assert_cmpstr (s->scopes[0], ==, AMIGO_SSO_DEFAULT_SCOPE);
}

static void
test_settings_legacy (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmigoAwsConfig) config = load (f, config_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoSettings) s = NULL;

  s = amigo_sso_settings_from_profile (config, "legacy", &error);
  g_assert_no_error (error);
  g_assert_null (s->session_name);
  g_assert_cmpstr (s->start_url, ==, "https://old.awsapps.com/start");
  g_assert_cmpstr (s->region, ==, "us-west-2");
  g_assert_cmpstr (s->account_id, ==, "444455556666");
  g_assert_cmpstr (s->role_name, ==, "Admin");
  g_assert_cmpstr (s->scopes[0], ==, AMIGO_SSO_DEFAULT_SCOPE);
  g_assert_cmpstr (amigo_sso_settings_get_cache_key (s), ==, "https://old.awsapps.com/start");
}

static void
expect_config_error (AmigoAwsConfig *config,
                     const char     *profile,
                     const char     *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoSettings) s = amigo_sso_settings_from_profile (config, profile, &error);

  g_assert_null (s);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_settings_errors (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmigoAwsConfig) config = load (f, config_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoSettings) s = NULL;

  expect_config_error (config, "no-role", "sso_role_name");
  expect_config_error (config, "no-session", "nowhere");
  expect_config_error (config, "clash", "sso_region");
  expect_config_error (config, "legacy-no-region", "sso_region");
  expect_config_error (config, "half", "sso_region");

  s = amigo_sso_settings_from_profile (config, "missing", &error);
  g_assert_null (s);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
}

/* RFC 7636 appendix B. */
static void
test_pkce (void)
{
  g_autofree char *challenge = amigo_sso_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  g_autofree char *v1 = amigo_sso_pkce_verifier_new ();
  g_autofree char *v2 = amigo_sso_pkce_verifier_new ();
  g_autofree char *state = amigo_sso_random_state_new ();

  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  /* 43 characters of the unreserved set (RFC 7636 4.1), never the same. */
  g_assert_cmpuint (strlen (v1), ==, 43);
  g_assert_cmpstr (v1, !=, v2);
  for (const char *p = v1; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  g_assert_cmpuint (strlen (state), >=, 22);
}

static void
test_cache_path (void)
{
  const char *envp[] = { "HOME=/home/someone", NULL };
  g_autofree char *path = amigo_sso_cache_path (envp, "my-sso");
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "my-sso", -1);
  g_autofree char *expected = g_strconcat ("/home/someone/.aws/sso/cache/", digest, ".json", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_cache_valid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autofree char *path = g_build_filename (f->dir, "token.json", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (now + 3600);
  g_autofree char *expires = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *json = g_strdup_printf (
    "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"eu-west-1\","
    " \"accessToken\": \"not-a-real-token\", \"expiresAt\": \"%s\","
    " \"clientId\": \"cid\", \"clientSecret\": \"csecret\","
    " \"registrationExpiresAt\": \"2099-01-01T00:00:00Z\", \"refreshToken\": \"rt\"}",
    expires);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  token = amigo_sso_token_load_cache (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token->access_token, ==, "not-a-real-token");
  g_assert_cmpint (token->expires_at, ==, now + 3600);
  g_assert_cmpstr (token->refresh_token, ==, "rt");
  g_assert_cmpstr (token->client_id, ==, "cid");
  g_assert_cmpstr (token->client_secret, ==, "csecret");
  g_assert_cmpstr (token->region, ==, "eu-west-1");
  g_assert_true (amigo_sso_token_is_valid (token, now));
  g_assert_true (amigo_sso_token_can_refresh (token, now));
}

static void
test_cache_expired (void)
{
  static const char json[] =
    "{\"accessToken\": \"old\", \"expiresAt\": \"2020-06-17T10:18:08UTC\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoSsoToken) token = amigo_sso_token_parse_cache (json, strlen (json), &error);
  gint64 expected;

  g_assert_no_error (error);
  g_assert_true (amigo_sso_parse_timestamp ("2020-06-17T10:18:08Z", &expected));
  g_assert_cmpint (token->expires_at, ==, expected);
  g_assert_false (amigo_sso_token_is_valid (token, g_get_real_time () / G_USEC_PER_SEC));
  /* No refresh token: it cannot be refreshed. */
  g_assert_false (amigo_sso_token_can_refresh (token, 0));
}

static void
test_cache_malformed (void)
{
  static const char * const documents[] = {
    "", "not json", "[]", "{\"accessToken\": \"x\"}",
    "{\"expiresAt\": \"2099-01-01T00:00:00Z\"}",
    "{\"accessToken\": \"x\", \"expiresAt\": \"tomorrow\"}",
    "{\"accessToken\": 5, \"expiresAt\": \"2099-01-01T00:00:00Z\"}",
    "{\"accessToken\": \"secret-value\", \"expiresAt\": 17}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmigoSsoToken) token = amigo_sso_token_parse_cache (documents[i], strlen (documents[i]), &error);

      g_assert_null (token);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      /* Never quotes the file. */
      g_assert_null (strstr (error->message, "secret-value"));
    }
}

static void
test_cache_missing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nothing.json", NULL);
  g_autoptr(AmigoSsoToken) token = amigo_sso_token_load_cache (path, &error);

  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sso/settings/session", Fixture, NULL, fixture_set_up, test_settings_session, fixture_tear_down);
  g_test_add ("/sso/settings/legacy", Fixture, NULL, fixture_set_up, test_settings_legacy, fixture_tear_down);
  g_test_add ("/sso/settings/errors", Fixture, NULL, fixture_set_up, test_settings_errors, fixture_tear_down);
  g_test_add_func ("/sso/pkce/rfc7636-appendix-b", test_pkce);
  g_test_add_func ("/sso/cache/path", test_cache_path);
  g_test_add ("/sso/cache/valid", Fixture, NULL, fixture_set_up, test_cache_valid, fixture_tear_down);
  g_test_add_func ("/sso/cache/expired", test_cache_expired);
  g_test_add_func ("/sso/cache/malformed", test_cache_malformed);
  g_test_add ("/sso/cache/missing", Fixture, NULL, fixture_set_up, test_cache_missing, fixture_tear_down);

  return g_test_run ();
}
