/* test-ui-copy-launch.c — the Copy to Regions and Launch Instances dialogs, for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real dialogs under Xvfb, filled through their widgets, against moto
 * (tests/moto-harness.sh) behind the fault proxy (tests/fault-harness.sh),
 * which can let a request reach moto and then lose its answer: the way to
 * show that pressing the button again after an error creates nothing twice.
 * Results are read back from moto with the Describe calls, and with
 * botocore for what the engine does not describe (the instances' metadata
 * options and user data; key pairs and security groups are made that way
 * too).
 *
 * With AMIGO_SCREENSHOT_DIR set, the dialogs are saved as copy-image.png,
 * launch.png and launch-review.png.
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "amigo-actions.h"
#include "amigo-copy-image-dialog.h"
#include "amigo-error.h"
#include "amigo-launch-dialog.h"
#include "amigo-security-group-row.h"
#include "amigo-ssm.h"
#include "amigo-tag-row.h"
#include "amigo-tags-editor.h"
#include "amigo-task-manager.h"
#include "amigo-volume-row.h"
#include "amigo-test-ui.h"
#include "amigo-test-tool.h"

#define SOURCE_REGION "us-east-1"
#define WAIT_SECONDS 120

/* The moto server itself, for botocore (the app goes through the proxy). */
static char *moto_endpoint;
static char *python;
/* Where the dialogs put their tasks. Its accounts are never loaded, so it
 * keeps the tasks without watching them. */
static AmigoAccountManager *accounts;
static AmigoTaskManager *tasks;

/* ---- the fault proxy -------------------------------------------------- */

static void
proxy_post (const char *path,
            const char *json)
{
  amigo_test_post (g_getenv ("AMIGO_FAULT_PROXY"), path, json);
}

/* The next answers to @action are lost after moto has acted on them. */
static void
lose_answers (const char *action)
{
  g_autofree char *json = g_strdup_printf ("{\"mode\": \"drop-response\", \"count\": 20, "
                                           "\"action\": \"%s\"}", action);

  proxy_post ("/__fault__", json);
}

static void
fault_reset (void)
{
  proxy_post ("/__fault__/reset", NULL);
}

/* ---- botocore, for what the engine does not do ----------------------- */

static const char helper_script[] =
  "import base64, json, os, sys\n"
  "import botocore.session\n"
  "cmd, region, args = sys.argv[1], sys.argv[2], sys.argv[3:]\n"
  "ec2 = botocore.session.get_session().create_client(\n"
  "    'ec2', region_name=region, endpoint_url=os.environ['AMIGO_HELPER_ENDPOINT'],\n"
  "    aws_access_key_id=os.environ['AMIGO_TEST_ACCESS_KEY_ID'],\n"
  "    aws_secret_access_key=os.environ['AMIGO_TEST_SECRET_ACCESS_KEY'])\n"
  "if cmd == 'create-key-pair':\n"
  "    print(ec2.create_key_pair(KeyName=args[0])['KeyName'])\n"
  "elif cmd == 'create-security-group':\n"
  "    vpc = ec2.describe_vpcs(Filters=[{'Name': 'is-default', 'Values': ['true']}])['Vpcs'][0]['VpcId']\n"
  "    print(ec2.create_security_group(GroupName=args[0], Description='Amigo test web servers',\n"
  "                                    VpcId=vpc)['GroupId'])\n"
  "elif cmd == 'http-tokens':\n"
  "    for r in ec2.describe_instances(InstanceIds=args)['Reservations']:\n"
  "        for i in r['Instances']:\n"
  "            print(i['MetadataOptions']['HttpTokens'])\n"
  "elif cmd == 'user-data':\n"
  "    a = ec2.describe_instance_attribute(InstanceId=args[0], Attribute='userData')\n"
  "    sys.stdout.write(base64.b64decode(a['UserData']['Value']).decode())\n";

static char *
find_python (void)
{
  const char *candidates[] = { g_getenv ("AMIGO_MOTO_PYTHON"), "python3", "python3.11" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import botocore.session", NULL };
      int status = 1;

      if (candidates[i] == NULL)
        continue;
      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return g_strdup (candidates[i]);
    }
  return NULL;
}

/* Runs the helper; returns what it printed. */
static char *
botocore (const char *command,
          const char *region,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) python);
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) helper_script);
  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, (gpointer) region);
  va_start (args, region);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "AMIGO_HELPER_ENDPOINT", moto_endpoint, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("botocore %s failed: %s", command, err);
  return g_steal_pointer (&out);
}

static gboolean
need_python (void)
{
  if (python != NULL)
    return TRUE;
  amigo_test_missing_tool ("No Python with botocore to make key pairs and read instance metadata",
                           "python3-botocore");
  return FALSE;
}

/* ---- windows ---------------------------------------------------------- */

static void
on_toast_cb (AmigoActionContext *context,
             const char         *text,
             GPtrArray          *toasts)
{
  g_ptr_array_add (toasts, g_strdup (text));
}

static gboolean
label_shows (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) && *gtk_label_get_text (label) != '\0';
}

/* ---- images ----------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}


static AmigoEc2 *source_ec2;
static char *instance_id;

/* An image of our own in the source region, tagged. */
static AmigoImage *
make_image (const char *name)
{
  g_autofree char *image_id = amigo_test_ui_create_image (source_ec2, instance_id, name);
  const char *ids[] = { image_id, NULL };
  AmigoEc2Tag tags[] = { { "Team", "web" }, { "Environment", "staging" } };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoImage *image;
  guint n_tags = 0;

  amigo_ec2_create_tags_async (source_ec2, ids, tags, G_N_ELEMENTS (tags), NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  g_assert_true (amigo_ec2_create_tags_finish (source_ec2, result, &error));
  g_assert_no_error (error);

  image = amigo_test_ui_get_image (source_ec2, image_id);
  g_assert_nonnull (image);
  amigo_image_get_tags (image, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  return image;
}

static GPtrArray *
images_named (const char *region,
              const char *name)
{
  g_autoptr(AmigoEc2) ec2 = amigo_test_ui_get_ec2 (region);
  const char *names[] = { name, NULL };
  const char *owners[] = { "self", NULL };
  AmigoEc2Filter filters[] = { { "name", names } };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = filters, .n_filters = 1 };

  return amigo_test_ui_describe_images (ec2, &request);
}

static const char *
image_tag (AmigoImage *image,
           const char *key)
{
  guint n = 0;
  const AmigoTag *tags = amigo_image_get_tags (image, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value;
  return NULL;
}

typedef struct {
  AmigoActionContext *context;
  GtkWindow *window;            /* weak: NULL once the dialog is gone */
  GPtrArray *toasts;
} Opened;

static void
opened_clear (Opened *opened)
{
  if (opened->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (opened->window), (gpointer *) &opened->window);
      gtk_window_destroy (opened->window);
    }
  g_clear_object (&opened->context);
  g_clear_pointer (&opened->toasts, g_ptr_array_unref);
  amigo_test_ui_settle ();
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Opened, opened_clear)

/* @parameter: the public parameter naming @image (a Quick Start image's), or NULL */
static void
open_dialog_named (Opened               *opened,
                   AmigoImage           *image,
                   const char           *parameter,
                   AmigoActionDialogNew  create)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (images, g_object_ref (image));
  opened->context = amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (),
                                              SOURCE_REGION, images, tasks);
  amigo_action_context_set_image_parameter (opened->context, parameter);
  opened->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (opened->context, "toast", G_CALLBACK (on_toast_cb), opened->toasts);
  opened->window = create (NULL, opened->context);
  g_object_add_weak_pointer (G_OBJECT (opened->window), (gpointer *) &opened->window);
  gtk_window_present (opened->window);
}

static void
open_dialog (Opened               *opened,
             AmigoImage           *image,
             AmigoActionDialogNew  create)
{
  open_dialog_named (opened, image, NULL, create);
}

/* The newest task of @kind in @region, or NULL. */
static AmigoTask *
find_task (AmigoTaskKind  kind,
           const char    *region)
{
  GListModel *list = amigo_task_manager_get_tasks (tasks);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (list, i);

      if (amigo_task_get_kind (task) == kind && g_strcmp0 (amigo_task_get_region (task), region) == 0)
        return task;
    }
  return NULL;
}

static guint
count_tasks (AmigoTaskKind  kind,
             const char    *region)
{
  GListModel *list = amigo_task_manager_get_tasks (tasks);
  guint n = g_list_model_get_n_items (list);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (list, i);

      if (amigo_task_get_kind (task) == kind && g_strcmp0 (amigo_task_get_region (task), region) == 0)
        count++;
    }
  return count;
}

/* ---- Copy to Regions -------------------------------------------------- */

/* The check box of @region's row, or NULL. */
static GtkCheckButton *
region_check (AmigoCopyImageDialog *dialog,
              const char           *region)
{
  GtkWidget *row = amigo_copy_image_dialog_get_region_row (dialog, region);

  return row != NULL ? GTK_CHECK_BUTTON (amigo_test_ui_find_by_type (row, GTK_TYPE_CHECK_BUTTON, NULL)) : NULL;
}

static void
choose_regions (AmigoCopyImageDialog *dialog,
                const char * const   *regions)
{
  for (guint i = 0; regions[i] != NULL; i++)
    {
      GtkCheckButton *check = region_check (dialog, regions[i]);

      g_assert_nonnull (check);
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
      gtk_check_button_set_active (check, TRUE);
    }
}

/* Copy (copy.submit, the button): whether copies were sent, the dialog
 * busy with them. With a wrong field the action is off; the tests of
 * what it refuses call amigo_copy_image_dialog_submit(), which shows
 * every problem as a press would. */
static gboolean
press_copy (AmigoCopyImageDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "copy.submit", NULL);
  return amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog));
}

static void
test_copy_two_regions (void)
{
  static const char * const destinations[] = { "eu-west-1", "ap-northeast-2", NULL };
  static const char * const titles[] = { "Copy of “copy-of-web-2024” to Ireland",
                                         "Copy of “copy-of-web-2024” to Seoul" };
  g_autoptr(AmigoImage) image = make_image ("copy-source-2024");
  g_autofree char *description = g_strdup_printf ("Copied from %s in %s",
                                                  amigo_image_get_image_id (image), SOURCE_REGION);
  g_auto(Opened) opened = { 0 };
  AmigoCopyImageDialog *dialog;

  open_dialog (&opened, image, amigo_copy_image_dialog_new);
  dialog = AMIGO_COPY_IMAGE_DIALOG (opened.window);

  /* Filled in from the source. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row"))), ==, "copy-source-2024");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "description_row"))), ==, description);
  /* The source region cannot be a destination. */
  g_assert_nonnull (amigo_copy_image_dialog_get_region_unavailable (dialog, SOURCE_REGION));
  g_assert_false (gtk_widget_get_sensitive (amigo_copy_image_dialog_get_region_row (dialog, SOURCE_REGION)));
  /* Nothing chosen yet: Copy is off. */
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "copy_button")));

  choose_regions (dialog, destinations);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "copy-of-web-2024");
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "copy_tags_switch")), TRUE);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "copy_button")));
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "copy-image.png");

  gtk_widget_activate (amigo_test_ui_find (dialog, "copy_button"));
  AMIGO_TEST_WAIT_FOR (opened.window == NULL, WAIT_SECONDS);
  g_assert_cmpuint (opened.toasts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (opened.toasts, 0), "2 regions"));

  for (guint i = 0; destinations[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) copies = images_named (destinations[i], "copy-of-web-2024");
      AmigoImage *copy;
      AmigoTask *task;

      g_assert_cmpuint (copies->len, ==, 1);
      copy = g_ptr_array_index (copies, 0);
      g_assert_cmpstr (amigo_image_get_description (copy), ==, description);
      g_assert_cmpstr (image_tag (copy, "Team"), ==, "web");
      g_assert_cmpstr (image_tag (copy, "Environment"), ==, "staging");

      /* Each copy is a task of its own. */
      task = find_task (AMIGO_TASK_KIND_COPY_IMAGE, destinations[i]);
      g_assert_nonnull (task);
      g_assert_cmpstr (amigo_task_get_resource_ids (task)[0], ==, amigo_image_get_image_id (copy));
      g_assert_cmpstr (amigo_task_get_account_id (task), ==, amigo_account_get_id (amigo_test_ui_get_account ()));
      g_assert_cmpstr (amigo_task_get_title (task), ==, titles[i]);
    }
}

/* Every answer to CopyImage is lost on the way back (after moto made the
 * copy): the dialog shows the failures and stays. Copy again: the same
 * ClientTokens make EC2 answer with the copies it already made. */
static void
test_copy_retry_creates_nothing_twice (void)
{
  static const char * const destinations[] = { "eu-west-2", "ap-northeast-2", NULL };
  g_autoptr(AmigoImage) image = make_image ("copy-retry-source");
  g_auto(Opened) opened = { 0 };
  char *first_tokens[2] = { NULL, NULL };
  guint n_tasks[2];
  g_autofree char *text = NULL;
  AmigoCopyImageDialog *dialog;

  open_dialog (&opened, image, amigo_copy_image_dialog_new);
  dialog = AMIGO_COPY_IMAGE_DIALOG (opened.window);
  choose_regions (dialog, destinations);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "copy-retry");
  for (guint i = 0; destinations[i] != NULL; i++)
    n_tasks[i] = count_tasks (AMIGO_TASK_KIND_COPY_IMAGE, destinations[i]);

  lose_answers ("CopyImage");
  g_assert_true (press_copy (dialog));
  AMIGO_TEST_WAIT_FOR (amigo_copy_image_dialog_get_n_pending (dialog) == 0, WAIT_SECONDS);
  fault_reset ();

  /* Still open, saying which regions failed. */
  g_assert_nonnull (opened.window);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "status_group")));
  text = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "status_group"));
  g_assert_nonnull (strstr (text, "Europe (London)"));
  g_assert_nonnull (strstr (text, "Asia Pacific (Seoul)"));
  for (guint i = 0; destinations[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) copies = images_named (destinations[i], "copy-retry");

      g_assert_nonnull (amigo_copy_image_dialog_get_region_error (dialog, destinations[i]));
      g_assert_null (amigo_copy_image_dialog_get_region_image_id (dialog, destinations[i]));
      first_tokens[i] = g_strdup (amigo_copy_image_dialog_get_region_client_token (dialog, destinations[i]));
      /* EC2 did make it: only its answer was lost. */
      g_assert_cmpuint (copies->len, ==, 1);
    }

  /* Press Copy again. */
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "copy_button")));
  for (guint i = 0; destinations[i] != NULL; i++)
    g_assert_cmpstr (amigo_copy_image_dialog_get_region_client_token (dialog, destinations[i]), ==, first_tokens[i]);
  gtk_widget_activate (amigo_test_ui_find (dialog, "copy_button"));
  AMIGO_TEST_WAIT_FOR (opened.window == NULL, WAIT_SECONDS);

  for (guint i = 0; destinations[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) copies = images_named (destinations[i], "copy-retry");

      g_assert_cmpuint (copies->len, ==, 1);
      g_assert_cmpuint (count_tasks (AMIGO_TASK_KIND_COPY_IMAGE, destinations[i]), ==, n_tasks[i] + 1);
      g_free (first_tokens[i]);
    }
}

/* Some copies start, one fails (its name is taken there): the dialog stays
 * open with the failure; the next press sends only the failed region. */
static void
test_copy_partial_failure (void)
{
  static const char * const destinations[] = { "eu-central-1", "ca-central-1", NULL };
  g_autoptr(AmigoImage) image = make_image ("copy-partial-source");
  g_autoptr(AmigoEc2) blocked_ec2 = amigo_test_ui_get_ec2 ("ca-central-1");
  g_autofree char *blocker_instance = amigo_test_ui_run_instance (blocked_ec2, "blocker");
  g_autofree char *blocker = amigo_test_ui_create_image (blocked_ec2, blocker_instance, "copy-partial");
  g_auto(Opened) opened = { 0 };
  g_autofree char *first_copy = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  AmigoCopyImageDialog *dialog;

  open_dialog (&opened, image, amigo_copy_image_dialog_new);
  dialog = AMIGO_COPY_IMAGE_DIALOG (opened.window);
  choose_regions (dialog, destinations);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "copy-partial");

  g_assert_true (press_copy (dialog));
  AMIGO_TEST_WAIT_FOR (amigo_copy_image_dialog_get_n_pending (dialog) == 0, WAIT_SECONDS);
  g_assert_nonnull (opened.window);
  g_assert_nonnull (amigo_copy_image_dialog_get_region_image_id (dialog, "eu-central-1"));
  g_assert_null (amigo_copy_image_dialog_get_region_error (dialog, "eu-central-1"));
  g_assert_null (amigo_copy_image_dialog_get_region_image_id (dialog, "ca-central-1"));
  g_assert_nonnull (strstr (amigo_copy_image_dialog_get_region_error (dialog, "ca-central-1"), "InvalidAMIName.Duplicate"));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "status_group")));
  /* The region whose copy started cannot be sent again. */
  g_assert_false (gtk_widget_get_sensitive (amigo_copy_image_dialog_get_region_row (dialog, "eu-central-1")));
  first_copy = g_strdup (amigo_copy_image_dialog_get_region_image_id (dialog, "eu-central-1"));

  /* Free the name there, and try again. */
  amigo_ec2_deregister_image_async (blocked_ec2, blocker, FALSE, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  deleted = amigo_ec2_deregister_image_finish (blocked_ec2, result, &error);
  g_assert_no_error (error);
  /* EC2 keeps a deregistered name taken for a while; the stand-in until
   * told that while has passed (tests/README-moto.md) */
  amigo_test_post (moto_endpoint, "/amigo-test/release-name",
                   "{\"region\": \"ca-central-1\", \"name\": \"copy-partial\"}");

  gtk_widget_activate (amigo_test_ui_find (dialog, "copy_button"));
  AMIGO_TEST_WAIT_FOR (opened.window == NULL, WAIT_SECONDS);

  copies = images_named ("eu-central-1", "copy-partial");
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (g_ptr_array_index (copies, 0)), ==, first_copy);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = images_named ("ca-central-1", "copy-partial");
  g_assert_cmpuint (copies->len, ==, 1);
}

static void
test_copy_validation (void)
{
  g_autoptr(AmigoImage) image = make_image ("copy-validation-source");
  g_auto(Opened) opened = { 0 };
  g_autoptr(GPtrArray) copies = NULL;
  AmigoCopyImageDialog *dialog;
  GtkWidget *hong_kong;

  open_dialog (&opened, image, amigo_copy_image_dialog_new);
  dialog = AMIGO_COPY_IMAGE_DIALOG (opened.window);

  /* Regions the account has not enabled cannot be chosen (moto: Hong Kong). */
  hong_kong = amigo_copy_image_dialog_get_region_row (dialog, "ap-east-1");
  g_assert_nonnull (hong_kong);
  AMIGO_TEST_WAIT_FOR (amigo_copy_image_dialog_get_region_unavailable (dialog, "ap-east-1") != NULL, WAIT_SECONDS);
  g_assert_false (gtk_widget_get_sensitive (hong_kong));
  g_assert_null (amigo_copy_image_dialog_get_region_unavailable (dialog, "eu-west-1"));

  /* No region */
  g_assert_false (amigo_copy_image_dialog_submit (dialog));
  g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "regions_message"))));
  gtk_check_button_set_active (region_check (dialog, "eu-west-3"), TRUE);
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "regions_message"))));

  /* A bad name */
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "x");
  g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "details_message"))));
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "name_row"), "error"));
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "copy_button")));
  g_assert_false (amigo_copy_image_dialog_submit (dialog));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "web {2024}");
  g_assert_false (amigo_copy_image_dialog_submit (dialog));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "web (2024)");
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "details_message"))));

  /* A bad KMS key; one of another region */
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "encrypt_switch")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (amigo_test_ui_find (dialog, "kms_row")));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "kms_row")), "my key");
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "kms_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "kms_message"), "error"));
  g_assert_false (amigo_copy_image_dialog_submit (dialog));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "kms_row")),
                         "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "kms_message"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "kms_message"))), "eu-west-3"));
  g_assert_false (amigo_copy_image_dialog_submit (dialog));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "kms_row")), "alias/amigo-copies");
  g_assert_false (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "kms_row"), "error"));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "copy_button")));

  /* Nothing reached EC2. */
  copies = images_named ("eu-west-3", "*");
  g_assert_cmpuint (copies->len, ==, 0);
}

static void
test_kms_key_forms (void)
{
  static const struct { const char *text; gboolean valid; } cases[] = {
    { "1234abcd-12ab-34cd-56ef-1234567890ab", TRUE },
    { "mrk-1234abcd12ab34cd56ef1234567890ab", TRUE },
    { "alias/ExampleAlias", TRUE },
    { "alias/aws/ebs", TRUE },
    { "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", TRUE },
    { "arn:aws-cn:kms:cn-north-1:111122223333:alias/ExampleAlias", TRUE },
    { "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", TRUE },
    { "", FALSE },
    { "alias/", FALSE },
    { "alias/with space", FALSE },
    { "1234abcd-12ab-34cd-56ef", FALSE },
    { "1234abcd-12ab-34cd-56ef-1234567890az", FALSE },
    { "arn:aws:s3:::bucket", FALSE },
    { "arn:aws:kms:us-east-2:111122223333:key/", FALSE },
    { "arn:aws:kms:US EAST:111122223333:key/abc", FALSE },
    { "my-key", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (amigo_copy_image_kms_key_is_valid (cases[i].text), ==, cases[i].valid);
    }
}

/* ---- Launch Instances ------------------------------------------------- */

static AmigoImage *
marketplace_arm64_image (void)
{
  static const char * const marketplace[] = { "aws-marketplace", NULL };
  static const char * const names[] = { "nginx-plus-*", NULL };
  AmigoEc2Filter filters[] = { { "name", names } };
  AmigoDescribeImagesRequest request = { .owners = marketplace, .filters = filters, .n_filters = 1 };
  g_autoptr(GPtrArray) images = amigo_test_ui_describe_images (source_ec2, &request);

  if (images->len == 0)
    return NULL;
  g_assert_cmpstr (amigo_image_get_architecture (g_ptr_array_index (images, 0)), ==, "arm64");
  return g_object_ref (g_ptr_array_index (images, 0));
}

static void
wait_loaded (AmigoLaunchDialog *dialog)
{
  AMIGO_TEST_WAIT_FOR (!amigo_launch_dialog_is_loading (dialog), WAIT_SECONDS);
}

/* The page shown: "form", "review" or "done". */
static const char *
launch_page (AmigoLaunchDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack")));
}

/* Review (launch.review, the button on the form): whether the summary is
 * shown. With a wrong field the action is off and the form stays. */
static gboolean
launch_review (AmigoLaunchDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "launch.review", NULL);
  return g_strcmp0 (launch_page (dialog), "review") == 0;
}

/* Launch (launch.launch, the button on the summary): whether RunInstances
 * was sent, the dialog busy with it. */
static gboolean
launch_launch (AmigoLaunchDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "launch.launch", NULL);
  return amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog));
}

/* Chooses @instance_type in the type drop-down; %FALSE when not offered. */
static gboolean
select_type (AmigoLaunchDialog *dialog,
             const char        *instance_type)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown"));
  GListModel *types = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(AmigoInstanceType) type = g_list_model_get_item (types, i);

      if (g_strcmp0 (amigo_instance_type_get_instance_type (type), instance_type) == 0)
        {
          amigo_test_ui_pick (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Chooses the key pair @key_name (NULL: the first item, none); %FALSE
 * when not offered. */
static gboolean
select_key (AmigoLaunchDialog *dialog,
            const char        *key_name)
{
  AdwComboRow *row = ADW_COMBO_ROW (amigo_test_ui_find (dialog, "key_row"));
  GListModel *names = adw_combo_row_get_model (row);

  if (key_name == NULL)
    {
      amigo_test_ui_pick (row, 0);
      return TRUE;
    }
  for (guint i = 1; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), key_name) == 0)
      {
        amigo_test_ui_pick (row, i);
        return TRUE;
      }
  return FALSE;
}

/* The security group rows shown, in order. */
static GPtrArray *
group_rows (AmigoLaunchDialog *dialog)
{
  return amigo_test_ui_find_all (amigo_test_ui_find (dialog, "groups_group"), AMIGO_TYPE_SECURITY_GROUP_ROW);
}

/* The check box of the group @group_id, or NULL when it is not shown. */
static GtkCheckButton *
group_check (AmigoLaunchDialog *dialog,
             const char        *group_id)
{
  g_autoptr(GPtrArray) rows = group_rows (dialog);

  for (guint i = 0; i < rows->len; i++)
    {
      AmigoSecurityGroupRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (amigo_security_group_get_group_id (amigo_security_group_row_get_group (row)), group_id) == 0)
        return amigo_security_group_row_get_check (row);
    }
  return NULL;
}

/* The EBS volume rows, in the image's order. */
static GPtrArray *
volume_rows (AmigoLaunchDialog *dialog)
{
  return amigo_test_ui_find_all (amigo_test_ui_find (dialog, "volumes_group"), AMIGO_TYPE_VOLUME_ROW);
}

static AmigoVolumeRow *
volume_row (AmigoLaunchDialog *dialog,
            const char        *device_name)
{
  g_autoptr(GPtrArray) rows = volume_rows (dialog);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (amigo_volume_row_get_device (g_ptr_array_index (rows, i)), device_name) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static AmigoTagsEditor *
tags_editor (AmigoLaunchDialog *dialog)
{
  return AMIGO_TAGS_EDITOR (amigo_test_ui_find (dialog, "tags_editor"));
}

/* The tags editor's line of problems. */
static GtkLabel *
tags_problem (AmigoLaunchDialog *dialog)
{
  return GTK_LABEL (amigo_test_ui_find (tags_editor (dialog), "problem_label"));
}

/* A new row of the tags editor, filled in: its key entry. */
static GtkEditable *
add_tag (AmigoLaunchDialog *dialog,
         const char        *key,
         const char        *value)
{
  g_autoptr(GPtrArray) rows = NULL;

  amigo_tags_editor_add (tags_editor (dialog), key, value);
  rows = amigo_test_ui_find_all (tags_editor (dialog), AMIGO_TYPE_TAG_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  return amigo_tag_row_get_key_entry (g_ptr_array_index (rows, rows->len - 1));
}

static GPtrArray *
describe_instances_named (const char *name)
{
  const char *names[] = { name, NULL };
  AmigoEc2Filter filters[] = { { "tag:Name", names } };
  AmigoEc2ListRequest request = { .filters = filters, .n_filters = 1 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *instances;

  amigo_ec2_describe_instances_async (source_ec2, &request, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  instances = amigo_ec2_describe_instances_finish (source_ec2, result, &error);
  g_assert_no_error (error);
  return instances;
}

static gboolean
instance_has_group (AmigoInstance *instance,
                    const char    *group_id)
{
  guint n = 0;
  const AmigoGroupIdentifier *groups = amigo_instance_get_security_groups (instance, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (groups[i].group_id, group_id) == 0)
      return TRUE;
  return FALSE;
}

static const char *
instance_tag (AmigoInstance *instance,
              const char    *key)
{
  guint n = 0;
  const AmigoTag *tags = amigo_instance_get_tags (instance, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value;
  return NULL;
}

static void
test_launch (void)
{
  static const char user_data[] = "#!/bin/sh\necho 'hello from Amigo' > /tmp/hello\n";
  g_autoptr(AmigoImage) image = NULL;
  g_autofree char *key = NULL;
  g_autofree char *group = NULL;
  g_autofree char *tokens = NULL;
  g_autofree char *read_user_data = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_auto(Opened) opened = { 0 };
  g_autofree char *first_token = NULL;
  g_autoptr(GPtrArray) volumes = NULL;
  AmigoLaunchDialog *dialog;
  AmigoVolumeRow *root;
  AmigoTask *task;

  if (!need_python ())
    return;
  key = g_strstrip (botocore ("create-key-pair", SOURCE_REGION, "amigo-launch-key", NULL));
  group = g_strstrip (botocore ("create-security-group", SOURCE_REGION, "amigo-web", NULL));
  image = make_image ("launch-source-2024");

  open_dialog (&opened, image, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);

  /* The first key pair is offered; the default group is chosen. */
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "key_warning")));
  g_assert_nonnull (group_check (dialog, group));

  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "launch-test");
  g_assert_true (select_type (dialog, "t3.small"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "count_spin")), 2);
  g_assert_true (select_key (dialog, key));
  gtk_check_button_set_active (group_check (dialog, group), TRUE);
  add_tag (dialog, "Team", "web");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (amigo_test_ui_find (dialog, "user_data_view"))), user_data, -1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (amigo_test_ui_find (dialog, "imdsv2_switch"))));
  /* moto's images name a root device their mappings do not have: take
   * the first volume. */
  volumes = volume_rows (dialog);
  g_assert_cmpuint (volumes->len, >, 0);
  root = g_ptr_array_index (volumes, 0);
  g_assert_nonnull (volume_row (dialog, amigo_volume_row_get_device (root)));
  g_assert_nonnull (root);
  g_assert_nonnull (amigo_volume_row_get_size_spin (root));
  gtk_spin_button_set_value (amigo_volume_row_get_size_spin (root),
                             gtk_spin_button_get_value (amigo_volume_row_get_size_spin (root)) + 5);
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch.png");

  /* The summary */
  /* (A button activated by keyboard clicks a moment later.) */
  gtk_widget_activate (amigo_test_ui_find (dialog, "primary_button"));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (launch_page (dialog), "review") == 0, 30);
  summary = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "review_group"));
  g_assert_nonnull (strstr (summary, "t3.small"));
  g_assert_nonnull (strstr (summary, key));
  g_assert_nonnull (strstr (summary, group));
  g_assert_nonnull (strstr (summary, "Team = web"));
  g_assert_nonnull (strstr (summary, "IMDSv2 required"));
  AMIGO_TEST_WAIT_FOR (!gtk_stack_get_transition_running (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), 30);
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch-review.png");

  /* Launch; the answer is lost after the instances were made. */
  lose_answers ("RunInstances");
  g_assert_true (launch_launch (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  fault_reset ();
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "error_group")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "subscribe_button")));
  g_assert_cmpstr (launch_page (dialog), ==, "review");
  first_token = g_strdup (amigo_launch_dialog_get_client_token (dialog));

  /* Launch again: the same token, the same instances. */
  gtk_widget_activate (amigo_test_ui_find (dialog, "primary_button"));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (launch_page (dialog), "done") == 0, WAIT_SECONDS);
  g_assert_cmpstr (amigo_launch_dialog_get_client_token (dialog), ==, first_token);
  g_assert_cmpuint (amigo_launch_dialog_get_instance_ids (dialog)->len, ==, 2);
  g_assert_cmpuint (opened.toasts->len, ==, 1);
  g_assert_false (launch_launch (dialog));
  task = find_task (AMIGO_TASK_KIND_LAUNCH, SOURCE_REGION);
  g_assert_nonnull (task);
  g_assert_cmpuint (g_strv_length ((char **) amigo_task_get_resource_ids (task)), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (amigo_task_get_resource_ids (task)[i], ==, g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), i));

  instances = describe_instances_named ("launch-test");
  g_assert_cmpuint (instances->len, ==, 2);
  for (guint i = 0; i < instances->len; i++)
    {
      AmigoInstance *instance = g_ptr_array_index (instances, i);

      g_assert_true (g_ptr_array_find_with_equal_func (amigo_launch_dialog_get_instance_ids (dialog),
                                                       amigo_instance_get_instance_id (instance),
                                                       g_str_equal, NULL));
      g_assert_cmpstr (amigo_instance_get_image_id (instance), ==, amigo_image_get_image_id (image));
      g_assert_cmpstr (amigo_instance_get_instance_type (instance), ==, "t3.small");
      g_assert_cmpstr (amigo_instance_get_key_name (instance), ==, key);
      g_assert_true (instance_has_group (instance, group));
      g_assert_cmpstr (instance_tag (instance, "Name"), ==, "launch-test");
      g_assert_cmpstr (instance_tag (instance, "Team"), ==, "web");
    }

  /* What DescribeInstances in the engine does not read: via botocore. */
  tokens = botocore ("http-tokens", SOURCE_REGION, g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), 0),
                     g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), 1), NULL);
  g_assert_cmpstr (tokens, ==, "required\nrequired\n");
  read_user_data = botocore ("user-data", SOURCE_REGION, g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), 0), NULL);
  g_assert_cmpstr (read_user_data, ==, user_data);

  /* Each id can be copied. */
  {
    g_autofree char *ids = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "instances_list"));

    g_assert_nonnull (strstr (ids, g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), 0)));
    g_assert_nonnull (strstr (ids, g_ptr_array_index (amigo_launch_dialog_get_instance_ids (dialog), 1)));
  }
}

/* A subnet of its own, no public address: the instance lands there, and
 * the security groups offered are those of the subnet's VPC. */
static void
test_launch_subnet (void)
{
  g_autoptr(AmigoImage) image = make_image ("launch-subnet-source");
  g_autoptr(GPtrArray) instances = NULL;
  g_auto(Opened) opened = { 0 };
  g_autoptr(GPtrArray) groups = NULL;
  AmigoLaunchDialog *dialog;
  AmigoSubnet *subnet;
  AmigoInstance *instance;

  open_dialog (&opened, image, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);

  g_assert_cmpuint (amigo_launch_dialog_get_subnets (dialog)->len, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "subnet_row")), 2);
  subnet = g_ptr_array_index (amigo_launch_dialog_get_subnets (dialog), 1);
  g_assert_cmpstr (amigo_launch_dialog_get_groups_vpc_id (dialog), ==, amigo_subnet_get_vpc_id (subnet));
  groups = group_rows (dialog);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpstr (amigo_security_group_get_vpc_id (amigo_security_group_row_get_group (g_ptr_array_index (groups, i))),
                     ==, amigo_subnet_get_vpc_id (subnet));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "public_ip_row")), 2);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "launch-subnet");

  g_assert_true (launch_review (dialog));
  g_assert_true (launch_launch (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "error_group")));
  g_assert_cmpstr (launch_page (dialog), ==, "done");

  instances = describe_instances_named ("launch-subnet");
  g_assert_cmpuint (instances->len, ==, 1);
  instance = g_ptr_array_index (instances, 0);
  g_assert_cmpstr (amigo_instance_get_subnet_id (instance), ==, amigo_subnet_get_subnet_id (subnet));
  g_assert_null (amigo_instance_get_public_ip_address (instance));
}

/* Types that cannot run the image are not offered. */
static void
test_launch_types_fit_image (void)
{
  g_autoptr(AmigoImage) arm = marketplace_arm64_image ();
  g_autoptr(AmigoImage) x86 = make_image ("launch-types-source");
  AmigoLaunchDialog *dialog;
  GListModel *types;
  guint n;
  gboolean seen_previous = FALSE;

  if (arm == NULL)
    {
      g_test_skip ("moto has no Marketplace images (the launcher's --no-patches?)");
      return;
    }

  {
    g_auto(Opened) opened = { 0 };

    open_dialog (&opened, arm, amigo_launch_dialog_new);
    dialog = AMIGO_LAUNCH_DIALOG (opened.window);
    wait_loaded (dialog);
    types = gtk_drop_down_get_model (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown")));
    n = g_list_model_get_n_items (types);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AmigoInstanceType) type = g_list_model_get_item (types, i);
        const char * const *archs = amigo_instance_type_get_supported_architectures (type);

        g_assert_true (archs == NULL || archs[0] == NULL || g_strv_contains (archs, "arm64"));
        /* The current generation first. */
        if (!amigo_instance_type_get_current_generation (type))
          seen_previous = TRUE;
        else
          g_assert_false (seen_previous);
      }
    g_assert_false (select_type (dialog, "t3.micro"));
    g_assert_false (select_type (dialog, "m5.large"));
    g_assert_true (select_type (dialog, "t4g.micro"));
    g_assert_cmpstr (amigo_instance_type_get_instance_type (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown")))),
                     ==, "t4g.micro");
  }

  {
    g_auto(Opened) opened = { 0 };
    g_autofree char *label = NULL;

    open_dialog (&opened, x86, amigo_launch_dialog_new);
    dialog = AMIGO_LAUNCH_DIALOG (opened.window);
    wait_loaded (dialog);
    g_assert_false (select_type (dialog, "t4g.micro"));
    /* t3.micro where it fits is the default. */
    g_assert_cmpstr (amigo_instance_type_get_instance_type (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown")))),
                     ==, "t3.micro");
    /* As the drop-down shows it. */
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown"));
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (dropdown),
                                              gtk_drop_down_get_selected_item (dropdown), &value));
      label = g_value_dup_string (&value);
    }
    g_assert_cmpstr (label, ==, "t3.micro — 2 vCPU, 1 GiB");
    /* Searchable by name. */
    g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown"))));
    g_assert_nonnull (gtk_drop_down_get_expression (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown"))));
  }
}

static void
test_launch_validation (void)
{
  g_autoptr(AmigoImage) image = make_image ("launch-validation-source");
  g_auto(Opened) opened = { 0 };
  g_autofree char *big = NULL;
  g_autoptr(GPtrArray) volumes = NULL;
  AmigoLaunchDialog *dialog;
  GtkSpinButton *root_size;
  GtkEditable *tag_key;
  GtkTextBuffer *buffer;
  int snapshot_size;

  open_dialog (&opened, image, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "primary_button")));

  /* No key pair: a warning, not a blocker. */
  g_assert_true (select_key (dialog, NULL));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "key_warning")));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "primary_button")));

  /* A volume smaller than its snapshot */
  volumes = volume_rows (dialog);
  g_assert_cmpuint (volumes->len, >, 0);
  root_size = amigo_volume_row_get_size_spin (g_ptr_array_index (volumes, 0));
  snapshot_size = gtk_spin_button_get_value_as_int (root_size);
  gtk_spin_button_set_value (root_size, snapshot_size - 1);
  g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "volumes_message"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "volumes_message"))), "at least"));
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "primary_button")));
  g_assert_false (launch_review (dialog));
  g_assert_cmpstr (launch_page (dialog), ==, "form");
  gtk_spin_button_set_value (root_size, snapshot_size);
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "volumes_message"))));

  /* Too much user data */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (amigo_test_ui_find (dialog, "user_data_view")));
  big = g_strnfill (16 * 1024 + 1, 'x');
  gtk_text_buffer_set_text (buffer, big, -1);
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "user_data_message"), "error"));
  g_assert_false (launch_review (dialog));
  gtk_text_buffer_set_text (buffer, "#cloud-config\n", -1);
  g_assert_false (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "user_data_message"), "error"));

  /* Tags: reserved, twice, without a key, the Name set twice */
  tag_key = add_tag (dialog, "aws:owner", "me");
  g_assert_true (label_shows (tags_problem (dialog)));
  g_assert_false (launch_review (dialog));
  gtk_editable_set_text (tag_key, "Team");
  g_assert_false (label_shows (tags_problem (dialog)));
  add_tag (dialog, "Team", "data");
  g_assert_nonnull (strstr (gtk_label_get_text (tags_problem (dialog)), "Team"));
  g_assert_false (launch_review (dialog));
  gtk_editable_set_text (tag_key, "");
  g_assert_true (label_shows (tags_problem (dialog)));
  g_assert_false (launch_review (dialog));
  gtk_editable_set_text (tag_key, "Name");
  g_assert_false (label_shows (tags_problem (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "web");
  g_assert_true (label_shows (tags_problem (dialog)));
  g_assert_false (launch_review (dialog));
  gtk_editable_set_text (tag_key, "Owner");
  g_assert_false (label_shows (tags_problem (dialog)));

  /* All good: the summary, and back. */
  g_assert_true (launch_review (dialog));
  g_assert_cmpstr (launch_page (dialog), ==, "review");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "launch.back", NULL);
  g_assert_cmpstr (launch_page (dialog), ==, "form");

  /* Nothing was launched. */
  {
    g_autoptr(GPtrArray) instances = describe_instances_named ("web");

    g_assert_cmpuint (instances->len, ==, 0);
  }
}

/* moto launches Marketplace images without a subscription, so AWS's
 * OptInRequired answer is made here, as the client would report it. */
static void
test_launch_opt_in_required (void)
{
  static const char message[] =
    "In order to use this AWS Marketplace product you need to accept terms and subscribe. "
    "To do so please visit https://aws.amazon.com/marketplace/pp?sku=b1e3x9mkw6tqz2pv7r0yd4hcn";
  g_autoptr(AmigoImage) arm = marketplace_arm64_image ();
  g_autoptr(AmigoImage) own = make_image ("launch-opt-in-source");
  g_autoptr(GError) opt_in = amigo_aws_error_new_service (AMIGO_AWS_ERROR_SERVICE, "OptInRequired", message,
                                                          "req-1", 401, FALSE);
  g_autoptr(GError) other = amigo_aws_error_new_service (AMIGO_AWS_ERROR_SERVICE, "InsufficientInstanceCapacity",
                                                         "We currently do not have sufficient capacity.",
                                                         "req-2", 500, FALSE);
  g_autofree char *own_url = amigo_launch_dialog_dup_marketplace_url (own);
  g_auto(Opened) opened = { 0 };
  AmigoLaunchDialog *dialog;

  g_assert_null (own_url);
  if (arm == NULL)
    {
      g_test_skip ("moto has no Marketplace images (the launcher's --no-patches?)");
      return;
    }

  open_dialog (&opened, arm, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);
  g_assert_true (launch_review (dialog));

  amigo_launch_dialog_show_launch_error (dialog, opt_in);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "error_group")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "error_label"))), ==, message);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "subscribe_button")));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "subscribe_button")));
  g_assert_cmpstr (amigo_launch_dialog_get_subscription_url (dialog), ==,
                   "https://aws.amazon.com/marketplace/pp?sku=b1e3x9mkw6tqz2pv7r0yd4hcn");

  /* Another error: AWS's words, no button. */
  amigo_launch_dialog_show_launch_error (dialog, other);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "error_label"))), "InsufficientInstanceCapacity"));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "subscribe_button")));
  g_assert_null (amigo_launch_dialog_get_subscription_url (dialog));
}

/* The Marketplace's x86_64 image (legacy BIOS, ENA). */
static AmigoImage *
marketplace_x86_image (void)
{
  static const char * const marketplace[] = { "aws-marketplace", NULL };
  static const char * const names[] = { "bitnami-wordpress-6.5.3-*", NULL };
  AmigoEc2Filter filters[] = { { "name", names } };
  AmigoDescribeImagesRequest request = { .owners = marketplace, .filters = filters, .n_filters = 1 };
  g_autoptr(GPtrArray) images = amigo_test_ui_describe_images (source_ec2, &request);

  if (images->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (images, 0));
}

/* The subnet row's position of the first subnet in @zone; 0 if none. */
static guint
subnet_in_zone (AmigoLaunchDialog *dialog,
                const char        *zone)
{
  GPtrArray *subnets = amigo_launch_dialog_get_subnets (dialog);

  for (guint i = 0; i < subnets->len; i++)
    if (g_strcmp0 (amigo_subnet_get_availability_zone (g_ptr_array_index (subnets, i)), zone) == 0)
      return i + 1;
  return 0;
}

/* Every type offered can run @image and, once a subnet is chosen, is
 * offered in its zone (@offered, from DescribeInstanceTypeOfferings). */
static void
assert_types_fit (AmigoLaunchDialog  *dialog,
                  AmigoImage         *image,
                  const char * const *offered)
{
  GListModel *types = gtk_drop_down_get_model (GTK_DROP_DOWN (amigo_test_ui_find (dialog, "type_dropdown")));

  g_assert_cmpuint (g_list_model_get_n_items (types), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(AmigoInstanceType) type = g_list_model_get_item (types, i);

      g_assert_true (amigo_instance_type_can_run_image (type, image));
      if (offered != NULL)
        g_assert_true (g_strv_contains (offered, amigo_instance_type_get_instance_type (type)));
    }
}

/* ENA, boot mode, and the zone the subnet is in: only the types that
 * fit all three are offered. */
static void
test_launch_types_fit_zone (void)
{
  g_autoptr(AmigoImage) legacy = marketplace_x86_image ();
  g_autoptr(AmigoImage) uefi = make_image ("launch-zone-source");
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) small_zone = NULL;
  g_autoptr(GError) error = NULL;
  AmigoLaunchDialog *dialog;
  guint row;

  if (legacy == NULL)
    {
      g_test_skip ("moto has no Marketplace images (the launcher's --no-patches?)");
      return;
    }
  amigo_ec2_describe_instance_type_offerings_async (source_ec2, "us-east-1e", NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  small_zone = amigo_ec2_describe_instance_type_offerings_finish (source_ec2, result, &error);
  g_assert_no_error (error);

  /* An image made from a t3.micro instance: ENA, UEFI (moto's CreateImage).
   * t2.micro (legacy BIOS only) can't boot it. */
  g_assert_true (amigo_image_get_ena_support (uefi));
  g_assert_cmpstr (amigo_image_get_boot_mode (uefi), ==, "uefi");
  {
    g_auto(Opened) opened = { 0 };

    open_dialog (&opened, uefi, amigo_launch_dialog_new);
    dialog = AMIGO_LAUNCH_DIALOG (opened.window);
    wait_loaded (dialog);
    assert_types_fit (dialog, uefi, NULL);
    g_assert_true (select_type (dialog, "t3.micro"));
    g_assert_false (select_type (dialog, "t2.micro"));
    g_assert_false (select_type (dialog, "t4g.micro"));
  }

  /* Legacy BIOS with ENA: t2.micro and t3.micro; in us-east-1e only the
   * former is offered. */
  g_assert_true (amigo_image_get_ena_support (legacy));
  {
    g_auto(Opened) opened = { 0 };
    g_autofree char *shown = NULL;

    open_dialog (&opened, legacy, amigo_launch_dialog_new);
    dialog = AMIGO_LAUNCH_DIALOG (opened.window);
    wait_loaded (dialog);
    assert_types_fit (dialog, legacy, NULL);
    g_assert_true (select_type (dialog, "t2.micro"));
    g_assert_true (select_type (dialog, "t3.micro"));

    row = subnet_in_zone (dialog, "us-east-1e");
    g_assert_cmpuint (row, >, 0);
    adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "subnet_row")), row);
    wait_loaded (dialog);
    assert_types_fit (dialog, legacy, (const char * const *) small_zone);
    g_assert_false (select_type (dialog, "t3.micro"));
    g_assert_true (select_type (dialog, "t2.micro"));
    shown = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "type_row"));
    g_assert_nonnull (strstr (shown, "offered in us-east-1e"));
    amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch-types-zone.png");

    /* Another zone: t3.micro is back. */
    row = subnet_in_zone (dialog, "us-east-1a");
    g_assert_cmpuint (row, >, 0);
    adw_combo_row_set_selected (ADW_COMBO_ROW (amigo_test_ui_find (dialog, "subnet_row")), row);
    wait_loaded (dialog);
    g_assert_true (select_type (dialog, "t3.micro"));
  }
}

/* The stand-in refuses RunInstances of a Marketplace product the account
 * has not subscribed to, as EC2 does: the dialog shows AWS's words and
 * the product's page, as text. */
static void
test_launch_opt_in_required_network (void)
{
  g_autoptr(AmigoImage) arm = marketplace_arm64_image ();
  g_auto(Opened) opened = { 0 };
  g_autofree char *unsubscribe = NULL;
  g_autofree char *subscribe = NULL;
  g_autofree char *expected = NULL;
  const AmigoProductCode *codes;
  AmigoLaunchDialog *dialog;
  GtkLabel *label;
  guint n_codes = 0;

  if (arm == NULL)
    {
      g_test_skip ("moto has no Marketplace images (the launcher's --no-patches?)");
      return;
    }
  codes = amigo_image_get_product_codes (arm, &n_codes);
  g_assert_cmpuint (n_codes, ==, 1);
  unsubscribe = g_strdup_printf ("{\"product_code\": \"%s\", \"subscribed\": false}", codes[0].product_code_id);
  subscribe = g_strdup_printf ("{\"product_code\": \"%s\", \"subscribed\": true}", codes[0].product_code_id);
  expected = g_strdup_printf ("In order to use this AWS Marketplace product you need to accept terms and subscribe. "
                              "To do so please visit https://aws.amazon.com/marketplace/pp?sku=%s",
                              codes[0].product_code_id);

  open_dialog (&opened, arm, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);
  g_assert_true (select_type (dialog, "t4g.micro"));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), "launch-opt-in");
  g_assert_true (launch_review (dialog));

  amigo_test_post (moto_endpoint, "/amigo-test/subscription", unsubscribe);
  g_assert_true (launch_launch (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  amigo_test_post (moto_endpoint, "/amigo-test/subscription", subscribe);

  g_assert_cmpstr (launch_page (dialog), ==, "review");
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "error_group")));
  label = GTK_LABEL (amigo_test_ui_find (dialog, "error_label"));
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "subscribe_button")));
  g_assert_cmpstr (amigo_launch_dialog_get_subscription_url (dialog), ==,
                   g_strrstr (expected, "https://"));
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch-opt-in-required.png");

  /* Nothing was launched. */
  {
    g_autoptr(GPtrArray) instances = describe_instances_named ("launch-opt-in");

    g_assert_cmpuint (instances->len, ==, 0);
  }
}

/* ---- Save as Template ----------------------------------------------- */

static GPtrArray *
describe_templates (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *templates;

  amigo_ec2_describe_launch_templates_async (source_ec2, NULL, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  templates = amigo_ec2_describe_launch_templates_finish (source_ec2, result, &error);
  g_assert_no_error (error);
  return templates;
}

static AmigoLaunchTemplate *
template_named (const char *name)
{
  g_autoptr(GPtrArray) templates = describe_templates ();

  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (amigo_launch_template_get_launch_template_name (g_ptr_array_index (templates, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (templates, i));
  return NULL;
}

static AmigoLaunchTemplateVersion *
template_version (const char *template_id,
                  const char *number)
{
  const char *versions[] = { number, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  amigo_ec2_describe_launch_template_versions_async (source_ec2, template_id, versions, NULL,
                                                     store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  found = amigo_ec2_describe_launch_template_versions_finish (source_ec2, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* launch.save-template: whether CreateLaunchTemplate(Version) was sent. */
static gboolean
save_template (AmigoLaunchDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "launch.save-template", NULL);
  return amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog));
}

/* From the summary, the launch saved as a new launch template, then, after
 * a change of type, as a new version of it made the default: what EC2 keeps
 * is what the summary shows, but the number of instances. */
static void
test_launch_save_template (void)
{
  static const char user_data[] = "#!/bin/sh\necho template\n";
  g_autofree char *key = NULL;
  g_autofree char *group = NULL;
  g_autofree char *name = g_strdup_printf ("amigo-saved-launch-%u", g_random_int ());
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoLaunchTemplate) other = NULL;
  g_autoptr(AmigoLaunchTemplate) saved = NULL;
  g_autoptr(AmigoLaunchTemplate) after = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v1 = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree guchar *decoded = NULL;
  g_auto(Opened) opened = { 0 };
  AmigoRunInstancesRequest other_data = { 0 };
  AmigoLaunchDialog *dialog;
  AdwComboRow *row;
  GtkLabel *message;
  const char * const *group_ids;
  gsize decoded_len = 0;
  guint n = 0;

  if (!need_python ())
    return;
  key = g_strstrip (botocore ("create-key-pair", SOURCE_REGION, "amigo-template-key", NULL));
  group = g_strstrip (botocore ("create-security-group", SOURCE_REGION, "amigo-template-web", NULL));
  image = make_image ("template-source-2024");
  /* A template there already, so that the list shows when it has come. */
  other_data.image_id = amigo_image_get_image_id (image);
  amigo_ec2_create_launch_template_async (source_ec2, "amigo-template-before", NULL, &other_data, NULL,
                                          store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  other = amigo_ec2_create_launch_template_finish (source_ec2, result, &error);
  g_assert_no_error (error);

  open_dialog (&opened, image, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);
  g_assert_true (select_type (dialog, "t3.small"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "count_spin")), 3);
  g_assert_true (select_key (dialog, key));
  gtk_check_button_set_active (group_check (dialog, group), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (amigo_test_ui_find (dialog, "user_data_view"))), user_data, -1);

  /* Only from the summary. */
  g_assert_false (save_template (dialog));
  g_assert_true (launch_review (dialog));
  row = ADW_COMBO_ROW (amigo_test_ui_find (dialog, "template_row"));
  message = GTK_LABEL (amigo_test_ui_find (dialog, "template_message"));
  AMIGO_TEST_WAIT_FOR (g_list_model_get_n_items (adw_combo_row_get_model (row)) >= 2, WAIT_SECONDS);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "template_name_row")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "template_default_row")));

  /* A name EC2 would refuse: nothing sent, said why. */
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "template_name_row")), "with space");
  g_assert_false (save_template (dialog));
  g_assert_true (label_shows (message));
  g_assert_null (template_named ("with space"));

  /* A new template. */
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "template_name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "template_description_row")), "from the summary");
  g_assert_true (save_template (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  g_assert_true (label_shows (message));
  g_assert_nonnull (strstr (gtk_label_get_text (message), name));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_cmpuint (opened.toasts->len, ==, 1);
  g_assert_cmpstr (launch_page (dialog), ==, "review");
  g_assert_cmpuint (amigo_launch_dialog_get_instance_ids (dialog)->len, ==, 0);

  saved = template_named (name);
  g_assert_nonnull (saved);
  g_assert_cmpint (amigo_launch_template_get_latest_version_number (saved), ==, 1);
  v1 = template_version (amigo_launch_template_get_launch_template_id (saved), "1");
  g_assert_cmpstr (amigo_launch_template_version_get_version_description (v1), ==, "from the summary");
  g_assert_cmpstr (amigo_launch_template_version_get_image_id (v1), ==, amigo_image_get_image_id (image));
  g_assert_cmpstr (amigo_launch_template_version_get_instance_type (v1), ==, "t3.small");
  g_assert_cmpstr (amigo_launch_template_version_get_key_name (v1), ==, key);
  group_ids = amigo_launch_template_version_get_security_group_ids (v1);
  g_assert_nonnull (group_ids);
  g_assert_true (g_strv_contains (group_ids, group));
  g_assert_cmpstr (amigo_launch_template_version_get_http_tokens (v1), ==, "required");
  g_assert_nonnull (amigo_launch_template_version_get_user_data (v1));
  decoded = g_base64_decode (amigo_launch_template_version_get_user_data (v1), &decoded_len);
  g_assert_cmpmem (decoded, decoded_len, user_data, strlen (user_data));
  amigo_launch_template_version_get_block_device_mappings (v1, &n);
  g_assert_cmpuint (n, ==, 0);   /* no volume changed: the image's stay */

  /* The list now offers it, chosen: a new version, made the default. */
  AMIGO_TEST_WAIT_FOR (adw_combo_row_get_selected (row) != 0 &&
                       adw_combo_row_get_selected (row) != GTK_INVALID_LIST_POSITION, WAIT_SECONDS);
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "template_name_row")));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "template_default_row")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "launch.back", NULL);
  g_assert_cmpstr (launch_page (dialog), ==, "form");
  g_assert_true (select_type (dialog, "t3.medium"));
  g_assert_true (launch_review (dialog));
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "template_default_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "template_description_row")), "");
  g_assert_true (save_template (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "version 2"));
  g_assert_cmpuint (opened.toasts->len, ==, 2);

  after = template_named (name);
  g_assert_cmpint (amigo_launch_template_get_latest_version_number (after), ==, 2);
  g_assert_cmpint (amigo_launch_template_get_default_version_number (after), ==, 2);
  v2 = template_version (amigo_launch_template_get_launch_template_id (after), "2");
  g_assert_cmpstr (amigo_launch_template_version_get_instance_type (v2), ==, "t3.medium");
  g_assert_cmpstr (amigo_launch_template_version_get_key_name (v2), ==, key);
  g_assert_true (amigo_launch_template_version_get_default_version (v2));
  AMIGO_TEST_WAIT_FOR (!gtk_stack_get_transition_running (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), 30);
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch-template.png");
}

/* A Quick Start image, launched and saved as a template by its public
 * parameter (resolve:ssm:): EC2 is given the parameter, not the image id,
 * and launches the image the parameter names. */
static void
test_launch_newest_image (void)
{
  static const char parameter[] = "/aws/service/debian/release/12/latest/amd64";
  g_autoptr(AmigoSsm) ssm = amigo_ssm_new (amigo_test_ui_get_client (), SOURCE_REGION,
                                           g_getenv ("AMIGO_TEST_ENDPOINT"));
  const char *names[] = { parameter, NULL };
  g_autofree char *name = g_strdup_printf ("amigo-newest-%u", g_random_int ());
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoImage) plain_image = make_image ("newest-plain-source");
  g_autoptr(AmigoLaunchTemplate) saved = NULL;
  g_autoptr(AmigoLaunchTemplateVersion) v1 = NULL;
  g_auto(Opened) opened = { 0 };
  g_auto(Opened) plain = { 0 };
  AmigoLaunchDialog *dialog;
  const char *image_id;

  amigo_ssm_get_parameters_async (ssm, names, NULL, store_result_cb, &result);
  AMIGO_TEST_WAIT_FOR (result != NULL, WAIT_SECONDS);
  parameters = amigo_ssm_get_parameters_finish (ssm, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, ==, 1);
  image_id = ((AmigoSsmParameter *) g_ptr_array_index (parameters, 0))->value;
  image = amigo_test_ui_get_image (source_ec2, image_id);

  /* An image no parameter names: nothing to offer. */
  open_dialog (&plain, plain_image, amigo_launch_dialog_new);
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (plain.window, "newest_image_row")));

  open_dialog_named (&opened, image, parameter, amigo_launch_dialog_new);
  dialog = AMIGO_LAUNCH_DIALOG (opened.window);
  wait_loaded (dialog);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "newest_image_row")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "newest_image_row"))),
                            parameter));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "name_row")), name);
  gtk_switch_set_active (GTK_SWITCH (amigo_test_ui_find (dialog, "newest_image_switch")), TRUE);
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "launch-newest-image.png");

  g_assert_true (launch_review (dialog));
  summary = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "review_group"));
  g_assert_nonnull (strstr (summary, parameter));
  g_assert_null (strstr (summary, image_id));

  /* Saved as a template: its version names the parameter. */
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "template_name_row")), name);
  g_assert_true (save_template (dialog));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)), WAIT_SECONDS);
  saved = template_named (name);
  g_assert_nonnull (saved);
  v1 = template_version (amigo_launch_template_get_launch_template_id (saved), "1");
  g_assert_cmpstr (amigo_launch_template_version_get_image_id (v1), ==, "resolve:ssm:/aws/service/debian/release/12/latest/amd64");
  g_assert_true (amigo_launch_template_version_refers_to_parameter (v1));

  /* Launched: EC2 resolved the parameter to the image it names. */
  g_assert_true (launch_launch (dialog));
  AMIGO_TEST_WAIT_FOR (g_strcmp0 (launch_page (dialog), "done") == 0, WAIT_SECONDS);
  instances = describe_instances_named (name);
  g_assert_cmpuint (instances->len, ==, 1);
  g_assert_cmpstr (amigo_instance_get_image_id (g_ptr_array_index (instances, 0)), ==, image_id);
}

/* ---- loading when the main window goes -------------------------------- */

static gboolean
is_toplevel (GtkWindow *window)
{
  guint position;

  return g_list_store_find (G_LIST_STORE (gtk_window_get_toplevels ()), window, &position);
}

/* Permissions (the launch permission), Copy to Regions (the regions) and
 * Launch (instance types, key pairs, subnets, VPCs, groups, templates)
 * ask AWS as they open, and the requests hold them until they end. The
 * main window may go meanwhile (the app quits), with dialogs already
 * closed and one still open (it goes with its parent). Their requests
 * must be given up, and the dialogs go without touching the freed
 * window. */
static void
test_closed_while_loading (void)
{
  const struct {
    AmigoActionDialogNew create;
    const char *asked;          /* sent as it opens */
    gboolean closed;            /* before the window goes */
  } dialogs[] = {
    { amigo_permissions_dialog_new, "DescribeImageAttribute", FALSE },
    { amigo_copy_image_dialog_new, "DescribeRegions", TRUE },
    { amigo_launch_dialog_new, "DescribeInstanceTypes", TRUE },
  };
  g_autoptr(AmigoImage) image = make_image ("closed-while-loading");
  GtkWindow *opened[G_N_ELEMENTS (dialogs)];
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &parent);
  gtk_window_present (parent);
  fault_reset ();
  /* Every answer is held back: the requests are still out when the
   * window goes. */
  proxy_post ("/__fault__", "{\"mode\": \"delay\", \"seconds\": 20, \"count\": 100}");

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(AmigoActionContext) context = NULL;

      g_ptr_array_add (images, g_object_ref (image));
      context = amigo_action_context_new (amigo_test_ui_get_account (), amigo_test_ui_get_client (),
                                          SOURCE_REGION, images, tasks);
      opened[i] = dialogs[i].create (parent, context);
      g_object_add_weak_pointer (G_OBJECT (opened[i]), (gpointer *) &opened[i]);
      g_assert_true (gtk_window_get_transient_for (opened[i]) == parent);
      g_assert_true (gtk_window_get_destroy_with_parent (opened[i]));
      gtk_window_present (opened[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    AMIGO_TEST_WAIT_FOR (amigo_test_ui_fault_count ("seen", dialogs[i].asked) > 0, WAIT_SECONDS);

  /* Closed (as Escape does) with their requests out: those hold them. */
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    if (dialogs[i].closed)
      {
        gtk_window_close (opened[i]);
        g_assert_false (is_toplevel (opened[i]));
        g_assert_nonnull (opened[i]);
      }
  /* The main window goes at once, before any answer; the open dialog
   * goes with it. */
  gtk_window_destroy (parent);
  g_assert_null (parent);
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_assert_nonnull (opened[i]);
      g_assert_false (is_toplevel (opened[i]));
      g_assert_null (gtk_window_get_transient_for (opened[i]));
    }

  /* The requests end, given up: the dialogs go, and none waited for an
   * answer. */
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    AMIGO_TEST_WAIT_FOR (opened[i] == NULL, WAIT_SECONDS);
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    g_assert_cmpuint (amigo_test_ui_fault_count ("forwarded", dialogs[i].asked), ==, 0);
  fault_reset ();
}

int
main (int   argc,
      char *argv[])
{
  const char *proxy = g_getenv ("AMIGO_FAULT_PROXY");
  int status;

  if (proxy == NULL || g_getenv ("AMIGO_TEST_ENDPOINT") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh tests/fault-harness.sh\n");
      return 77;
    }
  /* The app talks to moto through the proxy. */
  moto_endpoint = g_strdup (g_getenv ("AMIGO_TEST_ENDPOINT"));
  g_setenv ("AMIGO_TEST_ENDPOINT", proxy, TRUE);

  status = amigo_test_ui_init (&argc, &argv);
  if (status != 0)
    return status;
  python = find_python ();

  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    accounts = amigo_account_manager_new (settings, NULL);
    tasks = amigo_task_manager_new (accounts, NULL);
  }
  source_ec2 = amigo_test_ui_get_ec2 (SOURCE_REGION);
  instance_id = amigo_test_ui_run_instance (source_ec2, "image-source");

  g_test_add_func ("/ui/copy-image/two-regions", test_copy_two_regions);
  g_test_add_func ("/ui/copy-image/retry-creates-nothing-twice", test_copy_retry_creates_nothing_twice);
  g_test_add_func ("/ui/copy-image/partial-failure", test_copy_partial_failure);
  g_test_add_func ("/ui/copy-image/validation", test_copy_validation);
  g_test_add_func ("/ui/copy-image/kms-key-forms", test_kms_key_forms);
  g_test_add_func ("/ui/launch/instances", test_launch);
  g_test_add_func ("/ui/launch/subnet", test_launch_subnet);
  g_test_add_func ("/ui/launch/types-fit-image", test_launch_types_fit_image);
  g_test_add_func ("/ui/launch/validation", test_launch_validation);
  g_test_add_func ("/ui/launch/opt-in-required", test_launch_opt_in_required);
  g_test_add_func ("/ui/launch/types-fit-zone", test_launch_types_fit_zone);
  g_test_add_func ("/ui/launch/opt-in-required-network", test_launch_opt_in_required_network);
  g_test_add_func ("/ui/launch/save-as-template", test_launch_save_template);
  g_test_add_func ("/ui/launch/newest-image-parameter", test_launch_newest_image);
  g_test_add_func ("/ui/dialogs/closed-while-loading", test_closed_while_loading);

  status = g_test_run ();

  g_clear_object (&source_ec2);
  g_clear_object (&tasks);
  g_clear_object (&accounts);
  g_free (instance_id);
  g_free (python);
  g_free (moto_endpoint);
  return status;
}
