#!/usr/bin/env python3
"""Fills a local moto server with a few instances and images of "your own",
so that the demo window (build-aux/run.sh without an AWS account) has
something to show in every source. Talks to the server with botocore,
signed with the test user's keys; nothing here reaches AWS."""
import os
import sys

import botocore.session

endpoint = os.environ["AMIGO_TEST_ENDPOINT"]
if not endpoint.startswith("http://127.0.0.1:"):
    sys.exit("refusing to seed anything but a local moto server")

session = botocore.session.get_session()


def ec2(region):
    return client_for("ec2", region)


def amazon_image(client, arch):
    images = client.describe_images(
        Owners=["amazon"],
        Filters=[{"Name": "architecture", "Values": [arch]},
                 {"Name": "root-device-type", "Values": ["ebs"]}])["Images"]
    return sorted(images, key=lambda i: i.get("Name", ""))[0]["ImageId"]


def seed(region, prefix):
    client = ec2(region)
    base = amazon_image(client, "x86_64")
    reservation = client.run_instances(
        ImageId=base, MinCount=2, MaxCount=2, InstanceType="t3.micro",
        TagSpecifications=[{"ResourceType": "instance",
                            "Tags": [{"Key": "Name", "Value": f"{prefix}-web"}]}])
    instances = [i["InstanceId"] for i in reservation["Instances"]]
    made = []
    for n, (name, desc, tags) in enumerate([
            (f"{prefix}-web-2026-11-01", "Web server, nginx 1.24 on Debian 12",
             [("Name", f"{prefix} web"), ("Team", "web"), ("Environment", "production")]),
            (f"{prefix}-web-2026-11-20", "Web server, nginx 1.26 on Debian 12",
             [("Name", f"{prefix} web"), ("Team", "web"), ("Environment", "staging")]),
            (f"{prefix}-batch-worker", "Batch worker with Python 3.11",
             [("Team", "data")]),
    ]):
        image = client.create_image(
            InstanceId=instances[n % len(instances)], Name=name, Description=desc,
            NoReboot=True,
            TagSpecifications=[{"ResourceType": "image",
                                "Tags": [{"Key": k, "Value": v} for k, v in tags]}])
        made.append(image["ImageId"])
    client.modify_image_attribute(
        ImageId=made[0], LaunchPermission={"Add": [{"UserId": "111122223333"}]})
    print(f"{region}: {len(made)} images, {len(instances)} instances")
    return made


def client_for(service, region):
    return session.create_client(
        service, region_name=region, endpoint_url=endpoint,
        aws_access_key_id=os.environ["AMIGO_TEST_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AMIGO_TEST_SECRET_ACCESS_KEY"])


def seed_fleet(region, prefix, images):
    """A launch template with two versions (the second, of the newer web
    image, its default) and an Auto Scaling group launching its first:
    something for the Launch Templates and Auto Scaling Groups views, and a
    group to roll the newer image out to."""
    client = ec2(region)
    name = f"{prefix}-web"
    template = client.create_launch_template(
        LaunchTemplateName=name,
        LaunchTemplateData={"ImageId": images[0], "InstanceType": "t3.micro"})
    template_id = template["LaunchTemplate"]["LaunchTemplateId"]
    client.create_launch_template_version(
        LaunchTemplateId=template_id,
        LaunchTemplateData={"ImageId": images[1], "InstanceType": "t3.small"})
    client.modify_launch_template(LaunchTemplateId=template_id, DefaultVersion="2")
    client_for("autoscaling", region).create_auto_scaling_group(
        AutoScalingGroupName=f"{prefix}-web-group",
        LaunchTemplate={"LaunchTemplateId": template_id, "Version": "1"},
        MinSize=1, MaxSize=4, DesiredCapacity=2,
        AvailabilityZones=[f"{region}a"])
    print(f"{region}: launch template {name}, 2 versions, 1 Auto Scaling group")


seed_fleet("ap-northeast-2", "seoul", seed("ap-northeast-2", "seoul"))
seed("us-east-1", "virginia")
