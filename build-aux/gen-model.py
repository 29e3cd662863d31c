#!/usr/bin/env python3
# gen-model.py — a trimmed botocore model as C: AmigoShape, AmigoOperation, AmigoServiceModel
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   gen-model.py src/aws/models/SERVICE.json amigo-SERVICE-model.c amigo-SERVICE-model.h
#
# Run by the build (src/aws/meson.build, one line per service); the Python
# standard library only. The header declares
#
#   extern const AmigoServiceModel amigo_SERVICE_model;
#   extern const AmigoOperation amigo_SERVICE_op_OPERATION;   (one per operation)
#
# with SERVICE's `-` as `_` and OPERATION in snake case (PutObject:
# put_object). Every trait the protocol layer reads is carried over; the
# rest of the model (constraints, enums, documentation) is not.

import json
import os
import re
import sys

PROTOCOLS = {
    'ec2': 'AMIGO_PROTOCOL_EC2',
    'query': 'AMIGO_PROTOCOL_QUERY',
    'json': 'AMIGO_PROTOCOL_JSON',
    'rest-json': 'AMIGO_PROTOCOL_REST_JSON',
    'rest-xml': 'AMIGO_PROTOCOL_REST_XML',
}

TYPES = {
    'structure': 'STRUCTURE', 'list': 'LIST', 'map': 'MAP',
    'string': 'STRING', 'character': 'STRING',
    'integer': 'INTEGER', 'byte': 'INTEGER', 'short': 'INTEGER',
    'long': 'LONG', 'bigInteger': 'LONG',
    'boolean': 'BOOLEAN', 'float': 'FLOAT', 'double': 'DOUBLE', 'bigDecimal': 'DOUBLE',
    'timestamp': 'TIMESTAMP', 'blob': 'BLOB',
}

LOCATIONS = {
    'header': 'AMIGO_LOCATION_HEADER',
    'headers': 'AMIGO_LOCATION_HEADERS',
    'uri': 'AMIGO_LOCATION_URI',
    'querystring': 'AMIGO_LOCATION_QUERYSTRING',
    'statusCode': 'AMIGO_LOCATION_STATUS_CODE',
}

FLAGS = {
    'flattened': 'AMIGO_SHAPE_FLATTENED',
    'xmlAttribute': 'AMIGO_SHAPE_XML_ATTRIBUTE',
    'jsonvalue': 'AMIGO_SHAPE_JSON_VALUE',
    'idempotencyToken': 'AMIGO_SHAPE_IDEMPOTENCY_TOKEN',
    'hostLabel': 'AMIGO_SHAPE_HOST_LABEL',
    'streaming': 'AMIGO_SHAPE_STREAMING',
    'eventstream': 'AMIGO_SHAPE_EVENT_STREAM',
    'union': 'AMIGO_SHAPE_UNION',
    'exception': 'AMIGO_SHAPE_EXCEPTION',
}


def fail(message):
    sys.exit(f'gen-model.py: {message}')


def snake_case(name):
    """botocore's xform_name: GetCallerIdentity → get_caller_identity."""
    name = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', name)
    name = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', name)
    return name.lower()


def c_string(text):
    if text is None:
        return None
    if not text.isascii() or any(c < ' ' for c in text):
        fail(f'not a plain ASCII string: {text!r}')
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def flags(definition):
    names = [flag for key, flag in FLAGS.items() if definition.get(key) is True]
    return ' | '.join(names) if names else None


def namespace(definition):
    ns = definition.get('xmlNamespace')
    if ns is None:
        return None, None
    if isinstance(ns, str):
        return ns, None
    return ns.get('uri'), ns.get('prefix')


def initializer(fields):
    """`{ .a = x, .b = y }` of the fields that are set."""
    parts = [f'.{key} = {value}' for key, value in fields if value is not None]
    return '{ ' + ', '.join(parts) + ' }' if parts else '{ 0 }'


class Generator:
    def __init__(self, model, service):
        self.model = model
        self.prefix = 'amigo_' + re.sub(r'[^a-z0-9]', '_', service.lower())
        self.shapes = model['shapes']
        self.idents = {}
        for name in self.shapes:
            ident = 'shape_' + re.sub(r'[^A-Za-z0-9_]', '_', name)
            while ident in self.idents.values():
                ident += '_'
            self.idents[name] = ident
        self.lines = []

    def out(self, line=''):
        self.lines.append(line)

    def shape_ref(self, name):
        if name not in self.idents:
            fail(f'no shape {name!r} in the model')
        return '&' + self.idents[name]

    def member_fields(self, name, ref):
        uri, prefix = namespace(ref)
        location = ref.get('location')
        if location is not None and location not in LOCATIONS:
            fail(f'unknown location {location!r}')
        return [
            ('name', c_string(name)),
            ('shape', self.shape_ref(ref['shape'])),
            ('location', LOCATIONS.get(location)),
            ('location_name', c_string(ref.get('locationName'))),
            ('query_name', c_string(ref.get('queryName'))),
            ('xml_namespace_uri', c_string(uri)),
            ('xml_namespace_prefix', c_string(prefix)),
            ('timestamp_format', c_string(ref.get('timestampFormat'))),
            ('flags', flags(ref)),
        ]

    def shape_type(self, name, definition):
        if definition.get('document') is True:
            return 'AMIGO_SHAPE_DOCUMENT'
        if definition.get('type') not in TYPES:
            fail(f'shape {name}: unknown type {definition.get("type")!r}')
        return 'AMIGO_SHAPE_' + TYPES[definition['type']]

    def emit_shape(self, name, definition):
        ident = self.idents[name]
        fields = [('type', self.shape_type(name, definition)), ('flags', flags(definition)),
                  ('name', c_string(name))]
        members = definition.get('members', {})
        if definition.get('type') == 'structure' and members:
            self.out(f'static const AmigoMember {ident}_members[] = {{')
            for member, ref in members.items():
                self.out(f'  {initializer(self.member_fields(member, ref))},')
            self.out('};')
        for part in ('member', 'key', 'value'):
            if part in definition:
                self.out(f'static const AmigoMember {ident}_{part} = '
                         f'{initializer(self.member_fields(None, definition[part]))};')
        uri, prefix = namespace(definition)
        fields += [
            ('timestamp_format', c_string(definition.get('timestampFormat'))),
            ('location_name', c_string(definition.get('locationName'))),
            ('xml_namespace_uri', c_string(uri)),
            ('xml_namespace_prefix', c_string(prefix)),
        ]
        if definition.get('type') == 'structure' and members:
            fields += [('members', f'{ident}_members'),
                       ('n_members', f'G_N_ELEMENTS ({ident}_members)')]
        fields += [
            ('payload', c_string(definition.get('payload'))),
            ('item', f'&{ident}_member' if 'member' in definition else None),
            ('key', f'&{ident}_key' if 'key' in definition else None),
            ('value', f'&{ident}_value' if 'value' in definition else None),
            ('error_code', c_string(definition.get('error', {}).get('code'))),
        ]
        self.out(f'static const AmigoShape {ident} = {{')
        for key, value in fields:
            if value is not None:
                self.out(f'  .{key} = {value},')
        self.out('};')
        self.out()

    def emit_operation(self, name, op):
        symbol = f'{self.prefix}_op_{snake_case(name)}'
        http = op.get('http', {})
        auth = op.get('auth', [])
        unsigned = op.get('authtype') == 'none' or auth == ['smithy.api#noAuth']
        for part in ('input', 'output'):
            if part in op:
                self.out(f'static const AmigoMember {symbol}_{part} = '
                         f'{initializer(self.member_fields(None, op[part]))};')
        errors = [e['shape'] for e in op.get('errors', [])]
        if errors:
            self.out(f'static const AmigoShape * const {symbol}_errors[] = {{')
            for error in errors:
                self.out(f'  {self.shape_ref(error)},')
            self.out('};')
        fields = [
            ('name', c_string(name)),
            ('http_method', c_string(http.get('method', 'POST'))),
            ('request_uri', c_string(http.get('requestUri', '/'))),
            ('input', f'&{symbol}_input' if 'input' in op else None),
            ('output', f'&{symbol}_output' if 'output' in op else None),
            ('result_wrapper', c_string(op.get('output', {}).get('resultWrapper'))),
            ('errors', f'{symbol}_errors' if errors else None),
            ('n_errors', f'G_N_ELEMENTS ({symbol}_errors)' if errors else None),
            ('unsigned_request', 'TRUE' if unsigned else None),
        ]
        self.out(f'const AmigoOperation {symbol} = {{')
        for key, value in fields:
            if value is not None:
                self.out(f'  .{key} = {value},')
        self.out('};')
        self.out()
        return symbol

    def protocol(self):
        metadata = self.model['metadata']
        for protocol in metadata.get('protocols', []) + [metadata.get('protocol')]:
            if protocol in PROTOCOLS:
                return PROTOCOLS[protocol]
        fail(f'no protocol Amigo speaks in {metadata.get("protocols")}')

    def source(self, header_name, json_name):
        metadata = self.model['metadata']
        self.out(f'/* {os.path.basename(header_name)[:-2]}.c — generated by build-aux/gen-model.py')
        self.out(f' * from src/aws/models/{json_name}, botocore\'s model trimmed to what Amigo')
        self.out(' * calls. Do not edit.')
        self.out(' *')
        self.out(' * SPDX-License-Identifier: Apache-2.0 (the botocore model) AND GPL-3.0-or-later')
        self.out(' */')
        self.out('#include "config.h"')
        self.out()
        self.out(f'#include "{os.path.basename(header_name)}"')
        self.out()
        for name in self.shapes:
            self.out(f'static const AmigoShape {self.idents[name]};')
        self.out()
        for name, definition in self.shapes.items():
            self.emit_shape(name, definition)
        symbols = [self.emit_operation(name, op) for name, op in self.model['operations'].items()]
        fields = [
            ('protocol', self.protocol()),
            ('api_version', c_string(metadata.get('apiVersion'))),
            ('json_version', c_string(metadata.get('jsonVersion'))),
            ('target_prefix', c_string(metadata.get('targetPrefix'))),
            ('signing_name', c_string(metadata.get('signingName') or metadata.get('endpointPrefix'))),
        ]
        self.out(f'const AmigoServiceModel {self.prefix}_model = {{')
        for key, value in fields:
            if value is not None:
                self.out(f'  .{key} = {value},')
        self.out('};')
        return '\n'.join(self.lines) + '\n', symbols

    def header(self, header_name, json_name, symbols):
        lines = [
            f'/* {os.path.basename(header_name)} — generated by build-aux/gen-model.py from',
            f' * src/aws/models/{json_name}. Do not edit.',
            ' *',
            ' * SPDX-License-Identifier: GPL-3.0-or-later',
            ' */',
            '#pragma once',
            '',
            '#include "amigo-protocol.h"',
            '',
            'G_BEGIN_DECLS',
            '',
            f'extern const AmigoServiceModel {self.prefix}_model;',
            '',
        ]
        lines += [f'extern const AmigoOperation {symbol};' for symbol in symbols]
        lines += ['', 'G_END_DECLS', '']
        return '\n'.join(lines)


def write_if_changed(path, text):
    try:
        with open(path, encoding='utf-8') as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def main():
    if len(sys.argv) != 4:
        fail('usage: gen-model.py MODEL.json OUT.c OUT.h')
    model_path, c_path, h_path = sys.argv[1:]
    with open(model_path, encoding='utf-8') as f:
        model = json.load(f)
    json_name = os.path.basename(model_path)
    generator = Generator(model, json_name[:-len('.json')])
    source, symbols = generator.source(h_path, json_name)
    write_if_changed(c_path, source)
    write_if_changed(h_path, generator.header(h_path, json_name, symbols))


if __name__ == '__main__':
    main()
