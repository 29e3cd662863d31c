#!/usr/bin/env python3
"""The baseline for bench-parse-images: botocore's own EC2 parser
(botocore.parsers.EC2QueryParser with the DescribeImages output shape of
the EC2 2016-11-15 model, as the AWS CLI and boto3 use it) on the same file.
Prints the number of images, the seconds taken (wall clock and CPU) and
the peak resident memory.

    botocore-parse.py DESCRIBE-IMAGES.xml
"""
import resource
import sys
import time

import botocore.session
from botocore.parsers import EC2QueryParser


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: botocore-parse.py DESCRIBE-IMAGES.xml')
    model = botocore.session.get_session().get_service_model('ec2', api_version='2016-11-15')
    shape = model.operation_model('DescribeImages').output_shape
    parser = EC2QueryParser()

    start = time.monotonic()
    cpu_start = time.process_time()
    # botocore reads the whole body before parsing, as it does for every call
    with open(sys.argv[1], 'rb') as f:
        body = f.read()
    parsed = parser.parse({'body': body, 'headers': {}, 'status_code': 200}, shape)
    seconds = time.monotonic() - start
    cpu_seconds = time.process_time() - cpu_start

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print('botocore: images=%d bytes=%d seconds=%.3f cpu_seconds=%.3f peak_rss_mib=%.1f'
          % (len(parsed['Images']), len(body), seconds, cpu_seconds, peak_mib))


if __name__ == '__main__':
    main()
