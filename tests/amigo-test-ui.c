/* amigo-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-application.h"
#include "amigo-error.h"
#include "amigo-test-ui.h"

static AmigoAwsConfig *config;
static AmigoAccount *account;
static AmigoClient *client;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits for an async call started with store_result_cb and &result. */
static GAsyncResult *
wait_result (GAsyncResult **result)
{
  AMIGO_TEST_WAIT_FOR (*result != NULL, 120);
  return *result;
}

int
amigo_test_ui_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");

  if (endpoint == NULL || g_getenv ("AMIGO_TEST_ACCESS_KEY_ID") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh\n");
      return 77;
    }

  /* The account a person gets by exporting AWS_* variables. */
  g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  g_setenv ("AWS_ENDPOINT_URL", endpoint, TRUE);
  g_setenv ("AWS_REGION", "us-east-1", TRUE);
  g_unsetenv ("AWS_PROFILE");

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Its class init registers the resources (templates, icons, CSS). */
  g_type_class_unref (g_type_class_ref (AMIGO_TYPE_APPLICATION));

  envp = g_get_environ ();
  config = amigo_aws_config_load ((const char * const *) envp, &error);
  g_assert_no_error (error);
  account = amigo_account_new_environment (config);

  amigo_account_get_client_async (account, NULL, store_result_cb, &result);
  client = amigo_account_get_client_finish (account, wait_result (&result), &error);
  g_assert_no_error (error);
  return 0;
}

/**
 * amigo_test_ui_get_account: (skip)
 */
AmigoAccount *
amigo_test_ui_get_account (void)
{
  return account;
}

AmigoClient *
amigo_test_ui_get_client (void)
{
  return client;
}

/**
 * amigo_test_ui_get_ec2:
 *
 * Returns: (transfer full): EC2 in @region through moto
 */
AmigoEc2 *
amigo_test_ui_get_ec2 (const char *region)
{
  g_autoptr(GError) error = NULL;
  AmigoEc2 *ec2 = amigo_ec2_new_for_account (account, client, region, &error);

  g_assert_no_error (error);
  return ec2;
}

/**
 * amigo_test_ui_new_context:
 *
 * Returns: (transfer full): a context as the window would make it, without
 *   a task manager
 */
AmigoActionContext *
amigo_test_ui_new_context (const char *region,
                           GPtrArray  *images)
{
  return amigo_action_context_new (account, client, region, images, NULL);
}

/**
 * amigo_test_ui_describe_images:
 *
 * Returns: (transfer full) (element-type AmigoImage): the images
 */
GPtrArray *
amigo_test_ui_describe_images (AmigoEc2                         *ec2,
                               const AmigoDescribeImagesRequest *request)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *images;

  amigo_ec2_describe_images_async (ec2, request, NULL, NULL, NULL, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return images;
}

/**
 * amigo_test_ui_get_image:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL when EC2 no
 *   longer lists it
 */
AmigoImage *
amigo_test_ui_get_image (AmigoEc2   *ec2,
                         const char *image_id)
{
  const char *ids[] = { image_id, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids, .include_deprecated = TRUE, .include_disabled = TRUE };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_images_async (ec2, &request, NULL, NULL, NULL, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_result (&result), NULL, &error);
  if (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE) &&
      g_str_has_prefix (amigo_aws_error_get_aws_code (error) ?: "", "InvalidAMIID"))
    return NULL;
  g_assert_no_error (error);
  if (images == NULL || images->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (images, 0));
}

char *
amigo_test_ui_run_instance (AmigoEc2   *ec2,
                            const char *name)
{
  static const char * const amazon[] = { "amazon", NULL };
  static const char * const x86[] = { "x86_64", NULL };
  static const char * const ebs[] = { "ebs", NULL };
  AmigoEc2Filter filters[] = { { "architecture", x86 }, { "root-device-type", ebs } };
  AmigoDescribeImagesRequest images_request = { .owners = amazon, .filters = filters, .n_filters = 2 };
  g_autoptr(GPtrArray) images = amigo_test_ui_describe_images (ec2, &images_request);
  AmigoEc2Tag tags[] = { { "Name", name } };
  AmigoRunInstancesRequest request = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = amigo_client_token_new ();

  g_assert_cmpuint (images->len, >, 0);
  request.image_id = amigo_image_get_image_id (g_ptr_array_index (images, 0));
  request.instance_type = "t3.micro";
  request.min_count = 1;
  request.max_count = 1;
  request.instance_tags = tags;
  request.n_instance_tags = 1;
  request.client_token = token;

  amigo_ec2_run_instances_async (ec2, &request, NULL, store_result_cb, &result);
  instances = amigo_ec2_run_instances_finish (ec2, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

char *
amigo_test_ui_create_image (AmigoEc2   *ec2,
                            const char *instance_id,
                            const char *name)
{
  AmigoCreateImageRequest request = { .instance_id = instance_id, .name = name, .no_reboot = TRUE };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *image_id;

  amigo_ec2_create_image_async (ec2, &request, NULL, store_result_cb, &result);
  image_id = amigo_ec2_create_image_finish (ec2, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return image_id;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/**
 * amigo_test_ui_collect_text:
 *
 * Returns: (transfer full): every visible label, entry and inscription text
 */
char *
amigo_test_ui_collect_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}
