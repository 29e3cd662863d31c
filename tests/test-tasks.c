/* test-tasks.c — the long-work watcher's rules, without a display or a peer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the wait between polls grows, how elapsed time and outcomes read:
 * no widget, no server (moved out of test-ui-tasks, under the same names).
 */
#include "config.h"

#include "amigo-date-format.h"
#include "amigo-task-manager.h"
#include "amigo-task.h"

#include <string.h>
#include <pango/pango.h>

#define ACCOUNT_ID "environment"

static void
test_backoff (void)
{
  static const struct {
    guint interval;
    guint max;
    guint next;
  } cases[] = {
    { 2000, 60000, 3000 },
    { 3000, 60000, 4500 },
    { 4500, 60000, 6750 },
    { 45000, 60000, 60000 },
    { 60000, 60000, 60000 },
    { 1, 60000, 2 },          /* always grows, even from a tiny wait */
    { 20, 200, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (amigo_task_manager_backoff_next_for_testing (cases[i].interval, cases[i].max), ==, cases[i].next);
}

static void
test_elapsed_format (void)
{
  static const struct {
    GTimeSpan elapsed;
    const char *text;
  } cases[] = {
    { 0, "less than 1 min" },
    { 59 * G_TIME_SPAN_SECOND, "less than 1 min" },
    { 2 * G_TIME_SPAN_MINUTE + 5 * G_TIME_SPAN_SECOND, "2 min" },
    { 65 * G_TIME_SPAN_MINUTE, "1 h 5 min" },
    { 2 * G_TIME_SPAN_HOUR, "2 h" },
    { -5 * G_TIME_SPAN_SECOND, "less than 1 min" },   /* a clock set back */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = amigo_format_duration (cases[i].elapsed);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_outcome_texts (void)
{
  const struct {
    AmigoTaskKind kind;
    const char *region;
    const char * const *ids;
    AmigoTaskState state;
    const char *message;
    const char *outcome;
  } cases[] = {
    { AMIGO_TASK_KIND_CREATE_IMAGE, "us-east-1", NULL, AMIGO_TASK_STATE_SUCCEEDED, NULL, "Image ami-0c is available." },
    { AMIGO_TASK_KIND_REGISTER_IMAGE, "us-east-1", NULL, AMIGO_TASK_STATE_SUCCEEDED, NULL, "Image ami-0c is available." },
    { AMIGO_TASK_KIND_COPY_IMAGE, "ap-northeast-2", NULL, AMIGO_TASK_STATE_SUCCEEDED, NULL,
      "The copy ami-0c is available in Asia Pacific (Seoul)." },
    { AMIGO_TASK_KIND_COPY_IMAGE, "ap-northeast-2", NULL, AMIGO_TASK_STATE_FAILED, "Snapshot copy failed",
      "Failed: Snapshot copy failed" },
    { AMIGO_TASK_KIND_COPY_IMAGE, "ap-northeast-2", NULL, AMIGO_TASK_STATE_FAILED, NULL, "Failed." },
    { AMIGO_TASK_KIND_COPY_IMAGE, "ap-northeast-2", NULL, AMIGO_TASK_STATE_CANCELLED, NULL, "Cancelled." },
    { AMIGO_TASK_KIND_LAUNCH, "us-east-1", (const char * const []) { "i-01", NULL },
      AMIGO_TASK_STATE_SUCCEEDED, NULL, "Instance i-01 is running." },
    { AMIGO_TASK_KIND_LAUNCH, "us-east-1", (const char * const []) { "i-01", "i-02", NULL },
      AMIGO_TASK_STATE_SUCCEEDED, NULL, "Instances i-01, i-02 are running." },
    { AMIGO_TASK_KIND_LAUNCH, "us-east-1", (const char * const []) { "i-01", NULL },
      AMIGO_TASK_STATE_RUNNING, NULL, "In Progress" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *image[] = { "ami-0c", NULL };
      g_autoptr(AmigoTask) task = amigo_task_new (cases[i].kind, ACCOUNT_ID, cases[i].region,
                                                  cases[i].ids ? cases[i].ids : image, "Title");
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *outcome = NULL;

      amigo_task_restore_state (task, cases[i].state, cases[i].message, 0, 0);
      outcome = amigo_task_dup_outcome (task);
      g_assert_cmpstr (outcome, ==, cases[i].outcome);
      g_assert_cmpint (amigo_task_get_finished (task) > 0, ==, cases[i].state != AMIGO_TASK_STATE_RUNNING);
      g_assert_cmpint (amigo_task_get_can_cancel (task), ==,
                       cases[i].kind == AMIGO_TASK_KIND_COPY_IMAGE && cases[i].state == AMIGO_TASK_STATE_RUNNING);
      notification = amigo_task_new_notification (task);
      g_assert_true (G_IS_NOTIFICATION (notification));
    }
}

/* GNOME Shell reads a notification's body as markup: AWS's words in it
 * are escaped, and read back as markup they are the words themselves. */
static void
test_notification_body_not_markup (void)
{
  static const char * const messages[] = {
    "<a href=\"https://example.com\">x</a>",
    "<b>bold</b> & co",
    "unbalanced < here",
    "&amp; already an entity",
  };
  const char *image[] = { "ami-0c", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(AmigoTask) task = amigo_task_new (AMIGO_TASK_KIND_COPY_IMAGE, ACCOUNT_ID, "us-east-1",
                                                  image, "Copying <i>name</i> & more");
      g_autofree char *outcome = NULL;
      g_autofree char *body = NULL;
      g_autofree char *shown = NULL;
      g_autoptr(GError) error = NULL;

      amigo_task_restore_state (task, AMIGO_TASK_STATE_FAILED, messages[i], 0, 0);
      outcome = amigo_task_dup_outcome (task);
      g_assert_nonnull (strstr (outcome, messages[i]));
      body = amigo_task_dup_notification_body (task);
      g_assert_true (pango_parse_markup (body, -1, 0, NULL, &shown, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (shown, ==, outcome);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/tasks/backoff", test_backoff);
  g_test_add_func ("/ui/tasks/elapsed-format", test_elapsed_format);
  g_test_add_func ("/ui/tasks/outcome-texts", test_outcome_texts);
  g_test_add_func ("/ui/tasks/notification-body-is-not-markup", test_notification_body_not_markup);

  return g_test_run ();
}
