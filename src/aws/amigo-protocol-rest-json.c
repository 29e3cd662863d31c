/* amigo-protocol-rest-json.c — REST-JSON: IAM Identity Center portal and OIDC, Recycle Bin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP bindings of amigo-protocol-rest.c with a JSON body: the
 * `payload` member (raw bytes for a blob or string, JSON for a structure)
 * or every body member as one object. Errors name their code in
 * `x-amzn-ErrorType` or in the body's `code` (amigo-protocol-json.c).
 */
#include "config.h"

#include <string.h>

#include "amigo-protocol-private.h"

#define JSON_CONTENT_TYPE "application/json"

static gboolean
has_body_members (const AmigoShape *shape)
{
  for (guint i = 0; i < shape->n_members; i++)
    if (shape->members[i].location == AMIGO_LOCATION_BODY)
      return TRUE;
  return FALSE;
}

GBytes *
_amigo_rest_json_encode_body (const AmigoOperation  *operation,
                              const AmigoMember     *payload,
                              JsonNode              *params,
                              const char           **content_type)
{
  g_autoptr(JsonNode) json = NULL;
  char *text;

  if (payload != NULL)
    {
      JsonNode *value = _amigo_protocol_param (params, payload->name);

      if (value == NULL && payload->shape->type == AMIGO_SHAPE_STRUCTURE &&
          !(payload->shape->flags & AMIGO_SHAPE_UNION))
        {
          /* An empty structure payload is still a JSON object. */
          *content_type = JSON_CONTENT_TYPE;
          return g_bytes_new_static ("{}", 2);
        }
      if (value == NULL)
        return NULL;
      json = _amigo_json_encode (payload, value);
    }
  else if (operation->input != NULL && has_body_members (operation->input->shape))
    json = _amigo_json_encode (operation->input, params);
  else
    return NULL;

  *content_type = JSON_CONTENT_TYPE;
  text = json_to_string (json, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

JsonNode *
_amigo_rest_json_decode_body (const AmigoMember  *member,
                              const char         *body,
                              gsize               len,
                              GError            **error)
{
  g_autoptr(JsonNode) root = _amigo_json_read (body, len);

  if (root == NULL)
    {
      g_propagate_error (error, _amigo_protocol_bad_answer ("not JSON"));
      return NULL;
    }
  return _amigo_json_decode (member, root);
}
