#!/usr/bin/env python3
# trim-model.py — botocore's model of a service, trimmed to what Amigo calls
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/trim-model.py SERVICE Operation1 Operation2 ...
#
# Reads botocore's service-2.json of SERVICE (its newest API version;
# botocore must be importable, or pass --botocore-data DIR) and writes
# src/aws/models/SERVICE.json: the metadata, the named operations, and only
# the shapes they reach (input, output, errors), without documentation. The
# operations already in the file are kept, so adding one is
#
#   build-aux/trim-model.py s3 PutObject
#
# (--replace drops them). The output is sorted and stable: re-running it
# changes nothing. The build turns the file into C (build-aux/gen-model.py);
# it never needs botocore.

import argparse
import gzip
import json
import os
import sys

DROP_KEYS = {'documentation', 'documentationUrl', 'deprecatedMessage', 'examples'}


def botocore_data_dir():
    try:
        import botocore
    except ImportError:
        sys.exit('trim-model.py: botocore is not installed; pass --botocore-data DIR')
    return os.path.join(os.path.dirname(botocore.__file__), 'data')


def load_service(data_dir, service, version):
    service_dir = os.path.join(data_dir, service)
    if not os.path.isdir(service_dir):
        sys.exit(f'trim-model.py: botocore has no service {service!r}')
    if version is None:
        version = sorted(os.listdir(service_dir))[-1]
    base = os.path.join(service_dir, version, 'service-2.json')
    if os.path.exists(base):
        with open(base, encoding='utf-8') as f:
            return json.load(f)
    with gzip.open(base + '.gz', 'rt', encoding='utf-8') as f:
        return json.load(f)


def strip(value):
    """The value without documentation, anywhere in it."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DROP_KEYS}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def references(shape):
    """The shape names a shape refers to."""
    for key in ('member', 'key', 'value'):
        if key in shape:
            yield shape[key]['shape']
    for member in shape.get('members', {}).values():
        yield member['shape']


def trim(model, operations):
    missing = [op for op in operations if op not in model['operations']]
    if missing:
        sys.exit(f'trim-model.py: no operation {", ".join(missing)} in the model')

    ops = {name: strip(model['operations'][name]) for name in sorted(operations)}
    todo = []
    for op in ops.values():
        for key in ('input', 'output'):
            if key in op:
                todo.append(op[key]['shape'])
        todo.extend(error['shape'] for error in op.get('errors', []))

    shapes = {}
    while todo:
        name = todo.pop()
        if name in shapes:
            continue
        shapes[name] = strip(model['shapes'][name])
        todo.extend(references(shapes[name]))

    return {
        'version': model.get('version', '2.0'),
        'metadata': strip(model['metadata']),
        'operations': ops,
        'shapes': {name: shapes[name] for name in sorted(shapes)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('service', help="botocore's name of the service, e.g. sts, sso-oidc, s3")
    parser.add_argument('operations', nargs='*', help='operations to add, e.g. GetCallerIdentity')
    parser.add_argument('--replace', action='store_true',
                        help='drop the operations the model file has now')
    parser.add_argument('--botocore-data', help="botocore's data directory")
    parser.add_argument('--api-version', help="the model's API version (default: the newest)")
    parser.add_argument('--output', help='default: src/aws/models/SERVICE.json')
    args = parser.parse_args()

    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    output = args.output or os.path.join(top, 'src', 'aws', 'models', args.service + '.json')
    operations = set(args.operations)
    if not args.replace and os.path.exists(output):
        with open(output, encoding='utf-8') as f:
            operations |= set(json.load(f)['operations'])
    if not operations:
        sys.exit('trim-model.py: name at least one operation')

    model = load_service(args.botocore_data or botocore_data_dir(), args.service, args.api_version)
    trimmed = trim(model, operations)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, 'w', encoding='utf-8') as f:
        json.dump(trimmed, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{output}: {len(trimmed["operations"])} operations, {len(trimmed["shapes"])} shapes')


if __name__ == '__main__':
    main()
