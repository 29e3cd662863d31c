/* amigo-sso-config.c — IAM Identity Center: a profile's settings, the AWS
 * CLI's token cache, PKCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings are resolved as botocore's SSOProvider does
 * (`_resolve_sso_session_reference`): a profile's `sso_session` names an
 * `[sso-session NAME]` section that holds `sso_start_url`, `sso_region` and
 * `sso_registration_scopes`; a key in both must agree. Without
 * `sso_session`, the profile itself holds `sso_start_url` and `sso_region`
 * (the legacy form). Either way `sso_account_id` and `sso_role_name` are
 * the profile's.
 *
 * The AWS CLI's cache (`~/.aws/sso/cache/<sha1>.json`, botocore's
 * SSOTokenLoader: the SHA-1 of the session name, or of the start URL in the
 * legacy form) is only read, never written.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "amigo-credentials.h"
#include "amigo-error.h"
#include "amigo-file.h"
#include "amigo-sso-config.h"

/* A cached token is a small JSON document: far larger is not one. */
#define SSO_CACHE_MAX_SIZE (256 * 1024)

/* ---- settings ---------------------------------------------------------- */

void
amigo_sso_settings_free (AmigoSsoSettings *self)
{
  if (self == NULL)
    return;
  g_free (self->profile_name);
  g_free (self->session_name);
  g_free (self->start_url);
  g_free (self->region);
  g_strfreev (self->scopes);
  g_free (self->account_id);
  g_free (self->role_name);
  g_free (self);
}

AmigoSsoSettings *
amigo_sso_settings_copy (const AmigoSsoSettings *self)
{
  AmigoSsoSettings *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoSsoSettings, 1);
  copy->profile_name = g_strdup (self->profile_name);
  copy->session_name = g_strdup (self->session_name);
  copy->start_url = g_strdup (self->start_url);
  copy->region = g_strdup (self->region);
  copy->scopes = g_strdupv (self->scopes);
  copy->account_id = g_strdup (self->account_id);
  copy->role_name = g_strdup (self->role_name);
  return copy;
}

/**
 * amigo_aws_profile_uses_sso:
 * @profile: a profile
 *
 * Returns: whether it gets its credentials from IAM Identity Center (has
 *   `sso_session`, `sso_start_url`, `sso_account_id` or `sso_role_name`)
 */
gboolean
amigo_aws_profile_uses_sso (const AmigoAwsProfile *profile)
{
  static const char * const keys[] = {
    "sso_session", "sso_start_url", "sso_account_id", "sso_role_name",
  };

  g_return_val_if_fail (profile != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    if (amigo_aws_profile_has_key (profile, keys[i]))
      return TRUE;
  return FALSE;
}

static char **
parse_scopes (const char *value)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *scopes = g_ptr_array_new ();

  if (value != NULL)
    {
      parts = g_strsplit (value, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *scope = g_strstrip (parts[i]);
          if (*scope != '\0')
            g_ptr_array_add (scopes, g_strdup (scope));
        }
    }
  if (scopes->len == 0)
    g_ptr_array_add (scopes, g_strdup (AMIGO_SSO_DEFAULT_SCOPE));
  g_ptr_array_add (scopes, NULL);
  return (char **) g_ptr_array_free (scopes, FALSE);
}

static const char *
nonempty (const char *value)
{
  return (value != NULL && *value != '\0') ? value : NULL;
}

/* A start URL must be an https:// (or, for tests, loopback http://) URL. */
static gboolean
check_start_url (const char  *where,
                 const char  *url,
                 GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL &&
      (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
       g_strcmp0 (g_uri_get_scheme (uri), "http") == 0))
    return TRUE;
  g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
               _("The sign-in address (sso_start_url) of “%s” is not a web address. "
                 "It looks like https://my-sso-portal.awsapps.com/start."), where);
  return FALSE;
}

/**
 * amigo_sso_settings_from_session:
 * @config: the AWS CLI's configuration
 * @session_name: the name of an `[sso-session NAME]` section
 * @error: an %AMIGO_AWS_ERROR_CONFIG error when the section is missing or
 *   incomplete
 *
 * The settings of a bare session (no account or role): what signing in and
 * listing the accounts need.
 *
 * Returns: (transfer full) (nullable): the settings
 */
AmigoSsoSettings *
amigo_sso_settings_from_session (AmigoAwsConfig  *config,
                                 const char      *session_name,
                                 GError         **error)
{
  g_autoptr(AmigoAwsProfile) session = NULL;
  g_autoptr(AmigoSsoSettings) self = NULL;
  const char *start_url;
  const char *region;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (session_name != NULL, NULL);

  session = amigo_aws_config_get_sso_session (config, session_name);
  if (session == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The IAM Identity Center session “%s” is not in the AWS CLI’s "
                     "config file. Add an [sso-session %s] section."),
                   session_name, session_name);
      return NULL;
    }
  start_url = nonempty (amigo_aws_profile_get (session, "sso_start_url"));
  region = nonempty (amigo_aws_profile_get (session, "sso_region"));
  if (start_url == NULL || region == NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The IAM Identity Center session “%s” lacks %s. Add it to the "
                     "[sso-session %s] section of the AWS CLI’s config file."),
                   session_name, start_url == NULL ? "sso_start_url" : "sso_region",
                   session_name);
      return NULL;
    }
  if (!check_start_url (session_name, start_url, error))
    return NULL;

  self = g_new0 (AmigoSsoSettings, 1);
  self->session_name = g_strdup (session_name);
  self->start_url = g_strdup (start_url);
  self->region = g_strdup (region);
  self->scopes = parse_scopes (amigo_aws_profile_get (session, "sso_registration_scopes"));
  return g_steal_pointer (&self);
}

/**
 * amigo_sso_settings_from_profile:
 * @config: the AWS CLI's configuration
 * @profile_name: a profile that uses IAM Identity Center
 * @error: an %AMIGO_AWS_ERROR_CONFIG error naming what is missing or
 *   contradictory, or %AMIGO_AWS_ERROR_NOT_FOUND for an unknown profile
 *
 * Returns: (transfer full) (nullable): the profile's settings
 */
AmigoSsoSettings *
amigo_sso_settings_from_profile (AmigoAwsConfig  *config,
                                 const char      *profile_name,
                                 GError         **error)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  g_autoptr(AmigoSsoSettings) self = NULL;
  const char *session_name;
  const char *missing = NULL;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (profile_name != NULL, NULL);

  profile = amigo_aws_config_lookup_profile (config, profile_name, error);
  if (profile == NULL)
    return NULL;

  session_name = nonempty (amigo_aws_profile_get (profile, "sso_session"));
  if (session_name != NULL)
    {
      static const char * const shared_keys[] = { "sso_start_url", "sso_region" };

      self = amigo_sso_settings_from_session (config, session_name, error);
      if (self == NULL)
        return NULL;
      /* botocore: "The value for X is inconsistent with the sso-session". */
      for (gsize i = 0; i < G_N_ELEMENTS (shared_keys); i++)
        {
          const char *mine = nonempty (amigo_aws_profile_get (profile, shared_keys[i]));
          const char *theirs = i == 0 ? self->start_url : self->region;

          if (mine != NULL && g_strcmp0 (mine, theirs) != 0)
            {
              g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                           _("The AWS profile “%s” sets %s to another value than its "
                             "IAM Identity Center session “%s”. Remove it from the profile."),
                           profile_name, shared_keys[i], session_name);
              return NULL;
            }
        }
    }
  else
    {
      const char *start_url = nonempty (amigo_aws_profile_get (profile, "sso_start_url"));
      const char *region = nonempty (amigo_aws_profile_get (profile, "sso_region"));

      if (start_url == NULL)
        missing = "sso_start_url";
      else if (region == NULL)
        missing = "sso_region";
      if (missing == NULL && !check_start_url (profile_name, start_url, error))
        return NULL;
      if (missing == NULL)
        {
          self = g_new0 (AmigoSsoSettings, 1);
          self->start_url = g_strdup (start_url);
          self->region = g_strdup (region);
          self->scopes = parse_scopes (NULL);
        }
    }

  if (missing == NULL && nonempty (amigo_aws_profile_get (profile, "sso_account_id")) == NULL)
    missing = "sso_account_id";
  if (missing == NULL && nonempty (amigo_aws_profile_get (profile, "sso_role_name")) == NULL)
    missing = "sso_role_name";
  if (missing != NULL)
    {
      /* Translators: the second %s is sso_session or sso_start_url, the
       * third the setting that is missing */
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The AWS profile “%s” signs in with IAM Identity Center (%s) but lacks %s. "
                     "Run “aws configure sso --profile %s”, or add it to the profile."),
                   profile_name, session_name != NULL ? "sso_session" : "sso_start_url",
                   missing, profile_name);
      return NULL;
    }

  self->profile_name = g_strdup (profile_name);
  self->account_id = g_strdup (amigo_aws_profile_get (profile, "sso_account_id"));
  self->role_name = g_strdup (amigo_aws_profile_get (profile, "sso_role_name"));
  return g_steal_pointer (&self);
}

/**
 * amigo_sso_settings_new:
 * @start_url: the AWS access portal URL
 * @region: where IAM Identity Center runs
 * @account_id: (nullable): the account whose role is taken
 * @role_name: (nullable): the role
 *
 * Settings of no profile: an account Amigo keeps itself, or the start URL
 * typed in "Add Accounts from IAM Identity Center". Its token is named by
 * the start URL (the legacy form's cache key) and asks the default scope.
 *
 * Returns: (transfer full): the settings
 */
AmigoSsoSettings *
amigo_sso_settings_new (const char *start_url,
                        const char *region,
                        const char *account_id,
                        const char *role_name)
{
  AmigoSsoSettings *self;

  g_return_val_if_fail (start_url != NULL && region != NULL, NULL);

  self = g_new0 (AmigoSsoSettings, 1);
  self->start_url = g_strdup (start_url);
  self->region = g_strdup (region);
  self->scopes = parse_scopes (NULL);
  self->account_id = g_strdup (account_id);
  self->role_name = g_strdup (role_name);
  return self;
}

/**
 * amigo_sso_settings_get_cache_key:
 * @self: settings
 *
 * Returns: (transfer none): what names its token: the session name, or the
 *   start URL in the legacy form (botocore's `_generate_cache_key` input)
 */
const char *
amigo_sso_settings_get_cache_key (const AmigoSsoSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->session_name != NULL ? self->session_name : self->start_url;
}

/* ---- tokens ------------------------------------------------------------ */

void
amigo_sso_token_free (AmigoSsoToken *self)
{
  if (self == NULL)
    return;
  amigo_secure_free_string (self->access_token);
  amigo_secure_free_string (self->refresh_token);
  amigo_secure_free_string (self->client_id);
  amigo_secure_free_string (self->client_secret);
  g_free (self->region);
  g_free (self->start_url);
  g_free (self);
}

AmigoSsoToken *
amigo_sso_token_copy (const AmigoSsoToken *self)
{
  AmigoSsoToken *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoSsoToken, 1);
  copy->access_token = g_strdup (self->access_token);
  copy->expires_at = self->expires_at;
  copy->refresh_token = g_strdup (self->refresh_token);
  copy->client_id = g_strdup (self->client_id);
  copy->client_secret = g_strdup (self->client_secret);
  copy->registration_expires_at = self->registration_expires_at;
  copy->region = g_strdup (self->region);
  copy->start_url = g_strdup (self->start_url);
  return copy;
}

/**
 * amigo_sso_token_is_valid:
 * @self: a token
 * @now: Unix seconds
 *
 * Returns: whether its access token lasts more than another minute
 */
gboolean
amigo_sso_token_is_valid (const AmigoSsoToken *self,
                          gint64               now)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->access_token != NULL && self->expires_at > now + 60;
}

/**
 * amigo_sso_token_can_refresh:
 * @self: a token
 * @now: Unix seconds
 *
 * Returns: whether it has a refresh token and a client registration that
 *   has not expired (botocore's `_refresh_access_token` conditions)
 */
gboolean
amigo_sso_token_can_refresh (const AmigoSsoToken *self,
                             gint64               now)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->refresh_token != NULL && self->client_id != NULL &&
         self->client_secret != NULL &&
         (self->registration_expires_at == 0 || self->registration_expires_at > now);
}

/**
 * amigo_sso_cache_path:
 * @envp: (nullable): the environment (`HOME`)
 * @cache_key: a session name or start URL
 *
 * Returns: (transfer full): `~/.aws/sso/cache/<sha1 of @cache_key>.json`
 */
char *
amigo_sso_cache_path (const char * const *envp,
                      const char         *cache_key)
{
  g_autofree char *digest = NULL;
  g_autofree char *file = NULL;
  const char *home = envp != NULL ? g_environ_getenv ((char **) envp, "HOME") : NULL;

  g_return_val_if_fail (cache_key != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, cache_key, -1);
  file = g_strconcat (digest, ".json", NULL);
  return g_build_filename (home != NULL && *home != '\0' ? home : g_get_home_dir (),
                           ".aws", "sso", "cache", file, NULL);
}

/**
 * amigo_sso_parse_timestamp:
 * @text: `2024-01-02T03:04:05Z`, with fractions or an offset, or the
 *   legacy `2024-01-02T03:04:05UTC`
 * @seconds: (out): Unix seconds
 *
 * Returns: whether @text was a timestamp
 */
gboolean
amigo_sso_parse_timestamp (const char *text,
                           gint64     *seconds)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *fixed = NULL;

  if (text == NULL)
    return FALSE;
  if (g_str_has_suffix (text, "UTC"))
    fixed = g_strndup (text, strlen (text) - 3);
  when = g_date_time_new_from_iso8601 (fixed != NULL ? fixed : text, utc);
  if (when == NULL)
    return FALSE;
  *seconds = g_date_time_to_unix (when);
  return TRUE;
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/**
 * amigo_sso_token_parse_cache:
 * @data: a cache file's contents
 * @len: its length
 * @error: an %AMIGO_AWS_ERROR_CONFIG error when it is not a token
 *
 * Reads the AWS CLI's cached token: `accessToken` and `expiresAt` (both
 * required, as botocore's SSOTokenLoader demands), and when present
 * `refreshToken`, `clientId`, `clientSecret`, `registrationExpiresAt`,
 * `region`, `startUrl`. The error never quotes the file.
 *
 * Returns: (transfer full) (nullable): the token
 */
AmigoSsoToken *
amigo_sso_token_parse_cache (const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *registration_expires = NULL;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                           _("The AWS CLI’s cached sign-in is not a JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  token = g_new0 (AmigoSsoToken, 1);
  token->access_token = member_string (object, "accessToken");
  expires = member_string (object, "expiresAt");
  if (token->access_token == NULL || *token->access_token == '\0' ||
      !amigo_sso_parse_timestamp (expires, &token->expires_at))
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                           _("The AWS CLI’s cached sign-in lacks a token or its expiry time."));
      return NULL;
    }
  token->refresh_token = member_string (object, "refreshToken");
  token->client_id = member_string (object, "clientId");
  token->client_secret = member_string (object, "clientSecret");
  registration_expires = member_string (object, "registrationExpiresAt");
  if (registration_expires != NULL &&
      !amigo_sso_parse_timestamp (registration_expires, &token->registration_expires_at))
    token->registration_expires_at = 1;   /* unreadable: treated as expired */
  token->region = member_string (object, "region");
  token->start_url = member_string (object, "startUrl");
  return g_steal_pointer (&token);
}

/**
 * amigo_sso_token_load_cache:
 * @path: a cache file
 * @error: %G_IO_ERROR_NOT_FOUND when there is none, else an
 *   %AMIGO_AWS_ERROR_CONFIG error
 *
 * Reads one file of the AWS CLI's cache (never writes it).
 *
 * Returns: (transfer full) (nullable): the token
 */
AmigoSsoToken *
amigo_sso_token_load_cache (const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  AmigoSsoToken *token;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!amigo_file_read_bounded (path, SSO_CACHE_MAX_SIZE, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The AWS CLI has no cached sign-in (%s)."), path);
      else
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS CLI’s cached sign-in could not be read: %s"),
                     local_error->message);
      return NULL;
    }
  token = amigo_sso_token_parse_cache (contents, len, error);
  amigo_secure_wipe (contents, len);
  g_free (contents);
  return token;
}

/* ---- PKCE (RFC 7636) --------------------------------------------------- */

static char *
base64url (const guint8 *data,
           gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *end;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';
  return text;
}

static char *
random_base64url (gsize n_bytes)
{
  guint8 bytes[64];
  char *text;

  g_assert (n_bytes <= sizeof bytes);
  if (RAND_bytes (bytes, (int) n_bytes) != 1)
    g_error ("the system's random number generator failed");
  text = base64url (bytes, n_bytes);
  amigo_secure_wipe (bytes, sizeof bytes);
  return text;
}

/**
 * amigo_sso_pkce_verifier_new:
 *
 * RFC 7636 4.1: 32 random octets, base64url-encoded into a 43-character
 * `code_verifier`. A secret: free it with amigo_secure_free_string().
 *
 * Returns: (transfer full): the verifier
 */
char *
amigo_sso_pkce_verifier_new (void)
{
  return random_base64url (32);
}

/**
 * amigo_sso_pkce_challenge:
 * @verifier: a code verifier
 *
 * RFC 7636 4.2, S256: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))).
 *
 * Returns: (transfer full): the `code_challenge`
 */
char *
amigo_sso_pkce_challenge (const char *verifier)
{
  guint8 digest[SHA256_DIGEST_LENGTH];

  g_return_val_if_fail (verifier != NULL, NULL);

  SHA256 ((const guint8 *) verifier, strlen (verifier), digest);
  return base64url (digest, sizeof digest);
}

/**
 * amigo_sso_random_state_new:
 *
 * Returns: (transfer full): an unguessable OAuth `state` value
 */
char *
amigo_sso_random_state_new (void)
{
  return random_base64url (16);
}
