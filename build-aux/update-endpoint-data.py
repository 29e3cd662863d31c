#!/usr/bin/env python3
"""Copies botocore's endpoint rule sets (for the services Amigo calls) and
partitions into src/aws/endpoints/, and writes the expected endpoints of
every region of every partition, with and without FIPS and dual-stack, as
botocore's own rule engine resolves them, into tests/data/endpoints/cases.json.

Run it when botocore's data changes; commit both. The C resolver
(amigo-endpoint-rules.c) is an interpreter of the same rule sets, so the
test compares two implementations over the same data."""
import json
import os
import re
import sys

import botocore
from botocore.endpoint_provider import EndpointProvider
from botocore.loaders import create_loader

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Service (data folder) -> the name Amigo calls it by (its signing name).
SERVICES = {
    "ec2": "ec2", "sts": "sts", "ssm": "ssm", "autoscaling": "autoscaling",
    "iam": "iam", "sso": "sso", "sso-oidc": "sso-oidc", "rbin": "rbin",
    "pricing": "pricing",
}

loader = create_loader()
partitions = loader.load_data("partitions")
out_dir = os.path.join(top, "src", "aws", "endpoints")
os.makedirs(out_dir, exist_ok=True)


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


dump(partitions, os.path.join(out_dir, "partitions.json"))
regions = []
for p in partitions["partitions"]:
    regions.extend(sorted(p["regions"]))
# Regions no table lists yet, matched by their partition's pattern, and a
# string that matches none (the "aws" partition's outputs then apply).
regions += ["us-east-99", "cn-south-9", "us-gov-south-7", "eusc-de-west-2", "eusc-fr-west-3", "xx-nowhere-1"]

cases = []
for data_name, name in SERVICES.items():
    rules = loader.load_service_model(data_name, "endpoint-rule-set-1")
    dump(rules, os.path.join(out_dir, name + ".json"))
    provider = EndpointProvider(rules, partitions)
    for region in regions:
        for fips in (False, True):
            for dual in (False, True):
                params = {"Region": region, "UseFIPS": fips, "UseDualStack": dual}
                case = {"service": name, "region": region, "fips": fips, "dualstack": dual}
                try:
                    case["url"] = provider.resolve_endpoint(**params).url
                except Exception as e:  # the rule set's own error
                    case["error"] = str(e)
                cases.append(case)
    # A custom endpoint, alone and with FIPS (an error in every rule set).
    for fips in (False, True):
        case = {"service": name, "region": "us-east-1", "fips": fips, "dualstack": False,
                "endpoint": "https://example.com:4566/x"}
        try:
            case["url"] = provider.resolve_endpoint(Region="us-east-1", UseFIPS=fips,
                                                    UseDualStack=False,
                                                    Endpoint=case["endpoint"]).url
        except Exception as e:
            case["error"] = str(e)
        cases.append(case)

dump({"botocore": botocore.__version__, "cases": cases},
     os.path.join(top, "tests", "data", "endpoints", "cases.json"))
print(f"{len(SERVICES)} rule sets, {len(cases)} cases (botocore {botocore.__version__})")
