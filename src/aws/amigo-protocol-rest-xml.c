/* amigo-protocol-rest-xml.c — REST-XML: S3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP bindings of amigo-protocol-rest.c with an XML body: the
 * `payload` member (raw bytes for a blob or string, an element for a
 * structure) or every body member under an element named by the input's
 * locationName. Requests carry `x-amz-content-sha256` and sign their path
 * as S3 wants it (encoded once, never normalized). Errors are
 * `<Error><Code/><Message/><RequestId/></Error>` (possibly inside
 * `<ErrorResponse>`), or only a status for HEAD.
 */
#include "config.h"

#include <string.h>

#include "amigo-protocol-private.h"

static GBytes *
document_bytes (xmlDoc *doc)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  GBytes *bytes;

  xmlNodeDump (buffer, doc, xmlDocGetRootElement (doc), 0, 0);
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static gboolean
has_body_params (const AmigoShape *shape,
                 JsonNode         *params)
{
  for (guint i = 0; i < shape->n_members; i++)
    if (shape->members[i].location == AMIGO_LOCATION_BODY &&
        _amigo_protocol_param (params, shape->members[i].name) != NULL)
      return TRUE;
  return FALSE;
}

/* The root element: a payload member's own XML name (one that renames
 * it), else the shape's, else (for the input) the operation's, else the
 * shape's name. */
static const char *
element_name (const AmigoMember *member,
              gboolean           is_input)
{
  if (!is_input && member->location_name != NULL && g_strcmp0 (member->location_name, member->name) != 0)
    return member->location_name;
  if (member->shape->location_name != NULL)
    return member->shape->location_name;
  if (is_input && member->location_name != NULL)
    return member->location_name;
  return member->shape->name;
}

GBytes *
_amigo_rest_xml_encode_body (const AmigoOperation  *operation,
                             const AmigoMember     *payload,
                             JsonNode              *params,
                             const char           **content_type)
{
  const AmigoMember *root_member;
  JsonNode *value;
  xmlDoc *doc;
  xmlNode *root;
  GBytes *bytes;

  if (payload != NULL)
    {
      value = _amigo_protocol_param (params, payload->name);
      if (value == NULL)
        return NULL;
      root_member = payload;
    }
  else if (operation->input != NULL && has_body_params (operation->input->shape, params))
    {
      root_member = operation->input;
      value = params;
    }
  else
    return NULL;

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = _amigo_xml_new_element (NULL, doc, element_name (root_member, root_member == operation->input),
                                 root_member);
  if (root_member->shape->type == AMIGO_SHAPE_STRUCTURE)
    _amigo_xml_encode_members (root, root_member->shape, value);
  *content_type = "application/xml";
  bytes = document_bytes (doc);
  xmlFreeDoc (doc);
  return bytes;
}

JsonNode *
_amigo_rest_xml_decode_body (const AmigoMember  *member,
                             const char         *body,
                             gsize               len,
                             GError            **error)
{
  xmlDoc *doc = _amigo_xml_read (body, len);
  JsonNode *value;

  if (doc == NULL)
    {
      g_propagate_error (error, _amigo_protocol_bad_answer ("not XML"));
      return NULL;
    }
  value = _amigo_xml_decode (member, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  return value;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = _amigo_xml_child (node, name);

  return child ? g_strstrip (_amigo_xml_text (child)) : NULL;
}

/**
 * amigo_protocol_rest_xml_parse_error:
 *
 * S3's `<Error>` (or `<ErrorResponse><Error>`); an empty answer (HEAD) is
 * named by its status, as botocore does. See #AmigoErrorParser.
 */
gboolean
amigo_protocol_rest_xml_parse_error (guint               status,
                                     SoupMessageHeaders *headers,
                                     const char         *body,
                                     gsize               len,
                                     AmigoErrorParts    *parts)
{
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *error;

  if (len == 0)
    {
      parts->code = g_strdup_printf ("%u", status);
      parts->message = g_strdup (soup_status_get_phrase (status));
      return TRUE;
    }
  doc = _amigo_xml_read (body, len);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  error = strcmp ((const char *) root->name, "Error") == 0 ? root : _amigo_xml_child (root, "Error");
  if (error != NULL)
    {
      parts->code = child_text (error, "Code");
      parts->message = child_text (error, "Message");
      parts->request_id = child_text (error, "RequestId");
      if (parts->request_id == NULL)
        parts->request_id = child_text (root, "RequestId");
    }
  xmlFreeDoc (doc);
  return parts->code != NULL && *parts->code != '\0';
}
