#!/usr/bin/env python3
"""Writes NAME.expected.json next to each NAME.xml here: what botocore's own
parser makes of the XML, so the C parsers are checked against botocore and
not against what their author believed.

Same conventions as ../ec2-samples: EC2 answers go through
botocore.parsers.EC2QueryParser with the output shape of the operation in
the EC2 2016-11-15 model (STS ones through QueryParser with the STS model);
the operation is the file name up to the first "_"; error_*.xml are parsed
as errors (HTTP 400, or 503 for RequestLimitExceeded); timestamps become ISO
strings. Run it with the botocore the README names after editing a sample.
"""
import datetime
import glob
import json
import os

import botocore
import botocore.session
from botocore.parsers import EC2QueryParser, QueryParser

here = os.path.dirname(os.path.abspath(__file__))
session = botocore.session.get_session()
ec2 = session.get_service_model('ec2', api_version='2016-11-15')
sts = session.get_service_model('sts')


def iso(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso(v) for v in value]
    return value


for path in sorted(glob.glob(os.path.join(here, '*.xml'))):
    name = os.path.basename(path)[:-4]
    body = open(path, 'rb').read()
    is_sts = name == 'GetCallerIdentity' or name.startswith('error_sts_')
    parser = QueryParser() if is_sts else EC2QueryParser()
    model = sts if is_sts else ec2
    if name.startswith('error_'):
        status = 503 if 'RequestLimitExceeded' in name else 400
        shape = None
    else:
        status = 200
        shape = model.operation_model(name.split('_')[0]).output_shape
    parsed = parser.parse({'body': body, 'headers': {}, 'status_code': status}, shape)
    parsed['ResponseMetadata'].pop('HTTPHeaders', None)
    with open(os.path.join(here, name + '.expected.json'), 'w') as f:
        json.dump(iso(parsed), f, indent=2, ensure_ascii=False)
        f.write('\n')
    print(name, 'botocore', botocore.__version__)
