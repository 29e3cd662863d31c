"""Check each EC2 query request against botocore's EC2 model.

Used by tests/moto-launcher.py: every EC2 request (Version=2016-11-15) that
reaches the stand-in is read as the EC2 query protocol writes it, against the
input shape of its operation in botocore's service-2.json, before moto sees
it.  A request that AWS's own SDK could not have produced is answered with
HTTP 400 and the code AmigoModelMismatch, naming the parameter, so the test
that sent it fails instead of passing against a lenient fake.

The EC2 protocol's rules (botocore's EC2Serializer, and the Smithy ec2Query
protocol): a member is written under its queryName, else its locationName
with the first letter upper-cased, else its member name; nested members join
with a dot (BlockDeviceMapping.1.Ebs.VolumeSize); every list is flattened
with 1-based indices (Filter.1.Value.2); booleans are true/false, integers
decimal, timestamps ISO 8601.  Checked: the operation exists, every name is a
member, required members are present, types, enum values, and the min/max
constraints of the model (string length, number range, list length).
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import parse_qsl

EC2_API_VERSION = "2016-11-15"
MISMATCH_CODE = "AmigoModelMismatch"

_INTEGER = re.compile(r"-?[0-9]+\Z")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})\Z"
)
# Parameters of the protocol and of SigV4 query signing, not of the operation
_PROTOCOL_KEYS = {"Action", "Version"}

_model = None


def _service_model():
    global _model
    if _model is None:
        import botocore.session

        _model = botocore.session.get_session().get_service_model("ec2")
    return _model


def _serialized_name(member, default_name: str) -> str:
    if "queryName" in member.serialization:
        return member.serialization["queryName"]
    if "name" in member.serialization:
        name = member.serialization["name"]
        return name[0].upper() + name[1:]
    return default_name


class _Checker:
    def __init__(self, params: dict[str, str]):
        self.params = params
        self.consumed: set[str] = set()
        self.problems: list[str] = []

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def has_prefix(self, key: str) -> bool:
        dotted = key + "."
        return any(name == key or name.startswith(dotted) for name in self.params)

    def check(self, shape, key: str) -> bool:
        """Checks the value of shape at key; returns whether it was given."""
        kind = shape.type_name
        if kind == "structure":
            return self.check_structure(shape, key)
        if kind == "list":
            return self.check_list(shape, key)
        if kind == "map":
            return self.check_map(shape, key)
        if key not in self.params:
            return False
        self.consumed.add(key)
        self.check_scalar(shape, key, self.params[key])
        return True

    def check_structure(self, shape, prefix: str) -> bool:
        present = set()
        for member_name, member in shape.members.items():
            name = _serialized_name(member, member_name)
            key = f"{prefix}.{name}" if prefix else name
            if self.check(member, key):
                present.add(member_name)
        if prefix and not present:
            return False
        for required in shape.required_members:
            if required not in present:
                member = shape.members[required]
                name = _serialized_name(member, required)
                where = f"{prefix}.{name}" if prefix else name
                self.problem(f"{where} is required ({shape.name}.{required}) but missing")
        return True

    def check_list(self, shape, key: str) -> bool:
        indices = set()
        pattern = re.compile(re.escape(key) + r"\.([^.]+)")
        for name in self.params:
            match = pattern.match(name)
            if match:
                if not _INTEGER.match(match.group(1)) or int(match.group(1)) < 1:
                    self.problem(f"{name}: a list index must be 1, 2, ... (EC2 lists are flattened)")
                    self.consumed.add(name)
                    continue
                indices.add(int(match.group(1)))
        if key in self.params:
            self.consumed.add(key)
            if self.params[key] != "" or indices:
                self.problem(f"{key} is a list ({shape.name}): write its items as {key}.1, {key}.2, ...")
        if not indices:
            return key in self.params
        expected = set(range(1, max(indices) + 1))
        if indices != expected:
            self.problem(f"{key}: list indices {sorted(indices)} do not run 1..{max(indices)}")
        for index in sorted(indices):
            self.check(shape.member, f"{key}.{index}")
        self.check_length(shape, key, len(indices), "items")
        return True

    def check_map(self, shape, key: str) -> bool:
        # No EC2 operation the client calls takes a map; accept the query
        # protocol's form (key.N.Key / key.N.Value) without looking inside.
        dotted = key + "."
        given = [name for name in self.params if name.startswith(dotted)]
        self.consumed.update(given)
        return bool(given)

    def check_length(self, shape, key: str, length: int, unit: str) -> None:
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and length < low:
            self.problem(f"{key}: {length} {unit}, fewer than the minimum {low} ({shape.name})")
        if high is not None and length > high:
            self.problem(f"{key}: {length} {unit}, more than the maximum {high} ({shape.name})")

    def check_scalar(self, shape, key: str, value: str) -> None:
        kind = shape.type_name
        if kind == "string":
            if shape.enum and value not in shape.enum:
                allowed = ", ".join(shape.enum[:12]) + (", ..." if len(shape.enum) > 12 else "")
                self.problem(f"{key}={value!r} is not one of {shape.name}'s values ({allowed})")
            self.check_length(shape, key, len(value), "characters")
        elif kind in ("integer", "long"):
            if not _INTEGER.match(value):
                self.problem(f"{key}={value!r} is not an {kind}")
                return
            number = int(value)
            low, high = shape.metadata.get("min"), shape.metadata.get("max")
            if (low is not None and number < low) or (high is not None and number > high):
                self.problem(f"{key}={number} is outside {low}..{high} ({shape.name})")
        elif kind == "boolean":
            if value not in ("true", "false"):
                self.problem(f"{key}={value!r} is not a boolean (true or false)")
        elif kind in ("float", "double"):
            try:
                float(value)
            except ValueError:
                self.problem(f"{key}={value!r} is not a number")
        elif kind == "timestamp":
            if not _TIMESTAMP.match(value):
                self.problem(f"{key}={value!r} is not an ISO 8601 timestamp")
        elif kind == "blob":
            try:
                base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                self.problem(f"{key}: a blob must be base64")


def check_request(params: list[tuple[str, str]]) -> tuple[str | None, list[str]]:
    """The action of an EC2 query request and what is wrong with it.

    params are the decoded name/value pairs of the query string and form
    body.  Returns (None, []) for a request that is not EC2's.
    """
    values: dict[str, str] = {}
    problems: list[str] = []
    for name, value in params:
        if name in values:
            problems.append(f"{name} is given twice")
        values[name] = value
    if values.get("Version") != EC2_API_VERSION or "Action" not in values:
        return None, []
    action = values["Action"]
    model = _service_model()
    if action not in model.operation_names:
        return action, [f"EC2 has no operation {action} (botocore's model)"]
    operation = model.operation_model(action)
    checker = _Checker({k: v for k, v in values.items()
                        if k not in _PROTOCOL_KEYS and not k.startswith("X-Amz-")})
    if operation.input_shape is not None:
        checker.check_structure(operation.input_shape, "")
    for name in sorted(set(checker.params) - checker.consumed):
        checker.problem(f"{name} is not a member of {action}'s input")
    return action, problems + checker.problems


def request_params(environ, body: bytes) -> list[tuple[str, str]]:
    """The decoded parameters of a query-protocol request (query and form)."""
    params = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    content_type = environ.get("CONTENT_TYPE", "")
    if body and content_type.startswith("application/x-www-form-urlencoded"):
        params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    return params
