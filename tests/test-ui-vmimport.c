/* test-ui-vmimport.c — the Import Virtual Machine dialog, against moto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb inside tests/moto-harness.sh (tests/moto_vmimport.py
 * plays VM Import/Export): the vmimport role found missing and created
 * from the dialog, a disk image picked (its format read from its bytes),
 * the import started and followed by the task manager until the AMI is
 * listed; a file that is no disk image; keyboard and accessible names.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amigo-actions.h"
#include "amigo-application.h"
#include "amigo-bucket-row.h"
#include "amigo-export-image-dialog.h"
#include "amigo-error.h"
#include "amigo-s3.h"
#include "amigo-s3-buckets.h"
#include "amigo-import-image-dialog.h"
#include "amigo-task-manager.h"
#include "amigo-task-row.h"
#include "amigo-task-upload.h"
#include "amigo-test-ui.h"
#include "amigo-vm-role-row.h"

#define REGION "us-east-1"
#define WAIT_SECONDS 60

static char *tmp_dir;

static void
post (const char *path_and_query,
      const char *content_type,
      GBytes     *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (g_getenv ("AMIGO_TEST_ENDPOINT"), path_and_query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, content_type, body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

/* A raw disk of @size bytes with an MBR boot signature, as a local file;
 * its bucket made in moto's S3 (the app uploads the file itself). */
static GFile *
new_disk_of_size (const char *bucket,
                  const char *name,
                  gsize       size)
{
  guint8 *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *query = g_strdup_printf ("/amigo-test/s3-object?bucket=%s&key=placeholder&region=%s", bucket, REGION);
  g_autoptr(GError) error = NULL;

  data[510] = 0x55;
  data[511] = 0xaa;
  bytes = g_bytes_new_take (data, size);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) size, &error);
  g_assert_no_error (error);
  post (query, "application/octet-stream", g_bytes_new_static ("x", 1));
  return g_file_new_for_path (path);
}

static GFile *
new_disk (const char *bucket,
          const char *name)
{
  return new_disk_of_size (bucket, name, 1024 * 1024);
}

static AmigoTaskManager *
new_task_manager_at (const char           *state_path,
                     AmigoAccountManager **out_accounts)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) envp = g_get_environ ();
  AmigoAccountManager *accounts = amigo_account_manager_new (settings, (const char * const *) envp);
  AmigoTaskManager *manager;

  amigo_account_manager_load_async (accounts, NULL, NULL, NULL);
  AMIGO_TEST_WAIT_FOR (amigo_account_manager_get_loaded (accounts), WAIT_SECONDS);
  manager = amigo_task_manager_new (accounts, state_path);
  amigo_task_manager_set_intervals_for_testing (manager, 20, 100);
  *out_accounts = accounts;
  return manager;
}

static AmigoTaskManager *
new_task_manager (AmigoAccountManager **out_accounts)
{
  static guint n;
  g_autofree char *file_name = g_strdup_printf ("tasks-%u.json", ++n);
  g_autofree char *state_path = g_build_filename (tmp_dir, file_name, NULL);

  return new_task_manager_at (state_path, out_accounts);
}

/* The saved upload of an import task still uploading, or NULL. */
static JsonObject *
pending_upload (AmigoTask *task)
{
  JsonNode *pending = amigo_task_get_pending (task);
  JsonNode *upload;

  if (pending == NULL)
    return NULL;
  upload = json_object_get_member (json_node_get_object (pending), "upload");
  return upload != NULL ? json_node_get_object (upload) : NULL;
}

static guint
n_saved_parts (AmigoTask *task)
{
  JsonObject *upload = pending_upload (task);

  if (upload == NULL || !json_object_has_member (upload, "parts"))
    return 0;
  return json_array_get_length (json_object_get_array_member (upload, "parts"));
}

/* An import task that uploads @disk to amigo-ui-disks/@key in 5 MiB
 * parts, one at a time, added to @manager; returned once its first part
 * is sent and saved (the others still to go). */
static AmigoTask *
add_upload_task (AmigoTaskManager *manager,
                 GFile            *disk,
                 const char       *key,
                 const char       *client_token)
{
  g_autofree char *location = g_strdup_printf ("s3://amigo-ui-disks/%s", key);
  g_autofree char *title = g_strdup_printf ("Import “%s”", key);
  g_autoptr(JsonNode) pending = NULL;
  const char *ids[] = { location, NULL };
  AmigoImportImageRequest request = {
    .format = "RAW",
    .s3_bucket = "amigo-ui-disks",
    .s3_key = key,
    .client_token = client_token,
  };
  AmigoTask *task;

  amigo_task_manager_set_upload_for_testing (manager, 5 * 1024 * 1024, 1);
  pending = amigo_task_upload_pending_new (g_file_peek_path (disk), &request);
  task = amigo_task_new (AMIGO_TASK_KIND_IMPORT_IMAGE, amigo_account_get_id (amigo_test_ui_get_account ()),
                         REGION, ids, title);
  amigo_task_set_pending (task, pending);
  amigo_task_manager_add (manager, task);
  AMIGO_TEST_WAIT_FOR (n_saved_parts (task) >= 1, WAIT_SECONDS);
  g_assert_cmpuint (n_saved_parts (task), <, 4);
  return task;
}

/* The app (its task manager) stops after the first part of a 16 MiB
 * upload in 5 MiB parts; a new one loads the task from the state file,
 * resumes the same multipart upload, and the import goes on to the AMI.
 * Runs after /ui/vmimport/import-dialog (its bucket, and the role for it). */
static void
test_import_resumed (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoAccountManager) accounts2 = NULL;
  g_autofree char *state_path = g_build_filename (tmp_dir, "tasks-resumed.json", NULL);
  AmigoTaskManager *manager = new_task_manager_at (state_path, &accounts);
  g_autoptr(AmigoTaskManager) manager2 = NULL;
  g_autoptr(GFile) disk = new_disk_of_size ("amigo-ui-disks", "resumed.raw", 16 * 1024 * 1024);
  g_autoptr(AmigoTask) task = NULL;
  g_autofree char *upload_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  AmigoTask *loaded;

  post ("/amigo-test/vm-import", "application/json", g_bytes_new_static ("{\"step_seconds\": 0.1}", 21));
  /* The first part is sent and saved: the app stops. */
  task = add_upload_task (manager, disk, "resumed.raw", "amigo-ui-resumed-import");
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_RUNNING);
  upload_id = g_strdup (json_object_get_string_member (pending_upload (task), "upload-id"));
  g_assert_nonnull (upload_id);
  g_object_unref (manager);

  /* Started again: the task comes back with its upload, which goes on. */
  manager2 = new_task_manager_at (state_path, &accounts2);
  g_assert_cmpuint (g_list_model_get_n_items (amigo_task_manager_get_tasks (manager2)), ==, 1);
  loaded = g_list_model_get_item (amigo_task_manager_get_tasks (manager2), 0);
  g_object_unref (loaded);
  g_assert_nonnull (pending_upload (loaded));
  g_assert_cmpstr (json_object_get_string_member (pending_upload (loaded), "upload-id"), ==, upload_id);
  g_assert_cmpuint (n_saved_parts (loaded), >=, 1);
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (loaded) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (loaded), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_null (amigo_task_get_pending (loaded));
  g_assert_true (g_str_has_prefix (amigo_task_get_resource_ids (loaded)[0], "import-ami-"));
  image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), amigo_task_get_message (loaded));
  g_assert_nonnull (image);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* An S3 call to moto, straight (not through the task manager). */
static JsonNode *
s3_call (const AmigoOperation *operation,
         const char           *bucket,
         const char           *key,
         GError              **error)
{
  g_autoptr(AmigoS3) s3 = amigo_s3_new (amigo_test_ui_get_client (), REGION, g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_autoptr(JsonNode) params = json_node_init_object (json_node_alloc (), json_object_new ());
  g_autoptr(GAsyncResult) result = NULL;

  json_object_set_string_member (json_node_get_object (params), "Bucket", bucket);
  json_object_set_string_member (json_node_get_object (params),
                                 operation == &amigo_s3_op_list_multipart_uploads ? "Prefix" : "Key", key);
  amigo_s3_call_async (s3, operation, params, NULL, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  return amigo_s3_call_finish (s3, result, error);
}

static guint
n_multipart_uploads (const char *bucket,
                     const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) out = s3_call (&amigo_s3_op_list_multipart_uploads, bucket, key, &error);
  JsonObject *o;

  g_assert_no_error (error);
  o = json_node_get_object (out);
  return json_object_has_member (o, "Uploads") ? json_array_get_length (json_object_get_array_member (o, "Uploads")) : 0;
}

/* Cancel while the parts go up (16 MiB in 5 MiB parts, one at a time):
 * the run stops, the multipart upload is aborted as the issue asks (S3
 * keeps no parts to bill), no object is made, the disk image is as it
 * was, and the task ends cancelled — nothing imported. */
static void
test_import_cancelled_mid_upload (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = new_task_manager (&accounts);
  g_autoptr(GFile) disk = new_disk_of_size ("amigo-ui-disks", "cancelled.raw", 16 * 1024 * 1024);
  g_autoptr(AmigoTask) task = NULL;
  g_autoptr(JsonNode) head = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_file_peek_path (disk), &contents, &length, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_clear_pointer (&contents, g_free);

  /* A part is up, the others are on the way: Cancel. */
  task = add_upload_task (manager, disk, "cancelled.raw", "amigo-ui-cancelled-import");
  g_assert_cmpuint (n_multipart_uploads ("amigo-ui-disks", "cancelled.raw"), ==, 1);
  g_assert_true (amigo_task_get_can_cancel (task));
  amigo_task_manager_cancel_async (manager, task, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  g_assert_true (amigo_task_manager_cancel_finish (manager, result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_CANCELLED);
  g_assert_cmpstr (amigo_task_get_message (task), ==, "The upload was stopped and deleted.");
  g_assert_cmpuint (n_multipart_uploads ("amigo-ui-disks", "cancelled.raw"), ==, 0);
  head = s3_call (&amigo_s3_op_head_object, "amigo-ui-disks", "cancelled.raw", &error);
  g_assert_null (head);
  g_assert_cmpuint (amigo_aws_error_get_details (error)->http_status, ==, 404);
  g_assert_true (g_file_get_contents (g_file_peek_path (disk), &contents, &length, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (after, ==, before);
  /* It stays cancelled: the task is no longer watched, no import starts. */
  g_assert_false (amigo_task_manager_is_watching_for_testing (manager, task));
  g_assert_false (amigo_task_manager_get_busy (manager));
}

static gboolean
list_has_row (GtkWidget  *list,
              const char *name)
{
  return amigo_test_ui_find_by_name (list, name) != NULL;
}

/* The bucket row of the import dialog: a name S3's rules refuse is shown
 * as such (and the row marked), a new valid name can be created in the
 * Region from the row, and the list button shows the account's buckets in
 * the Region (not another Region's); picking one fills the row. */
static void
test_bucket_picker (void)
{
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autofree char *new_bucket = g_strdup_printf ("amigo-ui-new-%08x", g_random_int ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;
  g_autoptr(AmigoS3) s3 = NULL;
  GtkWidget *row;
  GtkWidget *create;
  GtkWidget *problem;
  GtkWidget *list;
  GtkWidget *choice;

  /* A bucket of this Region, and one of another, which the list must
   * leave out. */
  post ("/amigo-test/s3-object?bucket=amigo-ui-here&key=x&region=" REGION,
        "application/octet-stream", g_bytes_new_static ("x", 1));
  post ("/amigo-test/s3-object?bucket=amigo-ui-elsewhere-eu&key=x&region=eu-west-1",
        "application/octet-stream", g_bytes_new_static ("x", 1));

  dialog = g_object_ref_sink (amigo_import_image_dialog_new (NULL, context));
  gtk_window_present (dialog);
  amigo_test_ui_settle ();
  row = amigo_test_ui_find (dialog, "bucket_row");
  create = amigo_test_ui_find (row, "create_button");
  problem = amigo_test_ui_find (dialog, "problem_label");

  /* Upper case and an underscore: refused as typed, said why. */
  amigo_test_ui_set_text (row, "My_Disks");
  amigo_test_ui_settle ();
  g_assert_false (amigo_bucket_row_get_valid (AMIGO_BUCKET_ROW (row)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (create));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "lowercase letters"));
  amigo_test_ui_set_text (row, "amigo..disks");
  amigo_test_ui_settle ();
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "two dots"));

  /* A new name: created in the Region from the row. */
  amigo_test_ui_set_text (row, new_bucket);
  amigo_test_ui_settle ();
  g_assert_true (amigo_bucket_row_get_valid (AMIGO_BUCKET_ROW (row)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_true (gtk_widget_get_visible (create));
  amigo_test_ui_maybe_screenshot (dialog, "import-dialog-bucket-create.png");
  amigo_test_ui_click (create);
  AMIGO_TEST_WAIT_FOR (!gtk_widget_get_visible (create), WAIT_SECONDS);
  g_assert_null (amigo_bucket_row_get_problem (AMIGO_BUCKET_ROW (row)));
  s3 = amigo_s3_new (amigo_test_ui_get_client (), REGION, g_getenv ("AMIGO_TEST_ENDPOINT"));
  amigo_s3_head_bucket_async (s3, new_bucket, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  region = amigo_s3_head_bucket_finish (s3, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (region, ==, REGION);

  /* The list: this Region's buckets, the new one among them, a bucket a
   * page (ListBuckets' ContinuationToken followed to the end). */
  amigo_s3_set_max_buckets_for_testing (1);
  amigo_test_ui_set_text (row, "");
  gtk_menu_button_popup (GTK_MENU_BUTTON (amigo_test_ui_find (row, "list_button")));
  list = amigo_test_ui_find (row, "bucket_list");
  AMIGO_TEST_WAIT_FOR (list_has_row (list, new_bucket), WAIT_SECONDS);
  g_assert_true (list_has_row (list, "amigo-ui-here"));
  g_assert_false (list_has_row (list, "amigo-ui-elsewhere-eu"));
  amigo_s3_set_max_buckets_for_testing (0);
  amigo_test_ui_maybe_screenshot (dialog, "import-dialog-bucket-list.png");
  choice = amigo_test_ui_find_by_name (list, new_bucket);
  g_signal_emit_by_name (list, "row-activated", choice);
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, new_bucket);
  g_assert_false (gtk_widget_get_visible (create));
  gtk_window_destroy (dialog);
}

static gboolean
role_row_has_button (gpointer data)
{
  GtkWidget *button = amigo_test_ui_find (data, "fix_button");

  return gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button);
}

static void
test_import_dialog (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = new_task_manager (&accounts);
  g_autoptr(AmigoActionContext) context =
    amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (), REGION, NULL, manager);
  g_autoptr(GFile) disk = new_disk ("amigo-ui-disks", "my-vm.raw");
  g_autoptr(GtkWindow) dialog = NULL;
  AmigoVmRoleRow *role_row;
  GListModel *tasks;
  AmigoTask *task;
  g_autofree char *text = NULL;
  g_autoptr(AmigoImage) image = NULL;

  post ("/amigo-test/vm-import", "application/json", g_bytes_new_static ("{\"step_seconds\": 0.1}", 21));

  dialog = g_object_ref_sink (amigo_import_image_dialog_new (NULL, context));
  gtk_window_present (dialog);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "import_button")));

  /* The bucket: the role is checked for it, found missing, created. */
  role_row = AMIGO_VM_ROLE_ROW (amigo_test_ui_find (dialog, "role_row"));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "bucket_row"), "amigo-ui-disks");
  amigo_test_ui_wait_until (role_row_has_button, role_row, WAIT_SECONDS, "the role found missing");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (role_row, "fix_button"))), ==,
                   "_Create Role");
  amigo_test_ui_maybe_screenshot (dialog, "import-dialog-role-missing.png");
  amigo_test_ui_click (amigo_test_ui_find (role_row, "fix_button"));
  AMIGO_TEST_WAIT_FOR (amigo_vm_role_row_get_ready (role_row), WAIT_SECONDS);

  /* The file: its format read from its bytes, the key from its name. */
  amigo_import_image_dialog_set_file (AMIGO_IMPORT_IMAGE_DIALOG (dialog), disk);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "format_row"))), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "key_row"))), ==, "my-vm.raw");
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "boot_mode_row"), 2);
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "license_row"), 1);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "import_button")));
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "s3://amigo-ui-disks/my-vm.raw"));
  amigo_test_ui_maybe_screenshot (dialog, "import-dialog.png");

  amigo_test_ui_click (amigo_test_ui_find (dialog, "import_button"));
  AMIGO_TEST_WAIT_FOR (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);

  /* The task follows the import to the AMI. */
  tasks = amigo_task_manager_get_tasks (manager);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  task = g_list_model_get_item (tasks, 0);
  g_object_unref (task);
  g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_IMPORT_IMAGE);
  g_assert_cmpstr (amigo_task_get_title (task), ==, "Import “my-vm.raw”");
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), amigo_task_get_message (task));
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi");
  g_assert_cmpstr (amigo_task_get_result_image_id (task), ==, amigo_image_get_image_id (image));

  /* The task list's row offers the new image, not the import task. */
  {
    GtkWidget *row = g_object_ref_sink (amigo_task_row_new (task));
    GtkWidget *button = amigo_test_ui_find (row, "result_button");
    const char *tooltip = gtk_widget_get_tooltip_text (button);

    g_assert_true (gtk_widget_get_visible (button));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show Image");
    g_assert_nonnull (strstr (tooltip, amigo_image_get_image_id (image)));
    g_object_unref (row);
  }
}

static AmigoTask *
only_new_task (AmigoTaskManager *manager,
               guint             before)
{
  GListModel *tasks = amigo_task_manager_get_tasks (manager);
  AmigoTask *task;

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, before + 1);
  /* Newest first. */
  task = g_list_model_get_item (tasks, 0);
  g_object_unref (task);
  return task;
}

/* The other method: the disk imported as a snapshot, the AMI registered
 * from it under the name typed. Offered for the formats ImportSnapshot
 * takes (not OVA, not VHDX); the name checked as RegisterImage's. Runs
 * after /ui/vmimport/import-dialog (the role for the bucket). */
static void
test_import_dialog_snapshot (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = new_task_manager (&accounts);
  g_autoptr(AmigoActionContext) context =
    amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (), REGION, NULL, manager);
  g_autoptr(GFile) disk = new_disk ("amigo-ui-disks", "my-snapshot-vm.raw");
  g_autoptr(GtkWindow) dialog = NULL;
  g_autofree char *name = g_strdup_printf ("Amigo UI snapshot import %08x", g_random_int ());
  g_autofree char *text = NULL;
  g_autoptr(AmigoImage) image = NULL;
  GtkWidget *method_row;
  GtkWidget *name_row;
  GtkWidget *name_message;
  GtkWidget *import_button;
  JsonObject *import;
  AmigoTask *task;
  const AmigoBlockDeviceMapping *mappings;
  guint n_mappings = 0;

  post ("/amigo-test/vm-import", "application/json", g_bytes_new_static ("{\"step_seconds\": 0.1}", 21));
  dialog = g_object_ref_sink (amigo_import_image_dialog_new (NULL, context));
  gtk_window_present (dialog);
  amigo_test_ui_settle ();
  method_row = amigo_test_ui_find (dialog, "method_row");
  name_row = amigo_test_ui_find (dialog, "name_row");
  name_message = amigo_test_ui_find (dialog, "name_message");
  import_button = amigo_test_ui_find (dialog, "import_button");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (method_row)), ==, 0);
  g_assert_false (gtk_widget_get_visible (name_row));

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "bucket_row"), "amigo-ui-disks");
  AMIGO_TEST_WAIT_FOR (amigo_vm_role_row_get_ready (AMIGO_VM_ROLE_ROW (amigo_test_ui_find (dialog, "role_row"))),
                       WAIT_SECONDS);
  amigo_import_image_dialog_set_file (AMIGO_IMPORT_IMAGE_DIALOG (dialog), disk);

  /* OVA and VHDX: ImportSnapshot takes neither. */
  amigo_test_ui_pick (method_row, 1);
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "format_row"), 0);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_get_sensitive (method_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (method_row)), ==, 0);
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "format_row"), 3);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_get_sensitive (method_row));
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "format_row"), 4);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_get_sensitive (method_row));

  /* The snapshot method: the AMI's name is asked for, and checked. */
  amigo_test_ui_pick (method_row, 1);
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_get_visible (name_row));
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "license_row")));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  amigo_test_ui_set_text (name_row, "x");
  amigo_test_ui_settle ();
  g_assert_true (gtk_widget_get_visible (name_message));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  amigo_test_ui_set_text (name_row, name);
  amigo_test_ui_pick (amigo_test_ui_find (dialog, "boot_mode_row"), 2);
  amigo_test_ui_settle ();
  g_assert_false (gtk_widget_get_visible (name_message));
  g_assert_true (gtk_widget_is_sensitive (import_button));
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "s3://amigo-ui-disks/my-snapshot-vm.raw"));
  g_assert_nonnull (strstr (text, "as an EBS snapshot"));
  amigo_test_ui_maybe_screenshot (dialog, "import-dialog-snapshot.png");

  amigo_test_ui_click (import_button);
  AMIGO_TEST_WAIT_FOR (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  task = only_new_task (manager, 0);
  g_assert_true (amigo_task_upload_is_snapshot (task));
  import = json_object_get_object_member (json_node_get_object (amigo_task_get_pending (task)), "import");
  g_assert_cmpstr (json_object_get_string_member (import, "ami_name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (import, "format"), ==, "RAW");
  g_assert_false (json_object_has_member (import, "license_type"));
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_assert_true (g_str_has_prefix (amigo_task_get_resource_ids (task)[0], "import-snap-"));
  image = amigo_test_ui_get_image (amigo_test_ui_get_ec2 (REGION), amigo_task_get_result_image_id (task));
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, name);
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi");
  g_assert_cmpstr (amigo_image_get_root_device_name (image), ==, "/dev/xvda");
  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  g_assert_cmpuint (n_mappings, >=, 1);
  g_assert_true (g_str_has_prefix (mappings[0].ebs.snapshot_id, "snap-"));
}

/* Export, store and restore from their dialogs, each followed in the task
 * list to its end. The role was made for another bucket: the export
 * dialog offers to allow this one. The export is downloaded to a file
 * here as well, by its task. */
static void
test_export_store_restore (void)
{
  g_autoptr(AmigoAccountManager) accounts = NULL;
  g_autoptr(AmigoTaskManager) manager = new_task_manager (&accounts);
  AmigoEc2 *ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autofree char *instance_id = amigo_test_ui_run_instance (ec2, "amigo-ui-vmimport");
  g_autofree char *image_id = amigo_test_ui_create_image (ec2, instance_id, "Amigo UI export source");
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (ec2, image_id);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmigoActionContext) context = NULL;
  g_autoptr(AmigoActionContext) region_context = NULL;
  g_autoptr(GtkWindow) export = NULL;
  g_autoptr(GtkWindow) store = NULL;
  g_autoptr(GtkWindow) restore = NULL;
  g_autoptr(GBytes) placeholder = g_bytes_new_static ("x", 1);
  g_autofree char *key = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *download_path = g_build_filename (tmp_dir, "exported-copy.vmdk", NULL);
  g_autoptr(GFile) download = g_file_new_for_path (download_path);
  g_autofree char *downloaded = NULL;
  AmigoVmRoleRow *role_row;
  AmigoTask *task;

  post ("/amigo-test/vm-import", "application/json", g_bytes_new_static ("{\"step_seconds\": 0.1}", 21));
  post ("/amigo-test/s3-object?bucket=amigo-ui-exports&key=placeholder&region=" REGION,
        "application/octet-stream", placeholder);
  g_ptr_array_add (images, g_object_ref (image));
  context = amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (), REGION,
                                      images, manager);

  /* Export */
  export = g_object_ref_sink (amigo_export_image_dialog_new (NULL, context));
  gtk_window_present (export);
  role_row = AMIGO_VM_ROLE_ROW (amigo_test_ui_find (export, "role_row"));
  amigo_test_ui_set_text (amigo_test_ui_find (export, "bucket_row"), "amigo-ui-exports");
  amigo_test_ui_set_text (amigo_test_ui_find (export, "prefix_row"), "exports/");
  amigo_test_ui_wait_until (role_row_has_button, role_row, WAIT_SECONDS, "the bucket found not allowed");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (role_row, "fix_button"))), ==,
                   "_Allow Bucket");
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (export, "start_button")));
  amigo_test_ui_click (amigo_test_ui_find (role_row, "fix_button"));
  AMIGO_TEST_WAIT_FOR (amigo_vm_role_row_get_ready (role_row), WAIT_SECONDS);
  /* A copy on this computer too, once AWS is done. */
  amigo_export_image_dialog_set_download_file (export, download);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (export, "download_row"))), ==,
                   download_path);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (export, "download_clear_button")));
  amigo_test_ui_settle ();
  amigo_test_ui_maybe_screenshot (export, "export-dialog.png");
  amigo_test_ui_click (amigo_test_ui_find (export, "start_button"));
  AMIGO_TEST_WAIT_FOR (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (export)), WAIT_SECONDS);
  task = only_new_task (manager, 0);
  g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_EXPORT_IMAGE);
  g_assert_true (g_str_has_prefix (amigo_task_get_resource_ids (task)[1], "s3://amigo-ui-exports/exports/export-ami-"));
  g_assert_true (g_str_has_suffix (amigo_task_get_resource_ids (task)[1], ".vmdk"));
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  downloaded = g_strdup_printf ("Downloaded to %s", download_path);
  g_assert_cmpstr (amigo_task_get_message (task), ==, downloaded);
  g_assert_true (g_file_test (download_path, G_FILE_TEST_IS_REGULAR));
  outcome = amigo_task_dup_outcome (task);
  g_assert_nonnull (strstr (outcome, amigo_task_get_resource_ids (task)[1]));
  {
    GtkWidget *row = g_object_ref_sink (amigo_task_row_new (task));

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (row, "result_button"))), ==,
                     "Copy Location");
    g_object_unref (row);
  }

  /* Store */
  store = g_object_ref_sink (amigo_store_image_dialog_new (NULL, context));
  gtk_window_present (store);
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (store, "start_button")));
  amigo_test_ui_set_text (amigo_test_ui_find (store, "bucket_row"), "amigo-ui-exports");
  amigo_test_ui_settle ();
  amigo_test_ui_maybe_screenshot (store, "store-dialog.png");
  amigo_test_ui_click (amigo_test_ui_find (store, "start_button"));
  AMIGO_TEST_WAIT_FOR (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (store)), WAIT_SECONDS);
  task = only_new_task (manager, 1);
  g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_STORE_IMAGE);
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  key = g_strconcat (image_id, ".bin", NULL);
  g_assert_true (g_str_has_suffix (amigo_task_get_resource_ids (task)[1], key));

  /* Restore, under a new name */
  region_context = amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (), REGION,
                                             NULL, manager);
  restore = g_object_ref_sink (amigo_restore_image_dialog_new (NULL, region_context));
  gtk_window_present (restore);
  amigo_test_ui_set_text (amigo_test_ui_find (restore, "bucket_row"), "amigo-ui-exports");
  amigo_test_ui_set_text (amigo_test_ui_find (restore, "key_row"), key);
  amigo_test_ui_set_text (amigo_test_ui_find (restore, "name_row"), "x");
  amigo_test_ui_settle ();
  /* Too short a name: AMI names have 3 to 128 characters. */
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (restore, "start_button")));
  amigo_test_ui_set_text (amigo_test_ui_find (restore, "name_row"), "Amigo UI restored image");
  amigo_test_ui_settle ();
  amigo_test_ui_maybe_screenshot (restore, "restore-dialog.png");
  amigo_test_ui_click (amigo_test_ui_find (restore, "start_button"));
  AMIGO_TEST_WAIT_FOR (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (restore)), WAIT_SECONDS);
  task = only_new_task (manager, 2);
  g_assert_cmpint (amigo_task_get_kind (task), ==, AMIGO_TASK_KIND_RESTORE_IMAGE);
  AMIGO_TEST_WAIT_FOR (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING, WAIT_SECONDS);
  g_assert_cmpint (amigo_task_get_state (task), ==, AMIGO_TASK_STATE_SUCCEEDED);
  g_clear_object (&image);
  image = amigo_test_ui_get_image (ec2, amigo_task_get_resource_ids (task)[0]);
  g_assert_cmpstr (amigo_image_get_name (image), ==, "Amigo UI restored image");
}

/* A file that is no disk image is said so before anything is sent. */
static void
test_not_a_disk (void)
{
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "notes.vmdk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *subtitle;

  g_file_set_contents (path, "my notes\n", -1, &error);
  g_assert_no_error (error);
  dialog = g_object_ref_sink (amigo_import_image_dialog_new (NULL, context));
  gtk_window_present (dialog);
  amigo_import_image_dialog_set_file (AMIGO_IMPORT_IMAGE_DIALOG (dialog), file);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "file_row")));
  g_assert_nonnull (strstr (subtitle, "not a disk image"));
  /* Its name still picks the format. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "format_row"))), ==, 1);
  gtk_window_destroy (dialog);
}

/* Every control has a name a screen reader can say. */
static void
test_accessible_names (void)
{
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autoptr(GtkWindow) dialog = g_object_ref_sink (amigo_import_image_dialog_new (NULL, context));
  const char *ids[] = { "choose_button", "format_row", "bucket_row", "list_button", "key_row", "role_row",
                        "description_row", "architecture_row", "boot_mode_row", "license_row",
                        "encryption_switch", "method_row", "name_row" };

  gtk_window_present (dialog);
  amigo_test_ui_settle ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *widget = amigo_test_ui_find (dialog, ids[i]);

      g_assert_true (gtk_widget_get_focusable (widget) || gtk_widget_get_can_focus (widget));
    }
  gtk_window_destroy (dialog);
}

int
main (int    argc,
      char **argv)
{
  int status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;
  tmp_dir = g_dir_make_tmp ("amigo-ui-vmimport-XXXXXX", NULL);

  g_test_add_func ("/ui/vmimport/import-dialog", test_import_dialog);
  g_test_add_func ("/ui/vmimport/import-dialog-snapshot", test_import_dialog_snapshot);
  g_test_add_func ("/ui/vmimport/import-resumed", test_import_resumed);
  g_test_add_func ("/ui/vmimport/import-cancelled-mid-upload", test_import_cancelled_mid_upload);
  g_test_add_func ("/ui/vmimport/export-store-restore", test_export_store_restore);
  g_test_add_func ("/ui/vmimport/not-a-disk", test_not_a_disk);
  g_test_add_func ("/ui/vmimport/bucket-picker", test_bucket_picker);
  g_test_add_func ("/ui/vmimport/accessible", test_accessible_names);

  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
