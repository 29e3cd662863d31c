/* test-integration-rules.c — the rules EC2 enforces, checked by the engine
 * before sending, against the patched moto (tests/moto-launcher.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CreateImage with a change to the instance's own volume (refused before
 * sending, and by the stand-in when sent anyway); the instance types that
 * can run an image (ENA, boot mode) and those offered in a zone
 * (DescribeInstanceTypeOfferings); RunInstances of a Marketplace image
 * without a subscription (OptInRequired through the network).
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "amigo-client.h"
#include "amigo-ec2.h"
#include "amigo-error.h"
#include "amigo-test-moto.h"

#define REGION "us-east-1"
/* moto's us-east-1e offers 58 types: t2.micro, not t3.micro (its
 * instance_type_offerings data, as EC2 answers DescribeInstanceTypeOfferings) */
#define SMALL_ZONE "us-east-1e"
#define FULL_ZONE  "us-east-1a"

static struct {
  const char *endpoint;
  AmigoClient *client;
  AmigoEc2 *ec2;
  char *run_id;
} env;

static char *
unique_name (const char *what)
{
  static guint counter;

  return g_strdup_printf ("Amigo rules %s (%s) no. %u", what, env.run_id, ++counter);
}

/* ---- helpers ---------------------------------------------------------- */

static GPtrArray *
describe_images (const char * const *owners,
                 const char         *architecture)
{
  const char *values[] = { architecture, NULL };
  AmigoEc2Filter filter = { "architecture", values };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = &filter, .n_filters = 1 };
  g_autoptr(GError) error = NULL;
  GPtrArray *images;

  amigo_ec2_describe_images_async (env.ec2, &request, NULL, amigo_test_result_cb,
                                   amigo_test_next_result ());
  images = amigo_ec2_describe_images_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);
  return images;
}

static AmigoImage *
get_image (const char *image_id)
{
  const char *ids[] = { image_id, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_images_async (env.ec2, &request, NULL, amigo_test_result_cb,
                                   amigo_test_next_result ());
  images = amigo_ec2_describe_images_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  return g_object_ref (g_ptr_array_index (images, 0));
}

static GPtrArray *
run_instances (const char  *image_id,
               const char  *instance_type,
               GError     **error)
{
  AmigoRunInstancesRequest request = { .image_id = image_id, .instance_type = instance_type };

  amigo_ec2_run_instances_async (env.ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_run_instances_finish (env.ec2, amigo_test_await_result (), error);
}

static AmigoInstance *
launch_amazon_instance (void)
{
  static const char * const amazon[] = { "amazon", NULL };
  g_autoptr(GPtrArray) images = describe_images (amazon, "x86_64");
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *instance_id = NULL;
  const char *ids[2] = { NULL, NULL };
  AmigoEc2ListRequest request = { .ids = ids };

  for (guint i = 0; i < images->len && instances == NULL; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      if (g_strcmp0 (amigo_image_get_root_device_type (image), "ebs") != 0 ||
          g_strcmp0 (amigo_image_get_virtualization_type (image), "hvm") != 0)
        continue;
      instances = run_instances (amigo_image_get_image_id (image), "t3.micro", &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (instances);
  g_assert_cmpuint (instances->len, ==, 1);

  /* As DescribeInstances shows it: its volumes and their devices */
  instance_id = g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
  ids[0] = instance_id;
  g_clear_pointer (&instances, g_ptr_array_unref);
  amigo_ec2_describe_instances_async (env.ec2, &request, NULL,
                                      amigo_test_result_cb, amigo_test_next_result ());
  instances = amigo_ec2_describe_instances_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_object_ref (g_ptr_array_index (instances, 0));
}

static char *
create_image (const AmigoCreateImageRequest  *request,
              GError                        **error)
{
  amigo_ec2_create_image_async (env.ec2, request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_create_image_finish (env.ec2, amigo_test_await_result (), NULL, error);
}

static AmigoBlockDeviceMapping
ebs_mapping (const char *device)
{
  AmigoBlockDeviceMapping m = { 0 };

  m.device_name = (char *) device;
  m.has_ebs = TRUE;
  m.ebs.volume_size = -1;
  m.ebs.iops = -1;
  m.ebs.throughput = -1;
  m.ebs.delete_on_termination = AMIGO_TRISTATE_UNSET;
  m.ebs.encrypted = AMIGO_TRISTATE_UNSET;
  return m;
}

/* Whether one of your images is called @name. */
static gboolean
own_image_named (const char *name)
{
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_find_own_image_by_name_async (env.ec2, name, NULL,
                                          amigo_test_result_cb, amigo_test_next_result ());
  image = amigo_ec2_find_own_image_by_name_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return image != NULL;
}

/* ---- CreateImage: the instance's volumes as they are ------------------- */

static void
test_create_image_existing_volume (void)
{
  g_autoptr(AmigoInstance) instance = NULL;
  g_autofree char *refused_name = unique_name ("resized");
  g_autofree char *sent_name = unique_name ("resized anyway");
  g_autofree char *kept_name = unique_name ("kept");
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoInstanceBlockDeviceMapping *volumes;
  const AmigoBlockDeviceMapping *mappings;
  const char *devices[8] = { NULL };
  const char *root_device;
  AmigoBlockDeviceMapping m;
  AmigoCreateImageRequest request = { 0 };
  guint n_volumes = 0;
  guint n_mappings = 0;

  if (!amigo_test_moto_have_server ())
    return;

  instance = launch_amazon_instance ();
  root_device = amigo_instance_get_root_device_name (instance);
  volumes = amigo_instance_get_block_device_mappings (instance, &n_volumes);
  g_assert_cmpuint (n_volumes, >, 0);
  for (guint i = 0; i < n_volumes && i < G_N_ELEMENTS (devices) - 1; i++)
    devices[i] = volumes[i].device_name;

  /* A bigger root volume: refused by the engine, nothing sent */
  m = ebs_mapping (root_device);
  m.ebs.volume_size = 16;
  request.instance_id = amigo_instance_get_instance_id (instance);
  request.name = refused_name;
  request.no_reboot = TRUE;
  request.block_device_mappings = &m;
  request.n_block_device_mappings = 1;
  request.instance_devices = devices;
  image_id = create_image (&request, &error);
  g_assert_null (image_id);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, root_device));
  g_clear_error (&error);
  g_assert_false (own_image_named (refused_name));

  /* Sent anyway (the engine not told which devices are the instance's):
   * EC2 — here its stand-in — refuses it too. */
  request.name = sent_name;
  request.instance_devices = NULL;
  image_id = create_image (&request, &error);
  g_assert_null (image_id);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidBlockDeviceMapping");
  g_clear_error (&error);
  g_assert_false (own_image_named (sent_name));

  /* What can change: delete on termination */
  m = ebs_mapping (root_device);
  m.ebs.delete_on_termination = AMIGO_TRISTATE_FALSE;
  request.name = kept_name;
  request.instance_devices = devices;
  image_id = create_image (&request, &error);
  g_assert_no_error (error);
  image = get_image (image_id);
  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  for (guint i = 0; i < n_mappings; i++)
    if (g_strcmp0 (mappings[i].device_name, root_device) == 0)
      {
        g_assert_cmpint (mappings[i].ebs.delete_on_termination, ==, AMIGO_TRISTATE_FALSE);
        g_assert_cmpint (mappings[i].ebs.volume_size, ==, 8);
      }
}

/* ---- Launch: the types that fit, where they are offered ---------------- */

static GPtrArray *
all_instance_types (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *types;

  amigo_ec2_describe_instance_types_async (env.ec2, NULL, NULL,
                                           amigo_test_result_cb, amigo_test_next_result ());
  types = amigo_ec2_describe_instance_types_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return types;
}

static AmigoInstanceType *
find_type (GPtrArray  *types,
           const char *name)
{
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (amigo_instance_type_get_instance_type (g_ptr_array_index (types, i)), name) == 0)
      return g_ptr_array_index (types, i);
  g_error ("no instance type %s", name);
  return NULL;
}

/* An image registered on @snapshot_id as @boot_mode and @ena say. */
static AmigoImage *
register_image (const char *snapshot_id,
                const char *boot_mode,
                gboolean    ena)
{
  g_autofree char *name = unique_name (boot_mode != NULL ? boot_mode : "no boot mode");
  AmigoRegisterImageRequest request = {
    .name = name,
    .architecture = "x86_64",
    .root_device_name = "/dev/xvda",
    .virtualization_type = "hvm",
    .boot_mode = boot_mode,
    .ena_support = ena,
    .root_snapshot_id = snapshot_id,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  amigo_ec2_register_image_async (env.ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  image_id = amigo_ec2_register_image_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  return get_image (image_id);
}

static void
test_launch_fitting_types (void)
{
  static const struct {
    const char *boot_mode;
    gboolean ena;
    gboolean t3_micro;          /* ENA required; legacy-bios and uefi */
    gboolean t2_micro;          /* no ENA; legacy-bios only */
    gboolean a1_large;          /* arm64 */
  } table[] = {
    { "legacy-bios", FALSE, FALSE, TRUE, FALSE },
    { "legacy-bios", TRUE, TRUE, TRUE, FALSE },
    { "uefi", TRUE, TRUE, FALSE, FALSE },
    { "uefi-preferred", TRUE, TRUE, TRUE, FALSE },
    { NULL, TRUE, TRUE, TRUE, FALSE },  /* x86: legacy BIOS by default */
  };
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(AmigoInstance) instance = NULL;
  g_autofree char *name = unique_name ("snapshot source");
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) source = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoBlockDeviceMapping *mappings;
  const char *snapshot_id = NULL;
  AmigoCreateImageRequest request = { 0 };
  guint n_mappings = 0;

  if (!amigo_test_moto_have_server ())
    return;

  types = all_instance_types ();
  g_assert_cmpstr (amigo_instance_type_get_ena_support (find_type (types, "t3.micro")), ==, "required");
  g_assert_cmpstr (amigo_instance_type_get_ena_support (find_type (types, "t2.micro")), ==, "unsupported");

  /* A snapshot to register images on */
  instance = launch_amazon_instance ();
  request.instance_id = amigo_instance_get_instance_id (instance);
  request.name = name;
  request.no_reboot = TRUE;
  image_id = create_image (&request, &error);
  g_assert_no_error (error);
  source = get_image (image_id);
  /* CreateImage keeps the source AMI's ENA support */
  g_assert_true (amigo_image_get_ena_support (source));
  mappings = amigo_image_get_block_device_mappings (source, &n_mappings);
  for (guint i = 0; i < n_mappings && snapshot_id == NULL; i++)
    if (mappings[i].has_ebs)
      snapshot_id = mappings[i].ebs.snapshot_id;
  g_assert_nonnull (snapshot_id);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(AmigoImage) image = register_image (snapshot_id, table[i].boot_mode, table[i].ena);

      g_test_message ("boot mode %s, ENA %d", table[i].boot_mode, table[i].ena);
      g_assert_cmpint (amigo_image_get_ena_support (image), ==, table[i].ena);
      g_assert_cmpint (amigo_instance_type_can_run_image (find_type (types, "t3.micro"), image), ==, table[i].t3_micro);
      g_assert_cmpint (amigo_instance_type_can_run_image (find_type (types, "t2.micro"), image), ==, table[i].t2_micro);
      g_assert_cmpint (amigo_instance_type_can_run_image (find_type (types, "a1.large"), image), ==, table[i].a1_large);
    }
}

static char **
offerings (const char *zone)
{
  g_autoptr(GError) error = NULL;
  char **names;

  amigo_ec2_describe_instance_type_offerings_async (env.ec2, zone, NULL,
                                                    amigo_test_result_cb, amigo_test_next_result ());
  names = amigo_ec2_describe_instance_type_offerings_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return names;
}

static void
test_launch_zone_offerings (void)
{
  g_auto(GStrv) small = NULL;
  g_auto(GStrv) full = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  small = offerings (SMALL_ZONE);
  full = offerings (FULL_ZONE);
  g_assert_cmpuint (g_strv_length (small), >, 0);
  g_assert_cmpuint (g_strv_length (small), <, g_strv_length (full));
  g_assert_true (g_strv_contains ((const char * const *) small, "t2.micro"));
  g_assert_false (g_strv_contains ((const char * const *) small, "t3.micro"));
  g_assert_true (g_strv_contains ((const char * const *) full, "t3.micro"));
  /* More than one page of 1000 */
  g_assert_cmpuint (g_strv_length (full), >, 1000);
}

/* ---- RunInstances: a Marketplace product without a subscription -------- */

static void
set_subscribed (const char *product_code,
                gboolean    subscribed)
{
  g_autofree char *body = g_strdup_printf ("{\"product_code\": \"%s\", \"subscribed\": %s}",
                                           product_code, subscribed ? "true" : "false");

  amigo_test_moto_post ("/amigo-test/subscription", body);
}

static void
test_run_instances_opt_in_required (void)
{
  static const char * const marketplace[] = { "aws-marketplace", NULL };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const AmigoAwsErrorDetails *details;
  const AmigoProductCode *codes;
  AmigoImage *image;
  guint n_codes = 0;

  if (!amigo_test_moto_have_server ())
    return;

  images = describe_images (marketplace, "arm64");
  image = g_ptr_array_index (images, 0);
  codes = amigo_image_get_product_codes (image, &n_codes);
  g_assert_cmpuint (n_codes, ==, 1);
  expected = g_strdup_printf ("In order to use this AWS Marketplace product you need to accept terms and "
                              "subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=%s",
                              codes[0].product_code_id);

  set_subscribed (codes[0].product_code_id, FALSE);
  instances = run_instances (amigo_image_get_image_id (image), "a1.large", &error);
  set_subscribed (codes[0].product_code_id, TRUE);
  g_assert_null (instances);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_true (amigo_aws_error_has_aws_code (error, "OptInRequired"));
  details = amigo_aws_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpstr (details->aws_message, ==, expected);
  g_clear_error (&error);

  /* Subscribed: it launches. */
  instances = run_instances (amigo_image_get_image_id (image), "a1.large", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  const char *moto_args = g_getenv ("AMIGO_MOTO_ARGS");
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  env.run_id = g_strdup_printf ("%08x", g_random_int ());
  if (moto_args != NULL && strstr (moto_args, "--no-patches") != NULL)
    env.endpoint = NULL;
  if (env.endpoint != NULL)
    {
      g_autoptr(AmigoCredentials) credentials =
        amigo_credentials_new (g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), NULL, 0);

      env.client = amigo_client_new (credentials);
      env.ec2 = amigo_ec2_new (env.client, REGION, env.endpoint);
    }

  g_test_add_func ("/integration/rules/create-image/existing-volume", test_create_image_existing_volume);
  g_test_add_func ("/integration/rules/launch/fitting-types", test_launch_fitting_types);
  g_test_add_func ("/integration/rules/launch/zone-offerings", test_launch_zone_offerings);
  g_test_add_func ("/integration/rules/run-instances/opt-in-required", test_run_instances_opt_in_required);

  status = g_test_run ();

  amigo_test_moto_cleanup ();
  g_clear_object (&env.ec2);
  g_clear_object (&env.client);
  g_free (env.run_id);
  return status;
}
