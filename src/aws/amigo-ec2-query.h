/* amigo-ec2-query.h — the EC2 query serialization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmigoEc2Query:
 *
 * Builds the `application/x-www-form-urlencoded` body of an EC2 query
 * request: `Action=…&Version=…&Key=value…`, keys in insertion order.
 *
 * This is the one place that knows how EC2 flattens structured input:
 *
 * - lists are always flattened with 1-based indices: `ImageId.1=…&ImageId.2=…`;
 *   empty (or %NULL) lists are omitted;
 * - nested structures are joined with dots: `BlockDeviceMapping.1.Ebs.VolumeSize=8`;
 * - booleans are `true`/`false`, timestamps ISO 8601 UTC, blobs base64.
 *
 * Nesting uses a prefix stack, so the typed operations read like the model:
 *
 * |[<!-- language="C" -->
 * amigo_ec2_query_push_item (q, "BlockDeviceMapping");   // BlockDeviceMapping.1
 * amigo_ec2_query_add_string (q, "DeviceName", "/dev/xvda");
 * amigo_ec2_query_push (q, "Ebs");                        // BlockDeviceMapping.1.Ebs
 * amigo_ec2_query_add_int (q, "VolumeSize", 8);
 * amigo_ec2_query_pop (q);
 * amigo_ec2_query_pop (q);
 * amigo_ec2_query_add_filter (q, "owner-alias", (const char *[]) { "amazon", NULL });
 * ]|
 *
 * Every `add` function takes a @key relative to the current prefix; a %NULL
 * @key means the prefix itself (used for lists of scalars built one by one
 * with amigo_ec2_query_push_item()). Values that are %NULL are omitted, empty
 * strings are kept (`Key=`).
 */
typedef struct _AmigoEc2Query AmigoEc2Query;

AmigoEc2Query *amigo_ec2_query_new            (const char          *action,
                                               const char          *version);
void           amigo_ec2_query_free           (AmigoEc2Query       *q);

const char    *amigo_ec2_query_get_action     (const AmigoEc2Query *q);
const char    *amigo_ec2_query_get            (const AmigoEc2Query *q,
                                               const char          *key);
guint          amigo_ec2_query_get_n_params   (const AmigoEc2Query *q);

/* Scalars */
void           amigo_ec2_query_add_string     (AmigoEc2Query       *q,
                                               const char          *key,
                                               const char          *value);
void           amigo_ec2_query_add_int        (AmigoEc2Query       *q,
                                               const char          *key,
                                               gint64               value);
void           amigo_ec2_query_add_boolean    (AmigoEc2Query       *q,
                                               const char          *key,
                                               gboolean             value);
void           amigo_ec2_query_add_double     (AmigoEc2Query       *q,
                                               const char          *key,
                                               double               value);
void           amigo_ec2_query_add_float      (AmigoEc2Query       *q,
                                               const char          *key,
                                               float                value);
void           amigo_ec2_query_add_timestamp  (AmigoEc2Query       *q,
                                               const char          *key,
                                               gint64               unix_seconds);
void           amigo_ec2_query_add_date_time  (AmigoEc2Query       *q,
                                               const char          *key,
                                               GDateTime           *value);
void           amigo_ec2_query_add_epoch_seconds (AmigoEc2Query    *q,
                                                  const char       *key,
                                                  gint64            unix_seconds);
void           amigo_ec2_query_add_blob       (AmigoEc2Query       *q,
                                               const char          *key,
                                               const guint8        *data,
                                               gsize                len);

/* Lists and nesting */
void           amigo_ec2_query_add_list       (AmigoEc2Query       *q,
                                               const char          *key,
                                               const char * const  *values);
void           amigo_ec2_query_push           (AmigoEc2Query       *q,
                                               const char          *key);
guint          amigo_ec2_query_push_item      (AmigoEc2Query       *q,
                                               const char          *list_key);
void           amigo_ec2_query_pop            (AmigoEc2Query       *q);

/* EC2 idioms */
guint          amigo_ec2_query_add_filter     (AmigoEc2Query       *q,
                                               const char          *name,
                                               const char * const  *values);
void           amigo_ec2_query_add_tags       (AmigoEc2Query       *q,
                                               const char          *list_key,
                                               const char * const  *keys,
                                               const char * const  *values);

char          *amigo_ec2_query_encode         (const AmigoEc2Query *q);
char          *amigo_ec2_query_percent_encode (const char          *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoEc2Query, amigo_ec2_query_free)

G_END_DECLS
