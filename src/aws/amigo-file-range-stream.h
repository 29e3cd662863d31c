/* amigo-file-range-stream.h — a region of a local file as a seekable input stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_FILE_RANGE_STREAM (amigo_file_range_stream_get_type ())

/**
 * AmigoFileRangeStream:
 *
 * Bytes [offset, offset + length) of a file, read with pread() as the
 * reader asks — a multipart upload's part is never held in memory. It is
 * seekable within the range (libsoup rewinds a body it sends again), and
 * its asynchronous reads complete in the caller's context (a local read is
 * short), so the progress function runs there too.
 */
G_DECLARE_FINAL_TYPE (AmigoFileRangeStream, amigo_file_range_stream, AMIGO, FILE_RANGE_STREAM,
                      GInputStream)

/**
 * AmigoFileRangeProgress:
 * @user_data: the data given with the function
 * @position: bytes of the range read so far (it goes back on a rewind)
 */
typedef void (*AmigoFileRangeProgress) (gpointer user_data,
                                        guint64  position);

GInputStream *amigo_file_range_stream_new          (const char              *path,
                                                    guint64                  offset,
                                                    guint64                  length,
                                                    GError                 **error);
void          amigo_file_range_stream_set_progress (AmigoFileRangeStream    *self,
                                                    AmigoFileRangeProgress   func,
                                                    gpointer                 user_data);

G_END_DECLS
