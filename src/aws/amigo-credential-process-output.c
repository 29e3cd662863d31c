/* amigo-credential-process-output.c — what a credential_process prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON document of the AWS CLI's credential_process protocol, read by a
 * pure function: outside input, holding secrets, never quoted in an error.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "amigo-credential-process.h"
#include "amigo-error.h"

static void
wipe_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *str;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return;
  /* json-glib keeps its own copy of each string; wipe it in place before
   * the parser frees it. */
  str = json_node_get_string (node);
  if (str != NULL)
    amigo_secure_wipe ((char *) str, strlen (str));
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
version_is_one (JsonObject *object,
                gboolean   *present)
{
  JsonNode *node = json_object_get_member (object, "Version");

  *present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (!*present || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) == 1;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node) == 1.0;
  return FALSE;
}

static const char *
display_profile (const char *profile_name)
{
  return profile_name != NULL ? profile_name : "?";
}

static void
set_output_error (GError     **error,
                  const char  *profile_name,
                  const char  *problem)
{
  g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_PROCESS,
               /* Translators: the second %s is one of the “printed …” phrases,
                * saying what was wrong with the command's output. */
               _("The credential_process of the AWS profile “%s” %s. "
                 "It must print {\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …}."),
               display_profile (profile_name), problem);
}

/**
 * amigo_credential_process_parse_output:
 * @output: what the process printed on stdout (not NUL-terminated)
 * @length: its length in bytes
 * @profile_name: (nullable): the profile, for messages
 * @now: the current time, Unix seconds, to check `Expiration` against
 * @error: return location for an %AMIGO_AWS_ERROR_PROCESS or
 *   %AMIGO_AWS_ERROR_EXPIRED error
 *
 * Reads the credential_process JSON: `Version` must be 1, `AccessKeyId`
 * and `SecretAccessKey` are required, `SessionToken` and `Expiration`
 * (ISO 8601) optional. Errors never quote @output, which may hold secrets;
 * the caller wipes it.
 *
 * Returns: (transfer full) (nullable): the credentials, or %NULL
 */
AmigoCredentials *
amigo_credential_process_parse_output (const char  *output,
                                       gsize        length,
                                       const char  *profile_name,
                                       gint64       now,
                                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AmigoCredentials) credentials = NULL;
  JsonNode *root = NULL;
  JsonObject *object;
  const char *access_key_id;
  const char *secret_access_key;
  const char *session_token;
  const char *expiration_text;
  gint64 expiration = 0;
  gboolean version_present;
  const char *problem = NULL;

  g_return_val_if_fail (output != NULL || length == 0, NULL);

  if (length == 0)
    problem = _("printed nothing");
  else if (!json_parser_load_from_data (parser, output, length, NULL))
    /* json-glib's message may quote the text: leave it out. */
    problem = _("printed something that is not JSON");
  else if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    problem = _("printed JSON that is not an object");

  if (problem != NULL)
    {
      set_output_error (error, profile_name, problem);
      return NULL;
    }

  object = json_node_get_object (root);
  access_key_id = string_member (object, "AccessKeyId");
  secret_access_key = string_member (object, "SecretAccessKey");
  session_token = string_member (object, "SessionToken");
  expiration_text = string_member (object, "Expiration");

  if (!version_is_one (object, &version_present))
    problem = version_present ? _("printed a “Version” other than 1, the only one Amigo understands")
                              : _("printed no “Version”");
  else if (access_key_id == NULL || *access_key_id == '\0')
    problem = _("printed no “AccessKeyId”");
  else if (secret_access_key == NULL || *secret_access_key == '\0')
    problem = _("printed no “SecretAccessKey”");
  else if (json_object_has_member (object, "Expiration") && expiration_text == NULL
           && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "Expiration")))
    problem = _("printed an “Expiration” that is not a string");
  else if (expiration_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (expiration_text, utc);

      if (when == NULL)
        problem = _("printed an “Expiration” that is not an ISO 8601 date such as 2024-05-01T12:00:00Z");
      else
        expiration = g_date_time_to_unix (when);
    }

  if (problem == NULL)
    credentials = amigo_credentials_new (access_key_id, secret_access_key,
                                         session_token, expiration);

  wipe_string_member (object, "SecretAccessKey");
  wipe_string_member (object, "SessionToken");

  if (problem != NULL)
    {
      set_output_error (error, profile_name, problem);
      return NULL;
    }

  if (amigo_credentials_is_expired (credentials, now))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (expiration);
      g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S UTC")
                                           : g_strdup ("?");

      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                   _("The credentials printed by the credential_process of the AWS profile “%s” "
                     "expired at %s. Renew them (sign in again with the tool it runs) and retry."),
                   display_profile (profile_name), text);
      return NULL;
    }

  return g_steal_pointer (&credentials);
}
