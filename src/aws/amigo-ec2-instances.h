/* amigo-ec2-instances.h — EC2 instances: launching and describing them, instance types, key pairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-instance-type.h"
#include "amigo-instance.h"
#include "amigo-key-pair.h"

G_BEGIN_DECLS

/* ---- Instances -------------------------------------------------------- */

/**
 * AmigoPublicIp:
 * @AMIGO_PUBLIC_IP_SUBNET_DEFAULT: as the subnet says (`MapPublicIpOnLaunch`)
 * @AMIGO_PUBLIC_IP_ASSIGN: give the instance a public IPv4 address
 * @AMIGO_PUBLIC_IP_NONE: never give it one
 *
 * Whether a launched instance gets a public IPv4 address. Anything but the
 * default is sent as `NetworkInterface.1.AssociatePublicIpAddress`, which
 * then carries the subnet and security groups too (EC2 refuses them at
 * both places).
 */
typedef enum {
  AMIGO_PUBLIC_IP_SUBNET_DEFAULT,
  AMIGO_PUBLIC_IP_ASSIGN,
  AMIGO_PUBLIC_IP_NONE,
} AmigoPublicIp;

/**
 * AmigoRunInstancesRequest:
 * @image_id: `ImageId` (required)
 * @instance_type: (nullable): `InstanceType`, e.g. `t3.micro`
 * @min_count: `MinCount`; 0 means 1
 * @max_count: `MaxCount`; 0 means @min_count
 * @key_name: (nullable): `KeyName`
 * @security_group_ids: (array zero-terminated=1) (nullable): `SecurityGroupId.N`
 * @subnet_id: (nullable): `SubnetId`; %NULL for the default VPC's choice
 * @public_ip: whether to give the instances a public IPv4 address
 * @user_data: (nullable): the user data as plain text (a shell script, a
 *   cloud-init file): base64-encoded here; at most 16 KiB
 * @block_device_mappings: (array length=n_block_device_mappings) (nullable):
 *   `BlockDeviceMapping.N`: change the image's volumes (size, type) or add some
 * @n_block_device_mappings: how many
 * @instance_tags: (array length=n_instance_tags) (nullable):
 *   `TagSpecification.N` with `ResourceType=instance`
 * @n_instance_tags: how many
 * @volume_tags: (array length=n_volume_tags) (nullable): `ResourceType=volume`
 * @n_volume_tags: how many
 * @http_tokens: (nullable): `MetadataOptions.HttpTokens`: `required`
 *   (IMDSv2 only) or `optional`
 * @http_endpoint: (nullable): `MetadataOptions.HttpEndpoint`: `enabled` or `disabled`
 * @http_put_response_hop_limit: `MetadataOptions.HttpPutResponseHopLimit`, 0 to leave out
 * @instance_metadata_tags: (nullable): `MetadataOptions.InstanceMetadataTags`:
 *   `enabled` or `disabled`
 * @iam_instance_profile: (nullable): `IamInstanceProfile.Arn` when it starts
 *   with `arn:`, `IamInstanceProfile.Name` otherwise
 * @client_token: (nullable): `ClientToken`, made once per user action with
 *   amigo_client_token_new() and passed again when the person retries the
 *   same launch; %NULL makes one for this call only (its retries still
 *   share it)
 */
typedef struct {
  const char *image_id;
  const char *instance_type;
  guint min_count;
  guint max_count;
  const char *key_name;
  const char * const *security_group_ids;
  const char *subnet_id;
  AmigoPublicIp public_ip;
  const char *user_data;
  const AmigoBlockDeviceMapping *block_device_mappings;
  guint n_block_device_mappings;
  const AmigoEc2Tag *instance_tags;
  guint n_instance_tags;
  const AmigoEc2Tag *volume_tags;
  guint n_volume_tags;
  const char *http_tokens;
  const char *http_endpoint;
  guint http_put_response_hop_limit;
  const char *instance_metadata_tags;
  const char *iam_instance_profile;
  const char *client_token;
} AmigoRunInstancesRequest;

char      *amigo_ec2_run_instances_fingerprint (const AmigoRunInstancesRequest *request);

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_run_instances,
                     const AmigoRunInstancesRequest *request);

AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_instances);

AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_key_pairs);
AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_instance_types);
AMIGO_DECLARE_ASYNC (AmigoEc2, char **, amigo_ec2_describe_instance_type_offerings,
                     const char *availability_zone);

G_END_DECLS
