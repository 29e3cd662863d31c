/* amigo-ec2-parsers.h — EC2 (and STS) responses, parsed as they stream in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-export-image-task.h"
#include "amigo-image.h"
#include "amigo-image-attribute.h"
#include "amigo-import-task.h"
#include "amigo-image-ancestry-entry.h"
#include "amigo-image-criterion.h"
#include "amigo-image-reference.h"
#include "amigo-recycle-bin-image.h"
#include "amigo-instance.h"
#include "amigo-instance-type.h"
#include "amigo-key-pair.h"
#include "amigo-region.h"
#include "amigo-security-group.h"
#include "amigo-snapshot.h"
#include "amigo-store-image-task.h"
#include "amigo-subnet.h"
#include "amigo-volume.h"
#include "amigo-vpc.h"

G_BEGIN_DECLS

/* One parser per response: create it for the operation, feed it the body
 * chunk by chunk as it arrives, finish it, then read the results.
 *
 *   parser = amigo_ec2_parser_new_describe_images (on_images_cb, self);
 *   while (chunk) amigo_ec2_parser_feed (parser, buf, len, &error);
 *   amigo_ec2_parser_finish (parser, &error);
 *   token = amigo_ec2_parser_get_next_token (parser);
 *
 * Errors are AMIGO_AWS_ERROR_BAD_RESPONSE (empty, truncated, malformed,
 * a web page, the wrong document) or AMIGO_AWS_ERROR_SERVICE (the body was
 * an EC2 `<Response><Errors>` or query `<ErrorResponse>` document). Unknown
 * elements are skipped everywhere, so fields AWS adds later do no harm. */
typedef struct _AmigoEc2Parser AmigoEc2Parser;

/**
 * AmigoEc2BatchFunc:
 * @batch: (element-type GObject) (transfer none): the items parsed since
 *   the last call, in document order; take a reference to keep them
 * @user_data: the data given with the function
 *
 * Receives the items of a list operation while the body is still being
 * parsed.
 */
typedef void (*AmigoEc2BatchFunc) (GPtrArray *batch,
                                   gpointer   user_data);

#define AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE 256

AmigoEc2Parser *amigo_ec2_parser_new_describe_images          (AmigoEc2BatchFunc  func,
                                                               gpointer           user_data);
AmigoEc2Parser *amigo_ec2_parser_new_describe_regions         (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_image_attribute (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_instances       (void);
AmigoEc2Parser *amigo_ec2_parser_new_run_instances            (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_snapshots       (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_key_pairs       (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_security_groups (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_subnets         (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_vpcs            (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_volumes         (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_instance_types  (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_instance_type_offerings (void);
AmigoEc2Parser *amigo_ec2_parser_new_deregister_image         (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_import_image_tasks   (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_import_snapshot_tasks (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_export_image_tasks   (void);
AmigoEc2Parser *amigo_ec2_parser_new_describe_store_image_tasks    (void);
/* The record type is private (amigo-record-private.h). */
typedef struct _AmigoRecordType AmigoRecordType;
AmigoEc2Parser *amigo_ec2_parser_new_answer_object            (const char            *root_element,
                                                               const AmigoRecordType *record);
GObject        *amigo_ec2_parser_get_object                   (AmigoEc2Parser    *self);
AmigoEc2Parser *amigo_ec2_parser_new_describe_image_references   (void);
AmigoEc2Parser *amigo_ec2_parser_new_list_images_in_recycle_bin  (void);
AmigoEc2Parser *amigo_ec2_parser_new_get_image_ancestry          (void);
AmigoEc2Parser *amigo_ec2_parser_new_get_allowed_images_settings (void);
AmigoEc2Parser *amigo_ec2_parser_new_simple                   (const char        *operation);
AmigoEc2Parser *amigo_ec2_parser_new_get_caller_identity      (void);
void            amigo_ec2_parser_free                         (AmigoEc2Parser    *self);

void            amigo_ec2_parser_set_batch_func               (AmigoEc2Parser    *self,
                                                               AmigoEc2BatchFunc  func,
                                                               gpointer           user_data);
void            amigo_ec2_parser_set_batch_size               (AmigoEc2Parser    *self,
                                                               guint              batch_size);
void            amigo_ec2_parser_set_http_status              (AmigoEc2Parser    *self,
                                                               guint              http_status);
void            amigo_ec2_parser_set_text_limit               (AmigoEc2Parser    *self,
                                                               gsize              limit);

gboolean        amigo_ec2_parser_feed                         (AmigoEc2Parser    *self,
                                                               const char        *buf,
                                                               gsize              len,
                                                               GError           **error);
gboolean        amigo_ec2_parser_finish                       (AmigoEc2Parser    *self,
                                                               GError           **error);

const char     *amigo_ec2_parser_get_request_id               (AmigoEc2Parser    *self);
const char     *amigo_ec2_parser_get_next_token               (AmigoEc2Parser    *self);
guint           amigo_ec2_parser_get_n_items                  (AmigoEc2Parser    *self);
GPtrArray      *amigo_ec2_parser_steal_items                  (AmigoEc2Parser    *self);
const char     *amigo_ec2_parser_get_reservation_id           (AmigoEc2Parser    *self);
const char     *amigo_ec2_parser_get_owner_id                 (AmigoEc2Parser    *self);
AmigoImageAttribute *amigo_ec2_parser_get_image_attribute     (AmigoEc2Parser    *self);
const char     *amigo_ec2_parser_get_value                    (AmigoEc2Parser    *self,
                                                               const char        *element);
const char     *amigo_ec2_parser_get_image_id                 (AmigoEc2Parser    *self);
GPtrArray      *amigo_ec2_parser_steal_snapshot_deletions     (AmigoEc2Parser    *self);
gboolean        amigo_ec2_parser_get_return                   (AmigoEc2Parser    *self);

/* Operations whose record tables live beside their models (launch
 * templates): a list of objects, or one object. */
typedef struct _AmigoRecordType AmigoRecordType;
AmigoEc2Parser *amigo_ec2_parser_new_objects                  (const char            *operation,
                                                               const char            *set_element,
                                                               const AmigoRecordType *record);
AmigoEc2Parser *amigo_ec2_parser_new_object                   (const char            *operation,
                                                               const char            *element,
                                                               const AmigoRecordType *record);
GObject        *amigo_ec2_parser_steal_object                 (AmigoEc2Parser        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoEc2Parser, amigo_ec2_parser_free)

G_END_DECLS
