/* amigo-sso-keyring.c — IAM Identity Center tokens and client registrations
 * in the keyring, never in a file
 *
 * One item per session (schema `io.github.amigo_app.Amigo.SsoToken`,
 * attributes `start-url`, `session` — the session name, or the start URL
 * in the legacy form — and `region`), whose secret is a small JSON document:
 * the access token and its expiry, the refresh token, the client id and
 * secret and the registration's expiry. Through libsecret, as the accounts
 * are (amigo-keyring-service-store.c): the Secret Service, or the Secret
 * portal in Flatpak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "amigo-error.h"
#include "amigo-sso-private.h"

#define SSO_SCHEMA_NAME "io.github.amigo_app.Amigo.SsoToken"

static const SecretSchema *
sso_schema (void)
{
  static const SecretSchema schema = {
    SSO_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "start-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "session", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "region", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The values are copies: libsecret keeps the table (a reference, not a
 * copy) until it has the Secret Service, after the caller's settings —
 * often made for one call, from an AWS CLI profile — are gone. */
static GHashTable *
attributes_for (const AmigoSsoSettings *settings)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "start-url", g_strdup (settings->start_url));
  g_hash_table_insert (attributes, (gpointer) "session", g_strdup (amigo_sso_settings_get_cache_key (settings)));
  g_hash_table_insert (attributes, (gpointer) "region", g_strdup (settings->region));
  return attributes;
}

static char *
encode_token (const AmigoSsoToken *token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accessToken");
  json_builder_add_string_value (builder, token->access_token);
  json_builder_set_member_name (builder, "expiresAt");
  json_builder_add_int_value (builder, token->expires_at);
#define OPTIONAL_STRING(name, value) \
  if ((value) != NULL) \
    { \
      json_builder_set_member_name (builder, name); \
      json_builder_add_string_value (builder, value); \
    }
  OPTIONAL_STRING ("refreshToken", token->refresh_token);
  OPTIONAL_STRING ("clientId", token->client_id);
  OPTIONAL_STRING ("clientSecret", token->client_secret);
#undef OPTIONAL_STRING
  json_builder_set_member_name (builder, "registrationExpiresAt");
  json_builder_add_int_value (builder, token->registration_expires_at);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static AmigoSsoToken *
decode_token (const char *data,
              gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  AmigoSsoToken *token;
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (amigo_service_member_string (object, "accessToken") == NULL)
    return NULL;
  token = g_new0 (AmigoSsoToken, 1);
  token->access_token = g_strdup (amigo_service_member_string (object, "accessToken"));
  token->expires_at = _amigo_sso_member_int (object, "expiresAt");
  token->refresh_token = g_strdup (amigo_service_member_string (object, "refreshToken"));
  token->client_id = g_strdup (amigo_service_member_string (object, "clientId"));
  token->client_secret = g_strdup (amigo_service_member_string (object, "clientSecret"));
  token->registration_expires_at = _amigo_sso_member_int (object, "registrationExpiresAt");
  return token;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_autofree char *reason = g_strdup (error->message);

      g_clear_error (&error);
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                               _("The IAM Identity Center sign-in could not be kept in the keyring: %s"),
                               reason);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * amigo_sso_keyring_store_async:
 * @settings: the session the token belongs to
 * @token: the token and client registration
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when stored
 * @user_data: data for @callback
 *
 * Keeps @token in the keyring, replacing the session's earlier one.
 */
void
amigo_sso_keyring_store_async (const AmigoSsoSettings *settings,
                               const AmigoSsoToken    *token,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *label = NULL;
  char *json;
  GTask *task;

  g_return_if_fail (settings != NULL && token != NULL && token->access_token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_keyring_store_async);
  attributes = attributes_for (settings);
  json = encode_token (token);
  value = secret_value_new_full (json, strlen (json), "application/json",
                                 (GDestroyNotify) amigo_secure_free_string);
  /* Translators: the keyring item's label; %s is the session name or start URL */
  label = g_strdup_printf (_("Amigo: IAM Identity Center sign-in (%s)"),
                           amigo_sso_settings_get_cache_key (settings));
  secret_password_storev_binary (sso_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                                 value, cancellable, stored_cb, task);
}

gboolean
amigo_sso_keyring_store_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretValue) value = NULL;
  const AmigoSsoSettings *settings = g_task_get_task_data (task);
  GError *error = NULL;
  AmigoSsoToken *token = NULL;

  value = secret_password_lookup_binary_finish (result, &error);
  if (error != NULL)
    {
      g_autofree char *reason = g_strdup (error->message);

      g_clear_error (&error);
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                               _("The keyring could not be read: %s"), reason);
      return;
    }
  if (value != NULL)
    {
      gsize len = 0;
      const char *data = secret_value_get (value, &len);

      token = decode_token (data, len);
      if (token != NULL)
        {
          token->region = g_strdup (settings->region);
          token->start_url = g_strdup (settings->start_url);
        }
    }
  g_task_return_pointer (task, token, (GDestroyNotify) amigo_sso_token_free);
}

/**
 * amigo_sso_keyring_lookup_async:
 * @settings: a session
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token, or %NULL when there is none
 * @user_data: data for @callback
 */
void
amigo_sso_keyring_lookup_async (const AmigoSsoSettings *settings,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (settings != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_keyring_lookup_async);
  g_task_set_task_data (task, amigo_sso_settings_copy (settings),
                        (GDestroyNotify) amigo_sso_settings_free);
  attributes = attributes_for (settings);
  secret_password_lookupv (sso_schema (), attributes, cancellable, looked_up_cb, task);
}

/**
 * amigo_sso_keyring_lookup_finish:
 * @result: the #GAsyncResult
 * @error: an %AMIGO_AWS_ERROR_KEYRING error
 *
 * Returns: (transfer full) (nullable): the token; %NULL without @error
 *   when the keyring has none (or an unreadable one)
 */
AmigoSsoToken *
amigo_sso_keyring_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * amigo_sso_keyring_clear_async:
 * @settings: a session
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Forgets the session's token (signing out).
 */
void
amigo_sso_keyring_clear_async (const AmigoSsoSettings *settings,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (settings);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amigo_sso_keyring_clear_async);
  secret_password_clearv (sso_schema (), attributes, cancellable, cleared_cb, task);
}

gboolean
amigo_sso_keyring_clear_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
