/* test-ec2-requests.c — what AmigoEc2 and AmigoSts send, and how they
 * recover, against a scripted HTTP peer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A threaded socket service on 127.0.0.1 records every request body and
 * answers from a script (status, body, and where to cut the body short),
 * or with a minimal success answer of the request's action.
 *
 * - /ec2/requests/…: each operation's body, decoded and sorted, equals what
 *   botocore serializes for the same request (tests/data/ec2-requests.txt,
 *   made by tests/gen-ec2-requests.py): every parameter name comes from
 *   botocore's EC2 and STS models.
 * - /ec2/describe-images/retried-page: a page cut off after some images were
 *   handed out is fetched again, and no image is handed out twice.
 * - /ec2/create-image/…: a retried CreateImage that meets
 *   InvalidAMIName.Duplicate finds the image its first attempt made, and
 *   only that one.
 * - /ec2/instance-type/can-run-image: which types can run which images.
 */
#include "config.h"

#include <string.h>

#include "amigo-client.h"
#include "amigo-client-private.h"
#include "amigo-ec2.h"
#include "amigo-ec2-private.h"
#include "amigo-ec2-parsers.h"
#include "amigo-error.h"
#include "amigo-sts.h"

#define EC2_NS "http://ec2.amazonaws.com/doc/2016-11-15/"

/* ---- the scripted peer ------------------------------------------------ */

typedef struct {
  guint status;
  char *body;
  gssize cut_at;                /* send only this many bytes of the body; -1: all */
} Reply;

static struct {
  GSocketService *service;
  char *url;
  GMutex lock;
  GQueue replies;               /* of Reply*, used first */
  GPtrArray *bodies;            /* every request body received */
} peer;

static void
reply_free (Reply *reply)
{
  g_free (reply->body);
  g_free (reply);
}

static void
script (guint       status,
        const char *body,
        gssize      cut_at)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->status = status;
  reply->body = g_strdup (body);
  reply->cut_at = cut_at;
  g_mutex_lock (&peer.lock);
  g_queue_push_tail (&peer.replies, reply);
  g_mutex_unlock (&peer.lock);
}

static char *
form_value (const char *body,
            const char *key)
{
  g_auto(GStrv) pairs = g_strsplit (body, "&", -1);
  g_autofree char *prefix = g_strconcat (key, "=", NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    if (g_str_has_prefix (pairs[i], prefix))
      return g_uri_unescape_string (pairs[i] + strlen (prefix), NULL);
  return NULL;
}

/* A success answer any parser of the action accepts. */
static char *
default_answer (const char *body)
{
  g_autofree char *action = form_value (body, "Action");

  if (g_strcmp0 (action, "GetCallerIdentity") == 0)
    return g_strdup ("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                     "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/test</Arn>"
                     "<UserId>AIDATEST</UserId><Account>123456789012</Account>"
                     "</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>"
                     "</ResponseMetadata></GetCallerIdentityResponse>");
  return g_strdup_printf ("<%sResponse xmlns=\"" EC2_NS "\"><requestId>r</requestId>"
                          "<imageId>ami-new</imageId><return>true</return></%sResponse>",
                          action, action);
}

static char *
read_request (GInputStream *in)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (in);
  gsize length = 0;
  char *body;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (data, NULL, NULL, NULL);

      if (line == NULL)
        return NULL;
      g_strchomp (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "content-length:", 15) == 0)
        length = g_ascii_strtoull (line + 15, NULL, 10);
    }
  body = g_malloc0 (length + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (data), body, length, NULL, NULL, NULL))
    g_clear_pointer (&body, g_free);
  return body;
}

static gboolean
on_run_cb (GThreadedSocketService *service,
           GSocketConnection      *connection,
           GObject                *source,
           gpointer                user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char *body = read_request (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  Reply *reply;
  g_autofree char *answer = NULL;
  g_autofree char *head = NULL;
  guint status = 200;
  gboolean cut;
  gsize len;

  if (body == NULL)
    return TRUE;

  g_mutex_lock (&peer.lock);
  g_ptr_array_add (peer.bodies, body);
  reply = g_queue_pop_head (&peer.replies);
  g_mutex_unlock (&peer.lock);

  if (reply != NULL)
    {
      status = reply->status;
      answer = g_strdup (reply->body);
    }
  else
    answer = default_answer (body);

  /* Each answer on its own connection, so no request ever meets one the
   * peer closed. A body cut short must not say so: libsoup 3.2 takes the
   * end of a `Connection: close` answer for the end of its body, whatever
   * its Content-Length. */
  len = strlen (answer);
  cut = reply != NULL && reply->cut_at >= 0;
  head = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: text/xml;charset=UTF-8\r\n"
                          "Content-Length: %zu\r\n%s\r\n",
                          status, status == 200 ? "OK" : "Error", len,
                          cut ? "" : "Connection: close\r\n");
  if (cut)
    len = reply->cut_at;
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, answer, len, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  if (reply != NULL)
    reply_free (reply);
  return TRUE;
}

static void
peer_start (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&peer.lock);
  g_queue_init (&peer.replies);
  peer.bodies = g_ptr_array_new_with_free_func (g_free);
  peer.service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (peer.service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (peer.service, "run", G_CALLBACK (on_run_cb), NULL);
  g_socket_service_start (peer.service);
  peer.url = g_strdup_printf ("http://127.0.0.1:%u/",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

static void
peer_stop (void)
{
  g_socket_service_stop (peer.service);
  g_socket_listener_close (G_SOCKET_LISTENER (peer.service));
  g_clear_object (&peer.service);
  g_queue_clear_full (&peer.replies, (GDestroyNotify) reply_free);
  g_clear_pointer (&peer.bodies, g_ptr_array_unref);
  g_clear_pointer (&peer.url, g_free);
}

/* Forgets what earlier cases left. */
static void
peer_reset (void)
{
  g_mutex_lock (&peer.lock);
  g_queue_clear_full (&peer.replies, (GDestroyNotify) reply_free);
  g_ptr_array_set_size (peer.bodies, 0);
  g_mutex_unlock (&peer.lock);
}

static guint
peer_n_requests (void)
{
  guint n;

  g_mutex_lock (&peer.lock);
  n = peer.bodies->len;
  g_mutex_unlock (&peer.lock);
  return n;
}

static char *
peer_body (guint i)
{
  char *body;

  g_mutex_lock (&peer.lock);
  g_assert_cmpuint (i, <, peer.bodies->len);
  body = g_strdup (g_ptr_array_index (peer.bodies, i));
  g_mutex_unlock (&peer.lock);
  return body;
}

/* ---- clients ---------------------------------------------------------- */

static AmigoClient *
client_new (void)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", NULL, 0);
  AmigoClient *client = amigo_client_new (credentials);

  /* Retries at once: the cases are about what is retried, not when */
  _amigo_client_set_backoff (client, 1, 1, 1);
  return client;
}

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
  while (last_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return last_result;
}

static void
forget_result (void)
{
  g_clear_object (&last_result);
}

/* ---- /ec2/requests ---------------------------------------------------- */

static const AmigoBlockDeviceMapping *
block_device_mappings (guint *n)
{
  static AmigoBlockDeviceMapping mappings[3];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
        {
          g_autoptr(AmigoBlockDeviceMapping) fresh = amigo_block_device_mapping_new ();

          /* Unset everywhere: -1 and AMIGO_TRISTATE_UNSET */
          mappings[i] = *fresh;
          mappings[i].device_name = mappings[i].virtual_name = mappings[i].no_device = NULL;
          mappings[i].ebs.snapshot_id = mappings[i].ebs.volume_type = NULL;
          mappings[i].ebs.kms_key_id = NULL;
        }
      mappings[0].device_name = (char *) "/dev/sdf";
      mappings[0].has_ebs = TRUE;
      mappings[0].ebs.volume_size = 20;
      mappings[0].ebs.volume_type = (char *) "gp3";
      mappings[0].ebs.iops = 3000;
      mappings[0].ebs.throughput = 125;
      mappings[0].ebs.delete_on_termination = AMIGO_TRISTATE_TRUE;
      mappings[0].ebs.encrypted = AMIGO_TRISTATE_TRUE;
      mappings[0].ebs.kms_key_id = (char *) "alias/amigo";
      mappings[1].device_name = (char *) "/dev/sdg";
      mappings[1].no_device = (char *) "";
      mappings[2].device_name = (char *) "/dev/sdb";
      mappings[2].virtual_name = (char *) "ephemeral0";
      g_once_init_leave (&initialized, 1);
    }
  *n = G_N_ELEMENTS (mappings);
  return mappings;
}

static void
expect_success (gboolean      ok,
                const GError *error)
{
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
run_describe_regions (AmigoEc2 *ec2,
                      AmigoSts *sts)
{
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_regions_async (ec2, NULL, result_cb, NULL);
  regions = amigo_ec2_describe_regions_finish (ec2, await_result (), &error);
  expect_success (regions != NULL, error);
}

static void
describe_images (AmigoEc2                         *ec2,
                 const AmigoDescribeImagesRequest *request)
{
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_images_async (ec2, request, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  expect_success (images != NULL, error);
}

static void
run_describe_images (AmigoEc2 *ec2,
                     AmigoSts *sts)
{
  const char *owners[] = { "self", "amazon", NULL };
  const char *executable_by[] = { "all", NULL };
  const char *names[] = { "al2023-*", "ubuntu?", NULL };
  const char *teams[] = { "web", NULL };
  AmigoEc2Filter filters[] = { { "name", names }, { "tag:Team", teams } };
  AmigoDescribeImagesRequest request = {
    .owners = owners,
    .executable_by = executable_by,
    .filters = filters,
    .n_filters = G_N_ELEMENTS (filters),
    .include_deprecated = TRUE,
    .include_disabled = TRUE,
    .page_size = 50,
  };

  describe_images (ec2, &request);
}

static void
run_describe_images_ids (AmigoEc2 *ec2,
                         AmigoSts *sts)
{
  const char *ids[] = { "ami-1", "ami-2", NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids, .page_size = 50 };

  describe_images (ec2, &request);
}

static void
run_describe_image_attribute (AmigoEc2 *ec2,
                              AmigoSts *sts)
{
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_image_attribute_async (ec2, "ami-1", AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME,
                                            NULL, result_cb, NULL);
  attribute = amigo_ec2_describe_image_attribute_finish (ec2, await_result (), &error);
  expect_success (attribute != NULL, error);
}

static void
run_create_image (AmigoEc2 *ec2,
                  AmigoSts *sts)
{
  AmigoEc2Tag image_tags[] = { { "Name", "web" }, { "Team", "amigo" } };
  AmigoEc2Tag snapshot_tags[] = { { "Backup", "daily" } };
  AmigoCreateImageRequest request = {
    .instance_id = "i-1",
    .name = "web (v2) [x86]",
    .description = "web server",
    .no_reboot = TRUE,
    .image_tags = image_tags,
    .n_image_tags = G_N_ELEMENTS (image_tags),
    .snapshot_tags = snapshot_tags,
    .n_snapshot_tags = G_N_ELEMENTS (snapshot_tags),
  };
  g_autofree char *image_id = NULL;
  g_autoptr(GError) error = NULL;

  request.block_device_mappings = block_device_mappings (&request.n_block_device_mappings);
  amigo_ec2_create_image_async (ec2, &request, NULL, result_cb, NULL);
  image_id = amigo_ec2_create_image_finish (ec2, await_result (), NULL, &error);
  expect_success (image_id != NULL, error);
  g_assert_cmpstr (image_id, ==, "ami-new");
}

static void
register_image (AmigoEc2                        *ec2,
                const AmigoRegisterImageRequest *request)
{
  g_autofree char *image_id = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_register_image_async (ec2, request, NULL, result_cb, NULL);
  image_id = amigo_ec2_register_image_finish (ec2, await_result (), NULL, &error);
  expect_success (image_id != NULL, error);
}

static void
run_register_image_snapshot (AmigoEc2 *ec2,
                             AmigoSts *sts)
{
  AmigoEc2Tag tags[] = { { "Name", "x" } };
  AmigoRegisterImageRequest request = {
    .name = "from-snapshot",
    .architecture = "arm64",
    .root_device_name = "/dev/xvda",
    .virtualization_type = "hvm",
    .boot_mode = "uefi",
    .tpm_support = "v2.0",
    .imds_support = "v2.0",
    .ena_support = TRUE,
    .root_snapshot_id = "snap-1",
    .root_volume_size = 16,
    .root_volume_type = "gp3",
    .image_tags = tags,
    .n_image_tags = G_N_ELEMENTS (tags),
  };
  guint n = 0;

  /* The data volumes: all but the first mapping */
  request.block_device_mappings = block_device_mappings (&n) + 1;
  request.n_block_device_mappings = n - 1;
  register_image (ec2, &request);
}

static void
run_register_image_manifest (AmigoEc2 *ec2,
                             AmigoSts *sts)
{
  AmigoRegisterImageRequest request = {
    .name = "from-s3",
    .image_location = "amzn-s3-demo-bucket/image.manifest.xml",
    .architecture = "x86_64",
    .root_device_name = "/dev/sda1",
    .virtualization_type = "paravirtual",
    .kernel_id = "aki-1",
    .ramdisk_id = "ari-1",
    .sriov_net_support = "simple",
  };

  register_image (ec2, &request);
}

static void
run_copy_image (AmigoEc2 *ec2,
                AmigoSts *sts)
{
  AmigoEc2Tag image_tags[] = { { "Copied", "yes" } };
  AmigoEc2Tag snapshot_tags[] = { { "Backup", "weekly" } };
  AmigoCopyImageRequest request = {
    .source_region = "us-east-1",
    .source_image_id = "ami-1",
    .name = "copy",
    .description = "a copy",
    .encrypted = TRUE,
    .kms_key_id = "alias/amigo",
    .copy_image_tags = TRUE,
    .image_tags = image_tags,
    .n_image_tags = G_N_ELEMENTS (image_tags),
    .snapshot_tags = snapshot_tags,
    .n_snapshot_tags = G_N_ELEMENTS (snapshot_tags),
    .client_token = "token-1",
  };
  g_autofree char *image_id = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_copy_image_async (ec2, &request, NULL, result_cb, NULL);
  image_id = amigo_ec2_copy_image_finish (ec2, await_result (), &error);
  expect_success (image_id != NULL, error);
}

static void
run_deregister_image (AmigoEc2 *ec2,
                      AmigoSts *sts)
{
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_deregister_image_async (ec2, "ami-1", TRUE, NULL, result_cb, NULL);
  deletions = amigo_ec2_deregister_image_finish (ec2, await_result (), &error);
  expect_success (deletions != NULL, error);
}

static void
run_delete_snapshot (AmigoEc2 *ec2,
                     AmigoSts *sts)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_delete_snapshot_async (ec2, "snap-1", NULL, result_cb, NULL);
  ok = amigo_ec2_delete_snapshot_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_modify_launch_permission (AmigoEc2 *ec2,
                              AmigoSts *sts)
{
  AmigoLaunchPermission add[] = {
    { .user_id = (char *) "111122223333" },
    { .group = (char *) "all" },
    { .organization_arn = (char *) "arn:aws:organizations::111122223333:organization/o-1" },
  };
  AmigoLaunchPermission remove[] = {
    { .organizational_unit_arn = (char *) "arn:aws:organizations::111122223333:ou/o-1/ou-1" },
  };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_modify_image_launch_permission_async (ec2, "ami-1", add, G_N_ELEMENTS (add),
                                                  remove, G_N_ELEMENTS (remove), NULL,
                                                  result_cb, NULL);
  ok = amigo_ec2_modify_image_launch_permission_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_modify_description (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_modify_image_description_async (ec2, "ami-1", "new words", NULL, result_cb, NULL);
  ok = amigo_ec2_modify_image_description_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_create_tags (AmigoEc2 *ec2,
                 AmigoSts *sts)
{
  const char *resources[] = { "ami-1", "snap-1", NULL };
  AmigoEc2Tag tags[] = { { "Name", "web" }, { "Empty", "" } };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_create_tags_async (ec2, resources, tags, G_N_ELEMENTS (tags), NULL, result_cb, NULL);
  ok = amigo_ec2_create_tags_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_delete_tags (AmigoEc2 *ec2,
                 AmigoSts *sts)
{
  const char *resources[] = { "ami-1", NULL };
  AmigoEc2Tag tags[] = { { "Stage", NULL }, { "Owner", "me" } };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_delete_tags_async (ec2, resources, tags, G_N_ELEMENTS (tags), NULL, result_cb, NULL);
  ok = amigo_ec2_delete_tags_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_enable_deprecation (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2027, 1, 2, 3, 4, 0);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_enable_image_deprecation_async (ec2, "ami-1", at, NULL, result_cb, NULL);
  ok = amigo_ec2_enable_image_deprecation_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_disable_deprecation (AmigoEc2 *ec2,
                         AmigoSts *sts)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  amigo_ec2_disable_image_deprecation_async (ec2, "ami-1", NULL, result_cb, NULL);
  ok = amigo_ec2_disable_image_deprecation_finish (ec2, await_result (), &error);
  expect_success (ok, error);
}

static void
run_enable_protection (AmigoEc2 *ec2,
                       AmigoSts *sts)
{
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_enable_image_deregistration_protection_async (ec2, "ami-1", TRUE, NULL, result_cb, NULL);
  state = amigo_ec2_enable_image_deregistration_protection_finish (ec2, await_result (), &error);
  expect_success (state != NULL, error);
}

static void
run_disable_protection (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_disable_image_deregistration_protection_async (ec2, "ami-1", NULL, result_cb, NULL);
  state = amigo_ec2_disable_image_deregistration_protection_finish (ec2, await_result (), &error);
  expect_success (state != NULL, error);
}

static void
run_instances (AmigoEc2                       *ec2,
               const AmigoRunInstancesRequest *request)
{
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_run_instances_async (ec2, request, NULL, result_cb, NULL);
  instances = amigo_ec2_run_instances_finish (ec2, await_result (), &error);
  expect_success (instances != NULL, error);
}

static void
run_block_public_access (AmigoEc2 *ec2,
                         int       which)
{
  static const char *states[] = { "unblocked", "block-new-sharing", "unblocked" };
  static const char *actions[] = {
    "GetImageBlockPublicAccessState",
    "EnableImageBlockPublicAccess",
    "DisableImageBlockPublicAccess",
  };
  g_autofree char *answer = g_strdup_printf ("<%sResponse xmlns=\"" EC2_NS "\"><requestId>r</requestId>"
                                             "<imageBlockPublicAccessState>%s</imageBlockPublicAccessState>"
                                             "<managedBy>account</managedBy></%sResponse>",
                                             actions[which], states[which], actions[which]);
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;

  script (200, answer, -1);
  if (which == 0)
    {
      amigo_ec2_get_image_block_public_access_state_async (ec2, NULL, result_cb, NULL);
      state = amigo_ec2_get_image_block_public_access_state_finish (ec2, await_result (), &error);
    }
  else if (which == 1)
    {
      amigo_ec2_enable_image_block_public_access_async (ec2, NULL, result_cb, NULL);
      state = amigo_ec2_enable_image_block_public_access_finish (ec2, await_result (), &error);
    }
  else
    {
      amigo_ec2_disable_image_block_public_access_async (ec2, NULL, result_cb, NULL);
      state = amigo_ec2_disable_image_block_public_access_finish (ec2, await_result (), &error);
    }
  expect_success (state != NULL, error);
  g_assert_cmpstr (state, ==, states[which]);
}

static void
run_get_block_public_access (AmigoEc2 *ec2,
                             AmigoSts *sts)
{
  run_block_public_access (ec2, 0);
}

static void
run_enable_block_public_access (AmigoEc2 *ec2,
                                AmigoSts *sts)
{
  run_block_public_access (ec2, 1);
}

static void
run_disable_block_public_access (AmigoEc2 *ec2,
                                 AmigoSts *sts)
{
  run_block_public_access (ec2, 2);
}

static void
run_run_instances (AmigoEc2 *ec2,
                   AmigoSts *sts)
{
  const char *groups[] = { "sg-1", "sg-2", NULL };
  AmigoEc2Tag instance_tags[] = { { "Name", "web" } };
  AmigoEc2Tag volume_tags[] = { { "Disk", "root" } };
  AmigoRunInstancesRequest request = {
    .image_id = "ami-1",
    .instance_type = "t3.micro",
    .max_count = 3,
    .key_name = "my key",
    .security_group_ids = groups,
    .subnet_id = "subnet-1",
    .user_data = "#!/bin/sh\necho hello\n",
    .instance_tags = instance_tags,
    .n_instance_tags = G_N_ELEMENTS (instance_tags),
    .volume_tags = volume_tags,
    .n_volume_tags = G_N_ELEMENTS (volume_tags),
    .http_tokens = "required",
    .http_endpoint = "enabled",
    .http_put_response_hop_limit = 2,
    .instance_metadata_tags = "enabled",
    .iam_instance_profile = "web-role",
    .client_token = "token-2",
  };

  request.block_device_mappings = block_device_mappings (&request.n_block_device_mappings);
  request.n_block_device_mappings = 1;
  run_instances (ec2, &request);
}

static void
run_run_instances_public_ip (AmigoEc2 *ec2,
                             AmigoSts *sts)
{
  const char *groups[] = { "sg-1", NULL };
  AmigoRunInstancesRequest request = {
    .image_id = "ami-1",
    .security_group_ids = groups,
    .subnet_id = "subnet-1",
    .public_ip = AMIGO_PUBLIC_IP_ASSIGN,
    .iam_instance_profile = "arn:aws:iam::111122223333:instance-profile/web",
    .client_token = "token-3",
  };

  run_instances (ec2, &request);
}

typedef void (*DescribeAsync) (AmigoEc2                  *self,
                               const AmigoEc2ListRequest *request,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data);
typedef GPtrArray *(*DescribeFinish) (AmigoEc2      *self,
                                      GAsyncResult  *result,
                                      GError       **error);

static void
describe_list (AmigoEc2                  *ec2,
               DescribeAsync              start,
               DescribeFinish             finish,
               const AmigoEc2ListRequest *request)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  start (ec2, request, NULL, result_cb, NULL);
  items = finish (ec2, await_result (), &error);
  expect_success (items != NULL, error);
}

static void
run_describe_instances (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  const char *states[] = { "running", "pending", NULL };
  AmigoEc2Filter filter = { "instance-state-name", states };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1 };

  describe_list (ec2, amigo_ec2_describe_instances_async, amigo_ec2_describe_instances_finish, &request);
}

static void
run_describe_instances_ids (AmigoEc2 *ec2,
                            AmigoSts *sts)
{
  const char *ids[] = { "i-1", "i-2", NULL };
  AmigoEc2ListRequest request = { .ids = ids, .page_size = 20 };

  describe_list (ec2, amigo_ec2_describe_instances_async, amigo_ec2_describe_instances_finish, &request);
}

static void
describe_snapshots (AmigoEc2                            *ec2,
                    const AmigoDescribeSnapshotsRequest *request)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_snapshots_async (ec2, request, NULL, result_cb, NULL);
  snapshots = amigo_ec2_describe_snapshots_finish (ec2, await_result (), &error);
  expect_success (snapshots != NULL, error);
}

static void
run_describe_snapshots (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  const char *owners[] = { "self", NULL };
  const char *pending[] = { "pending", NULL };
  AmigoEc2Filter filter = { "status", pending };
  AmigoDescribeSnapshotsRequest request = { .owners = owners, .filters = &filter, .n_filters = 1 };

  describe_snapshots (ec2, &request);
}

static void
run_describe_snapshots_ids (AmigoEc2 *ec2,
                            AmigoSts *sts)
{
  const char *owners[] = { "self", NULL };
  const char *ids[] = { "snap-1", NULL };
  AmigoDescribeSnapshotsRequest request = { .owners = owners, .snapshot_ids = ids };

  describe_snapshots (ec2, &request);
}

static void
run_describe_key_pairs (AmigoEc2 *ec2,
                        AmigoSts *sts)
{
  const char *names[] = { "my key", NULL };
  AmigoEc2ListRequest request = { .ids = names };

  describe_list (ec2, amigo_ec2_describe_key_pairs_async, amigo_ec2_describe_key_pairs_finish, &request);
}

static void
run_describe_security_groups (AmigoEc2 *ec2,
                              AmigoSts *sts)
{
  const char *vpcs[] = { "vpc-1", NULL };
  AmigoEc2Filter filter = { "vpc-id", vpcs };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1 };

  describe_list (ec2, amigo_ec2_describe_security_groups_async,
                 amigo_ec2_describe_security_groups_finish, &request);
}

static void
run_describe_subnets (AmigoEc2 *ec2,
                      AmigoSts *sts)
{
  const char *ids[] = { "subnet-1", NULL };
  AmigoEc2ListRequest request = { .ids = ids };

  describe_list (ec2, amigo_ec2_describe_subnets_async, amigo_ec2_describe_subnets_finish, &request);
}

static void
run_describe_vpcs (AmigoEc2 *ec2,
                   AmigoSts *sts)
{
  describe_list (ec2, amigo_ec2_describe_vpcs_async, amigo_ec2_describe_vpcs_finish, NULL);
}

static void
run_describe_instance_types (AmigoEc2 *ec2,
                             AmigoSts *sts)
{
  const char *arm64[] = { "arm64", NULL };
  AmigoEc2Filter filter = { "processor-info.supported-architecture", arm64 };
  /* Above the largest page EC2 takes here (100) */
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1, .page_size = 500 };

  describe_list (ec2, amigo_ec2_describe_instance_types_async,
                 amigo_ec2_describe_instance_types_finish, &request);
}

static void
run_describe_instance_type_offerings (AmigoEc2 *ec2,
                                      AmigoSts *sts)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_instance_type_offerings_async (ec2, "us-east-1a", NULL, result_cb, NULL);
  names = amigo_ec2_describe_instance_type_offerings_finish (ec2, await_result (), &error);
  expect_success (names != NULL, error);
}

static void
run_get_caller_identity (AmigoEc2 *ec2,
                         AmigoSts *sts)
{
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  amigo_sts_get_caller_identity_async (sts, NULL, result_cb, NULL);
  identity = amigo_sts_get_caller_identity_finish (sts, await_result (), &error);
  expect_success (identity != NULL, error);
  g_assert_cmpstr (identity->account, ==, "123456789012");
  g_assert_cmpstr (identity->arn, ==, "arn:aws:iam::123456789012:user/test");
  g_assert_cmpstr (identity->user_id, ==, "AIDATEST");
}

typedef struct {
  const char *name;
  void (*run) (AmigoEc2 *ec2,
               AmigoSts *sts);
} RequestCase;

static const RequestCase request_cases[] = {
  { "describe-regions", run_describe_regions },
  { "describe-images", run_describe_images },
  { "describe-images-ids", run_describe_images_ids },
  { "describe-image-attribute", run_describe_image_attribute },
  { "create-image", run_create_image },
  { "register-image-snapshot", run_register_image_snapshot },
  { "register-image-manifest", run_register_image_manifest },
  { "copy-image", run_copy_image },
  { "deregister-image", run_deregister_image },
  { "delete-snapshot", run_delete_snapshot },
  { "modify-launch-permission", run_modify_launch_permission },
  { "modify-description", run_modify_description },
  { "create-tags", run_create_tags },
  { "delete-tags", run_delete_tags },
  { "enable-deprecation", run_enable_deprecation },
  { "disable-deprecation", run_disable_deprecation },
  { "enable-protection", run_enable_protection },
  { "disable-protection", run_disable_protection },
  { "get-image-block-public-access", run_get_block_public_access },
  { "enable-image-block-public-access", run_enable_block_public_access },
  { "disable-image-block-public-access", run_disable_block_public_access },
  { "run-instances", run_run_instances },
  { "run-instances-public-ip", run_run_instances_public_ip },
  { "describe-instances", run_describe_instances },
  { "describe-instances-ids", run_describe_instances_ids },
  { "describe-snapshots", run_describe_snapshots },
  { "describe-snapshots-ids", run_describe_snapshots_ids },
  { "describe-key-pairs", run_describe_key_pairs },
  { "describe-security-groups", run_describe_security_groups },
  { "describe-subnets", run_describe_subnets },
  { "describe-vpcs", run_describe_vpcs },
  { "describe-instance-types", run_describe_instance_types },
  { "describe-instance-type-offerings", run_describe_instance_type_offerings },
  { "get-caller-identity", run_get_caller_identity },
};

/* The `Key=Value` lines botocore made for @name. */
static char *
expected_body (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ec2-requests.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *header = g_strdup_printf ("== %s\n", name);
  g_autoptr(GError) error = NULL;
  const char *start;
  const char *end;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  start = strstr (contents, header);
  g_assert_nonnull (start);
  start += strlen (header);
  end = strstr (start, "\n==");
  return end != NULL ? g_strndup (start, end - start + 1) : g_strdup (start);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The body as `Key=Value` lines, decoded and sorted like the expectation. */
static char *
decoded_body (const char *body)
{
  g_auto(GStrv) pairs = g_strsplit (body, "&", -1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      g_autofree char *key = g_uri_unescape_string (kv[0], NULL);
      g_autofree char *value = g_uri_unescape_string (kv[1] != NULL ? kv[1] : "", NULL);

      g_assert_nonnull (key);
      g_assert_nonnull (value);
      g_ptr_array_add (lines, g_strconcat (key, "=", value, NULL));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_request (gconstpointer data)
{
  const RequestCase *c = data;
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autoptr(AmigoSts) sts = amigo_sts_new (client, "us-east-1", peer.url);
  g_autofree char *expected = expected_body (c->name);
  g_autofree char *body = NULL;
  g_autofree char *decoded = NULL;

  peer_reset ();
  c->run (ec2, sts);
  forget_result ();

  g_assert_cmpuint (peer_n_requests (), ==, 1);
  body = peer_body (0);
  decoded = decoded_body (body);
  g_assert_cmpstr (decoded, ==, expected);
}

/* ---- DescribeImages: a retried page ----------------------------------- */

static char *
images_page (guint       first,
             guint       n,
             const char *next_token,
             gsize      *cut_after)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<DescribeImagesResponse xmlns=\"" EC2_NS "\">"
                               "<requestId>r</requestId><imagesSet>");

  for (guint i = first; i < first + n; i++)
    {
      g_string_append_printf (xml, "<item><imageId>ami-%05u</imageId><name>image %u</name>"
                              "<imageState>available</imageState></item>", i, i);
      /* Where to cut: after the image before last */
      if (cut_after != NULL && i == first + n - 2)
        *cut_after = xml->len;
    }
  g_string_append (xml, "</imagesSet>");
  if (next_token != NULL)
    g_string_append_printf (xml, "<nextToken>%s</nextToken>", next_token);
  g_string_append (xml, "</DescribeImagesResponse>");
  return g_string_free (xml, FALSE);
}

typedef struct {
  GPtrArray *ids;
  guint n_batches;
} Seen;

static void
seen_batch_cb (GPtrArray *images,
               gpointer   user_data)
{
  Seen *seen = user_data;

  seen->n_batches++;
  for (guint i = 0; i < images->len; i++)
    g_ptr_array_add (seen->ids, g_strdup (amigo_image_get_image_id (g_ptr_array_index (images, i))));
}

static void
test_describe_images_retried_page (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  const char *owners[] = { "amazon", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners };
  g_autofree char *page1 = images_page (0, 10, "page-2", NULL);
  g_autofree char *page2 = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *retried = NULL;
  g_autofree char *token = NULL;
  Seen seen = { g_ptr_array_new_with_free_func (g_free), 0 };
  gsize cut = 0;
  guint n_images = 0;

  /* Page 2 has two batches' worth: the first batch is handed out before the
   * connection drops, so the retry must not hand it out again. */
  page2 = images_page (10, 2 * AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE + 10, NULL, &cut);
  peer_reset ();
  script (200, page1, -1);
  script (200, page2, cut);
  script (200, page2, -1);

  amigo_ec2_describe_images_batched_async (ec2, &request, seen_batch_cb, &seen, NULL, NULL,
                                           result_cb, NULL);
  rest = amigo_ec2_describe_images_finish (ec2, await_result (), &n_images, &error);
  forget_result ();
  g_assert_no_error (error);
  g_assert_cmpuint (rest->len, ==, 0);

  g_assert_cmpuint (seen.ids->len, ==, 10 + 2 * AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE + 10);
  g_assert_cmpuint (n_images, ==, seen.ids->len);
  for (guint i = 0; i < seen.ids->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("ami-%05u", i);
      g_assert_cmpstr (g_ptr_array_index (seen.ids, i), ==, expected);
    }

  /* The page was asked for twice, with the same token */
  g_assert_cmpuint (peer_n_requests (), ==, 3);
  second = peer_body (1);
  retried = peer_body (2);
  g_assert_cmpstr (second, ==, retried);
  token = form_value (second, "NextToken");
  g_assert_cmpstr (token, ==, "page-2");
  g_ptr_array_unref (seen.ids);
}

static void
test_describe_images_page_token_loop (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autofree char *page = images_page (0, 2, "same", NULL);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  peer_reset ();
  script (200, page, -1);
  script (200, page, -1);
  amigo_ec2_describe_images_async (ec2, NULL, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  forget_result ();
  g_assert_null (images);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (peer_n_requests (), ==, 2);
}

/* Any token handed out again ends the list, not only the last one: A, B,
 * then A again is a loop. */
static void
test_describe_images_page_token_cycle (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autofree char *page_a = images_page (0, 2, "token-a", NULL);
  g_autofree char *page_b = images_page (2, 2, "token-b", NULL);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  peer_reset ();
  script (200, page_a, -1);
  script (200, page_b, -1);
  script (200, page_a, -1);
  script (200, page_b, -1);
  amigo_ec2_describe_images_async (ec2, NULL, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  forget_result ();
  g_assert_null (images);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "twice"));
  g_assert_cmpuint (peer_n_requests (), ==, 3);
}

/* A list that never ends stops at the page cap (lowered here to 3). */
static void
test_describe_images_page_cap (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  peer_reset ();
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *token = g_strdup_printf ("token-%u", i);
      g_autofree char *page = images_page (i * 2, 2, token, NULL);

      script (200, page, -1);
    }
  _amigo_ec2_set_max_pages (3);
  amigo_ec2_describe_images_async (ec2, NULL, NULL, result_cb, NULL);
  images = amigo_ec2_describe_images_finish (ec2, await_result (), NULL, &error);
  forget_result ();
  _amigo_ec2_set_max_pages (0);
  g_assert_null (images);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "more than 3 pages"));
  g_assert_cmpuint (peer_n_requests (), ==, 3);
}

/* ---- CreateImage after a retry ---------------------------------------- */

#define INTERNAL_ERROR \
  "<Response><Errors><Error><Code>InternalError</Code><Message>An internal error has " \
  "occurred.</Message></Error></Errors><RequestID>r1</RequestID></Response>"
#define DUPLICATE_ERROR \
  "<Response><Errors><Error><Code>InvalidAMIName.Duplicate</Code><Message>AMI name web is " \
  "already in use by AMI ami-made</Message></Error></Errors><RequestID>r2</RequestID></Response>"

static char *
lookup_answer (const char *source_instance_id,
               GDateTime  *created)
{
  g_autofree char *date = g_date_time_format_iso8601 (created);

  return g_strdup_printf ("<DescribeImagesResponse xmlns=\"" EC2_NS "\"><requestId>r3</requestId>"
                          "<imagesSet><item><imageId>ami-made</imageId><name>web</name>"
                          "<imageState>pending</imageState><creationDate>%s</creationDate>"
                          "<sourceInstanceId>%s</sourceInstanceId></item></imagesSet>"
                          "</DescribeImagesResponse>", date, source_instance_id);
}

typedef struct {
  const char *name;
  gboolean first_fails;         /* the first attempt gets InternalError */
  const char *source_instance_id;
  gint days_old;
  gboolean found;
  guint n_requests;
} RecoveryCase;

static const RecoveryCase recovery_cases[] = {
  { "retry-finds-its-image", TRUE, "i-1", 0, TRUE, 3 },
  { "retry-other-instance", TRUE, "i-other", 0, FALSE, 3 },
  { "retry-older-image", TRUE, "i-1", 2, FALSE, 3 },
  { "first-attempt-duplicate", FALSE, "i-1", 0, FALSE, 1 },
};

static void
test_create_image_recovery (gconstpointer data)
{
  const RecoveryCase *c = data;
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -c->days_old);
  g_autofree char *lookup = lookup_answer (c->source_instance_id, created);
  AmigoCreateImageRequest request = { .instance_id = "i-1", .name = "web" };
  g_autofree char *image_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean already_created = FALSE;

  peer_reset ();
  if (c->first_fails)
    script (500, INTERNAL_ERROR, -1);
  script (400, DUPLICATE_ERROR, -1);
  script (200, lookup, -1);

  amigo_ec2_create_image_async (ec2, &request, NULL, result_cb, NULL);
  image_id = amigo_ec2_create_image_finish (ec2, await_result (), &already_created, &error);
  forget_result ();

  if (c->found)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (image_id, ==, "ami-made");
      g_assert_true (already_created);
    }
  else
    {
      g_assert_null (image_id);
      g_assert_false (already_created);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
      g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidAMIName.Duplicate");
    }

  g_assert_cmpuint (peer_n_requests (), ==, c->n_requests);
  if (c->n_requests == 3)
    {
      g_autofree char *first = peer_body (0);
      g_autofree char *again = peer_body (1);
      g_autofree char *lookup_body = peer_body (2);
      g_autofree char *action = form_value (lookup_body, "Action");
      g_autofree char *owner = form_value (lookup_body, "Owner.1");
      g_autofree char *filter = form_value (lookup_body, "Filter.1.Name");
      g_autofree char *value = form_value (lookup_body, "Filter.1.Value.1");

      g_assert_cmpstr (first, ==, again);
      g_assert_cmpstr (action, ==, "DescribeImages");
      g_assert_cmpstr (owner, ==, "self");
      g_assert_cmpstr (filter, ==, "name");
      g_assert_cmpstr (value, ==, "web");
    }
}

/* ---- DeregisterImage's answer ----------------------------------------- */

static void
test_deregister_results (void)
{
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoSnapshotDeletion *d;

  peer_reset ();
  script (200, "<DeregisterImageResponse xmlns=\"" EC2_NS "\"><requestId>r</requestId>"
               "<return>true</return><deleteSnapshotResultSet>"
               "<item><snapshotId>snap-1</snapshotId><returnCode>success</returnCode></item>"
               "<item><snapshotId>snap-2</snapshotId><returnCode>skipped</returnCode></item>"
               "</deleteSnapshotResultSet></DeregisterImageResponse>", -1);
  amigo_ec2_deregister_image_async (ec2, "ami-1", TRUE, NULL, result_cb, NULL);
  deletions = amigo_ec2_deregister_image_finish (ec2, await_result (), &error);
  forget_result ();
  g_assert_no_error (error);
  g_assert_cmpuint (deletions->len, ==, 2);
  d = g_ptr_array_index (deletions, 0);
  g_assert_cmpstr (d->snapshot_id, ==, "snap-1");
  g_assert_cmpstr (d->return_code, ==, "success");
  d = g_ptr_array_index (deletions, 1);
  g_assert_cmpstr (d->snapshot_id, ==, "snap-2");
  g_assert_cmpstr (d->return_code, ==, "skipped");
}

/* ---- Which instance types can run an image ---------------------------- */

static GPtrArray *
parse_items (AmigoEc2Parser *parser,
             const char     *xml)
{
  g_autoptr(GError) error = NULL;

  amigo_ec2_parser_feed (parser, xml, strlen (xml), &error);
  g_assert_no_error (error);
  amigo_ec2_parser_finish (parser, &error);
  g_assert_no_error (error);
  return amigo_ec2_parser_steal_items (parser);
}

static const char instance_types_xml[] =
  "<DescribeInstanceTypesResponse xmlns=\"" EC2_NS "\"><instanceTypeSet>"
  "<item><instanceType>t3.micro</instanceType>"
  "<supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>"
  "<supportedVirtualizationTypes><item>hvm</item></supportedVirtualizationTypes>"
  "<processorInfo><supportedArchitectures><item>x86_64</item></supportedArchitectures></processorInfo>"
  "<instanceStorageSupported>false</instanceStorageSupported>"
  "<supportedBootModes><item>legacy-bios</item><item>uefi</item></supportedBootModes>"
  "<nitroTpmSupport>supported</nitroTpmSupport></item>"
  "<item><instanceType>t2.micro</instanceType>"
  "<supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>"
  "<supportedVirtualizationTypes><item>hvm</item></supportedVirtualizationTypes>"
  "<processorInfo><supportedArchitectures><item>i386</item><item>x86_64</item></supportedArchitectures></processorInfo>"
  "<instanceStorageSupported>false</instanceStorageSupported>"
  "<supportedBootModes><item>legacy-bios</item></supportedBootModes>"
  "<nitroTpmSupport>unsupported</nitroTpmSupport></item>"
  "<item><instanceType>m6g.large</instanceType>"
  "<supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>"
  "<supportedVirtualizationTypes><item>hvm</item></supportedVirtualizationTypes>"
  "<processorInfo><supportedArchitectures><item>arm64</item></supportedArchitectures></processorInfo>"
  "<supportedBootModes><item>uefi</item></supportedBootModes></item>"
  "<item><instanceType>m3.medium</instanceType>"
  "<supportedRootDeviceTypes><item>ebs</item><item>instance-store</item></supportedRootDeviceTypes>"
  "<supportedVirtualizationTypes><item>hvm</item><item>paravirtual</item></supportedVirtualizationTypes>"
  "<processorInfo><supportedArchitectures><item>i386</item><item>x86_64</item></supportedArchitectures></processorInfo>"
  "<instanceStorageSupported>true</instanceStorageSupported>"
  "<supportedBootModes><item>legacy-bios</item></supportedBootModes></item>"
  "<item><instanceType>bare</instanceType></item>"
  "</instanceTypeSet></DescribeInstanceTypesResponse>";

static const char images_xml[] =
  "<DescribeImagesResponse xmlns=\"" EC2_NS "\"><imagesSet>"
  "<item><imageId>ami-x86</imageId><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType></item>"
  "<item><imageId>ami-arm</imageId><architecture>arm64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType><bootMode>uefi</bootMode></item>"
  "<item><imageId>ami-uefi</imageId><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType><bootMode>uefi</bootMode></item>"
  "<item><imageId>ami-preferred</imageId><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType><bootMode>uefi-preferred</bootMode></item>"
  "<item><imageId>ami-store</imageId><architecture>x86_64</architecture><rootDeviceType>instance-store</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType></item>"
  "<item><imageId>ami-pv</imageId><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>paravirtual</virtualizationType></item>"
  "<item><imageId>ami-tpm</imageId><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType><bootMode>uefi</bootMode><tpmSupport>v2.0</tpmSupport></item>"
  "<item><imageId>ami-i386</imageId><architecture>i386</architecture><rootDeviceType>ebs</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType></item>"
  "<item><imageId>ami-odd</imageId><architecture>x86_64</architecture><rootDeviceType>standard</rootDeviceType>"
  "<virtualizationType>hvm</virtualizationType></item>"
  "</imagesSet></DescribeImagesResponse>";

static void
test_can_run_image (void)
{
  /* Rows: images; columns: t3.micro, t2.micro, m6g.large, m3.medium, bare */
  static const struct {
    const char *image_id;
    gboolean can_run[5];
  } table[] = {
    { "ami-x86",       { TRUE,  TRUE,  FALSE, TRUE,  TRUE } },
    { "ami-arm",       { FALSE, FALSE, TRUE,  FALSE, TRUE } },
    { "ami-uefi",      { TRUE,  FALSE, FALSE, FALSE, TRUE } },   /* t2, m3: BIOS only */
    { "ami-preferred", { TRUE,  TRUE,  FALSE, TRUE,  TRUE } },
    { "ami-store",     { FALSE, FALSE, FALSE, TRUE,  TRUE } },   /* needs instance storage */
    { "ami-pv",        { FALSE, FALSE, FALSE, TRUE,  TRUE } },
    { "ami-tpm",       { TRUE,  FALSE, FALSE, FALSE, TRUE } },
    { "ami-i386",      { FALSE, TRUE,  FALSE, TRUE,  TRUE } },
    { "ami-odd",       { TRUE,  TRUE,  FALSE, TRUE,  TRUE } },   /* unknown root device type */
  };
  g_autoptr(AmigoEc2Parser) types_parser = amigo_ec2_parser_new_describe_instance_types ();
  g_autoptr(AmigoEc2Parser) images_parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
  g_autoptr(GPtrArray) types = parse_items (types_parser, instance_types_xml);
  g_autoptr(GPtrArray) images = parse_items (images_parser, images_xml);

  g_assert_cmpuint (types->len, ==, 5);
  g_assert_cmpuint (images->len, ==, G_N_ELEMENTS (table));
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      g_assert_cmpstr (amigo_image_get_image_id (image), ==, table[i].image_id);
      for (guint j = 0; j < types->len; j++)
        {
          AmigoInstanceType *type = g_ptr_array_index (types, j);
          gboolean can_run = amigo_instance_type_can_run_image (type, image);

          if (can_run != table[i].can_run[j])
            g_error ("%s on %s: expected %s", table[i].image_id,
                     amigo_instance_type_get_instance_type (type),
                     table[i].can_run[j] ? "yes" : "no");
        }
    }
}

/* One criterion a row: an instance type and an image, each described by
 * the elements that matter, and whether the type can run the image. */
typedef struct {
  const char *name;
  const char *type_xml;
  const char *image_xml;
  gboolean can_run;
} CanRunCase;

#define X86 "<processorInfo><supportedArchitectures><item>x86_64</item></supportedArchitectures></processorInfo>"
#define ARM "<processorInfo><supportedArchitectures><item>arm64</item></supportedArchitectures></processorInfo>"
#define BIOS "<supportedBootModes><item>legacy-bios</item></supportedBootModes>"
#define UEFI "<supportedBootModes><item>uefi</item></supportedBootModes>"
#define BOTH "<supportedBootModes><item>legacy-bios</item><item>uefi</item></supportedBootModes>"

static const CanRunCase can_run_cases[] = {
  { "architecture/same", X86, "<architecture>x86_64</architecture>", TRUE },
  { "architecture/other", ARM, "<architecture>x86_64</architecture>", FALSE },
  { "virtualization/hvm-only", X86 "<supportedVirtualizationTypes><item>hvm</item></supportedVirtualizationTypes>",
    "<architecture>x86_64</architecture><virtualizationType>paravirtual</virtualizationType>", FALSE },
  { "virtualization/both", X86 "<supportedVirtualizationTypes><item>hvm</item><item>paravirtual</item></supportedVirtualizationTypes>",
    "<architecture>x86_64</architecture><virtualizationType>paravirtual</virtualizationType>", TRUE },
  { "ena/required-without", X86 "<networkInfo><enaSupport>required</enaSupport></networkInfo>",
    "<architecture>x86_64</architecture>", FALSE },
  { "ena/required-false", X86 "<networkInfo><enaSupport>required</enaSupport></networkInfo>",
    "<architecture>x86_64</architecture><enaSupport>false</enaSupport>", FALSE },
  { "ena/required-with", X86 "<networkInfo><enaSupport>required</enaSupport></networkInfo>",
    "<architecture>x86_64</architecture><enaSupport>true</enaSupport>", TRUE },
  { "ena/supported-without", X86 "<networkInfo><enaSupport>supported</enaSupport></networkInfo>",
    "<architecture>x86_64</architecture>", TRUE },
  { "ena/unsupported-with", X86 "<networkInfo><enaSupport>unsupported</enaSupport></networkInfo>",
    "<architecture>x86_64</architecture><enaSupport>true</enaSupport>", TRUE },
  { "boot-mode/uefi-on-bios", X86 BIOS, "<architecture>x86_64</architecture><bootMode>uefi</bootMode>", FALSE },
  { "boot-mode/uefi-on-both", X86 BOTH, "<architecture>x86_64</architecture><bootMode>uefi</bootMode>", TRUE },
  { "boot-mode/bios-on-uefi", X86 UEFI, "<architecture>x86_64</architecture><bootMode>legacy-bios</bootMode>", FALSE },
  { "boot-mode/preferred-on-bios", X86 BIOS, "<architecture>x86_64</architecture><bootMode>uefi-preferred</bootMode>", TRUE },
  { "boot-mode/preferred-on-uefi", ARM UEFI, "<architecture>arm64</architecture><bootMode>uefi-preferred</bootMode>", TRUE },
  { "boot-mode/none-x86-on-bios", X86 BIOS, "<architecture>x86_64</architecture>", TRUE },
  { "boot-mode/none-x86-on-uefi", X86 UEFI, "<architecture>x86_64</architecture>", FALSE },
  { "boot-mode/none-arm-on-uefi", ARM UEFI, "<architecture>arm64</architecture>", TRUE },
  { "boot-mode/none-arm-on-bios", ARM BIOS, "<architecture>arm64</architecture>", FALSE },
  { "boot-mode/type-silent", X86, "<architecture>x86_64</architecture><bootMode>uefi</bootMode>", TRUE },
  { "tpm/on-unsupported", X86 BOTH "<nitroTpmSupport>unsupported</nitroTpmSupport>",
    "<architecture>x86_64</architecture><bootMode>uefi</bootMode><tpmSupport>v2.0</tpmSupport>", FALSE },
  { "tpm/on-supported", X86 BOTH "<nitroTpmSupport>supported</nitroTpmSupport>",
    "<architecture>x86_64</architecture><bootMode>uefi</bootMode><tpmSupport>v2.0</tpmSupport>", TRUE },
  { "tpm/none-on-unsupported", X86 BOTH "<nitroTpmSupport>unsupported</nitroTpmSupport>",
    "<architecture>x86_64</architecture><bootMode>uefi</bootMode>", TRUE },
  { "instance-store/without-storage",
    X86 "<supportedRootDeviceTypes><item>ebs</item><item>instance-store</item></supportedRootDeviceTypes>"
    "<instanceStorageSupported>false</instanceStorageSupported>",
    "<architecture>x86_64</architecture><rootDeviceType>instance-store</rootDeviceType>", FALSE },
  { "instance-store/ebs-only",
    X86 "<supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>"
    "<instanceStorageSupported>true</instanceStorageSupported>",
    "<architecture>x86_64</architecture><rootDeviceType>instance-store</rootDeviceType>", FALSE },
  { "instance-store/with-storage",
    X86 "<supportedRootDeviceTypes><item>ebs</item><item>instance-store</item></supportedRootDeviceTypes>"
    "<instanceStorageSupported>true</instanceStorageSupported>",
    "<architecture>x86_64</architecture><rootDeviceType>instance-store</rootDeviceType>", TRUE },
  { "instance-store/ebs-image-on-store-type",
    X86 "<supportedRootDeviceTypes><item>instance-store</item></supportedRootDeviceTypes>",
    "<architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>", FALSE },
};

#undef X86
#undef ARM
#undef BIOS
#undef UEFI
#undef BOTH

static void
test_can_run_case (gconstpointer data)
{
  const CanRunCase *c = data;
  g_autofree char *types_xml =
    g_strconcat ("<DescribeInstanceTypesResponse xmlns=\"" EC2_NS "\"><instanceTypeSet>"
                 "<item><instanceType>x.large</instanceType>", c->type_xml,
                 "</item></instanceTypeSet></DescribeInstanceTypesResponse>", NULL);
  g_autofree char *images_xml_one =
    g_strconcat ("<DescribeImagesResponse xmlns=\"" EC2_NS "\"><imagesSet>"
                 "<item><imageId>ami-1</imageId>", c->image_xml,
                 "</item></imagesSet></DescribeImagesResponse>", NULL);
  g_autoptr(AmigoEc2Parser) types_parser = amigo_ec2_parser_new_describe_instance_types ();
  g_autoptr(AmigoEc2Parser) images_parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
  g_autoptr(GPtrArray) types = parse_items (types_parser, types_xml);
  g_autoptr(GPtrArray) images = parse_items (images_parser, images_xml_one);

  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpint (amigo_instance_type_can_run_image (g_ptr_array_index (types, 0), g_ptr_array_index (images, 0)),
                   ==, c->can_run);
}

/* ---- CreateImage: the instance's volumes stay as they are -------------- */

typedef struct {
  const char *name;
  const char *device;           /* the mapping's */
  gboolean no_device;
  int volume_size;
  const char *volume_type;
  int iops;
  int throughput;
  AmigoTristate encrypted;
  AmigoTristate delete_on_termination;
  gboolean accepted;
} CreateMappingCase;

/* The instance has /dev/xvda (root) and /dev/sdb. */
static const CreateMappingCase create_mapping_cases[] = {
  { "existing/delete-on-termination", "/dev/xvda", FALSE, -1, NULL, -1, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_FALSE, TRUE },
  { "existing/no-device", "/dev/sdb", TRUE, -1, NULL, -1, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, TRUE },
  { "existing/size", "/dev/xvda", FALSE, 16, NULL, -1, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, FALSE },
  { "existing/type", "/dev/sdb", FALSE, -1, "gp3", -1, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, FALSE },
  { "existing/iops", "/dev/sdb", FALSE, -1, NULL, 4000, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, FALSE },
  { "existing/throughput", "/dev/sdb", FALSE, -1, NULL, -1, 250, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, FALSE },
  { "existing/encrypted", "/dev/sdb", FALSE, -1, NULL, -1, -1, AMIGO_TRISTATE_TRUE, AMIGO_TRISTATE_UNSET, FALSE },
  { "existing/other-name-style", "/dev/xvdb", FALSE, 20, NULL, -1, -1, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_UNSET, FALSE },
  { "new/size-and-type", "/dev/sdf", FALSE, 20, "gp3", 3000, 125, AMIGO_TRISTATE_UNSET, AMIGO_TRISTATE_TRUE, TRUE },
};

static void
test_create_image_mapping (gconstpointer data)
{
  static const char * const devices[] = { "/dev/xvda", "/dev/sdb", NULL };
  const CreateMappingCase *c = data;
  g_autoptr(AmigoClient) client = client_new ();
  g_autoptr(AmigoEc2) ec2 = amigo_ec2_new (client, "us-east-1", peer.url);
  AmigoBlockDeviceMapping m = { 0 };
  AmigoCreateImageRequest request = {
    .instance_id = "i-0123456789abcdef0",
    .name = "web",
    .block_device_mappings = &m,
    .n_block_device_mappings = 1,
    .instance_devices = devices,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  m.device_name = (char *) c->device;
  m.no_device = c->no_device ? (char *) "" : NULL;
  m.has_ebs = !c->no_device;
  m.ebs.volume_size = c->volume_size;
  m.ebs.volume_type = (char *) c->volume_type;
  m.ebs.iops = c->iops;
  m.ebs.throughput = c->throughput;
  m.ebs.encrypted = c->encrypted;
  m.ebs.delete_on_termination = c->delete_on_termination;

  g_assert_cmpint (amigo_ec2_check_create_image_mappings (&request, NULL), ==, c->accepted);
  if (c->accepted)
    return;

  /* Refused before anything is sent. */
  peer_reset ();
  amigo_ec2_create_image_async (ec2, &request, NULL, result_cb, NULL);
  image_id = amigo_ec2_create_image_finish (ec2, await_result (), NULL, &error);
  g_assert_null (image_id);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, c->device));
  forget_result ();
  g_assert_cmpuint (peer_n_requests (), ==, 0);
}

static void
test_validate_image_name (void)
{
  static const struct {
    const char *name;
    gboolean valid;
  } table[] = {
    { "web (v2) [x86] 2024.01/a-b_c@'d", TRUE },
    { "abc", TRUE },
    { "ab", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "star*", FALSE },
    { "naïve", FALSE },
    { "comma,", FALSE },
  };
  g_autofree char *longest = g_strnfill (128, 'a');
  g_autofree char *too_long = g_strnfill (129, 'a');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      gboolean valid = amigo_ec2_validate_image_name (table[i].name, &error);

      g_assert_cmpint (valid, ==, table[i].valid);
      if (!valid)
        {
          g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
          g_clear_error (&error);
        }
    }
  g_assert_true (amigo_ec2_validate_image_name (longest, NULL));
  g_assert_false (amigo_ec2_validate_image_name (too_long, NULL));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  peer_start ();

  for (guint i = 0; i < G_N_ELEMENTS (request_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2/requests/%s", request_cases[i].name);
      g_test_add_data_func (path, &request_cases[i], test_request);
    }
  g_test_add_func ("/ec2/describe-images/retried-page", test_describe_images_retried_page);
  g_test_add_func ("/ec2/describe-images/page-token-loop", test_describe_images_page_token_loop);
  g_test_add_func ("/ec2/describe-images/page-token-cycle", test_describe_images_page_token_cycle);
  g_test_add_func ("/ec2/describe-images/page-cap", test_describe_images_page_cap);
  for (guint i = 0; i < G_N_ELEMENTS (recovery_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2/create-image/%s", recovery_cases[i].name);
      g_test_add_data_func (path, &recovery_cases[i], test_create_image_recovery);
    }
  g_test_add_func ("/ec2/deregister-image/snapshot-results", test_deregister_results);
  g_test_add_func ("/ec2/instance-type/can-run-image", test_can_run_image);
  for (guint i = 0; i < G_N_ELEMENTS (can_run_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2/instance-type/can-run-image/%s", can_run_cases[i].name);
      g_test_add_data_func (path, &can_run_cases[i], test_can_run_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (create_mapping_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2/create-image/mapping/%s", create_mapping_cases[i].name);
      g_test_add_data_func (path, &create_mapping_cases[i], test_create_image_mapping);
    }
  g_test_add_func ("/ec2/image-name/validate", test_validate_image_name);

  status = g_test_run ();
  peer_stop ();
  return status;
}
