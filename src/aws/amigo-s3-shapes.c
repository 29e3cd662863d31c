/* amigo-s3-shapes.c — the S3 operations Amigo uses, as botocore's model has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written from botocore's s3 2006-03-01 service-2.json, trimmed to the
 * members Amigo sends and reads, until build-aux/trim-model.py generates
 * amigo-s3-model.c from the committed model (same names).
 */
#include "config.h"

#include "amigo-s3-shapes.h"

#define S3_XMLNS "http://s3.amazonaws.com/doc/2006-03-01/"

const AmigoServiceModel amigo_s3_model = {
  .protocol = AMIGO_PROTOCOL_REST_XML,
  .api_version = "2006-03-01",
  .signing_name = "s3",
};

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING, .name = "String" };
static const AmigoShape integer_shape = { .type = AMIGO_SHAPE_INTEGER, .name = "Integer" };
static const AmigoShape long_shape = { .type = AMIGO_SHAPE_LONG, .name = "Long" };
static const AmigoShape boolean_shape = { .type = AMIGO_SHAPE_BOOLEAN, .name = "Boolean" };
static const AmigoShape timestamp_shape = { .type = AMIGO_SHAPE_TIMESTAMP, .name = "Timestamp" };
static const AmigoShape body_shape = { .type = AMIGO_SHAPE_BLOB, .name = "Body",
                                       .flags = AMIGO_SHAPE_STREAMING };

#define URI(n, wire) { .name = n, .shape = &string_shape, .location = AMIGO_LOCATION_URI, .location_name = wire }
#define HEADER(n, wire, shp) { .name = n, .shape = shp, .location = AMIGO_LOCATION_HEADER, .location_name = wire }
#define QUERY(n, wire, shp) { .name = n, .shape = shp, .location = AMIGO_LOCATION_QUERYSTRING, .location_name = wire }
#define BODY(n, shp) { .name = n, .shape = shp }
#define STRUCT(var, n, mem) \
  static const AmigoShape var = { .type = AMIGO_SHAPE_STRUCTURE, .name = n, \
                                  .members = mem, .n_members = G_N_ELEMENTS (mem) }
#define STRUCT_PAYLOAD(var, n, mem, pl) \
  static const AmigoShape var = { .type = AMIGO_SHAPE_STRUCTURE, .name = n, \
                                  .members = mem, .n_members = G_N_ELEMENTS (mem), .payload = pl }

/* ---- ListBuckets ------------------------------------------------------ */

static const AmigoMember bucket_members[] = {
  BODY ("Name", &string_shape),
  BODY ("CreationDate", &timestamp_shape),
  BODY ("BucketRegion", &string_shape),
};
STRUCT (bucket_shape, "Bucket", bucket_members);
static const AmigoMember bucket_item = { .shape = &bucket_shape, .location_name = "Bucket" };
static const AmigoShape buckets_shape = { .type = AMIGO_SHAPE_LIST, .name = "Buckets", .item = &bucket_item };
static const AmigoMember list_buckets_output_members[] = {
  BODY ("Buckets", &buckets_shape),
  BODY ("ContinuationToken", &string_shape),
};
STRUCT (list_buckets_output_shape, "ListBucketsOutput", list_buckets_output_members);
static const AmigoMember list_buckets_output = { .shape = &list_buckets_output_shape,
                                                 .location_name = "ListAllMyBucketsResult" };
static const AmigoMember list_buckets_input_members[] = {
  QUERY ("MaxBuckets", "max-buckets", &integer_shape),
  QUERY ("ContinuationToken", "continuation-token", &string_shape),
};
STRUCT (list_buckets_input_shape, "ListBucketsRequest", list_buckets_input_members);
static const AmigoMember list_buckets_input = { .shape = &list_buckets_input_shape };

const AmigoOperation amigo_s3_op_list_buckets = {
  .name = "ListBuckets",
  .http_method = "GET",
  .request_uri = "/",
  .input = &list_buckets_input,
  .output = &list_buckets_output,
};

/* ---- CreateBucket ----------------------------------------------------- */

static const AmigoMember bucket_configuration_members[] = {
  BODY ("LocationConstraint", &string_shape),
};
static const AmigoShape bucket_configuration_shape = {
  .type = AMIGO_SHAPE_STRUCTURE, .name = "CreateBucketConfiguration",
  .members = bucket_configuration_members, .n_members = G_N_ELEMENTS (bucket_configuration_members),
};
static const AmigoMember create_bucket_input_members[] = {
  URI ("Bucket", "Bucket"),
  { .name = "CreateBucketConfiguration", .shape = &bucket_configuration_shape,
    .location_name = "CreateBucketConfiguration", .xml_namespace_uri = S3_XMLNS },
};
STRUCT_PAYLOAD (create_bucket_input_shape, "CreateBucketRequest", create_bucket_input_members,
                "CreateBucketConfiguration");
static const AmigoMember create_bucket_input = { .shape = &create_bucket_input_shape };
static const AmigoMember create_bucket_output_members[] = {
  HEADER ("Location", "Location", &string_shape),
};
STRUCT (create_bucket_output_shape, "CreateBucketOutput", create_bucket_output_members);
static const AmigoMember create_bucket_output = { .shape = &create_bucket_output_shape };

const AmigoOperation amigo_s3_op_create_bucket = {
  .name = "CreateBucket",
  .http_method = "PUT",
  .request_uri = "/{Bucket}",
  .input = &create_bucket_input,
  .output = &create_bucket_output,
};

/* ---- HeadBucket ------------------------------------------------------- */

static const AmigoMember bucket_input_members[] = {
  URI ("Bucket", "Bucket"),
};
STRUCT (bucket_input_shape, "HeadBucketRequest", bucket_input_members);
static const AmigoMember bucket_input = { .shape = &bucket_input_shape };
static const AmigoMember head_bucket_output_members[] = {
  HEADER ("BucketRegion", "x-amz-bucket-region", &string_shape),
};
STRUCT (head_bucket_output_shape, "HeadBucketOutput", head_bucket_output_members);
static const AmigoMember head_bucket_output = { .shape = &head_bucket_output_shape };

const AmigoOperation amigo_s3_op_head_bucket = {
  .name = "HeadBucket",
  .http_method = "HEAD",
  .request_uri = "/{Bucket}",
  .input = &bucket_input,
  .output = &head_bucket_output,
};

/* ---- HeadObject and GetObject ----------------------------------------- */

static const AmigoMember object_input_members[] = {
  URI ("Bucket", "Bucket"),
  URI ("Key", "Key"),
  HEADER ("Range", "Range", &string_shape),
  HEADER ("IfMatch", "If-Match", &string_shape),
  QUERY ("PartNumber", "partNumber", &integer_shape),
};
STRUCT (object_input_shape, "GetObjectRequest", object_input_members);
static const AmigoMember object_input = { .shape = &object_input_shape };

static const AmigoMember object_output_members[] = {
  HEADER ("ContentLength", "Content-Length", &long_shape),
  HEADER ("ContentRange", "Content-Range", &string_shape),
  HEADER ("ContentType", "Content-Type", &string_shape),
  HEADER ("ETag", "ETag", &string_shape),
  HEADER ("LastModified", "Last-Modified", &timestamp_shape),
  HEADER ("ChecksumSHA256", "x-amz-checksum-sha256", &string_shape),
  HEADER ("PartsCount", "x-amz-mp-parts-count", &integer_shape),
  BODY ("Body", &body_shape),
};
STRUCT_PAYLOAD (object_output_shape, "GetObjectOutput", object_output_members, "Body");
static const AmigoMember object_output = { .shape = &object_output_shape };

const AmigoOperation amigo_s3_op_head_object = {
  .name = "HeadObject",
  .http_method = "HEAD",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &object_input,
  .output = &object_output,
};

const AmigoOperation amigo_s3_op_get_object = {
  .name = "GetObject",
  .http_method = "GET",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &object_input,
  .output = &object_output,
};

/* ---- PutObject and UploadPart ----------------------------------------- */

static const AmigoMember put_input_members[] = {
  URI ("Bucket", "Bucket"),
  URI ("Key", "Key"),
  HEADER ("ContentMD5", "Content-MD5", &string_shape),
  HEADER ("ContentType", "Content-Type", &string_shape),
  HEADER ("ChecksumSHA256", "x-amz-checksum-sha256", &string_shape),
  HEADER ("ChecksumAlgorithm", "x-amz-sdk-checksum-algorithm", &string_shape),
  QUERY ("PartNumber", "partNumber", &integer_shape),
  QUERY ("UploadId", "uploadId", &string_shape),
  BODY ("Body", &body_shape),
};
STRUCT_PAYLOAD (put_input_shape, "UploadPartRequest", put_input_members, "Body");
static const AmigoMember put_input = { .shape = &put_input_shape };
static const AmigoMember put_output_members[] = {
  HEADER ("ETag", "ETag", &string_shape),
  HEADER ("ChecksumSHA256", "x-amz-checksum-sha256", &string_shape),
};
STRUCT (put_output_shape, "UploadPartOutput", put_output_members);
static const AmigoMember put_output = { .shape = &put_output_shape };

const AmigoOperation amigo_s3_op_put_object = {
  .name = "PutObject",
  .http_method = "PUT",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &put_input,
  .output = &put_output,
};

const AmigoOperation amigo_s3_op_upload_part = {
  .name = "UploadPart",
  .http_method = "PUT",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &put_input,
  .output = &put_output,
};

/* ---- CreateMultipartUpload -------------------------------------------- */

static const AmigoMember create_upload_input_members[] = {
  URI ("Bucket", "Bucket"),
  URI ("Key", "Key"),
  HEADER ("ContentType", "Content-Type", &string_shape),
  HEADER ("ChecksumAlgorithm", "x-amz-checksum-algorithm", &string_shape),
};
STRUCT (create_upload_input_shape, "CreateMultipartUploadRequest", create_upload_input_members);
static const AmigoMember create_upload_input = { .shape = &create_upload_input_shape };
static const AmigoMember create_upload_output_members[] = {
  BODY ("Bucket", &string_shape),
  BODY ("Key", &string_shape),
  BODY ("UploadId", &string_shape),
};
STRUCT (create_upload_output_shape, "CreateMultipartUploadOutput", create_upload_output_members);
static const AmigoMember create_upload_output = { .shape = &create_upload_output_shape,
                                                  .location_name = "InitiateMultipartUploadResult" };

const AmigoOperation amigo_s3_op_create_multipart_upload = {
  .name = "CreateMultipartUpload",
  .http_method = "POST",
  .request_uri = "/{Bucket}/{Key+}?uploads",
  .input = &create_upload_input,
  .output = &create_upload_output,
};

/* ---- ListParts -------------------------------------------------------- */

static const AmigoMember upload_input_members[] = {
  URI ("Bucket", "Bucket"),
  URI ("Key", "Key"),
  QUERY ("UploadId", "uploadId", &string_shape),
  QUERY ("MaxParts", "max-parts", &integer_shape),
  QUERY ("PartNumberMarker", "part-number-marker", &string_shape),
};
STRUCT (upload_input_shape, "ListPartsRequest", upload_input_members);
static const AmigoMember upload_input = { .shape = &upload_input_shape };

static const AmigoMember part_members[] = {
  BODY ("PartNumber", &integer_shape),
  BODY ("LastModified", &timestamp_shape),
  BODY ("ETag", &string_shape),
  BODY ("Size", &long_shape),
  BODY ("ChecksumSHA256", &string_shape),
};
STRUCT (part_shape, "Part", part_members);
static const AmigoMember part_item = { .shape = &part_shape };
static const AmigoShape parts_shape = { .type = AMIGO_SHAPE_LIST, .name = "Parts",
                                        .flags = AMIGO_SHAPE_FLATTENED, .item = &part_item };
static const AmigoMember list_parts_output_members[] = {
  BODY ("UploadId", &string_shape),
  { .name = "Parts", .shape = &parts_shape, .location_name = "Part" },
  BODY ("IsTruncated", &boolean_shape),
  BODY ("NextPartNumberMarker", &string_shape),
};
STRUCT (list_parts_output_shape, "ListPartsOutput", list_parts_output_members);
static const AmigoMember list_parts_output = { .shape = &list_parts_output_shape,
                                               .location_name = "ListPartsResult" };

const AmigoOperation amigo_s3_op_list_parts = {
  .name = "ListParts",
  .http_method = "GET",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &upload_input,
  .output = &list_parts_output,
};

/* ---- CompleteMultipartUpload ------------------------------------------ */

static const AmigoMember completed_part_members[] = {
  BODY ("ETag", &string_shape),
  BODY ("ChecksumSHA256", &string_shape),
  BODY ("PartNumber", &integer_shape),
};
STRUCT (completed_part_shape, "CompletedPart", completed_part_members);
static const AmigoMember completed_part_item = { .shape = &completed_part_shape };
static const AmigoShape completed_parts_shape = { .type = AMIGO_SHAPE_LIST, .name = "CompletedPartList",
                                                  .flags = AMIGO_SHAPE_FLATTENED,
                                                  .item = &completed_part_item };
static const AmigoMember completed_upload_members[] = {
  { .name = "Parts", .shape = &completed_parts_shape, .location_name = "Part" },
};
STRUCT (completed_upload_shape, "CompletedMultipartUpload", completed_upload_members);
static const AmigoMember complete_input_members[] = {
  URI ("Bucket", "Bucket"),
  URI ("Key", "Key"),
  QUERY ("UploadId", "uploadId", &string_shape),
  { .name = "MultipartUpload", .shape = &completed_upload_shape,
    .location_name = "CompleteMultipartUpload", .xml_namespace_uri = S3_XMLNS },
};
STRUCT_PAYLOAD (complete_input_shape, "CompleteMultipartUploadRequest", complete_input_members,
                "MultipartUpload");
static const AmigoMember complete_input = { .shape = &complete_input_shape };
static const AmigoMember complete_output_members[] = {
  BODY ("Location", &string_shape),
  BODY ("Bucket", &string_shape),
  BODY ("Key", &string_shape),
  BODY ("ETag", &string_shape),
  BODY ("ChecksumSHA256", &string_shape),
};
STRUCT (complete_output_shape, "CompleteMultipartUploadOutput", complete_output_members);
static const AmigoMember complete_output = { .shape = &complete_output_shape,
                                             .location_name = "CompleteMultipartUploadResult" };

const AmigoOperation amigo_s3_op_complete_multipart_upload = {
  .name = "CompleteMultipartUpload",
  .http_method = "POST",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &complete_input,
  .output = &complete_output,
};

/* ---- AbortMultipartUpload --------------------------------------------- */

const AmigoOperation amigo_s3_op_abort_multipart_upload = {
  .name = "AbortMultipartUpload",
  .http_method = "DELETE",
  .request_uri = "/{Bucket}/{Key+}",
  .input = &upload_input,
};

/* ---- ListMultipartUploads --------------------------------------------- */

static const AmigoMember list_uploads_input_members[] = {
  URI ("Bucket", "Bucket"),
  QUERY ("Prefix", "prefix", &string_shape),
  QUERY ("KeyMarker", "key-marker", &string_shape),
  QUERY ("UploadIdMarker", "upload-id-marker", &string_shape),
};
STRUCT (list_uploads_input_shape, "ListMultipartUploadsRequest", list_uploads_input_members);
static const AmigoMember list_uploads_input = { .shape = &list_uploads_input_shape };
static const AmigoMember upload_members[] = {
  BODY ("UploadId", &string_shape),
  BODY ("Key", &string_shape),
  BODY ("Initiated", &timestamp_shape),
};
STRUCT (upload_shape, "MultipartUpload", upload_members);
static const AmigoMember upload_item = { .shape = &upload_shape };
static const AmigoShape uploads_shape = { .type = AMIGO_SHAPE_LIST, .name = "MultipartUploadList",
                                          .flags = AMIGO_SHAPE_FLATTENED, .item = &upload_item };
static const AmigoMember list_uploads_output_members[] = {
  { .name = "Uploads", .shape = &uploads_shape, .location_name = "Upload" },
  BODY ("IsTruncated", &boolean_shape),
  BODY ("NextKeyMarker", &string_shape),
  BODY ("NextUploadIdMarker", &string_shape),
};
STRUCT (list_uploads_output_shape, "ListMultipartUploadsOutput", list_uploads_output_members);
static const AmigoMember list_uploads_output = { .shape = &list_uploads_output_shape,
                                                 .location_name = "ListMultipartUploadsResult" };

const AmigoOperation amigo_s3_op_list_multipart_uploads = {
  .name = "ListMultipartUploads",
  .http_method = "GET",
  .request_uri = "/{Bucket}?uploads",
  .input = &list_uploads_input,
  .output = &list_uploads_output,
};
