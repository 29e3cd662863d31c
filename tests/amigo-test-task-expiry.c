/* amigo-test-task-expiry.c — a task that runs past its credentials' expiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "amigo-client-private.h"
#include "amigo-ec2.h"
#include "amigo-task-manager.h"
#include "amigo-test-moto.h"
#include "amigo-test-task-expiry.h"

/* Runs the main loop until @cond holds; fails after @seconds. */
#define WAIT_FOR(cond, seconds)                                              \
  G_STMT_START {                                                             \
    gint64 _end = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;      \
    guint _tick = g_timeout_add (50, tick_cb, NULL);                         \
    while (!(cond) && g_get_monotonic_time () < _end)                        \
      g_main_context_iteration (NULL, TRUE);                                 \
    g_source_remove (_tick);                                                 \
    if (!(cond))                                                             \
      g_error ("Timed out waiting for: %s", #cond);                          \
  } G_STMT_END

/* Wakes the loop now and then, so that a deadline is seen. */
static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

AmigoAccountManager *
amigo_test_load_accounts (const char * const *envp)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AmigoAccountManager *accounts = amigo_account_manager_new (settings, envp);
  g_autoptr(GError) error = NULL;

  amigo_account_manager_load_async (accounts, NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_account_manager_load_finish (accounts, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  return accounts;
}

static char *
copy_amazon_image (AmigoClient *maker,
                   const char  *region)
{
  static const char * const amazon[] = { "amazon", NULL };
  AmigoDescribeImagesRequest list = { 0 };
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (maker, region, amigo_test_moto_endpoint ());
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("amigo-expiry-copy-%" G_GINT64_FORMAT, g_get_real_time ());
  AmigoCopyImageRequest copy = { 0 };
  char *copy_id;

  list.owners = amazon;
  amigo_ec2_describe_images_async (ec2, &list, NULL, amigo_test_result_cb,
                                   amigo_test_next_result ());
  images = amigo_ec2_describe_images_finish (ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);

  copy.source_region = region;
  copy.source_image_id = amigo_image_get_image_id (g_ptr_array_index (images, 0));
  copy.name = name;
  amigo_ec2_copy_image_async (ec2, &copy, NULL, amigo_test_result_cb, amigo_test_next_result ());
  copy_id = amigo_ec2_copy_image_finish (ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return copy_id;
}

static void
set_image_state (const char *region,
                 const char *image_id,
                 const char *state)
{
  g_autofree char *body = g_strdup_printf ("{\"region\": \"%s\", \"image_id\": \"%s\", \"state\": \"%s\"}",
                                           region, image_id, state);

  amigo_test_moto_post ("/amigo-test/image-state", body);
}

void
amigo_test_copy_task_across_expiry (AmigoAccountManager *accounts,
                                    const char          *account_id,
                                    AmigoClient         *client,
                                    AmigoClient         *maker,
                                    const char          *region)
{
  g_autofree char *dir = g_dir_make_tmp ("amigo-task-expiry-XXXXXX", NULL);
  g_autofree char *state_path = g_build_filename (dir, "tasks.json", NULL);
  g_autofree char *copy_id = copy_amazon_image (maker, region);
  const char *ids[] = { copy_id, NULL };
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  guint refreshes, requests;

  set_image_state (region, copy_id, "pending");
  manager = amigo_task_manager_new (accounts, state_path);
  amigo_task_manager_set_intervals_for_testing (manager, 20, 100);
  task = amigo_task_new (AMIGO_TASK_KIND_COPY_IMAGE, account_id, region, ids, "Copy across expiry");
  amigo_task_manager_add (manager, task);

  /* Polling with the account's first session. */
  WAIT_FOR (amigo_task_manager_get_n_requests_for_testing (manager) >= 2, 60);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  refreshes = _amigo_client_get_refresh_count (client);

  /* The session ends mid-task: the next poll is refused, the account's
   * client makes a new session, and the task polls on. */
  amigo_test_moto_post ("/amigo-test/expire-sessions", "{}");
  requests = amigo_task_manager_get_n_requests_for_testing (manager);
  WAIT_FOR (_amigo_client_get_refresh_count (client) > refreshes &&
            amigo_task_manager_get_n_requests_for_testing (manager) >= requests + 3, 60);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);

  set_image_state (region, copy_id, "available");
  WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, 60);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);

  g_unlink (state_path);
  g_rmdir (dir);
}
