/* amigo-account-manager.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-account-manager.h"

struct _AmigoAccountManager
{
  GObject parent_instance;

  /* owned */
  GSettings *settings;
  GStrv envp;
  GListStore *accounts;
  AmigoKeyring *keyring;
  AmigoAwsConfig *config;
  char *config_error;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (AmigoAccountManager, amigo_account_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading: the keyring and the AWS CLI configuration side by side, then
 * the stored accounts, then the environment, the imported profiles and the
 * AWS CLI's own choice (AWS_PROFILE and `default`). */
typedef struct {
  guint pending;
} LoadData;

/* Environment first (it is what the person asked for by setting it), then
 * stored accounts by name, then imported profiles by name. */
static int
account_rank (AmigoAccount *account)
{
  switch (amigo_account_get_kind (account))
    {
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      return 0;
    case AMIGO_ACCOUNT_KIND_KEYRING:
    case AMIGO_ACCOUNT_KIND_SSO:
    case AMIGO_ACCOUNT_KIND_ROLE:
      return 1;
    case AMIGO_ACCOUNT_KIND_PROFILE:
    default:
      return 2;
    }
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  AmigoAccount *aa = (AmigoAccount *) a;
  AmigoAccount *ab = (AmigoAccount *) b;
  int rank_a = account_rank (aa);
  int rank_b = account_rank (ab);

  if (rank_a != rank_b)
    return rank_a - rank_b;
  return g_utf8_collate (amigo_account_get_name (aa), amigo_account_get_name (ab));
}

static void
add_account (AmigoAccountManager *self,
             AmigoAccount        *account)
{
  g_list_store_insert_sorted (self->accounts, account, compare_accounts, NULL);
}

/* The profile AWS_PROFILE (or AWS_DEFAULT_PROFILE) names, when it exists. */
static const char *
named_profile (AmigoAccountManager *self)
{
  const char *name = amigo_aws_config_getenv (self->config, "AWS_PROFILE");

  if (name == NULL || *name == '\0')
    name = amigo_aws_config_getenv (self->config, "AWS_DEFAULT_PROFILE");
  if (name == NULL || *name == '\0' || !amigo_aws_config_has_profile (self->config, name))
    return NULL;
  return name;
}

/* What the AWS CLI would use without a step: the profile AWS_PROFILE names
 * and the `default` profile, whatever kind they are, shown at start without
 * being imported (they are not remembered: they follow the environment and
 * the files). */
static void
add_cli_choice (AmigoAccountManager *self)
{
  const char *candidates[] = { named_profile (self), "default" };

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *id = NULL;

      if (candidates[i] == NULL || !amigo_aws_config_has_profile (self->config, candidates[i]))
        continue;
      id = g_strconcat ("profile:", candidates[i], NULL);
      if (amigo_account_manager_lookup (self, id) == NULL)
        {
          g_autoptr(AmigoAccount) account = amigo_account_new_profile (self->config, candidates[i]);
          add_account (self, account);
        }
    }
}

/* ---- IAM Identity Center accounts, kept in the settings (never a token) -- */

#define SSO_KEY_NAME "name"
#define SSO_KEY_REGION "region"
#define SSO_KEY_START_URL "start-url"
#define SSO_KEY_SSO_REGION "sso-region"
#define SSO_KEY_ACCOUNT_ID "account-id"
#define SSO_KEY_ROLE_NAME "role-name"

static void
load_sso_accounts (AmigoAccountManager *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "sso-accounts");
  GVariantIter iter;
  GVariant *dict;

  g_variant_iter_init (&iter, all);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *name = NULL, *region = NULL, *start_url = NULL, *sso_region = NULL;
      const char *account_id = NULL, *role_name = NULL;

      g_variant_lookup (dict, SSO_KEY_NAME, "&s", &name);
      g_variant_lookup (dict, SSO_KEY_REGION, "&s", &region);
      g_variant_lookup (dict, SSO_KEY_START_URL, "&s", &start_url);
      g_variant_lookup (dict, SSO_KEY_SSO_REGION, "&s", &sso_region);
      g_variant_lookup (dict, SSO_KEY_ACCOUNT_ID, "&s", &account_id);
      g_variant_lookup (dict, SSO_KEY_ROLE_NAME, "&s", &role_name);
      if (name != NULL && start_url != NULL && sso_region != NULL && account_id != NULL &&
          role_name != NULL)
        {
          g_autoptr(AmigoSsoSettings) settings =
            amigo_sso_settings_new (start_url, sso_region, account_id, role_name);
          g_autofree char *id = amigo_account_sso_id (settings);

          if (amigo_account_manager_lookup (self, id) == NULL)
            {
              g_autoptr(AmigoAccount) account =
                amigo_account_new_sso (self->config, name,
                                       region != NULL && *region != '\0' ? region : NULL, settings);
              add_account (self, account);
            }
        }
      g_variant_unref (dict);
    }
}

/* Writes every IAM Identity Center account of the list to the settings. */
static void
save_sso_accounts (AmigoAccountManager *self)
{
  GVariantBuilder builder;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const AmigoSsoSettings *settings = amigo_account_get_sso_settings (account);

      if (amigo_account_get_kind (account) != AMIGO_ACCOUNT_KIND_SSO)
        continue;
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_NAME, amigo_account_get_name (account));
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_REGION,
                             amigo_account_get_default_region (account));
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_START_URL, settings->start_url);
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_SSO_REGION, settings->region);
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_ACCOUNT_ID, settings->account_id);
      g_variant_builder_add (&builder, "{ss}", SSO_KEY_ROLE_NAME, settings->role_name);
      g_variant_builder_close (&builder);
    }
  g_settings_set_value (self->settings, "sso-accounts", g_variant_builder_end (&builder));
}

/* ---- switch-role accounts, kept in the settings (never a secret) ---------- */

#define ROLE_KEY_SOURCE "source"
#define ROLE_KEY_ROLE_ARN "role-arn"
#define ROLE_KEY_EXTERNAL_ID "external-id"
#define ROLE_KEY_MFA_SERIAL "mfa-serial"
#define ROLE_KEY_DURATION "duration-seconds"

static void
load_role_accounts (AmigoAccountManager *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "role-accounts");
  GVariantIter iter;
  GVariant *dict;

  g_variant_iter_init (&iter, all);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *name = NULL, *region = NULL, *source_id = NULL, *duration = NULL;
      AmigoRoleSettings role = { 0 };
      AmigoAccount *source;

      g_variant_lookup (dict, SSO_KEY_NAME, "&s", &name);
      g_variant_lookup (dict, SSO_KEY_REGION, "&s", &region);
      g_variant_lookup (dict, ROLE_KEY_SOURCE, "&s", &source_id);
      g_variant_lookup (dict, ROLE_KEY_ROLE_ARN, "&s", &role.role_arn);
      g_variant_lookup (dict, ROLE_KEY_EXTERNAL_ID, "&s", &role.external_id);
      g_variant_lookup (dict, ROLE_KEY_MFA_SERIAL, "&s", &role.mfa_serial);
      g_variant_lookup (dict, ROLE_KEY_DURATION, "&s", &duration);
      if (duration != NULL)
        role.duration_seconds = (gint) g_ascii_strtoll (duration, NULL, 10);
      if (role.external_id != NULL && *role.external_id == '\0')
        role.external_id = NULL;
      if (role.mfa_serial != NULL && *role.mfa_serial == '\0')
        role.mfa_serial = NULL;
      /* A role whose source left is not shown, but stays remembered. */
      source = source_id != NULL ? amigo_account_manager_lookup (self, source_id) : NULL;
      if (name != NULL && role.role_arn != NULL && source != NULL)
        {
          g_autofree char *id = amigo_account_role_id (source_id, role.role_arn);

          if (amigo_account_manager_lookup (self, id) == NULL)
            {
              g_autoptr(AmigoAccount) account =
                amigo_account_new_role (self->config, name,
                                        region != NULL && *region != '\0' ? region : NULL,
                                        source, &role);
              add_account (self, account);
            }
        }
      g_variant_unref (dict);
    }
}

static void
add_role_entry (GVariantBuilder *builder,
                AmigoAccount    *account)
{
  const AmigoRoleSettings *role = amigo_account_get_role_settings (account);
  g_autofree char *duration = g_strdup_printf ("%d", role->duration_seconds);

  g_variant_builder_open (builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (builder, "{ss}", SSO_KEY_NAME, amigo_account_get_name (account));
  g_variant_builder_add (builder, "{ss}", SSO_KEY_REGION, amigo_account_get_default_region (account));
  g_variant_builder_add (builder, "{ss}", ROLE_KEY_SOURCE,
                         amigo_account_get_id (amigo_account_get_source (account)));
  g_variant_builder_add (builder, "{ss}", ROLE_KEY_ROLE_ARN, role->role_arn);
  g_variant_builder_add (builder, "{ss}", ROLE_KEY_EXTERNAL_ID, role->external_id ? role->external_id : "");
  g_variant_builder_add (builder, "{ss}", ROLE_KEY_MFA_SERIAL, role->mfa_serial ? role->mfa_serial : "");
  g_variant_builder_add (builder, "{ss}", ROLE_KEY_DURATION, duration);
  g_variant_builder_close (builder);
}

/* Writes the switch-role accounts: those shown, and those remembered
 * whose source is not shown now (kept as they were). */
static void
save_role_accounts (AmigoAccountManager *self,
                    const char          *forget_id)
{
  g_autoptr(GVariant) before = g_settings_get_value (self->settings, "role-accounts");
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *dict;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  g_variant_iter_init (&iter, before);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *source_id = NULL, *role_arn = NULL;

      g_variant_lookup (dict, ROLE_KEY_SOURCE, "&s", &source_id);
      g_variant_lookup (dict, ROLE_KEY_ROLE_ARN, "&s", &role_arn);
      if (source_id != NULL && role_arn != NULL && amigo_account_manager_lookup (self, source_id) == NULL)
        {
          g_autofree char *id = amigo_account_role_id (source_id, role_arn);

          if (g_strcmp0 (id, forget_id) != 0)
            g_variant_builder_add_value (&builder, dict);
        }
      g_variant_unref (dict);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_ROLE)
        add_role_entry (&builder, account);
    }
  g_settings_set_value (self->settings, "role-accounts", g_variant_builder_end (&builder));
}

static void
list_accounts_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoAccountManager *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) imported = NULL;

  stored = amigo_keyring_list_accounts_finish (AMIGO_KEYRING (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (stored == NULL)
    /* The stored accounts are not vital: say so, show the rest. */
    g_warning ("Could not list the accounts stored in the keyring: %s", error->message);
  else
    for (guint i = 0; i < stored->len; i++)
      amigo_account_manager_add_stored (self, g_ptr_array_index (stored, i));

  /* Keys, or a role with a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE
   * + AWS_ROLE_ARN, as in a Kubernetes pod or a CI job). */
  if (amigo_account_environment_is_set (self->config) ||
      amigo_account_environment_has_web_identity (self->config))
    {
      g_autoptr(AmigoAccount) account = amigo_account_new_environment (self->config);
      add_account (self, account);
    }

  imported = g_settings_get_strv (self->settings, "imported-profiles");
  for (guint i = 0; imported[i] != NULL; i++)
    {
      /* A profile that left the AWS CLI's files is not shown, but stays
       * remembered in case the file comes back. */
      if (amigo_aws_config_has_profile (self->config, imported[i]))
        {
          g_autoptr(AmigoAccount) account = amigo_account_new_profile (self->config, imported[i]);
          add_account (self, account);
        }
    }

  load_sso_accounts (self);
  add_cli_choice (self);
  /* Last: a role's source may be any of the others. */
  load_role_accounts (self);

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_task_return_boolean (task, TRUE);
}

static void
load_step_done (GTask *task)
{
  AmigoAccountManager *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (--data->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (self->keyring == NULL)
    {
      /* Only cancellation makes the keyring fail: it falls back to a
       * session-only store by itself. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      g_object_unref (task);
      return;
    }

  amigo_keyring_list_accounts_async (self->keyring, g_task_get_cancellable (task),
                                     list_accounts_cb, task);
}

static void
keyring_new_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  AmigoAccountManager *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->keyring = amigo_keyring_new_finish (result, &error);
  if (self->keyring != NULL && amigo_keyring_get_session_only (self->keyring))
    g_message ("No keyring: accounts are kept for this session only (%s)",
               amigo_keyring_get_unavailable_reason (self->keyring));
  load_step_done (task);
}

static void
config_load_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  AmigoAccountManager *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->config = amigo_aws_config_load_finish (result, &error);
  if (self->config == NULL)
    {
      /* A broken ~/.aws file must not lock the person out of the accounts
       * Amigo stores itself: keep the message, carry on without profiles. */
      g_autoptr(GError) empty_error = NULL;

      self->config_error = g_strdup (error->message);
      self->config = amigo_aws_config_load_files ("/nonexistent/config", "/nonexistent/credentials",
                                                  (const char * const *) self->envp, &empty_error);
      g_assert_no_error (empty_error);
    }

  load_step_done (task);
}

static void
amigo_account_manager_dispose (GObject *object)
{
  AmigoAccountManager *self = AMIGO_ACCOUNT_MANAGER (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->accounts);
  g_clear_object (&self->keyring);
  g_clear_object (&self->config);

  G_OBJECT_CLASS (amigo_account_manager_parent_class)->dispose (object);
}

static void
amigo_account_manager_finalize (GObject *object)
{
  AmigoAccountManager *self = AMIGO_ACCOUNT_MANAGER (object);

  g_strfreev (self->envp);
  g_free (self->config_error);

  G_OBJECT_CLASS (amigo_account_manager_parent_class)->finalize (object);
}

static void
amigo_account_manager_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmigoAccountManager *self = AMIGO_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_account_manager_class_init (AmigoAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_account_manager_dispose;
  object_class->finalize = amigo_account_manager_finalize;
  object_class->get_property = amigo_account_manager_get_property;

  /**
   * AmigoAccountManager:loaded:
   *
   * Whether the accounts have been listed (see amigo_account_manager_load_async()).
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_account_manager_init (AmigoAccountManager *self)
{
  self->accounts = g_list_store_new (AMIGO_TYPE_ACCOUNT);
}

/**
 * amigo_account_manager_new:
 * @settings: the application's settings (imported profiles are kept there)
 * @envp: (nullable): the environment to honour; %NULL for the process's
 */
AmigoAccountManager *
amigo_account_manager_new (GSettings          *settings,
                           const char * const *envp)
{
  AmigoAccountManager *self = g_object_new (AMIGO_TYPE_ACCOUNT_MANAGER, NULL);

  self->settings = g_object_ref (settings);
  self->envp = envp ? g_strdupv ((char **) envp) : g_get_environ ();
  return self;
}

void
amigo_account_manager_load_async (AmigoAccountManager *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_account_manager_load_async);
  data = g_new0 (LoadData, 1);
  data->pending = 2;
  g_task_set_task_data (task, data, g_free);

  amigo_keyring_new_async (cancellable, keyring_new_cb, g_object_ref (task));
  amigo_aws_config_load_async ((const char * const *) self->envp, cancellable,
                               config_load_cb, task);
}

gboolean
amigo_account_manager_load_finish (AmigoAccountManager  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * amigo_account_manager_get_accounts:
 *
 * Returns: (transfer none): a list model of #AmigoAccount
 */
GListModel *
amigo_account_manager_get_accounts (AmigoAccountManager *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self), NULL);
  return G_LIST_MODEL (self->accounts);
}

/**
 * amigo_account_manager_lookup:
 *
 * Returns: (transfer none) (nullable): the account with that id
 */
AmigoAccount *
amigo_account_manager_lookup (AmigoAccountManager *self,
                              const char          *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (amigo_account_get_id (account), id) == 0)
        return account;
    }
  return NULL;
}

gboolean
amigo_account_manager_get_loaded (AmigoAccountManager *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self), FALSE);
  return self->loaded;
}

AmigoKeyring *
amigo_account_manager_get_keyring (AmigoAccountManager *self)
{
  return self->keyring;
}

AmigoAwsConfig *
amigo_account_manager_get_config (AmigoAccountManager *self)
{
  return self->config;
}

/**
 * amigo_account_manager_get_config_error:
 *
 * Returns: (nullable): why the AWS CLI's files could not be read
 */
const char *
amigo_account_manager_get_config_error (AmigoAccountManager *self)
{
  return self->config_error;
}

/**
 * amigo_account_manager_list_importable_profiles:
 *
 * Returns: (transfer full): the AWS CLI profiles not shown as accounts yet
 */
char **
amigo_account_manager_list_importable_profiles (AmigoAccountManager *self)
{
  g_auto(GStrv) all = amigo_aws_config_list_profiles (self->config);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) imported = g_settings_get_strv (self->settings, "imported-profiles");

  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat ("profile:", all[i], NULL);

      /* Imported, or shown already as the AWS CLI's own choice. */
      if (!g_strv_contains ((const char * const *) imported, all[i]) &&
          amigo_account_manager_lookup (self, id) == NULL)
        g_strv_builder_add (builder, all[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * amigo_account_manager_import_profile:
 *
 * Remembers @profile_name as an account. Nothing secret is copied: the
 * credentials stay in the AWS CLI's files and are read when needed.
 *
 * Returns: (transfer none): the new account
 */
AmigoAccount *
amigo_account_manager_import_profile (AmigoAccountManager *self,
                                      const char          *profile_name)
{
  g_auto(GStrv) imported = g_settings_get_strv (self->settings, "imported-profiles");
  g_autoptr(AmigoAccount) account = NULL;
  g_autofree char *id = g_strconcat ("profile:", profile_name, NULL);
  AmigoAccount *existing = amigo_account_manager_lookup (self, id);

  if (existing != NULL)
    return existing;

  if (!g_strv_contains ((const char * const *) imported, profile_name))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;

      g_strv_builder_addv (builder, (const char **) imported);
      g_strv_builder_add (builder, profile_name);
      updated = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "imported-profiles", (const char * const *) updated);
    }

  account = amigo_account_new_profile (self->config, profile_name);
  add_account (self, account);
  return account;
}

void
amigo_account_manager_add_stored (AmigoAccountManager *self,
                                  AmigoKeyringAccount *stored)
{
  g_autoptr(AmigoAccount) account = amigo_account_new_keyring (self->keyring, stored, self->config);

  add_account (self, account);
}

/**
 * amigo_account_manager_update_stored:
 *
 * Takes the keyring's new version of an account (renamed, new region) and
 * keeps the list sorted.
 */
void
amigo_account_manager_update_stored (AmigoAccountManager *self,
                                     AmigoKeyringAccount *stored)
{
  g_autofree char *id = g_strconcat ("keyring:", amigo_keyring_account_get_id (stored), NULL);
  AmigoAccount *account = amigo_account_manager_lookup (self, id);
  guint position;

  if (account == NULL)
    return;

  amigo_account_update_stored (account, stored);
  if (g_list_store_find (self->accounts, account, &position))
    {
      g_autoptr(AmigoAccount) keep = g_object_ref (account);

      g_list_store_remove (self->accounts, position);
      add_account (self, keep);
    }
}

/**
 * amigo_account_manager_remove:
 *
 * Drops @account from the list; an imported profile is also forgotten. A
 * stored account must be deleted from the keyring by the caller first.
 */
void
amigo_account_manager_remove (AmigoAccountManager *self,
                              AmigoAccount        *account)
{
  guint position;

  if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_PROFILE)
    {
      g_auto(GStrv) imported = g_settings_get_strv (self->settings, "imported-profiles");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;

      for (guint i = 0; imported[i] != NULL; i++)
        if (g_strcmp0 (imported[i], amigo_account_get_profile_name (account)) != 0)
          g_strv_builder_add (builder, imported[i]);
      updated = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "imported-profiles", (const char * const *) updated);
    }

  /* The list may hold the last reference. */
  g_object_ref (account);
  if (g_list_store_find (self->accounts, account, &position))
    g_list_store_remove (self->accounts, position);
  if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_SSO)
    save_sso_accounts (self);
  if (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_ROLE)
    save_role_accounts (self, amigo_account_get_id (account));

  /* Roles switched to from it leave the list with it (remembered, in case
   * it comes back, as a profile that left the AWS CLI's files would). */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i > 0; i--)
    {
      g_autoptr(AmigoAccount) other = g_list_model_get_item (G_LIST_MODEL (self->accounts), i - 1);

      if (amigo_account_get_kind (other) == AMIGO_ACCOUNT_KIND_ROLE &&
          amigo_account_get_source (other) == account)
        g_list_store_remove (self->accounts, i - 1);
    }
  g_object_unref (account);
}

/**
 * amigo_account_manager_add_role:
 * @account: a switch-role account (amigo_account_new_role()), whose
 *   source is one of the list
 *
 * Remembers a switch-role account, with the session it may have made
 * already (so that an MFA code is not asked twice). Nothing secret is
 * kept: its credentials are sessions made from its source's.
 *
 * Returns: (transfer none): the account (the one there already when the
 *   same role of the same source was added before)
 */
AmigoAccount *
amigo_account_manager_add_role (AmigoAccountManager *self,
                                AmigoAccount        *account)
{
  AmigoAccount *existing;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_ROLE, NULL);

  existing = amigo_account_manager_lookup (self, amigo_account_get_id (account));
  if (existing != NULL)
    return existing;
  add_account (self, account);
  save_role_accounts (self, NULL);
  return account;
}

/**
 * amigo_account_manager_add_sso:
 * @name: the name people see (the AWS account's)
 * @region: (nullable): the region to show first (IAM Identity Center's
 *   when %NULL)
 * @settings: the start URL, IAM Identity Center's region, the account id
 *   and the role name
 *
 * Remembers an IAM Identity Center account × role. Nothing secret is kept:
 * the token stays with the shared session (and the keyring).
 *
 * Returns: (transfer none): the account (the one there already when these
 *   settings were added before)
 */
AmigoAccount *
amigo_account_manager_add_sso (AmigoAccountManager    *self,
                               const char             *name,
                               const char             *region,
                               const AmigoSsoSettings *settings)
{
  g_autofree char *id = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  AmigoAccount *existing;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  id = amigo_account_sso_id (settings);
  existing = amigo_account_manager_lookup (self, id);
  if (existing != NULL)
    return existing;
  account = amigo_account_new_sso (self->config, name, region != NULL ? region : settings->region,
                                   settings);
  add_account (self, account);
  save_sso_accounts (self);
  return account;
}

/**
 * amigo_account_manager_get_preferred:
 *
 * The account the AWS CLI itself would use: the profile `AWS_PROFILE` (or
 * `AWS_DEFAULT_PROFILE`) names — unless `AWS_ACCESS_KEY_ID` is set, which
 * the AWS CLI prefers to `AWS_PROFILE` (and which the Environment account
 * is).
 *
 * Returns: (transfer none) (nullable): that account, or %NULL when the
 *   environment names none
 */
AmigoAccount *
amigo_account_manager_get_preferred (AmigoAccountManager *self)
{
  g_autofree char *id = NULL;
  const char *name;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (self), NULL);

  if (self->config == NULL || amigo_account_environment_is_set (self->config))
    return NULL;
  name = named_profile (self);
  if (name == NULL)
    return NULL;
  id = g_strconcat ("profile:", name, NULL);
  return amigo_account_manager_lookup (self, id);
}
