/* test-vmimport-integration.c — VM Import/Export and AMIs stored in S3,
 * against moto, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh: moto checks every signature, and
 * tests/moto_vmimport.py plays VM Import/Export (tasks that move on a
 * clock, disk images read from moto's S3, the vmimport role read from
 * moto's IAM; tests/README-moto.md). The role is created here the way the
 * app creates it (amigo_iam_*, the documents of the VM Import/Export User
 * Guide). Disk images are put into moto's S3 with the launcher's
 * /amigo-test/s3-object fixture: the upload through Amigo's own S3 engine
 * is tested where that engine is (branch h/s3).
 */
#include "config.h"

#include <string.h>

#include "amigo-client.h"
#include "amigo-ec2.h"
#include "amigo-error.h"
#include "amigo-iam.h"
#include "amigo-s3-download.h"
#include "amigo-task-download.h"
#include "amigo-task-manager.h"
#include "amigo-task-upload.h"

#define REGION "eu-west-1"
#define BUCKET "amigo-vmimport-disks"
/* Each task state lasts this long on the stand-in's clock. */
#define STEP_SECONDS "0.1"
/* The account the environment variables make (the account manager's). */
#define ACCOUNT_ID "environment"

static struct {
  const char *endpoint;
  AmigoClient *client;
  AmigoEc2 *ec2;
  AmigoIam *iam;
  char *imported_image_id;
  char *tmp_dir;
} env;

static gboolean
have_server (void)
{
  if (env.endpoint == NULL)
    {
      g_test_skip ("AMIGO_TEST_ENDPOINT is not set: run under tests/moto-harness.sh");
      return FALSE;
    }
  return TRUE;
}

/* ---- waiting ----------------------------------------------------------- */

static GAsyncResult *last_result;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_null (last_result);
  last_result = g_object_ref (result);
}

static GAsyncResult *
await_result (void)
{
  g_clear_object (&last_result);
  while (last_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last_result;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the stand-in's clock move on, without blocking the main context. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- the stand-in's knobs ---------------------------------------------- */

static void
post (const char *path_and_query,
      const char *content_type,
      GBytes     *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (env.endpoint, path_and_query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, content_type, body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
post_knob (const char *json)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  post ("/amigo-test/vm-import", "application/json", body);
}

static void
put_object (const char *key,
            GBytes     *data)
{
  g_autofree char *path = g_strdup_printf ("/amigo-test/s3-object?bucket=%s&key=%s&region=%s",
                                           BUCKET, key, REGION);

  post (path, "application/octet-stream", data);
}

/* A small raw disk: 1 MiB with an MBR boot signature. */
static GBytes *
raw_disk_new (void)
{
  gsize size = 1024 * 1024;
  guint8 *data = g_malloc0 (size);

  for (gsize i = 512; i < size; i++)
    data[i] = (guint8) (i * 7);
  data[510] = 0x55;
  data[511] = 0xaa;
  return g_bytes_new_take (data, size);
}

/* ---- the role ---------------------------------------------------------- */

/* The role VM Import/Export acts as: checked with GetRole and, when
 * missing, created with the guide's trust policy and a role policy for the
 * bucket, as the import dialog offers to. */
static void
ensure_role (const char *role_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoIamRole) role = NULL;
  g_autofree char *trust = NULL;
  g_autofree char *policy = NULL;
  const char *buckets[] = { BUCKET, NULL };

  amigo_iam_get_role_async (env.iam, role_name, NULL, result_cb, NULL);
  role = amigo_iam_get_role_finish (env.iam, await_result (), &error);
  if (role != NULL)
    return;
  g_assert_true (amigo_iam_error_is_no_such_entity (error));
  g_clear_error (&error);

  trust = amigo_iam_vm_import_trust_policy ();
  amigo_iam_create_role_async (env.iam, role_name, trust,
                               "VM Import/Export (made by Amigo's tests)", NULL, result_cb, NULL);
  role = amigo_iam_create_role_finish (env.iam, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role->role_name, ==, role_name);

  policy = amigo_iam_vm_import_role_policy (REGION, buckets, NULL);
  amigo_iam_put_role_policy_async (env.iam, role_name, AMIGO_IAM_VM_IMPORT_POLICY_NAME, policy,
                                   NULL, result_cb, NULL);
  g_assert_true (amigo_iam_put_role_policy_finish (env.iam, await_result (), &error));
  g_assert_no_error (error);
}

/* Without the role, ImportImage is refused at once: the step people trip on. */
static void
test_import_without_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImportTask) task = NULL;
  AmigoImportImageRequest request = {
    .format = "RAW", .s3_bucket = BUCKET, .s3_key = "disk.raw",
    .role_name = "amigo-no-such-role",
  };

  if (!have_server ())
    return;
  amigo_ec2_import_image_async (env.ec2, &request, NULL, result_cb, NULL);
  task = amigo_ec2_import_image_finish (env.ec2, await_result (), &error);
  g_assert_null (task);
  g_assert_true (amigo_aws_error_has_aws_code (error, "InvalidParameter"));
  g_assert_nonnull (strstr (error->message, "amigo-no-such-role"));
}

/* A role that does not exist yet: missing, created, then good enough for
 * an import that names it. */
static void
test_role_created (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoIamRole) role = NULL;
  g_autoptr(AmigoImportTask) task = NULL;
  g_autofree char *policy = NULL;
  const char *role_name = "amigo-test-vm-import";
  AmigoImportImageRequest request = {
    .format = "RAW", .s3_bucket = BUCKET, .s3_key = "role-test.raw", .role_name = role_name,
  };

  if (!have_server ())
    return;

  amigo_iam_get_role_async (env.iam, role_name, NULL, result_cb, NULL);
  role = amigo_iam_get_role_finish (env.iam, await_result (), &error);
  g_assert_null (role);
  g_assert_true (amigo_iam_error_is_no_such_entity (error));
  g_clear_error (&error);

  ensure_role (role_name);

  amigo_iam_get_role_async (env.iam, role_name, NULL, result_cb, NULL);
  role = amigo_iam_get_role_finish (env.iam, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (role->arn, ":role/amigo-test-vm-import"));
  g_assert_true (amigo_iam_vm_import_trust_policy_is_valid (role->assume_role_policy_document));

  amigo_iam_get_role_policy_async (env.iam, role_name, AMIGO_IAM_VM_IMPORT_POLICY_NAME, NULL,
                                   result_cb, NULL);
  policy = amigo_iam_get_role_policy_finish (env.iam, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (amigo_iam_vm_import_policy_covers_bucket (policy, REGION, BUCKET));
  g_assert_false (amigo_iam_vm_import_policy_covers_bucket (policy, REGION, "another-bucket"));

  amigo_ec2_import_image_async (env.ec2, &request, NULL, result_cb, NULL);
  task = amigo_ec2_import_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_import_task_get_status (task), ==, AMIGO_IMPORT_TASK_ACTIVE);
}

/* ---- imports ------------------------------------------------------------ */

static AmigoImportTask *
start_import (const char *key,
              const char *format)
{
  g_autoptr(GError) error = NULL;
  AmigoEc2Tag tags[] = { { "Source", "amigo-test" } };
  AmigoImportImageRequest request = {
    .format = format, .s3_bucket = BUCKET, .s3_key = key,
    .description = "A disk made by the test", .architecture = "x86_64",
    .boot_mode = "uefi", .license_type = "BYOL", .platform = "Linux",
    .task_tags = tags, .n_task_tags = G_N_ELEMENTS (tags),
  };
  AmigoImportTask *task;

  amigo_ec2_import_image_async (env.ec2, &request, NULL, result_cb, NULL);
  task = amigo_ec2_import_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (amigo_import_task_get_import_task_id (task), "import-ami-"));
  g_assert_cmpstr (amigo_import_task_get_status (task), ==, AMIGO_IMPORT_TASK_ACTIVE);
  return task;
}

static AmigoImportTask *
describe_import (const char *task_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  const char *ids[] = { task_id, NULL };

  amigo_ec2_describe_import_image_tasks_async (env.ec2, ids, NULL, result_cb, NULL);
  tasks = amigo_ec2_describe_import_image_tasks_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);
  return g_object_ref (g_ptr_array_index (tasks, 0));
}

/* Follows a task until it is finished; @messages collects each status
 * message seen, in order. */
static AmigoImportTask *
follow_import (const char *task_id,
               GPtrArray  *messages)
{
  gint last_progress = -1;

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(AmigoImportTask) task = describe_import (task_id);
      const char *message = amigo_import_task_get_status_message (task);
      gint progress = amigo_import_task_get_progress (task);

      if (amigo_import_task_is_finished (task))
        return g_steal_pointer (&task);
      g_assert_cmpint (progress, >=, last_progress);
      last_progress = progress;
      if (messages != NULL && message != NULL
          && (messages->len == 0 || strcmp (g_ptr_array_index (messages, messages->len - 1), message) != 0))
        g_ptr_array_add (messages, g_strdup (message));
      wait_ms (40);
    }
  g_assert_not_reached ();
}

/* What an import image task's status message says, step by step (VM
 * Import/Export User Guide, "Monitor an import image task"). */
static const char * const import_steps[] = {
  "pending", "validating", "validated", "converting", "updating", "booting", "preparing ami",
};

static void
test_import_end_to_end (void)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoImportTask) done = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  const char *image_ids[2] = { NULL, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = image_ids };
  AmigoImage *image;
  const AmigoTag *tags;
  guint n_tags = 0;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("disks/disk.raw", disk);

  started = start_import ("disks/disk.raw", "RAW");
  done = follow_import (amigo_import_task_get_import_task_id (started), messages);

  g_assert_cmpstr (amigo_import_task_get_status (done), ==, AMIGO_IMPORT_TASK_COMPLETED);
  g_assert_cmpint (amigo_import_task_get_progress (done), ==, -1);
  g_assert_true (g_str_has_prefix (amigo_import_task_get_image_id (done), "ami-"));
  g_assert_cmpstr (amigo_import_task_get_boot_mode (done), ==, "uefi");
  g_assert_cmpstr (amigo_import_task_get_license_type (done), ==, "BYOL");
  tags = amigo_import_task_get_tags (done, &n_tags);
  g_assert_cmpuint (n_tags, ==, 1);
  g_assert_cmpstr (tags[0].key, ==, "Source");
  /* The documented steps, each of them, in order (the stand-in moves an
   * import on per Describe call). */
  g_assert_cmpuint (messages->len, ==, G_N_ELEMENTS (import_steps));
  for (guint i = 0; i < G_N_ELEMENTS (import_steps); i++)
    g_assert_cmpstr (g_ptr_array_index (messages, i), ==, import_steps[i]);

  /* The AMI is there, as the list will show it. */
  image_ids[0] = amigo_import_task_get_image_id (done);
  amigo_ec2_describe_images_async (env.ec2, &request, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (env.ec2, await_result (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_ptr_array_index (images, 0);
  g_assert_cmpstr (amigo_image_get_state (image), ==, "available");
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "x86_64");
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi");
  g_free (env.imported_image_id);
  env.imported_image_id = g_strdup (image_ids[0]);
}

/* A text file called a VMDK: the import fails as AWS fails it. */
static void
test_import_not_a_disk (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("these are my notes\n", 19);
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoImportTask) done = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("notes.vmdk", text);
  started = start_import ("notes.vmdk", "VMDK");
  done = follow_import (amigo_import_task_get_import_task_id (started), NULL);
  g_assert_cmpstr (amigo_import_task_get_status (done), ==, AMIGO_IMPORT_TASK_DELETED);
  g_assert_cmpstr (amigo_import_task_get_status_message (done), ==,
                   "ClientError: Disk validation failed [Unsupported VMDK File Format]");
  g_assert_null (amigo_import_task_get_image_id (done));
}

static void
test_import_missing_object (void)
{
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoImportTask) done = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  started = start_import ("no/such/disk.vhd", "VHD");
  done = follow_import (amigo_import_task_get_import_task_id (started), NULL);
  g_assert_cmpstr (amigo_import_task_get_status (done), ==, AMIGO_IMPORT_TASK_DELETED);
  g_assert_nonnull (strstr (amigo_import_task_get_status_message (done), "403 Forbidden"));
}

/* The same client token (a retried click) answers the same task. */
static void
test_import_client_token (void)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImportTask) first = NULL;
  g_autoptr(AmigoImportTask) again = NULL;
  g_autofree char *token = amigo_client_token_new ();
  AmigoImportImageRequest request = {
    .format = "RAW", .s3_bucket = BUCKET, .s3_key = "token.raw", .client_token = token,
  };

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("token.raw", disk);
  amigo_ec2_import_image_async (env.ec2, &request, NULL, result_cb, NULL);
  first = amigo_ec2_import_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  amigo_ec2_import_image_async (env.ec2, &request, NULL, result_cb, NULL);
  again = amigo_ec2_import_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_import_task_get_import_task_id (again), ==,
                   amigo_import_task_get_import_task_id (first));
}

static void
test_import_cancel (void)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoImportTask) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("cancel.raw", disk);
  started = start_import ("cancel.raw", "RAW");
  amigo_ec2_cancel_import_task_async (env.ec2, amigo_import_task_get_import_task_id (started),
                                      "Changed my mind", NULL, result_cb, NULL);
  state = amigo_ec2_cancel_import_task_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state, ==, AMIGO_IMPORT_TASK_DELETING);
  done = follow_import (amigo_import_task_get_import_task_id (started), NULL);
  g_assert_cmpstr (amigo_import_task_get_status (done), ==, AMIGO_IMPORT_TASK_DELETED);
  g_assert_cmpstr (amigo_import_task_get_status_message (done), ==, "Changed my mind");

  /* A finished task cannot be canceled. */
  amigo_ec2_cancel_import_task_async (env.ec2, amigo_import_task_get_import_task_id (started),
                                      NULL, NULL, result_cb, NULL);
  g_clear_pointer (&state, g_free);
  state = amigo_ec2_cancel_import_task_finish (env.ec2, await_result (), &error);
  g_assert_null (state);
  g_assert_nonnull (error);
}

static void
test_import_snapshot (void)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImportTask) started = NULL;
  AmigoImportSnapshotRequest request = {
    .format = "RAW", .s3_bucket = BUCKET, .s3_key = "snapshot.raw", .description = "a data disk",
  };
  const char *ids[2] = { NULL, NULL };

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("snapshot.raw", disk);
  amigo_ec2_import_snapshot_async (env.ec2, &request, NULL, result_cb, NULL);
  started = amigo_ec2_import_snapshot_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (amigo_import_task_get_import_task_id (started), "import-snap-"));
  g_assert_cmpstr (amigo_import_task_get_status (started), ==, AMIGO_IMPORT_TASK_ACTIVE);
  ids[0] = amigo_import_task_get_import_task_id (started);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GPtrArray) tasks = NULL;
      AmigoImportTask *task;

      amigo_ec2_describe_import_snapshot_tasks_async (env.ec2, ids, NULL, result_cb, NULL);
      tasks = amigo_ec2_describe_import_snapshot_tasks_finish (env.ec2, await_result (), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tasks->len, ==, 1);
      task = g_ptr_array_index (tasks, 0);
      if (amigo_import_task_is_finished (task))
        {
          g_assert_cmpstr (amigo_import_task_get_status (task), ==, AMIGO_IMPORT_TASK_COMPLETED);
          g_assert_true (g_str_has_prefix (amigo_import_task_get_snapshot_id (task), "snap-"));
          g_assert_cmpstr (amigo_import_task_get_format (task), ==, "RAW");
          g_assert_cmpint (amigo_import_task_get_disk_image_size (task), ==, 1024 * 1024);
          return;
        }
      wait_ms (40);
    }
  g_assert_not_reached ();
}

/* ---- export ------------------------------------------------------------- */

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoExportImageTask) started = NULL;
  g_autofree char *key = NULL;
  const char *ids[2] = { NULL, NULL };
  AmigoExportImageRequest request = {
    .disk_image_format = "VMDK", .s3_bucket = BUCKET, .s3_prefix = "exports/",
    .description = "exported by the test",
  };

  if (!have_server ())
    return;
  if (env.imported_image_id == NULL)
    test_import_end_to_end ();
  request.image_id = env.imported_image_id;

  amigo_ec2_export_image_async (env.ec2, &request, NULL, result_cb, NULL);
  started = amigo_ec2_export_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (amigo_export_image_task_get_export_image_task_id (started), "export-ami-"));
  g_assert_cmpstr (amigo_export_image_task_get_s3_bucket (started), ==, BUCKET);
  key = amigo_export_image_task_dup_object_key (started, "VMDK");
  g_assert_true (g_str_has_prefix (key, "exports/export-ami-"));
  g_assert_true (g_str_has_suffix (key, ".vmdk"));
  ids[0] = amigo_export_image_task_get_export_image_task_id (started);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GPtrArray) tasks = NULL;
      AmigoExportImageTask *task;

      amigo_ec2_describe_export_image_tasks_async (env.ec2, ids, NULL, result_cb, NULL);
      tasks = amigo_ec2_describe_export_image_tasks_finish (env.ec2, await_result (), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tasks->len, ==, 1);
      task = g_ptr_array_index (tasks, 0);
      if (amigo_export_image_task_is_finished (task))
        {
          g_assert_cmpstr (amigo_export_image_task_get_status (task), ==, "completed");
          g_assert_cmpstr (amigo_export_image_task_get_s3_prefix (task), ==, "exports/");
          return;
        }
      g_assert_cmpstr (amigo_export_image_task_get_status (task), ==, "active");
      wait_ms (40);
    }
  g_assert_not_reached ();
}

/* ---- store and restore --------------------------------------------------- */

static void
test_store_and_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *restored_id = NULL;
  g_autoptr(GPtrArray) images = NULL;
  const char *ids[2] = { NULL, NULL };
  const char *image_ids[2] = { NULL, NULL };
  AmigoDescribeImagesRequest describe = { .image_ids = image_ids };
  gint last_progress = -1;
  gboolean completed = FALSE;
  AmigoEc2Tag tags[] = { { "Restored", "yes" } };
  AmigoRestoreImageRequest restore = {
    .s3_bucket = BUCKET, .name = "Amigo test restored image",
    .image_tags = tags, .n_image_tags = G_N_ELEMENTS (tags),
  };

  if (!have_server ())
    return;
  if (env.imported_image_id == NULL)
    test_import_end_to_end ();
  ids[0] = env.imported_image_id;

  amigo_ec2_create_store_image_task_async (env.ec2, env.imported_image_id, BUCKET, NULL, result_cb, NULL);
  key = amigo_ec2_create_store_image_task_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (key, env.imported_image_id));
  g_assert_true (g_str_has_suffix (key, ".bin"));

  for (guint i = 0; i < 400 && !completed; i++)
    {
      g_autoptr(GPtrArray) tasks = NULL;
      AmigoStoreImageTask *task;

      amigo_ec2_describe_store_image_tasks_async (env.ec2, ids, NULL, result_cb, NULL);
      tasks = amigo_ec2_describe_store_image_tasks_finish (env.ec2, await_result (), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tasks->len, ==, 1);
      task = g_ptr_array_index (tasks, 0);
      g_assert_cmpstr (amigo_store_image_task_get_ami_id (task), ==, env.imported_image_id);
      g_assert_cmpstr (amigo_store_image_task_get_s3_object_key (task), ==, key);
      g_assert_cmpint (amigo_store_image_task_get_progress_percentage (task), >=, last_progress);
      g_assert_cmpint (amigo_store_image_task_get_task_start_time_usec (task), >, 0);
      last_progress = amigo_store_image_task_get_progress_percentage (task);
      completed = g_strcmp0 (amigo_store_image_task_get_store_task_state (task), AMIGO_STORE_TASK_COMPLETED) == 0;
      if (!completed)
        {
          g_assert_cmpstr (amigo_store_image_task_get_store_task_state (task), ==, AMIGO_STORE_TASK_IN_PROGRESS);
          wait_ms (40);
        }
    }
  g_assert_true (completed);
  g_assert_cmpint (last_progress, ==, 100);

  restore.object_key = key;
  amigo_ec2_create_restore_image_task_async (env.ec2, &restore, NULL, result_cb, NULL);
  restored_id = amigo_ec2_create_restore_image_task_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (restored_id, "ami-"));
  g_assert_cmpstr (restored_id, !=, env.imported_image_id);

  image_ids[0] = restored_id;
  amigo_ec2_describe_images_async (env.ec2, &describe, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (env.ec2, await_result (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_name (g_ptr_array_index (images, 0)), ==, "Amigo test restored image");

  /* The same name again is refused: names are unique in a Region. */
  amigo_ec2_create_restore_image_task_async (env.ec2, &restore, NULL, result_cb, NULL);
  g_clear_pointer (&restored_id, g_free);
  restored_id = amigo_ec2_create_restore_image_task_finish (env.ec2, await_result (), &error);
  g_assert_null (restored_id);
  g_assert_true (amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"));
}

/* ---- the task manager follows them --------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static AmigoTaskManager *
new_manager_at (const char           *state_path,
                AmigoAccountManager **out_accounts)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccountManager *accounts;
  AmigoTaskManager *manager;

  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL", env.endpoint, TRUE);
  envp = g_environ_setenv (envp, "AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  envp = g_environ_setenv (envp, "AWS_REGION", REGION, TRUE);
  envp = g_environ_unsetenv (envp, "AWS_PROFILE");
  accounts = amigo_account_manager_new (settings, (const char * const *) envp);
  amigo_account_manager_load_async (accounts, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (amigo_account_manager_load_finish (accounts, result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (amigo_account_manager_lookup (accounts, ACCOUNT_ID));

  manager = amigo_task_manager_new (accounts, state_path);
  amigo_task_manager_set_intervals_for_testing (manager, 20, 100);
  *out_accounts = accounts;
  return manager;
}

static AmigoTaskManager *
new_manager (AmigoAccountManager **out_accounts)
{
  static guint n;
  g_autofree char *state_path = g_strdup_printf ("%s/state-%u/tasks.json", env.tmp_dir, ++n);

  return new_manager_at (state_path, out_accounts);
}

static void
wait_task_ended (AmigoTask *task)
{
  for (guint i = 0; i < 3000 && amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING; i++)
    wait_ms (10);
  g_assert_cmpint (amigo_task_get_state (task), !=, AMIGO_TASK_STATE_RUNNING);
}

/* An import, followed by the task manager: its status messages and
 * progress show as they come, and it ends with the AMI's id. */
static void
test_task_import (void)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *outcome = NULL;
  const char *ids[2] = { NULL, NULL };
  int last_percent = -1;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("task.raw", disk);
  started = start_import ("task.raw", "RAW");
  ids[0] = amigo_import_task_get_import_task_id (started);

  manager = new_manager (&accounts);
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, ACCOUNT_ID, REGION, ids, "Import task.raw");
  g_assert_true (amigo_task_get_can_cancel (task));
  amigo_task_manager_add (manager, task);
  while (amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING)
    {
      const char *message = amigo_task_get_message (task);

      g_assert_cmpint (amigo_task_get_percent (task), >=, last_percent);
      last_percent = amigo_task_get_percent (task);
      if (message != NULL && (messages->len == 0
                              || strcmp (g_ptr_array_index (messages, messages->len - 1), message) != 0))
        g_ptr_array_add (messages, g_strdup (message));
      wait_ms (10);
    }
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpint (amigo_task_get_percent (task), ==, 100);
  g_assert_true (g_str_has_prefix (amigo_task_get_message (task), "ami-"));
  g_assert_cmpuint (messages->len, >=, 2);
  outcome = amigo_task_dup_outcome (task);
  g_assert_nonnull (strstr (outcome, amigo_task_get_message (task)));
}

/* A failed import ends the task with AWS's reason. */
static void
test_task_import_fails (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("not a disk", 10);
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  const char *ids[2] = { NULL, NULL };

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("task-notes.ova", text);
  started = start_import ("task-notes.ova", "OVA");
  ids[0] = amigo_import_task_get_import_task_id (started);

  manager = new_manager (&accounts);
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, ACCOUNT_ID, REGION, ids, "Import task-notes.ova");
  amigo_task_manager_add (manager, task);
  wait_task_ended (task);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_FAILED);
  g_assert_cmpstr (amigo_task_get_message (task), ==,
                   "ClientError: Disk validation failed [Unsupported OVA format]");
}

static void
run_task_import_cancel (const char *key,
                        gboolean    answer_late)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(AmigoImportTask) started = NULL;
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };
  gboolean ended_before_answer = FALSE;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object (key, disk);
  started = start_import (key, "RAW");
  ids[0] = amigo_import_task_get_import_task_id (started);

  manager = new_manager (&accounts);
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, ACCOUNT_ID, REGION, ids, "Import task-cancel.raw");
  amigo_task_manager_add (manager, task);
  /* Connected once the first poll has been answered. */
  while (amigo_task_manager_get_n_requests_for_testing (manager) < 2)
    wait_ms (10);
  if (answer_late)
    post_knob ("{\"cancel_answer_seconds\": 2}");
  amigo_task_manager_cancel_async (manager, task, NULL, store_result_cb, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (result == NULL && amigo_task_get_state (task) == AMIGO_TASK_STATE_CANCELLED)
        ended_before_answer = TRUE;
    }
  if (answer_late)
    post_knob ("{\"cancel_answer_seconds\": 0}");
  g_assert_true (amigo_task_manager_cancel_finish (manager, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_CANCELLED);
  if (answer_late)
    g_assert_true (ended_before_answer);
}

static void
test_task_import_cancel (void)
{
  run_task_import_cancel ("task-cancel.raw", FALSE);
}

/* CancelImportTask's answer comes late: a poll sees the import deleted
 * first and ends the task as cancelled; the cancel still succeeds, with
 * no error for the user. */
static void
test_task_import_cancel_answer_late (void)
{
  run_task_import_cancel ("task-cancel-late.raw", TRUE);
}

/* Export and store tasks end when AWS has written the file. */
static void
test_task_export_and_store (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoExportImageTask) started = NULL;
  g_autoptr(AmigoTask) export = NULL;
  g_autoptr(AmigoTask) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *location = NULL;
  g_autofree char *object_key = NULL;
  g_autofree char *store_location = NULL;
  g_autofree char *outcome = NULL;
  AmigoExportImageRequest request = { .disk_image_format = "RAW", .s3_bucket = BUCKET };
  const char *export_ids[3] = { NULL, NULL, NULL };
  const char *store_ids[3] = { NULL, NULL, NULL };

  if (!have_server ())
    return;
  if (env.imported_image_id == NULL)
    test_import_end_to_end ();
  request.image_id = env.imported_image_id;
  amigo_ec2_export_image_async (env.ec2, &request, NULL, result_cb, NULL);
  started = amigo_ec2_export_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  key = amigo_export_image_task_dup_object_key (started, "RAW");
  location = g_strdup_printf ("s3://%s/%s", BUCKET, key);
  export_ids[0] = amigo_export_image_task_get_export_image_task_id (started);
  export_ids[1] = location;

  manager = new_manager (&accounts);
  export = amigo_task_new (AMIGO_TASK_KIND_EXPORT_IMAGE, ACCOUNT_ID, REGION, export_ids, "Export");
  g_assert_false (amigo_task_get_can_cancel (export));
  amigo_task_manager_add (manager, export);

  amigo_ec2_create_store_image_task_async (env.ec2, env.imported_image_id, BUCKET, NULL, result_cb, NULL);
  object_key = amigo_ec2_create_store_image_task_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  store_location = g_strdup_printf ("s3://%s/%s", BUCKET, object_key);
  store_ids[0] = env.imported_image_id;
  store_ids[1] = store_location;
  store = amigo_task_new (AMIGO_TASK_KIND_STORE_IMAGE, ACCOUNT_ID, REGION, store_ids, "Store");
  amigo_task_manager_add (manager, store);

  wait_task_ended (export);
  wait_task_ended (store);
  g_assert_cmpint (amigo_task_get_state (export), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpint (amigo_task_get_state (store), ==, AMIGO_TASK_STATE_SUCCEEDED);
  outcome = amigo_task_dup_outcome (export);
  g_assert_nonnull (strstr (outcome, location));
}

/* An export of the imported image to BUCKET in @format: its task id and
 * where its file goes (s3://…); the object's key returned. */
static char *
start_export (const char  *format,
              char       **task_id,
              char       **location)
{
  g_autoptr(AmigoExportImageTask) started = NULL;
  g_autoptr(GError) error = NULL;
  AmigoExportImageRequest request = { .disk_image_format = format, .s3_bucket = BUCKET };
  char *key;

  if (env.imported_image_id == NULL)
    test_import_end_to_end ();
  request.image_id = env.imported_image_id;
  amigo_ec2_export_image_async (env.ec2, &request, NULL, result_cb, NULL);
  started = amigo_ec2_export_image_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  key = amigo_export_image_task_dup_object_key (started, format);
  *location = g_strdup_printf ("s3://%s/%s", BUCKET, key);
  *task_id = g_strdup (amigo_export_image_task_get_export_image_task_id (started));
  return key;
}

/* An export whose file the task downloads at the end, after a restart
 * that left part of it: the export found completed, the object fetched
 * with ranged gets from where PATH.part stops (the saved ETag is the
 * object's, so the part is kept: bytes the part held stay as they were),
 * PATH.part renamed to PATH, the task ending with where the file is. */
static void
test_task_export_download (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) export = NULL;
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(AmigoS3Download) reference = NULL;
  g_autoptr(JsonNode) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *location = NULL;
  g_autofree char *ref_path = g_build_filename (env.tmp_dir, "export-reference.raw", NULL);
  g_autofree char *path = g_build_filename (env.tmp_dir, "export-copy.raw", NULL);
  g_autofree char *part_path = g_strconcat (path, ".part", NULL);
  g_autofree char *ref = NULL;
  g_autofree char *got = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *expected_message = NULL;
  g_autofree char *task_id = NULL;
  gsize ref_len, got_len, kept;
  const char *ids[3] = { NULL, NULL, NULL };
  guint polls;

  if (!have_server ())
    return;
  key = start_export ("RAW", &task_id, &location);
  ids[0] = task_id;
  ids[1] = location;

  /* The object as AWS wrote it, once the export is done. */
  for (polls = 0; polls < 600; polls++)
    {
      const char *one[2] = { ids[0], NULL };
      g_autoptr(GPtrArray) tasks = NULL;

      amigo_ec2_describe_export_image_tasks_async (env.ec2, one, NULL, result_cb, NULL);
      tasks = amigo_ec2_describe_export_image_tasks_finish (env.ec2, await_result (), &error);
      g_assert_no_error (error);
      if (g_strcmp0 (amigo_export_image_task_get_status (g_ptr_array_index (tasks, 0)), "completed") == 0)
        break;
      wait_ms (50);
    }
  s3 = amigo_s3_new (env.client, REGION, env.endpoint);
  reference = amigo_s3_download_new (s3, BUCKET, key, ref_path);
  amigo_s3_download_run_async (reference, NULL, result_cb, NULL);
  g_assert_true (amigo_s3_download_run_finish (reference, await_result (), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ref_path, &ref, &ref_len, NULL));
  g_assert_cmpuint (ref_len, >=, 1024);

  /* The app stopped with a third of the file downloaded, the ETag saved. */
  kept = ref_len / 3;
  garbage = g_malloc (kept);
  memset (garbage, 'k', kept);
  g_assert_true (g_file_set_contents (part_path, garbage, (gssize) kept, NULL));
  pending = amigo_task_download_pending_new (path);
  g_assert_cmpstr (amigo_task_download_get_path (pending), ==, path);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (pending), "download"),
                                 "etag", amigo_s3_download_get_etag (reference));

  manager = new_manager (&accounts);
  export = amigo_task_new (AMIGO_TASK_KIND_EXPORT_IMAGE, ACCOUNT_ID, REGION, ids, "Export and download");
  amigo_task_set_pending (export, pending);
  amigo_task_manager_add (manager, export);
  wait_task_ended (export);
  g_assert_cmpint (amigo_task_get_state (export), ==, AMIGO_TASK_STATE_SUCCEEDED);
  expected_message = g_strdup_printf ("Downloaded to %s", path);
  g_assert_cmpstr (amigo_task_get_message (export), ==, expected_message);
  g_assert_null (amigo_task_get_pending (export));
  g_assert_false (g_file_test (part_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &got, &got_len, NULL));
  g_assert_cmpuint (got_len, ==, ref_len);
  g_assert_true (memcmp (got, garbage, kept) == 0);
  g_assert_true (memcmp (got + kept, ref + kept, ref_len - kept) == 0);
}

/* The same without a part file or a saved ETag: the whole object. */
static void
test_task_export_download_whole (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) export = NULL;
  g_autoptr(AmigoS3) s3 = NULL;
  g_autoptr(JsonNode) pending = NULL;
  g_autoptr(JsonNode) head = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *location = NULL;
  g_autofree char *path = g_build_filename (env.tmp_dir, "export-whole.vmdk", NULL);
  g_autofree char *got = NULL;
  g_autofree char *task_id = NULL;
  gsize got_len;
  const char *ids[3] = { NULL, NULL, NULL };
  int last_percent = -1;
  gboolean saw_downloading = FALSE;

  if (!have_server ())
    return;
  key = start_export ("VMDK", &task_id, &location);
  ids[0] = task_id;
  ids[1] = location;

  manager = new_manager (&accounts);
  pending = amigo_task_download_pending_new (path);
  export = amigo_task_new (AMIGO_TASK_KIND_EXPORT_IMAGE, ACCOUNT_ID, REGION, ids, "Export and download");
  amigo_task_set_pending (export, pending);
  amigo_task_manager_add (manager, export);
  while (amigo_task_get_state (export) == AMIGO_TASK_STATE_RUNNING)
    {
      const char *message = amigo_task_get_message (export);
      gboolean downloading = message != NULL && (g_str_has_prefix (message, "Exported; downloading")
                                                 || g_str_has_prefix (message, "Downloading"));

      /* Two phases, each moving forward: AWS's export, then the download. */
      if (downloading && !saw_downloading)
        last_percent = -1;
      saw_downloading = saw_downloading || downloading;
      g_assert_cmpint (amigo_task_get_percent (export), >=, last_percent);
      last_percent = amigo_task_get_percent (export);
      wait_ms (5);
    }
  g_assert_cmpint (amigo_task_get_state (export), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_true (saw_downloading);
  g_assert_true (g_file_get_contents (path, &got, &got_len, NULL));

  s3 = amigo_s3_new (env.client, REGION, env.endpoint);
  params = json_node_init_object (json_node_alloc (), json_object_new ());
  json_object_set_string_member (json_node_get_object (params), "Bucket", BUCKET);
  json_object_set_string_member (json_node_get_object (params), "Key", key);
  amigo_s3_call_async (s3, &amigo_s3_op_head_object, params, NULL, NULL, result_cb, NULL);
  head = amigo_s3_call_finish (s3, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (head), "ContentLength"), ==, (gint64) got_len);
}

/* ---- ImportSnapshot, then RegisterImage, through the task manager ------- */

/* A local raw disk file, its bucket there in moto's S3. */
static char *
local_disk_new (const char *name)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (env.tmp_dir, name, NULL);

  put_object ("placeholder", disk);
  g_file_set_contents (path, g_bytes_get_data (disk, NULL), (gssize) g_bytes_get_size (disk), &error);
  g_assert_no_error (error);
  return path;
}

/* An import task of @path to BUCKET/@key as a snapshot, registered as
 * @ami_name: what the import dialog hands the task manager. */
static AmigoTask *
snapshot_task_new (const char *path,
                   const char *key,
                   const char *ami_name)
{
  g_autofree char *token = g_strdup_printf ("amigo-test-%s", ami_name);
  g_autofree char *location = NULL;
  g_autoptr(JsonNode) pending = NULL;
  AmigoEc2Tag tags[] = { { "purpose", "amigo-test" } };
  AmigoImportImageRequest request = {
    .format = "RAW", .s3_bucket = BUCKET, .s3_key = key, .description = "a snapshot import",
    .architecture = "arm64", .boot_mode = "uefi", .client_token = token,
    .task_tags = tags, .n_task_tags = G_N_ELEMENTS (tags),
  };
  const char *ids[2] = { NULL, NULL };
  AmigoTask *task;

  pending = amigo_task_upload_pending_new_snapshot (path, &request, ami_name);
  location = amigo_task_upload_dup_location (&request);
  ids[0] = location;
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, ACCOUNT_ID, REGION, ids, key);
  amigo_task_set_pending (task, pending);
  g_assert_true (amigo_task_upload_is_snapshot (task));
  return task;
}

/* Your images named @name. */
static GPtrArray *
images_named (const char *name)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { name, NULL };
  const char *self_owner[] = { "self", NULL };
  AmigoEc2Filter filters[] = { { "name", names } };
  AmigoDescribeImagesRequest request = {
    .owners = self_owner, .filters = filters, .n_filters = G_N_ELEMENTS (filters),
  };
  GPtrArray *images;

  amigo_ec2_describe_images_async (env.ec2, &request, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (env.ec2, await_result (), NULL, &error);
  g_assert_no_error (error);
  return images;
}

/* The root device's snapshot of @image. */
static const char *
root_snapshot_of (AmigoImage *image)
{
  const AmigoBlockDeviceMapping *mappings;
  guint n = 0;

  mappings = amigo_image_get_block_device_mappings (image, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (mappings[i].device_name, amigo_image_get_root_device_name (image)) == 0)
      return mappings[i].ebs.snapshot_id;
  return NULL;
}

/* The import snapshot task @task_id as AWS tells it now. */
static AmigoImportTask *
describe_snapshot_import (const char *task_id)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { task_id, NULL };

  amigo_ec2_describe_import_snapshot_tasks_async (env.ec2, ids, NULL, result_cb, NULL);
  tasks = amigo_ec2_describe_import_snapshot_tasks_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);
  return g_object_ref (g_ptr_array_index (tasks, 0));
}

/* The file uploaded by the task, ImportSnapshot followed (its status
 * messages shown as they come), the AMI registered from the snapshot with
 * the chosen name, architecture and boot mode, /dev/xvda, HVM and ENA. */
static void
test_task_import_snapshot (void)
{
  g_autofree char *path = NULL;
  g_autofree char *name = g_strdup_printf ("amigo snapshot import %08x", g_random_int ());
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(AmigoImportTask) import = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  AmigoImage *image;
  const AmigoTag *tags;
  guint n_tags = 0;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  path = local_disk_new ("snapshot-task.raw");
  manager = new_manager (&accounts);
  task = snapshot_task_new (path, "snapshot-task.raw", name);
  amigo_task_manager_add (manager, task);
  while (amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING)
    {
      const char *message = amigo_task_get_message (task);

      if (message != NULL && (messages->len == 0
                              || strcmp (g_ptr_array_index (messages, messages->len - 1), message) != 0))
        g_ptr_array_add (messages, g_strdup (message));
      wait_ms (5);
    }
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_null (amigo_task_get_pending (task));
  g_assert_true (g_str_has_prefix (amigo_task_get_resource_ids (task)[0], "import-snap-"));
  g_assert_true (g_str_has_prefix (amigo_task_get_message (task), "ami-"));
  g_assert_cmpstr (amigo_task_get_result_image_id (task), ==, amigo_task_get_message (task));
  /* The stand-in's steps (one per Describe), as AWS says them. */
  g_assert_true (g_ptr_array_find_with_equal_func (messages, "converting", g_str_equal, NULL));

  import = describe_snapshot_import (amigo_task_get_resource_ids (task)[0]);
  g_assert_cmpstr (amigo_import_task_get_status (import), ==, AMIGO_IMPORT_TASK_COMPLETED);
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_ptr_array_index (images, 0);
  g_assert_cmpstr (amigo_image_get_image_id (image), ==, amigo_task_get_message (task));
  g_assert_cmpstr (amigo_image_get_root_device_name (image), ==, "/dev/xvda");
  g_assert_cmpstr (root_snapshot_of (image), ==, amigo_import_task_get_snapshot_id (import));
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "arm64");
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi");
  g_assert_cmpstr (amigo_image_get_virtualization_type (image), ==, "hvm");
  g_assert_true (amigo_image_get_ena_support (image));
  tags = amigo_image_get_tags (image, &n_tags);
  g_assert_cmpuint (n_tags, ==, 1);
  g_assert_cmpstr (tags[0].key, ==, "purpose");
}

/* Cancel once AWS imports the snapshot: CancelImportTask, the task
 * cancelled, AWS's task deleted, no image registered. */
static void
test_task_import_snapshot_cancel (void)
{
  g_autofree char *path = NULL;
  g_autofree char *name = g_strdup_printf ("amigo snapshot cancel %08x", g_random_int ());
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(AmigoImportTask) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  path = local_disk_new ("snapshot-cancel.raw");
  manager = new_manager (&accounts);
  task = snapshot_task_new (path, "snapshot-cancel.raw", name);
  amigo_task_manager_add (manager, task);
  /* Uploaded, ImportSnapshot answered: AWS's task is the task's. */
  for (guint i = 0; i < 3000 && !g_str_has_prefix (amigo_task_get_resource_ids (task)[0], "import-snap-"); i++)
    wait_ms (5);
  g_assert_true (g_str_has_prefix (amigo_task_get_resource_ids (task)[0], "import-snap-"));
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_true (amigo_task_get_can_cancel (task));
  amigo_task_manager_cancel_async (manager, task, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (amigo_task_manager_cancel_finish (manager, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_CANCELLED);
  import = describe_snapshot_import (amigo_task_get_resource_ids (task)[0]);
  g_assert_true (g_str_has_prefix (amigo_import_task_get_status (import), "delet"));
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 0);
}

/* ImportSnapshot of BUCKET/@key (a raw disk), followed to its snapshot:
 * the import task's id, the snapshot's returned. */
static char *
import_snapshot_done (const char  *key,
                      char       **task_id)
{
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImportTask) started = NULL;
  AmigoImportSnapshotRequest request = { .format = "RAW", .s3_bucket = BUCKET, .s3_key = key };

  put_object (key, disk);
  amigo_ec2_import_snapshot_async (env.ec2, &request, NULL, result_cb, NULL);
  started = amigo_ec2_import_snapshot_finish (env.ec2, await_result (), &error);
  g_assert_no_error (error);
  *task_id = g_strdup (amigo_import_task_get_import_task_id (started));
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(AmigoImportTask) task = describe_snapshot_import (*task_id);

      if (amigo_import_task_is_finished (task))
        {
          g_assert_cmpstr (amigo_import_task_get_status (task), ==, AMIGO_IMPORT_TASK_COMPLETED);
          return g_strdup (amigo_import_task_get_snapshot_id (task));
        }
      wait_ms (10);
    }
  g_assert_not_reached ();
}

/* The task as the state file has it after the snapshot was made and saved,
 * RegisterImage not yet answered. */
static AmigoTask *
registering_task_new (const char *task_id,
                      const char *snapshot_id,
                      const char *ami_name)
{
  g_autoptr(AmigoTask) template = snapshot_task_new ("/nonexistent/disk.raw", "restart.raw", ami_name);
  g_autoptr(JsonNode) pending = json_node_copy (amigo_task_get_pending (template));
  JsonObject *object = json_node_get_object (pending);
  const char *ids[2] = { task_id, NULL };
  AmigoTask *task;

  json_object_remove_member (object, "path");
  json_object_set_string_member (json_object_get_object_member (object, "import"), "snapshot_id", snapshot_id);
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, ACCOUNT_ID, REGION, ids, "restart.raw");
  amigo_task_set_pending (task, pending);
  return task;
}

/* The app stops once the snapshot is made and saved, before RegisterImage:
 * started again, the task (from the state file) registers the AMI from the
 * saved snapshot. Stopped again after RegisterImage was sent but before its
 * answer was saved, the task sends it once more: the name is taken by the
 * image of our snapshot, which is the result, and no second image is made. */
static void
test_task_import_snapshot_restart (void)
{
  g_autofree char *name = g_strdup_printf ("amigo snapshot restart %08x", g_random_int ());
  g_autofree char *task_id = NULL;
  g_autofree char *snapshot_id = NULL;
  g_autofree char *state_path = g_build_filename (env.tmp_dir, "state-restart", "tasks.json", NULL);
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(AmigoTask) again = NULL;
  g_autoptr(GPtrArray) images = NULL;
  AmigoTask *loaded;
  g_autofree char *image_id = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  snapshot_id = import_snapshot_done ("restart.raw", &task_id);

  /* Saved, then the app stops before its first poll. */
  manager = new_manager_at (state_path, &accounts);
  task = registering_task_new (task_id, snapshot_id, name);
  amigo_task_manager_add (manager, task);
  g_clear_object (&manager);
  g_clear_object (&accounts);
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 0);
  g_clear_pointer (&images, g_ptr_array_unref);

  /* Started again. */
  manager = new_manager_at (state_path, &accounts);
  g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager)), ==, 1);
  loaded = g_list_model_get_item (amigo_task_manager_get_tasks (manager), 0);
  g_object_unref (loaded);
  g_assert_cmpstr (amigo_task_upload_get_snapshot_id (loaded), ==, snapshot_id);
  /* Only RegisterImage is left: nothing to cancel at AWS. */
  g_assert_cmpint (amigo_task_get_state (loaded), ==, AMIGO_TASK_STATE_RUNNING);
  g_assert_false (amigo_task_get_can_cancel (loaded));
  wait_task_ended (loaded);
  g_assert_cmpint (amigo_task_get_state (loaded), ==, AMIGO_TASK_STATE_SUCCEEDED);
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (g_ptr_array_index (images, 0)), ==, amigo_task_get_message (loaded));
  g_assert_cmpstr (root_snapshot_of (g_ptr_array_index (images, 0)), ==, snapshot_id);
  image_id = g_strdup (amigo_task_get_message (loaded));
  g_clear_pointer (&images, g_ptr_array_unref);

  /* RegisterImage sent before the stop, its answer lost: sent again. */
  again = registering_task_new (task_id, snapshot_id, name);
  amigo_task_manager_add (manager, again);
  wait_task_ended (again);
  g_assert_cmpint (amigo_task_get_state (again), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_cmpstr (amigo_task_get_message (again), ==, image_id);
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 1);
}

/* The uploaded file is no raw disk: AWS deletes the snapshot import task
 * and says why; that reason ends the task. */
static void
test_task_import_snapshot_deleted (void)
{
  g_autofree char *path = g_build_filename (env.tmp_dir, "notes.raw", NULL);
  g_autofree char *name = g_strdup_printf ("amigo snapshot deleted %08x", g_random_int ());
  g_autoptr(GBytes) disk = raw_disk_new ();
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = NULL;
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(AmigoImportTask) import = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_server ())
    return;
  ensure_role (AMIGO_VM_IMPORT_DEFAULT_ROLE);
  put_object ("placeholder", disk);
  g_file_set_contents (path, "my notes, no disk\n", -1, &error);
  g_assert_no_error (error);
  manager = new_manager (&accounts);
  task = snapshot_task_new (path, "notes.raw", name);
  amigo_task_manager_add (manager, task);
  wait_task_ended (task);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_FAILED);
  import = describe_snapshot_import (amigo_task_get_resource_ids (task)[0]);
  g_assert_cmpstr (amigo_import_task_get_status (import), ==, AMIGO_IMPORT_TASK_DELETED);
  g_assert_true (g_str_has_prefix (amigo_import_task_get_status_message (import), "ClientError: "));
  g_assert_cmpstr (amigo_task_get_message (task), ==, amigo_import_task_get_status_message (import));
  images = images_named (name);
  g_assert_cmpuint (images->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  env.tmp_dir = g_dir_make_tmp ("amigo-vmimport-XXXXXX", NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  if (env.endpoint != NULL)
    {
      g_autoptr(AmigoCredentials) credentials =
        amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"),
                               g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);
      /* Import tasks take their next state per Describe call that answers
       * them, so that each state is seen however busy the machine is;
       * exports and stores move on the clock. */
      static const char knob_json[] = "{\"step_seconds\": " STEP_SECONDS ", \"import_steps\": \"describe\"}";
      g_autoptr(GBytes) knob = g_bytes_new_static (knob_json, strlen (knob_json));

      env.client = amigo_client_new (credentials);
      env.ec2 = amigo_ec2_new (env.client, REGION, env.endpoint);
      env.iam = amigo_iam_new (env.client, AMIGO_IAM_SIGNING_REGION, env.endpoint);
      post ("/amigo-test/vm-import", "application/json", knob);
    }

  g_test_add_func ("/vmimport/role/missing-refused", test_import_without_role);
  g_test_add_func ("/vmimport/role/created", test_role_created);
  g_test_add_func ("/vmimport/import/end-to-end", test_import_end_to_end);
  g_test_add_func ("/vmimport/import/not-a-disk", test_import_not_a_disk);
  g_test_add_func ("/vmimport/import/missing-object", test_import_missing_object);
  g_test_add_func ("/vmimport/import/cancel", test_import_cancel);
  g_test_add_func ("/vmimport/import/client-token", test_import_client_token);
  g_test_add_func ("/vmimport/import-snapshot", test_import_snapshot);
  g_test_add_func ("/vmimport/export", test_export);
  g_test_add_func ("/vmimport/store-and-restore", test_store_and_restore);
  g_test_add_func ("/vmimport/task/import", test_task_import);
  g_test_add_func ("/vmimport/task/import-fails", test_task_import_fails);
  g_test_add_func ("/vmimport/task/import-cancel", test_task_import_cancel);
  g_test_add_func ("/vmimport/task/import-cancel-answer-late", test_task_import_cancel_answer_late);
  g_test_add_func ("/vmimport/task/import-snapshot", test_task_import_snapshot);
  g_test_add_func ("/vmimport/task/import-snapshot-restart", test_task_import_snapshot_restart);
  g_test_add_func ("/vmimport/task/import-snapshot-deleted", test_task_import_snapshot_deleted);
  g_test_add_func ("/vmimport/task/import-snapshot-cancel", test_task_import_snapshot_cancel);
  g_test_add_func ("/vmimport/task/export-and-store", test_task_export_and_store);
  g_test_add_func ("/vmimport/task/export-download-resumed", test_task_export_download);
  g_test_add_func ("/vmimport/task/export-download", test_task_export_download_whole);

  status = g_test_run ();

  g_clear_object (&env.ec2);
  g_clear_object (&env.iam);
  g_clear_object (&env.client);
  g_free (env.imported_image_id);
  g_free (env.tmp_dir);
  return status;
}
