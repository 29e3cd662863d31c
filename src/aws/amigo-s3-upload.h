/* amigo-s3-upload.h — a file uploaded to S3 in parts, resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-s3.h"

G_BEGIN_DECLS

#define AMIGO_S3_UPLOAD_ERROR (amigo_s3_upload_error_quark ())

/**
 * AmigoS3UploadError:
 * @AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED: the file's size or modification time
 *   changed since the upload started: what was sent no longer matches it
 * @AMIGO_S3_UPLOAD_ERROR_UPLOAD_GONE: S3 no longer knows the upload (it was
 *   aborted, or expired by a lifecycle rule) and the object is not there
 * @AMIGO_S3_UPLOAD_ERROR_BAD_STATE: a saved state that cannot be resumed
 * @AMIGO_S3_UPLOAD_ERROR_TOO_BIG: over S3's 5 TiB object limit, or empty
 */
typedef enum {
  AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED,
  AMIGO_S3_UPLOAD_ERROR_UPLOAD_GONE,
  AMIGO_S3_UPLOAD_ERROR_BAD_STATE,
  AMIGO_S3_UPLOAD_ERROR_TOO_BIG,
} AmigoS3UploadError;

GQuark amigo_s3_upload_error_quark (void);

#define AMIGO_S3_UPLOAD_MIN_PART_SIZE (8 * 1024 * 1024)
#define AMIGO_S3_UPLOAD_MAX_PART_SIZE (64 * 1024 * 1024)
#define AMIGO_S3_UPLOAD_MAX_PARTS     10000
#define AMIGO_S3_UPLOAD_DEFAULT_PARALLEL 4

#define AMIGO_TYPE_S3_UPLOAD (amigo_s3_upload_get_type ())

/**
 * AmigoS3Upload:
 *
 * One local file uploaded to `s3://bucket/key` with a multipart upload:
 * parts of 8–64 MiB (amigo_s3_upload_choose_part_size()), a few sent at
 * once, each read from the file while it is sent — memory stays bounded
 * whatever the file's size. Each part is hashed first (SHA-256: its
 * `x-amz-checksum-sha256`, and the signed payload hash).
 *
 * Its state (amigo_s3_upload_dup_state()) is what a task saves whenever
 * #AmigoS3Upload::state-changed is emitted; amigo_s3_upload_new_from_state()
 * takes it back after a restart, and the next run checks it with ListParts
 * before sending what is missing. Cancelling a run leaves the upload to be
 * resumed; amigo_s3_upload_abort_async() deletes it (AbortMultipartUpload).
 */
G_DECLARE_FINAL_TYPE (AmigoS3Upload, amigo_s3_upload, AMIGO, S3_UPLOAD, GObject)

guint64        amigo_s3_upload_choose_part_size (guint64         file_size);

AmigoS3Upload *amigo_s3_upload_new            (AmigoS3        *s3,
                                               const char     *path,
                                               const char     *bucket,
                                               const char     *key,
                                               GError        **error);
AmigoS3Upload *amigo_s3_upload_new_from_state (AmigoS3        *s3,
                                               JsonNode       *state,
                                               GError        **error);
JsonNode      *amigo_s3_upload_dup_state      (AmigoS3Upload  *self);

void           amigo_s3_upload_set_part_size  (AmigoS3Upload  *self,
                                               guint64         part_size);
void           amigo_s3_upload_set_max_parallel (AmigoS3Upload *self,
                                                 guint          max_parallel);

const char    *amigo_s3_upload_get_path       (AmigoS3Upload  *self);
const char    *amigo_s3_upload_get_bucket     (AmigoS3Upload  *self);
const char    *amigo_s3_upload_get_key        (AmigoS3Upload  *self);
const char    *amigo_s3_upload_get_upload_id  (AmigoS3Upload  *self);
const char    *amigo_s3_upload_get_etag       (AmigoS3Upload  *self);
guint64        amigo_s3_upload_get_part_size  (AmigoS3Upload  *self);
guint          amigo_s3_upload_get_n_parts    (AmigoS3Upload  *self);
guint64        amigo_s3_upload_get_file_size  (AmigoS3Upload  *self);
guint64        amigo_s3_upload_get_bytes_done (AmigoS3Upload  *self);
double         amigo_s3_upload_get_speed      (AmigoS3Upload  *self);
gint64         amigo_s3_upload_get_seconds_left (AmigoS3Upload *self);
guint          amigo_s3_upload_get_parts_resent (AmigoS3Upload *self);

AMIGO_DECLARE_ASYNC (AmigoS3Upload, gboolean, amigo_s3_upload_run);
AMIGO_DECLARE_ASYNC (AmigoS3Upload, gboolean, amigo_s3_upload_abort);

G_END_DECLS
