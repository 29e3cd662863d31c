/* amigo-instance.c — an EC2 instance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-instance.h"
#include "amigo-record-private.h"

struct _AmigoInstance
{
  GObject parent_instance;

  char *instance_id;
  char *image_id;
  char *state;  /* pooled */
  char *private_dns_name;
  char *public_dns_name;
  char *state_transition_reason;
  char *key_name;  /* pooled */
  AmigoProductCode *product_codes;
  char *instance_type;  /* pooled */
  char *launch_time;
  char *availability_zone;  /* pooled */
  char *placement_group_name;  /* pooled */
  char *tenancy;  /* pooled */
  char *kernel_id;  /* pooled */
  char *ramdisk_id;  /* pooled */
  char *platform;  /* pooled */
  char *monitoring_state;  /* pooled */
  char *subnet_id;  /* pooled */
  char *vpc_id;  /* pooled */
  char *private_ip_address;
  char *public_ip_address;
  char *architecture;  /* pooled */
  char *root_device_type;  /* pooled */
  char *root_device_name;  /* pooled */
  AmigoInstanceBlockDeviceMapping *block_device_mappings;
  char *virtualization_type;  /* pooled */
  char *client_token;
  AmigoTag *tags;
  AmigoGroupIdentifier *security_groups;
  char *hypervisor;  /* pooled */
  char *iam_instance_profile_arn;
  char *iam_instance_profile_id;
  char *instance_lifecycle;  /* pooled */
  char *spot_instance_request_id;
  char *boot_mode;  /* pooled */
  char *current_instance_boot_mode;  /* pooled */
  char *platform_details;  /* pooled */
  char *usage_operation;  /* pooled */
  char *tpm_support;  /* pooled */
  char *ipv6_address;
  AmigoStateReason state_reason;
  gint64 launch_time_usec;
  gint32 state_code;
  gint32 ami_launch_index;
  guint n_product_codes;
  guint n_block_device_mappings;
  guint n_tags;
  guint n_security_groups;
  gboolean has_state_reason;
  gint8 source_dest_check;  /* AmigoTristate */
  gint8 ebs_optimized;  /* AmigoTristate */
  gint8 ena_support;  /* AmigoTristate */
};

G_DEFINE_FINAL_TYPE (AmigoInstance, amigo_instance, G_TYPE_OBJECT)

static const AmigoRecordField instance_state_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstance, "code", "Code", "state-code", INT, state_code),
  AMIGO_RECORD_FIELD (AmigoInstance, "name", "Name", "state", POOLED, state),
};

static AmigoRecordType instance_state_type =
  AMIGO_RECORD_NESTED_TYPE ("State", instance_state_fields);

static const AmigoRecordField instance_placement_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstance, "availabilityZone", "AvailabilityZone", "availability-zone", POOLED, availability_zone),
  AMIGO_RECORD_FIELD (AmigoInstance, "groupName", "GroupName", "placement-group-name", POOLED, placement_group_name),
  AMIGO_RECORD_FIELD (AmigoInstance, "tenancy", "Tenancy", "tenancy", POOLED, tenancy),
};

static AmigoRecordType instance_placement_type =
  AMIGO_RECORD_NESTED_TYPE ("Placement", instance_placement_fields);

static const AmigoRecordField instance_monitoring_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstance, "state", "State", "monitoring-state", POOLED, monitoring_state),
};

static AmigoRecordType instance_monitoring_type =
  AMIGO_RECORD_NESTED_TYPE ("Monitoring", instance_monitoring_fields);

static const AmigoRecordField instance_iam_instance_profile_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstance, "arn", "Arn", "iam-instance-profile-arn", STRING, iam_instance_profile_arn),
  AMIGO_RECORD_FIELD (AmigoInstance, "id", "Id", "iam-instance-profile-id", STRING, iam_instance_profile_id),
};

static AmigoRecordType instance_iam_instance_profile_type =
  AMIGO_RECORD_NESTED_TYPE ("IamInstanceProfile", instance_iam_instance_profile_fields);

static const AmigoRecordField instance_fields[] = {
  AMIGO_RECORD_FIELD (AmigoInstance, "instanceId", "InstanceId", "instance-id", STRING, instance_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FLATTEN ("instanceState", "State", instance_state_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "privateDnsName", "PrivateDnsName", "private-dns-name", STRING, private_dns_name),
  AMIGO_RECORD_FIELD (AmigoInstance, "dnsName", "PublicDnsName", "public-dns-name", STRING, public_dns_name),
  AMIGO_RECORD_FIELD (AmigoInstance, "reason", "StateTransitionReason", "state-transition-reason", STRING, state_transition_reason),
  AMIGO_RECORD_FIELD (AmigoInstance, "keyName", "KeyName", "key-name", POOLED, key_name),
  AMIGO_RECORD_FIELD (AmigoInstance, "amiLaunchIndex", "AmiLaunchIndex", "ami-launch-index", INT, ami_launch_index),
  AMIGO_RECORD_LIST (AmigoInstance, "productCodes", "ProductCodes", "product-codes", product_codes, amigo_product_code_record),
  AMIGO_RECORD_FIELD (AmigoInstance, "instanceType", "InstanceType", "instance-type", POOLED, instance_type),
  AMIGO_RECORD_DATE (AmigoInstance, "launchTime", "LaunchTime", "launch-time", launch_time),
  AMIGO_RECORD_FLATTEN ("placement", "Placement", instance_placement_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "kernelId", "KernelId", "kernel-id", POOLED, kernel_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "ramdiskId", "RamdiskId", "ramdisk-id", POOLED, ramdisk_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "platform", "Platform", "platform", POOLED, platform),
  AMIGO_RECORD_FLATTEN ("monitoring", "Monitoring", instance_monitoring_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "subnetId", "SubnetId", "subnet-id", POOLED, subnet_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "vpcId", "VpcId", "vpc-id", POOLED, vpc_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "privateIpAddress", "PrivateIpAddress", "private-ip-address", STRING, private_ip_address),
  AMIGO_RECORD_FIELD (AmigoInstance, "ipAddress", "PublicIpAddress", "public-ip-address", STRING, public_ip_address),
  AMIGO_RECORD_STRUCT (AmigoInstance, "stateReason", "StateReason", "state-reason", state_reason, amigo_state_reason_record),
  AMIGO_RECORD_FIELD (AmigoInstance, "architecture", "Architecture", "architecture", POOLED, architecture),
  AMIGO_RECORD_FIELD (AmigoInstance, "rootDeviceType", "RootDeviceType", "root-device-type", POOLED, root_device_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "rootDeviceName", "RootDeviceName", "root-device-name", POOLED, root_device_name),
  AMIGO_RECORD_LIST (AmigoInstance, "blockDeviceMapping", "BlockDeviceMappings", "block-device-mappings", block_device_mappings, amigo_instance_block_device_mapping_record),
  AMIGO_RECORD_FIELD (AmigoInstance, "virtualizationType", "VirtualizationType", "virtualization-type", POOLED, virtualization_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "clientToken", "ClientToken", "client-token", STRING, client_token),
  AMIGO_RECORD_LIST (AmigoInstance, "tagSet", "Tags", "tags", tags, amigo_tag_record),
  AMIGO_RECORD_LIST (AmigoInstance, "groupSet", "SecurityGroups", "security-groups", security_groups, amigo_group_identifier_record),
  AMIGO_RECORD_FIELD (AmigoInstance, "sourceDestCheck", "SourceDestCheck", "source-dest-check", BOOLEAN, source_dest_check),
  AMIGO_RECORD_FIELD (AmigoInstance, "hypervisor", "Hypervisor", "hypervisor", POOLED, hypervisor),
  AMIGO_RECORD_FIELD (AmigoInstance, "ebsOptimized", "EbsOptimized", "ebs-optimized", BOOLEAN, ebs_optimized),
  AMIGO_RECORD_FIELD (AmigoInstance, "enaSupport", "EnaSupport", "ena-support", BOOLEAN, ena_support),
  AMIGO_RECORD_FLATTEN ("iamInstanceProfile", "IamInstanceProfile", instance_iam_instance_profile_type),
  AMIGO_RECORD_FIELD (AmigoInstance, "instanceLifecycle", "InstanceLifecycle", "instance-lifecycle", POOLED, instance_lifecycle),
  AMIGO_RECORD_FIELD (AmigoInstance, "spotInstanceRequestId", "SpotInstanceRequestId", "spot-instance-request-id", STRING, spot_instance_request_id),
  AMIGO_RECORD_FIELD (AmigoInstance, "bootMode", "BootMode", "boot-mode", POOLED, boot_mode),
  AMIGO_RECORD_FIELD (AmigoInstance, "currentInstanceBootMode", "CurrentInstanceBootMode", "current-instance-boot-mode", POOLED, current_instance_boot_mode),
  AMIGO_RECORD_FIELD (AmigoInstance, "platformDetails", "PlatformDetails", "platform-details", POOLED, platform_details),
  AMIGO_RECORD_FIELD (AmigoInstance, "usageOperation", "UsageOperation", "usage-operation", POOLED, usage_operation),
  AMIGO_RECORD_FIELD (AmigoInstance, "tpmSupport", "TpmSupport", "tpm-support", POOLED, tpm_support),
  AMIGO_RECORD_FIELD (AmigoInstance, "ipv6Address", "Ipv6Address", "ipv6-address", STRING, ipv6_address),
};

AmigoRecordType amigo_instance_record =
  AMIGO_RECORD_TYPE ("Instance", AmigoInstance, instance_fields, amigo_instance_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoInstance, amigo_instance, amigo_instance_record)

/**
 * amigo_instance_new:
 *
 * Creates an empty AmigoInstance; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoInstance
 */
AmigoInstance *
amigo_instance_new (void)
{
  return g_object_new (AMIGO_TYPE_INSTANCE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoInstance, amigo_instance, AMIGO_IS_INSTANCE, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoInstance, amigo_instance, AMIGO_IS_INSTANCE, Item, field)
#define TRISTATE_GETTER(field) \
  AMIGO_RECORD_TRISTATE_GETTER (AmigoInstance, amigo_instance, AMIGO_IS_INSTANCE, field)

/**
 * amigo_instance_get_instance_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the instance id (`instanceId`)
 */
GETTER (const char *, instance_id, NULL)

/**
 * amigo_instance_get_image_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the image it was launched from (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_instance_get_state_code:
 * @self: an #AmigoInstance
 *
 * Returns: the state code (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped), -1 if not given (`code`)
 */
GETTER (gint, state_code, -1)

/**
 * amigo_instance_get_state:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `pending`, `running`, `shutting-down`, `terminated`, `stopping` or `stopped` (`name`)
 */
GETTER (const char *, state, NULL)

/**
 * amigo_instance_get_private_dns_name:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the private DNS name (`privateDnsName`)
 */
GETTER (const char *, private_dns_name, NULL)

/**
 * amigo_instance_get_public_dns_name:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the public DNS name (`dnsName`)
 */
GETTER (const char *, public_dns_name, NULL)

/**
 * amigo_instance_get_state_transition_reason:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): why the state last changed (`reason`)
 */
GETTER (const char *, state_transition_reason, NULL)

/**
 * amigo_instance_get_key_name:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the key pair it was launched with (`keyName`)
 */
GETTER (const char *, key_name, NULL)

/**
 * amigo_instance_get_ami_launch_index:
 * @self: an #AmigoInstance
 *
 * Returns: its index in the launch, -1 if not given (`amiLaunchIndex`)
 */
GETTER (gint, ami_launch_index, -1)

/**
 * amigo_instance_get_product_codes:
 * @self: an #AmigoInstance
 * @n_product_codes: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_product_codes) (nullable): its product codes (`productCodes`)
 */
ARRAY_GETTER (AmigoProductCode, product_codes)

/**
 * amigo_instance_get_instance_type:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the instance type, e.g. `t3.micro` (`instanceType`)
 */
GETTER (const char *, instance_type, NULL)

/**
 * amigo_instance_get_launch_time:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): when it was launched (`launchTime`)
 */
GETTER (const char *, launch_time, NULL)

/**
 * amigo_instance_get_launch_time_usec:
 * @self: an #AmigoInstance
 *
 * Returns: when it was launched, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, launch_time_usec, 0)

/**
 * amigo_instance_get_availability_zone:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the Availability Zone (`availabilityZone`)
 */
GETTER (const char *, availability_zone, NULL)

/**
 * amigo_instance_get_placement_group_name:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the placement group (`groupName`)
 */
GETTER (const char *, placement_group_name, NULL)

/**
 * amigo_instance_get_tenancy:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `default`, `dedicated` or `host` (`tenancy`)
 */
GETTER (const char *, tenancy, NULL)

/**
 * amigo_instance_get_kernel_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the kernel (`kernelId`)
 */
GETTER (const char *, kernel_id, NULL)

/**
 * amigo_instance_get_ramdisk_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the RAM disk (`ramdiskId`)
 */
GETTER (const char *, ramdisk_id, NULL)

/**
 * amigo_instance_get_platform:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `windows` for Windows instances (`platform`)
 */
GETTER (const char *, platform, NULL)

/**
 * amigo_instance_get_monitoring_state:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): detailed monitoring: `disabled`, `disabling`, `enabled` or `pending` (`state`)
 */
GETTER (const char *, monitoring_state, NULL)

/**
 * amigo_instance_get_subnet_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the subnet (`subnetId`)
 */
GETTER (const char *, subnet_id, NULL)

/**
 * amigo_instance_get_vpc_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the VPC (`vpcId`)
 */
GETTER (const char *, vpc_id, NULL)

/**
 * amigo_instance_get_private_ip_address:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the private IPv4 address (`privateIpAddress`)
 */
GETTER (const char *, private_ip_address, NULL)

/**
 * amigo_instance_get_public_ip_address:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the public IPv4 address (`ipAddress`)
 */
GETTER (const char *, public_ip_address, NULL)

/**
 * amigo_instance_get_state_reason:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): why it is in its state (`stateReason`)
 */
const AmigoStateReason *
amigo_instance_get_state_reason (AmigoInstance *self)
{
  g_return_val_if_fail (AMIGO_IS_INSTANCE (self), NULL);

  return self->has_state_reason ? &self->state_reason : NULL;
}

/**
 * amigo_instance_get_architecture:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the architecture (`architecture`)
 */
GETTER (const char *, architecture, NULL)

/**
 * amigo_instance_get_root_device_type:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `ebs` or `instance-store` (`rootDeviceType`)
 */
GETTER (const char *, root_device_type, NULL)

/**
 * amigo_instance_get_root_device_name:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the root device (`rootDeviceName`)
 */
GETTER (const char *, root_device_name, NULL)

/**
 * amigo_instance_get_block_device_mappings:
 * @self: an #AmigoInstance
 * @n_block_device_mappings: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_block_device_mappings) (nullable): its attached volumes (`blockDeviceMapping`)
 */
ARRAY_GETTER (AmigoInstanceBlockDeviceMapping, block_device_mappings)

/**
 * amigo_instance_get_virtualization_type:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `hvm` or `paravirtual` (`virtualizationType`)
 */
GETTER (const char *, virtualization_type, NULL)

/**
 * amigo_instance_get_client_token:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the idempotency token it was launched with (`clientToken`)
 */
GETTER (const char *, client_token, NULL)

/**
 * amigo_instance_get_tags:
 * @self: an #AmigoInstance
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)

/**
 * amigo_instance_get_security_groups:
 * @self: an #AmigoInstance
 * @n_security_groups: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_security_groups) (nullable): its security groups (`groupSet`)
 */
ARRAY_GETTER (AmigoGroupIdentifier, security_groups)

/**
 * amigo_instance_get_source_dest_check:
 * @self: an #AmigoInstance
 *
 * Returns: whether source/destination checking is on (`sourceDestCheck`); %FALSE when not given
 */
TRISTATE_GETTER (source_dest_check)

/**
 * amigo_instance_get_hypervisor:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `ovm` or `xen` (`hypervisor`)
 */
GETTER (const char *, hypervisor, NULL)

/**
 * amigo_instance_get_ebs_optimized:
 * @self: an #AmigoInstance
 *
 * Returns: whether it is EBS-optimized (`ebsOptimized`); %FALSE when not given
 */
TRISTATE_GETTER (ebs_optimized)

/**
 * amigo_instance_get_ena_support:
 * @self: an #AmigoInstance
 *
 * Returns: whether ENA is on (`enaSupport`); %FALSE when not given
 */
TRISTATE_GETTER (ena_support)

/**
 * amigo_instance_get_iam_instance_profile_arn:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the IAM instance profile ARN (`arn`)
 */
GETTER (const char *, iam_instance_profile_arn, NULL)

/**
 * amigo_instance_get_iam_instance_profile_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the IAM instance profile id (`id`)
 */
GETTER (const char *, iam_instance_profile_id, NULL)

/**
 * amigo_instance_get_instance_lifecycle:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `spot`, `scheduled` or `capacity-block` (`instanceLifecycle`)
 */
GETTER (const char *, instance_lifecycle, NULL)

/**
 * amigo_instance_get_spot_instance_request_id:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the Spot request (`spotInstanceRequestId`)
 */
GETTER (const char *, spot_instance_request_id, NULL)

/**
 * amigo_instance_get_boot_mode:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the boot mode of the image (`bootMode`)
 */
GETTER (const char *, boot_mode, NULL)

/**
 * amigo_instance_get_current_instance_boot_mode:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the boot mode in use (`currentInstanceBootMode`)
 */
GETTER (const char *, current_instance_boot_mode, NULL)

/**
 * amigo_instance_get_platform_details:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the platform details (`platformDetails`)
 */
GETTER (const char *, platform_details, NULL)

/**
 * amigo_instance_get_usage_operation:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the billing operation (`usageOperation`)
 */
GETTER (const char *, usage_operation, NULL)

/**
 * amigo_instance_get_tpm_support:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): `v2.0` when NitroTPM is on (`tpmSupport`)
 */
GETTER (const char *, tpm_support, NULL)

/**
 * amigo_instance_get_ipv6_address:
 * @self: an #AmigoInstance
 *
 * Returns: (transfer none) (nullable): the primary IPv6 address (`ipv6Address`)
 */
GETTER (const char *, ipv6_address, NULL)
