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
/* How long something took or has taken: "less than 1 min", "2 min",
 * "1 h 5 min". */
char *amigo_format_duration      (GTimeSpan   elapsed);

G_END_DECLS
