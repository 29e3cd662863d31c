/* amigo-s3-shapes.h — the S3 operations Amigo uses (until the generated model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names are those the generated amigo-s3-model.h will declare, so the
 * switch to it changes an include and nothing else.
 */
#pragma once

#include "amigo-protocol.h"

G_BEGIN_DECLS

extern const AmigoServiceModel amigo_s3_model;

extern const AmigoOperation amigo_s3_op_list_buckets;
extern const AmigoOperation amigo_s3_op_create_bucket;
extern const AmigoOperation amigo_s3_op_head_bucket;
extern const AmigoOperation amigo_s3_op_head_object;
extern const AmigoOperation amigo_s3_op_get_object;
extern const AmigoOperation amigo_s3_op_put_object;
extern const AmigoOperation amigo_s3_op_create_multipart_upload;
extern const AmigoOperation amigo_s3_op_upload_part;
extern const AmigoOperation amigo_s3_op_list_parts;
extern const AmigoOperation amigo_s3_op_complete_multipart_upload;
extern const AmigoOperation amigo_s3_op_abort_multipart_upload;
extern const AmigoOperation amigo_s3_op_list_multipart_uploads;

G_END_DECLS
