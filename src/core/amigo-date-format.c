/* amigo-date-format.c — dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-date-format.h"

#define SECONDS_PER_MINUTE 60
#define SECONDS_PER_HOUR   (60 * SECONDS_PER_MINUTE)
#define SECONDS_PER_DAY    (24 * SECONDS_PER_HOUR)
/* Whole months and years are enough for "how old is this image": a month
 * is 30 days, a year 365, and the exact date is always shown beside. */
#define DAYS_PER_MONTH     30
#define DAYS_PER_YEAR      365

/**
 * amigo_format_date_relative:
 * @usec: the date, in microseconds since the Unix epoch
 * @now_usec: the present, in the same unit (g_get_real_time())
 *
 * Tells how far @usec is from @now_usec in the largest whole unit that
 * fits: "just now" within a minute either way, then minutes, hours, days,
 * months and years, "… ago" for the past and "in …" for the future.
 *
 * Returns: (transfer full): the translated text
 */
char *
amigo_format_date_relative (gint64 usec,
                            gint64 now_usec)
{
  gint64 seconds = (now_usec - usec) / G_USEC_PER_SEC;
  gboolean future = seconds < 0;
  gint64 magnitude = future ? -seconds : seconds;
  gint64 days = magnitude / SECONDS_PER_DAY;
  int n;

  if (magnitude < SECONDS_PER_MINUTE)
    return g_strdup (_("just now"));

  if (magnitude < SECONDS_PER_HOUR)
    {
      n = (int) (magnitude / SECONDS_PER_MINUTE);
      if (future)
        return g_strdup_printf (ngettext ("in %d minute", "in %d minutes", n), n);
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", n), n);
    }

  if (magnitude < SECONDS_PER_DAY)
    {
      n = (int) (magnitude / SECONDS_PER_HOUR);
      if (future)
        return g_strdup_printf (ngettext ("in %d hour", "in %d hours", n), n);
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", n), n);
    }

  if (days <= DAYS_PER_MONTH)
    {
      n = (int) days;
      if (future)
        return g_strdup_printf (ngettext ("in %d day", "in %d days", n), n);
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", n), n);
    }

  if (days < DAYS_PER_YEAR)
    {
      n = (int) (days / DAYS_PER_MONTH);
      if (future)
        return g_strdup_printf (ngettext ("in %d month", "in %d months", n), n);
      return g_strdup_printf (ngettext ("%d month ago", "%d months ago", n), n);
    }

  n = (int) MIN (days / DAYS_PER_YEAR, G_MAXINT);
  if (future)
    return g_strdup_printf (ngettext ("in %d year", "in %d years", n), n);
  return g_strdup_printf (ngettext ("%d year ago", "%d years ago", n), n);
}

/**
 * amigo_format_date_local_as:
 * @usec: the date, in microseconds since the Unix epoch; 0 for none
 * @format: a g_date_time_format() format
 *
 * Formats @usec in the local time zone with @format.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @usec is 0
 *   or out of range
 */
char *
amigo_format_date_local_as (gint64      usec,
                            const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  if (local == NULL)
    return NULL;

  return g_date_time_format (local, format);
}

/**
 * amigo_format_date_local:
 * @usec: the date, in microseconds since the Unix epoch; 0 for none
 *
 * Formats @usec in the local time zone the way the locale writes a date
 * and a time (`%x %X`).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @usec is 0
 *   or out of range
 */
char *
amigo_format_date_local (gint64 usec)
{
  return amigo_format_date_local_as (usec, "%x %X");
}

/**
 * amigo_format_duration:
 * @elapsed: how long, in microseconds (a negative span counts as 0)
 *
 * Tells a duration in whole minutes, and hours from one hour on: "less
 * than 1 min", "2 min", "3 h", "1 h 5 min" (the task list's elapsed time).
 *
 * Returns: (transfer full): the translated text
 */
char *
amigo_format_duration (GTimeSpan elapsed)
{
  gint64 minutes = MAX (elapsed, 0) / G_TIME_SPAN_MINUTE;

  if (minutes < 1)
    return g_strdup (_("less than 1 min"));
  if (minutes < 60)
    /* Translators: a duration, "2 min" */
    return g_strdup_printf (ngettext ("%d min", "%d min", (gulong) minutes), (int) minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration, "3 h" */
    return g_strdup_printf (ngettext ("%d h", "%d h", (gulong) (minutes / 60)), (int) (minutes / 60));
  /* Translators: a duration, "1 h 5 min" */
  return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
}
