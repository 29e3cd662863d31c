/* test-task-state-file.c — the task list kept across restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * amigo-core alone, no display: what is saved reads back, tasks that ended
 * long ago are left out, and a damaged file is set aside for a person to
 * look at while the tasks that could be read go on.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <glib/gstdio.h>

#include "amigo-task.h"
#include "amigo-task-state-file.h"

#define DAY G_TIME_SPAN_DAY

typedef struct {
  char *dir;
  char *path;
  char *bad_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("amigo-task-state-XXXXXX", &error);
  g_assert_no_error (error);
  /* In a folder that does not exist yet: saving makes it. */
  f->path = g_build_filename (f->dir, "amigo", "tasks.json", NULL);
  f->bad_path = g_strconcat (f->path, ".bad", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);

  g_remove (f->path);
  g_remove (f->bad_path);
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->bad_path);
}

static void
write_file (Fixture    *f,
            const char *contents)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_file_set_contents (f->path, contents, -1, &error);
  g_assert_no_error (error);
}

static AmigoTask *
finished_task (const char     *image_id,
               AmigoTaskState  state,
               gint64          finished)
{
  const char *ids[] = { image_id, NULL };
  AmigoTask *task = amigo_task_new (AMIGO_TASK_KIND_CREATE_IMAGE, "account-1", "eu-west-1",
                                    ids, "Create image");

  amigo_task_restore_state (task, state, "How it ended", finished - G_TIME_SPAN_HOUR, finished);
  return task;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *copy_ids[] = { "ami-0123456789abcdef0", NULL };
  gint64 now = g_get_real_time ();
  g_autoptr(GListStore) store = g_list_store_new (AMIGO_TYPE_TASK);
  g_autoptr(AmigoTask) running = amigo_task_new (AMIGO_TASK_KIND_COPY_IMAGE, "account-1",
                                                 "us-east-1", copy_ids, "Copy “web”");
  g_autoptr(AmigoTask) done = finished_task ("ami-1", AMIGO_TASK_STATE_FAILED, now - G_TIME_SPAN_HOUR);
  g_autoptr(GPtrArray) loaded = NULL;
  gboolean rewrite = TRUE;
  AmigoTask *task;

  amigo_task_restore_state (running, AMIGO_TASK_STATE_RUNNING, NULL, now - 90 * G_TIME_SPAN_SECOND, 0);
  g_list_store_append (store, running);
  g_list_store_append (store, done);
  amigo_task_state_file_save (f->path, G_LIST_MODEL (store), now);

  loaded = amigo_task_state_file_load (f->path, now, &rewrite);
  g_assert_false (rewrite);
  g_assert_cmpuint (loaded->len, ==, 2);

  task = g_ptr_array_index (loaded, 0);
  g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_COPY_IMAGE);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_cmpstr (amigo_task_get_account_id (task), ==, "account-1");
  g_assert_cmpstr (amigo_task_get_region (task), ==, "us-east-1");
  g_assert_cmpstr (amigo_task_get_resource_ids (task)[0], ==, "ami-0123456789abcdef0");
  g_assert_null (amigo_task_get_resource_ids (task)[1]);
  g_assert_cmpstr (amigo_task_get_title (task), ==, "Copy “web”");
  g_assert_cmpint (amigo_task_get_started (task), ==, now - 90 * G_TIME_SPAN_SECOND);

  task = g_ptr_array_index (loaded, 1);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_FAILED);
  g_assert_cmpint (amigo_task_get_finished (task), ==, now - G_TIME_SPAN_HOUR);
  g_assert_cmpstr (amigo_task_get_message (task), ==, "How it ended");
}

static void
test_expired_left_out (Fixture       *f,
                       gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GListStore) store = g_list_store_new (AMIGO_TYPE_TASK);
  g_autoptr(AmigoTask) old = finished_task ("ami-old", AMIGO_TASK_STATE_SUCCEEDED, now - 2 * DAY);
  g_autoptr(AmigoTask) recent = finished_task ("ami-new", AMIGO_TASK_STATE_SUCCEEDED, now - DAY / 2);
  g_autoptr(GPtrArray) loaded = NULL;

  g_list_store_append (store, recent);
  g_list_store_append (store, old);
  amigo_task_state_file_save (f->path, G_LIST_MODEL (store), now);
  loaded = amigo_task_state_file_load (f->path, now, NULL);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (amigo_task_get_resource_ids (g_ptr_array_index (loaded, 0))[0], ==, "ami-new");
  g_assert_cmpint (amigo_task_get_percent (g_ptr_array_index (loaded, 0)), ==, 100);

  /* A day later, read from the same file, it has expired too. */
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = amigo_task_state_file_load (f->path, now + DAY, NULL);
  g_assert_cmpuint (loaded->len, ==, 0);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  gboolean rewrite = TRUE;
  g_autoptr(GPtrArray) loaded = amigo_task_state_file_load (f->path, g_get_real_time (), &rewrite);

  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_false (rewrite);
  g_assert_false (g_file_test (f->bad_path, G_FILE_TEST_EXISTS));
}

typedef struct {
  const char *name;
  const char *contents;
} DamagedCase;

static const DamagedCase damaged_cases[] = {
  { "not-json", "{\"version\": 1, \"tasks\": [" },
  { "not-an-object", "[]" },
  { "other-version", "{\"version\": 2, \"tasks\": []}" },
  { "tasks-not-array", "{\"version\": 1, \"tasks\": {}}" },
  /* JSON with no value at all: json-glib loads it without a root. */
  { "only-whitespace", " \n" },
};

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  const DamagedCase *c = data;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *kept = NULL;
  gboolean rewrite = TRUE;

  write_file (f, c->contents);
  g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*it was set aside as*");
  loaded = amigo_task_state_file_load (f->path, g_get_real_time (), &rewrite);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_false (rewrite);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (f->bad_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, c->contents);
}

/* A FIFO (or a device) where the file should be is set aside, not read:
 * reading it would block or never end. So is a file past the size limit. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *sub = g_path_get_dirname (f->path);
  gboolean rewrite = TRUE;
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
  g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*not a regular file*set aside as*");
  loaded = amigo_task_state_file_load (f->path, g_get_real_time (), &rewrite);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_false (rewrite);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (lstat (f->bad_path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *big = NULL;
  gsize size = 8 * 1024 * 1024 + 1;
  gboolean rewrite = TRUE;

  big = g_malloc (size);
  memset (big, ' ', size);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, big, size, NULL));
  g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*larger than 8 MiB*set aside as*");
  loaded = amigo_task_state_file_load (f->path, g_get_real_time (), &rewrite);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (f->bad_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_partly_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) loaded = NULL;
  gboolean rewrite = FALSE;

  write_file (f, "{\"version\": 1, \"tasks\": ["
                 "{\"kind\": \"launch\", \"account_id\": \"a\", \"region\": \"eu-west-1\","
                 " \"resource_ids\": [\"i-1\", \"i-2\"], \"title\": \"Launch\","
                 " \"state\": \"running\", \"started\": \"2099-01-01T00:00:00Z\"},"
                 "{\"kind\": \"teleport\", \"account_id\": \"a\", \"region\": \"eu-west-1\","
                 " \"resource_ids\": [\"x\"], \"state\": \"running\", \"started\": \"2099-01-01T00:00:00Z\"},"
                 "{\"kind\": \"launch\", \"account_id\": \"a\", \"region\": \"eu-west-1\","
                 " \"resource_ids\": [], \"state\": \"running\", \"started\": \"2099-01-01T00:00:00Z\"}"
                 "]}");
  g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*2 unreadable tasks*");
  loaded = amigo_task_state_file_load (f->path, g_get_real_time (), &rewrite);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpint (amigo_task_get_kind (g_ptr_array_index (loaded, 0)), ==, AMIGO_TASK_KIND_LAUNCH);
  g_assert_cmpstr (amigo_task_get_resource_ids (g_ptr_array_index (loaded, 0))[1], ==, "i-2");
  /* The whole file is kept; the caller writes the readable tasks again. */
  g_assert_true (rewrite);
  g_assert_true (g_file_test (f->bad_path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/task-state-file/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/task-state-file/expired-left-out", Fixture, NULL,
              fixture_set_up, test_expired_left_out, fixture_tear_down);
  g_test_add ("/task-state-file/missing", Fixture, NULL,
              fixture_set_up, test_missing, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (damaged_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/task-state-file/damaged/%s", damaged_cases[i].name);
      g_test_add (path, Fixture, &damaged_cases[i], fixture_set_up, test_damaged, fixture_tear_down);
    }
  g_test_add ("/task-state-file/not-regular", Fixture, NULL,
              fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/task-state-file/too-large", Fixture, NULL,
              fixture_set_up, test_too_large, fixture_tear_down);
  g_test_add ("/task-state-file/partly-damaged", Fixture, NULL,
              fixture_set_up, test_partly_damaged, fixture_tear_down);
  return g_test_run ();
}
