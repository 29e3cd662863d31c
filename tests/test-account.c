/* test-account.c — accounts from the environment and from AWS CLI profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "amigo-account.h"
#include "amigo-error.h"

typedef struct {
  char *dir;
  char *config_path;
  char *credentials_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("amigo-account-XXXXXX", &error);
  g_assert_no_error (error);
  f->config_path = g_build_filename (f->dir, "config", NULL);
  f->credentials_path = g_build_filename (f->dir, "credentials", NULL);
  g_file_set_contents (f->config_path,
                       "[default]\n"
                       "region = eu-west-1\n"
                       "[profile work]\n"
                       "region = ap-northeast-2\n"
                       "endpoint_url = http://127.0.0.1:5000\n"
                       "[profile empty]\n"
                       "output = json\n"
                       "[profile fips]\n"
                       "region = us-east-1\n"
                       "use_fips_endpoint = true\n"
                       "[profile dual]\n"
                       "region = eusc-de-east-1\n"
                       "use_dualstack_endpoint = true\n",
                       -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->credentials_path,
                       "[work]\n"
                       "aws_access_key_id = AKIAWORKEXAMPLE\n"
                       "aws_secret_access_key = work-secret\n",
                       -1, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_unlink (f->config_path);
  g_unlink (f->credentials_path);
  g_rmdir (f->dir);
  g_free (f->config_path);
  g_free (f->credentials_path);
  g_free (f->dir);
}

static AmigoAwsConfig *
load_config (Fixture            *f,
             const char * const *extra_env)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) envp = NULL;
  AmigoAwsConfig *config;

  g_strv_builder_add (builder, "HOME=/nonexistent");
  if (extra_env != NULL)
    g_strv_builder_addv (builder, (const char **) extra_env);
  envp = g_strv_builder_end (builder);

  config = amigo_aws_config_load_files (f->config_path, f->credentials_path,
                                        (const char * const *) envp, &error);
  g_assert_no_error (error);
  return config;
}

static void
get_client_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static AmigoClient *
get_client (AmigoAccount  *account,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amigo_account_get_client_async (account, NULL, get_client_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return amigo_account_get_client_finish (account, result, error);
}

static void
test_environment_account (Fixture       *f,
                          gconstpointer  data)
{
  const char *env[] = {
    "AWS_ACCESS_KEY_ID=AKIAENVEXAMPLE",
    "AWS_SECRET_ACCESS_KEY=env-secret",
    "AWS_SESSION_TOKEN=env-token",
    "AWS_REGION=sa-east-1",
    NULL
  };
  g_autoptr(AmigoAwsConfig) config = load_config (f, env);
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoClient) again = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amigo_account_environment_is_set (config));
  account = amigo_account_new_environment (config);
  g_assert_cmpstr (amigo_account_get_id (account), ==, "environment");
  g_assert_cmpint (amigo_account_get_kind (account), ==, AMIGO_ACCOUNT_KIND_ENVIRONMENT);
  g_assert_cmpstr (amigo_account_get_default_region (account), ==, "sa-east-1");

  client = get_client (account, &error);
  g_assert_no_error (error);
  credentials = amigo_client_dup_credentials (client);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (credentials), ==, "AKIAENVEXAMPLE");
  g_assert_cmpstr (amigo_credentials_get_secret_access_key (credentials), ==, "env-secret");
  g_assert_cmpstr (amigo_credentials_get_session_token (credentials), ==, "env-token");

  /* The same client (and so the same HTTP session) is handed out again. */
  again = get_client (account, &error);
  g_assert_no_error (error);
  g_assert_true (client == again);
}

static void
test_environment_absent (Fixture       *f,
                         gconstpointer  data)
{
  const char *env[] = { "AWS_ACCESS_KEY_ID=AKIAONLYKEY", NULL };
  g_autoptr(AmigoAwsConfig) config = load_config (f, env);

  /* A key without its secret is not an account. */
  g_assert_false (amigo_account_environment_is_set (config));
}

static void
test_profile_account (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AmigoAwsConfig) config = load_config (f, NULL);
  g_autoptr(AmigoAccount) account = amigo_account_new_profile (config, "work");
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(AmigoEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (amigo_account_get_id (account), ==, "profile:work");
  g_assert_cmpstr (amigo_account_get_profile_name (account), ==, "work");
  g_assert_cmpstr (amigo_account_get_default_region (account), ==, "ap-northeast-2");

  client = get_client (account, &error);
  g_assert_no_error (error);
  credentials = amigo_client_dup_credentials (client);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (credentials), ==, "AKIAWORKEXAMPLE");

  /* The profile's endpoint_url applies; the signing region stays the real one. */
  endpoint = amigo_account_resolve_endpoint (account, "ec2", "ap-northeast-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint->url, ==, "http://127.0.0.1:5000");
  g_assert_cmpstr (endpoint->signing_region, ==, "ap-northeast-2");
}

static void
test_profile_env_endpoint_wins (Fixture       *f,
                                gconstpointer  data)
{
  const char *env[] = { "AWS_ENDPOINT_URL_EC2=http://127.0.0.1:7777", NULL };
  g_autoptr(AmigoAwsConfig) config = load_config (f, env);
  g_autoptr(AmigoAccount) account = amigo_account_new_profile (config, "work");
  g_autoptr(AmigoEndpoint) ec2 = NULL;
  g_autoptr(AmigoEndpoint) sts = NULL;
  g_autoptr(GError) error = NULL;

  ec2 = amigo_account_resolve_endpoint (account, "ec2", "eu-central-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ec2->url, ==, "http://127.0.0.1:7777");
  g_assert_cmpstr (ec2->signing_region, ==, "eu-central-1");

  /* AWS_ENDPOINT_URL_EC2 is for EC2 only: STS goes to the profile's endpoint. */
  sts = amigo_account_resolve_endpoint (account, "sts", "eu-central-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sts->url, ==, "http://127.0.0.1:5000");
}

static void
test_profile_without_credentials (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AmigoAwsConfig) config = load_config (f, NULL);
  g_autoptr(AmigoAccount) account = amigo_account_new_profile (config, "empty");
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = get_client (account, &error);
  g_assert_null (client);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "empty"));
}

/* use_fips_endpoint and use_dualstack_endpoint, as the AWS CLI reads them,
 * with the environment's AWS_USE_*_ENDPOINT winning. */
static void
test_profile_endpoint_variants (Fixture       *f,
                                gconstpointer  data)
{
  const char *env_off[] = { "AWS_USE_FIPS_ENDPOINT=false", NULL };
  const char *env_on[] = { "AWS_USE_DUALSTACK_ENDPOINT=true", NULL };
  g_autoptr(AmigoAwsConfig) config = load_config (f, NULL);
  g_autoptr(AmigoAwsConfig) config_off = load_config (f, env_off);
  g_autoptr(AmigoAwsConfig) config_on = load_config (f, env_on);
  const struct {
    AmigoAwsConfig *config;
    const char *profile;
    const char *service;
    const char *region;
    const char *url;
  } cases[] = {
    { config, "fips", "ec2", "us-east-1", "https://ec2-fips.us-east-1.amazonaws.com" },
    { config, "fips", "sts", "us-west-2", "https://sts-fips.us-west-2.amazonaws.com" },
    { config, "dual", "ec2", "eusc-de-east-1", "https://ec2.eusc-de-east-1.api.amazonwebservices.eu" },
    { config_off, "fips", "ec2", "us-east-1", "https://ec2.us-east-1.amazonaws.com" },
    { config_on, "fips", "ec2", "us-east-1", "https://ec2-fips.us-east-1.api.aws" },
    /* The variants pick among AWS's endpoints; a profile's endpoint_url stays. */
    { config, "work", "ec2", "ap-northeast-2", "http://127.0.0.1:5000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoAccount) account = amigo_account_new_profile (cases[i].config,
                                                                   cases[i].profile);
      g_autoptr(AmigoEndpoint) endpoint = NULL;
      g_autoptr(GError) error = NULL;

      endpoint = amigo_account_resolve_endpoint (account, cases[i].service, cases[i].region,
                                                 &error);
      g_assert_no_error (error);
      g_assert_cmpstr (endpoint->url, ==, cases[i].url);
      g_assert_cmpstr (endpoint->signing_region, ==, cases[i].region);
    }
}

static void
test_default_region_fallback (Fixture       *f,
                              gconstpointer  data)
{
  const char *env[] = {
    "AWS_ACCESS_KEY_ID=AKIAENVEXAMPLE",
    "AWS_SECRET_ACCESS_KEY=env-secret",
    NULL
  };
  g_autoptr(AmigoAwsConfig) config = load_config (f, env);
  g_autoptr(AmigoAccount) account = amigo_account_new_environment (config);

  /* No AWS_REGION: the default profile's region, as the AWS CLI does. */
  g_assert_cmpstr (amigo_account_get_default_region (account), ==, "eu-west-1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/account/environment/credentials", Fixture, NULL,
              fixture_setup, test_environment_account, fixture_teardown);
  g_test_add ("/account/environment/needs-key-and-secret", Fixture, NULL,
              fixture_setup, test_environment_absent, fixture_teardown);
  g_test_add ("/account/environment/region-from-default-profile", Fixture, NULL,
              fixture_setup, test_default_region_fallback, fixture_teardown);
  g_test_add ("/account/profile/credentials-and-endpoint", Fixture, NULL,
              fixture_setup, test_profile_account, fixture_teardown);
  g_test_add ("/account/profile/environment-endpoint-wins", Fixture, NULL,
              fixture_setup, test_profile_env_endpoint_wins, fixture_teardown);
  g_test_add ("/account/profile/fips-and-dual-stack", Fixture, NULL,
              fixture_setup, test_profile_endpoint_variants, fixture_teardown);
  g_test_add ("/account/profile/no-credentials", Fixture, NULL,
              fixture_setup, test_profile_without_credentials, fixture_teardown);

  return g_test_run ();
}
