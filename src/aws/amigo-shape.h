/* amigo-shape.h — the shapes of AWS requests and answers, as in the models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * AmigoShapeType:
 *
 * The types of an AWS service model. Values travel as #JsonNode: a
 * structure is an object, a list an array, a map an object; integers and
 * longs are integers, floats and doubles doubles (or the strings `NaN`,
 * `Infinity`, `-Infinity`), timestamps Unix seconds (a double), blobs the
 * raw bytes as a string.
 */
typedef enum {
  AMIGO_SHAPE_STRUCTURE,
  AMIGO_SHAPE_LIST,
  AMIGO_SHAPE_MAP,
  AMIGO_SHAPE_STRING,
  AMIGO_SHAPE_INTEGER,
  AMIGO_SHAPE_LONG,
  AMIGO_SHAPE_BOOLEAN,
  AMIGO_SHAPE_FLOAT,
  AMIGO_SHAPE_DOUBLE,
  AMIGO_SHAPE_TIMESTAMP,
  AMIGO_SHAPE_BLOB,
  AMIGO_SHAPE_DOCUMENT,
} AmigoShapeType;

/**
 * AmigoLocation:
 *
 * Where a member of an input or output structure travels (REST protocols;
 * the others only know the body).
 */
typedef enum {
  AMIGO_LOCATION_BODY,
  AMIGO_LOCATION_HEADER,
  AMIGO_LOCATION_HEADERS,       /* a map of headers sharing a prefix */
  AMIGO_LOCATION_URI,
  AMIGO_LOCATION_QUERYSTRING,
  AMIGO_LOCATION_STATUS_CODE,
} AmigoLocation;

/**
 * AmigoShapeFlags:
 *
 * Traits of a shape or of a member that refers to it (either may carry
 * them; a member's add to its shape's).
 */
typedef enum {
  AMIGO_SHAPE_FLATTENED         = 1 << 0,
  AMIGO_SHAPE_XML_ATTRIBUTE     = 1 << 1,
  AMIGO_SHAPE_JSON_VALUE        = 1 << 2,
  AMIGO_SHAPE_IDEMPOTENCY_TOKEN = 1 << 3,
  AMIGO_SHAPE_HOST_LABEL        = 1 << 4,
  AMIGO_SHAPE_STREAMING         = 1 << 5,
  AMIGO_SHAPE_EVENT_STREAM      = 1 << 6,
  AMIGO_SHAPE_UNION             = 1 << 7,
  AMIGO_SHAPE_EXCEPTION         = 1 << 8,
} AmigoShapeFlags;

typedef struct _AmigoShape AmigoShape;

/**
 * AmigoMember:
 * @name: the member's name in values (a #JsonObject member)
 * @shape: its shape
 * @location: where it travels
 * @location_name: (nullable): its name on the wire (header, query
 *   parameter, URI label, XML element or JSON key); %NULL: @name
 * @query_name: (nullable): EC2's name for it in a query body
 * @xml_namespace_uri: (nullable): an `xmlns` to declare on its element
 * @xml_namespace_prefix: (nullable): the prefix of that namespace
 * @timestamp_format: (nullable): `iso8601`, `rfc822` or `unixTimestamp`,
 *   overriding the shape's and the protocol's default
 * @flags: #AmigoShapeFlags
 *
 * A reference to a shape: a structure's member, a list's items, a map's
 * key or value, an operation's input or output.
 */
typedef struct {
  const char *name;
  const AmigoShape *shape;
  AmigoLocation location;
  const char *location_name;
  const char *query_name;
  const char *xml_namespace_uri;
  const char *xml_namespace_prefix;
  const char *timestamp_format;
  guint flags;
} AmigoMember;

/**
 * AmigoShape:
 * @type: its type
 * @flags: #AmigoShapeFlags
 * @timestamp_format: (nullable): for a timestamp
 * @location_name: (nullable): a structure's XML element name
 * @xml_namespace_uri: (nullable): an `xmlns` its element declares
 * @xml_namespace_prefix: (nullable): the prefix of that namespace
 * @members: a structure's members
 * @n_members: how many
 * @payload: (nullable): the member of a REST structure that is the whole body
 * @item: a list's items
 * @key: a map's keys
 * @value: a map's values
 * @error_code: (nullable): an exception's code, when not its name
 *
 * Real services declare their shapes as static tables; tests build them
 * from the model JSON.
 */
struct _AmigoShape {
  AmigoShapeType type;
  guint flags;
  const char *name;
  const char *timestamp_format;
  const char *location_name;
  const char *xml_namespace_uri;
  const char *xml_namespace_prefix;
  const AmigoMember *members;
  guint n_members;
  const char *payload;
  const AmigoMember *item;
  const AmigoMember *key;
  const AmigoMember *value;
  const char *error_code;
};

/**
 * AmigoShapeKind:
 *
 * What a serializer walks: a structure, a list, a map, or one value.
 */
typedef enum {
  AMIGO_SHAPE_KIND_SCALAR,
  AMIGO_SHAPE_KIND_STRUCTURE,
  AMIGO_SHAPE_KIND_LIST,
  AMIGO_SHAPE_KIND_MAP,
} AmigoShapeKind;

AmigoShapeKind     amigo_shape_kind             (const AmigoShape  *shape);
const AmigoMember *amigo_shape_find_member      (const AmigoShape  *shape,
                                                 const char        *name);
const char        *amigo_member_wire_name       (const AmigoMember *member);
guint              amigo_member_flags           (const AmigoMember *member);
const char        *amigo_member_timestamp_format (const AmigoMember *member,
                                                  const char        *fallback);

char              *amigo_shape_format_timestamp (double             seconds,
                                                 const char        *format);
gboolean           amigo_shape_parse_timestamp  (const char        *text,
                                                 double            *seconds);
char              *amigo_shape_format_number    (const AmigoShape  *shape,
                                                 JsonNode          *value);
JsonNode          *amigo_shape_parse_scalar     (const AmigoShape  *shape,
                                                 const char        *text,
                                                 const char        *timestamp_format);
char              *amigo_shape_format_scalar    (const AmigoMember *member,
                                                 JsonNode          *value,
                                                 const char        *timestamp_format);
char              *amigo_shape_blob_base64      (JsonNode          *value);

G_END_DECLS
