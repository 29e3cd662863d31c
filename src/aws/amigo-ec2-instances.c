/* amigo-ec2-instances.c — EC2 instances: launching them, describing them,
 * and what a launch chooses from (instance types, key pairs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-ec2-private.h"

/* DescribeInstanceTypes: pages of at most 100. */
#define INSTANCE_TYPES_PAGE_SIZE 100

static const AmigoEc2DescribeList
  describe_instances = { "DescribeInstances", "InstanceId", AMIGO_EC2_DEFAULT_PAGE_SIZE, amigo_ec2_parser_new_describe_instances },
  describe_instance_types = { "DescribeInstanceTypes", "InstanceType", INSTANCE_TYPES_PAGE_SIZE, amigo_ec2_parser_new_describe_instance_types },
  describe_key_pairs = { "DescribeKeyPairs", "KeyName", 0, amigo_ec2_parser_new_describe_key_pairs };

/* ---- RunInstances ----------------------------------------------------- */

static AmigoEc2Parser *
run_instances_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_run_instances ();
}

static void
run_instances_done (GTask          *task,
                    AmigoEc2Parser *parser)
{
  g_task_return_pointer (task, amigo_ec2_parser_steal_items (parser),
                         (GDestroyNotify) g_ptr_array_unref);
}

static const AmigoEc2OpShape run_instances_shape = {
  run_instances_new_parser, run_instances_done, NULL
};

/* What a launch chooses, at the query's current prefix: RunInstances's
 * members, which a launch template's `LaunchTemplateData` shares (same
 * names), but the ClientToken; the counts when @max_count is not 0. */
void
_amigo_ec2_add_launch_data (AmigoEc2Query                  *q,
                            const AmigoRunInstancesRequest *request,
                            guint                           min_count,
                            guint                           max_count)
{
  amigo_ec2_query_add_string (q, "ImageId", request->image_id);
  amigo_ec2_query_add_string (q, "InstanceType", request->instance_type);
  if (max_count > 0)
    {
      amigo_ec2_query_add_int (q, "MinCount", min_count);
      amigo_ec2_query_add_int (q, "MaxCount", max_count);
    }
  amigo_ec2_query_add_string (q, "KeyName", request->key_name);

  if (request->public_ip == AMIGO_PUBLIC_IP_SUBNET_DEFAULT)
    {
      amigo_ec2_query_add_list (q, "SecurityGroupId", request->security_group_ids);
      amigo_ec2_query_add_string (q, "SubnetId", request->subnet_id);
    }
  else
    {
      /* The public address is a property of the network interface, which
       * then carries the subnet and groups: EC2 refuses them twice. */
      amigo_ec2_query_push_item (q, "NetworkInterface");
      amigo_ec2_query_add_int (q, "DeviceIndex", 0);
      amigo_ec2_query_add_boolean (q, "AssociatePublicIpAddress",
                                   request->public_ip == AMIGO_PUBLIC_IP_ASSIGN);
      amigo_ec2_query_add_boolean (q, "DeleteOnTermination", TRUE);
      amigo_ec2_query_add_string (q, "SubnetId", request->subnet_id);
      amigo_ec2_query_add_list (q, "SecurityGroupId", request->security_group_ids);
      amigo_ec2_query_pop (q);
    }

  if (request->user_data != NULL)
    amigo_ec2_query_add_blob (q, "UserData", (const guint8 *) request->user_data,
                              strlen (request->user_data));
  _amigo_ec2_add_block_device_mappings (q, request->block_device_mappings,
                                        request->n_block_device_mappings);
  _amigo_ec2_add_tag_specification (q, "instance", request->instance_tags, request->n_instance_tags);
  _amigo_ec2_add_tag_specification (q, "volume", request->volume_tags, request->n_volume_tags);

  if (request->http_tokens != NULL || request->http_endpoint != NULL ||
      request->http_put_response_hop_limit > 0 || request->instance_metadata_tags != NULL)
    {
      amigo_ec2_query_push (q, "MetadataOptions");
      amigo_ec2_query_add_string (q, "HttpTokens", request->http_tokens);
      amigo_ec2_query_add_string (q, "HttpEndpoint", request->http_endpoint);
      _amigo_ec2_add_positive (q, "HttpPutResponseHopLimit", request->http_put_response_hop_limit);
      amigo_ec2_query_add_string (q, "InstanceMetadataTags", request->instance_metadata_tags);
      amigo_ec2_query_pop (q);
    }

  if (request->iam_instance_profile != NULL)
    {
      amigo_ec2_query_push (q, "IamInstanceProfile");
      amigo_ec2_query_add_string (q, g_str_has_prefix (request->iam_instance_profile, "arn:")
                                     ? "Arn" : "Name",
                                  request->iam_instance_profile);
      amigo_ec2_query_pop (q);
    }
}

/* RunInstances's query, but its ClientToken. */
static AmigoEc2Query *
run_instances_query (const AmigoRunInstancesRequest *request)
{
  AmigoEc2Query *q = _amigo_ec2_query_new ("RunInstances");
  guint min_count = MAX (request->min_count, 1);
  guint max_count = MAX (request->max_count, min_count);

  _amigo_ec2_add_launch_data (q, request, min_count, max_count);
  return q;
}

/**
 * amigo_ec2_run_instances_fingerprint:
 * @request: a launch
 *
 * What EC2 ties a `ClientToken` to: the request as it is sent, but the
 * token. For amigo_client_token_policy_get_token().
 *
 * Returns: (transfer full): the fingerprint
 */
char *
amigo_ec2_run_instances_fingerprint (const AmigoRunInstancesRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);
  return _amigo_ec2_query_fingerprint (run_instances_query (request));
}

/**
 * amigo_ec2_run_instances_async:
 * @self: an #AmigoEc2
 * @request: what to launch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has accepted (or refused) the launch
 * @user_data: data for @callback
 *
 * RunInstances. The instances start `pending`. Idempotent through the
 * request's `client_token`: the same token with the same parameters
 * answers the instances launched the first time. User data over 16 KiB
 * fails at once with %AMIGO_AWS_ERROR_INVALID_ARGUMENT.
 */
void
amigo_ec2_run_instances_async (AmigoEc2                       *self,
                               const AmigoRunInstancesRequest *request,
                               GCancellable                   *cancellable,
                               GAsyncReadyCallback             callback,
                               gpointer                        user_data)
{
  GError *error = NULL;
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->image_id != NULL);

  if (!amigo_ec2_validate_user_data (request->user_data, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_ec2_run_instances_async, error);
      return;
    }

  q = run_instances_query (request);
  _amigo_ec2_add_client_token (q, request->client_token);
  _amigo_ec2_run (self, q, &run_instances_shape, cancellable, callback, user_data,
                  amigo_ec2_run_instances_async);
}

/**
 * amigo_ec2_run_instances_finish:
 *
 * Returns: (transfer container) (element-type AmigoInstance) (nullable):
 *   the instances launched, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, run_instances)

/* ---- Describe ------------------------------------------------------- */

/**
 * amigo_ec2_describe_instances_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are instance ids (`InstanceId.N`); filters
 *   such as `instance-state-name`, `image-id`, `client-token`, `tag:Name`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstances, every page.
 */
/**
 * amigo_ec2_describe_instances_finish:
 *
 * Returns: (transfer container) (element-type AmigoInstance) (nullable):
 *   the instances of every reservation, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_instances, describe_instances)

/**
 * amigo_ec2_describe_instance_types_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are type names (`InstanceType.N`); filters
 *   such as `processor-info.supported-architecture`,
 *   `current-generation`; pages of at most 100
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstanceTypes, every page: what each type offers the region.
 * amigo_instance_type_can_run_image() tells which can run an image.
 */
/**
 * amigo_ec2_describe_instance_types_finish:
 *
 * Returns: (transfer container) (element-type AmigoInstanceType) (nullable):
 *   the instance types, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_instance_types, describe_instance_types)

/* DescribeInstanceTypeOfferings: pages of at most 1000. */
#define OFFERINGS_PAGE_SIZE 1000

static void
describe_offerings_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) offerings = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GError *error = NULL;

  offerings = _amigo_ec2_finish_pointer (AMIGO_EC2 (source), result, describe_offerings_cb, &error);
  if (offerings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < offerings->len; i++)
    {
      const char *name = amigo_instance_type_get_instance_type (g_ptr_array_index (offerings, i));

      if (name != NULL)
        g_strv_builder_add (names, name);
    }
  g_task_return_pointer (task, g_strv_builder_end (names), (GDestroyNotify) g_strfreev);
}

/**
 * amigo_ec2_describe_instance_type_offerings_async:
 * @self: an #AmigoEc2
 * @availability_zone: a zone of the region, e.g. `us-east-1a`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstanceTypeOfferings with `LocationType=availability-zone` and
 * the `location` filter: the instance types that can be launched in
 * @availability_zone (a subnet's zone). Not every type of the region is
 * offered in each of its zones.
 */
void
amigo_ec2_describe_instance_type_offerings_async (AmigoEc2            *self,
                                                  const char          *availability_zone,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  const char *zones[] = { availability_zone, NULL };
  AmigoEc2Filter filter = { "location", zones };
  AmigoEc2Query *q;
  GTask *task;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (availability_zone != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_ec2_describe_instance_type_offerings_async);

  q = _amigo_ec2_query_new ("DescribeInstanceTypeOfferings");
  amigo_ec2_query_add_string (q, "LocationType", "availability-zone");
  _amigo_ec2_add_filters (q, &filter, 1);
  amigo_ec2_query_add_int (q, "MaxResults", OFFERINGS_PAGE_SIZE);
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_describe_instance_type_offerings, cancellable,
                         describe_offerings_cb, task, describe_offerings_cb);
}

/**
 * amigo_ec2_describe_instance_type_offerings_finish:
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the names
 *   of the instance types offered in the zone, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char **, describe_instance_type_offerings)

/**
 * amigo_ec2_describe_key_pairs_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are key names (`KeyName.N`); no paging
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DescribeKeyPairs: the key pairs a launch can use.
 */
/**
 * amigo_ec2_describe_key_pairs_finish:
 *
 * Returns: (transfer container) (element-type AmigoKeyPair) (nullable):
 *   the key pairs, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_key_pairs, describe_key_pairs)
