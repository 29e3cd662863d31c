#!/usr/bin/env python3
"""A credential_process that hands out STS session credentials of the local
moto server (tests/moto-harness.sh): AssumeRole of amigo-test-role, signed
with the harness's throwaway key, printed in the process format with the
session's Expiration.

    sts-assume-role.py [DURATION_SECONDS]
"""
import json
import os
import sys

import boto3

duration = int(sys.argv[1]) if len(sys.argv) > 1 else 3600
sts = boto3.client(
    "sts",
    region_name="us-east-1",
    endpoint_url=os.environ["AMIGO_TEST_ENDPOINT"],
    aws_access_key_id=os.environ["AMIGO_TEST_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AMIGO_TEST_SECRET_ACCESS_KEY"],
)
answer = sts.assume_role(
    RoleArn="arn:aws:iam::123456789012:role/amigo-test-role",
    RoleSessionName="amigo-expiry",
    DurationSeconds=duration,
)
credentials = answer["Credentials"]
json.dump(
    {
        "Version": 1,
        "AccessKeyId": credentials["AccessKeyId"],
        "SecretAccessKey": credentials["SecretAccessKey"],
        "SessionToken": credentials["SessionToken"],
        "Expiration": credentials["Expiration"].isoformat(),
    },
    sys.stdout,
)
