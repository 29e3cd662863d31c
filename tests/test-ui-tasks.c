/* test-ui-tasks.c — long work watched to its end: the task manager, its
 * state file, the task list and the desktop notification
 *
 * Runs inside tests/moto-harness.sh (moto with signatures enforced),
 * tests/fault-harness.sh (a proxy in front of moto that counts requests
 * and can break them), a private keyring and session bus
 * (run-with-keyring.sh) and Xvfb. The managers' account reaches moto
 * through the proxy; the tests' own requests go to moto directly.
 *
 * moto finishes everything at once, so the tests hold images, snapshots
 * and instances in their in-between states with the launcher's test-only
 * knobs (POST /amigo-test/…, see tests/moto-launcher.py), and move them on.
 *
 * With AMIGO_SCREENSHOT_DIR set, the task list is saved as tasks.png there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "amigo-application.h"
#include "amigo-task-list.h"
#include "amigo-task-manager.h"
#include "amigo-task-row.h"
#include "amigo-task.h"
#include "amigo-test-ui.h"

#define SOURCE_REGION "us-east-1"
#define COPY_REGION "ap-northeast-2"
#define ACCOUNT_ID "environment"
#define WAIT_SECONDS 60

/* Short waits between polls, so that the tests see several. */
#define TEST_INITIAL_MS 20
#define TEST_MAX_MS 200

static AmigoEc2 *source_ec2;
static AmigoEc2 *copy_ec2;
static char *instance_id;
static char *tmp_dir;

/* ---- the servers ----------------------------------------------------- */

static JsonNode *
http_json (const char *method,
           const char *url,
           const char *body)
{
  return amigo_test_control (url, method, "", body);
}

/* Sets a resource's state with the launcher's test knob. */
static void
knob (const char *what,
      const char *json)
{
  g_autofree char *url = g_strdup_printf ("%s/amigo-test/%s", g_getenv ("AMIGO_TEST_ENDPOINT"), what);
  g_autoptr(JsonNode) reply = http_json ("POST", url, json);
}

static void
set_image_state (const char *region,
                 const char *image_id,
                 const char *state)
{
  g_autofree char *json = g_strdup_printf ("{\"region\": \"%s\", \"image_id\": \"%s\", \"state\": \"%s\"}",
                                           region, image_id, state);
  knob ("image-state", json);
}

/* ---- waiting --------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

#define WAIT_STATE(task, expected) \
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) == (expected), WAIT_SECONDS)

/* ---- fixtures -------------------------------------------------------- */

/* The "Environment" account, reaching moto through the fault proxy. */
static AmigoAccountManager *
new_accounts (gboolean load)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccountManager *accounts;

  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", g_getenv ("AMIGO_FAULT_PROXY"), TRUE);
  accounts = amigo_account_manager_new (settings, (const char * const *) envp);
  if (load)
    {
      amigo_account_manager_load_async (accounts, NULL, store_result_cb, &result);
      AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
      g_assert_true (amigo_account_manager_load_finish (accounts, result, &error));
      g_assert_no_error (error);
      g_assert_nonnull (amigo_account_manager_lookup (accounts, ACCOUNT_ID));
    }
  return accounts;
}

/* A state file of its own for each test. */
static char *
new_state_path (void)
{
  static guint n;

  return g_strdup_printf ("%s/state-%u/amigo/tasks.json", tmp_dir, ++n);
}

static AmigoTaskManager *
new_manager (AmigoAccountManager *accounts,
             const char          *state_path)
{
  AmigoTaskManager *manager = amigo_task_manager_new (accounts, state_path);

  amigo_task_manager_set_intervals_for_testing (manager, TEST_INITIAL_MS, TEST_MAX_MS);
  return manager;
}

/* An image made by CreateImage, held pending. */
static char *
new_pending_image (const char *name)
{
  char *image_id = amigo_test_ui_create_image (source_ec2, instance_id, name);

  set_image_state (SOURCE_REGION, image_id, "pending");
  return image_id;
}

static AmigoTask *
new_task (AmigoTaskKind  kind,
          const char    *region,
          const char    *resource_id,
          const char    *title)
{
  const char *ids[] = { resource_id, NULL };

  return amigo_task_new (kind, ACCOUNT_ID, region, ids, title);
}

/* A copy in COPY_REGION of @source_id, held pending; its snapshot in
 * @snapshot_id. */
static char *
new_pending_copy (const char  *source_id,
                  const char  *name,
                  char       **snapshot_id)
{
  AmigoCopyImageRequest request = {
    .source_region = SOURCE_REGION,
    .source_image_id = source_id,
    .name = name,
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) copy = NULL;
  const AmigoBlockDeviceMapping *mappings;
  g_autofree char *json = NULL;
  guint n_mappings = 0;
  char *copy_id;

  amigo_ec2_copy_image_async (copy_ec2, &request, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  copy_id = amigo_ec2_copy_image_finish (copy_ec2, result, &error);
  g_assert_no_error (error);
  set_image_state (COPY_REGION, copy_id, "pending");

  copy = amigo_test_ui_get_image (copy_ec2, copy_id);
  g_assert_nonnull (copy);
  mappings = amigo_image_get_block_device_mappings (copy, &n_mappings);
  g_assert_cmpuint (n_mappings, >, 0);
  g_assert_true (mappings[0].has_ebs);
  *snapshot_id = g_strdup (mappings[0].ebs.snapshot_id);
  json = g_strdup_printf ("{\"region\": \"%s\", \"snapshot_id\": \"%s\", \"state\": \"pending\", \"progress\": \"0%%\"}",
                          COPY_REGION, *snapshot_id);
  knob ("snapshot-state", json);
  return copy_id;
}

static void
set_snapshot_progress (const char *snapshot_id,
                       const char *progress)
{
  g_autofree char *json = g_strdup_printf ("{\"region\": \"%s\", \"snapshot_id\": \"%s\", \"progress\": \"%s\"}",
                                           COPY_REGION, snapshot_id, progress);
  knob ("snapshot-state", json);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

/* ---- watching -------------------------------------------------------- */

static void
test_create_pending_then_available (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autofree char *path = new_state_path ();
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, path);
  g_autofree char *image_id = new_pending_image ("tasks-create");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id,
                                        "Create image “tasks-create”");
  g_autofree char *contents = NULL;
  guint finished = 0, busy_changes = 0, before, seen_before;

  g_signal_connect (manager, "task-finished", G_CALLBACK (count_cb), &finished);
  g_signal_connect (manager, "notify::busy", G_CALLBACK (count_cb), &busy_changes);

  g_assert_false (amigo_task_manager_get_busy (manager));
  amigo_task_manager_add (manager, task);
  g_assert_true (amigo_task_manager_get_busy (manager));
  g_assert_cmpuint (busy_changes, ==, 1);
  g_assert_true (g_list_model_get_item (amigo_task_manager_get_tasks (manager), 0) == (gpointer) task);
  g_object_unref (task);   /* the reference get_item gave */

  /* Pending: it polls, and keeps polling, and the task keeps running. */
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 3, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_cmpint (amigo_task_get_percent (task), ==, -1);
  g_assert_null (amigo_task_get_message (task));
  g_assert_cmpuint (finished, ==, 0);

  /* Saved while running, with what a restart needs and no secret. */
  contents = read_file (path);
  g_assert_nonnull (strstr (contents, image_id));
  g_assert_nonnull (strstr (contents, "\"running\""));
  g_assert_nonnull (strstr (contents, "\"create-image\""));
  g_assert_null (strstr (contents, g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY")));
  g_assert_null (strstr (contents, g_getenv ("AMIGO_TEST_ACCESS_KEY_ID")));
  g_clear_pointer (&contents, g_free);

  set_image_state (SOURCE_REGION, image_id, "available");
  WAIT_STATE (task, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpint (amigo_task_get_percent (task), ==, 100);
  g_assert_cmpuint (amigo_task_get_finished (task), >=, amigo_task_get_started (task));
  g_assert_cmpuint (finished, ==, 1);
  g_assert_false (amigo_task_manager_get_busy (manager));
  g_assert_cmpuint (busy_changes, ==, 2);

  /* Polling stopped: no request goes out any more, by the manager's count
   * and by the proxy's. */
  g_assert_false (amigo_task_manager_is_watching_for_testing (manager, task));
  before = amigo_task_manager_get_n_requests_for_testing (manager);
  seen_before = amigo_test_ui_fault_count ("seen", "DescribeImages");
  amigo_test_ui_run_for (10 * TEST_MAX_MS);
  g_assert_cmpuint (amigo_task_manager_get_n_requests_for_testing (manager), ==, before);
  g_assert_cmpuint (amigo_test_ui_fault_count ("seen", "DescribeImages"), ==, seen_before);

  contents = read_file (path);
  g_assert_nonnull (strstr (contents, "\"succeeded\""));
}

static void
test_create_failed (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *image_id = new_pending_image ("tasks-create-fails");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id, "Fails");
  g_autofree char *json = NULL;

  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);

  json = g_strdup_printf ("{\"region\": \"%s\", \"image_id\": \"%s\", \"state\": \"failed\", "
                          "\"state_reason\": {\"code\": \"Client.InternalError\", "
                          "\"message\": \"Client.InternalError: the snapshot could not be created\"}}",
                          SOURCE_REGION, image_id);
  knob ("image-state", json);
  WAIT_STATE (task, AMIGO_TASK_STATE_FAILED);
  g_assert_cmpstr (amigo_task_get_message (task), ==, "Client.InternalError: the snapshot could not be created");
  g_assert_false (amigo_task_manager_get_busy (manager));
  g_assert_false (amigo_task_manager_is_watching_for_testing (manager, task));
}

static void
test_create_deregistered (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *image_id = new_pending_image ("tasks-create-deregistered");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_REGISTER_IMAGE, SOURCE_REGION, image_id, "Gone");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);

  amigo_ec2_deregister_image_async (source_ec2, image_id, FALSE, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  deleted = amigo_ec2_deregister_image_finish (source_ec2, result, &error);
  g_assert_no_error (error);

  WAIT_STATE (task, AMIGO_TASK_STATE_FAILED);
  g_assert_nonnull (strstr (amigo_task_get_message (task), image_id));
  g_assert_nonnull (strstr (amigo_task_get_message (task), "deregistered"));
}

static void
test_poll_errors_keep_trying (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *image_id = new_pending_image ("tasks-create-throttled");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id, "Throttled");
  guint interval;

  /* Every attempt the client makes of the next polls is refused. */
  amigo_test_ui_fault ("{\"mode\": \"throttle\", \"count\": 6, \"action\": \"DescribeImages\"}");
  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (amigo_task_get_message (task) != NULL, WAIT_SECONDS);
  g_test_message ("While throttled: %s", amigo_task_get_message (task));
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_true (amigo_task_manager_is_watching_for_testing (manager, task));
  /* It waits longer after an error. */
  interval = amigo_task_manager_get_interval_for_testing (manager, task);
  g_assert_cmpuint (interval, >, TEST_INITIAL_MS);

  set_image_state (SOURCE_REGION, image_id, "available");
  WAIT_STATE (task, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_null (amigo_task_get_message (task));
}

static void
test_copy_progress (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *source_id = amigo_test_ui_create_image (source_ec2, instance_id, "tasks-copy-source");
  g_autofree char *snapshot_id = NULL;
  g_autofree char *copy_id = new_pending_copy (source_id, "tasks-copy", &snapshot_id);
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_COPY_IMAGE, COPY_REGION, copy_id, "Copy to Seoul");

  g_assert_true (amigo_task_get_can_cancel (task));
  set_snapshot_progress (snapshot_id, "45%");
  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (amigo_task_get_percent (task) == 45, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);

  /* No news: the waits grow to the longest; news: back to the shortest. */
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_interval_for_testing (manager, task) == TEST_MAX_MS, WAIT_SECONDS);
  set_snapshot_progress (snapshot_id, "80%");
  AMIGO_TEST_WAIT_FOR (amigo_task_get_percent (task) == 80, WAIT_SECONDS);
  g_assert_cmpuint (amigo_task_manager_get_interval_for_testing (manager, task), ==,
                    amigo_task_manager_backoff_next_for_testing (TEST_INITIAL_MS, TEST_MAX_MS));

  set_snapshot_progress (snapshot_id, "100%");
  set_image_state (COPY_REGION, copy_id, "available");
  WAIT_STATE (task, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpint (amigo_task_get_percent (task), ==, 100);
  g_assert_false (amigo_task_get_can_cancel (task));
}

static void
set_instance_state (const char *id,
                    const char *state,
                    const char *reason)
{
  g_autofree char *json = NULL;

  if (reason != NULL)
    json = g_strdup_printf ("{\"region\": \"%s\", \"instance_id\": \"%s\", \"state\": \"%s\", "
                            "\"state_reason\": {\"code\": \"Server.InternalError\", \"message\": \"%s\"}}",
                            SOURCE_REGION, id, state, reason);
  else
    json = g_strdup_printf ("{\"region\": \"%s\", \"instance_id\": \"%s\", \"state\": \"%s\"}",
                            SOURCE_REGION, id, state);
  knob ("instance-state", json);
}

static void
test_launch (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *first = amigo_test_ui_run_instance (source_ec2, "tasks-launch-1");
  g_autofree char *second = amigo_test_ui_run_instance (source_ec2, "tasks-launch-2");
  const char *ids[] = { first, second, NULL };
  g_autoptr(AmigoTask) task = amigo_task_new (AMIGO_TASK_KIND_LAUNCH, ACCOUNT_ID, SOURCE_REGION, ids,
                                              "Launch 2 instances");

  g_assert_false (amigo_task_get_can_cancel (task));
  set_instance_state (first, "pending", NULL);
  set_instance_state (second, "pending", NULL);
  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_task_get_message (task), "0 of 2 instances running") == 0, WAIT_SECONDS);

  set_instance_state (first, "running", NULL);
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_task_get_message (task), "1 of 2 instances running") == 0, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);

  set_instance_state (second, "running", NULL);
  WAIT_STATE (task, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_false (amigo_task_manager_is_watching_for_testing (manager, task));
}

static void
test_launch_stopped_early (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *id = amigo_test_ui_run_instance (source_ec2, "tasks-launch-fails");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_LAUNCH, SOURCE_REGION, id, "Launch");

  set_instance_state (id, "pending", NULL);
  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);
  set_instance_state (id, "terminated", "Server.InternalError: Internal error on launch");
  WAIT_STATE (task, AMIGO_TASK_STATE_FAILED);
  g_assert_nonnull (strstr (amigo_task_get_message (task), id));
  g_assert_nonnull (strstr (amigo_task_get_message (task), "Internal error on launch"));
}

/* ---- the state file -------------------------------------------------- */

static void
test_restart_resumes (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autofree char *path = new_state_path ();
  g_autofree char *image_id = new_pending_image ("tasks-restart");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(AmigoTaskManager) second = NULL;
  g_autoptr(AmigoTask) resumed = NULL;
  g_autoptr(AmigoTask) ended = NULL;
  GStatBuf buf;
  gint64 started;

  {
    g_autoptr(AmigoTaskManager) first = new_manager (accounts, path);
    g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id,
                                          "Create image “tasks-restart”");
    const char *gone_ids[] = { "ami-0000000000000dead", NULL };
    /* A task that ends: its image is unknown, and it started too long ago
     * for EC2 not to know it yet. */
    g_autoptr(AmigoTask) gone = amigo_task_new (AMIGO_TASK_KIND_CREATE_IMAGE, ACCOUNT_ID, SOURCE_REGION,
                                                gone_ids, "Made before");

    amigo_task_restore_state (gone, AMIGO_TASK_STATE_RUNNING, NULL,
                              g_get_real_time () - 10 * G_TIME_SPAN_MINUTE, 0);
    amigo_task_manager_add (first, gone);
    WAIT_STATE (gone, AMIGO_TASK_STATE_FAILED);
    g_assert_nonnull (strstr (amigo_task_get_message (gone), "no longer exists"));
    amigo_task_manager_add (first, task);
    started = amigo_task_get_started (task);
    AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (first) >= 2, WAIT_SECONDS);
    g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
    /* Amigo quits here. */
  }

  /* Private: the directory and the file are the person's only. */
  g_assert_cmpint (g_stat (dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  second = new_manager (accounts, path);
  g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (second)), ==, 2);
  resumed = g_list_model_get_item (amigo_task_manager_get_tasks (second), 0);
  g_assert_cmpint (amigo_task_get_kind (resumed), ==, AMIGO_TASK_KIND_CREATE_IMAGE);
  g_assert_cmpstr (amigo_task_get_title (resumed), ==, "Create image “tasks-restart”");
  g_assert_cmpstr (amigo_task_get_account_id (resumed), ==, ACCOUNT_ID);
  g_assert_cmpstr (amigo_task_get_region (resumed), ==, SOURCE_REGION);
  g_assert_cmpstr (amigo_task_get_resource_ids (resumed)[0], ==, image_id);
  g_assert_cmpint (amigo_task_get_started (resumed), ==, started);
  g_assert_cmpint (amigo_task_get_state (resumed), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_true (amigo_task_manager_get_busy (second));
  ended = g_list_model_get_item (amigo_task_manager_get_tasks (second), 1);
  g_assert_cmpint (amigo_task_get_state (ended), ==, AMIGO_TASK_STATE_FAILED);
  g_assert_nonnull (strstr (amigo_task_get_message (ended), "no longer exists"));
  g_assert_false (amigo_task_manager_is_watching_for_testing (second, ended));

  set_image_state (SOURCE_REGION, image_id, "available");
  WAIT_STATE (resumed, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_false (amigo_task_manager_get_busy (second));
}

static void
test_resume_waits_for_accounts (void)
{
  g_autoptr(AmigoAccountManager) loaded = new_accounts (TRUE);
  g_autoptr(AmigoAccountManager) loading = new_accounts (FALSE);
  g_autofree char *path = new_state_path ();
  g_autofree char *image_id = new_pending_image ("tasks-resume-accounts");
  g_autoptr(AmigoTaskManager) second = NULL;
  g_autoptr(AmigoTask) resumed = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  {
    g_autoptr(AmigoTaskManager) first = new_manager (loaded, path);
    g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id, "Resume");

    amigo_task_manager_add (first, task);
  }
  set_image_state (SOURCE_REGION, image_id, "available");

  /* As at start-up: the accounts are still being listed. */
  second = new_manager (loading, path);
  resumed = g_list_model_get_item (amigo_task_manager_get_tasks (second), 0);
  amigo_test_ui_run_for (5 * TEST_MAX_MS);
  g_assert_true (amigo_task_manager_is_watching_for_testing (second, resumed));
  g_assert_cmpuint (amigo_task_manager_get_n_requests_for_testing (second), ==, 0);
  g_assert_cmpint (amigo_task_get_state (resumed), ==, AMIGO_TASK_STATE_RUNNING);

  amigo_account_manager_load_async (loading, NULL, store_result_cb, &result);
  WAIT_STATE (resumed, AMIGO_TASK_STATE_SUCCEEDED);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
}

static void
test_unknown_account_fails (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  const char *ids[] = { "ami-0123456789abcdef0", NULL };
  g_autoptr(AmigoTask) task = amigo_task_new (AMIGO_TASK_KIND_CREATE_IMAGE, "keyring:removed", SOURCE_REGION,
                                              ids, "Orphan");

  amigo_task_manager_add (manager, task);
  WAIT_STATE (task, AMIGO_TASK_STATE_FAILED);
  g_assert_nonnull (strstr (amigo_task_get_message (task), "account"));
}

static void
test_corrupt_state_file (void)
{
  static const char * const corrupt[] = {
    "{not json",
    "[1, 2, 3]",
    "{\"version\": 99, \"tasks\": []}",
    "{\"version\": \"1\", \"tasks\": []}",
    "{\"version\": 1, \"tasks\": {}}",
  };
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_autofree char *path = new_state_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *bad_path = g_strconcat (path, ".bad", NULL);
      g_autofree char *bad = NULL;
      g_autoptr(AmigoTaskManager) manager = NULL;
      g_autoptr(AmigoTask) task = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, corrupt[i], -1, NULL));

      g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*could not be read*set aside*");
      manager = new_manager (accounts, path);
      g_test_assert_expected_messages ();

      /* Empty, the file kept aside as it was, and the manager goes on. */
      g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager)), ==, 0);
      g_assert_false (amigo_task_manager_get_busy (manager));
      bad = read_file (bad_path);
      g_assert_cmpstr (bad, ==, corrupt[i]);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, "ami-0123456789abcdef0", "After");
      amigo_task_manager_add (manager, task);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_state_file_entries (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autofree char *path = new_state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bad_path = g_strconcat (path, ".bad", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) days_ago = g_date_time_add_days (now, -2);
  g_autofree char *hour_text = g_date_time_format_iso8601 (hour_ago);
  g_autofree char *days_text = g_date_time_format_iso8601 (days_ago);
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) first = NULL;
  g_autoptr(AmigoTask) second = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;

  /* Newest first: one failed an hour ago (kept), one a day too old
   * (dropped), one of an unknown kind (the file is set aside, the rest
   * goes on), one cancelled an hour ago (kept). */
  contents = g_strdup_printf (
    "{\"version\": 1, \"tasks\": ["
    "{\"kind\": \"copy-image\", \"account_id\": \"environment\", \"region\": \"ap-northeast-2\","
    " \"resource_ids\": [\"ami-0aaaaaaaaaaaaaaaa\"], \"title\": \"Copy to Seoul\", \"state\": \"failed\","
    " \"started\": \"%s\", \"finished\": \"%s\", \"message\": \"Snapshot copy failed\"},"
    "{\"kind\": \"create-image\", \"account_id\": \"environment\", \"region\": \"us-east-1\","
    " \"resource_ids\": [\"ami-0bbbbbbbbbbbbbbbb\"], \"title\": \"Old\", \"state\": \"succeeded\","
    " \"started\": \"%s\", \"finished\": \"%s\"},"
    "{\"kind\": \"create-launch-template\", \"account_id\": \"environment\", \"region\": \"us-east-1\","
    " \"resource_ids\": [\"export-ami-0123\"], \"title\": \"Newer\", \"state\": \"running\","
    " \"started\": \"%s\"},"
    "{\"kind\": \"launch\", \"account_id\": \"environment\", \"region\": \"us-east-1\","
    " \"resource_ids\": [\"i-0ccccccccccccccc1\", \"i-0ccccccccccccccc2\"], \"title\": \"Launch\","
    " \"state\": \"cancelled\", \"started\": \"%s\", \"finished\": \"%s\"}"
    "]}", hour_text, hour_text, days_text, days_text, hour_text, hour_text, hour_text);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  g_test_expect_message ("Amigo", G_LOG_LEVEL_WARNING, "*could not be read*1 unreadable tasks*set aside*");
  manager = new_manager (accounts, path);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager)), ==, 2);
  first = g_list_model_get_item (amigo_task_manager_get_tasks (manager), 0);
  second = g_list_model_get_item (amigo_task_manager_get_tasks (manager), 1);
  g_assert_cmpint (amigo_task_get_kind (first), ==, AMIGO_TASK_KIND_COPY_IMAGE);
  g_assert_cmpint (amigo_task_get_state (first), ==, AMIGO_TASK_STATE_FAILED);
  g_assert_cmpstr (amigo_task_get_message (first), ==, "Snapshot copy failed");
  g_assert_cmpint (amigo_task_get_finished (first) / G_USEC_PER_SEC, ==, g_date_time_to_unix (hour_ago));
  g_assert_cmpint (amigo_task_get_kind (second), ==, AMIGO_TASK_KIND_LAUNCH);
  g_assert_cmpint (amigo_task_get_state (second), ==, AMIGO_TASK_STATE_CANCELLED);
  g_assert_cmpuint (g_strv_length ((char **) amigo_task_get_resource_ids (second)), ==, 2);
  g_assert_false (amigo_task_manager_get_busy (manager));

  /* The original is kept aside; the file now holds what was read. */
  g_assert_true (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  saved = read_file (path);
  g_assert_nonnull (strstr (saved, "ami-0aaaaaaaaaaaaaaaa"));
  g_assert_null (strstr (saved, "ami-0bbbbbbbbbbbbbbbb"));
  g_assert_null (strstr (saved, "export-ami-0123"));

  /* Clear Finished empties the list and the file. */
  amigo_task_manager_clear_finished (manager);
  g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager)), ==, 0);
  g_clear_pointer (&saved, g_free);
  saved = read_file (path);
  g_assert_null (strstr (saved, "ami-0aaaaaaaaaaaaaaaa"));
}

/* ---- the task list --------------------------------------------------- */

typedef struct {
  GtkWidget *window;
  GtkWidget *button;
  AmigoTaskList *list;
  char *shown;          /* the parameter of win.show-image */
  char *toast;
} ListFixture;

static void
show_image_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ListFixture *fixture = user_data;

  g_free (fixture->shown);
  fixture->shown = g_variant_print (parameter, FALSE);
}

static void
toast_cb (AmigoTaskList *list,
          const char    *text,
          ListFixture   *fixture)
{
  g_free (fixture->toast);
  fixture->toast = g_strdup (text);
}

/* A window with a header bar and the tasks button, as the main window has. */
static void
list_fixture_init (ListFixture      *fixture,
                   AmigoTaskManager *manager)
{
  static const GActionEntry entries[] = {
    { "show-image", show_image_cb, "(ss)" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *header, *content;

  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 620);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Amigo", "My AMIs"));
  fixture->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (fixture->button), "emblem-synchronizing-symbolic");
  fixture->list = AMIGO_TASK_LIST (amigo_task_list_new (manager));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (fixture->button), GTK_WIDGET (fixture->list));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("open-menu-symbolic"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("view-more-symbolic"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), fixture->button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("edit-find-symbolic"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("view-refresh-symbolic"));
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), adw_status_page_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), content);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  g_signal_connect (fixture->list, "toast", G_CALLBACK (toast_cb), fixture);

  gtk_window_present (GTK_WINDOW (fixture->window));
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (fixture->window), WAIT_SECONDS);
}

/* Opens the list as a click on the tasks button does. */
static void
open_list (ListFixture *fixture)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (fixture->button));
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->list)), WAIT_SECONDS);
}

/* The row of the list showing @task (through the rows' public getter),
 * or NULL. */
static GtkWidget *
find_row (ListFixture *fixture,
          AmigoTask   *task)
{
  g_autoptr(GPtrArray) rows = amigo_test_ui_find_all (fixture->list, AMIGO_TYPE_TASK_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (amigo_task_row_get_task (g_ptr_array_index (rows, i)) == task)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The dialog the list has open now (a confirmation or an error, transient
 * for the fixture's window), or NULL. */
static GtkWindow *
open_dialog (ListFixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window) &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
list_fixture_clear (ListFixture *fixture)
{
  /* GTK 4.8 shows a pending tooltip on the surface it was asked for even
   * after that surface is gone: let any pending one come first. */
  gtk_popover_popdown (GTK_POPOVER (fixture->list));
  amigo_test_ui_run_for (1000);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_free (fixture->shown);
  g_free (fixture->toast);
}

static void
test_list (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *made_id = new_pending_image ("tasks-list-made");
  g_autofree char *source_id = amigo_test_ui_create_image (source_ec2, instance_id, "tasks-list-source");
  g_autofree char *snapshot_id = NULL;
  g_autofree char *copy_id = new_pending_copy (source_id, "tasks-list-copy", &snapshot_id);
  g_autofree char *launch_id = amigo_test_ui_run_instance (source_ec2, "tasks-list-launch");
  g_autoptr(AmigoTask) made = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, made_id,
                                        "Create image “web-server-2026-11”");
  g_autoptr(AmigoTask) launch = new_task (AMIGO_TASK_KIND_LAUNCH, SOURCE_REGION, launch_id,
                                          "Launch 1 instance of “web-server-2026-11”");
  g_autoptr(AmigoTask) copy = new_task (AMIGO_TASK_KIND_COPY_IMAGE, COPY_REGION, copy_id,
                                        "Copy “web-server-2026-11” to Seoul");
  g_autofree char *expected_shown = g_strdup_printf ("('%s', '%s')", made_id, SOURCE_REGION);
  g_autofree char *text = NULL;
  ListFixture fixture = { 0 };
  GtkWidget *made_row, *copy_row, *launch_row;

  set_instance_state (launch_id, "pending", NULL);
  set_snapshot_progress (snapshot_id, "45%");
  amigo_task_manager_add (manager, made);
  amigo_task_manager_add (manager, launch);
  amigo_task_manager_add (manager, copy);
  list_fixture_init (&fixture, manager);
  open_list (&fixture);

  /* Newest first. */
  copy_row = find_row (&fixture, copy);
  launch_row = find_row (&fixture, launch);
  made_row = find_row (&fixture, made);
  g_assert_nonnull (copy_row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (copy_row)), ==, 0);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (launch_row)), ==, 1);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (made_row)), ==, 2);

  /* The copy: its percentage, and it can be stopped. */
  AMIGO_TEST_WAIT_FOR (amigo_task_get_percent (copy) == 45, WAIT_SECONDS);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (amigo_test_ui_find (copy_row, "progress_bar"))),
                                  0.45, 0.001);
  text = amigo_test_ui_collect_text (copy_row);
  g_assert_nonnull (strstr (text, "45%"));
  g_assert_nonnull (strstr (text, "In Progress"));
  g_assert_nonnull (strstr (text, "Elapsed time: less than 1 min"));
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (copy_row, "cancel_button")));
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (copy_row, "cancel_button")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (copy_row, "result_button")));

  /* The launch and the creation cannot be stopped, and say why. */
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (launch_row, "cancel_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (amigo_test_ui_find (launch_row, "cancel_button")));
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (made_row, "cancel_button")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (amigo_test_ui_find (made_row, "cancel_button")),
                            "deregister"));
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (fixture.list, "clear_button")));

  /* The creation ends: a link to its image. */
  set_image_state (SOURCE_REGION, made_id, "available");
  WAIT_STATE (made, AMIGO_TASK_STATE_SUCCEEDED);
  text = amigo_test_ui_collect_text (made_row);
  g_assert_nonnull (strstr (text, "Completed"));
  g_clear_pointer (&text, g_free);
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (made_row, "progress_bar")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (made_row, "cancel_button")));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (made_row, "result_button")));
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (fixture.list, "clear_button")));

  amigo_test_ui_maybe_screenshot (fixture.window, "tasks.png");

  gtk_widget_activate (amigo_test_ui_find (made_row, "result_button"));
  AMIGO_TEST_WAIT_FOR (fixture.shown != NULL, WAIT_SECONDS);
  g_assert_cmpstr (fixture.shown, ==, expected_shown);

  /* The launch ends: its ids go to the clipboard. */
  set_instance_state (launch_id, "running", NULL);
  WAIT_STATE (launch, AMIGO_TASK_STATE_SUCCEEDED);
  open_list (&fixture);
  gtk_widget_activate (amigo_test_ui_find (launch_row, "result_button"));
  AMIGO_TEST_WAIT_FOR (fixture.toast != NULL, WAIT_SECONDS);
  g_assert_cmpstr (fixture.toast, ==, "Instance ID copied");

  /* Clear Finished leaves the copy alone. */
  gtk_widget_activate (amigo_test_ui_find (fixture.list, "clear_button"));
  AMIGO_TEST_WAIT_FOR (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager)) == 1, WAIT_SECONDS);
  g_assert_true (find_row (&fixture, copy) == copy_row);
  g_assert_null (find_row (&fixture, made));

  list_fixture_clear (&fixture);
}

static void
test_list_cancel_copy (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *source_id = amigo_test_ui_create_image (source_ec2, instance_id, "tasks-cancel-source");
  g_autofree char *snapshot_id = NULL;
  g_autofree char *copy_id = new_pending_copy (source_id, "tasks-cancel-copy", &snapshot_id);
  g_autoptr(AmigoTask) copy = new_task (AMIGO_TASK_KIND_COPY_IMAGE, COPY_REGION, copy_id, "Copy to Seoul");
  g_autoptr(AmigoImage) gone = NULL;
  g_autoptr(AmigoImage) source = NULL;
  g_autofree char *text = NULL;
  ListFixture fixture = { 0 };
  GtkWidget *row;
  GtkWindow *dialog;
  guint finished = 0;

  g_signal_connect (manager, "task-finished", G_CALLBACK (count_cb), &finished);
  amigo_task_manager_add (manager, copy);
  list_fixture_init (&fixture, manager);
  row = find_row (&fixture, copy);
  /* Cancelling needs the account's EC2: wait for the first poll. */
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);

  /* It asks first, and saying no changes nothing. */
  open_list (&fixture);
  gtk_widget_activate (amigo_test_ui_find (row, "cancel_button"));
  AMIGO_TEST_WAIT_FOR (open_dialog (&fixture) != NULL, WAIT_SECONDS);
  dialog = open_dialog (&fixture);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, copy_id));
  g_assert_nonnull (strstr (text, "Asia Pacific (Seoul)"));
  /* As a click on a response button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_close (dialog);
  AMIGO_TEST_WAIT_FOR (open_dialog (&fixture) == NULL, WAIT_SECONDS);
  amigo_test_ui_run_for (5 * TEST_MAX_MS);
  g_assert_cmpint (amigo_task_get_state (copy), ==, AMIGO_TASK_STATE_RUNNING);

  open_list (&fixture);
  gtk_widget_activate (amigo_test_ui_find (row, "cancel_button"));
  AMIGO_TEST_WAIT_FOR (open_dialog (&fixture) != NULL, WAIT_SECONDS);
  dialog = open_dialog (&fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "stop");
  gtk_window_close (dialog);
  WAIT_STATE (copy, AMIGO_TASK_STATE_CANCELLED);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_false (amigo_task_manager_get_busy (manager));

  /* moto: the unfinished copy is deregistered, the source untouched. */
  gone = amigo_test_ui_get_image (copy_ec2, copy_id);
  g_assert_null (gone);
  source = amigo_test_ui_get_image (source_ec2, source_id);
  g_assert_nonnull (source);
  g_assert_cmpstr (amigo_image_get_state (source), ==, "available");

  list_fixture_clear (&fixture);
}

static void
cancel_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **out = user_data;

  if (amigo_task_manager_cancel_finish (AMIGO_TASK_MANAGER (source), result, out))
    *out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_UNKNOWN, "succeeded");
}

static void
test_cancel_finished_copy_keeps_it (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (TRUE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  g_autofree char *source_id = amigo_test_ui_create_image (source_ec2, instance_id, "tasks-late-source");
  g_autofree char *snapshot_id = NULL;
  g_autofree char *copy_id = new_pending_copy (source_id, "tasks-late-copy", &snapshot_id);
  g_autoptr(AmigoTask) copy = new_task (AMIGO_TASK_KIND_COPY_IMAGE, COPY_REGION, copy_id, "Copy");
  g_autoptr(AmigoImage) kept = NULL;
  g_autoptr(GError) error = NULL;

  amigo_task_manager_add (manager, copy);
  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);

  /* The copy ends while the person confirms: nothing is deregistered. */
  set_image_state (COPY_REGION, copy_id, "available");
  amigo_task_manager_cancel_async (manager, copy, NULL, cancel_done_cb, &error);
  AMIGO_TEST_WAIT_FOR (error != NULL, WAIT_SECONDS);
  /* Refused, whether the check or a poll saw it first. */
  g_test_message ("Cancelling a finished copy: %s", error->message);
  g_assert_true (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_UNKNOWN);
  WAIT_STATE (copy, AMIGO_TASK_STATE_SUCCEEDED);
  kept = amigo_test_ui_get_image (copy_ec2, copy_id);
  g_assert_nonnull (kept);
  g_assert_cmpstr (amigo_image_get_state (kept), ==, "available");
}

/* ---- the application ------------------------------------------------- */

typedef struct {
  char *summary;
  char *body;
  guint n_calls;
} NotificationServer;

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "  </interface>"
  "</node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  NotificationServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_free (server->summary);
      g_free (server->body);
      server->summary = g_strdup (summary);
      server->body = g_strdup (body);
      server->n_calls++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server->n_calls));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_application_notifies (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoApplication) app = NULL;
  g_autofree char *image_id = new_pending_image ("tasks-notified");
  g_autoptr(AmigoTask) task = new_task (AMIGO_TASK_KIND_CREATE_IMAGE, SOURCE_REGION, image_id,
                                        "Create image “tasks-notified”");
  g_autofree char *expected_body = g_strdup_printf ("Image %s is available.", image_id);
  g_autofree char *state_path = amigo_task_manager_dup_default_state_path ();
  g_autofree char *saved = NULL;
  NotificationServer server = { 0 };
  AmigoTaskManager *manager;
  gboolean acquired = FALSE;
  guint registration, owner;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No private session bus (run-with-keyring.sh)");
      return;
    }

  /* A notification server of our own on the private session bus. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                    info->interfaces[0], &vtable, &server, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        name_acquired_cb, NULL, &acquired, NULL);
  AMIGO_TEST_WAIT_FOR (acquired, WAIT_SECONDS);

  /* Amigo without a window: nobody is looking. */
  app = amigo_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  manager = amigo_application_get_task_manager (app);
  g_assert_nonnull (manager);
  amigo_task_manager_set_intervals_for_testing (manager, TEST_INITIAL_MS, TEST_MAX_MS);

  amigo_task_manager_add (manager, task);
  g_assert_true (amigo_task_manager_get_busy (manager));
  /* The default state file, in $XDG_STATE_HOME. */
  g_assert_true (g_str_has_prefix (state_path, g_get_user_state_dir ()));
  saved = read_file (state_path);
  g_assert_nonnull (strstr (saved, image_id));

  AMIGO_TEST_WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, WAIT_SECONDS);
  g_assert_cmpuint (server.n_calls, ==, 0);
  set_image_state (SOURCE_REGION, image_id, "available");
  WAIT_STATE (task, AMIGO_TASK_STATE_SUCCEEDED);
  AMIGO_TEST_WAIT_FOR (server.n_calls == 1, WAIT_SECONDS);
  g_assert_cmpstr (server.summary, ==, "Create image “tasks-notified”");
  g_assert_cmpstr (server.body, ==, expected_body);
  g_assert_false (amigo_task_manager_get_busy (manager));

  g_application_quit (G_APPLICATION (app));
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  g_free (server.summary);
  g_free (server.body);
}

/* An instance refresh's row: Stop and Roll Back, with their names, while
 * it runs (its account is never loaded here: it stays running). Roll Back
 * asks first. */
static void
test_list_refresh_row (void)
{
  g_autoptr(AmigoAccountManager) accounts = new_accounts (FALSE);
  g_autoptr(AmigoTaskManager) manager = new_manager (accounts, NULL);
  const char *ids[] = { "web-fleet", "00000000-aaaa-bbbb-cccc-000000000001", NULL };
  g_autoptr(AmigoTask) refresh = amigo_task_new (AMIGO_TASK_KIND_INSTANCE_REFRESH, ACCOUNT_ID, SOURCE_REGION, ids,
                                                 "Roll out ami-0123 to web-fleet");
  ListFixture fixture = { 0 };
  GtkWidget *row, *roll_back;
  GtkWindow *dialog;

  amigo_task_manager_add (manager, refresh);
  list_fixture_init (&fixture, manager);
  open_list (&fixture);
  row = find_row (&fixture, refresh);
  g_assert_nonnull (row);
  roll_back = amigo_test_ui_find (row, "roll_back_button");
  g_assert_true (gtk_widget_get_visible (roll_back));
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (row, "cancel_button")));
  g_assert_true (gtk_widget_get_focusable (roll_back) || gtk_widget_get_can_focus (roll_back));
  g_assert_nonnull (gtk_widget_get_tooltip_text (roll_back));

  gtk_widget_activate (roll_back);
  AMIGO_TEST_WAIT_FOR ((dialog = open_dialog (&fixture)) != NULL, WAIT_SECONDS);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Roll Back the Instance Refresh?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_assert_cmpint (amigo_task_get_state (refresh), ==, AMIGO_TASK_STATE_RUNNING);
  list_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("AMIGO_FAULT_PROXY") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh tests/fault-harness.sh\n");
      return 77;
    }
  status = amigo_test_ui_init (&argc, &argv);
  if (status != 0)
    return status;

  tmp_dir = g_dir_make_tmp ("amigo-tasks-XXXXXX", &error);
  g_assert_no_error (error);
  source_ec2 = amigo_test_ui_get_ec2 (SOURCE_REGION);
  copy_ec2 = amigo_test_ui_get_ec2 (COPY_REGION);
  instance_id = amigo_test_ui_run_instance (source_ec2, "tasks-source");

  g_test_add_func ("/ui/tasks/create/pending-then-available", test_create_pending_then_available);
  g_test_add_func ("/ui/tasks/create/failed-with-reason", test_create_failed);
  g_test_add_func ("/ui/tasks/create/deregistered", test_create_deregistered);
  g_test_add_func ("/ui/tasks/poll-errors-keep-trying", test_poll_errors_keep_trying);
  g_test_add_func ("/ui/tasks/copy/progress", test_copy_progress);
  g_test_add_func ("/ui/tasks/copy/cancel-after-finish-keeps-copy", test_cancel_finished_copy_keeps_it);
  g_test_add_func ("/ui/tasks/launch/running", test_launch);
  g_test_add_func ("/ui/tasks/launch/stopped-early", test_launch_stopped_early);
  g_test_add_func ("/ui/tasks/unknown-account", test_unknown_account_fails);
  g_test_add_func ("/ui/tasks/state/restart-resumes", test_restart_resumes);
  g_test_add_func ("/ui/tasks/state/resume-waits-for-accounts", test_resume_waits_for_accounts);
  g_test_add_func ("/ui/tasks/state/corrupt-set-aside", test_corrupt_state_file);
  g_test_add_func ("/ui/tasks/state/entries", test_state_file_entries);
  g_test_add_func ("/ui/tasks/list/rows", test_list);
  g_test_add_func ("/ui/tasks/list/cancel-copy", test_list_cancel_copy);
  g_test_add_func ("/ui/tasks/list/refresh-row", test_list_refresh_row);
  g_test_add_func ("/ui/tasks/application/notifies-when-unfocused", test_application_notifies);

  status = g_test_run ();

  g_clear_object (&source_ec2);
  g_clear_object (&copy_ec2);
  g_free (instance_id);
  g_free (tmp_dir);
  return status;
}
