/* amigo-file.h — reading a file the app does not own, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean amigo_file_read_bounded (const char  *path,
                                  gsize        max_size,
                                  char       **contents,
                                  gsize       *length,
                                  GError     **error);

G_END_DECLS
