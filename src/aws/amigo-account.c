/* amigo-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-account.h"
#include "amigo-credential-chain.h"
#include "amigo-error.h"
#include "amigo-getter-private.h"
#include "amigo-gtask-private.h"
#include "amigo-sso.h"
#include "amigo-sts.h"

struct _AmigoAccount
{
  GObject parent_instance;

  AmigoAccountKind kind;
  char *id;
  char *name;
  char *profile_name;           /* PROFILE */
  char *default_region;
  char *custom_endpoint;        /* KEYRING: the account's own endpoint */
  char *account_number;         /* learnt from STS, never a secret */

  AmigoKeyring *keyring;        /* KEYRING */
  AmigoKeyringAccount *stored;  /* KEYRING */
  AmigoAwsConfig *config;
  AmigoSsoSettings *sso_settings;    /* SSO */
  AmigoAccount *source;              /* ROLE: the account the role is assumed from */
  AmigoRoleSettings *role_settings;  /* ROLE */

  /* The client is made once and keeps its SoupSession (keep-alive) across
   * credential refreshes. */
  AmigoClient *client;
  AmigoCredentials *credentials;
  /* The credentials being fetched, when they are: callers that ask for
   * the client meanwhile wait for the same answer (one MFA code, one
   * sign-in, one AssumeRole). */
  struct _AmigoAccountFetch *fetch;

  /* Who the credentials belong to: asked of STS once, kept until the
   * credentials change. Callers that ask while the question is out wait
   * for the same answer. */
  AmigoCallerIdentity *identity;
  GPtrArray *identity_waiters;  /* GTask, while GetCallerIdentity is out */
  guint credentials_generation; /* bumped whenever the credentials may change */
};

G_DEFINE_FINAL_TYPE (AmigoAccount, amigo_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_DEFAULT_REGION,
  PROP_ACCOUNT_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FALLBACK_REGION "us-east-1"

/* g_set_str() arrives in GLib 2.76, above our floor. */
static gboolean
set_str (char       **str_pointer,
         const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

static void
amigo_account_dispose (GObject *object)
{
  AmigoAccount *self = AMIGO_ACCOUNT (object);

  g_clear_object (&self->keyring);
  g_clear_object (&self->stored);
  g_clear_object (&self->config);
  g_clear_object (&self->source);
  g_clear_object (&self->client);
  g_clear_pointer (&self->credentials, amigo_credentials_unref);
  g_clear_pointer (&self->identity, amigo_caller_identity_free);

  G_OBJECT_CLASS (amigo_account_parent_class)->dispose (object);
}

static void
amigo_account_finalize (GObject *object)
{
  AmigoAccount *self = AMIGO_ACCOUNT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->profile_name);
  g_free (self->default_region);
  g_free (self->custom_endpoint);
  g_free (self->account_number);
  g_clear_pointer (&self->sso_settings, amigo_sso_settings_free);
  g_clear_pointer (&self->role_settings, amigo_role_settings_free);

  G_OBJECT_CLASS (amigo_account_parent_class)->finalize (object);
}

static void
amigo_account_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmigoAccount *self = AMIGO_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DEFAULT_REGION:
      g_value_set_string (value, amigo_account_get_default_region (self));
      break;
    case PROP_ACCOUNT_NUMBER:
      g_value_set_string (value, self->account_number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_account_class_init (AmigoAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_account_dispose;
  object_class->finalize = amigo_account_finalize;
  object_class->get_property = amigo_account_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      AMIGO_ACCOUNT_KIND_KEYRING, AMIGO_ACCOUNT_KIND_ROLE,
                      AMIGO_ACCOUNT_KIND_KEYRING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFAULT_REGION] =
    g_param_spec_string ("default-region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_NUMBER] =
    g_param_spec_string ("account-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_account_init (AmigoAccount *self)
{
}

/* A new account of @kind that reads @config; @id, @name and
 * @default_region are taken. */
static AmigoAccount *
account_new (AmigoAccountKind  kind,
             AmigoAwsConfig   *config,
             char             *id,
             char             *name,
             char             *default_region)
{
  AmigoAccount *self = g_object_new (AMIGO_TYPE_ACCOUNT, NULL);

  self->kind = kind;
  self->config = g_object_ref (config);
  self->id = id;
  self->name = name;
  self->default_region = default_region;
  return self;
}

/**
 * amigo_account_new_keyring:
 * @keyring: the keyring the account is stored in
 * @stored: the stored account's non-secret part
 * @config: the AWS CLI configuration, for the environment's endpoint overrides
 *
 * Returns: (transfer full): a new account
 */
AmigoAccount *
amigo_account_new_keyring (AmigoKeyring        *keyring,
                           AmigoKeyringAccount *stored,
                           AmigoAwsConfig      *config)
{
  AmigoAccount *self;

  g_return_val_if_fail (AMIGO_IS_KEYRING (keyring), NULL);
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (stored), NULL);
  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);

  self = account_new (AMIGO_ACCOUNT_KIND_KEYRING, config,
                      g_strconcat ("keyring:", amigo_keyring_account_get_id (stored), NULL),
                      NULL, NULL);
  self->keyring = g_object_ref (keyring);
  amigo_account_update_stored (self, stored);
  return self;
}

/**
 * amigo_account_new_profile:
 * @config: the AWS CLI configuration
 * @profile_name: the profile's name
 *
 * Returns: (transfer full): a new account that reads its credentials from
 *   the profile each time they are needed
 */
AmigoAccount *
amigo_account_new_profile (AmigoAwsConfig *config,
                           const char     *profile_name)
{
  AmigoAccount *self;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (profile_name != NULL, NULL);

  self = account_new (AMIGO_ACCOUNT_KIND_PROFILE, config,
                      g_strconcat ("profile:", profile_name, NULL),
                      /* Translators: an account made from an AWS CLI profile; %s is its name */
                      g_strdup_printf (_("%s (AWS CLI)"), profile_name),
                      amigo_aws_config_resolve_region (config, profile_name));
  self->profile_name = g_strdup (profile_name);
  return self;
}

/**
 * amigo_account_environment_is_set:
 *
 * Returns: whether `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` are both
 *   set in @config's environment
 */
gboolean
amigo_account_environment_is_set (AmigoAwsConfig *config)
{
  const char *key = amigo_aws_config_getenv (config, "AWS_ACCESS_KEY_ID");
  const char *secret = amigo_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY");

  return key != NULL && *key != '\0' && secret != NULL && *secret != '\0';
}

/**
 * amigo_account_new_environment:
 * @config: the AWS CLI configuration, whose environment holds the keys
 *
 * Returns: (transfer full): the account named “Environment”
 */
AmigoAccount *
amigo_account_new_environment (AmigoAwsConfig *config)
{
  const char *region;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);

  region = amigo_aws_config_getenv (config, "AWS_REGION");
  if (region == NULL || *region == '\0')
    region = amigo_aws_config_getenv (config, "AWS_DEFAULT_REGION");
  return account_new (AMIGO_ACCOUNT_KIND_ENVIRONMENT, config, g_strdup ("environment"),
                      /* Translators: the account whose keys come from AWS_* environment variables */
                      g_strdup (_("Environment")),
                      region != NULL && *region != '\0' ? g_strdup (region)
                      : amigo_aws_config_resolve_region (config, NULL));
}

/**
 * amigo_account_sso_id:
 * @settings: an account's start URL, account id and role name
 *
 * Returns: (transfer full): the id of the account these settings make:
 *   one per start URL × account × role
 */
char *
amigo_account_sso_id (const AmigoSsoSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);
  return g_strdup_printf ("sso:%s/%s@%s", settings->account_id, settings->role_name,
                          settings->start_url);
}

/* The getters that return a field as it is. */
#define ACCOUNT_FIELD_GETTER(Type, field, fallback) \
  AMIGO_DEFINE_FIELD_GETTER (AmigoAccount, amigo_account, AMIGO_IS_ACCOUNT, Type, field, fallback)

/**
 * amigo_account_new_sso:
 * @config: the AWS CLI configuration, for the environment's endpoint overrides
 * @name: the name people see (the AWS account's, at first)
 * @region: (nullable): the region to show first
 * @settings: the start URL, IAM Identity Center's region, the account id
 *   and the role name (copied)
 *
 * Returns: (transfer full): an account whose credentials come from
 *   GetRoleCredentials, with the token of @settings' shared session
 */
AmigoAccount *
amigo_account_new_sso (AmigoAwsConfig         *config,
                       const char             *name,
                       const char             *region,
                       const AmigoSsoSettings *settings)
{
  AmigoAccount *self;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (settings != NULL && settings->account_id != NULL &&
                        settings->role_name != NULL, NULL);

  self = account_new (AMIGO_ACCOUNT_KIND_SSO, config, amigo_account_sso_id (settings),
                      g_strdup (name), g_strdup (region));
  self->sso_settings = amigo_sso_settings_copy (settings);
  return self;
}

/**
 * amigo_account_get_sso_settings:
 *
 * Returns: (transfer none) (nullable): where an IAM Identity Center
 *   account signs in, and its account and role
 */
ACCOUNT_FIELD_GETTER (const AmigoSsoSettings *, sso_settings, NULL)

/**
 * amigo_account_role_id:
 * @source_id: the id of the account the role is assumed from
 * @role_arn: the role
 *
 * Returns: (transfer full): the id of that switch-role account
 */
char *
amigo_account_role_id (const char *source_id,
                       const char *role_arn)
{
  return g_strdup_printf ("role:%s@%s", role_arn, source_id);
}

/**
 * amigo_account_new_role:
 * @config: the AWS CLI configuration (endpoints, the MFA prompt)
 * @name: the name people gave it
 * @region: (nullable): the region to show first (the source's when %NULL)
 * @source: the account whose credentials assume the role
 * @role: the role, its external id, MFA device and session length (copied)
 *
 * Returns: (transfer full): an account whose credentials are sessions of
 *   @role, made again (with a new MFA code when it has a device) before
 *   each one expires
 */
AmigoAccount *
amigo_account_new_role (AmigoAwsConfig          *config,
                        const char              *name,
                        const char              *region,
                        AmigoAccount            *source,
                        const AmigoRoleSettings *role)
{
  AmigoAccount *self;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (source), NULL);
  g_return_val_if_fail (name != NULL && role != NULL && role->role_arn != NULL, NULL);

  self = account_new (AMIGO_ACCOUNT_KIND_ROLE, config,
                      amigo_account_role_id (amigo_account_get_id (source), role->role_arn),
                      g_strdup (name),
                      g_strdup (region != NULL ? region : amigo_account_get_default_region (source)));
  self->source = g_object_ref (source);
  self->role_settings = amigo_role_settings_copy (role);
  return self;
}

/**
 * amigo_account_get_role_settings:
 *
 * Returns: (transfer none) (nullable): the role of a switch-role account
 */
ACCOUNT_FIELD_GETTER (const AmigoRoleSettings *, role_settings, NULL)

/**
 * amigo_account_get_source:
 *
 * Returns: (transfer none) (nullable): the account a switch-role account
 *   assumes its role from
 */
ACCOUNT_FIELD_GETTER (AmigoAccount *, source, NULL)

ACCOUNT_FIELD_GETTER (const char *, id, NULL)
ACCOUNT_FIELD_GETTER (const char *, name, NULL)
ACCOUNT_FIELD_GETTER (AmigoAccountKind, kind, AMIGO_ACCOUNT_KIND_KEYRING)

/**
 * amigo_account_get_profile_name:
 *
 * Returns: (nullable): the AWS CLI profile of a profile account
 */
ACCOUNT_FIELD_GETTER (const char *, profile_name, NULL)

/**
 * amigo_account_get_custom_endpoint:
 *
 * Returns: (nullable): the EC2-compatible endpoint stored with the account
 */
ACCOUNT_FIELD_GETTER (const char *, custom_endpoint, NULL)

/**
 * amigo_account_get_account_number:
 *
 * Returns: (nullable): the 12-digit account id, once STS told it
 */
ACCOUNT_FIELD_GETTER (const char *, account_number, NULL)

/**
 * amigo_account_get_keyring_id:
 *
 * Returns: (nullable): the keyring id of a keyring account
 */
const char *
amigo_account_get_keyring_id (AmigoAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), NULL);
  return self->stored ? amigo_keyring_account_get_id (self->stored) : NULL;
}

/**
 * amigo_account_get_allow_plain_http:
 *
 * Whether people allowed this account's requests to go unencrypted
 * (`http://`) to a host that is not this computer. Only a keyring account
 * can say so, in its account dialog; every client made for the account
 * follows it (amigo_client_set_allow_plain_http()).
 *
 * Returns: the consent, %FALSE for profile and environment accounts
 */
gboolean
amigo_account_get_allow_plain_http (AmigoAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), FALSE);
  return self->stored != NULL && amigo_keyring_account_get_allow_plain_http (self->stored);
}

/**
 * amigo_account_get_default_region:
 *
 * Returns: the region to show first; `us-east-1` when nothing says otherwise
 */
const char *
amigo_account_get_default_region (AmigoAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), NULL);
  if (self->default_region != NULL && *self->default_region != '\0')
    return self->default_region;
  return FALLBACK_REGION;
}

void
amigo_account_set_account_number (AmigoAccount *self,
                                  const char   *account_number)
{
  g_return_if_fail (AMIGO_IS_ACCOUNT (self));

  if (set_str (&self->account_number, account_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NUMBER]);
}

/**
 * amigo_account_update_stored:
 * @stored: the account as the keyring now has it (after a rename or an edit)
 *
 * Updates a keyring account's name, region, endpoint and plain-http consent.
 */
void
amigo_account_update_stored (AmigoAccount        *self,
                             AmigoKeyringAccount *stored)
{
  g_return_if_fail (AMIGO_IS_ACCOUNT (self));
  g_return_if_fail (self->kind == AMIGO_ACCOUNT_KIND_KEYRING);

  g_set_object (&self->stored, stored);
  if (set_str (&self->name, amigo_keyring_account_get_name (stored)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (set_str (&self->default_region, amigo_keyring_account_get_region (stored)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_REGION]);
  if (set_str (&self->custom_endpoint, amigo_keyring_account_get_endpoint (stored)))
    amigo_account_forget_credentials (self);
  if (self->client != NULL)
    amigo_client_set_allow_plain_http (self->client, amigo_account_get_allow_plain_http (self));
}

/**
 * amigo_account_resolve_endpoint:
 * @service: e.g. "ec2"
 * @region: the region the request is for
 *
 * Where @service's requests for @region go, with the AWS CLI's precedence:
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the account's own
 * endpoint, the profile's `endpoint_url`, then AWS's — its FIPS or
 * dual-stack endpoint when the environment or the profile's
 * `use_fips_endpoint` / `use_dualstack_endpoint` ask for it.
 *
 * Returns: (transfer full): the endpoint, or %NULL with @error set
 */
AmigoEndpoint *
amigo_account_resolve_endpoint (AmigoAccount *self,
                                const char   *service,
                                const char   *region,
                                GError      **error)
{
  g_autofree char *profile_url = NULL;
  AmigoEndpointVariant variant = AMIGO_ENDPOINT_VARIANT_NONE;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), NULL);

  if (self->kind == AMIGO_ACCOUNT_KIND_PROFILE)
    {
      g_autoptr(AmigoAwsProfile) profile = amigo_aws_config_get_profile (self->config,
                                                                         self->profile_name);

      profile_url = amigo_aws_config_get_endpoint_url (self->config, self->profile_name, service);
      if (profile != NULL)
        {
          if (g_strcmp0 (amigo_aws_profile_get (profile, "use_fips_endpoint"), "true") == 0)
            variant |= AMIGO_ENDPOINT_VARIANT_FIPS;
          if (g_strcmp0 (amigo_aws_profile_get (profile, "use_dualstack_endpoint"), "true") == 0)
            variant |= AMIGO_ENDPOINT_VARIANT_DUAL_STACK;
        }
    }

  /* AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT apply to every
   * kind of account, as in the AWS CLI. */
  return amigo_endpoint_resolve_variant (service, region,
                                         amigo_aws_config_get_environ (self->config),
                                         self->custom_endpoint, profile_url, variant, error);
}

/* The keys may now belong to someone else: ask STS again next time, and
 * claim no account id until then (it decides which images are "ours"). */
static void
forget_identity (AmigoAccount *self)
{
  self->credentials_generation++;
  g_clear_pointer (&self->identity, amigo_caller_identity_free);
  amigo_account_set_account_number (self, NULL);
}

/**
 * amigo_account_forget_credentials:
 *
 * Drops the credentials (and the identity learnt with them), so the next
 * call reads them afresh from the keyring, the profile or the environment.
 */
void
amigo_account_forget_credentials (AmigoAccount *self)
{
  g_return_if_fail (AMIGO_IS_ACCOUNT (self));
  g_clear_pointer (&self->credentials, amigo_credentials_unref);
  forget_identity (self);
}

/* The profile whose client settings count: a profile account's own; for
 * the environment, the one the AWS CLI would read (AWS_PROFILE or
 * `default`); none for keys in the keyring. */
static const char *
settings_profile (AmigoAccount *self)
{
  switch (self->kind)
    {
    case AMIGO_ACCOUNT_KIND_PROFILE:
      return self->profile_name;
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      return amigo_aws_config_get_selected_profile_name (self->config);
    case AMIGO_ACCOUNT_KIND_KEYRING:
    case AMIGO_ACCOUNT_KIND_SSO:
    case AMIGO_ACCOUNT_KIND_ROLE:
    default:
      return NULL;
    }
}

static gboolean uses_environment_chain (AmigoAccount *self);
static void refresh_credentials (AmigoClient *client,
                                 GTask       *task,
                                 gpointer     user_data);

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Retries, certificate authorities and, for a profile, how its temporary
 * credentials are refreshed: as the AWS CLI configures them. */
static gboolean
configure_client (AmigoAccount  *self,
                  AmigoClient   *client,
                  GError       **error)
{
  const char *profile_name = settings_profile (self);
  AmigoRetryMode mode;
  guint max_attempts;
  gboolean from_profile;
  const char *ca_bundle;

  if (!amigo_aws_config_get_retry_settings (self->config, profile_name, &mode, &max_attempts, error))
    return FALSE;
  amigo_client_set_retry_mode (client, mode);
  amigo_client_set_max_attempts (client, max_attempts);

  ca_bundle = amigo_aws_config_get_ca_bundle (self->config, profile_name, &from_profile);
  if (ca_bundle != NULL &&
      !amigo_client_set_ca_bundle (client, ca_bundle, from_profile ? profile_name : NULL, error))
    return FALSE;

  if (self->kind == AMIGO_ACCOUNT_KIND_PROFILE || self->kind == AMIGO_ACCOUNT_KIND_ROLE ||
      uses_environment_chain (self))
    {
      /* The profile's credentials read again, or a new session of the
       * role, before these expire. Weak: the account holds the client. */
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      g_weak_ref_init (weak, self);
      amigo_client_set_credentials_refresh_func (client, refresh_credentials, weak, weak_ref_free);
    }
  else if (self->kind == AMIGO_ACCOUNT_KIND_SSO)
    {
      /* New role credentials before these expire, from the shared
       * session's token (refreshed, or asked for again by a sign-in). */
      g_autoptr(AmigoSsoSession) session = amigo_sso_session_get_shared (self->config, self->sso_settings);

      amigo_sso_session_attach_to_client (session, client, self->sso_settings->account_id,
                                          self->sso_settings->role_name);
    }
  return TRUE;
}

/* The credentials that @self's kind of source finished with: the
 * keyring's, the profile's (or the environment's web identity), IAM
 * Identity Center's, or a role session's
 * (the inner task given to assume_role_credentials()). */
static AmigoCredentials *
credentials_finish (AmigoAccount  *self,
                    GObject       *source,
                    GAsyncResult  *result,
                    GError       **error)
{
  switch (self->kind)
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      return amigo_keyring_lookup_credentials_finish (AMIGO_KEYRING (source), result, error);
    case AMIGO_ACCOUNT_KIND_PROFILE:
      return amigo_credential_chain_resolve_finish (AMIGO_AWS_CONFIG (source), result,
                                                    NULL, NULL, error);
    case AMIGO_ACCOUNT_KIND_SSO:
      return amigo_sso_resolve_credentials_finish (AMIGO_AWS_CONFIG (source), result, error);
    case AMIGO_ACCOUNT_KIND_ROLE:
      return g_task_propagate_pointer (G_TASK (result), error);
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      /* Only without keys: web identity through the CLI's chain. */
      g_assert (uses_environment_chain (self));
      return amigo_credential_chain_resolve_finish (AMIGO_AWS_CONFIG (source), result,
                                                    NULL, NULL, error);
    default:
      g_assert_not_reached ();
    }
}

/* Completes @task with @credentials (taken), or with @error (taken) when
 * there are none. */
static void
return_credentials (GTask            *task,
                    AmigoCredentials *credentials,
                    GError           *error)
{
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
}

static AmigoClient *
account_take_credentials (AmigoAccount      *self,
                          AmigoCredentials  *credentials,
                          GError           **error)
{
  /* Refreshed keys of the same access key are the same identity; other
   * keys (an edited profile) may not be. Forgotten credentials took the
   * identity with them already. */
  if (self->credentials != NULL &&
      g_strcmp0 (amigo_credentials_get_access_key_id (self->credentials),
                 amigo_credentials_get_access_key_id (credentials)) != 0)
    forget_identity (self);
  g_clear_pointer (&self->credentials, amigo_credentials_unref);
  self->credentials = credentials;

  if (self->client == NULL)
    {
      g_autoptr(AmigoClient) client = amigo_client_new (credentials);

      if (!configure_client (self, client, error))
        return NULL;
      amigo_client_set_allow_plain_http (client, amigo_account_get_allow_plain_http (self));
      self->client = g_steal_pointer (&client);
    }
  else
    amigo_client_set_credentials (self->client, credentials);

  return g_object_ref (self->client);
}

/* Completes a get_client task with a client for @credentials (taken). */
static void
return_client (GTask            *task,
               AmigoCredentials *credentials)
{
  AmigoAccount *self = g_task_get_source_object (task);
  GError *error = NULL;
  AmigoClient *client;

  client = account_take_credentials (self, credentials, &error);
  if (client == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, client, g_object_unref);
}

/* ---- one fetch of credentials at a time --------------------------------- */

typedef struct {
  GTask *task;                  /* NULL once answered */
  GCancellable *cancellable;    /* the task's, while it waits */
  gulong handler;
} FetchWaiter;

typedef struct _AmigoAccountFetch {
  AmigoAccount *self;
  GCancellable *cancellable;    /* cancelled when every waiter has given up */
  GArray *waiters;              /* FetchWaiter */
} AmigoAccountFetch;

/* A waiter gave up: it is answered now, and the fetch stops when nobody
 * waits any more (the MFA dialog closes, a credential_process is killed). */
static void
fetch_waiter_cancelled_cb (GCancellable      *cancellable,
                           AmigoAccountFetch *fetch)
{
  gboolean waiting = FALSE;

  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      FetchWaiter *w = &g_array_index (fetch->waiters, FetchWaiter, i);

      if (w->task != NULL && w->cancellable == cancellable)
        {
          GTask *task = g_steal_pointer (&w->task);

          /* Its callback may ask again, and add to the array: @w is not
           * used after this. */
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
        }
      else if (w->task != NULL)
        waiting = TRUE;
    }
  if (!waiting)
    g_cancellable_cancel (fetch->cancellable);
}

static void
fetch_add_waiter (AmigoAccountFetch *fetch,
                  GTask             *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  FetchWaiter w = { task, NULL, 0 };

  if (cancellable != NULL)
    {
      w.cancellable = g_object_ref (cancellable);
      /* Not g_cancellable_connect(): the handler is disconnected from
       * the fetch's end, which may run inside another cancellation. */
      w.handler = g_signal_connect (cancellable, "cancelled",
                                    G_CALLBACK (fetch_waiter_cancelled_cb), fetch);
    }
  g_array_append_val (fetch->waiters, w);
}

/* The credentials have come (or @error, taken): every waiter gets the
 * client, or the error. */
static void
fetch_done (AmigoAccountFetch *fetch,
            AmigoCredentials  *credentials,
            GError            *error)
{
  AmigoAccount *self = fetch->self;
  g_autoptr(AmigoClient) client = NULL;

  if (self->fetch == fetch)
    self->fetch = NULL;
  if (credentials != NULL)
    client = account_take_credentials (self, credentials, &error);
  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      FetchWaiter *w = &g_array_index (fetch->waiters, FetchWaiter, i);

      if (w->cancellable != NULL)
        {
          g_signal_handler_disconnect (w->cancellable, w->handler);
          g_clear_object (&w->cancellable);
        }
    }
  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      GTask *task = g_array_index (fetch->waiters, FetchWaiter, i).task;

      if (task == NULL)
        continue;
      if (client != NULL)
        g_task_return_pointer (task, g_object_ref (client), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
    }
  g_clear_error (&error);
  g_array_unref (fetch->waiters);
  g_object_unref (fetch->cancellable);
  g_object_unref (fetch->self);
  g_free (fetch);
}

/* The credentials of a fetch, from the source of the account's kind. */
static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AmigoAccountFetch *fetch = user_data;
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = credentials_finish (fetch->self, source, result, &error);
  fetch_done (fetch, credentials, error);
}

/* ---- switch role: a session of the role, from the source's credentials -- */

static void
role_assumed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = amigo_credential_chain_switch_role_finish (AMIGO_AWS_CONFIG (source), result, &error);
  return_credentials (task, credentials, error);
}

static void
role_source_client_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoAccount *self = g_task_get_task_data (task);
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  AmigoSwitchRoleRequest request = { 0 };
  GError *error = NULL;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (client != NULL)
    credentials = amigo_client_dup_credentials (client);
  if (credentials == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                                     _("No credentials are available for this account."));
      g_prefix_error (&error, _("The account “%s” that the role is assumed from: "),
                      amigo_account_get_name (self->source));
      g_task_return_error (task, error);
      return;
    }
  request.source = credentials;
  request.role = self->role_settings;
  request.label = self->name;
  request.region = amigo_account_get_default_region (self);
  amigo_credential_chain_switch_role_async (self->config, &request, g_task_get_cancellable (task),
                                            role_assumed_cb, g_object_ref (task));
}

/* Returns a new session's credentials on a task of @self made with
 * @callback and @user_data: the source account's credentials (refreshed
 * as that account refreshes them), then AssumeRole. */
static void
assume_role_credentials (AmigoAccount        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *inner = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (inner, g_object_ref (self), g_object_unref);
  amigo_account_get_client_async (self->source, cancellable, role_source_client_cb, inner);
}

/* ---- the client's refresh ---------------------------------------------- */

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoAccount *self = g_task_get_task_data (task);
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = credentials_finish (self, source, result, &error);
  /* The same profile: the same identity, whatever the new key id. */
  if (credentials != NULL && (self->kind == AMIGO_ACCOUNT_KIND_PROFILE || uses_environment_chain (self)))
    {
      g_clear_pointer (&self->credentials, amigo_credentials_unref);
      self->credentials = amigo_credentials_ref (credentials);
    }
  return_credentials (task, credentials, error);
}

/* The client's refresh: the profile's credentials read again (its
 * credential_process run again), or the role assumed again. */
static void
refresh_credentials (AmigoClient *client,
                     GTask       *task,
                     gpointer     user_data)
{
  g_autoptr(AmigoAccount) self = g_weak_ref_get (user_data);

  if (self == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                               _("No credentials are available for this account."));
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);
  if (self->kind == AMIGO_ACCOUNT_KIND_ROLE)
    assume_role_credentials (self, g_task_get_cancellable (task), refreshed_cb, task);
  else
    amigo_credential_chain_resolve_async (self->config, self->profile_name, NULL,
                                          refreshed_cb, task);
}

/**
 * amigo_account_get_client_async:
 *
 * Gets the account's client, with credentials that are valid now: from
 * memory when they have not expired, else from the keyring, the AWS CLI
 * profile (which may run its `credential_process`) or the environment.
 * One fetch at a time: callers that ask while the credentials are being
 * fetched (the window and a resumed task at start, every region of All
 * Accounts) wait for the same answer, so an MFA code or a sign-in is
 * asked once. A caller that cancels stops waiting; the fetch stops when
 * nobody waits.
 */
void
amigo_account_get_client_async (AmigoAccount        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AmigoAccountFetch *fetch;

  g_return_if_fail (AMIGO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_account_get_client_async);

  /* A profile's client refreshes its credentials itself, before each call. */
  if (self->credentials != NULL && self->client != NULL &&
      (self->kind == AMIGO_ACCOUNT_KIND_PROFILE || self->kind == AMIGO_ACCOUNT_KIND_SSO ||
       uses_environment_chain (self) ||
       self->kind == AMIGO_ACCOUNT_KIND_ROLE ||
       !amigo_credentials_is_expired (self->credentials, g_get_real_time () / G_USEC_PER_SEC)))
    {
      g_task_return_pointer (task, g_object_ref (self->client), g_object_unref);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  /* Keys of the environment: nothing to wait for. */
  if (self->kind == AMIGO_ACCOUNT_KIND_ENVIRONMENT && !uses_environment_chain (self))
    {
      if (!amigo_account_environment_is_set (self->config))
        {
          g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                                   _("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are no longer set."));
          return;
        }
      return_client (task,
                     amigo_credentials_new (amigo_aws_config_getenv (self->config, "AWS_ACCESS_KEY_ID"),
                                            amigo_aws_config_getenv (self->config, "AWS_SECRET_ACCESS_KEY"),
                                            amigo_aws_config_getenv (self->config, "AWS_SESSION_TOKEN"),
                                            0));
      return;
    }
  /* Already being fetched for another caller: the same answer (unless
   * everyone gave that fetch up). */
  if (self->fetch != NULL && !g_cancellable_is_cancelled (self->fetch->cancellable))
    {
      fetch_add_waiter (self->fetch, g_steal_pointer (&task));
      return;
    }

  fetch = g_new0 (AmigoAccountFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->cancellable = g_cancellable_new ();
  fetch->waiters = g_array_new (FALSE, FALSE, sizeof (FetchWaiter));
  self->fetch = fetch;
  fetch_add_waiter (fetch, g_steal_pointer (&task));

  switch (self->kind)
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      amigo_keyring_lookup_credentials_async (self->keyring,
                                              amigo_keyring_account_get_id (self->stored),
                                              fetch->cancellable, fetched_cb, fetch);
      break;

    case AMIGO_ACCOUNT_KIND_PROFILE:
      amigo_credential_chain_resolve_async (self->config, self->profile_name, fetch->cancellable,
                                            fetched_cb, fetch);
      break;

    case AMIGO_ACCOUNT_KIND_SSO:
      amigo_sso_resolve_settings_async (self->config, self->sso_settings, fetch->cancellable,
                                        fetched_cb, fetch);
      break;

    case AMIGO_ACCOUNT_KIND_ROLE:
      assume_role_credentials (self, fetch->cancellable, fetched_cb, fetch);
      break;

    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      /* No keys: the role of AWS_ROLE_ARN with the web identity token. */
      amigo_credential_chain_resolve_async (self->config, NULL, fetch->cancellable,
                                            fetched_cb, fetch);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * amigo_account_get_client_finish:
 *
 * Returns: (transfer full): the client, or %NULL with @error set
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoAccount, AmigoClient *, amigo_account_get_client)

/* ---- who am I --------------------------------------------------------- */

typedef struct {
  AmigoAccount *self;
  guint generation;             /* of the credentials the question is asked with */
} IdentityCall;

static void
identity_call_free (IdentityCall *call)
{
  g_object_unref (call->self);
  g_free (call);
}

/* Answers every caller waiting for the identity: with @identity (not
 * taken) or with @error (not taken). */
static void
identity_answer_waiters (AmigoAccount              *self,
                         const AmigoCallerIdentity *identity,
                         const GError              *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->identity_waiters);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      /* A waiter whose cancellable fired gets G_IO_ERROR_CANCELLED from
       * GTask itself. */
      if (identity != NULL)
        g_task_return_pointer (task, amigo_caller_identity_copy (identity),
                               (GDestroyNotify) amigo_caller_identity_free);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
identity_sts_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IdentityCall *call = user_data;
  AmigoAccount *self = call->self;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = amigo_sts_get_caller_identity_finish (AMIGO_STS (source), result, &error);
  /* An answer about keys replaced meanwhile is told to those who asked,
   * never kept. */
  if (identity != NULL && call->generation == self->credentials_generation)
    {
      g_clear_pointer (&self->identity, amigo_caller_identity_free);
      self->identity = amigo_caller_identity_copy (identity);
      amigo_account_set_account_number (self, identity->account);
    }
  identity_answer_waiters (self, identity, error);
  identity_call_free (call);
}

static void
identity_client_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  IdentityCall *call = user_data;
  AmigoAccount *self = call->self;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(GError) error = NULL;

  client = amigo_account_get_client_finish (self, result, &error);
  if (client != NULL)
    sts = amigo_sts_new_for_account (self, client, amigo_account_get_default_region (self), &error);
  if (sts == NULL)
    {
      identity_answer_waiters (self, NULL, error);
      identity_call_free (call);
      return;
    }
  /* Reading the credentials may have replaced them. */
  call->generation = self->credentials_generation;
  amigo_sts_get_caller_identity_async (sts, NULL, identity_sts_cb, call);
}

/**
 * amigo_account_get_identity_async:
 * @self: an account
 * @cancellable: (nullable): cancels this caller's wait (the question to
 *   STS, shared with other callers, goes on)
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Who the account's credentials belong to: its 12-digit account id, the
 * ARN and the user id, as STS GetCallerIdentity tells them. STS is asked
 * once per account; the answer is kept in memory until the credentials
 * change (amigo_account_forget_credentials(), other keys read), and
 * callers that ask while the question is out share its answer. The
 * account id also becomes #AmigoAccount:account-number.
 */
void
amigo_account_get_identity_async (AmigoAccount        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IdentityCall *call;

  g_return_if_fail (AMIGO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_account_get_identity_async);

  if (self->identity != NULL)
    {
      g_task_return_pointer (task, amigo_caller_identity_copy (self->identity),
                             (GDestroyNotify) amigo_caller_identity_free);
      return;
    }

  if (self->identity_waiters != NULL)
    {
      g_ptr_array_add (self->identity_waiters, g_steal_pointer (&task));
      return;
    }

  self->identity_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->identity_waiters, g_steal_pointer (&task));

  /* Not cancellable: other callers may join and wait for the answer. */
  call = g_new0 (IdentityCall, 1);
  call->self = g_object_ref (self);
  amigo_account_get_client_async (self, NULL, identity_client_cb, call);
}

/**
 * amigo_account_get_identity_finish:
 * @self: an account
 * @result: the #GAsyncResult
 * @error: where a failure goes (%AMIGO_AWS_ERROR_AUTH for refused keys)
 *
 * Returns: (transfer full) (nullable): who the credentials belong to, or
 *   %NULL with @error set
 */
AmigoCallerIdentity *
amigo_account_get_identity_finish (AmigoAccount  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_account_get_identity_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- web identity ------------------------------------------------------ */

static const char *
nonempty_env (AmigoAwsConfig *config,
              const char     *variable)
{
  const char *value = amigo_aws_config_getenv (config, variable);

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * amigo_account_environment_has_web_identity:
 *
 * Returns: whether `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` are
 *   both set in @config's environment: the AWS CLI then assumes that role
 *   with the token (AssumeRoleWithWebIdentity), and so does the
 *   Environment account when no access key is set
 */
gboolean
amigo_account_environment_has_web_identity (AmigoAwsConfig *config)
{
  return nonempty_env (config, "AWS_WEB_IDENTITY_TOKEN_FILE") != NULL &&
         nonempty_env (config, "AWS_ROLE_ARN") != NULL;
}

/* The Environment account without keys: the AWS CLI's own chain, no
 * profile named (so the environment's web identity), refreshed by
 * resolving it again. */
static gboolean
uses_environment_chain (AmigoAccount *self)
{
  return self->kind == AMIGO_ACCOUNT_KIND_ENVIRONMENT &&
         !amigo_account_environment_is_set (self->config) &&
         amigo_account_environment_has_web_identity (self->config);
}

/**
 * amigo_account_dup_web_identity:
 * @role_arn: (out) (optional) (transfer full): the role assumed
 * @token_file: (out) (optional) (transfer full): the token's file
 *
 * Whether the account signs in with a web identity, as the credential
 * chain plans it: for a profile account, and for the Environment
 * account without keys (whose profile is AWS_PROFILE or `default`), when
 * the profile has no role of its own to assume (`role_arn` without
 * `web_identity_token_file`, which botocore's assume-role provider takes
 * before the web identity one), each setting from the environment over
 * the profile's, as botocore reads them.
 *
 * Returns: %TRUE when it does
 */
gboolean
amigo_account_dup_web_identity (AmigoAccount  *self,
                                char         **role_arn,
                                char         **token_file)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  const char *role = NULL;
  const char *file = NULL;
  const char *name;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (self), FALSE);

  if (self->kind == AMIGO_ACCOUNT_KIND_ENVIRONMENT)
    {
      if (!uses_environment_chain (self))
        return FALSE;
    }
  else if (self->kind != AMIGO_ACCOUNT_KIND_PROFILE)
    return FALSE;

  /* The profile the chain reads (for the environment, AWS_PROFILE or
   * `default`): a role of its own to assume comes first. */
  name = settings_profile (self);
  if (name != NULL)
    profile = amigo_aws_config_get_profile (self->config, name);
  if (profile != NULL && amigo_aws_profile_has_key (profile, "role_arn") &&
      !amigo_aws_profile_has_key (profile, "web_identity_token_file"))
    return FALSE;

  file = nonempty_env (self->config, "AWS_WEB_IDENTITY_TOKEN_FILE");
  role = nonempty_env (self->config, "AWS_ROLE_ARN");
  if (file == NULL && profile != NULL)
    file = amigo_aws_profile_get (profile, "web_identity_token_file");
  if (role == NULL && profile != NULL)
    role = amigo_aws_profile_get (profile, "role_arn");
  if (file == NULL || *file == '\0' || role == NULL || *role == '\0')
    return FALSE;
  if (role_arn != NULL)
    *role_arn = g_strdup (role);
  if (token_file != NULL)
    *token_file = g_strdup (file);
  return TRUE;
}
