/* test-ui-create.c — the Create Image and Register Image dialogs, for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside moto-harness.sh and run-with-xvfb.sh: the dialogs are real
 * windows acting for the "Environment" account against moto (signatures
 * checked). Each test fills the widgets as a person would, presses the
 * primary button, and then asks EC2 (not the dialog) what happened.
 * Validation tests show that each invalid field blocks the button with a
 * message, and that nothing was made.
 *
 * With AMIGO_SCREENSHOT_DIR set, the dialogs are saved as
 * create-image.png, create-image-refused.png (the error banner) and
 * register-image.png.
 */
#include "config.h"

#include <string.h>

#include "amigo-actions.h"
#include "amigo-create-image-dialog.h"
#include "amigo-image-form.h"
#include "amigo-register-image-dialog.h"
#include "amigo-tag-row.h"
#include "amigo-tags-editor.h"
#include "amigo-test-ui.h"
#include "amigo-volume-row.h"

#define REGION "us-east-1"
#define WAIT_SECONDS 60

/* ---- helpers --------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
describe_own_images (AmigoEc2 *ec2)
{
  static const char * const self_owner[] = { "self", NULL };
  AmigoDescribeImagesRequest request = { .owners = self_owner };

  return amigo_test_ui_describe_images (ec2, &request);
}

static guint
count_own_images (AmigoEc2 *ec2)
{
  g_autoptr(GPtrArray) images = describe_own_images (ec2);

  return images->len;
}

static AmigoSnapshot *
get_snapshot (AmigoEc2   *ec2,
              const char *snapshot_id)
{
  const char *ids[] = { snapshot_id, NULL };
  AmigoDescribeSnapshotsRequest request = { .snapshot_ids = ids };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_snapshots_async (ec2, &request, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  snapshots = amigo_ec2_describe_snapshots_finish (ec2, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  return g_object_ref (g_ptr_array_index (snapshots, 0));
}

static AmigoInstance *
get_instance (AmigoEc2   *ec2,
              const char *instance_id)
{
  const char *ids[] = { instance_id, NULL };
  AmigoEc2ListRequest request = { .ids = ids };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_instances_async (ec2, &request, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  instances = amigo_ec2_describe_instances_finish (ec2, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_object_ref (g_ptr_array_index (instances, 0));
}

static const char *
tag_value (const AmigoTag *tags,
           guint           n_tags,
           const char     *key)
{
  for (guint i = 0; i < n_tags; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value ? tags[i].value : "";
  return NULL;
}

static const AmigoBlockDeviceMapping *
find_mapping (AmigoImage *image,
              const char *device)
{
  guint n = 0;
  const AmigoBlockDeviceMapping *mappings = amigo_image_get_block_device_mappings (image, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (mappings[i].device_name, device) == 0)
      return &mappings[i];
  return NULL;
}

/* As a click does: gtk_widget_activate() does nothing on a button that is
 * not realized, and most of these dialogs are never shown. */
static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static void
on_toast_cb (AmigoActionContext *context,
             const char         *text,
             gpointer            user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup (text);
}

static void
on_changed_cb (AmigoActionContext *context,
               gpointer            user_data)
{
  (*(guint *) user_data)++;
}

/* ---- the create dialog ----------------------------------------------- */

/* The volume rows, in list order. */
static GPtrArray *
volume_rows (AmigoCreateImageDialog *dialog)
{
  return amigo_test_ui_find_all (amigo_test_ui_find (dialog, "volumes_list"), AMIGO_TYPE_VOLUME_ROW);
}

static guint
n_volumes (AmigoCreateImageDialog *dialog)
{
  g_autoptr(GPtrArray) rows = volume_rows (dialog);

  return rows->len;
}

static AmigoCreateImageDialog *
open_create_dialog (AmigoActionContext *context,
                    const char         *instance_id)
{
  AmigoCreateImageDialog *dialog;
  GPtrArray *instances;
  guint index = G_MAXUINT;

  dialog = AMIGO_CREATE_IMAGE_DIALOG (amigo_create_image_dialog_new (NULL, context));
  g_object_ref_sink (dialog);
  AMIGO_TEST_WAIT_FOR (!amigo_create_image_dialog_get_loading_instances (dialog), WAIT_SECONDS);
  g_assert_null (amigo_create_image_dialog_get_instances_error (dialog));

  instances = amigo_create_image_dialog_get_instances (dialog);
  for (guint i = 0; i < instances->len; i++)
    if (g_strcmp0 (amigo_instance_get_instance_id (g_ptr_array_index (instances, i)),
                   instance_id) == 0)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "instance_row")), index);
  AMIGO_TEST_WAIT_FOR (!amigo_create_image_dialog_get_loading_volumes (dialog) && n_volumes (dialog) > 0, WAIT_SECONDS);
  g_assert_null (amigo_create_image_dialog_get_volumes_error (dialog));
  return dialog;
}

static AmigoVolumeRow *
volume_at (AmigoCreateImageDialog *dialog,
           guint                   index)
{
  g_autoptr(GPtrArray) rows = volume_rows (dialog);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static gboolean
volume_is_root (AmigoCreateImageDialog *dialog,
                AmigoVolumeRow         *row)
{
  return amigo_create_image_dialog_is_root_volume (dialog, GTK_WIDGET (row));
}

/* The rows of a tags editor, in order. */
static GPtrArray *
tag_rows (AmigoTagsEditor *editor)
{
  return amigo_test_ui_find_all (editor, AMIGO_TYPE_TAG_ROW);
}

static guint
n_tag_rows (AmigoTagsEditor *editor)
{
  g_autoptr(GPtrArray) rows = tag_rows (editor);

  return rows->len;
}

static AmigoTagRow *
tag_row_at (AmigoTagsEditor *editor,
            guint            index)
{
  g_autoptr(GPtrArray) rows = tag_rows (editor);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkButton *
tags_add_button (AmigoTagsEditor *editor)
{
  return GTK_BUTTON (amigo_test_ui_find (editor, "add_button"));
}

static void
add_tag (AmigoTagsEditor *editor,
         const char      *key,
         const char      *value)
{
  guint n = n_tag_rows (editor);

  click (tags_add_button (editor));
  g_assert_cmpuint (n_tag_rows (editor), ==, n + 1);
  amigo_test_ui_set_text (amigo_tag_row_get_key_entry (tag_row_at (editor, n)), key);
  amigo_test_ui_set_text (amigo_tag_row_get_value_entry (tag_row_at (editor, n)), value);
}

static void
test_create_from_instance (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *instance_id = amigo_test_ui_run_instance (ec2, "web-1");
  g_autoptr(AmigoInstance) instance = get_instance (ec2, instance_id);
  g_autoptr(AmigoCreateImageDialog) dialog = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoSnapshot) root_snapshot = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *label = NULL;
  const char *root_device = amigo_instance_get_root_device_name (instance);
  const AmigoBlockDeviceMapping *root;
  const AmigoBlockDeviceMapping *added;
  AmigoVolumeRow *volume;
  guint n_tags = 0;
  const AmigoTag *tags;
  guint changed = 0;
  guint before = count_own_images (ec2);

  g_signal_connect (context, "toast", G_CALLBACK (on_toast_cb), &toast);
  g_signal_connect (context, "changed", G_CALLBACK (on_changed_cb), &changed);

  dialog = open_create_dialog (context, instance_id);

  /* The instance as the person sees it */
  label = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "instance_row"));
  g_assert_nonnull (strstr (label, "web-1 — "));
  g_assert_nonnull (strstr (label, instance_id));
  g_assert_nonnull (strstr (label, "t3.micro"));

  /* Prefilled from the instance: its root volume, 8 GiB gp2 in moto */
  g_assert_cmpuint (n_volumes (dialog), ==, 1);
  volume = volume_at (dialog, 0);
  g_assert_true (volume_is_root (dialog, volume));
  g_assert_cmpstr (amigo_volume_row_get_device (volume), ==, root_device);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (amigo_volume_row_get_size_spin (volume)), ==, 8);
  g_assert_cmpstr (amigo_image_form_get_volume_type (adw_combo_row_get_selected (amigo_volume_row_get_type_row (volume))), ==, "gp2");
  g_assert_null (amigo_volume_row_get_remove_button (volume));
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")));

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "web-1 (2026-11) [test] @amigo");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "description_row"), "Web server, made by test-ui-create");
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "no_reboot_switch")), TRUE);
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "Team", "web");
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "Cost Center", "42");
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "tag_snapshots_switch")), TRUE);

  /* The instance's root volume keeps its size and type: CreateImage can
   * only change whether it is deleted on termination. Shown, not editable,
   * with the reason. */
  g_assert_true (amigo_volume_row_get_fixed (volume));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (amigo_volume_row_get_size_spin (volume))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (amigo_volume_row_get_size_spin (volume))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (amigo_volume_row_get_type_row (volume))));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (amigo_volume_row_get_delete_switch (volume))));
  {
    g_autofree char *shown = amigo_test_ui_collect_text (GTK_WIDGET (volume));

    g_assert_nonnull (strstr (shown, "modify it on the instance first"));
  }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (volume), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 1000);
  amigo_test_ui_maybe_screenshot (dialog, "create-image-existing-volume.png");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (volume), FALSE);

  /* A data volume is added, new: its size and type are free; a second one
   * added and removed again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create-image.add-volume", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create-image.add-volume", NULL);
  g_assert_cmpuint (n_volumes (dialog), ==, 3);
  g_assert_cmpstr (amigo_volume_row_get_device (volume_at (dialog, 1)), ==, "/dev/sdf");
  g_assert_cmpstr (amigo_volume_row_get_device (volume_at (dialog, 2)), ==, "/dev/sdg");
  click (amigo_volume_row_get_remove_button (volume_at (dialog, 2)));
  g_assert_cmpuint (n_volumes (dialog), ==, 2);
  g_assert_cmpuint (amigo_create_image_dialog_get_left_out (dialog)->len, ==, 0);
  volume = volume_at (dialog, 1);
  g_assert_false (amigo_volume_row_get_fixed (volume));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (amigo_volume_row_get_size_spin (volume))));
  gtk_spin_button_set_value (amigo_volume_row_get_size_spin (volume), 20);
  adw_combo_row_set_selected (amigo_volume_row_get_type_row (volume), amigo_image_form_find_volume_type ("st1"));
  /* st1 volumes start at 125 GiB: refused until the size fits */
  g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")));
  adw_combo_row_set_selected (amigo_volume_row_get_type_row (volume), amigo_image_form_find_volume_type ("gp3"));
  gtk_switch_set_active (amigo_volume_row_get_delete_switch (volume), FALSE);

  /* The name is free: the check while typing says so. */
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_create_image_dialog_get_free_name (dialog), "web-1 (2026-11) [test] @amigo") == 0, WAIT_SECONDS);
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == amigo_test_ui_find (dialog, "create_button"));

  /* The screen is 1000 pixels high: the added volume folded, the tags show. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (volume_at (dialog, 1)), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 1000);
  amigo_test_ui_maybe_screenshot (dialog, "create-image.png");

  click (GTK_BUTTON (amigo_test_ui_find (dialog, "create_button")));
  AMIGO_TEST_WAIT_FOR (amigo_create_image_dialog_get_created_image_id (dialog) != NULL, WAIT_SECONDS);
  AMIGO_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (dialog)), WAIT_SECONDS);
  g_assert_cmpstr (toast, ==, "Creating image “web-1 (2026-11) [test] @amigo”…");
  g_assert_cmpuint (changed, ==, 1);

  /* What EC2 has now */
  g_assert_cmpuint (count_own_images (ec2), ==, before + 1);
  image = amigo_test_ui_get_image (ec2, amigo_create_image_dialog_get_created_image_id (dialog));
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, "web-1 (2026-11) [test] @amigo");
  g_assert_cmpstr (amigo_image_get_description (image), ==, "Web server, made by test-ui-create");
  g_assert_cmpstr (amigo_image_get_source_instance_id (image), ==, instance_id);
  tags = amigo_image_get_tags (image, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpstr (tag_value (tags, n_tags, "Team"), ==, "web");
  g_assert_cmpstr (tag_value (tags, n_tags, "Cost Center"), ==, "42");

  root = find_mapping (image, root_device);
  g_assert_nonnull (root);
  g_assert_true (root->has_ebs);
  g_assert_cmpint (root->ebs.volume_size, ==, 8);
  g_assert_nonnull (root->ebs.snapshot_id);
  added = find_mapping (image, "/dev/sdf");
  g_assert_nonnull (added);
  g_assert_true (added->has_ebs);
  g_assert_cmpint (added->ebs.volume_size, ==, 20);
  g_assert_cmpstr (added->ebs.volume_type, ==, "gp3");
  g_assert_cmpint (added->ebs.delete_on_termination, ==, AMIGO_TRISTATE_FALSE);
  g_assert_null (find_mapping (image, "/dev/sdg"));

  /* The snapshot of the root volume carries the tags too. */
  root_snapshot = get_snapshot (ec2, root->ebs.snapshot_id);
  tags = amigo_snapshot_get_tags (root_snapshot, &n_tags);
  g_assert_cmpstr (tag_value (tags, n_tags, "Team"), ==, "web");
  g_assert_cmpstr (tag_value (tags, n_tags, "Cost Center"), ==, "42");
  g_assert_cmpint (amigo_snapshot_get_volume_size (root_snapshot), ==, 8);
}

/* An instance with a data volume on /dev/sdb, besides its root volume. */
static char *
run_instance_with_data_volume (AmigoEc2 *ec2)
{
  static const char * const amazon[] = { "amazon", NULL };
  static const char * const x86[] = { "x86_64", NULL };
  static const char * const ebs[] = { "ebs", NULL };
  AmigoEc2Filter filters[] = { { "architecture", x86 }, { "root-device-type", ebs } };
  AmigoDescribeImagesRequest images_request = { .owners = amazon, .filters = filters, .n_filters = 2 };
  g_autoptr(GPtrArray) images = amigo_test_ui_describe_images (ec2, &images_request);
  AmigoBlockDeviceMapping data = { 0 };
  AmigoRunInstancesRequest request = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  data.device_name = (char *) "/dev/sdb";
  data.has_ebs = TRUE;
  data.ebs.volume_size = 10;
  data.ebs.volume_type = (char *) "gp3";
  data.ebs.iops = -1;
  data.ebs.throughput = -1;
  data.ebs.delete_on_termination = AMIGO_TRISTATE_TRUE;
  data.ebs.encrypted = AMIGO_TRISTATE_UNSET;

  g_assert_cmpuint (images->len, >, 0);
  request.image_id = amigo_image_get_image_id (g_ptr_array_index (images, 0));
  request.instance_type = "t3.micro";
  request.block_device_mappings = &data;
  request.n_block_device_mappings = 1;
  amigo_ec2_run_instances_async (ec2, &request, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  instances = amigo_ec2_run_instances_finish (ec2, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

/* A volume of the instance removed in the dialog is left out of the image
 * (NoDevice); the others are snapshotted as they are. */
static void
test_create_leave_out_volume (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *instance_id = run_instance_with_data_volume (ec2);
  g_autoptr(AmigoInstance) instance = get_instance (ec2, instance_id);
  g_autoptr(AmigoCreateImageDialog) dialog = open_create_dialog (context, instance_id);
  g_autoptr(AmigoImage) image = NULL;
  g_autofree char *shown = NULL;
  const char *root_device = amigo_instance_get_root_device_name (instance);
  AmigoVolumeRow *data = NULL;
  const AmigoBlockDeviceMapping *root;

  g_assert_cmpuint (n_volumes (dialog), ==, 2);
  g_assert_true (volume_is_root (dialog, volume_at (dialog, 0)));
  data = volume_at (dialog, 1);
  g_assert_cmpstr (amigo_volume_row_get_device (data), ==, "/dev/sdb");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (amigo_volume_row_get_size_spin (data)), ==, 10);
  g_assert_cmpstr (amigo_image_form_get_volume_type (adw_combo_row_get_selected (amigo_volume_row_get_type_row (data))), ==, "gp3");
  g_assert_true (gtk_switch_get_active (amigo_volume_row_get_delete_switch (data)));

  click (amigo_volume_row_get_remove_button (data));
  g_assert_cmpuint (n_volumes (dialog), ==, 1);
  shown = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "volumes_message"));
  g_assert_nonnull (strstr (shown, "Left out of the image: /dev/sdb"));

  /* An added volume takes the next free name: /dev/sdb stays reserved. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create-image.add-volume", NULL);
  g_assert_cmpstr (amigo_volume_row_get_device (volume_at (dialog, 1)), ==, "/dev/sdf");
  click (amigo_volume_row_get_remove_button (volume_at (dialog, 1)));

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "without-data-volume");
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")), WAIT_SECONDS);
  click (GTK_BUTTON (amigo_test_ui_find (dialog, "create_button")));
  AMIGO_TEST_WAIT_FOR (amigo_create_image_dialog_get_created_image_id (dialog) != NULL, WAIT_SECONDS);

  image = amigo_test_ui_get_image (ec2, amigo_create_image_dialog_get_created_image_id (dialog));
  g_assert_nonnull (image);
  g_assert_null (find_mapping (image, "/dev/sdb"));
  g_assert_null (find_mapping (image, "/dev/sdf"));
  root = find_mapping (image, root_device);
  g_assert_nonnull (root);
  /* Unchanged: the volume's own size, sent as nothing at all */
  g_assert_cmpint (root->ebs.volume_size, ==, 8);
}

/* Each case breaks one field of an otherwise valid dialog. */
typedef struct {
  const char *name;
  void (*apply) (AmigoCreateImageDialog *dialog,
                 const char             *taken_name);
  const char *message;          /* a part of what the dialog shows */
} CreateInvalidCase;

static void
short_name (AmigoCreateImageDialog *dialog,
            const char             *taken_name)
{
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "ab");
}

static void
bad_characters (AmigoCreateImageDialog *dialog,
                const char             *taken_name)
{
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "web#1: *nightly*");
}

static void
duplicate_name (AmigoCreateImageDialog *dialog,
                const char             *taken_name)
{
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), taken_name);
  /* The check runs once typing pauses. */
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_create_image_dialog_get_taken_name (dialog), taken_name) == 0, WAIT_SECONDS);
}

static void
smaller_volume (AmigoCreateImageDialog *dialog,
                const char             *taken_name)
{
  gtk_spin_button_set_value (amigo_volume_row_get_size_spin (volume_at (dialog, 0)), 4);
}

static void
duplicate_tag_keys (AmigoCreateImageDialog *dialog,
                    const char             *taken_name)
{
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "Team", "web");
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "Team", "ops");
}

static void
aws_tag_key (AmigoCreateImageDialog *dialog,
             const char             *taken_name)
{
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "AWS:CreatedBy", "me");
}

static void
io1_without_enough_size (AmigoCreateImageDialog *dialog,
                         const char             *taken_name)
{
  AmigoVolumeRow *volume;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "create-image.add-volume", NULL);
  volume = volume_at (dialog, 1);
  gtk_spin_button_set_value (amigo_volume_row_get_size_spin (volume), 4);
  adw_combo_row_set_selected (amigo_volume_row_get_type_row (volume), amigo_image_form_find_volume_type ("io1"));
  gtk_spin_button_set_value (amigo_volume_row_get_iops_spin (volume), 1000);
}

static const CreateInvalidCase create_invalid_cases[] = {
  { "short-name", short_name, "3 to 128 characters" },
  { "bad-characters", bad_characters, "may only hold letters" },
  { "duplicate-name", duplicate_name, "You already have an image called" },
  { "size-below-current", smaller_volume, "can’t be smaller than its current 8 GiB" },
  { "duplicate-tag-keys", duplicate_tag_keys, "The key “Team” is used twice" },
  { "aws-tag-key", aws_tag_key, "reserved for AWS" },
  { "io1-iops-per-gib", io1_without_enough_size, "takes 100 to 200 IOPS" },
};

static void
test_create_validation (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *instance_id = amigo_test_ui_run_instance (ec2, "validation-1");
  g_autofree char *taken_id = amigo_test_ui_create_image (ec2, instance_id, "taken-name-1");
  guint before = count_own_images (ec2);

  for (guint i = 0; i < G_N_ELEMENTS (create_invalid_cases); i++)
    {
      const CreateInvalidCase *c = &create_invalid_cases[i];
      g_autoptr(AmigoCreateImageDialog) dialog = open_create_dialog (context, instance_id);
      g_autofree char *problems = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *name = g_strdup_printf ("valid-name-%s", c->name);

      g_test_message ("case %s", c->name);
      amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), name);
      g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")));

      c->apply (dialog, "taken-name-1");
      problems = amigo_create_image_dialog_dup_problems (dialog);
      g_assert_nonnull (strstr (problems, c->message));
      g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")));
      /* ... in a label the person can read */
      shown = amigo_test_ui_collect_text (adw_window_get_content (ADW_WINDOW (dialog)));
      g_assert_nonnull (strstr (shown, c->message));

      /* Asking anyway (a shortcut, a stale menu) sends nothing. */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "create-image.create", NULL);
      g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
      gtk_window_close (GTK_WINDOW (dialog));
    }

  g_assert_cmpuint (count_own_images (ec2), ==, before);
}

/* EC2's own refusal reaches the dialog, which keeps the fields. */
static void
test_create_refused (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *instance_id = amigo_test_ui_run_instance (ec2, "refused-1");
  g_autoptr(AmigoCreateImageDialog) dialog = open_create_dialog (context, instance_id);
  guint before = count_own_images (ec2);
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "refused-image");
  /* The instance goes away behind the dialog's back. */
  g_object_set (g_ptr_array_index (amigo_create_image_dialog_get_instances (dialog), adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "instance_row")))),
                "instance-id", "i-00000000000000000", NULL);
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "create_button")), WAIT_SECONDS);

  click (GTK_BUTTON (amigo_test_ui_find (dialog, "create_button")));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)) && amigo_action_dialog_get_problem (AMIGO_ACTION_DIALOG (dialog)) != NULL, WAIT_SECONDS);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "error_group")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  amigo_test_ui_maybe_screenshot (dialog, "create-image-refused.png");
  text = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "error_group"));
  g_assert_nonnull (strstr (text, "i-00000000000000000"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row"))), ==, "refused-image");
  g_assert_null (amigo_create_image_dialog_get_created_image_id (dialog));
  g_assert_cmpuint (count_own_images (ec2), ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* ---- the register dialog --------------------------------------------- */

static AmigoRegisterImageDialog *
open_register_dialog (AmigoActionContext *context)
{
  AmigoRegisterImageDialog *dialog;

  dialog = AMIGO_REGISTER_IMAGE_DIALOG (amigo_register_image_dialog_new (NULL, context));
  g_object_ref_sink (dialog);
  AMIGO_TEST_WAIT_FOR (!amigo_register_image_dialog_get_loading_snapshots (dialog), WAIT_SECONDS);
  g_assert_null (amigo_register_image_dialog_get_snapshots_error (dialog));
  return dialog;
}

static void
select_snapshot (AmigoRegisterImageDialog *dialog,
                 const char               *snapshot_id)
{
  GPtrArray *snapshots = amigo_register_image_dialog_get_snapshots (dialog);
  guint index = G_MAXUINT;

  for (guint i = 0; i < snapshots->len; i++)
    if (g_strcmp0 (amigo_snapshot_get_snapshot_id (g_ptr_array_index (snapshots, i)),
                   snapshot_id) == 0)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "snapshot_row")), index);
}

/* The position of @label among the choices of the combo row @id. */
static guint
choice (AmigoRegisterImageDialog *dialog,
        const char               *id,
        const char               *label)
{
  GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (amigo_test_ui_find (dialog, id)));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), label) == 0)
      return i;
  g_error ("%s offers no “%s”", id, label);
}

/* The root snapshot of a fresh image of a fresh instance: 8 GiB. */
static char *
make_snapshot (AmigoEc2   *ec2,
               const char *name)
{
  g_autofree char *instance_id = amigo_test_ui_run_instance (ec2, name);
  g_autofree char *image_name = g_strconcat (name, "-source", NULL);
  g_autofree char *image_id = amigo_test_ui_create_image (ec2, instance_id, image_name);
  g_autoptr(AmigoImage) image = amigo_test_ui_get_image (ec2, image_id);
  guint n = 0;
  const AmigoBlockDeviceMapping *mappings = amigo_image_get_block_device_mappings (image, &n);

  g_assert_cmpuint (n, >=, 1);
  g_assert_nonnull (mappings[0].ebs.snapshot_id);
  return g_strdup (mappings[0].ebs.snapshot_id);
}

static void
test_register_from_snapshot (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *snapshot_id = make_snapshot (ec2, "register-1");
  g_autoptr(AmigoRegisterImageDialog) dialog = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autofree char *toast = NULL;
  const AmigoBlockDeviceMapping *root;
  guint n_tags = 0;
  const AmigoTag *tags;
  guint before = count_own_images (ec2);

  g_signal_connect (context, "toast", G_CALLBACK (on_toast_cb), &toast);
  dialog = open_register_dialog (context);
  select_snapshot (dialog, snapshot_id);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "size_spin"))), ==, 8);

  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "registered-arm64");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "description_row"), "From a snapshot");
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "architecture_row")), choice (dialog, "architecture_row", "arm64"));
  /* The boot mode follows the architecture until chosen: arm64 is UEFI. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "boot_mode_row"))), ==, choice (dialog, "boot_mode_row", "UEFI"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "boot_mode_row")), choice (dialog, "boot_mode_row", "UEFI Preferred"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "architecture_row")), choice (dialog, "architecture_row", "x86_64"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "boot_mode_row"))), ==, choice (dialog, "boot_mode_row", "UEFI Preferred"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "architecture_row")), choice (dialog, "architecture_row", "arm64"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "boot_mode_row")), choice (dialog, "boot_mode_row", "UEFI"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "root_device_row"))), ==, "/dev/xvda");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "size_spin")), 16);
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "volume_type_row")), amigo_image_form_find_volume_type ("gp3"));
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "ena_switch")), TRUE);
  add_tag (AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor")), "Source", "snapshot");

  AMIGO_TEST_WAIT_FOR (g_strcmp0 (amigo_register_image_dialog_get_free_name (dialog), "registered-arm64") == 0, WAIT_SECONDS);
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "register_button")));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 1000);
  amigo_test_ui_maybe_screenshot (dialog, "register-image.png");

  click (GTK_BUTTON (amigo_test_ui_find (dialog, "register_button")));
  AMIGO_TEST_WAIT_FOR (amigo_register_image_dialog_get_registered_image_id (dialog) != NULL, WAIT_SECONDS);
  AMIGO_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (dialog)), WAIT_SECONDS);
  g_assert_cmpstr (toast, ==, "Registering image “registered-arm64”…");

  g_assert_cmpuint (count_own_images (ec2), ==, before + 1);
  image = amigo_test_ui_get_image (ec2, amigo_register_image_dialog_get_registered_image_id (dialog));
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, "registered-arm64");
  g_assert_cmpstr (amigo_image_get_description (image), ==, "From a snapshot");
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "arm64");
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi");
  g_assert_cmpstr (amigo_image_get_virtualization_type (image), ==, "hvm");
  g_assert_true (amigo_image_get_ena_support (image));
  g_assert_cmpstr (amigo_image_get_root_device_type (image), ==, "ebs");
  g_assert_cmpstr (amigo_image_get_root_device_name (image), ==, "/dev/xvda");
  root = find_mapping (image, "/dev/xvda");
  g_assert_nonnull (root);
  g_assert_cmpstr (root->ebs.snapshot_id, ==, snapshot_id);
  g_assert_cmpint (root->ebs.volume_size, ==, 16);
  g_assert_cmpstr (root->ebs.volume_type, ==, "gp3");
  g_assert_cmpint (root->ebs.delete_on_termination, ==, AMIGO_TRISTATE_TRUE);
  tags = amigo_image_get_tags (image, &n_tags);
  g_assert_cmpstr (tag_value (tags, n_tags, "Source"), ==, "snapshot");
}

static void
test_register_from_manifest (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autoptr(AmigoRegisterImageDialog) dialog = open_register_dialog (context);
  g_autoptr(AmigoImage) image = NULL;
  guint n = 0;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (amigo_test_ui_find (dialog, "manifest_toggle")), TRUE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (amigo_test_ui_find (dialog, "manifest_toggle"))));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "manifest_page")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "snapshot_page")));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), "bundle-image");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "manifest_row"), "amigo-test-bucket/images/web.manifest.xml");
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "architecture_row")), choice (dialog, "architecture_row", "x86_64"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "virtualization_row")), choice (dialog, "virtualization_row", "Paravirtual"));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "kernel_row")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "boot_mode_row")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "ena_row")));

  /* Enter in a field presses the default button. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "register-image.register", NULL);
  AMIGO_TEST_WAIT_FOR (amigo_register_image_dialog_get_registered_image_id (dialog) != NULL, WAIT_SECONDS);

  image = amigo_test_ui_get_image (ec2, amigo_register_image_dialog_get_registered_image_id (dialog));
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_image_location (image), ==, "amigo-test-bucket/images/web.manifest.xml");
  g_assert_cmpstr (amigo_image_get_root_device_type (image), ==, "instance-store");
  g_assert_cmpstr (amigo_image_get_virtualization_type (image), ==, "paravirtual");
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "x86_64");
  amigo_image_get_block_device_mappings (image, &n);
  g_assert_cmpuint (n, ==, 0);
}

typedef struct {
  const char *name;
  void (*apply) (AmigoRegisterImageDialog *dialog,
                 const char               *value);
  const char *value;
  const char *message;
} RegisterInvalidCase;

static void
set_manifest (AmigoRegisterImageDialog *dialog,
              const char               *value)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (amigo_test_ui_find (dialog, "manifest_toggle")), TRUE);
  /* Typed, then corrected: as a person does */
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "manifest_row"), "a");
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "manifest_row"), value);
}

static void
set_root_size (AmigoRegisterImageDialog *dialog,
               const char               *value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "size_spin")), g_ascii_strtod (value, NULL));
}

static void
set_root_device (AmigoRegisterImageDialog *dialog,
                 const char               *value)
{
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "root_device_row"), value);
}

static void
arm64_with_bios (AmigoRegisterImageDialog *dialog,
                 const char               *value)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "architecture_row")), choice (dialog, "architecture_row", "arm64"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "boot_mode_row")), choice (dialog, "boot_mode_row", "Legacy BIOS"));
}

static void
paravirtual_with_ena (AmigoRegisterImageDialog *dialog,
                      const char               *value)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "virtualization_row")), choice (dialog, "virtualization_row", "Paravirtual"));
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "ena_switch")), TRUE);
}

static void
bad_kernel (AmigoRegisterImageDialog *dialog,
            const char               *value)
{
  set_manifest (dialog, "amigo-test-bucket/web.manifest.xml");
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "virtualization_row")), choice (dialog, "virtualization_row", "Paravirtual"));
  amigo_test_ui_set_text (amigo_test_ui_find (dialog, "kernel_row"), value);
}

static const RegisterInvalidCase register_invalid_cases[] = {
  { "manifest-empty", set_manifest, "", "Enter where the manifest is" },
  { "manifest-scheme", set_manifest, "s3://amigo-test-bucket/web.manifest.xml", "Leave out" },
  { "manifest-upper-bucket", set_manifest, "Amigo-Bucket/web.manifest.xml", "start with a bucket name" },
  { "manifest-short-bucket", set_manifest, "ab/web.manifest.xml", "start with a bucket name" },
  { "manifest-no-bucket", set_manifest, "web.manifest.xml", "start with a bucket name" },
  { "manifest-dots", set_manifest, "amigo..bucket/web.manifest.xml", "start with a bucket name" },
  { "manifest-no-path", set_manifest, "amigo-test-bucket/", "After the bucket name" },
  { "manifest-suffix", set_manifest, "amigo-test-bucket/images/web.xml", "ends in “.manifest.xml”" },
  { "manifest-bare-suffix", set_manifest, "amigo-test-bucket/images/.manifest.xml", "ends in “.manifest.xml”" },
  { "size-below-snapshot", set_root_size, "4", "can’t be smaller than its current 8 GiB" },
  { "root-device", set_root_device, "xvda", "Enter the root device name" },
  { "arm64-bios", arm64_with_bios, NULL, "Arm64 images boot with UEFI" },
  { "paravirtual-ena", paravirtual_with_ena, NULL, "ENA needs HVM" },
  { "kernel-id", bad_kernel, "vmlinuz", "A kernel ID looks like" },
};

static void
test_register_validation (void)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (REGION);
  g_autoptr(AmigoActionContext) context = amigo_test_ui_new_context (REGION, NULL);
  g_autofree char *snapshot_id = make_snapshot (ec2, "register-invalid-1");
  guint before = count_own_images (ec2);

  for (guint i = 0; i < G_N_ELEMENTS (register_invalid_cases); i++)
    {
      const RegisterInvalidCase *c = &register_invalid_cases[i];
      g_autoptr(AmigoRegisterImageDialog) dialog = open_register_dialog (context);
      g_autofree char *problems = NULL;
      g_autofree char *name = g_strdup_printf ("register-%s", c->name);

      g_test_message ("case %s", c->name);
      select_snapshot (dialog, snapshot_id);
      amigo_test_ui_set_text (amigo_test_ui_find (dialog, "name_row"), name);
      g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "register_button")));

      c->apply (dialog, c->value);
      problems = amigo_register_image_dialog_dup_problems (dialog);
      g_assert_nonnull (strstr (problems, c->message));
      g_assert_false (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "register_button")));

      gtk_widget_activate_action (GTK_WIDGET (dialog), "register-image.register", NULL);
      g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
      gtk_window_close (GTK_WINDOW (dialog));
    }

  g_assert_cmpuint (count_own_images (ec2), ==, before);
}

/* ---- the pieces, alone ----------------------------------------------- */

static void
test_manifest_rules (void)
{
  static const struct {
    const char *location;
    gboolean valid;
  } cases[] = {
    { "amzn-s3-demo-bucket/image.manifest.xml", TRUE },
    { "my.bucket-1/a/b/c/web.manifest.xml", TRUE },
    { "123/web.manifest.xml", TRUE },
    { "192.168.1.1/web.manifest.xml", FALSE },
    { "-bucket/web.manifest.xml", FALSE },
    { "bucket-/web.manifest.xml", FALSE },
    { "bucket_1/web.manifest.xml", FALSE },
    { "bucket//web.manifest.xml", FALSE },
    { "bucket/web.manifest.xml.bak", FALSE },
    { "bucket/a\\b.manifest.xml", FALSE },
    { "https://bucket.s3.amazonaws.com/web.manifest.xml", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = amigo_image_form_validate_manifest (cases[i].location, &error);

      g_test_message ("%s", cases[i].location ? cases[i].location : "(null)");
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (!valid)
        g_assert_nonnull (error);
      else
        g_assert_no_error (error);
    }
}

static void
test_tags_limits (void)
{
  g_autoptr(AmigoTagsEditor) editor = g_object_ref_sink (AMIGO_TAGS_EDITOR (amigo_tags_editor_new ()));
  g_autofree char *long_key = g_strnfill (129, 'k');
  g_autofree char *long_value = g_strnfill (257, 'v');
  g_autofree char *max_key = g_strnfill (128, 'k');
  AmigoEc2Tag *tags;
  guint n_tags = 0;

  /* A row left empty is ignored, not refused. */
  click (tags_add_button (editor));
  g_assert_true (amigo_tags_editor_is_valid (editor));
  tags = amigo_tags_editor_get_tags (editor, &n_tags);
  g_assert_cmpuint (n_tags, ==, 0);

  amigo_test_ui_set_text (amigo_tag_row_get_value_entry (tag_row_at (editor, 0)), "orphan");
  g_assert_false (amigo_tags_editor_is_valid (editor));
  g_assert_nonnull (strstr (amigo_tags_editor_get_problem (editor), "needs a key"));

  amigo_test_ui_set_text (amigo_tag_row_get_key_entry (tag_row_at (editor, 0)), long_key);
  g_assert_nonnull (strstr (amigo_tags_editor_get_problem (editor), "at most 128"));
  amigo_test_ui_set_text (amigo_tag_row_get_key_entry (tag_row_at (editor, 0)), max_key);
  g_assert_true (amigo_tags_editor_is_valid (editor));

  amigo_test_ui_set_text (amigo_tag_row_get_value_entry (tag_row_at (editor, 0)), long_value);
  g_assert_nonnull (strstr (amigo_tags_editor_get_problem (editor), "at most 256"));
  amigo_test_ui_set_text (amigo_tag_row_get_value_entry (tag_row_at (editor, 0)), "");
  g_assert_true (amigo_tags_editor_is_valid (editor));
  tags = amigo_tags_editor_get_tags (editor, &n_tags);
  g_assert_cmpuint (n_tags, ==, 1);
  g_assert_cmpstr (tags[0].key, ==, max_key);
  g_assert_cmpstr (tags[0].value, ==, "");

  /* Keys are case-sensitive: Team and team are two tags. */
  amigo_tags_editor_add (editor, "Team", "a");
  amigo_tags_editor_add (editor, "team", "b");
  g_assert_true (amigo_tags_editor_is_valid (editor));

  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);

      amigo_tags_editor_add (editor, key, "x");
    }
  g_assert_cmpuint (n_tag_rows (editor), ==, 51);
  g_assert_nonnull (strstr (amigo_tags_editor_get_problem (editor), "at most 50 tags"));

  click (amigo_tag_row_get_remove_button (tag_row_at (editor, 50)));
  g_assert_cmpuint (n_tag_rows (editor), ==, 50);
  g_assert_true (amigo_tags_editor_is_valid (editor));
}

static void
test_volume_rules (void)
{
  static const struct {
    const char *type;
    int size;
    int min_size;
    int iops;
    const char *problem;        /* NULL: valid */
  } cases[] = {
    { "gp3", 8, 8, 0, NULL },
    { "gp3", 7, 8, 0, "current 8 GiB" },
    { "gp2", 16385, 0, 0, "1 to 16384 GiB" },
    { "st1", 100, 0, 0, "125 to 16384 GiB" },
    { "sc1", 125, 0, 0, NULL },
    { "standard", 1025, 0, 0, "1 to 1024 GiB" },
    { "io1", 10, 0, 500, NULL },
    { "io1", 10, 0, 501, "100 to 500 IOPS" },
    { "io2", 10, 0, 10000, NULL },
    { "io2", 4, 0, 99, "100 to 4000 IOPS" },
    { "nvme", 8, 0, 0, "Choose a volume type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = amigo_image_form_check_volume ("/dev/sdf", cases[i].type,
                                                                cases[i].size, cases[i].min_size,
                                                                cases[i].iops);

      g_test_message ("%s %d GiB %d IOPS", cases[i].type, cases[i].size, cases[i].iops);
      if (cases[i].problem == NULL)
        g_assert_null (problem);
      else
        g_assert_nonnull (strstr (problem ? problem : "", cases[i].problem));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;

  g_test_add_func ("/ui/create/image-form/manifest-rules", test_manifest_rules);
  g_test_add_func ("/ui/create/image-form/volume-rules", test_volume_rules);
  g_test_add_func ("/ui/create/tags-editor/limits", test_tags_limits);
  g_test_add_func ("/ui/create/create-image/from-instance", test_create_from_instance);
  g_test_add_func ("/ui/create/create-image/leave-out-volume", test_create_leave_out_volume);
  g_test_add_func ("/ui/create/create-image/validation", test_create_validation);
  g_test_add_func ("/ui/create/create-image/refused-by-ec2", test_create_refused);
  g_test_add_func ("/ui/create/register-image/from-snapshot", test_register_from_snapshot);
  g_test_add_func ("/ui/create/register-image/from-manifest", test_register_from_manifest);
  g_test_add_func ("/ui/create/register-image/validation", test_register_validation);

  return g_test_run ();
}
