/* test-credential-roles.c — roles and web identity in the credential
 * chain, against a fake STS on loopback
 *
 * The fake answers AssumeRole and AssumeRoleWithWebIdentity with session
 * credentials whose key id says which role and which caller made them
 * ("ASIA.<role>.<caller key id>"), so a chain's order shows in the answer.
 * It records every request: whether it was signed, with which key, and
 * its parameters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "amigo-credential-chain.h"
#include "amigo-error.h"

static char *tmp_dir;
static char *endpoint;
static GPtrArray *requests;     /* GHashTable of the form, plus "_signer" */

/* ---- the fake STS ------------------------------------------------------ */

/* The request's form, with its signer under "_signer". soup_form_decode()'s
 * table owns its keys only (each value lives in its key's allocation), so
 * the record is a copy that owns both. */
static GHashTable *
record_form (GHashTable *form,
             const char *signer)
{
  GHashTable *record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (record, g_strdup (key), g_strdup (value));
  g_hash_table_insert (record, g_strdup ("_signer"), g_strdup (signer));
  return record;
}

static void
sts_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *action = g_hash_table_lookup (form, "Action");
  const char *role_arn = g_hash_table_lookup (form, "RoleArn");
  g_autofree char *signer = NULL;
  g_autofree char *answer = NULL;
  const char *role_name;

  if (auth != NULL)
    {
      const char *credential = strstr (auth, "Credential=");

      signer = credential ? g_strndup (credential + 11, strcspn (credential + 11, "/")) : g_strdup ("?");
    }
  g_ptr_array_add (requests, record_form (form, signer ? signer : "unsigned"));

  role_name = role_arn ? strrchr (role_arn, '/') : NULL;
  role_name = role_name ? role_name + 1 : "none";
  if (g_strcmp0 (role_name, "Refused") == 0)
    {
      soup_server_message_set_status (msg, 403, NULL);
      soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_STATIC,
        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
        "<Message>Not authorized to perform sts:AssumeRole</Message></Error>"
        "<RequestId>1</RequestId></ErrorResponse>", strlen ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
        "<Message>Not authorized to perform sts:AssumeRole</Message></Error>"
        "<RequestId>1</RequestId></ErrorResponse>"));
      return;
    }

  answer = g_strdup_printf ("<%sResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            "<%sResult><Credentials>"
                            "<AccessKeyId>ASIA.%s.%s</AccessKeyId>"
                            "<SecretAccessKey>sessionsecret</SecretAccessKey>"
                            "<SessionToken>sessiontoken</SessionToken>"
                            "<Expiration>2999-01-01T00:00:00Z</Expiration>"
                            "</Credentials><AssumedRoleUser><Arn>%s/session</Arn>"
                            "<AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser>"
                            "</%sResult></%sResponse>",
                            action, action, role_name, signer ? signer : "unsigned",
                            role_arn ? role_arn : "", action, action);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_COPY, answer, strlen (answer));
}

static GHashTable *
request (guint i)
{
  g_assert_cmpuint (i, <, requests->len);
  return g_ptr_array_index (requests, i);
}

static const char *
param (guint       i,
       const char *name)
{
  return g_hash_table_lookup (request (i), name);
}

/* ---- the chain ---------------------------------------------------------- */

static const char config_text[] =
  "[profile base]\n"
  "aws_access_key_id = AKIDBASE\n"
  "aws_secret_access_key = secretbase\n"
  "\n"
  "[profile admin]\n"
  "role_arn = arn:aws:iam::123456789012:role/Admin\n"
  "source_profile = base\n"
  "external_id = ext-1\n"
  "role_session_name = alice\n"
  "duration_seconds = 1800\n"
  "\n"
  "[profile deep]\n"
  "role_arn = arn:aws:iam::123456789012:role/Deep\n"
  "source_profile = admin\n"
  "\n"
  "[profile deeper]\n"
  "role_arn = arn:aws:iam::123456789012:role/Deeper\n"
  "source_profile = deep\n"
  "\n"
  "[profile loop-a]\n"
  "role_arn = arn:aws:iam::123456789012:role/A\n"
  "source_profile = loop-b\n"
  "\n"
  "[profile loop-b]\n"
  "role_arn = arn:aws:iam::123456789012:role/B\n"
  "source_profile = loop-a\n"
  "\n"
  "[profile self-keys]\n"
  "role_arn = arn:aws:iam::123456789012:role/Self\n"
  "source_profile = self-keys\n"
  "aws_access_key_id = AKIDSELF\n"
  "aws_secret_access_key = secretself\n"
  "\n"
  "[profile self-no-keys]\n"
  "role_arn = arn:aws:iam::123456789012:role/Self\n"
  "source_profile = self-no-keys\n"
  "\n"
  "[profile from-env]\n"
  "role_arn = arn:aws:iam::123456789012:role/FromEnv\n"
  "credential_source = Environment\n"
  "\n"
  "[profile from-ec2]\n"
  "role_arn = arn:aws:iam::123456789012:role/FromEc2\n"
  "credential_source = Ec2InstanceMetadata\n"
  "\n"
  "[profile both]\n"
  "role_arn = arn:aws:iam::123456789012:role/Both\n"
  "credential_source = Environment\n"
  "source_profile = base\n"
  "\n"
  "[profile neither]\n"
  "role_arn = arn:aws:iam::123456789012:role/Neither\n"
  "\n"
  "[profile dangling]\n"
  "role_arn = arn:aws:iam::123456789012:role/Dangling\n"
  "source_profile = nowhere\n"
  "\n"
  "[profile mfa]\n"
  "role_arn = arn:aws:iam::123456789012:role/Mfa\n"
  "source_profile = base\n"
  "mfa_serial = arn:aws:iam::123456789012:mfa/alice\n"
  "\n"
  "[profile refused]\n"
  "role_arn = arn:aws:iam::123456789012:role/Refused\n"
  "source_profile = base\n"
  "\n"
  "[profile web]\n"
  "role_arn = arn:aws:iam::123456789012:role/Web\n"
  "web_identity_token_file = @TOKEN@\n"
  "role_session_name = websession\n"
  "\n"
  "[profile on-web]\n"
  "role_arn = arn:aws:iam::123456789012:role/OnWeb\n"
  "source_profile = web\n"
  "\n"
  "[profile web-no-role]\n"
  "web_identity_token_file = @TOKEN@\n";

typedef struct {
  AmigoCredentials *credentials;
  AmigoCredentialSource source;
  GError *error;
  gboolean done;
} Result;

static void
resolve_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->credentials = amigo_credential_chain_resolve_finish (AMIGO_AWS_CONFIG (source), result,
                                                          &r->source, NULL, &r->error);
  r->done = TRUE;
}

static AmigoAwsConfig *
load (const char * const *extra_env)
{
  g_autofree char *token_path = g_build_filename (tmp_dir, "token", NULL);
  g_autofree char *config_path = g_build_filename (tmp_dir, "config", NULL);
  g_autoptr(GString) text = g_string_new (config_text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *endpoint_env = g_strconcat ("AWS_ENDPOINT_URL_STS=", endpoint, NULL);
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  g_string_replace (text, "@TOKEN@", token_path, 0);
  g_file_set_contents (config_path, text->str, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (token_path, "web-token-value\n", -1, &error);
  g_assert_no_error (error);

  g_strv_builder_add (builder, "HOME=/nonexistent");
  g_strv_builder_add (builder, endpoint_env);
  for (gsize i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    g_strv_builder_add (builder, extra_env[i]);
  env = g_strv_builder_end (builder);
  config = amigo_aws_config_load_files (config_path, "/nonexistent/credentials",
                                        (const char * const *) env, &error);
  g_assert_no_error (error);
  return config;
}

static void
resolve (AmigoAwsConfig *config,
         const char     *profile,
         Result         *r)
{
  memset (r, 0, sizeof *r);
  g_ptr_array_set_size (requests, 0);
  amigo_credential_chain_resolve_async (config, profile, NULL, resolve_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->credentials, amigo_credentials_unref);
  g_clear_error (&r->error);
}

static void
assert_key (Result     *r,
            const char *key_id)
{
  g_assert_no_error (r->error);
  g_assert_nonnull (r->credentials);
  g_assert_cmpstr (amigo_credentials_get_access_key_id (r->credentials), ==, key_id);
  g_assert_cmpstr (amigo_credentials_get_session_token (r->credentials), ==, "sessiontoken");
  g_assert_cmpint (amigo_credentials_get_expiration (r->credentials), >, 0);
}

static void
assert_error (Result     *r,
              gint        code,
              const char *mentions)
{
  g_assert_null (r->credentials);
  g_assert_error (r->error, AMIGO_AWS_ERROR, code);
  g_test_message ("%s", r->error->message);
  g_assert_nonnull (strstr (r->error->message, mentions));
  /* No secret ever reaches a message. */
  g_assert_null (strstr (r->error->message, "secretbase"));
  g_assert_null (strstr (r->error->message, "web-token-value"));
  g_assert_null (strstr (r->error->message, "123456\""));
}

static void
test_source_profile (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Result r;

  resolve (config, "admin", &r);
  assert_key (&r, "ASIA.Admin.AKIDBASE");
  g_assert_cmpint (r.source, ==, AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpstr (param (0, "Action"), ==, "AssumeRole");
  g_assert_cmpstr (param (0, "_signer"), ==, "AKIDBASE");
  g_assert_cmpstr (param (0, "RoleArn"), ==, "arn:aws:iam::123456789012:role/Admin");
  g_assert_cmpstr (param (0, "RoleSessionName"), ==, "alice");
  g_assert_cmpstr (param (0, "ExternalId"), ==, "ext-1");
  g_assert_cmpstr (param (0, "DurationSeconds"), ==, "1800");
  g_assert_null (param (0, "SerialNumber"));
  g_assert_null (param (0, "TokenCode"));
  result_clear (&r);
}

/* Each role assumed with the session of the one below it, innermost first. */
static void
test_chain (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Result r;

  resolve (config, "deeper", &r);
  assert_key (&r, "ASIA.Deeper.ASIA.Deep.ASIA.Admin.AKIDBASE");
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_cmpstr (param (0, "RoleArn"), ==, "arn:aws:iam::123456789012:role/Admin");
  g_assert_cmpstr (param (1, "_signer"), ==, "ASIA.Admin.AKIDBASE");
  g_assert_cmpstr (param (2, "_signer"), ==, "ASIA.Deep.ASIA.Admin.AKIDBASE");
  /* botocore's default session name: botocore-session-<Unix time>. */
  g_assert_true (g_str_has_prefix (param (1, "RoleSessionName"), "botocore-session-"));
  g_assert_null (param (1, "DurationSeconds"));
  result_clear (&r);
}

static void
test_cycle (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Result r;

  resolve (config, "loop-a", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "loop-a → loop-b → loop-a");
  g_assert_cmpuint (requests->len, ==, 0);
  result_clear (&r);

  /* A profile may name itself for its own keys (botocore), not otherwise. */
  resolve (config, "self-keys", &r);
  assert_key (&r, "ASIA.Self.AKIDSELF");
  result_clear (&r);
  resolve (config, "self-no-keys", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "self-no-keys → self-no-keys");
  result_clear (&r);
}

static void
test_bad_roles (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Result r;

  resolve (config, "both", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "both source_profile and credential_source");
  result_clear (&r);
  resolve (config, "neither", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "source_profile or credential_source");
  result_clear (&r);
  resolve (config, "dangling", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "“nowhere”");
  result_clear (&r);
  resolve (config, "from-ec2", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "Ec2InstanceMetadata");
  result_clear (&r);
  /* credential_source = Environment without keys there. */
  resolve (config, "from-env", &r);
  assert_error (&r, AMIGO_AWS_ERROR_NO_CREDENTIALS, "AWS_ACCESS_KEY_ID");
  result_clear (&r);
  g_assert_cmpuint (requests->len, ==, 0);

  /* STS refusing is told with the profile and the role. */
  resolve (config, "refused", &r);
  assert_error (&r, AMIGO_AWS_ERROR_SERVICE, "“refused”");
  g_assert_nonnull (strstr (r.error->message, "AccessDenied"));
  g_assert_nonnull (strstr (r.error->message, "role/Refused"));
  result_clear (&r);
}

static void
test_credential_source_environment (void)
{
  const char *env[] = { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv", NULL };
  g_autoptr(AmigoAwsConfig) config = load (env);
  Result r;

  resolve (config, "from-env", &r);
  assert_key (&r, "ASIA.FromEnv.AKIDENV");
  result_clear (&r);
}

typedef struct {
  guint asked;
  const char *answer;           /* NULL: fail as a cancelled dialog does */
  char *serial;
} Prompt;

static void
prompt_cb (const char   *profile_name,
           const char   *mfa_serial,
           GCancellable *cancellable,
           GTask        *task,
           gpointer      user_data)
{
  Prompt *prompt = user_data;

  prompt->asked++;
  g_free (prompt->serial);
  prompt->serial = g_strdup (mfa_serial);
  if (prompt->answer != NULL)
    g_task_return_pointer (task, g_strdup (prompt->answer), g_free);
  else
    g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                             "No MFA code was given for “%s”", profile_name);
  g_object_unref (task);
}

static void
test_mfa (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Prompt prompt = { 0, "123456", NULL };
  Result r;

  /* Nothing to ask with: a clear error, no request. */
  resolve (config, "mfa", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "arn:aws:iam::123456789012:mfa/alice");
  g_assert_cmpuint (requests->len, ==, 0);
  result_clear (&r);

  amigo_credential_chain_set_mfa_prompt (config, prompt_cb, &prompt, NULL);
  resolve (config, "mfa", &r);
  assert_key (&r, "ASIA.Mfa.AKIDBASE");
  g_assert_cmpuint (prompt.asked, ==, 1);
  g_assert_cmpstr (prompt.serial, ==, "arn:aws:iam::123456789012:mfa/alice");
  g_assert_cmpstr (param (0, "SerialNumber"), ==, "arn:aws:iam::123456789012:mfa/alice");
  g_assert_cmpstr (param (0, "TokenCode"), ==, "123456");
  result_clear (&r);

  /* Roles without mfa_serial never ask. */
  resolve (config, "admin", &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (prompt.asked, ==, 1);
  result_clear (&r);

  /* Cancelled: the prompt's error, no request. */
  prompt.answer = NULL;
  resolve (config, "mfa", &r);
  assert_error (&r, AMIGO_AWS_ERROR_NO_CREDENTIALS, "No MFA code");
  g_assert_cmpuint (requests->len, ==, 0);
  result_clear (&r);
  g_free (prompt.serial);
}

static void
test_web_identity_profile (void)
{
  g_autoptr(AmigoAwsConfig) config = load (NULL);
  Result r;

  resolve (config, "web", &r);
  assert_key (&r, "ASIA.Web.unsigned");
  g_assert_cmpint (r.source, ==, AMIGO_CREDENTIAL_SOURCE_WEB_IDENTITY);
  g_assert_cmpstr (param (0, "Action"), ==, "AssumeRoleWithWebIdentity");
  g_assert_cmpstr (param (0, "_signer"), ==, "unsigned");
  g_assert_cmpstr (param (0, "WebIdentityToken"), ==, "web-token-value");
  g_assert_cmpstr (param (0, "RoleSessionName"), ==, "websession");
  result_clear (&r);

  /* A web identity as the source of a role. */
  resolve (config, "on-web", &r);
  assert_key (&r, "ASIA.OnWeb.ASIA.Web.unsigned");
  result_clear (&r);

  resolve (config, "web-no-role", &r);
  assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "AWS_ROLE_ARN");
  result_clear (&r);
}

/* botocore's order: environment keys (no profile named), assume role,
 * web identity (each variable over the profile's setting), then the
 * profile's own keys. */
static void
test_web_identity_environment (void)
{
  g_autofree char *token_path = g_build_filename (tmp_dir, "token", NULL);
  g_autofree char *token_env = g_strconcat ("AWS_WEB_IDENTITY_TOKEN_FILE=", token_path, NULL);
  const char *web_env[] = { token_env, "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/EnvWeb",
                            "AWS_ROLE_SESSION_NAME=envsession", NULL };
  const char *with_keys[] = { token_env, "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/EnvWeb",
                              "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretenv", NULL };
  const char *no_role[] = { token_env, NULL };
  Result r;

  {
    /* No profile at all: the environment's web identity. */
    g_autoptr(AmigoAwsConfig) config = load (web_env);

    resolve (config, NULL, &r);
    assert_key (&r, "ASIA.EnvWeb.unsigned");
    g_assert_cmpstr (param (0, "RoleSessionName"), ==, "envsession");
    result_clear (&r);

    /* Before a profile's static keys, as in botocore. */
    resolve (config, "base", &r);
    assert_key (&r, "ASIA.EnvWeb.unsigned");
    result_clear (&r);

    /* After a profile's role. */
    resolve (config, "admin", &r);
    assert_key (&r, "ASIA.Admin.AKIDBASE");
    result_clear (&r);

    /* The environment's role over the profile's web identity role. */
    resolve (config, "web", &r);
    assert_key (&r, "ASIA.EnvWeb.unsigned");
    g_assert_cmpstr (param (0, "RoleSessionName"), ==, "envsession");
    result_clear (&r);

    /* A source profile ignores the environment. */
    resolve (config, "on-web", &r);
    assert_key (&r, "ASIA.OnWeb.ASIA.Web.unsigned");
    result_clear (&r);
  }
  {
    /* Environment keys come first when no profile is named. */
    g_autoptr(AmigoAwsConfig) config = load (with_keys);

    resolve (config, NULL, &r);
    g_assert_no_error (r.error);
    g_assert_cmpstr (amigo_credentials_get_access_key_id (r.credentials), ==, "AKIDENV");
    g_assert_cmpint (r.source, ==, AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT);
    g_assert_cmpuint (requests->len, ==, 0);
    result_clear (&r);
  }
  {
    /* The token file alone uses the profile's role_arn, else fails. */
    g_autoptr(AmigoAwsConfig) config = load (no_role);

    resolve (config, "base", &r);
    assert_error (&r, AMIGO_AWS_ERROR_CONFIG, "AWS_ROLE_ARN");
    result_clear (&r);
    resolve (config, "web", &r);
    assert_key (&r, "ASIA.Web.unsigned");
    result_clear (&r);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("amigo-roles-XXXXXX", NULL);
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/", sts_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  endpoint = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/credential-roles/source-profile", test_source_profile);
  g_test_add_func ("/credential-roles/chain", test_chain);
  g_test_add_func ("/credential-roles/cycle", test_cycle);
  g_test_add_func ("/credential-roles/bad-roles", test_bad_roles);
  g_test_add_func ("/credential-roles/credential-source-environment", test_credential_source_environment);
  g_test_add_func ("/credential-roles/mfa", test_mfa);
  g_test_add_func ("/credential-roles/web-identity-profile", test_web_identity_profile);
  g_test_add_func ("/credential-roles/web-identity-environment", test_web_identity_environment);

  status = g_test_run ();

  {
    g_autofree char *token = g_build_filename (tmp_dir, "token", NULL);
    g_autofree char *config = g_build_filename (tmp_dir, "config", NULL);

    g_unlink (token);
    g_unlink (config);
    g_rmdir (tmp_dir);
  }
  g_ptr_array_unref (requests);
  g_free (endpoint);
  g_free (tmp_dir);
  return status;
}
