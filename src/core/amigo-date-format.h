/* amigo-date-format.h — dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *amigo_format_date_relative (gint64 usec,
                                  gint64 now_usec);
char *amigo_format_date_local    (gint64 usec);
char *amigo_format_date_local_as (gint64      usec,
                                  const char *format);

G_END_DECLS
