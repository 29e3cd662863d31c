/* amigo-protocol-xml.c — XML values, for query answers and REST-XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Answers are small, so they are read whole into a libxml2 tree: never a
 * DTD (a document that declares one is refused, which stops entity tricks),
 * never the network. Values are read as botocore's XML parsers read them:
 * a structure's members are its child elements by (local) name, a list is
 * the children of its element (or, flattened, the repeated elements
 * themselves), a map is `entry` elements holding `key` and `value`.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "amigo-protocol-private.h"

xmlDoc *
_amigo_xml_read (const char *body,
                 gsize       len)
{
  xmlDoc *doc;

  if (len == 0 || len > G_MAXINT)
    return NULL;
  doc = xmlReadMemory (body, (int) len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL && (doc->intSubset != NULL || xmlDocGetRootElement (doc) == NULL))
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}

xmlNode *
_amigo_xml_child (xmlNode    *node,
                  const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, name) == 0)
      return child;
  return NULL;
}

char *
_amigo_xml_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content ? (const char *) content : "");

  xmlFree (content);
  return text;
}

static const char *
local_part (const char *name)
{
  const char *colon = strchr (name, ':');

  return colon ? colon + 1 : name;
}

static JsonNode *
decode_attribute (const AmigoMember *member,
                  xmlNode           *node)
{
  const char *name = amigo_member_wire_name (member);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, local_part (name)) == 0)
      {
        g_autofree char *text = _amigo_xml_text ((xmlNode *) attr);
        return amigo_shape_parse_scalar (member->shape, text, NULL);
      }
  return NULL;
}

static JsonNode *
decode_flattened (const AmigoMember *member,
                  xmlNode           *parent,
                  const char        *name)
{
  const AmigoShape *shape = member->shape;
  JsonNode *node;
  gboolean found = FALSE;

  if (shape->type == AMIGO_SHAPE_LIST)
    node = _amigo_protocol_new_array (NULL);
  else
    node = _amigo_protocol_new_object (NULL);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || strcmp ((const char *) child->name, name) != 0)
        continue;
      found = TRUE;
      if (shape->type == AMIGO_SHAPE_LIST)
        {
          JsonNode *item = _amigo_xml_decode (shape->item, child);
          json_array_add_element (json_node_get_array (node), item ? item : json_node_new (JSON_NODE_NULL));
        }
      else
        {
          xmlNode *key = _amigo_xml_child (child, shape->key->location_name ? shape->key->location_name : "key");
          xmlNode *value = _amigo_xml_child (child, shape->value->location_name ? shape->value->location_name : "value");
          g_autofree char *key_text = key ? _amigo_xml_text (key) : NULL;
          JsonNode *v = value ? _amigo_xml_decode (shape->value, value) : NULL;

          if (key_text != NULL)
            json_object_set_member (json_node_get_object (node), key_text,
                                    v ? v : json_node_new (JSON_NODE_NULL));
          else if (v != NULL)
            json_node_unref (v);
        }
    }
  if (!found)
    g_clear_pointer (&node, json_node_unref);
  return node;
}

/**
 * _amigo_xml_decode_structure:
 * @shape: a structure
 * @node: its element
 *
 * Returns: (transfer full): the values of its body members
 */
JsonNode *
_amigo_xml_decode_structure (const AmigoShape *shape,
                             xmlNode          *node)
{
  JsonObject *out;
  JsonNode *result = _amigo_protocol_new_object (&out);

  for (guint i = 0; i < shape->n_members; i++)
    {
      const AmigoMember *m = &shape->members[i];
      const char *name = amigo_member_wire_name (m);
      JsonNode *value = NULL;

      if (!_amigo_protocol_in_body (m))
        continue;
      if (amigo_member_flags (m) & AMIGO_SHAPE_XML_ATTRIBUTE)
        value = decode_attribute (m, node);
      else if ((m->shape->type == AMIGO_SHAPE_LIST || m->shape->type == AMIGO_SHAPE_MAP) &&
               (amigo_member_flags (m) & AMIGO_SHAPE_FLATTENED))
        value = decode_flattened (m, node, name);
      else
        {
          xmlNode *child = _amigo_xml_child (node, name);
          value = child ? _amigo_xml_decode (m, child) : NULL;
        }
      if (value != NULL)
        json_object_set_member (out, m->name, value);
    }
  return result;
}

/**
 * _amigo_xml_decode:
 * @member: what @node holds
 * @node: an element
 *
 * Returns: (transfer full) (nullable): its value
 */
JsonNode *
_amigo_xml_decode (const AmigoMember *member,
                   xmlNode           *node)
{
  const AmigoShape *shape = member->shape;

  switch (amigo_shape_kind (shape))
    {
    case AMIGO_SHAPE_KIND_STRUCTURE:
      return _amigo_xml_decode_structure (shape, node);
    case AMIGO_SHAPE_KIND_LIST:
      {
        const char *item_name = shape->item->location_name ? shape->item->location_name : "member";
        JsonArray *out;
        JsonNode *result = _amigo_protocol_new_array (&out);

        for (xmlNode *child = node->children; child != NULL; child = child->next)
          if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, item_name) == 0)
            {
              JsonNode *item = _amigo_xml_decode (shape->item, child);
              json_array_add_element (out, item ? item : json_node_new (JSON_NODE_NULL));
            }
        return result;
      }
    case AMIGO_SHAPE_KIND_MAP:
      {
        JsonNode *entries = decode_flattened (member, node, "entry");
        return entries ? entries : _amigo_protocol_new_object (NULL);
      }
    case AMIGO_SHAPE_KIND_SCALAR:
    default:
      {
        g_autofree char *text = _amigo_xml_text (node);
        return amigo_shape_parse_scalar (shape, text, NULL);
      }
    }
}

/* ---- writing (REST-XML bodies) ---------------------------------------- */

/**
 * _amigo_xml_new_element:
 * @parent: (nullable): where it goes; %NULL makes it @doc's root
 * @doc: the document
 * @name: the element name
 * @member: (nullable): whose `xmlNamespace` it declares
 *
 * Returns: (transfer none): the element
 */
xmlNode *
_amigo_xml_new_element (xmlNode           *parent,
                        xmlDoc            *doc,
                        const char        *name,
                        const AmigoMember *member)
{
  xmlNode *element = xmlNewDocNode (doc, NULL, (const xmlChar *) name, NULL);
  const char *uri = NULL;
  const char *prefix = NULL;

  if (member != NULL)
    {
      uri = member->xml_namespace_uri ? member->xml_namespace_uri : member->shape->xml_namespace_uri;
      prefix = member->xml_namespace_uri ? member->xml_namespace_prefix : member->shape->xml_namespace_prefix;
    }
  if (uri != NULL)
    {
      g_autofree char *attr = prefix ? g_strdup_printf ("xmlns:%s", prefix) : g_strdup ("xmlns");
      xmlNewProp (element, (const xmlChar *) attr, (const xmlChar *) uri);
    }
  if (parent != NULL)
    xmlAddChild (parent, element);
  else
    xmlDocSetRootElement (doc, element);
  return element;
}

static void
encode_into (xmlNode           *element,
             const AmigoMember *member,
             JsonNode          *value);

static void
encode_named (xmlNode           *parent,
              const AmigoMember *member,
              const char        *name,
              JsonNode          *value)
{
  xmlNode *element = _amigo_xml_new_element (parent, parent->doc, name, member);

  encode_into (element, member, value);
}

static void
encode_map_entry (xmlNode          *entry,
                  const AmigoShape *shape,
                  const char       *key,
                  JsonNode         *value)
{
  JsonNode *key_node = json_node_init_string (json_node_alloc (), key);

  encode_named (entry, shape->key, shape->key->location_name ? shape->key->location_name : "key", key_node);
  encode_named (entry, shape->value, shape->value->location_name ? shape->value->location_name : "value", value);
  json_node_unref (key_node);
}

/**
 * _amigo_xml_encode_members:
 * @element: a structure's element
 * @shape: the structure
 * @value: its value
 *
 * Writes the structure's body members into @element: attributes for
 * `xmlAttribute` members, child elements for the others.
 */
void
_amigo_xml_encode_members (xmlNode          *element,
                           const AmigoShape *shape,
                           JsonNode         *value)
{
  for (guint i = 0; i < shape->n_members; i++)
    {
      const AmigoMember *m = &shape->members[i];
      g_autoptr(JsonNode) v = _amigo_protocol_fill_token (m, _amigo_protocol_param (value, m->name));

      if (v == NULL || m->location != AMIGO_LOCATION_BODY)
        continue;
      if (amigo_member_flags (m) & AMIGO_SHAPE_XML_ATTRIBUTE)
        {
          g_autofree char *text = amigo_shape_format_scalar (m, v, amigo_member_timestamp_format (m, "iso8601"));
          xmlNewProp (element, (const xmlChar *) amigo_member_wire_name (m), (const xmlChar *) text);
        }
      else
        _amigo_xml_encode (element, m, v);
    }
}

static void
encode_into (xmlNode           *element,
             const AmigoMember *member,
             JsonNode          *value)
{
  const AmigoShape *shape = member->shape;

  switch (amigo_shape_kind (shape))
    {
    case AMIGO_SHAPE_KIND_STRUCTURE:
      _amigo_xml_encode_members (element, shape, value);
      break;
    case AMIGO_SHAPE_KIND_LIST:
      {
        JsonArray *items = json_node_get_array (value);
        const char *item_name = shape->item->location_name ? shape->item->location_name : "member";

        for (guint i = 0; i < json_array_get_length (items); i++)
          encode_named (element, shape->item, item_name, json_array_get_element (items, i));
      }
      break;
    case AMIGO_SHAPE_KIND_MAP:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *item;

        json_object_iter_init_ordered (&iter, json_node_get_object (value));
        while (json_object_iter_next_ordered (&iter, &key, &item))
          encode_map_entry (_amigo_xml_new_element (element, element->doc, "entry", NULL), shape, key, item);
      }
      break;
    case AMIGO_SHAPE_KIND_SCALAR:
    default:
      {
        g_autofree char *text = amigo_shape_format_scalar (member, value,
                                                           amigo_member_timestamp_format (member, "iso8601"));
        xmlNodeAddContent (element, (const xmlChar *) text);
      }
      break;
    }
}

/**
 * _amigo_xml_encode:
 * @parent: the element of the structure @member belongs to
 * @member: a member
 * @value: its value
 *
 * Writes @member as REST-XML does: an element named by its locationName;
 * a flattened list or map repeats that element for each item or entry.
 */
void
_amigo_xml_encode (xmlNode           *parent,
                   const AmigoMember *member,
                   JsonNode          *value)
{
  const AmigoShape *shape = member->shape;
  const char *name = amigo_member_wire_name (member);

  if (shape->type == AMIGO_SHAPE_LIST && (amigo_member_flags (member) & AMIGO_SHAPE_FLATTENED))
    {
      JsonArray *items = json_node_get_array (value);
      /* Flattened, the member's own name repeats (Smithy's rule). */
      for (guint i = 0; i < json_array_get_length (items); i++)
        encode_named (parent, shape->item, name, json_array_get_element (items, i));
      return;
    }
  if (shape->type == AMIGO_SHAPE_MAP && (amigo_member_flags (member) & AMIGO_SHAPE_FLATTENED))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *item;

      json_object_iter_init_ordered (&iter, json_node_get_object (value));
      while (json_object_iter_next_ordered (&iter, &key, &item))
        encode_map_entry (_amigo_xml_new_element (parent, parent->doc, name, NULL), shape, key, item);
      return;
    }
  encode_named (parent, member, name, value);
}
