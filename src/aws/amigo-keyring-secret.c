/* amigo-keyring-secret.c — the secret of a keyring item: a JSON codec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secret of each account item is a small JSON document with the keys,
 * in the member names of the AWS CLI's credential_process output:
 *
 *   {"AccessKeyId": "…", "SecretAccessKey": "…",
 *    "SessionToken": "…", "Expiration": "2026-12-01T10:00:00Z"}
 *
 * Pure functions, no keyring: the document may have been edited by another
 * program, so decoding treats it as outside input. Every copy of a secret
 * this file makes is wiped before it is freed.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "amigo-error.h"
#include "amigo-keyring-secret.h"

/* NULL unless @member is there and a string: the document may have been
 * edited by another program. */
static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* json-glib copies the strings into its nodes and frees them without
 * wiping; wipe the secret members in place before the tree goes. */
static void
wipe_json_secrets (JsonNode *root)
{
  static const char * const members[] = { "SecretAccessKey", "SessionToken" };
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *str = get_string_member (object, members[i]);

      if (str != NULL)
        amigo_secure_wipe ((char *) str, strlen (str));
    }
}


/**
 * amigo_keyring_secret_encode:
 * @credentials: the keys
 *
 * Writes @credentials as the JSON document kept as a keyring item's secret.
 *
 * Returns: (transfer full): the document; free it with amigo_secure_free_string()
 */
char *
amigo_keyring_secret_encode (AmigoCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *token = amigo_credentials_get_session_token (credentials);
  gint64 expiration = amigo_credentials_get_expiration (credentials);
  char *json;

  g_return_val_if_fail (credentials != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AccessKeyId");
  json_builder_add_string_value (builder, amigo_credentials_get_access_key_id (credentials));
  json_builder_set_member_name (builder, "SecretAccessKey");
  json_builder_add_string_value (builder, amigo_credentials_get_secret_access_key (credentials));
  if (token != NULL)
    {
      json_builder_set_member_name (builder, "SessionToken");
      json_builder_add_string_value (builder, token);
    }
  if (expiration != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (expiration);

      if (dt != NULL)
        {
          g_autofree char *iso = g_date_time_format_iso8601 (dt);

          json_builder_set_member_name (builder, "Expiration");
          json_builder_add_string_value (builder, iso);
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  wipe_json_secrets (root);
  return json;
}

/**
 * amigo_keyring_secret_decode:
 * @data: (array length=len): the document, not necessarily nul-terminated
 * @len: its length in bytes
 * @error: an %AMIGO_AWS_ERROR_KEYRING error when it cannot be read
 *
 * Reads a keyring item's secret: an object with non-empty `AccessKeyId`
 * and `SecretAccessKey` strings, and optional `SessionToken` and
 * `Expiration` (ISO 8601) strings that may also be missing or null.
 *
 * Returns: (transfer full): the credentials, or %NULL on error
 */
AmigoCredentials *
amigo_keyring_secret_decode (const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *access_key_id;
  const char *secret_access_key;
  const char *session_token;
  const char *expiration_str;
  gint64 expiration = 0;
  AmigoCredentials *credentials = NULL;

  if (data == NULL || len == 0 || len > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) len, NULL))
    goto unreadable;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto unreadable;
  object = json_node_get_object (root);

  access_key_id = get_string_member (object, "AccessKeyId");
  secret_access_key = get_string_member (object, "SecretAccessKey");
  session_token = get_string_member (object, "SessionToken");
  expiration_str = get_string_member (object, "Expiration");

  /* Optional members may be missing or null, not of another type. */
  if ((session_token == NULL && json_object_has_member (object, "SessionToken") &&
       !json_object_get_null_member (object, "SessionToken")) ||
      (expiration_str == NULL && json_object_has_member (object, "Expiration") &&
       !json_object_get_null_member (object, "Expiration")))
    goto unreadable;

  if (access_key_id == NULL || *access_key_id == '\0' ||
      secret_access_key == NULL || *secret_access_key == '\0')
    goto unreadable;

  if (expiration_str != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (expiration_str, NULL);

      if (dt == NULL)
        goto unreadable;
      expiration = g_date_time_to_unix (dt);
    }

  credentials = amigo_credentials_new (access_key_id, secret_access_key,
                                       session_token, expiration);
  wipe_json_secrets (root);
  return credentials;

unreadable:
  wipe_json_secrets (json_parser_get_root (parser));
  g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_KEYRING,
                       _("The keys of this account in the keyring cannot be read; "
                         "they may have been edited by another program. "
                         "Remove the account and add it again."));
  return NULL;
}

