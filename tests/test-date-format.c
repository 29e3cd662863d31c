/* test-date-format.c — relative and local dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in the C locale (untranslated English) with TZ=UTC, as tests/meson.build sets.
 */
#include "config.h"

#include <glib.h>

#include "amigo-date-format.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* 2024-06-01T12:34:56Z */
#define NOW ((gint64) 1717245296 * G_USEC_PER_SEC)

typedef struct {
  const char *name;
  gint64 offset;        /* the date minus now */
  const char *expected;
} RelativeCase;

static const RelativeCase relative_cases[] = {
  { "same-instant", 0, "just now" },
  { "seconds-ago", -59 * SECOND, "just now" },
  { "seconds-ahead", 59 * SECOND, "just now" },
  { "one-minute-ago", -MINUTE, "1 minute ago" },
  { "minutes-ago", -(59 * MINUTE + 59 * SECOND), "59 minutes ago" },
  { "in-one-minute", MINUTE, "in 1 minute" },
  { "in-minutes", 5 * MINUTE + 30 * SECOND, "in 5 minutes" },
  { "one-hour-ago", -HOUR, "1 hour ago" },
  { "hours-ago", -(23 * HOUR + 59 * MINUTE), "23 hours ago" },
  { "in-one-hour", HOUR, "in 1 hour" },
  { "in-hours", 2 * HOUR, "in 2 hours" },
  { "one-day-ago", -DAY, "1 day ago" },
  { "days-ago", -3 * DAY, "3 days ago" },
  { "thirty-days-ago", -30 * DAY, "30 days ago" },
  { "in-one-day", DAY, "in 1 day" },
  { "in-days", 3 * DAY + HOUR, "in 3 days" },
  { "one-month-ago", -31 * DAY, "1 month ago" },
  { "months-ago", -100 * DAY, "3 months ago" },
  { "in-one-month", 45 * DAY, "in 1 month" },
  { "in-months", 200 * DAY, "in 6 months" },
  { "one-year-ago", -365 * DAY, "1 year ago" },
  { "years-ago", -(3 * 365 + 10) * DAY, "3 years ago" },
  { "in-one-year", 400 * DAY, "in 1 year" },
  { "in-years", 730 * DAY, "in 2 years" },
};

static void
test_relative (gconstpointer data)
{
  const RelativeCase *test_case = data;
  g_autofree char *text = amigo_format_date_relative (NOW + test_case->offset, NOW);

  g_assert_cmpstr (text, ==, test_case->expected);
}

static void
test_local (void)
{
  g_autofree char *text = amigo_format_date_local (NOW);

  /* %x %X in the C locale, in UTC. */
  g_assert_cmpstr (text, ==, "06/01/24 12:34:56");
}

static void
test_local_time_zone (void)
{
  g_autofree char *text = NULL;

  /* A POSIX rule, so no time zone database is needed. */
  g_setenv ("TZ", "KST-9", TRUE);
  text = amigo_format_date_local (NOW);
  g_setenv ("TZ", "UTC", TRUE);

  /* Seoul is nine hours ahead of UTC, without daylight saving time. */
  g_assert_cmpstr (text, ==, "06/01/24 21:34:56");
}

static void
test_local_none (void)
{
  g_assert_null (amigo_format_date_local (0));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (relative_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date-format/relative/%s", relative_cases[i].name);

      g_test_add_data_func (path, &relative_cases[i], test_relative);
    }
  g_test_add_func ("/date-format/local/locale-format", test_local);
  g_test_add_func ("/date-format/local/time-zone", test_local_time_zone);
  g_test_add_func ("/date-format/local/none", test_local_none);

  return g_test_run ();
}
