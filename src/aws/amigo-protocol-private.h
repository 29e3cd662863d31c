/* amigo-protocol-private.h — what the protocol files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "amigo-protocol.h"

G_BEGIN_DECLS

#define AMIGO_FORM_CONTENT_TYPE "application/x-www-form-urlencoded; charset=utf-8"

/* A value of @params (an object, or NULL) by member name. */
JsonNode     *_amigo_protocol_param          (JsonNode                *params,
                                              const char              *name);
/* An idempotency token the caller left out, made up as botocore does. */
JsonNode     *_amigo_protocol_fill_token     (const AmigoMember       *member,
                                              JsonNode                *value);
JsonNode     *_amigo_protocol_new_object     (JsonObject             **object);
JsonNode     *_amigo_protocol_new_array      (JsonArray              **array);
/* Whether an answer's member is read from the body: a query-string or
 * URI member means nothing in an answer, so it is. */
gboolean      _amigo_protocol_in_body        (const AmigoMember       *member);
GError       *_amigo_protocol_bad_answer     (const char              *what);
/* The code of a JSON error (`aws.foo#Code:http://…` → `Code`). */
char         *_amigo_protocol_sanitize_code  (const char              *code);

/* What a protocol whose requests need only the model (not the REST
 * bindings) provides: its request for an operation's @params, and the
 * values of its answer. */
typedef AmigoRequest *AmigoProtocolSerializeFunc (const AmigoServiceModel *model,
                                                  const AmigoOperation    *operation,
                                                  JsonNode                *params);
typedef JsonNode     *AmigoProtocolParseFunc     (const AmigoOperation    *operation,
                                                  const char              *body,
                                                  gsize                    len,
                                                  GError                 **error);

/* AWS query */
AmigoProtocolSerializeFunc _amigo_query_serialize;
AmigoProtocolParseFunc     _amigo_query_parse;

/* JSON values (both JSON protocols and REST-JSON) */
JsonNode     *_amigo_json_encode             (const AmigoMember       *member,
                                              JsonNode                *value);
JsonNode     *_amigo_json_decode             (const AmigoMember       *member,
                                              JsonNode                *wire);
JsonNode     *_amigo_json_read               (const char              *body,
                                              gsize                    len);
AmigoProtocolSerializeFunc _amigo_json_serialize;
AmigoProtocolParseFunc     _amigo_json_parse;

/* XML values (query answers, REST-XML) */
xmlDoc       *_amigo_xml_read                (const char              *body,
                                              gsize                    len);
JsonNode     *_amigo_xml_decode_structure    (const AmigoShape        *shape,
                                              xmlNode                 *node);
JsonNode     *_amigo_xml_decode              (const AmigoMember       *member,
                                              xmlNode                 *node);
xmlNode      *_amigo_xml_child               (xmlNode                 *node,
                                              const char              *name);
char         *_amigo_xml_text                (xmlNode                 *node);
void          _amigo_xml_encode_members      (xmlNode                 *element,
                                              const AmigoShape        *shape,
                                              JsonNode                *value);
void          _amigo_xml_encode              (xmlNode                 *parent,
                                              const AmigoMember       *member,
                                              JsonNode                *value);
xmlNode      *_amigo_xml_new_element         (xmlNode                 *parent,
                                              xmlDoc                  *doc,
                                              const char              *name,
                                              const AmigoMember       *member);

/* REST: the HTTP bindings (URI labels, query string, headers, status),
 * with the body left to the protocol. */
typedef GBytes   *(*AmigoRestBodyEncoder) (const AmigoOperation *operation,
                                           const AmigoMember    *payload,
                                           JsonNode             *params,
                                           const char          **content_type);
typedef JsonNode *(*AmigoRestBodyDecoder) (const AmigoMember    *member,
                                           const char           *body,
                                           gsize                 len,
                                           GError              **error);

AmigoRequest *_amigo_rest_serialize          (const AmigoOperation    *operation,
                                              JsonNode                *params,
                                              AmigoRestBodyEncoder     encode_body,
                                              GError                 **error);
JsonNode     *_amigo_rest_parse              (const AmigoOperation    *operation,
                                              guint                    status,
                                              SoupMessageHeaders      *headers,
                                              const char              *body,
                                              gsize                    len,
                                              AmigoRestBodyDecoder     decode_body,
                                              GError                 **error);
GBytes       *_amigo_rest_json_encode_body   (const AmigoOperation    *operation,
                                              const AmigoMember       *payload,
                                              JsonNode                *params,
                                              const char             **content_type);
JsonNode     *_amigo_rest_json_decode_body   (const AmigoMember       *member,
                                              const char              *body,
                                              gsize                    len,
                                              GError                 **error);
GBytes       *_amigo_rest_xml_encode_body    (const AmigoOperation    *operation,
                                              const AmigoMember       *payload,
                                              JsonNode                *params,
                                              const char             **content_type);
JsonNode     *_amigo_rest_xml_decode_body    (const AmigoMember       *member,
                                              const char              *body,
                                              gsize                    len,
                                              GError                 **error);

G_END_DECLS
