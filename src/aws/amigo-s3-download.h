/* amigo-s3-download.h — an S3 object downloaded to a file, resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-s3.h"

G_BEGIN_DECLS

#define AMIGO_S3_DOWNLOAD_RANGE_SIZE (64 * 1024 * 1024)

#define AMIGO_TYPE_S3_DOWNLOAD (amigo_s3_download_get_type ())

/**
 * AmigoS3Download:
 *
 * `s3://bucket/key` into a local file: ranged GetObjects of 64 MiB written
 * as they arrive to `DEST.part`, renamed to DEST at the end. A run resumes
 * from what `DEST.part` already holds; each range carries `If-Match` with
 * the object's ETag, so a part file is never completed from another
 * version of the object (set the ETag a task saved with
 * amigo_s3_download_set_etag(): when the object's differs, the download
 * starts over). Memory stays bounded: chunks go to the file as they come.
 */
G_DECLARE_FINAL_TYPE (AmigoS3Download, amigo_s3_download, AMIGO, S3_DOWNLOAD, GObject)

AmigoS3Download *amigo_s3_download_new          (AmigoS3          *s3,
                                                 const char       *bucket,
                                                 const char       *key,
                                                 const char       *dest_path);
void             amigo_s3_download_set_etag     (AmigoS3Download  *self,
                                                 const char       *etag);
const char      *amigo_s3_download_get_etag     (AmigoS3Download  *self);
const char      *amigo_s3_download_get_dest_path (AmigoS3Download *self);
guint64          amigo_s3_download_get_size     (AmigoS3Download  *self);
guint64          amigo_s3_download_get_bytes_done (AmigoS3Download *self);
guint64          amigo_s3_download_get_resumed_from (AmigoS3Download *self);
double           amigo_s3_download_get_speed    (AmigoS3Download  *self);
gint64           amigo_s3_download_get_seconds_left (AmigoS3Download *self);

AMIGO_DECLARE_ASYNC (AmigoS3Download, gboolean, amigo_s3_download_run);

G_END_DECLS
