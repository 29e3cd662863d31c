/* amigo-s3.h — Amazon S3 over REST-XML: buckets, objects, multipart uploads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-service.h"
#include "amigo-s3-model.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_S3 (amigo_s3_get_type ())

/**
 * AmigoS3:
 *
 * S3 for one account, starting in one region. Requests are signed with
 * SigV4 and `x-amz-content-sha256` (the body's hash, or `UNSIGNED-PAYLOAD`
 * for a file body over https when #AmigoS3:unsigned-payload is set).
 *
 * Addressing: virtual-hosted (`https://BUCKET.s3.REGION.amazonaws.com/KEY`)
 * on AWS, path style (`ENDPOINT/BUCKET/KEY`) on a custom endpoint (moto,
 * MinIO, LocalStack) and for bucket names with dots.
 *
 * Regions: a bucket lives in one region. The first request to a bucket is
 * signed for the service's region; an answer that names another
 * (`x-amz-bucket-region`, `PermanentRedirect`, `AuthorizationHeaderMalformed`)
 * is learnt and the request is sent again there, once. Learnt regions are
 * kept per bucket for the life of the object.
 */
G_DECLARE_FINAL_TYPE (AmigoS3, amigo_s3, AMIGO, S3, AmigoService)

/**
 * AmigoS3FileBody:
 * @path: the local file
 * @offset: where the body starts
 * @length: its length
 * @sha256_hex: (nullable): its SHA-256, lower-case hex; %NULL sends
 *   `UNSIGNED-PAYLOAD` (allowed over https only)
 * @progress: (nullable): told how many bytes of it each attempt has sent
 * @progress_data: its data
 *
 * A request body read from a file region while it is sent.
 */
typedef struct {
  const char *path;
  guint64 offset;
  guint64 length;
  const char *sha256_hex;
  AmigoRequestBodyProgress progress;
  gpointer progress_data;
} AmigoS3FileBody;

/**
 * AmigoS3Transfer:
 * @body: (nullable): a body read from a file while it is sent (PutObject,
 *   UploadPart), with its hash computed beforehand
 * @sink: (nullable): where the body of a successful answer goes (GetObject
 *   into a file); %NULL: it is read (at most 16 MiB) and parsed
 * @sink_data: the sink's data, alive until the call completes
 *
 * What streams with an S3 call, beyond its input and output values.
 */
typedef struct {
  const AmigoS3FileBody *body;
  const AmigoResponseSink *sink;
  gpointer sink_data;
} AmigoS3Transfer;

AmigoS3    *amigo_s3_new                 (AmigoClient      *client,
                                          const char       *region,
                                          const char       *endpoint_url);
AmigoS3    *amigo_s3_new_for_account     (AmigoAccount     *account,
                                          AmigoClient      *client,
                                          const char       *region,
                                          GError          **error);

gboolean    amigo_s3_get_path_style      (AmigoS3          *self);
void        amigo_s3_set_path_style      (AmigoS3          *self,
                                          gboolean          path_style);
gboolean    amigo_s3_get_unsigned_payload (AmigoS3         *self);
void        amigo_s3_set_unsigned_payload (AmigoS3         *self,
                                           gboolean         unsigned_payload);
char       *amigo_s3_dup_bucket_region   (AmigoS3          *self,
                                          const char       *bucket);
void        amigo_s3_set_bucket_region   (AmigoS3          *self,
                                          const char       *bucket,
                                          const char       *region);

void        amigo_s3_call_async          (AmigoS3                 *self,
                                          const AmigoOperation    *operation,
                                          JsonNode                *params,
                                          const AmigoS3Transfer   *transfer,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
JsonNode   *amigo_s3_call_finish         (AmigoS3                 *self,
                                          GAsyncResult            *result,
                                          GError                 **error);

AMIGO_DECLARE_ASYNC (AmigoS3, char *, amigo_s3_head_bucket,
                     const char *bucket);
AMIGO_DECLARE_ASYNC (AmigoS3, gboolean, amigo_s3_create_bucket,
                     const char *bucket);

char       *amigo_s3_multipart_etag      (const char * const *part_etags,
                                          guint               n_parts);

G_END_DECLS
