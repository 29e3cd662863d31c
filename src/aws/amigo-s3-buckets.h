/* amigo-s3-buckets.h — the account's buckets: listed by region, named by
 * S3's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-s3.h"

G_BEGIN_DECLS

/**
 * AmigoS3Bucket:
 * @name: the bucket's name
 * @region: (nullable): its region, when S3 said
 * @creation_date: when it was made (Unix seconds), or 0
 *
 * One bucket of a ListBuckets answer.
 */
typedef struct {
  char *name;
  char *region;
  gint64 creation_date;
} AmigoS3Bucket;

void        amigo_s3_bucket_free              (AmigoS3Bucket *bucket);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoS3Bucket, amigo_s3_bucket_free)

const char *amigo_s3_bucket_name_check        (const char    *name);

/* (transfer full) (element-type AmigoS3Bucket): the buckets in @region
 * (NULL: every region), by name */
AMIGO_DECLARE_ASYNC (AmigoS3, GPtrArray *, amigo_s3_list_buckets,
                     const char *region);

void        amigo_s3_set_max_buckets_for_testing (guint max_buckets);

G_END_DECLS
