#!/usr/bin/env python3
"""Amigo's local EC2 stand-in: a moto server plus the AMI behaviour moto lacks.

Integration, fault and UI tests (and the README's "run the app without an AWS
account" command) talk to this server instead of AWS.  It imports moto 5.2,
patches moto's EC2 backend and responses *in this process* (nothing installed
is edited) so that the calls Amigo makes behave as the EC2 API reference says,
then serves every moto service on a loopback address.

When the server listens it prints one line on stdout and flushes it:

    AMIGO_MOTO_READY port=PORT
    AMIGO_MOTO_READY port=PORT access_key_id=AKIA... secret_access_key=...

The second form comes with --enforce-auth: every request must then be signed
(SigV4) with that throwaway key of the local fake, and a request signed with
a wrong secret is refused (AuthFailure, SignatureDoesNotMatch, ...).

Each patch is one function below named patch_*, with a docstring that cites
the behaviour of the EC2 API reference it follows.  See tests/README-moto.md.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import functools
import hashlib
import ipaddress
import json
import io
import os
import re
import signal
import sys
import threading
import uuid
from datetime import datetime, timedelta, timezone

READY_PREFIX = "AMIGO_MOTO_READY"
TEST_USER_NAME = "amigo-test"
TEST_POLICY_NAME = "amigo-test-allow-all"
# A role the test user may assume (AssumeRole), with the same allow-all
# policy: STS session credentials for the tests of credentials that expire.
TEST_ROLE_NAME = "amigo-test-role"
ASSUME_ROLE_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
    }
)
ALLOW_ALL_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }
)

# The AWS account that publishes AWS Marketplace AMIs (owner alias
# "aws-marketplace").
MARKETPLACE_OWNER_ID = "679593333241"

# Deregistration protection states, as EnableImageDeregistrationProtection
# and DisableImageDeregistrationProtection return them (see the AWS CLI
# examples for these commands) and as DescribeImages shows them.
PROTECTION_DISABLED = "disabled"
PROTECTION_ENABLED = "enabled-without-cooldown"
PROTECTION_ENABLED_COOLDOWN = "enabled-with-cooldown"
PROTECTION_COOLDOWN = timedelta(hours=24)

# How long the name of a deregistered AMI stays taken (see
# patch_duplicate_image_names: AWS says "recently", without a figure).
DEREGISTERED_NAME_HOLD = timedelta(minutes=2)

# Idempotency tokens: "Constraints: Maximum 64 ASCII characters" (RunInstances
# ClientToken, and "Ensuring idempotency" for every EC2 action that takes one).
CLIENT_TOKEN_MAX = 64

DESCRIBE_IMAGES_MIN_RESULTS = 5
DESCRIBE_IMAGES_MAX_RESULTS = 1000

# A role whose trust policy asks for MFA, as AWS documents it ("Configuring
# MFA-protected API access": "Condition": {"Bool":
# {"aws:MultiFactorAuthPresent": "true"}}).  See patch_sts_mfa_and_web_identity.
TEST_MFA_ROLE_NAME = "amigo-test-mfa-role"
ASSUME_ROLE_MFA_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "Action": "sts:AssumeRole",
                "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
            }
        ],
    }
)

# A role whose trust policy asks for an external id, as the IAM User Guide
# shows it ("How to use an external ID": "Condition": {"StringEquals":
# {"sts:ExternalId": ...}}).  See patch_sts_mfa_and_web_identity.
TEST_EXTERNAL_ID_ROLE_NAME = "amigo-test-external-id-role"
TEST_EXTERNAL_ID = "amigo-test-external-id"
ASSUME_ROLE_EXTERNAL_ID_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"sts:ExternalId": TEST_EXTERNAL_ID}},
            }
        ],
    }
)

# The only web identity token AssumeRoleWithWebIdentity accepts (the tests
# write it to their token files).  See patch_sts_mfa_and_web_identity.
TEST_WEB_IDENTITY_TOKEN = "amigo-test-web-identity-token"

# The longest an STS session lasts, in seconds (--sts-session-seconds; None:
# as asked).  See patch_sts_session_expiry.
STS_SESSION_SECONDS = None

# Seeds the shapes of DescribeImages pages (empty, short, full; see
# patch_describe_images_pagination).  --page-seed sets it.
PAGE_SEED = 1

# Idempotent creations (ClientToken) check and record under this lock, so two
# concurrent retries of one request cannot both create something.
_IDEMPOTENCY_LOCK = threading.RLock()


# --------------------------------------------------------------------------
# Small helpers shared by the patches
# --------------------------------------------------------------------------


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _as_utc(value: datetime) -> datetime:
    """moto parses timestamps to naive datetimes in UTC; make them aware."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _iso_ms(value: datetime) -> str:
    """ISO 8601 with milliseconds, as EC2 writes times: 2026-12-01T00:00:00.000Z"""
    value = _as_utc(value)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _iso_seconds(value: datetime) -> str:
    """ISO 8601 without fractions, as EC2 writes lastLaunchedTime."""
    return _as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _get_image(backend, image_id: str):
    """The image or moto's own InvalidAMIID.Malformed/NotFound error."""
    from moto.ec2.exceptions import InvalidAMIIdError

    images = backend.describe_images(ami_ids=[image_id])
    if not images:  # recently deregistered: AWS reports it as not found
        raise InvalidAMIIdError(image_id)
    return images[0]


def _get_own_image(backend, image_id: str):
    """Image attributes can only be changed by the image's owner."""
    image = _get_image(backend, image_id)
    if image.owner_id != backend.account_id:
        raise _ec2_error("AuthFailure", f"Not authorized for image:{image_id}")
    return image


def _request_fingerprint(response) -> str:
    """The parameters of a request, without the ones that may change on retry.

    AWS compares the parameters of a repeated idempotent request with the first
    one; the ClientToken itself and DryRun do not count.
    """
    ignored = {"Action", "Version", "ClientToken", "DryRun"}
    items = sorted(
        (key, tuple(values) if isinstance(values, list) else (values,))
        for key, values in response.querystring.items()
        if key not in ignored and not key.startswith("X-Amz-")
    )
    return hashlib.sha256(repr(items).encode("utf-8")).hexdigest()


def _idempotency_table(backend, name: str) -> dict:
    """Client tokens are scoped to one account and one region: one table per
    EC2 backend (moto has one backend per account and region)."""
    return backend.__dict__.setdefault(name, {})


def _check_client_token(token: str) -> None:
    """RunInstances ClientToken: "Constraints: Maximum 64 ASCII characters";
    for every EC2 action that takes one, "Ensuring idempotency in Amazon EC2
    API requests" (EC2 Developer Guide): "A client token is a unique,
    case-sensitive string of up to 64 ASCII characters." (CopyImage's own
    entry does not repeat it.)"""
    if len(token) > CLIENT_TOKEN_MAX or not token.isascii():
        raise _ec2_error(
            "InvalidParameterValue",
            f"Value ({token}) for parameter clientToken is invalid. "
            f"The client token can have at most {CLIENT_TOKEN_MAX} ASCII characters.",
        )


def _idempotent_parameter_mismatch() -> Exception:
    return _ec2_error(
        "IdempotentParameterMismatch",
        "Arguments on this idempotent request are inconsistent with arguments "
        "used in previous request(s).",
    )


def _tags_for(tag_specifications, resource_type: str) -> list[dict]:
    tags: list[dict] = []
    for spec in tag_specifications or []:
        if spec.get("ResourceType") == resource_type:
            tags.extend(spec.get("Tags", []))
    return tags


def _check_image_tag_specifications(tag_specifications, allowed) -> None:
    """CreateImage/CopyImage: "If you specify other values for ResourceType,
    the request fails." """
    from moto.ec2.exceptions import InvalidTaggableResourceType

    for spec in tag_specifications or []:
        if spec.get("ResourceType") not in allowed:
            raise InvalidTaggableResourceType(spec.get("ResourceType"))


def _wrap(owner, name: str, make_wrapper) -> None:
    """Replace owner.name by make_wrapper(original); fail loudly if moto
    changed shape (this launcher is written against moto 5.2)."""
    original = getattr(owner, name, None)
    if original is None:
        raise RuntimeError(f"moto has no {owner.__name__}.{name}; is it moto 5.2?")
    wrapper = make_wrapper(original)
    functools.update_wrapper(wrapper, original)
    setattr(owner, name, wrapper)


# --------------------------------------------------------------------------
# Patches
# --------------------------------------------------------------------------


def patch_image_deprecation() -> None:
    """EnableImageDeprecation / DisableImageDeprecation and IncludeDeprecated.

    API reference, EnableImageDeprecation: DeprecateAt is a UTC time; "If you
    specify a value for seconds, Amazon EC2 rounds the seconds to the nearest
    minute. You can't specify a date in the past. The upper limit for
    DeprecateAt is 10 years from now, except for public AMIs, where the upper
    limit is 2 years from the creation date."  A time earlier than now, even
    by seconds within the current minute, is refused (InvalidParameterValue).
    DisableImageDeprecation cancels it.  Both return <return>true</return>.

    DescribeImages shows <deprecationTime> (2026-12-01T00:00:00.000Z).
    IncludeDeprecated: "Default: No deprecated AMIs are included in the
    response. If you are the AMI owner, all deprecated AMIs appear in the
    response regardless of what you specify for this parameter."  The user
    guide (Deprecate an AMI) adds that a deprecated AMI still appears when
    you specify its ID.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami
    from moto.ec2.responses.amis import AmisResponse

    def deprecation_time(self):
        deprecate_at = self.__dict__.get("_amigo_deprecate_at")
        return _iso_ms(deprecate_at) if deprecate_at else None

    def is_deprecated(self, now: datetime) -> bool:
        deprecate_at = self.__dict__.get("_amigo_deprecate_at")
        return deprecate_at is not None and deprecate_at <= now

    Ami.deprecation_time = property(deprecation_time)
    Ami.amigo_is_deprecated = is_deprecated

    def enable_image_deprecation(self):
        image_id = self._get_param("ImageId")
        deprecate_at = self._get_param("DeprecateAt")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        if deprecate_at is None:
            raise _ec2_error("MissingParameter", "The request must contain the parameter DeprecateAt")
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        if isinstance(deprecate_at, str):
            from botocore.utils import parse_timestamp

            deprecate_at = parse_timestamp(deprecate_at)
        given = _as_utc(deprecate_at)
        deprecate_at = (given + timedelta(seconds=30)).replace(second=0, microsecond=0)
        now = _utcnow()
        # The time as given, to the second: a time earlier in the current
        # minute is in the past even though it rounds to a minute boundary.
        if given < now:
            raise _ec2_error(
                "InvalidParameterValue",
                f"The deprecation time {_iso_ms(given)} is in the past. "
                "Specify a date and time in the future.",
            )
        if image.is_public:
            limit = _as_utc(image.creation_date) + timedelta(days=2 * 365)
            limit_text = "2 years after the creation date of a public AMI"
        else:
            limit = now + timedelta(days=10 * 365)
            limit_text = "10 years from now"
        if deprecate_at > limit:
            raise _ec2_error(
                "InvalidParameterValue",
                f"The deprecation time {_iso_ms(deprecate_at)} is too far in the "
                f"future: it can be at most {limit_text}.",
            )
        image.__dict__["_amigo_deprecate_at"] = deprecate_at
        return ActionResult({"Return": True})

    def disable_image_deprecation(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        image.__dict__.pop("_amigo_deprecate_at", None)
        return ActionResult({"Return": True})

    AmisResponse.enable_image_deprecation = enable_image_deprecation
    AmisResponse.disable_image_deprecation = disable_image_deprecation

    def make_describe_images(original):
        def describe_images(self):
            result = original(self)
            if self._get_param("ImageIds", []) or self._get_bool_param("IncludeDeprecated", False):
                return result
            now = _utcnow()
            account_id = self.ec2_backend.account_id
            result.result["Images"] = [
                image
                for image in result.result["Images"]
                if image.owner_id == account_id or not image.amigo_is_deprecated(now)
            ]
            return result

        return describe_images

    _wrap(AmisResponse, "describe_images", make_describe_images)


def patch_deregistration_protection() -> None:
    """Enable/DisableImageDeregistrationProtection; DeregisterImage honours it.

    API reference: "When deregistration protection is enabled, the AMI can't be
    deregistered. To allow the AMI to be deregistered, you must first disable
    deregistration protection."  WithCooldown: "If true, enforces
    deregistration protection for 24 hours after deregistration protection is
    disabled."  The <return> of both calls is the new state (AWS CLI examples:
    "enabled-without-cooldown", "disabled"); DescribeImages shows it as
    <deregistrationProtection> on the caller's own images, and
    DescribeImageAttribute Attribute=deregistrationProtection as
    <deregistrationProtection><value>.

    The API reference documents no specific error code for deregistering a
    protected AMI; this stand-in answers with the common client error
    OperationNotPermitted ("The specified operation is not allowed"), the
    one EC2 uses for the similar termination protection.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami, AmiBackend
    from moto.ec2.responses.amis import AmisResponse

    def deregistration_protection(self):
        if self.owner_id != self.ec2_backend.account_id:
            return None
        return self.__dict__.get("_amigo_protection", PROTECTION_DISABLED)

    Ami.deregistration_protection = property(deregistration_protection)

    def enable_image_deregistration_protection(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        with_cooldown = self._get_bool_param("WithCooldown", False)
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        state = PROTECTION_ENABLED_COOLDOWN if with_cooldown else PROTECTION_ENABLED
        image.__dict__["_amigo_protection"] = state
        image.__dict__.pop("_amigo_protected_until", None)
        return ActionResult({"Return": state})

    def disable_image_deregistration_protection(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        if image.__dict__.get("_amigo_protection") == PROTECTION_ENABLED_COOLDOWN:
            image.__dict__["_amigo_protected_until"] = _utcnow() + PROTECTION_COOLDOWN
        image.__dict__["_amigo_protection"] = PROTECTION_DISABLED
        return ActionResult({"Return": PROTECTION_DISABLED})

    AmisResponse.enable_image_deregistration_protection = enable_image_deregistration_protection
    AmisResponse.disable_image_deregistration_protection = disable_image_deregistration_protection

    def make_deregister_image(original):
        def deregister_image(self, ami_id):
            image = self.amis.get(ami_id)
            if image is not None:
                state = image.__dict__.get("_amigo_protection", PROTECTION_DISABLED)
                until = image.__dict__.get("_amigo_protected_until")
                if state != PROTECTION_DISABLED:
                    raise _ec2_error(
                        "OperationNotPermitted",
                        f"The AMI {ami_id} can't be deregistered because deregistration "
                        "protection is enabled. Disable deregistration protection first.",
                    )
                if until is not None and _utcnow() < until:
                    raise _ec2_error(
                        "OperationNotPermitted",
                        f"The AMI {ami_id} can't be deregistered before {_iso_ms(until)}: "
                        "deregistration protection was enabled with a 24-hour cooldown.",
                    )
            return original(self, ami_id)

        return deregister_image

    _wrap(AmiBackend, "deregister_image", make_deregister_image)

    def make_describe_image_attribute(original):
        def describe_image_attribute(self):
            if self._get_param("Attribute") != "deregistrationProtection":
                return original(self)
            image_id = self._get_param("ImageId")
            image = _get_image(self.ec2_backend, image_id)
            state = image.__dict__.get("_amigo_protection", PROTECTION_DISABLED)
            return ActionResult({"ImageId": image_id, "DeregistrationProtection": {"Value": state}})

        return describe_image_attribute

    _wrap(AmisResponse, "describe_image_attribute", make_describe_image_attribute)


def patch_last_launched_time() -> None:
    """lastLaunchedTime, updated when RunInstances launches from the image.

    API reference (Image, ImageAttribute): "The date and time, in ISO 8601
    date-time format, when the AMI was last used to launch an EC2 instance."
    DescribeImageAttribute Attribute=lastLaunchedTime answers
    <lastLaunchedTime><value>2026-01-02T03:04:05Z</value></lastLaunchedTime>,
    and an empty <lastLaunchedTime/> for an AMI never launched.  AWS reports
    a launch with up to 24 hours of delay; this stand-in records it at once.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami
    from moto.ec2.models.instances import InstanceBackend
    from moto.ec2.responses.amis import AmisResponse

    Ami.last_launched_time = None  # class default, shadowed per image

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            reservation = original(self, image_id, count, user_data, security_group_names, **kwargs)
            launched_at = _iso_seconds(_utcnow())
            for instance in reservation.instances:
                image = self.amis.get(instance.image_id)
                if image is not None:
                    image.last_launched_time = launched_at
            return reservation

        return run_instances

    _wrap(InstanceBackend, "run_instances", make_run_instances)

    def make_describe_image_attribute(original):
        def describe_image_attribute(self):
            if self._get_param("Attribute") != "lastLaunchedTime":
                return original(self)
            image_id = self._get_param("ImageId")
            image = _get_image(self.ec2_backend, image_id)
            value = {"Value": image.last_launched_time} if image.last_launched_time else {}
            return ActionResult({"ImageId": image_id, "LastLaunchedTime": value})

        return describe_image_attribute

    _wrap(AmisResponse, "describe_image_attribute", make_describe_image_attribute)


def patch_create_image_snapshot_tags() -> None:
    """CreateImage TagSpecification.N with ResourceType=snapshot.

    API reference, CreateImage TagSpecifications: "To tag the snapshots that
    are created of the root volume and of other Amazon EBS volumes that are
    attached to the instance, the value for ResourceType must be snapshot.
    The same tag is applied to all of the snapshots that are created. ... If
    you specify other values for ResourceType, the request fails."
    (moto 5.2.1 raises NotImplementedError: an HTML 500 page.)
    """
    from moto.ec2.models.amis import Ami, AmiBackend
    from moto.ec2.utils import random_ami_id

    def create_image(self, instance_id, name, description, tag_specifications):
        _check_image_tag_specifications(tag_specifications, ("image", "snapshot"))
        instance = self.get_instance(instance_id)
        ami_id = random_ami_id()
        ami = Ami(
            self,
            ami_id,
            instance=instance,
            source_ami=None,
            name=name,
            description=description,
            owner_id=None,
            snapshot_description=f"Created by CreateImage({instance_id}) for {ami_id}",
        )
        for tag in _tags_for(tag_specifications, "image"):
            ami.add_tag(tag["Key"], tag["Value"])
        for tag in _tags_for(tag_specifications, "snapshot"):
            ami.ebs_snapshot.add_tag(tag["Key"], tag["Value"])
        self.amis[ami_id] = ami
        return ami

    _wrap(AmiBackend, "create_image", lambda original: create_image)


def patch_register_image_block_devices() -> None:
    """RegisterImage from an existing snapshot (BlockDeviceMapping.N.Ebs.SnapshotId).

    API reference, RegisterImage: "If you specify an Amazon EBS volume using
    the ID of an Amazon EBS snapshot ...": the AMI uses that snapshot.  moto
    5.2.1 ignores the mapping and invents a snapshot, so two AMIs can never
    share one and DeregisterImage's "skipped" result could not happen.  This
    honours the root device's snapshot, RootDeviceName, Architecture and
    TagSpecification.N (ResourceType=image; "If you specify another value for
    ResourceType, the request fails").
    """
    from moto.ec2.responses.amis import AmisResponse

    def make_register_image(original):
        def register_image(self):
            tag_specifications = self._get_param("TagSpecifications", [])
            _check_image_tag_specifications(tag_specifications, ("image",))
            root_device_name = self._get_param("RootDeviceName")
            mappings = self._get_param("BlockDeviceMappings", [])
            root_mapping = None
            for mapping in mappings:
                if root_device_name is None or mapping.get("DeviceName") == root_device_name:
                    root_mapping = mapping
                    break
            snapshot = None
            snapshot_id = ((root_mapping or {}).get("Ebs") or {}).get("SnapshotId")
            if snapshot_id:
                snapshot = self.ec2_backend.get_snapshot(snapshot_id)  # InvalidSnapshot.NotFound
            result = original(self)
            image = self.ec2_backend.amis[result.result["ImageId"]]
            if root_mapping is not None:
                image.root_device_name = root_device_name or root_mapping.get("DeviceName")
                image.root_device_type = "ebs"
            if self._get_param("Architecture"):
                image.architecture = self._get_param("Architecture")
            if snapshot is not None:
                invented = image.ebs_snapshot
                image.ebs_snapshot = snapshot
                self.ec2_backend.snapshots.pop(invented.id, None)
            for tag in _tags_for(tag_specifications, "image"):
                image.add_tag(tag["Key"], tag["Value"])
            return result

        return register_image

    _wrap(AmisResponse, "register_image", make_register_image)


def patch_duplicate_image_names() -> None:
    """InvalidAMIName.Duplicate on CreateImage, RegisterImage and CopyImage;
    a deregistered AMI's name stays taken for a while; CopyImage needs Name.

    EC2 error codes: InvalidAMIName.Duplicate, "The specified AMI name is
    already in use by another AMI. If you have recently deregistered an AMI
    with the same name, allow enough time for the change to propagate".
    AMI names are unique per owner and region; AWS's message reads
    "AMI name NAME is already in use by AMI ami-...".  The reference gives
    no duration for "recently": this stand-in keeps the name of a
    deregistered AMI taken for DEREGISTERED_NAME_HOLD (two minutes), so a
    client that re-creates an image under the name it just freed sees the
    refusal AWS may give it.

    API reference, CopyImage Name: "The name of the new AMI." and
    "Required: Yes"; moto 5.2.1 named a copy without one after its source.
    Without it: MissingParameter, "The request must contain the parameter
    Name".
    """
    from moto.ec2.models.amis import AmiBackend
    from moto.ec2.responses.amis import AmisResponse

    def held_names(backend) -> dict:
        return backend.__dict__.setdefault("_amigo_deregistered_names", {})

    def check(backend, name) -> None:
        if not name:
            return
        for image in list(backend.amis.values()):
            if image.name == name and image.owner_id == backend.account_id:
                raise _ec2_error(
                    "InvalidAMIName.Duplicate",
                    f"AMI name {name} is already in use by AMI {image.id}",
                )
        held = held_names(backend).get(name)
        if held is not None and _utcnow() < held[1]:
            raise _ec2_error(
                "InvalidAMIName.Duplicate",
                f"AMI name {name} is already in use by AMI {held[0]}",
            )

    def make_create_image(original):
        def create_image(self, instance_id, name, description, tag_specifications):
            check(self, name)
            return original(self, instance_id, name, description, tag_specifications)

        return create_image

    def make_register_image(original):
        def register_image(self, name=None, description=None):
            check(self, name)
            return original(self, name, description)

        return register_image

    def make_copy_image(original):
        def copy_image(self, source_image_id, source_region, name=None, description=None):
            check(self, name)
            return original(self, source_image_id, source_region, name, description)

        return copy_image

    def make_deregister_image(original):
        def deregister_image(self, ami_id):
            image = self.amis.get(ami_id)
            result = original(self, ami_id)
            if image is not None and image.name and image.owner_id == self.account_id:
                held_names(self)[image.name] = (ami_id, _utcnow() + DEREGISTERED_NAME_HOLD)
            return result

        return deregister_image

    def make_copy_image_response(original):
        def copy_image_response(self):
            if not self._get_param("Name"):
                raise _ec2_error("MissingParameter", "The request must contain the parameter Name")
            return original(self)

        return copy_image_response

    _wrap(AmiBackend, "create_image", make_create_image)
    _wrap(AmiBackend, "register_image", make_register_image)
    _wrap(AmiBackend, "copy_image", make_copy_image)
    _wrap(AmiBackend, "deregister_image", make_deregister_image)
    _wrap(AmisResponse, "copy_image", make_copy_image_response)


def patch_copy_image_tags() -> None:
    """CopyImage CopyImageTags and TagSpecification.N.

    API reference, CopyImage CopyImageTags: "Specifies whether to copy your
    user-defined AMI tags to the new AMI. The following tags are not
    copied: System tags (prefixed with aws:) ... Default: Your user-defined
    AMI tags are not copied."  TagSpecifications: "To tag the new AMI, the
    value for ResourceType must be image. To tag the new snapshots, the
    value for ResourceType must be snapshot ... If you specify other values
    for ResourceType, the request fails."  (moto 5.2.1 ignores both.)
    """
    from moto.ec2.models import ec2_backends
    from moto.ec2.responses.amis import AmisResponse

    def make_copy_image(original):
        def copy_image(self):
            tag_specifications = self._get_param("TagSpecifications", [])
            _check_image_tag_specifications(tag_specifications, ("image", "snapshot"))
            result = original(self)
            image = self.ec2_backend.amis[result.result["ImageId"]]
            if self._get_bool_param("CopyImageTags", False):
                source_backend = ec2_backends[self.current_account][self._get_param("SourceRegion")]
                source = _get_image(source_backend, self._get_param("SourceImageId"))
                for tag in source.get_tags():
                    if not tag["key"].startswith("aws:"):
                        image.add_tag(tag["key"], tag["value"])
            for tag in _tags_for(tag_specifications, "image"):
                image.add_tag(tag["Key"], tag["Value"])
            for tag in _tags_for(tag_specifications, "snapshot"):
                image.ebs_snapshot.add_tag(tag["Key"], tag["Value"])
            return result

        return copy_image

    _wrap(AmisResponse, "copy_image", make_copy_image)


def patch_copy_image_idempotency() -> None:
    """CopyImage ClientToken.

    API reference, CopyImage ClientToken: "Unique, case-sensitive identifier
    you provide to ensure idempotency of the request."  Ensuring idempotency:
    a retry with the same token and the same parameters returns the result of
    the first request (the same imageId) and creates nothing; the same token
    with other parameters fails with IdempotentParameterMismatch.  A token
    of more than 64 ASCII characters fails (_check_client_token).
    """
    from moto.core.responses import ActionResult
    from moto.ec2.responses.amis import AmisResponse

    def make_copy_image(original):
        def copy_image(self):
            token = self._get_param("ClientToken")
            if not token:
                return original(self)
            _check_client_token(token)
            self.error_on_dryrun()
            fingerprint = _request_fingerprint(self)
            with _IDEMPOTENCY_LOCK:
                table = _idempotency_table(self.ec2_backend, "_amigo_copy_image_tokens")
                if token in table:
                    first_fingerprint, image_id = table[token]
                    if first_fingerprint != fingerprint:
                        raise _idempotent_parameter_mismatch()
                    return ActionResult({"ImageId": image_id})
                result = original(self)
                table[token] = (fingerprint, result.result["ImageId"])
                return result

        return copy_image

    _wrap(AmisResponse, "copy_image", make_copy_image)


def patch_run_instances_idempotency() -> None:
    """RunInstances ClientToken; <clientToken> and the client-token filter.

    API reference, RunInstances ClientToken: "Unique, case-sensitive
    identifier you provide to ensure the idempotency of the request."
    Ensuring idempotency: a repeated request with the same token and
    parameters returns the first request's reservation (same reservationId,
    same instance ids) and launches nothing; other parameters with the same
    token fail with IdempotentParameterMismatch.  Instance.clientToken is
    "The idempotency token you provided when you launched the instance, if
    applicable" (moto 5.2.1 writes "ABCDE" when there was none), and
    DescribeInstances documents the filter "client-token - The idempotency
    token you provided when you launched the instance".  ClientToken:
    "Constraints: Maximum 64 ASCII characters" (_check_client_token).
    """
    from moto.core.responses import ActionResult
    from moto.ec2 import utils as ec2_utils
    from moto.ec2.responses.instances import InstanceResponse

    ec2_utils.filter_dict_attribute_mapping["client-token"] = "client_token"

    def make_run_instances(original):
        def run_instances(self):
            token = self._get_param("ClientToken")
            if not token:
                result = original(self)
                for instance in result.result.instances:
                    instance.client_token = ""
                return result
            _check_client_token(token)
            self.error_on_dryrun()
            fingerprint = _request_fingerprint(self)
            with _IDEMPOTENCY_LOCK:
                table = _idempotency_table(self.ec2_backend, "_amigo_run_instances_tokens")
                if token in table:
                    first_fingerprint, reservation_id = table[token]
                    if first_fingerprint != fingerprint:
                        raise _idempotent_parameter_mismatch()
                    return ActionResult(self.ec2_backend.reservations[reservation_id])
                result = original(self)
                table[token] = (fingerprint, result.result.id)
                return result

        return run_instances

    _wrap(InstanceResponse, "run_instances", make_run_instances)


def patch_deregister_delete_snapshots() -> None:
    """DeregisterImage DeleteAssociatedSnapshots=true.

    API reference, DeregisterImage: "When deregistering an EBS-backed AMI, you
    can optionally delete its associated snapshots at the same time. However,
    if a snapshot is associated with multiple AMIs, it won't be deleted even
    if specified for deletion, although the AMI will still be deregistered."
    The response lists each snapshot of the AMI's block device mappings in
    <deleteSnapshotResultSet><item><snapshotId/><returnCode/></item>, the
    return code being success, skipped ("associated with other AMIs"),
    missing-permissions, internal-error or client-error.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.responses.amis import AmisResponse

    def snapshot_ids_of(image) -> list[str]:
        ids = []
        for mapping in image.block_device_mappings:
            snapshot_id = (mapping.get("Ebs") or {}).get("SnapshotId")
            if snapshot_id and snapshot_id not in ids:
                ids.append(snapshot_id)
        return ids

    def make_deregister_image(original):
        def deregister_image(self):
            if not self._get_bool_param("DeleteAssociatedSnapshots", False):
                return original(self)
            backend = self.ec2_backend
            image_id = self._get_param("ImageId")
            image = backend.amis.get(image_id)
            snapshot_ids = snapshot_ids_of(image) if image is not None else []
            result = original(self)  # raises when the AMI can't be deregistered
            outcomes = []
            for snapshot_id in snapshot_ids:
                in_use = any(snapshot_id in snapshot_ids_of(other) for other in list(backend.amis.values()))
                if in_use:
                    code = "skipped"
                else:
                    try:
                        backend.delete_snapshot(snapshot_id)
                        code = "success"
                    except Exception:  # the snapshot is gone or can't be deleted
                        code = "client-error"
                outcomes.append({"SnapshotId": snapshot_id, "ReturnCode": code})
            return ActionResult({"Return": True, "DeleteSnapshotResults": outcomes})

        return deregister_image

    _wrap(AmisResponse, "deregister_image", make_deregister_image)


def patch_describe_images_pagination() -> None:
    """DescribeImages MaxResults / NextToken, with pages as AWS serves them.

    API reference (DescribeImages): MaxResults is "The maximum number of
    items to return for this request. To get the next page of items, make
    another request with the token returned in the output"; "The order of
    the elements in the response, including those within nested
    structures, might vary. Applications should not assume the elements
    appear in a particular order."  The EC2 Developer Guide ("Pagination in
    the Amazon EC2 API") pages with `do { ...; nextToken =
    response.getNextToken(); } while (nextToken != null);`: the token, not
    the number of items, says whether more come.  Neither promises full
    pages, so pages here are *not* always full: a seeded generator
    (--page-seed, default 1; deterministic for the same sequence of
    requests) makes some pages empty with a NextToken, some short, some
    full, sometimes a NextToken that leads to one last empty page, and
    shuffles the items within each page.  <nextToken> is absent on the
    last page.  A token this server did not issue fails with
    InvalidPaginationToken ("The specified pagination token is not valid
    or is expired", EC2 error codes).  MaxResults must be 5-1000
    (InvalidParameterValue): DescribeImages's entry gives no range; this is
    the one DescribeSecurityGroups documents ("This value can be between 5
    and 1000").  Pages follow image id order, so a listing stays
    stable while images come and go between pages.

    MaxResults or NextToken with ImageIds are paged like any listing: no
    reference sentence forbids the combination for DescribeImages (its
    MaxResults entry, unlike DescribeInstances's, says nothing of the
    ids), so the stand-in does not refuse it; see tests/README-moto.md.

    Without MaxResults and NextToken the whole list is returned, in one
    answer, as the reference allows ("We strongly recommend using only
    paginated requests").
    """
    import random

    from moto.ec2.responses.amis import AmisResponse

    def bad_token(token: str) -> Exception:
        return _ec2_error(
            "InvalidPaginationToken",
            f"The specified pagination token is not valid or is expired: {token}",
        )

    def decode_token(token: str) -> tuple[str | None, int]:
        try:
            padded = token + "=" * (-len(token) % 4)
            payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            after, page = payload["after"], payload["page"]
            if payload.get("v") != 2 or not isinstance(after, str) or not isinstance(page, int):
                raise ValueError(token)
            if after and not after.startswith("ami-") or page < 1:
                raise ValueError(token)
            return (after or None), page
        except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
            raise bad_token(token) from None

    def encode_token(after: str | None, page: int) -> str:
        payload = json.dumps({"v": 2, "after": after or "", "page": page}, separators=(",", ":"))
        return base64.urlsafe_b64encode(payload.encode("ascii")).decode("ascii").rstrip("=")

    def plan_page(rng, page: int, max_results: int, remaining: int) -> tuple[int, bool]:
        """How many of the remaining items to serve, and whether to send a
        NextToken anyway when they are all served (an empty last page).
        The third page of a listing is empty and the fourth short, so every
        listing of four pages or more has both; the rest is seeded."""
        roll = rng.random()
        if page % 5 == 2 or (roll < 0.2 and page % 5 != 3):
            size = 0 if remaining > 0 else max_results          # empty, with a token
        elif (page % 5 == 3 or roll < 0.45) and max_results > 1:
            size = rng.randint(1, max_results - 1)              # short
        else:
            size = max_results                                  # full
        return size, rng.random() < 0.2

    def make_describe_images(original):
        def describe_images(self):
            max_results = self._get_param("MaxResults")
            token = self._get_param("NextToken")
            if max_results is None and not token:
                return original(self)
            if max_results is not None:
                max_results = int(max_results)
                if not DESCRIBE_IMAGES_MIN_RESULTS <= max_results <= DESCRIBE_IMAGES_MAX_RESULTS:
                    raise _ec2_error(
                        "InvalidParameterValue",
                        f"Value ( {max_results} ) for parameter maxResults is invalid. "
                        f"Expecting a value between {DESCRIBE_IMAGES_MIN_RESULTS} and "
                        f"{DESCRIBE_IMAGES_MAX_RESULTS}.",
                    )
            else:
                max_results = DESCRIBE_IMAGES_MAX_RESULTS
            after, page = decode_token(token) if token else (None, 0)
            result = original(self)
            images = sorted(result.result["Images"], key=lambda image: image.id)
            served = 0
            if after is not None:
                served = sum(1 for image in images if image.id <= after)
                images = images[served:]
            rng = random.Random(f"{PAGE_SEED}/{page}/{served}/{max_results}")
            size, trailing_token = plan_page(rng, page, max_results, len(images))
            items = images[:size]
            rng.shuffle(items)
            result.result["Images"] = items
            last = max((image.id for image in items), default=after)
            if len(images) > size or (trailing_token and images):
                result.result["NextToken"] = encode_token(last, page + 1)
            return result

        return describe_images

    _wrap(AmisResponse, "describe_images", make_describe_images)


# Realistic AWS Marketplace listings: (name, description, architecture,
# platform, product code, creation date, deprecated since).  The last one is
# an old, deprecated version: hidden from DescribeImages unless
# IncludeDeprecated=true or its id is given.
MARKETPLACE_IMAGES = (
    (
        "bitnami-wordpress-6.5.3-0-r05-linux-debian-12-x86_64-hvm-ebs-nami",
        "Bitnami WordPress 6.5.3 on Debian 12 (x86_64)",
        "x86_64",
        None,
        "5ce6ys0zzzpa9vobkgl8l2dkq",
        "2024-06-12T09:41:27.000Z",
        None,
    ),
    (
        "nginx-plus-ubuntu-22.04-arm64-v1.1-20240610-8f9d4b6c",
        "NGINX Plus Premium on Ubuntu 22.04 LTS (arm64)",
        "arm64",
        None,
        "b1e3x9mkw6tqz2pv7r0yd4hcn",
        "2024-06-10T14:02:55.000Z",
        None,
    ),
    (
        "CIS Microsoft Windows Server 2022 Benchmark - Level 1-v2.0.0.18-f2a3c1d0",
        "CIS hardened image of Microsoft Windows Server 2022 Datacenter",
        "x86_64",
        "windows",
        "7kqz4m2wx9c1ne8d3v5ty0bpa",
        "2024-05-28T22:15:03.000Z",
        None,
    ),
    (
        "bitnami-wordpress-6.1.1-0-r01-linux-debian-11-x86_64-hvm-ebs-nami",
        "Bitnami WordPress 6.1.1 on Debian 11 (x86_64), superseded",
        "x86_64",
        None,
        "5ce6ys0zzzpa9vobkgl8l2dkq",
        "2022-12-01T08:00:00.000Z",
        "2024-01-01T00:00:00.000Z",
    ),
)


def patch_marketplace_images() -> None:
    """Seed a few AWS Marketplace AMIs in every region.

    API reference, DescribeImages Owners: "You can specify a combination of
    Amazon Web Services account IDs, self, amazon, aws-backup-vault, and
    aws-marketplace"; Image.imageOwnerAlias is "amazon | aws-backup-vault |
    aws-marketplace"; Image.productCodes lists productCodeId and
    productCodeType (devpay | marketplace).  Each seeded image is public,
    owned by the AWS Marketplace account, and has a deterministic id per
    region (the same run after run).
    """
    from moto.core.parse import default_timestamp_parser
    from moto.ec2.models.amis import Ami, AmiBackend

    def product_codes_for_response(self):
        return [{"ProductCodeId": code, "ProductCodeType": "marketplace"} for code in sorted(self.product_codes)]

    # The serializer looks for "ProductCodes" before "product_codes", which
    # stays the set of ids that the product-code filter matches.
    Ami.ProductCodes = property(product_codes_for_response)

    def make_load_amis(original):
        def _load_amis(self):
            original(self)
            region = self.region_name
            for name, description, arch, platform, code, created, deprecated in MARKETPLACE_IMAGES:
                digest = hashlib.sha256(f"{region}/{name}".encode("utf-8")).hexdigest()
                ami_id = "ami-0" + digest[:16]
                image = Ami(
                    self,
                    ami_id,
                    name=name,
                    description=description,
                    owner_id=MARKETPLACE_OWNER_ID,
                    owner_alias="aws-marketplace",
                    public=True,
                    virtualization_type="hvm",
                    architecture=arch,
                    creation_date=default_timestamp_parser(created),
                    platform=platform,
                    hypervisor="xen",
                    root_device_type="ebs",
                    root_device_name="/dev/sda1" if platform == "windows" else "/dev/xvda",
                    region_name=region,
                    product_codes={code},
                    boot_mode="uefi" if arch == "arm64" else "legacy-bios",
                )
                image.ena_support = True
                if deprecated:
                    image.__dict__["_amigo_deprecate_at"] = _as_utc(default_timestamp_parser(deprecated))
                self.amis[ami_id] = image

        return _load_amis

    _wrap(AmiBackend, "_load_amis", make_load_amis)


def patch_image_ena_support() -> None:
    """Image.enaSupport of the AMIs moto seeds.

    API reference, Image.EnaSupport: "Specifies whether enhanced networking
    with ENA is enabled."  EC2 User Guide, "Enable enhanced networking with
    ENA on your EC2 instances": "The following AMIs include the required
    ENA driver: AL2023, Amazon Linux 2, Amazon Linux AMI 2018.03, ...
    Windows Server 2008 R2 and later" and "the AMI must have the enaSupport
    attribute set"; current-generation types (NetworkInfo.EnaSupport
    "required") launch only from such an AMI.  moto 5.2.1 seeds Amazon's
    HVM AMIs of that kind (Amazon Linux, Windows Server 2012 and later,
    Ubuntu) without the attribute, so no current-generation type could run
    them; paravirtual AMIs can't have it.  Images registered or created by
    the tests say themselves (RegisterImage EnaSupport; CreateImage keeps
    the source AMI's); CopyImage keeps the source's (the copy is the same
    AMI in another region).
    """
    from moto.ec2.models.amis import Ami, AmiBackend

    Ami.ena_support = None

    def make_load_amis(original):
        def _load_amis(self):
            original(self)
            for image in self.amis.values():
                if image.virtualization_type == "hvm" and image.__dict__.get("ena_support") is None:
                    image.ena_support = True

        return _load_amis

    def make_copy_image(original):
        def copy_image(self, source_image_id, source_region, name=None, description=None):
            from moto.ec2.models import ec2_backends

            ami = original(self, source_image_id, source_region, name, description)
            source = ec2_backends[self.account_id][source_region].amis.get(source_image_id)
            if source is not None and getattr(source, "ena_support", None):
                ami.ena_support = True
            return ami

        return copy_image

    _wrap(AmiBackend, "_load_amis", make_load_amis)
    _wrap(AmiBackend, "copy_image", make_copy_image)


# Product codes of AWS Marketplace products the account has not subscribed
# to (--unsubscribed-product-code, POST /amigo-test/subscription).
UNSUBSCRIBED_PRODUCT_CODES: set[str] = set()

MARKETPLACE_PAGE = "https://aws.amazon.com/marketplace/pp?sku="


def patch_marketplace_subscriptions() -> None:
    """RunInstances of an AWS Marketplace AMI needs a subscription.

    API reference, "Error codes": OptInRequired, "You are not authorized to
    use the requested service. Ensure that you have subscribed to the
    service you are trying to use."  For a Marketplace product EC2 answers
    with HTTP 401 and the words "In order to use this AWS Marketplace
    product you need to accept terms and subscribe. To do so please visit
    https://aws.amazon.com/marketplace/pp?sku=<product code>".  moto 5.2.1
    launches any AMI.
    """
    from xml.sax.saxutils import escape

    from moto.core.exceptions import _RESTError
    from moto.ec2.models.instances import InstanceBackend

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            image = self.amis.get(image_id)
            for code in sorted(getattr(image, "product_codes", None) or ()):
                if code in UNSUBSCRIBED_PRODUCT_CODES:
                    message = ("In order to use this AWS Marketplace product you need to accept terms and "
                               f"subscribe. To do so please visit {MARKETPLACE_PAGE}{code}")
                    error = _RESTError("OptInRequired", message)
                    error.code = 401
                    error.description = (
                        '<?xml version="1.0" encoding="UTF-8"?>\n'
                        f"<Response><Errors><Error><Code>OptInRequired</Code><Message>{escape(message)}</Message>"
                        f"</Error></Errors><RequestID>{uuid.uuid4()}</RequestID></Response>"
                    )
                    raise error
            return original(self, image_id, count, user_data, security_group_names, **kwargs)

        return run_instances

    _wrap(InstanceBackend, "run_instances", make_run_instances)


def patch_image_block_public_access() -> None:
    """Get/Enable/DisableImageBlockPublicAccess; public sharing refused while blocked.

    API reference, GetImageBlockPublicAccessState: imageBlockPublicAccessState
    is "block-new-sharing - Any attempt to publicly share your AMIs in the
    specified Region is blocked" or "unblocked"; managedBy is "account" or
    "declarative-policy".  EnableImageBlockPublicAccess takes
    ImageBlockPublicAccessState=block-new-sharing (its only valid value) and
    returns it; DisableImageBlockPublicAccess returns "unblocked".  The
    setting belongs to one account in one Region; "if you already have
    public AMIs, they will remain publicly available."  Accounts start
    unblocked here (AWS blocks new sharing by default only in accounts that
    never had a public AMI, and AWS may take up to 10 minutes to apply a
    change; both are left out).

    While blocked, ModifyImageAttribute LaunchPermission.Add Group=all fails
    with OperationNotPermitted, "You can't publicly share this image because
    block public access for AMIs is enabled for this account. To publicly
    share the image, you must call the DisableImageBlockPublicAccess API."
    (the message EC2 sends, as people quote it; the code is not in the API
    reference).
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import AmiBackend
    from moto.ec2.responses.amis import AmisResponse

    blocked, unblocked = "block-new-sharing", "unblocked"

    def state_of(backend) -> str:
        return backend.__dict__.get("_amigo_image_block_public_access", unblocked)

    def get_image_block_public_access_state(self):
        self.error_on_dryrun()
        return ActionResult(
            {"ImageBlockPublicAccessState": state_of(self.ec2_backend), "ManagedBy": "account"}
        )

    def enable_image_block_public_access(self):
        state = self._get_param("ImageBlockPublicAccessState")
        if not state:
            raise _ec2_error(
                "MissingParameter",
                "The request must contain the parameter ImageBlockPublicAccessState",
            )
        if state != blocked:
            raise _ec2_error(
                "InvalidParameterValue",
                f"Value ({state}) for parameter ImageBlockPublicAccessState is invalid. "
                f"The only valid value is {blocked}.",
            )
        self.error_on_dryrun()
        self.ec2_backend.__dict__["_amigo_image_block_public_access"] = blocked
        return ActionResult({"ImageBlockPublicAccessState": blocked})

    def disable_image_block_public_access(self):
        self.error_on_dryrun()
        self.ec2_backend.__dict__["_amigo_image_block_public_access"] = unblocked
        return ActionResult({"ImageBlockPublicAccessState": unblocked})

    AmisResponse.get_image_block_public_access_state = get_image_block_public_access_state
    AmisResponse.enable_image_block_public_access = enable_image_block_public_access
    AmisResponse.disable_image_block_public_access = disable_image_block_public_access

    def make_modify_image_attribute(original):
        def modify_image_attribute(self, ami_id, launch_permissions_to_add, launch_permissions_to_remove):
            if state_of(self) == blocked and {"Group": "all"} in (launch_permissions_to_add or []):
                image = self.amis.get(ami_id)
                if image is None or not image.is_public:
                    raise _ec2_error(
                        "OperationNotPermitted",
                        "You can\u2019t publicly share this image because block public access for "
                        "AMIs is enabled for this account. To publicly share the image, you must "
                        "call the DisableImageBlockPublicAccess API.",
                    )
            return original(self, ami_id, launch_permissions_to_add, launch_permissions_to_remove)

        return modify_image_attribute

    _wrap(AmiBackend, "modify_image_attribute", make_modify_image_attribute)


def patch_modify_image_description() -> None:
    """ModifyImageAttribute Description.Value (or Attribute=description, Value).

    API reference, ModifyImageAttribute: "Description - A new description
    for the AMI" (an AttributeValue: Description.Value), or "Attribute - The
    name of the attribute to modify. Valid values: description | ..." with
    "Value - The value of the attribute being modified. This parameter can
    be used only when the Attribute parameter is description or
    imdsSupport."  Only the owner may change it; RegisterImage documents the
    description as "Constraints: Up to 255 characters", so longer ones are
    refused (InvalidParameterValue).  moto 5.2.1 ignored it and kept the old
    description.
    """
    from moto.core.responses import EmptyResult
    from moto.ec2.responses.amis import AmisResponse

    def make_modify_image_attribute(original):
        def modify_image_attribute(self):
            description = self._get_param("Description")
            if isinstance(description, dict) and "Value" in description:
                value = description["Value"]
            elif self._get_param("Attribute") == "description":
                value = self._get_param("Value")
            else:
                return original(self)
            image_id = self._get_param("ImageId")
            if not image_id:
                raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
            self.error_on_dryrun()
            image = _get_own_image(self.ec2_backend, image_id)
            value = value or ""
            if len(value) > 255:
                raise _ec2_error(
                    "InvalidParameterValue",
                    "The description is too long: it can have at most 255 characters.",
                )
            image.description = value
            return EmptyResult()

        return modify_image_attribute

    _wrap(AmisResponse, "modify_image_attribute", make_modify_image_attribute)


def patch_delete_snapshot_in_use() -> None:
    """DeleteSnapshot refuses a snapshot any registered AMI uses.

    API reference, DeleteSnapshot: "You cannot delete a snapshot of the root
    device of an EBS volume used by a registered AMI. You must first
    deregister the AMI before you can delete the snapshot."  The error is
    InvalidSnapshot.InUse ("The snapshot snap-… is currently in use by
    ami-…").  moto 5.2.1 only checks the AMI that CreateImage made the
    snapshot for, so a snapshot another AMI was registered from
    (RegisterImage with its BlockDeviceMapping) could be deleted.
    """
    from moto.ec2.exceptions import InvalidSnapshotInUse
    from moto.ec2.models.elastic_block_store import EBSBackend

    def make_delete_snapshot(original):
        def delete_snapshot(self, snapshot_id):
            for image in list(getattr(self, "amis", {}).values()):
                for mapping in image.block_device_mappings or []:
                    if (mapping.get("Ebs") or {}).get("SnapshotId") == snapshot_id:
                        raise InvalidSnapshotInUse(snapshot_id, image.id)
            return original(self, snapshot_id)

        return delete_snapshot

    _wrap(EBSBackend, "delete_snapshot", make_delete_snapshot)


def _own_block_device_mappings() -> None:
    """Let an image carry its own block device mappings.

    moto 5.2.1 gives every image one mapping: its root device, a snapshot
    of an invented 15 GiB volume.  The patches below that know better (what
    CreateImage and RegisterImage were asked for) store the mappings in the
    image's `amigo_block_device_mappings`; the others keep moto's.
    """
    from moto.ec2.models.amis import Ami

    if getattr(Ami, "_amigo_own_mappings", False):
        return
    moto_mappings = Ami.block_device_mappings.fget

    def block_device_mappings(self):
        own = self.__dict__.get("amigo_block_device_mappings")
        return own if own is not None else moto_mappings(self)

    Ami.block_device_mappings = property(block_device_mappings)
    Ami._amigo_own_mappings = True


def _ebs_size(ebs: dict, key: str = "VolumeSize"):
    value = ebs.get(key)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _ec2_error("InvalidParameterValue", f"Invalid value '{value}' for {key}")


def _ebs_bool(ebs: dict, key: str, default: bool) -> bool:
    value = ebs.get(key)
    if value in (None, ""):
        return default
    return str(value).lower() == "true"


VOLUME_TYPES = ("standard", "io1", "io2", "gp2", "sc1", "st1", "gp3")


def _check_volume_type(ebs: dict) -> None:
    volume_type = ebs.get("VolumeType")
    if volume_type and volume_type not in VOLUME_TYPES:
        raise _ec2_error("InvalidParameterValue", f"Value ({volume_type}) for parameter volumeType is invalid.")


def patch_instance_root_volume() -> None:
    """RunInstances attaches the root volume at the AMI's root device name.

    API reference, Instance: RootDeviceName is "The device name of the root
    device volume (for example, /dev/sda1)", and BlockDeviceMapping lists
    that volume under the same name.  moto 5.2.1 sets RootDeviceName from
    the AMI but always attaches the volume at /dev/sda1, so an instance of
    an AMI whose root is /dev/xvda had no volume on its root device.
    BlockDeviceMapping.N of RunInstances adds volumes to the AMI's or
    changes them (EC2 User Guide, "Block device mappings": the instance
    gets the AMI's mappings plus those given at launch); moto 5.2.1 used
    only the given ones, so an instance launched with a data volume had no
    root volume at all.
    """
    from moto.ec2.models.instances import Instance, InstanceBackend

    def attach_root_volume(instance, volume_tags=None):
        volume = instance.ec2_backend.create_volume(size=8, zone_name=instance._placement.zone)
        if volume_tags:
            volume.add_tags(volume_tags)
        instance.ec2_backend.attach_volume(volume.id, instance.id, instance.root_device_name or "/dev/sda1", True)

    def setup_defaults(self):
        attach_root_volume(self)

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            volume_tags = (kwargs.get("tags") or {}).get("volume", {})
            reservation = original(self, image_id, count, user_data, security_group_names, **kwargs)
            for instance in reservation.instances:
                if (instance.root_device_name or "/dev/sda1") not in instance.block_device_mapping:
                    attach_root_volume(instance, volume_tags)
            return reservation

        return run_instances

    _wrap(Instance, "setup_defaults", lambda original: setup_defaults)
    _wrap(InstanceBackend, "run_instances", make_run_instances)


# What CreateImage can't change for an instance's own volume.
EXISTING_MAPPING_FIXED = ("VolumeSize", "VolumeType", "Iops", "Throughput", "SnapshotId", "KmsKeyId", "Encrypted")


def patch_create_image_block_devices() -> None:
    """CreateImage makes a snapshot of each EBS volume of the instance.

    API reference, CreateImage: "If you customized your instance with
    instance store volumes or Amazon EBS volumes in addition to the root
    device volume, the new AMI contains block device mapping information for
    those volumes."  BlockDeviceMapping.N adds mappings; a mapping with
    NoDevice leaves the instance's volume on that device out of the AMI
    (Amazon EC2 User Guide, "Block device mappings": "NoDevice ...
    suppresses the device").  For the instance's own volumes, CreateImage
    BlockDeviceMapping.N: "You can't change the volume size using the
    VolumeSize parameter. If you want a different volume size, you must
    first change the volume size of the source instance", "You can't
    modify the encryption status of existing volumes or snapshots", "The
    only option that can be changed for existing mappings or snapshots is
    DeleteOnTermination" — anything else is refused
    (InvalidBlockDeviceMapping).  An added volume can't be smaller than its
    snapshot (InvalidBlockDeviceMapping, "Volume of size N is smaller than
    snapshot ..."), the root device can't be left out, and an added EBS
    volume needs a size or a snapshot.  The AMI keeps the source AMI's
    EnaSupport: the instance it was launched from had it.  TagSpecification ResourceType=snapshot tags every
    snapshot made ("The same tag is applied to all of the snapshots that are
    created").
    moto 5.2.1 ignores BlockDeviceMapping.N and gives the AMI one snapshot
    of an invented 15 GiB volume.
    """
    from moto.ec2.responses.amis import AmisResponse

    _own_block_device_mappings()

    def plan_mappings(backend, instance, requested):
        requested = dict(requested)
        plan = []
        for device, attached in list(instance.block_device_mapping.items()):
            asked = requested.pop(device, None) or {}
            if "NoDevice" in asked:
                if device == instance.root_device_name:
                    raise _ec2_error(
                        "InvalidBlockDeviceMapping",
                        f"The device {device} is the root device of the instance and can't be left out.",
                    )
                continue
            volume = backend.get_volume(attached.volume_id)
            ebs = asked.get("Ebs") or {}
            _check_volume_type(ebs)
            changed = [key for key in EXISTING_MAPPING_FIXED if ebs.get(key) not in (None, "")]
            if asked.get("VirtualName"):
                changed.append("VirtualName")
            if changed:
                raise _ec2_error(
                    "InvalidBlockDeviceMapping",
                    f"The device {device} is a volume of the instance: only DeleteOnTermination can be "
                    f"changed for it, not {', '.join(changed)}. To change its size or type, modify the "
                    "volume of the source instance first.",
                )
            plan.append({
                "device": device,
                "volume": volume,
                "size": volume.size,
                "type": volume.volume_type,
                "delete": _ebs_bool(ebs, "DeleteOnTermination", bool(attached.delete_on_termination)),
            })
        for device, asked in requested.items():
            if "NoDevice" in asked:
                continue  # nothing of the instance's to leave out
            if asked.get("VirtualName"):
                plan.append({"device": device, "virtual_name": asked["VirtualName"]})
                continue
            ebs = asked.get("Ebs") or {}
            _check_volume_type(ebs)
            size = _ebs_size(ebs)
            snapshot = backend.get_snapshot(ebs["SnapshotId"]) if ebs.get("SnapshotId") else None
            if size is None and snapshot is None:
                raise _ec2_error(
                    "InvalidBlockDeviceMapping",
                    f"The request must contain the parameter size or snapshotId for {device}",
                )
            if snapshot is not None and size is not None and size < snapshot.volume.size:
                raise _ec2_error(
                    "InvalidBlockDeviceMapping",
                    f"Volume of size {size} is smaller than snapshot '{snapshot.id}', "
                    f"expect size >= {snapshot.volume.size}",
                )
            plan.append({
                "device": device,
                "snapshot": snapshot,
                "size": size if size is not None else snapshot.volume.size,
                "type": ebs.get("VolumeType") or "gp2",
                "delete": _ebs_bool(ebs, "DeleteOnTermination", True),
            })
        return plan

    def make_create_image(original):
        def create_image(self):
            backend = self.ec2_backend
            instance = backend.get_instance(self._get_param("InstanceId"))
            requested = {}
            for mapping in self._get_param("BlockDeviceMappings", []):
                requested[mapping.get("DeviceName")] = mapping
            plan = plan_mappings(backend, instance, requested)  # refused before anything is made
            result = original(self)
            image = backend.amis[result.result["ImageId"]]
            snapshot_tags = _tags_for(self._get_param("TagSpecifications", []), "snapshot")
            invented = image.ebs_snapshot
            mappings = []
            root_snapshot = None
            for item in plan:
                if "virtual_name" in item:
                    mappings.append({"DeviceName": item["device"], "VirtualName": item["virtual_name"]})
                    continue
                ebs = {"VolumeSize": item["size"], "VolumeType": item["type"],
                       "DeleteOnTermination": item["delete"]}
                snapshot = item.get("snapshot")
                if "volume" in item:
                    snapshot = backend.create_snapshot(
                        item["volume"].id,
                        f"Created by CreateImage({instance.id}) for {image.id}",
                        image.owner_id,
                        from_ami=image.id,
                    )
                    for tag in snapshot_tags:
                        snapshot.add_tag(tag["Key"], tag["Value"])
                    if item["volume"].encrypted:
                        ebs["Encrypted"] = True
                if snapshot is not None:
                    ebs["SnapshotId"] = snapshot.id
                    if item["device"] == instance.root_device_name:
                        root_snapshot = snapshot
                mappings.append({"DeviceName": item["device"], "Ebs": ebs})
            image.root_device_name = instance.root_device_name
            image.amigo_block_device_mappings = mappings
            source = backend.amis.get(instance.image_id)
            if source is not None and getattr(source, "ena_support", None):
                image.ena_support = True
            if root_snapshot is not None:
                image.ebs_snapshot = root_snapshot
                backend.snapshots.pop(invented.id, None)
            return result

        return create_image

    _wrap(AmisResponse, "create_image", make_create_image)


def patch_register_image_attributes() -> None:
    """RegisterImage: what the request says the AMI is.

    API reference, RegisterImage: BootMode ("legacy-bios", "uefi",
    "uefi-preferred"), VirtualizationType ("hvm" | "paravirtual", default
    paravirtual), EnaSupport, KernelId, RamdiskId, SriovNetSupport,
    TpmSupport, ImdsSupport; ImageLocation, "The full path to your AMI
    manifest in Amazon S3 storage", registers an instance store-backed AMI
    (root device type instance-store, no EBS snapshot).  The root
    BlockDeviceMapping's VolumeSize, VolumeType and DeleteOnTermination are
    the AMI's; a volume smaller than its snapshot is refused
    (InvalidBlockDeviceMapping).  moto 5.2.1 ignores all of these: every AMI
    is uefi with a 15 GiB standard root volume.
    The manifest itself is not read: moto's S3 is not consulted.
    """
    from moto.ec2.responses.amis import AmisResponse

    _own_block_device_mappings()

    def make_register_image(original):
        def register_image(self):
            backend = self.ec2_backend
            location = self._get_param("ImageLocation")
            root_device_name = self._get_param("RootDeviceName")
            mappings = self._get_param("BlockDeviceMappings", [])
            boot_mode = self._get_param("BootMode")
            if boot_mode and boot_mode not in ("legacy-bios", "uefi", "uefi-preferred"):
                raise _ec2_error("InvalidParameterValue", f"Value ({boot_mode}) for parameter bootMode is invalid.")
            virtualization = self._get_param("VirtualizationType")
            if virtualization and virtualization not in ("hvm", "paravirtual"):
                raise _ec2_error("InvalidParameterValue",
                                 f"Value ({virtualization}) for parameter virtualizationType is invalid.")
            if not location and not mappings:
                raise _ec2_error("InvalidParameterCombination",
                                 "Either ImageLocation or a root BlockDeviceMapping must be given.")
            for mapping in mappings:
                ebs = mapping.get("Ebs") or {}
                _check_volume_type(ebs)
                if ebs.get("SnapshotId"):
                    snapshot = backend.get_snapshot(ebs["SnapshotId"])
                    size = _ebs_size(ebs)
                    if size is not None and size < snapshot.volume.size:
                        raise _ec2_error(
                            "InvalidBlockDeviceMapping",
                            f"Volume of size {size} is smaller than snapshot '{snapshot.id}', "
                            f"expect size >= {snapshot.volume.size}",
                        )
            result = original(self)
            image = backend.amis[result.result["ImageId"]]
            image.virtualization_type = virtualization or "paravirtual"
            image.boot_mode = boot_mode
            if self._get_bool_param("EnaSupport", False):
                image.ena_support = True
            for key, attribute in (("KernelId", "kernel_id"), ("RamdiskId", "ramdisk_id"),
                                   ("SriovNetSupport", "sriov"), ("TpmSupport", "tpm_support"),
                                   ("ImdsSupport", "imds_support")):
                if self._get_param(key):
                    setattr(image, attribute, self._get_param(key))
            own = []
            for mapping in mappings:
                entry = {"DeviceName": mapping.get("DeviceName")}
                if "NoDevice" in mapping:
                    entry["NoDevice"] = ""
                elif mapping.get("VirtualName"):
                    entry["VirtualName"] = mapping["VirtualName"]
                else:
                    ebs = mapping.get("Ebs") or {}
                    snapshot = backend.get_snapshot(ebs["SnapshotId"]) if ebs.get("SnapshotId") else None
                    size = _ebs_size(ebs) or (snapshot.volume.size if snapshot is not None else None)
                    entry["Ebs"] = {
                        "VolumeSize": size,
                        "VolumeType": ebs.get("VolumeType") or "gp2",
                        "DeleteOnTermination": _ebs_bool(ebs, "DeleteOnTermination", True),
                    }
                    if snapshot is not None:
                        entry["Ebs"]["SnapshotId"] = snapshot.id
                own.append(entry)
            if location:
                image.image_location = location
                image.root_device_type = "instance-store"
                image.root_device_name = root_device_name or "/dev/sda1"
                invented = image.ebs_snapshot
                if not any((m.get("Ebs") or {}).get("SnapshotId") == invented.id for m in own):
                    backend.snapshots.pop(invented.id, None)
            image.amigo_block_device_mappings = own
            return result

        return register_image

    _wrap(AmisResponse, "register_image", make_register_image)


# --------------------------------------------------------------------------
# Image clean-up (issue 17): references, disabling, the Recycle Bin,
# ancestry, Allowed AMIs
# --------------------------------------------------------------------------

# The account's Allowed AMIs settings per (account, region): state and criteria.
_ALLOWED_IMAGES: dict = {}
# Recycle Bin retention rules per (account, region): {identifier: rule dict}.
RBIN_RULES: dict = {}
# Whether the DescribeImages being served asked for IncludeDisabled.
_describe_flags = threading.local()

DESCRIBE_IMAGE_REFERENCES_MAX_RESULTS = 1000
LAUNCH_TEMPLATE_VERSION_DEPTH = 10
RECYCLE_BIN_MAX_RESULTS = 1000


def _backend_key(backend) -> tuple[str, str]:
    return backend.account_id, backend.region_name


def _ancestor_backend(backend, region: str):
    from moto.ec2.models import ec2_backends

    return ec2_backends[backend.account_id][region]


def patch_disable_image() -> None:
    """DisableImage / EnableImage and the `disabled` state.

    API reference, DisableImage: "Sets the AMI state to disabled and removes
    all launch permissions from the AMI. A disabled AMI can't be used for
    instance launches.  A disabled AMI can't be shared. If an AMI was public
    or previously shared, it is made private. If an AMI was shared with an
    Amazon Web Services account, organization, or Organizational Unit, they
    lose access to the disabled AMI.  A disabled AMI does not appear in
    DescribeImages API calls by default.  Only the AMI owner can disable an
    AMI."  DescribeImages IncludeDisabled: "Specifies whether to include
    disabled AMIs.  Default: No disabled AMIs are included in the response."
    EnableImage: "Re-enables a disabled AMI. The re-enabled AMI is marked as
    available and can be used for instance launches, appears in describe
    operations, and can be shared. Amazon Web Services accounts,
    organizations, and Organizational Units that lost access to the AMI when
    it was disabled do not regain access automatically."  Both answer
    <return>true</return>.

    The reference names no error code for launching or sharing a disabled
    AMI; this stand-in answers InvalidAMIID.Unavailable ("The specified AMI
    has been deregistered, deleted, or is not available", common client
    errors) and OperationNotPermitted.  An image asked for by its id is
    described even while disabled, as for deprecated images.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import AmiBackend
    from moto.ec2.models.instances import InstanceBackend
    from moto.ec2.responses.amis import AmisResponse

    def disable_image(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        image.state = "disabled"
        image.launch_permissions = []
        return ActionResult({"Return": True})

    def enable_image(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        image = _get_own_image(self.ec2_backend, image_id)
        if image.state != "disabled":
            raise _ec2_error("IncorrectState", f"The AMI {image_id} is not disabled.")
        image.state = "available"
        return ActionResult({"Return": True})

    AmisResponse.disable_image = disable_image
    AmisResponse.enable_image = enable_image

    def make_describe_images_response(original):
        def describe_images(self):
            _describe_flags.include_disabled = self._get_bool_param("IncludeDisabled", False)
            try:
                return original(self)
            finally:
                _describe_flags.include_disabled = True

        return describe_images

    _wrap(AmisResponse, "describe_images", make_describe_images_response)

    def make_describe_images(original):
        def describe_images(self, ami_ids=None, filters=None, exec_users=None, owners=None):
            images = original(self, ami_ids=ami_ids, filters=filters, exec_users=exec_users, owners=owners)
            if not ami_ids and not getattr(_describe_flags, "include_disabled", True):
                images = [image for image in images if image.state != "disabled"]
            return images

        return describe_images

    _wrap(AmiBackend, "describe_images", make_describe_images)

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            image = self.amis.get(image_id)
            if image is not None and image.state == "disabled":
                raise _ec2_error(
                    "InvalidAMIID.Unavailable",
                    f"The image id '[{image_id}]' is disabled and can't be used to launch instances.",
                )
            return original(self, image_id, count, user_data, security_group_names, **kwargs)

        return run_instances

    _wrap(InstanceBackend, "run_instances", make_run_instances)

    def make_modify_image_attribute(original):
        def modify_image_attribute(self, ami_id, launch_permissions_to_add, launch_permissions_to_remove):
            image = self.amis.get(ami_id)
            if image is not None and image.state == "disabled" and launch_permissions_to_add:
                raise _ec2_error("OperationNotPermitted", f"The AMI {ami_id} is disabled and can't be shared.")
            return original(self, ami_id, launch_permissions_to_add, launch_permissions_to_remove)

        return modify_image_attribute

    _wrap(AmiBackend, "modify_image_attribute", make_modify_image_attribute)


def patch_describe_image_references() -> None:
    """DescribeImageReferences from moto's instances and launch templates.

    API reference: "Describes your Amazon Web Services resources that are
    referencing the specified images."  ImageIds is required;
    IncludeAllResourceTypes: "Specifies whether to check all supported
    Amazon Web Services resource types for image references"; ResourceTypes
    names the ones to check.  ResourceTypeOption: for ec2:Instance
    "state-name - The current state of the EC2 instance" (default: all
    states); for ec2:LaunchTemplate "version-depth - The number of launch
    template versions to check, starting from the most recent version"
    (1 to 10000, default 10).  Each ImageReference is imageId, resourceType
    and arn.  MaxResults: 1 to 1000, with nextToken.  moto has no SSM
    parameters of type aws:ec2:image nor Image Builder recipes, so only
    instances and launch templates are found.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.responses.amis import AmisResponse

    def options_of(resource_type: dict) -> dict:
        options = {}
        for option in resource_type.get("ResourceTypeOptions", []) or []:
            options[option.get("OptionName")] = option.get("OptionValues", []) or []
        return options

    def describe_image_references(self):
        image_ids = self._get_param("ImageIds", []) or []
        if not image_ids:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        include_all = self._get_bool_param("IncludeAllResourceTypes", False)
        requested = self._get_param("ResourceTypes", []) or []
        if not include_all and not requested:
            raise _ec2_error(
                "MissingParameter",
                "Specify IncludeAllResourceTypes or at least one ResourceType.",
            )
        max_results = int(self._get_param("MaxResults") or DESCRIBE_IMAGE_REFERENCES_MAX_RESULTS)
        if not 1 <= max_results <= DESCRIBE_IMAGE_REFERENCES_MAX_RESULTS:
            raise _ec2_error("InvalidParameterValue", f"Value ( {max_results} ) for parameter maxResults is invalid.")
        self.error_on_dryrun()
        backend = self.ec2_backend
        for image_id in image_ids:
            if image_id not in backend.amis and image_id not in backend.deleted_amis:
                _get_image(backend, image_id)
        types = {r.get("ResourceType"): options_of(r) for r in requested}
        if include_all:
            for name in ("ec2:Instance", "ec2:LaunchTemplate"):
                types.setdefault(name, {})
        wanted = set(image_ids)
        partition = _partition_of(backend.region_name)
        prefix = f"arn:{partition}:ec2:{backend.region_name}:{backend.account_id}"
        references = []
        if "ec2:Instance" in types:
            states = set(types["ec2:Instance"].get("state-name", []))
            for instance in backend.all_instances():
                if instance.image_id in wanted and (not states or instance.state in states):
                    references.append(
                        {"ImageId": instance.image_id, "ResourceType": "ec2:Instance",
                         "Arn": f"{prefix}:instance/{instance.id}"}
                    )
        if "ec2:LaunchTemplate" in types:
            depth_values = types["ec2:LaunchTemplate"].get("version-depth", [])
            depth = int(depth_values[0]) if depth_values else LAUNCH_TEMPLATE_VERSION_DEPTH
            if not 1 <= depth <= 10000:
                raise _ec2_error("InvalidParameterValue", f"Value ({depth}) for version-depth is invalid.")
            for template in list(backend.launch_templates.values()):
                seen = set()
                for version in list(template.versions)[-depth:]:
                    if version.image_id in wanted and version.image_id not in seen:
                        seen.add(version.image_id)
                        references.append(
                            {"ImageId": version.image_id, "ResourceType": "ec2:LaunchTemplate",
                             "Arn": f"{prefix}:launch-template/{template.id}"}
                        )
        start = int(self._get_param("NextToken") or 0)
        page = references[start:start + max_results]
        result = {"ImageReferences": page}
        if start + max_results < len(references):
            result["NextToken"] = str(start + max_results)
        return ActionResult(result)

    AmisResponse.describe_image_references = describe_image_references


# Regions whose endpoint does not know GetImageAncestry (Amigo's fallback
# follows sourceImageId/sourceImageRegion there; tests/README-moto.md)
ANCESTRY_UNAVAILABLE_REGIONS = {"ca-central-1"}


def patch_image_ancestry() -> None:
    """sourceImageId/sourceImageRegion on copies; GetImageAncestry.

    API reference, Image: sourceImageId "The ID of the source AMI from which
    the AMI was created", sourceImageRegion "The Region of the source AMI"
    (moto 5.2.1 keeps neither).  GetImageAncestry: "Retrieves the ancestry
    chain of the specified AMI, tracing its lineage back to the root AMI";
    imageAncestryEntrySet is "A list of entries in the AMI ancestry chain,
    from the specified AMI to the root AMI", each with creationDate,
    imageId, imageOwnerAlias, sourceImageId and sourceImageRegion.  Where a
    source was deregistered the chain stops at the last entry, which still
    names its source.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami, AmiBackend
    from moto.ec2.responses.amis import AmisResponse

    Ami.source_image_id = None
    Ami.source_image_region = None

    def make_copy_image(original):
        def copy_image(self, source_image_id, source_region, name=None, description=None):
            ami = original(self, source_image_id, source_region, name, description)
            ami.source_image_id = source_image_id
            ami.source_image_region = source_region
            return ami

        return copy_image

    _wrap(AmiBackend, "copy_image", make_copy_image)

    # DescribeImages Filter.N: "source-image-id - The ID of the source AMI
    # from which the AMI was created", "source-image-region - The Region of
    # the source AMI" (moto 5.2.1 raises FilterNotImplementedError).
    def make_get_filter_value(original):
        def get_filter_value(self, filter_name, method_name=None):
            if filter_name == "source-image-id":
                return self.source_image_id
            if filter_name == "source-image-region":
                return self.source_image_region
            return original(self, filter_name, method_name)

        return get_filter_value

    _wrap(Ami, "get_filter_value", make_get_filter_value)

    def get_image_ancestry(self):
        if self.ec2_backend.region_name in ANCESTRY_UNAVAILABLE_REGIONS:
            # EC2 API reference, common client errors: InvalidAction "The
            # action or operation requested is invalid. Verify that the
            # action is typed correctly." (an endpoint without the call)
            raise _ec2_error("InvalidAction", "The action GetImageAncestry is not valid for this web service.")
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        backend = self.ec2_backend
        image = _get_image(backend, image_id)
        entries = []
        seen = set()
        while image is not None and image.id not in seen:
            seen.add(image.id)
            entry = {"ImageId": image.id, "CreationDate": image.creation_date}
            if image.owner_alias:
                entry["ImageOwnerAlias"] = image.owner_alias
            if image.source_image_id:
                entry["SourceImageId"] = image.source_image_id
                entry["SourceImageRegion"] = image.source_image_region
            entries.append(entry)
            if not image.source_image_id:
                break
            backend = _ancestor_backend(backend, image.source_image_region)
            image = backend.amis.get(image.source_image_id)
        return ActionResult({"ImageAncestryEntries": entries})

    AmisResponse.get_image_ancestry = get_image_ancestry


def _allowed_settings(backend) -> dict:
    return _ALLOWED_IMAGES.setdefault(_backend_key(backend), {"state": "disabled", "criteria": []})


def _criterion_allows(criterion: dict, image, account_id: str) -> bool:
    import fnmatch

    providers = criterion.get("ImageProviders") or []
    if providers:
        alias = image.owner_alias or ""
        ok = False
        for provider in providers:
            if provider == "none" and image.owner_id == account_id:
                ok = True
            elif provider in ("amazon", "aws-marketplace", "aws-backup-vault") and alias == provider:
                ok = True
            elif provider == image.owner_id:
                ok = True
        if not ok:
            return False
    names = criterion.get("ImageNames") or []
    if names and not any(fnmatch.fnmatchcase(image.name or "", pattern) for pattern in names):
        return False
    codes = criterion.get("MarketplaceProductCodes") or []
    if codes and not set(codes) & set(getattr(image, "product_codes", ()) or ()):
        return False
    created = (criterion.get("CreationDateCondition") or {}).get("MaximumDaysSinceCreated")
    if created is not None:
        when = datetime.fromisoformat(str(image.creation_date).replace("Z", "+00:00"))
        if _utcnow() - _as_utc(when) > timedelta(days=int(created)):
            return False
    deprecated = (criterion.get("DeprecationTimeCondition") or {}).get("MaximumDaysSinceDeprecated")
    if deprecated is not None:
        since = getattr(image, "deprecation_time", None)
        if since:
            when = datetime.fromisoformat(str(since).replace("Z", "+00:00"))
            if _utcnow() - _as_utc(when) > timedelta(days=int(deprecated)):
                return False
    return True


def patch_allowed_images() -> None:
    """Allowed AMIs: Get/Enable/DisableAllowedImagesSettings,
    ReplaceImageCriteriaInAllowedImagesSettings, Image.imageAllowed.

    API reference, GetAllowedImagesSettings: state "The current state of the
    Allowed AMIs setting at the account level in the specified Amazon Web
    Services Region.  Possible values: disabled ... enabled ... audit-mode";
    imageCriterionSet "The list of criteria for images that are discoverable
    and usable in the account"; managedBy account or declarative-policy.
    EnableAllowedImagesSettings AllowedImagesSettingsState: enabled or
    audit-mode, answered back; DisableAllowedImagesSettings answers
    disabled.  ReplaceImageCriteriaInAllowedImagesSettings: "Sets or
    replaces the criteria for Allowed AMIs", answers <return>true</return>;
    ImageProvider "none: Allow AMIs created by your own account only. When
    none is specified, no other values can be specified"; up to 10
    criteria.  Image.imageAllowed: "If true, the AMI satisfies the criteria
    for Allowed AMIs and can be discovered and used in the account. If
    false and Allowed AMIs is set to enabled, the AMI can't be discovered or
    used in the account. If false and Allowed AMIs is set to audit-mode, the
    AMI can be discovered and used in the account."  Here imageAllowed is
    left out while the setting is disabled, and an image that is not
    allowed under `enabled` is hidden from DescribeImages and refused by
    RunInstances (InvalidAMIID.Unavailable; the reference names no code).
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami, AmiBackend
    from moto.ec2.models.instances import InstanceBackend
    from moto.ec2.responses.amis import AmisResponse

    def image_allowed(self):
        settings = _allowed_settings(self.ec2_backend)
        if settings["state"] == "disabled":
            return None
        return any(_criterion_allows(c, self, self.ec2_backend.account_id) for c in settings["criteria"])

    Ami.image_allowed = property(image_allowed)

    def get_allowed_images_settings(self):
        self.error_on_dryrun()
        settings = _allowed_settings(self.ec2_backend)
        result = {"State": settings["state"], "ManagedBy": "account"}
        if settings["criteria"]:
            result["ImageCriteria"] = settings["criteria"]
        return ActionResult(result)

    def enable_allowed_images_settings(self):
        state = self._get_param("AllowedImagesSettingsState")
        if state not in ("enabled", "audit-mode"):
            raise _ec2_error(
                "InvalidParameterValue",
                f"Value ({state}) for parameter AllowedImagesSettingsState is invalid.",
            )
        self.error_on_dryrun()
        _allowed_settings(self.ec2_backend)["state"] = state
        return ActionResult({"AllowedImagesSettingsState": state})

    def disable_allowed_images_settings(self):
        self.error_on_dryrun()
        _allowed_settings(self.ec2_backend)["state"] = "disabled"
        return ActionResult({"AllowedImagesSettingsState": "disabled"})

    def replace_image_criteria(self):
        criteria = self._get_param("ImageCriteria", []) or []
        if len(criteria) > 10:
            raise _ec2_error("InvalidParameterValue", "You can specify up to 10 image criteria.")
        cleaned = []
        for criterion in criteria:
            providers = criterion.get("ImageProviders") or []
            if "none" in providers and len(providers) > 1:
                raise _ec2_error(
                    "InvalidParameterValue",
                    "When none is specified as an image provider, no other values can be specified.",
                )
            entry = {}
            for key in ("ImageProviders", "MarketplaceProductCodes", "ImageNames"):
                if criterion.get(key):
                    entry[key] = list(criterion[key])
            for key, member in (
                ("DeprecationTimeCondition", "MaximumDaysSinceDeprecated"),
                ("CreationDateCondition", "MaximumDaysSinceCreated"),
            ):
                value = (criterion.get(key) or {}).get(member)
                if value is not None:
                    entry[key] = {member: int(value)}
            cleaned.append(entry)
        self.error_on_dryrun()
        _allowed_settings(self.ec2_backend)["criteria"] = cleaned
        return ActionResult({"ReturnValue": True})

    AmisResponse.get_allowed_images_settings = get_allowed_images_settings
    AmisResponse.enable_allowed_images_settings = enable_allowed_images_settings
    AmisResponse.disable_allowed_images_settings = disable_allowed_images_settings
    AmisResponse.replace_image_criteria_in_allowed_images_settings = replace_image_criteria

    def make_describe_images(original):
        def describe_images(self, ami_ids=None, filters=None, exec_users=None, owners=None):
            images = original(self, ami_ids=ami_ids, filters=filters, exec_users=exec_users, owners=owners)
            if _allowed_settings(self)["state"] == "enabled":
                images = [image for image in images if image.image_allowed is not False]
            return images

        return describe_images

    _wrap(AmiBackend, "describe_images", make_describe_images)

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            image = self.amis.get(image_id)
            if image is not None and _allowed_settings(self)["state"] == "enabled" and image.image_allowed is False:
                raise _ec2_error(
                    "InvalidAMIID.Unavailable",
                    f"The image id '[{image_id}]' is not allowed by the account's Allowed AMIs settings.",
                )
            return original(self, image_id, count, user_data, security_group_names, **kwargs)

        return run_instances

    _wrap(InstanceBackend, "run_instances", make_run_instances)


def _rbin_rule_keeps(rule: dict, tags: dict) -> bool:
    """Whether @rule retains a resource with @tags."""
    wanted = rule.get("ResourceTags") or []
    if wanted:
        return any(
            t["ResourceTagKey"] in tags
            and (t.get("ResourceTagValue") in (None, "") or tags[t["ResourceTagKey"]] == t.get("ResourceTagValue"))
            for t in wanted
        )
    for t in rule.get("ExcludeResourceTags") or []:
        if t["ResourceTagKey"] in tags and (
            t.get("ResourceTagValue") in (None, "") or tags[t["ResourceTagKey"]] == t.get("ResourceTagValue")
        ):
            return False
    return True


def _rbin_retention_for(account_id: str, region: str, tags: dict) -> timedelta | None:
    """The retention period a deregistered image gets, or None."""
    rules = [
        rule
        for rule in RBIN_RULES.get((account_id, region), {}).values()
        if rule["ResourceType"] == "EC2_IMAGE" and _rbin_rule_keeps(rule, tags)
    ]
    tag_level = [rule for rule in rules if rule.get("ResourceTags")]
    chosen = tag_level or rules
    if not chosen:
        return None
    return max(timedelta(days=int(rule["RetentionPeriod"]["RetentionPeriodValue"])) for rule in chosen)


def patch_recycle_bin_images() -> None:
    """Images deregistered under a Recycle Bin rule; ListImagesInRecycleBin,
    RestoreImageFromRecycleBin.

    API reference, DeregisterImage: "If you deregister an AMI that matches a
    Recycle Bin retention rule, the AMI is retained in the Recycle Bin for
    the specified retention period."  Recycle Bin user guide: "If a resource
    matches more than one retention rule, the tag-level rule takes
    precedence over Region-level rules; among several, the one with the
    longest retention period".  ListImagesInRecycleBin: "Lists one or more
    AMIs that are currently in the Recycle Bin", each with imageId, name,
    description, recycleBinEnterTime ("The date and time when the AMI entered
    the Recycle Bin") and recycleBinExitTime ("The date and time when the
    AMI is to be permanently deleted from the Recycle Bin"); MaxResults 1 to
    1000 with nextToken.  RestoreImageFromRecycleBin: "Restores an AMI from
    the Recycle Bin", <return>true</return>; an image not in the bin is
    InvalidAMIID.NotFound here.  An image past its exit time is gone.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import AmiBackend
    from moto.ec2.responses.amis import AmisResponse

    def bin_of(backend) -> dict:
        store = backend.__dict__.setdefault("_amigo_recycle_bin", {})
        now = _utcnow()
        for image_id in [i for i, e in store.items() if e["exit"] <= now]:
            del store[image_id]
        return store

    def make_deregister_image(original):
        def deregister_image(self, ami_id):
            image = self.amis.get(ami_id)
            original(self, ami_id)
            if image is None or image.owner_id != self.account_id:
                return
            tags = {t["key"]: t["value"] for t in image.get_tags()}
            retention = _rbin_retention_for(self.account_id, self.region_name, tags)
            if retention is not None:
                now = _utcnow()
                bin_of(self)[ami_id] = {"image": image, "enter": now, "exit": now + retention}

        return deregister_image

    _wrap(AmiBackend, "deregister_image", make_deregister_image)

    def list_images_in_recycle_bin(self):
        ids = self._get_param("ImageIds", []) or []
        max_results = self._get_param("MaxResults")
        if max_results is not None and not 1 <= int(max_results) <= RECYCLE_BIN_MAX_RESULTS:
            raise _ec2_error("InvalidParameterValue", f"Value ( {max_results} ) for parameter maxResults is invalid.")
        self.error_on_dryrun()
        entries = sorted(bin_of(self.ec2_backend).items())
        if ids:
            entries = [(i, e) for i, e in entries if i in ids]
        start = int(self._get_param("NextToken") or 0)
        size = int(max_results) if max_results is not None else RECYCLE_BIN_MAX_RESULTS
        page = entries[start:start + size]
        images = []
        for image_id, entry in page:
            item = {
                "ImageId": image_id,
                "Name": entry["image"].name,
                "RecycleBinEnterTime": entry["enter"],
                "RecycleBinExitTime": entry["exit"],
            }
            if entry["image"].description:
                item["Description"] = entry["image"].description
            images.append(item)
        result = {"Images": images}
        if start + size < len(entries):
            result["NextToken"] = str(start + size)
        return ActionResult(result)

    def restore_image_from_recycle_bin(self):
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _ec2_error("MissingParameter", "The request must contain the parameter ImageId")
        self.error_on_dryrun()
        backend = self.ec2_backend
        entry = bin_of(backend).pop(image_id, None)
        if entry is None:
            raise _ec2_error("InvalidAMIID.NotFound", f"The image id '[{image_id}]' is not in the Recycle Bin.")
        backend.amis[image_id] = entry["image"]
        if image_id in backend.deleted_amis:
            backend.deleted_amis.remove(image_id)
        return ActionResult({"Return": True})

    AmisResponse.list_images_in_recycle_bin = list_images_in_recycle_bin
    AmisResponse.restore_image_from_recycle_bin = restore_image_from_recycle_bin


def patch_image_cleanup() -> None:
    """Every stand-in of issue 17 (the image clean-up), in order."""
    patch_disable_image()
    patch_describe_image_references()
    patch_image_ancestry()
    patch_allowed_images()
    patch_recycle_bin_images()


def check_signed_request(environ, action, region=None) -> tuple[str, str] | None:
    """Checks a request of a service moto lacks (the Recycle Bin, the Price
    List) as moto checks its own: the SigV4 signature over the raw body, and
    the caller's IAM policies for <service>:<action>.  Returns (code,
    message) to refuse it with, or None."""
    from moto import settings
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.core.authorization import ActionAuthenticatorMixin
    from moto.iam.access_control import IAMRequest

    if ActionAuthenticatorMixin.request_count < settings.INITIAL_NO_AUTH_ACTION_COUNT:
        ActionAuthenticatorMixin.request_count += 1
        return None
    headers = {}
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers[key[5:].replace("_", "-").title()] = value
    if environ.get("CONTENT_TYPE"):
        headers["Content-Type"] = environ["CONTENT_TYPE"]
    if environ.get("CONTENT_LENGTH"):
        headers["Content-Length"] = environ["CONTENT_LENGTH"]
    path = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "/")
    if "?" not in path and environ.get("QUERY_STRING"):
        path += "?" + environ["QUERY_STRING"]
    host = headers.get("Host", "localhost")
    body = getattr(_raw_bodies, "body", None) or b""
    try:
        request = IAMRequest(
            account_id=DEFAULT_ACCOUNT_ID, method=environ["REQUEST_METHOD"],
            path=f"http://{host}{path}", data={}, body=body, headers=headers, action=action,
        )
        request.check_signature()
        request.check_action_permitted("*")
    except Exception as failure:  # moto's auth errors carry code and description
        code = getattr(failure, "code", None) or "UnrecognizedClientException"
        if isinstance(code, int):
            code = getattr(failure, "error_type", "AccessDeniedException")
        text = getattr(failure, "description", None) or str(failure)
        message = re.search(r"<Message>(.*?)</Message>", text, re.S)
        return str(code), message.group(1) if message else text
    return None


def rbin_middleware(app):
    """Amazon Recycle Bin (rbin, REST-JSON): CreateRule, ListRules, GetRule,
    DeleteRule, for EC2_IMAGE, EBS_SNAPSHOT and EBS_VOLUME rules.

    moto 5.2.1 has no Recycle Bin.  API reference (Recycle Bin), CreateRule
    (POST /rules, 201): "Creates a Recycle Bin retention rule", with
    RetentionPeriod {RetentionPeriodValue 1-3650, RetentionPeriodUnit DAYS},
    ResourceType, ResourceTags ("Specifies the resource tags to use to
    identify resources that are to be retained by a tag-level retention
    rule ... Omit this parameter to create a Region-level retention rule"),
    ExcludeResourceTags ("only for Region-level retention rules"),
    Description, Tags; it answers the rule with Identifier, RuleArn and
    Status (pending | available).  ListRules (POST /list-rules):
    ResourceType required, ResourceTags to narrow, answers Rules of
    Identifier, Description, RetentionPeriod, LockState, RuleArn.  GetRule
    (GET /rules/{identifier}); DeleteRule (DELETE /rules/{identifier}).
    Errors: ValidationException (400), ResourceNotFoundException (404),
    with x-amzn-ErrorType.  Requests are signed (service rbin) and checked
    by moto's own SigV4 check when --enforce-auth is on.  Rules are
    `available` at once and never locked here.
    """
    import random as _random
    import string

    from moto.core import DEFAULT_ACCOUNT_ID

    def scope_service(environ) -> str | None:
        auth = environ.get("HTTP_AUTHORIZATION", "")
        match = re.search(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request", auth)
        return (match.group(2), match.group(1)) if match else None

    def reply(start_response, status, payload, error_type=None):
        data = json.dumps(payload).encode("utf-8")
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(data))),
                   ("x-amzn-RequestId", str(uuid.uuid4()))]
        if error_type:
            headers.append(("x-amzn-ErrorType", error_type))
        start_response(status, headers)
        return [data]

    def error(start_response, status, code, message):
        return reply(start_response, status, {"Message": message, "message": message}, code)

    check_auth = check_signed_request

    def rule_view(rule: dict, full: bool) -> dict:
        keys = ("Identifier", "Description", "RetentionPeriod", "RuleArn")
        if full:
            keys += ("ResourceType", "ResourceTags", "ExcludeResourceTags", "Status", "Tags")
        return {k: rule[k] for k in keys if rule.get(k) not in (None, [], "")}

    def validate_tags(tags, name):
        for tag in tags or []:
            if not isinstance(tag, dict) or not tag.get("ResourceTagKey"):
                raise ValueError(f"{name}: each entry needs a ResourceTagKey")

    def wrapped(environ, start_response):
        scope = scope_service(environ)
        if scope is None or scope[0] != "rbin":
            return app(environ, start_response)
        region = scope[1]
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "/")
        body = getattr(_raw_bodies, "body", None) or b""
        if method == "POST" and path == "/rules":
            action = "CreateRule"
        elif method == "POST" and path == "/list-rules":
            action = "ListRules"
        elif method == "GET" and path.startswith("/rules/"):
            action = "GetRule"
        elif method == "DELETE" and path.startswith("/rules/"):
            action = "DeleteRule"
        else:
            return error(start_response, "404 Not Found", "UnknownOperationException", f"{method} {path}")
        failure = check_auth(environ, action, region)
        if failure is not None:
            return error(start_response, "403 Forbidden", failure[0], failure[1])
        try:
            params = json.loads(body.decode("utf-8")) if body else {}
        except ValueError:
            return error(start_response, "400 Bad Request", "ValidationException", "The body is not JSON.")
        rules = RBIN_RULES.setdefault((DEFAULT_ACCOUNT_ID, region), {})
        try:
            if action == "CreateRule":
                period = params.get("RetentionPeriod") or {}
                value = period.get("RetentionPeriodValue")
                if not isinstance(value, int) or not 1 <= value <= 3650 or period.get("RetentionPeriodUnit") != "DAYS":
                    raise ValueError("RetentionPeriod must be 1 to 3650 DAYS")
                if params.get("ResourceType") not in ("EBS_SNAPSHOT", "EC2_IMAGE", "EBS_VOLUME"):
                    raise ValueError("ResourceType must be EBS_SNAPSHOT, EC2_IMAGE or EBS_VOLUME")
                validate_tags(params.get("ResourceTags"), "ResourceTags")
                validate_tags(params.get("ExcludeResourceTags"), "ExcludeResourceTags")
                if params.get("ResourceTags") and params.get("ExcludeResourceTags"):
                    raise ValueError("ExcludeResourceTags is only for Region-level retention rules")
                identifier = "".join(_random.choices(string.ascii_letters + string.digits, k=11))
                rule = {
                    "Identifier": identifier,
                    "Description": params.get("Description"),
                    "RetentionPeriod": {"RetentionPeriodValue": value, "RetentionPeriodUnit": "DAYS"},
                    "ResourceType": params["ResourceType"],
                    "ResourceTags": params.get("ResourceTags") or [],
                    "ExcludeResourceTags": params.get("ExcludeResourceTags") or [],
                    "Tags": params.get("Tags") or [],
                    "Status": "available",
                    "RuleArn": f"arn:{_partition_of(region)}:rbin:{region}:{DEFAULT_ACCOUNT_ID}:rule/{identifier}",
                }
                rules[identifier] = rule
                return reply(start_response, "201 Created", rule_view(rule, True))
            if action == "ListRules":
                if params.get("ResourceType") not in ("EBS_SNAPSHOT", "EC2_IMAGE", "EBS_VOLUME"):
                    raise ValueError("ResourceType is required")
                wanted = params.get("ResourceTags") or []
                found = [
                    rule for _, rule in sorted(rules.items())
                    if rule["ResourceType"] == params["ResourceType"]
                    and all(tag in rule["ResourceTags"] for tag in wanted)
                ]
                size = int(params.get("MaxResults") or 1000)
                start = int(params.get("NextToken") or 0)
                result = {"Rules": [rule_view(rule, False) for rule in found[start:start + size]]}
                if start + size < len(found):
                    result["NextToken"] = str(start + size)
                return reply(start_response, "200 OK", result)
            identifier = path[len("/rules/"):]
            rule = rules.get(identifier)
            if rule is None:
                return error(start_response, "404 Not Found", "ResourceNotFoundException",
                             f"Rule {identifier} was not found.")
            if action == "DeleteRule":
                del rules[identifier]
                return reply(start_response, "204 No Content", {})
            return reply(start_response, "200 OK", rule_view(rule, True))
        except (ValueError, TypeError) as problem:
            return error(start_response, "400 Bad Request", "ValidationException", str(problem))

    return wrapped


def apply_patches(seed_marketplace: bool) -> None:
    """Apply every patch.  Order matters where two patches wrap the same
    method: the idempotency wrappers go last (outermost), so a retried
    request is answered before any check that the first one changed the
    outcome of (e.g. InvalidAMIName.Duplicate for the copy it created)."""
    patch_image_deprecation()
    patch_deregistration_protection()
    patch_last_launched_time()
    patch_create_image_snapshot_tags()
    patch_register_image_block_devices()
    patch_register_image_attributes()
    patch_instance_root_volume()
    patch_create_image_block_devices()
    patch_duplicate_image_names()
    patch_copy_image_tags()
    patch_deregister_delete_snapshots()
    patch_describe_images_pagination()
    patch_copy_image_idempotency()
    patch_run_instances_idempotency()
    patch_image_block_public_access()
    patch_delete_snapshot_in_use()
    patch_modify_image_description()
    patch_describe_regions()
    patch_image_ena_support()
    patch_marketplace_subscriptions()
    import moto_vmimport  # VM Import/Export, AMIs stored in S3 (tests/moto_vmimport.py)

    moto_vmimport.apply()
    patch_image_cleanup()
    if seed_marketplace:
        patch_marketplace_images()
    # Quick Start, launch templates, roll-outs (issue 16): tests/moto_fleet.py
    import moto_fleet

    moto_fleet.apply()


# --------------------------------------------------------------------------
# Regions as an account sees them
# --------------------------------------------------------------------------

# moto 5.2.1 reports these not-opted-in (all of botocore's commercial regions
# but its own list of 20); the launcher's options and /amigo-test/regions add
# to them.  Both sets are read per request.
MOTO_NOT_OPTED_IN = set()
NOT_OPTED_IN_REGIONS = set()
DENIED_REGIONS = set()


def _partition_of(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("eusc-"):
        return "aws-eusc"
    if region.startswith("us-isob-"):
        return "aws-iso-b"
    if region.startswith("us-iso-"):
        return "aws-iso"
    return "aws"


def patch_describe_regions() -> None:
    """DescribeRegions as the EC2 API reference describes it.

    moto 5.2.1 ignores AllRegions and always lists every region of every
    partition.  EC2: AllRegions "Indicates whether to display all Regions,
    including Regions that are disabled for your account"; without it only
    the enabled ones are listed; RegionName.N "You can specify any Regions,
    whether they are enabled and disabled for your account"; and an account
    sees the Regions of its own partition only ("You can't describe or access
    the Regions of one type of account from another", AWS Regions and
    Availability Zones).  OptInStatus is "opt-in-not-required", "opted-in" or
    "not-opted-in": the regions named by --not-opted-in-region (and moto's
    own not-opted-in ones) are not-opted-in; an opt-in region taken out of
    that set is opted-in.
    """
    from moto.core.responses import ActionResult
    from moto.ec2.models.availability_zones_and_regions import Region, RegionsAndZonesBackend
    from moto.ec2.responses.availability_zones_and_regions import AvailabilityZonesAndRegions

    MOTO_NOT_OPTED_IN.update(r.name for r in RegionsAndZonesBackend.regions if r.opt_in_status == "not-opted-in")
    NOT_OPTED_IN_REGIONS.update(MOTO_NOT_OPTED_IN)

    def make(original):
        def describe_regions(self):
            self.error_on_dryrun()
            names = self._get_param("RegionNames", [])
            all_regions = str(self._get_param("AllRegions", "false")).lower() == "true"
            partition = _partition_of(self.region)
            listed = []
            for region in self.ec2_backend.describe_regions(names):
                if _partition_of(region.name) != partition:
                    continue
                if region.name in NOT_OPTED_IN_REGIONS:
                    status = "not-opted-in"
                elif region.name in MOTO_NOT_OPTED_IN or region.opt_in_status == "opted-in":
                    status = "opted-in"
                else:
                    status = "opt-in-not-required"
                if status == "not-opted-in" and not all_regions and not names:
                    continue
                listed.append(Region(region.name, region.endpoint, status))
            return ActionResult({"Regions": listed})

        return describe_regions

    _wrap(AvailabilityZonesAndRegions, "describe_regions", make)


_SCOPE_RE = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request")


def region_access_middleware(app):
    """Requests to a region the account has not enabled, or that a policy
    denies, answered as EC2 answers them.

    A region not enabled: "When you enable a Region, AWS performs actions to
    prepare your account in that Region, such as distributing your IAM
    resources to the Region ... You cannot use the Region until this process
    is complete" (EnableRegion, AWS Account Management API Reference), so
    the keys are unknown there and EC2 answers HTTP 401 AuthFailure, "AWS
    was not able to validate the provided access credentials" (EC2 API
    reference, common client errors: "The provided credentials could not be
    validated").  A denied region: UnauthorizedOperation, HTTP 403, "You are
    not authorized to perform this operation" (common client errors), as a
    service control policy's region deny answers.  The region is the
    signature's credential scope, as moto routes it; STS and IAM are global
    and are not refused.
    """
    from xml.sax.saxutils import escape

    def refuse(start_response, status, code, message):
        data = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<Response><Errors><Error><Code>{code}</Code><Message>{escape(message)}</Message>"
            f"</Error></Errors><RequestID>{uuid.uuid4()}</RequestID></Response>"
        ).encode("utf-8")
        start_response(status, [("Content-Type", "text/xml"), ("Content-Length", str(len(data)))])
        return [data]

    def wrapped(environ, start_response):
        match = _SCOPE_RE.search(environ.get("HTTP_AUTHORIZATION", ""))
        if match is not None and match.group(2) == "ec2":
            region = match.group(1)
            if region in NOT_OPTED_IN_REGIONS:
                return refuse(start_response, "401 Unauthorized", "AuthFailure",
                              "AWS was not able to validate the provided access credentials")
            if region in DENIED_REGIONS:
                from urllib.parse import parse_qs

                length = int(environ.get("CONTENT_LENGTH") or 0)
                body = environ["wsgi.input"].read(length) if length > 0 else b""
                environ["wsgi.input"] = io.BytesIO(body)
                action = parse_qs(body.decode("utf-8", "replace")).get("Action", ["*"])[0]
                return refuse(start_response, "403 Forbidden", "UnauthorizedOperation",
                              "You are not authorized to perform this operation. User: "
                              "arn:aws:iam::123456789012:user/amigo-test is not authorized to perform: "
                              f"ec2:{action} with an explicit deny in a service control policy")
        return app(environ, start_response)

    return wrapped


# --------------------------------------------------------------------------
# Authentication
# --------------------------------------------------------------------------


def _provision_test_user(access_key_id=None, secret_access_key=None):
    """Create the IAM user amigo-test with an allow-all inline policy and an
    access key, with moto's own IAM backend objects (no HTTP).  Given a key
    pair, the new key takes it (used to restore the user after a reset)."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.iam.models import iam_backends

    iam = iam_backends[DEFAULT_ACCOUNT_ID]["aws"]
    iam.create_user(region_name="us-east-1", user_name=TEST_USER_NAME)
    iam.put_user_policy(TEST_USER_NAME, TEST_POLICY_NAME, ALLOW_ALL_POLICY)
    for role_name, trust_policy, description in (
            (TEST_ROLE_NAME, ASSUME_ROLE_POLICY,
             "Amigo's tests: STS sessions that expire"),
            (TEST_MFA_ROLE_NAME, ASSUME_ROLE_MFA_POLICY,
             "Amigo's tests: a role that asks for MFA"),
            (TEST_EXTERNAL_ID_ROLE_NAME, ASSUME_ROLE_EXTERNAL_ID_POLICY,
             "Amigo's tests: a role that asks for an external id")):
        iam.create_role(
            role_name=role_name,
            assume_role_policy_document=trust_policy,
            path="/",
            permissions_boundary=None,
            description=description,
            tags=[],
            max_session_duration="3600",
        )
        iam.put_role_policy(role_name, TEST_POLICY_NAME, ALLOW_ALL_POLICY)
    key = iam.create_access_key(TEST_USER_NAME)
    if access_key_id is not None:
        iam.access_keys.pop(key.physical_resource_id, None)
        key.access_key_id = access_key_id
        key.secret_access_key = secret_access_key
        iam.access_keys[key.physical_resource_id] = key
    return key.access_key_id, key.secret_access_key


def patch_auth_errors() -> None:
    """Refuse unsigned requests, and answer JSON-protocol services in JSON.

    With authentication on, moto 5.2.1 answers a request without an
    Authorization header with an HTML 500 page (a KeyError), and answers
    every service's auth failures in the query protocol's XML.  AWS answers
    a missing signature with MissingAuthenticationToken ("The request must
    contain either a valid (registered) AWS access key ID or X.509
    certificate", EC2 common client errors), and JSON-protocol services such
    as SSM answer {"__type": ..., "message": ...} with HTTP 400:
    InvalidSignatureException, UnrecognizedClientException,
    AccessDeniedException, MissingAuthenticationTokenException.  EC2's auth
    errors (AuthFailure, HTTP 401) come in EC2's own error document,
    <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>.
    Note that moto routes a request by its signature's credential scope: an
    unsigned request can't be told apart and is answered as S3 would.
    """
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin
    from moto.core.exceptions import JsonRESTError, _RESTError

    json_types = {
        "SignatureDoesNotMatch": "InvalidSignatureException",
        "InvalidClientTokenId": "UnrecognizedClientException",
        "AuthFailure": "UnrecognizedClientException",
        "AccessDenied": "AccessDeniedException",
        "MissingAuthenticationToken": "MissingAuthenticationTokenException",
    }

    def missing_token_error(service: str) -> _RESTError:
        if service == "ec2":
            error = _RESTError(
                "MissingAuthenticationToken",
                "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.",
            )
            error.code = 401
        else:
            error = _RESTError("MissingAuthenticationToken", "Request is missing Authentication Token")
            error.code = 403
        return error

    def ec2_error_document(code: str, message: str) -> str:
        """EC2's own error document (moto writes the query protocol's)."""
        from xml.sax.saxutils import escape

        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<Response><Errors><Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message>"
            f"</Error></Errors><RequestID>{uuid.uuid4()}</RequestID></Response>"
        )

    def make_authenticate(original):
        def _authenticate_and_authorize_action(self, iam_request_cls, resource="*"):
            enforced = ActionAuthenticatorMixin.request_count >= settings.INITIAL_NO_AUTH_ACTION_COUNT
            uses_json = bool(self.headers.get("X-Amz-Target"))
            action = (self.querystring.get("Action") or [None])[0]
            if self.service_name == "sts" and action == "AssumeRoleWithWebIdentity":
                # Unsigned by design; the token is checked instead.
                return None
            try:
                if enforced and "Authorization" not in self.headers and "X-Amz-Signature" not in self.querystring:
                    raise missing_token_error(self.service_name)
                return original(self, iam_request_cls, resource)
            except _RESTError as error:
                if isinstance(error, JsonRESTError):
                    raise
                if uses_json:
                    converted = JsonRESTError(json_types.get(error.error_type, error.error_type), error.message)
                    converted.code = 400
                    self.response_headers["Content-Type"] = "application/x-amz-json-1.1"
                    raise converted from None
                if self.service_name == "ec2":
                    error.description = ec2_error_document(error.error_type, error.message)
                self.response_headers["Content-Type"] = "text/xml"
                raise

        return _authenticate_and_authorize_action

    _wrap(ActionAuthenticatorMixin, "_authenticate_and_authorize_action", make_authenticate)


def patch_sts_session_expiry() -> None:
    """Refuse STS session credentials once they have expired.

    moto gives AssumeRole credentials an Expiration but accepts them for
    ever.  AWS refuses a request signed with expired temporary credentials:
    "ExpiredTokenException: The security token included in the request has
    expired. Request a new security token and try again. HTTP Status Code:
    403" (EC2 API Reference, Common Error Types); the SDKs and STS spell the
    code ExpiredToken, "The security token included in the request is
    expired" (AWS re:Post, "ec2-expired-token": "Status Code: 403; Error
    Code: ExpiredToken").  With --sts-session-seconds N a session lasts at
    most N seconds (AssumeRole's DurationSeconds is the longest it lasts:
    "The value specified can range from 900 seconds (15 minutes) up to the
    maximum session duration set for the role"), so tests see expiry soon.
    POST /amigo-test/expire-sessions ends every session issued so far.
    """
    from moto.core.exceptions import _RESTError
    from moto.iam import access_control
    from moto.sts.models import STSBackend, sts_backends

    class ExpiredTokenError(_RESTError):
        code = 403

        def __init__(self):
            super().__init__("ExpiredToken", "The security token included in the request is expired")

    def find_session(access_key_id):
        for account_backends in list(sts_backends.values()):
            for backend in list(account_backends.values()):
                for role in backend.assumed_roles:
                    if role.access_key_id == access_key_id:
                        return role
        return None

    def make_assume_role(original):
        def assume_role(self, *args, **kwargs):
            role = original(self, *args, **kwargs)
            if STS_SESSION_SECONDS is not None:
                cap = _utcnow_naive(role.expiration) + timedelta(seconds=STS_SESSION_SECONDS)
                role.expiration = min(role.expiration, cap)
            return role

        return assume_role

    def make_create_access_key(original):
        def create_access_key(account_id, partition, access_key_id, headers):
            key = original(account_id=account_id, partition=partition, access_key_id=access_key_id, headers=headers)
            if isinstance(key, access_control.AssumedRoleAccessKey):
                role = find_session(access_key_id)
                if role is not None and _utcnow_naive(role.expiration) >= role.expiration:
                    raise access_control.CreateAccessKeyFailure(reason="ExpiredToken")
            return key

        return create_access_key

    def make_raise_invalid(original):
        def _raise_invalid_access_key(self, reason):
            if reason == "ExpiredToken":
                raise ExpiredTokenError()
            return original(self, reason)

        return _raise_invalid_access_key

    _wrap(STSBackend, "assume_role", make_assume_role)
    access_control.create_access_key = make_create_access_key(access_control.create_access_key)
    _wrap(access_control.IAMRequest, "_raise_invalid_access_key", make_raise_invalid)


def patch_sts_mfa_and_web_identity() -> None:
    """Check a role's trust policy for MFA, and the web identity token.

    moto assumes any role for anyone.  AWS evaluates the role's trust
    policy: with "Condition": {"Bool": {"aws:MultiFactorAuthPresent":
    "true"}}, "the AssumeRole call must include the SerialNumber and
    TokenCode parameters; otherwise the call fails with an AccessDenied
    error" ("Configuring MFA-protected API access", IAM User Guide;
    AssumeRole: "If the trust policy of the role being assumed includes a
    condition that requires MFA authentication, you must provide the MFA
    device's serial number and the token code").  The stand-in is lenient
    on the code itself: any 6 digits (TokenCode: "The format for this
    parameter, as described by its regex pattern, is a sequence of six
    numeric digits") pass for any SerialNumber, as moto knows no MFA device
    secrets.

    A trust policy with "Condition": {"StringEquals": {"sts:ExternalId":
    ID}} is checked too: AssumeRole, ExternalId: "the administrator of the
    trusting account might send an external ID to the administrator of the
    trusted account. That way, only someone with the ID can assume the role,
    rather than everyone in the account" (STS API Reference).  Without that
    ExternalId the call is refused as any trust policy refusal is,
    AccessDenied (HTTP 403).

    AssumeRoleWithWebIdentity "does not require the use of AWS security
    credentials" (STS API Reference): it is sent unsigned and let through
    the signature check (patch_auth_errors); the token must be
    TEST_WEB_IDENTITY_TOKEN, else InvalidIdentityToken ("The web identity
    token that was passed could not be validated by Amazon Web Services",
    HTTP 400).
    """
    import re

    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.core.exceptions import _RESTError
    from moto.iam.models import iam_backends
    from moto.sts.responses import TokenResponse

    class StsError(_RESTError):
        def __init__(self, code, message, status):
            super().__init__(code, message)
            self.code = status

    def requires_mfa(role_arn: str) -> bool:
        try:
            role = iam_backends[DEFAULT_ACCOUNT_ID]["aws"].get_role_by_arn(role_arn)
        except Exception:
            return False
        policy = json.loads(role.assume_role_policy_document or "{}")
        for statement in policy.get("Statement", []):
            present = statement.get("Condition", {}).get("Bool", {}).get("aws:MultiFactorAuthPresent")
            if str(present).lower() == "true":
                return True
        return False

    def required_external_ids(role_arn: str) -> list:
        try:
            role = iam_backends[DEFAULT_ACCOUNT_ID]["aws"].get_role_by_arn(role_arn)
        except Exception:
            return []
        policy = json.loads(role.assume_role_policy_document or "{}")
        wanted = []
        for statement in policy.get("Statement", []):
            value = statement.get("Condition", {}).get("StringEquals", {}).get("sts:ExternalId")
            if value is not None:
                wanted.extend(value if isinstance(value, list) else [value])
        return wanted

    def make_assume_role(original):
        def assume_role(self):
            role_arn = self._get_param("RoleArn")
            serial = self._get_param("SerialNumber")
            code = self._get_param("TokenCode")
            external_ids = required_external_ids(role_arn)
            if external_ids and self._get_param("ExternalId") not in external_ids:
                raise StsError(
                    "AccessDenied",
                    f"User is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
                    403,
                )
            if requires_mfa(role_arn) and not (serial and code and re.fullmatch(r"[0-9]{6}", code)):
                raise StsError(
                    "AccessDenied",
                    f"User is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
                    403,
                )
            return original(self)

        return assume_role

    def make_web_identity(original):
        def assume_role_with_web_identity(self):
            if self._get_param("WebIdentityToken") != TEST_WEB_IDENTITY_TOKEN:
                raise StsError(
                    "InvalidIdentityToken",
                    "The web identity token that was passed could not be validated by Amazon Web Services.",
                    400,
                )
            return original(self)

        return assume_role_with_web_identity

    _wrap(TokenResponse, "assume_role", make_assume_role)
    _wrap(TokenResponse, "assume_role_with_web_identity", make_web_identity)


def _utcnow_naive(like: datetime) -> datetime:
    """Now, naive or aware as @like is (moto keeps naive UTC times)."""
    now = _utcnow()
    return now.replace(tzinfo=None) if like.tzinfo is None else now


def expire_sts_sessions() -> int:
    """Every STS session issued so far expires now."""
    from moto.sts.models import sts_backends

    count = 0
    for account_backends in list(sts_backends.values()):
        for backend in list(account_backends.values()):
            for role in backend.assumed_roles:
                role.expiration = _utcnow_naive(role.expiration) - timedelta(seconds=1)
                count += 1
    return count


def enforce_auth() -> tuple[str, str]:
    """Turn on moto's IAM authentication for every request, EC2, STS and SSM
    alike, and return the test user's key pair.

    moto checks signatures and IAM policies once more requests than
    settings.INITIAL_NO_AUTH_ACTION_COUNT (the environment variable of the
    same name, read when moto is imported; infinite by default) have been
    served.  The test user is created in process before the server listens,
    so no request ever needs to go unauthenticated: the count is set to 0.
    POST /moto-api/reset wipes IAM too; the user is then recreated with the
    same key so the harness's credentials stay valid.
    """
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin
    from moto.moto_api._internal.models import MotoAPIBackend

    access_key_id, secret_access_key = _provision_test_user()

    def make_reset(original):
        def reset(self):
            original(self)
            _provision_test_user(access_key_id, secret_access_key)

        return reset

    _wrap(MotoAPIBackend, "reset", make_reset)
    patch_auth_errors()
    patch_signature_over_raw_body()
    patch_sts_session_expiry()
    patch_sts_mfa_and_web_identity()
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    ActionAuthenticatorMixin.request_count = 0
    return access_key_id, secret_access_key


_raw_bodies = threading.local()


def raw_body_middleware(app):
    """Keeps each request's body exactly as it arrived, for the signature check.

    Behind werkzeug, moto reads a form body through request.form, and its
    SigV4 check then re-encodes the parsed form with urlencode (spaces as
    `+`). AWS hashes the payload bytes as sent (the signature covers the
    SHA-256 of the body: "Task 1: Create a canonical request" of the SigV4
    guide), so a client that encodes a space as `%20` — as RFC 3986 and the
    EC2 query protocol tests do — would be refused by moto alone."""

    def wrapped(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        _raw_bodies.body = body
        try:
            return app(environ, start_response)
        finally:
            _raw_bodies.body = None

    return wrapped


def model_check_middleware(app):
    """Refuses an EC2 request that botocore's EC2 model would not allow.

    Every EC2 query request (Version=2016-11-15) is checked against the
    input shape of its operation in botocore's service model
    (tests/moto_model_check.py): member names as the ec2 protocol flattens
    them, types, required members, enum values, min/max.  A mismatch is
    answered, before moto or the signature check sees the request, with
    HTTP 400 and EC2's error document, code AmigoModelMismatch, naming the
    parameter: the client sent what no AWS SDK would, and the test that
    sent it fails.  With AMIGO_MOTO_MISMATCH_LOG=FILE each mismatch is also
    appended to FILE (to check a whole test run at once).  Runs after
    raw_body_middleware, which keeps the body.
    """
    import moto_model_check

    def wrapped(environ, start_response):
        body = getattr(_raw_bodies, "body", None) or b""
        action, problems = moto_model_check.check_request(moto_model_check.request_params(environ, body))
        if not problems:
            return app(environ, start_response)
        from xml.sax.saxutils import escape

        message = f"{action}: " + "; ".join(problems)
        print(f"moto-launcher: {moto_model_check.MISMATCH_CODE}: {message}", file=sys.stderr, flush=True)
        if os.environ.get("AMIGO_MOTO_MISMATCH_LOG"):
            with open(os.environ["AMIGO_MOTO_MISMATCH_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{message}\n")
        data = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<Response><Errors><Error><Code>{moto_model_check.MISMATCH_CODE}</Code>"
            f"<Message>{escape(message)}</Message></Error></Errors>"
            f"<RequestID>{uuid.uuid4()}</RequestID></Response>"
        ).encode("utf-8")
        start_response("400 Bad Request", [("Content-Type", "text/xml"), ("Content-Length", str(len(data)))])
        return [data]

    return wrapped


def patch_signature_over_raw_body() -> None:
    """Make moto's SigV4 check hash the raw body (see raw_body_middleware)."""
    from moto.iam.access_control import IAMRequestBase

    def make(original):
        def _create_aws_request(self):
            request = original(self)
            body = getattr(_raw_bodies, "body", None)
            if body:
                request.data = body
            return request

        return _create_aws_request

    _wrap(IAMRequestBase, "_create_aws_request", make)


# --------------------------------------------------------------------------
# S3 (issue 15): what moto's S3 answers differently from S3
# --------------------------------------------------------------------------


def _is_s3_request(environ) -> bool:
    """A request signed for S3 (its SigV4 credential scope names s3)."""
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    return "/s3/aws4_request" in authorization


_s3_raw = threading.local()


def patch_s3_signature_over_raw_query() -> None:
    """Check S3 signatures over the query string as it was sent.

    moto rebuilds the URL it checks from werkzeug's parsed request, where a
    `%2F` in a query value (ListMultipartUploads' `prefix=vm%2Fdisk.raw`)
    comes back as `/`; botocore then canonicalises the query as given, so
    moto computes a signature over `prefix=vm/disk.raw` and refuses every
    correctly signed request (botocore's own included). The S3 API
    reference, "Signature Calculations for the Authorization Header"
    (UriEncode): "URI encode every byte ... encode the forward slash
    character, '/', everywhere except in the object key name" — the
    canonical query carries `%2F`, computed from the query as sent."""
    from moto.iam.access_control import S3IAMRequest

    def make(original):
        def _create_aws_request(self):
            request = original(self)
            query = getattr(_s3_raw, "query", None)
            if query is not None:
                base = request.url.split("?", 1)[0]
                request.url = base + ("?" + query if query else "")
            return request

        return _create_aws_request

    _wrap(S3IAMRequest, "_create_aws_request", make)


def s3_check_body(environ):
    """S3 checks a body against the hashes its request carries; moto does not.

    The S3 API reference, "Common Request Headers", x-amz-content-sha256:
    "...provides a hash of the request payload... If the value does not
    match, S3 rejects the request" (error XAmzContentSHA256Mismatch, 400:
    "The provided 'x-amz-content-sha256' header does not match what was
    computed"); and "Checking object integrity": "If the checksum that you
    specified doesn't match what Amazon S3 calculates, Amazon S3 returns an
    error" (BadDigest, 400). Without this a body cut short or replaced on
    the way would be stored by moto as if whole. Returns (status, code,
    message) to refuse the request with, or None."""
    body = getattr(_raw_bodies, "body", None) or b""
    declared = environ.get("HTTP_X_AMZ_CONTENT_SHA256", "")
    if len(declared) == 64 and declared != hashlib.sha256(body).hexdigest():
        return ("400 Bad Request", "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.")
    checksum = environ.get("HTTP_X_AMZ_CHECKSUM_SHA256")
    if checksum and checksum != base64.b64encode(hashlib.sha256(body).digest()).decode():
        return ("400 Bad Request", "BadDigest",
                "The SHA256 you specified did not match the calculated checksum.")
    return None


def patch_s3_complete_completed_upload() -> None:
    """A completed (or aborted, or unknown) upload id is NoSuchUpload.

    moto 5.2 answers a CompleteMultipartUpload of an upload it has already
    completed with 200 and the object again ("Operation is idempotent"), and
    one of an upload it never knew with a 500 (a KeyError). The S3 API
    reference, CompleteMultipartUpload, "Special errors": "Error Code:
    NoSuchUpload — Description: The specified multipart upload does not
    exist. The upload ID might be invalid, or the multipart upload might
    have been aborted or completed. HTTP Status Code: 404 Not Found". A
    client whose Complete answer was lost learns that way that it must look
    at the object (HeadObject) to know which happened."""
    from moto.s3.exceptions import NoSuchUpload
    from moto.s3.responses import S3Response

    def make(original):
        def _key_response_post(self, request, body, bucket_name, query, key_name):
            upload_ids = query.get("uploadId") if hasattr(query, "get") else None
            if not upload_ids:
                return original(self, request, body, bucket_name, query, key_name)
            authorize = self._authenticate_and_authorize_s3_action

            # Looked at once the request is authorised, as S3 does.
            def authorize_then_check(*args, **kwargs):
                result = authorize(*args, **kwargs)
                if upload_ids[0] not in self.backend.get_bucket(bucket_name).multiparts:
                    raise NoSuchUpload(upload_id=upload_ids[0])
                return result

            self._authenticate_and_authorize_s3_action = authorize_then_check
            try:
                return original(self, request, body, bucket_name, query, key_name)
            finally:
                del self._authenticate_and_authorize_s3_action

        return _key_response_post

    _wrap(S3Response, "_key_response_post", make)


def patch_s3_list_buckets_region() -> None:
    """ListBuckets names each bucket's region when asked with a parameter.

    moto 5.2 filters by `bucket-region` but never says where a bucket is.
    The S3 API reference, ListBuckets, Bucket.BucketRegion: "BucketRegion
    indicates the Amazon Web Services region where the bucket is located.
    If the request contains at least one valid parameter, it is included in
    the response." Each <Bucket> of such an answer gets its <BucketRegion>
    (moto's region of the bucket)."""
    from moto.s3.responses import S3Response

    def make(original):
        def all_buckets(self):
            answer = original(self)
            asked = any(self._get_param(name) for name in
                        ("prefix", "bucket-region", "max-buckets", "continuation-token"))
            if not asked or not isinstance(answer, tuple) or len(answer) != 3:
                return answer
            status, headers, body = answer
            text = body.decode() if isinstance(body, bytes) else body

            def add_region(match):
                bucket = self.backend.buckets.get(match.group(2))
                if bucket is None:
                    return match.group(0)
                return "%s<BucketRegion>%s</BucketRegion>" % (match.group(0), bucket.region_name)

            text = re.sub(r"<Bucket>(\s*)<Name>([^<]*)</Name>\s*<CreationDate>[^<]*</CreationDate>",
                          add_region, text)
            return status, headers, text.encode() if isinstance(body, bytes) else text

        return all_buckets

    _wrap(S3Response, "all_buckets", make)


def patch_s3_list_buckets_paging() -> None:
    """ListBuckets pages: `max-buckets` and `continuation-token`.

    S3 API reference, ListBuckets: MaxBuckets, "Maximum number of buckets
    to be returned in response. When the number is more than the count of
    buckets that are owned by an Amazon Web Services account, return all
    the buckets in response."; the response's ContinuationToken "is
    included in the response when there are more buckets that can be
    listed with pagination. The next ListBuckets request to Amazon S3 can
    be continued with this ContinuationToken. ContinuationToken is
    obfuscated and is not a real bucket."  moto 5.2.1 cuts the list at
    `max-buckets` (in no stated order) and gives no token, so the buckets
    past the first page could never be listed.  Here the list (after
    `prefix` and `bucket-region`) is in name order, a page ends after
    `max-buckets`, and when more remain the answer carries a token (the
    last name, base64-encoded) from which the next request goes on.
    """
    from moto.core.responses import ActionResult
    from moto.s3.responses import S3Response

    def make(original):
        def all_buckets(self):
            max_buckets = self._get_param("max-buckets")
            token = self._get_param("continuation-token")
            if not max_buckets and not token:
                return original(self)
            self.data["Action"] = "ListAllMyBuckets"
            self._authenticate_and_authorize_s3_action()
            prefix = self._get_param("prefix")
            buckets = sorted(self.backend.list_buckets(prefix=prefix,
                                                       bucket_region=self._get_param("bucket-region"),
                                                       max_buckets=None),
                             key=lambda bucket: bucket.name)
            if token:
                after = base64.urlsafe_b64decode(token.encode()).decode()
                buckets = [bucket for bucket in buckets if bucket.name > after]
            page = buckets[: int(max_buckets)] if max_buckets else buckets
            result = {
                "Owner": {"ID": "bcaf1ffd86f41161ca5fb16fd081034f", "DisplayName": "webfile"},
                "Buckets": [{"Name": b.name, "CreationDate": b.creation_date_ISO8601} for b in page],
            }
            if len(page) < len(buckets):
                result["ContinuationToken"] = base64.urlsafe_b64encode(page[-1].name.encode()).decode()
            if prefix:
                result["Prefix"] = prefix
            self.data["Action"] = "ListBuckets"
            return self.serialized(ActionResult(result))

        return all_buckets

    _wrap(S3Response, "all_buckets", make)


def s3_content_type_middleware(app):
    """S3's answers are XML documents (`application/xml`) or empty.

    moto's werkzeug responses carry werkzeug's default `Content-Type:
    text/html; charset=utf-8`, also on S3's XML answers and empty ones
    (CreateBucket, UploadPart, HeadObject...). The S3 API reference's
    response syntax for these operations shows XML bodies or none, and S3
    serves XML as `application/xml`; a `text/html` answer is what a captive
    portal sends, which the client rightly refuses. For S3 requests, a
    `text/html` type becomes `application/xml` when there is a body, and is
    dropped when there is none. Other services' answers are left alone.
    """

    patch_s3_signature_over_raw_query()
    patch_s3_complete_completed_upload()
    patch_s3_list_buckets_paging()   # wrapped by the region patch: its pages get BucketRegion too
    patch_s3_list_buckets_region()

    def wrapped(environ, start_response):
        if not _is_s3_request(environ):
            return app(environ, start_response)
        _s3_raw.query = environ.get("QUERY_STRING", "")
        refused = s3_check_body(environ)
        if refused is not None:
            status, code, message = refused
            data = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code>'
                    "<Message>%s</Message><RequestId>%s</RequestId></Error>"
                    % (code, message, uuid.uuid4().hex[:16].upper())).encode()
            start_response(status, [("Content-Type", "application/xml"),
                                    ("Content-Length", str(len(data)))])
            return [data]
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = headers
            captured["exc_info"] = exc_info
            return lambda data: None

        try:
            body = b"".join(app(environ, capture))
        finally:
            _s3_raw.query = None
        headers = []
        for name, value in captured["headers"]:
            if name.lower() == "content-type" and value.lower().startswith("text/html"):
                if not body:
                    continue
                value = "application/xml"
            headers.append((name, value))
        start_response(captured["status"], headers, captured["exc_info"])
        return [body]

    return wrapped


# --------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------


# Test-only control of resource states (see test_control_middleware).
TEST_CONTROL_PREFIX = "/amigo-test/"
INSTANCE_STATE_CODES = {
    "pending": 0,
    "running": 16,
    "shutting-down": 32,
    "terminated": 48,
    "stopping": 64,
    "stopped": 80,
}


def test_control_middleware(app):
    """Test-only knobs to put resources in the states AWS goes through.

    moto makes images `available`, snapshots `completed` (100%) and
    instances `running` at once, so the long work Amigo watches (an image
    pending → available, a copy's progress, a launch) cannot be seen.
    These loopback-only POST endpoints, outside any AWS protocol and never
    signed, let a test set the states and later move them on:

      POST /amigo-test/image-state
        {"region", "image_id", "state", "state_reason": {"code", "message"}}
      POST /amigo-test/snapshot-state
        {"region", "snapshot_id", "state", "progress": "45%"}
      POST /amigo-test/instance-state
        {"region", "instance_id", "state", "state_reason": {"code", "message"}}
      POST /amigo-test/regions
        {"not_opted_in": [...], "denied": [...]}: the regions the account has
        not enabled (besides moto's own) and those a policy denies, replacing
        the launcher's --not-opted-in-region and --deny-region
      POST /amigo-test/subscription
        {"product_code", "subscribed": false}: RunInstances of the product's
        AMIs answers OptInRequired until {"subscribed": true}
        (see patch_marketplace_subscriptions)
      POST /amigo-test/expire-sessions
        {}: every STS session issued so far expires now (see
        patch_sts_session_expiry)
      POST /amigo-test/release-name
        {"region", "name"}: a deregistered AMI's name is free again at once
        (see patch_duplicate_image_names), as it is on AWS after a while

    Fields but the ids and the region are optional; `state_reason` null
    removes it.  Answers 200 {"ok": true}, 404 when the resource is unknown,
    400 on a malformed body.  The values are served as DescribeImages,
    DescribeSnapshots and DescribeInstances document them (Image.state and
    stateReason, Snapshot.status and progress, Instance.instanceState).
    """
    from moto.ec2.models import ec2_backends
    from moto.ec2.models.elastic_block_store import Snapshot
    from moto.ec2.models.instances import StateReason

    if not getattr(Snapshot, "_amigo_progress_patched", False):
        moto_progress = Snapshot.progress.fget

        def progress(self):
            return self.__dict__.get("_amigo_progress") or moto_progress(self)

        Snapshot.progress = property(progress)
        Snapshot._amigo_progress_patched = True

    def find(region, collection, resource_id):
        for account_backends in list(ec2_backends.values()):
            if region not in account_backends:
                continue
            found = getattr(account_backends[region], collection).get(resource_id)
            if found is not None:
                return found
        return None

    def set_image_state(body):
        image = find(body["region"], "amis", body["image_id"])
        if image is None:
            return False
        if "state" in body:
            image.state = body["state"]
        if "state_reason" in body:
            reason = body["state_reason"]
            image.state_reason = {"Code": reason.get("code"), "Message": reason.get("message")} if reason else None
        return True

    def set_snapshot_state(body):
        snapshot = find(body["region"], "snapshots", body["snapshot_id"])
        if snapshot is None:
            return False
        if "state" in body:
            snapshot.status = body["state"]
        if "progress" in body:
            snapshot.__dict__["_amigo_progress"] = body["progress"]
        return True

    def set_instance_state(body):
        instance = None
        for account_backends in list(ec2_backends.values()):
            backend = account_backends.get(body["region"]) if body["region"] in account_backends else None
            if backend is None:
                continue
            for reservation in list(backend.reservations.values()):
                for candidate in reservation.instances:
                    if candidate.id == body["instance_id"]:
                        instance = candidate
        if instance is None:
            return False
        if "state" in body:
            instance._state.name = body["state"]
            instance._state.code = INSTANCE_STATE_CODES.get(body["state"], 0)
        if "state_reason" in body:
            reason = body["state_reason"] or {}
            instance.state_reason = StateReason(reason.get("message", ""), reason.get("code", ""))
        return True

    def release_name(body):
        """The time a deregistered AMI's name stays taken has passed."""
        released = False
        for account_backends in list(ec2_backends.values()):
            if body["region"] in account_backends:
                held = account_backends[body["region"]].__dict__.get("_amigo_deregistered_names", {})
                released = held.pop(body["name"], None) is not None or released
        return released

    def set_regions(body):
        """The regions not enabled (besides moto's own) and the denied ones."""
        NOT_OPTED_IN_REGIONS.clear()
        NOT_OPTED_IN_REGIONS.update(MOTO_NOT_OPTED_IN, body.get("not_opted_in", []))
        DENIED_REGIONS.clear()
        DENIED_REGIONS.update(body.get("denied", []))
        return True

    def set_subscription(body):
        """The account subscribes to a Marketplace product, or not yet."""
        code = body["product_code"]
        if body.get("subscribed", True):
            UNSUBSCRIBED_PRODUCT_CODES.discard(code)
        else:
            UNSUBSCRIBED_PRODUCT_CODES.add(code)
        return True

    handlers = {
        "regions": set_regions,
        "subscription": set_subscription,
        "expire-sessions": lambda body: expire_sts_sessions() >= 0,
        "release-name": release_name,
        "image-state": set_image_state,
        "snapshot-state": set_snapshot_state,
        "instance-state": set_instance_state,
    }

    def reply(start_response, status, payload):
        data = json.dumps(payload).encode("utf-8")
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    def wrapped(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(TEST_CONTROL_PREFIX):
            return app(environ, start_response)
        handler = handlers.get(path[len(TEST_CONTROL_PREFIX):])
        if handler is None or environ.get("REQUEST_METHOD") != "POST":
            return reply(start_response, "404 Not Found", {"error": f"no such knob: {path}"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length) or b"{}")
            found = handler(body)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return reply(start_response, "400 Bad Request", {"error": repr(error)})
        if not found:
            return reply(start_response, "404 Not Found", {"error": "no such resource"})
        return reply(start_response, "200 OK", {"ok": True})

    return wrapped


def check_loopback(host: str) -> str:
    """This server answers with fake credentials and no TLS: loopback only."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    print(f"moto-launcher: refusing to listen on {host!r}: only loopback addresses are allowed", file=sys.stderr)
    sys.exit(2)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Local EC2 stand-in for Amigo's tests: moto with AMI behaviour patched in.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port; 0 picks a free one (default)")
    parser.add_argument(
        "--enforce-auth",
        action="store_true",
        help="require SigV4-signed requests from the amigo-test user (key printed in the ready line)",
    )
    parser.add_argument(
        "--seed-marketplace",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="add AWS Marketplace AMIs to every region (default on)",
    )
    parser.add_argument(
        "--no-patches",
        action="store_true",
        help="serve plain moto (no patch, no Marketplace images), to test the client against it",
    )
    parser.add_argument(
        "--page-seed",
        type=int,
        default=PAGE_SEED,
        help=f"seed of the DescribeImages page shapes: empty, short, full (default {PAGE_SEED})",
    )
    parser.add_argument(
        "--no-model-check",
        action="store_true",
        help="do not check EC2 requests against botocore's model (AmigoModelMismatch)",
    )
    parser.add_argument(
        "--not-opted-in-region",
        action="append",
        default=[],
        metavar="REGION",
        help="a region the account has not enabled: not-opted-in, refused with AuthFailure (repeatable)",
    )
    parser.add_argument(
        "--deny-region",
        action="append",
        default=[],
        metavar="REGION",
        help="a region a policy denies: refused with UnauthorizedOperation (repeatable)",
    )
    parser.add_argument(
        "--unsubscribed-product-code",
        action="append",
        default=[],
        metavar="CODE",
        help="an AWS Marketplace product code the account has not subscribed to: "
        "RunInstances of its AMIs answers OptInRequired (repeatable)",
    )
    parser.add_argument(
        "--sts-session-seconds",
        type=int,
        default=None,
        help="STS session credentials (AssumeRole) last at most this many seconds, then are refused "
        "with ExpiredToken (with --enforce-auth)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log each request on stderr")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    host = check_loopback(args.host)
    global PAGE_SEED, STS_SESSION_SECONDS
    PAGE_SEED = args.page_seed
    UNSUBSCRIBED_PRODUCT_CODES.update(args.unsubscribed_product_code)
    STS_SESSION_SECONDS = args.sts_session_seconds

    try:
        import moto
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
        from werkzeug.serving import make_server
    except ImportError as error:
        print(
            f"moto-launcher: cannot import moto's server ({error}); "
            'install it with: pip install "moto[server]"',
            file=sys.stderr,
        )
        return 77

    if not args.no_patches:
        try:
            apply_patches(seed_marketplace=args.seed_marketplace)
        except RuntimeError as error:
            print(f"moto-launcher: moto {moto.__version__} can't be patched: {error}", file=sys.stderr)
            return 1

    credentials = enforce_auth() if args.enforce_auth else None

    app = DomainDispatcherApplication(create_backend_app)
    app.debug = True  # as `python -m moto.server`
    app = test_control_middleware(app)
    if not args.no_patches:
        import moto_vmimport

        app = moto_vmimport.control_middleware(app)
    if not args.no_patches:
        NOT_OPTED_IN_REGIONS.update(args.not_opted_in_region)
        DENIED_REGIONS.update(args.deny_region)
        app = region_access_middleware(app)
    if not args.no_model_check:
        app = model_check_middleware(app)
    app = s3_content_type_middleware(app)
    app = rbin_middleware(app)
    if not args.no_patches:
        import moto_pricing  # the AWS Price List Query API (tests/moto_pricing.py)

        app = moto_pricing.middleware(app, check_signed_request, lambda: getattr(_raw_bodies, "body", None))
    server = make_server(host, args.port, raw_body_middleware(app), threaded=True)
    if args.quiet:
        import logging

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = server.server_port
    os.environ["MOTO_PORT"] = str(port)

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    line = f"{READY_PREFIX} port={port}"
    if credentials is not None:
        line += f" access_key_id={credentials[0]} secret_access_key={credentials[1]}"
    print(line, flush=True)

    try:
        server.serve_forever()
    except SystemExit:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
