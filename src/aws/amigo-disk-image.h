/* amigo-disk-image.h — which disk image format a file is, as VM
 * Import/Export reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How much of a file's start amigo_disk_image_detect() reads (and of its
 * end: a fixed VHD's footer is its last 512 bytes). */
#define AMIGO_DISK_IMAGE_HEAD_SIZE 1024
#define AMIGO_DISK_IMAGE_TAIL_SIZE 512

const char *amigo_disk_image_detect             (const guint8 *head,
                                                 gsize         head_len,
                                                 const guint8 *tail,
                                                 gsize         tail_len);
const char *amigo_disk_image_format_for_name    (const char   *file_name);
const char *amigo_disk_image_detect_file        (GFile        *file,
                                                 GCancellable *cancellable,
                                                 GError      **error);

G_END_DECLS
