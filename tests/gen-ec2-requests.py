#!/usr/bin/env python3
"""Print the expected bodies of tests/test-ec2-requests.c, as botocore
serializes the same requests (EC2 query protocol, STS query protocol).

    python3 tests/gen-ec2-requests.py > tests/data/ec2-requests.txt

Each case is a line `== name`, then one `Key=Value` line per parameter,
decoded, sorted. The C test builds the same requests with Amigo's typed
API and compares, so every parameter name comes from botocore's model.
"""
import base64
import datetime

import botocore.session
from botocore.serialize import create_serializer

session = botocore.session.get_session()
models = {name: session.get_service_model(name) for name in ("ec2", "sts")}
serializers = {name: create_serializer(models[name].metadata["protocol"]) for name in models}

BDM = [
    {"DeviceName": "/dev/sdf",
     "Ebs": {"VolumeSize": 20, "VolumeType": "gp3", "Iops": 3000, "Throughput": 125,
             "DeleteOnTermination": True, "Encrypted": True, "KmsKeyId": "alias/amigo"}},
    {"DeviceName": "/dev/sdg", "NoDevice": ""},
    {"DeviceName": "/dev/sdb", "VirtualName": "ephemeral0"},
]

CASES = [
    ("describe-regions", "ec2", "DescribeRegions", {"AllRegions": True}),
    ("describe-images", "ec2", "DescribeImages", {
        "Owners": ["self", "amazon"], "ExecutableUsers": ["all"],
        "Filters": [{"Name": "name", "Values": ["al2023-*", "ubuntu?"]},
                    {"Name": "tag:Team", "Values": ["web"]}],
        "IncludeDeprecated": True, "IncludeDisabled": True, "MaxResults": 50}),
    ("describe-images-ids", "ec2", "DescribeImages", {"ImageIds": ["ami-1", "ami-2"]}),
    ("describe-image-attribute", "ec2", "DescribeImageAttribute",
     {"ImageId": "ami-1", "Attribute": "lastLaunchedTime"}),
    ("create-image", "ec2", "CreateImage", {
        "InstanceId": "i-1", "Name": "web (v2) [x86]", "Description": "web server",
        "NoReboot": True, "BlockDeviceMappings": BDM,
        "TagSpecifications": [
            {"ResourceType": "image", "Tags": [{"Key": "Name", "Value": "web"},
                                                {"Key": "Team", "Value": "amigo"}]},
            {"ResourceType": "snapshot", "Tags": [{"Key": "Backup", "Value": "daily"}]}]}),
    ("register-image-snapshot", "ec2", "RegisterImage", {
        "Name": "from-snapshot", "Architecture": "arm64", "RootDeviceName": "/dev/xvda",
        "VirtualizationType": "hvm", "BootMode": "uefi", "TpmSupport": "v2.0",
        "ImdsSupport": "v2.0", "EnaSupport": True,
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
                                 "Ebs": {"SnapshotId": "snap-1", "VolumeSize": 16,
                                         "VolumeType": "gp3"}}] + BDM[1:],
        "TagSpecifications": [{"ResourceType": "image", "Tags": [{"Key": "Name", "Value": "x"}]}]}),
    ("register-image-manifest", "ec2", "RegisterImage", {
        "Name": "from-s3", "ImageLocation": "amzn-s3-demo-bucket/image.manifest.xml",
        "Architecture": "x86_64", "RootDeviceName": "/dev/sda1",
        "VirtualizationType": "paravirtual", "KernelId": "aki-1", "RamdiskId": "ari-1",
        "SriovNetSupport": "simple"}),
    ("copy-image", "ec2", "CopyImage", {
        "SourceRegion": "us-east-1", "SourceImageId": "ami-1", "Name": "copy",
        "Description": "a copy", "Encrypted": True, "KmsKeyId": "alias/amigo",
        "CopyImageTags": True,
        "TagSpecifications": [
            {"ResourceType": "image", "Tags": [{"Key": "Copied", "Value": "yes"}]},
            {"ResourceType": "snapshot", "Tags": [{"Key": "Backup", "Value": "weekly"}]}],
        "ClientToken": "token-1"}),
    ("deregister-image", "ec2", "DeregisterImage",
     {"ImageId": "ami-1", "DeleteAssociatedSnapshots": True}),
    ("delete-snapshot", "ec2", "DeleteSnapshot", {"SnapshotId": "snap-1"}),
    ("modify-launch-permission", "ec2", "ModifyImageAttribute", {
        "ImageId": "ami-1",
        "LaunchPermission": {
            "Add": [{"UserId": "111122223333"}, {"Group": "all"},
                    {"OrganizationArn": "arn:aws:organizations::111122223333:organization/o-1"}],
            "Remove": [{"OrganizationalUnitArn": "arn:aws:organizations::111122223333:ou/o-1/ou-1"}]}}),
    ("modify-description", "ec2", "ModifyImageAttribute",
     {"ImageId": "ami-1", "Description": {"Value": "new words"}}),
    ("create-tags", "ec2", "CreateTags", {
        "Resources": ["ami-1", "snap-1"],
        "Tags": [{"Key": "Name", "Value": "web"}, {"Key": "Empty", "Value": ""}]}),
    ("delete-tags", "ec2", "DeleteTags", {
        "Resources": ["ami-1"], "Tags": [{"Key": "Stage"}, {"Key": "Owner", "Value": "me"}]}),
    ("enable-deprecation", "ec2", "EnableImageDeprecation", {
        "ImageId": "ami-1",
        "DeprecateAt": datetime.datetime(2027, 1, 2, 3, 4, 0, tzinfo=datetime.timezone.utc)}),
    ("disable-deprecation", "ec2", "DisableImageDeprecation", {"ImageId": "ami-1"}),
    ("enable-protection", "ec2", "EnableImageDeregistrationProtection",
     {"ImageId": "ami-1", "WithCooldown": True}),
    ("disable-protection", "ec2", "DisableImageDeregistrationProtection", {"ImageId": "ami-1"}),
    ("get-image-block-public-access", "ec2", "GetImageBlockPublicAccessState", {}),
    ("enable-image-block-public-access", "ec2", "EnableImageBlockPublicAccess",
     {"ImageBlockPublicAccessState": "block-new-sharing"}),
    ("disable-image-block-public-access", "ec2", "DisableImageBlockPublicAccess", {}),
    ("run-instances", "ec2", "RunInstances", {
        "ImageId": "ami-1", "InstanceType": "t3.micro", "MinCount": 1, "MaxCount": 3,
        "KeyName": "my key", "SecurityGroupIds": ["sg-1", "sg-2"], "SubnetId": "subnet-1",
        # botocore's client base64-encodes UserData before serializing
        "UserData": base64.b64encode(b"#!/bin/sh\necho hello\n").decode(),
        "BlockDeviceMappings": BDM[:1],
        "TagSpecifications": [
            {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]},
            {"ResourceType": "volume", "Tags": [{"Key": "Disk", "Value": "root"}]}],
        "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled",
                            "HttpPutResponseHopLimit": 2, "InstanceMetadataTags": "enabled"},
        "IamInstanceProfile": {"Name": "web-role"},
        "ClientToken": "token-2"}),
    ("run-instances-public-ip", "ec2", "RunInstances", {
        "ImageId": "ami-1", "MinCount": 1, "MaxCount": 1,
        "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True,
                               "DeleteOnTermination": True, "SubnetId": "subnet-1",
                               "Groups": ["sg-1"]}],
        "IamInstanceProfile": {"Arn": "arn:aws:iam::111122223333:instance-profile/web"},
        "ClientToken": "token-3"}),
    ("describe-instances", "ec2", "DescribeInstances", {
        "Filters": [{"Name": "instance-state-name", "Values": ["running", "pending"]}],
        "MaxResults": 1000}),
    ("describe-instances-ids", "ec2", "DescribeInstances", {"InstanceIds": ["i-1", "i-2"]}),
    ("describe-snapshots", "ec2", "DescribeSnapshots", {
        "OwnerIds": ["self"], "Filters": [{"Name": "status", "Values": ["pending"]}],
        "MaxResults": 1000}),
    ("describe-snapshots-ids", "ec2", "DescribeSnapshots",
     {"OwnerIds": ["self"], "SnapshotIds": ["snap-1"]}),
    ("describe-key-pairs", "ec2", "DescribeKeyPairs", {"KeyNames": ["my key"]}),
    ("describe-security-groups", "ec2", "DescribeSecurityGroups", {
        "Filters": [{"Name": "vpc-id", "Values": ["vpc-1"]}], "MaxResults": 1000}),
    ("describe-subnets", "ec2", "DescribeSubnets", {"SubnetIds": ["subnet-1"]}),
    ("describe-vpcs", "ec2", "DescribeVpcs", {"MaxResults": 1000}),
    ("describe-instance-types", "ec2", "DescribeInstanceTypes", {
        "Filters": [{"Name": "processor-info.supported-architecture", "Values": ["arm64"]}],
        "MaxResults": 100}),
    ("describe-instance-type-offerings", "ec2", "DescribeInstanceTypeOfferings", {
        "LocationType": "availability-zone",
        "Filters": [{"Name": "location", "Values": ["us-east-1a"]}],
        "MaxResults": 1000}),
    ("get-caller-identity", "sts", "GetCallerIdentity", {}),
]


def flatten(body):
    return sorted(f"{key}={'' if value is None else value}" for key, value in body.items())


for name, service, operation, params in CASES:
    model = models[service].operation_model(operation)
    request = serializers[service].serialize_to_request(params, model)
    print(f"== {name}")
    for line in flatten(request["body"]):
        print(line)
