/* amigo-sso-config.h — IAM Identity Center: a profile's settings, the AWS
 * CLI's token cache, PKCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amigo-aws-config.h"

G_BEGIN_DECLS

/* The scope every registration asks for when none is configured. */
#define AMIGO_SSO_DEFAULT_SCOPE "sso:account:access"

/**
 * AmigoSsoSettings:
 * @profile_name: the profile they come from (%NULL for a bare session)
 * @session_name: (nullable): the `[sso-session NAME]` the profile names;
 *   %NULL for the legacy form (`sso_start_url` in the profile)
 * @start_url: the AWS access portal URL (`sso_start_url`)
 * @region: where IAM Identity Center runs (`sso_region`)
 * @scopes: the registration scopes (`sso_registration_scopes`, comma
 *   separated; `sso:account:access` when unset)
 * @account_id: (nullable): `sso_account_id`
 * @role_name: (nullable): `sso_role_name`
 *
 * Where a profile signs in and which role's credentials it uses.
 */
typedef struct {
  char *profile_name;
  char *session_name;
  char *start_url;
  char *region;
  char **scopes;
  char *account_id;
  char *role_name;
} AmigoSsoSettings;

void              amigo_sso_settings_free         (AmigoSsoSettings       *self);
AmigoSsoSettings *amigo_sso_settings_copy         (const AmigoSsoSettings *self);
AmigoSsoSettings *amigo_sso_settings_new          (const char             *start_url,
                                                   const char             *region,
                                                   const char             *account_id,
                                                   const char             *role_name);
gboolean          amigo_aws_profile_uses_sso      (const AmigoAwsProfile  *profile);
AmigoSsoSettings *amigo_sso_settings_from_profile (AmigoAwsConfig         *config,
                                                   const char             *profile_name,
                                                   GError                **error);
AmigoSsoSettings *amigo_sso_settings_from_session (AmigoAwsConfig         *config,
                                                   const char             *session_name,
                                                   GError                **error);
const char       *amigo_sso_settings_get_cache_key (const AmigoSsoSettings *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSsoSettings, amigo_sso_settings_free)

/**
 * AmigoSsoToken:
 * @access_token: the bearer token of the portal API (secret)
 * @expires_at: when it expires, Unix seconds
 * @refresh_token: (nullable): to get a new one without signing in (secret)
 * @client_id: (nullable): the OIDC client registration it was issued to
 * @client_secret: (nullable): that registration's secret (secret)
 * @registration_expires_at: when the registration expires, Unix seconds
 *   (0: unknown)
 * @region: (nullable): `region` of the cache file
 * @start_url: (nullable): `startUrl` of the cache file
 *
 * An SSO OIDC access token with what refreshes it. Every string is wiped
 * from memory when it is freed.
 */
typedef struct {
  char *access_token;
  gint64 expires_at;
  char *refresh_token;
  char *client_id;
  char *client_secret;
  gint64 registration_expires_at;
  char *region;
  char *start_url;
} AmigoSsoToken;

void           amigo_sso_token_free           (AmigoSsoToken       *self);
AmigoSsoToken *amigo_sso_token_copy           (const AmigoSsoToken *self);
gboolean       amigo_sso_token_is_valid       (const AmigoSsoToken *self,
                                               gint64               now);
gboolean       amigo_sso_token_can_refresh    (const AmigoSsoToken *self,
                                               gint64               now);
char          *amigo_sso_cache_path           (const char * const  *envp,
                                               const char          *cache_key);
AmigoSsoToken *amigo_sso_token_parse_cache    (const char          *data,
                                               gsize                len,
                                               GError             **error);
AmigoSsoToken *amigo_sso_token_load_cache     (const char          *path,
                                               GError             **error);
gboolean       amigo_sso_parse_timestamp      (const char          *text,
                                               gint64              *seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSsoToken, amigo_sso_token_free)

char          *amigo_sso_pkce_verifier_new    (void);
char          *amigo_sso_pkce_challenge       (const char          *verifier);
char          *amigo_sso_random_state_new     (void);


G_END_DECLS
