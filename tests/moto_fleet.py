"""From the catalog to the fleet: what moto 5.2 lacks for Amigo's Quick
Start, launch templates and image roll-outs (issue 16).

Imported by moto-launcher.py, which calls apply().  Each patch_* function
cites the reference it follows; tests/README-moto.md lists them.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import uuid
from datetime import datetime, timezone

# The public parameters moto does not have (it has Amazon Linux's only), at
# the paths their publishers document, with the images they name owned by
# the publishers' accounts.  (name, owner id, owner alias, image name,
# architecture, platform, free-tier eligible).
CANONICAL = "099720109477"
DEBIAN = "136693071363"
AMAZON_WINDOWS = "801119661308"
SUSE = "013907871322"
AMAZON = "137112412989"

SEEDED_PARAMETERS = [
    ("/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", CANONICAL, None,
     "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261118", "x86_64", None, True),
    ("/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id", CANONICAL, None,
     "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20261118", "arm64", None, False),
    ("/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id", CANONICAL, None,
     "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20261115", "x86_64", None, True),
    ("/aws/service/canonical/ubuntu/server/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id", CANONICAL, None,
     "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-20261115", "arm64", None, False),
    ("/aws/service/debian/release/12/latest/amd64", DEBIAN, None,
     "debian-12-amd64-20261110-1990", "x86_64", None, True),
    ("/aws/service/debian/release/12/latest/arm64", DEBIAN, None,
     "debian-12-arm64-20261110-1990", "arm64", None, False),
    ("/aws/service/debian/release/11/latest/amd64", DEBIAN, None,
     "debian-11-amd64-20261110-1990", "x86_64", None, True),
    ("/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base", AMAZON_WINDOWS, "amazon",
     "Windows_Server-2022-English-Full-Base-2026.11.12", "x86_64", "windows", True),
    ("/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-Base", AMAZON_WINDOWS, "amazon",
     "Windows_Server-2019-English-Full-Base-2026.11.12", "x86_64", "windows", True),
    ("/aws/service/suse/sles/15-sp6/x86_64/latest", SUSE, None,
     "suse-sles-15-sp6-v20261101-hvm-ssd-x86_64", "x86_64", None, False),
    ("/aws/service/suse/sles/15-sp6/arm64/latest", SUSE, None,
     "suse-sles-15-sp6-v20261101-hvm-ssd-arm64", "arm64", None, False),
    ("/aws/service/bottlerocket/aws-k8s-1.31/x86_64/latest/image_id", AMAZON, "amazon",
     "bottlerocket-aws-k8s-1.31-x86_64-v1.27.1-7a27bc4b", "x86_64", None, False),
    ("/aws/service/bottlerocket/aws-k8s-1.31/arm64/latest/image_id", AMAZON, "amazon",
     "bottlerocket-aws-k8s-1.31-aarch64-v1.27.1-7a27bc4b", "arm64", None, False),
    ("/aws/service/ec2-macos/sonoma/arm64_mac/latest/image_id", AMAZON, "amazon",
     "amzn-ec2-macos-14.7.1-20261112-arm64", "arm64_mac", None, False),
]

# Red Hat publishes no public parameter: the console and Red Hat find its
# images by owner and name.  Red Hat Cloud Access Reference Guide, ch. 3
# "Using Red Hat Gold Images": "RHEL-[version]-[virtualization type]-[release
# date]-[architecture type]-[minor version release AMI iteration]-
# [subscription model]-[EBS volume type]", images of Red Hat's account
# 309956199498; Hourly2 the pay-as-you-go (public) ones.  An older minor
# release, a major version without arm64, and a Cloud Access image (Access2,
# which Amigo does not list) besides.  (owner, image name, architecture,
# creation date)
RED_HAT = "309956199498"
SEEDED_OWNER_IMAGES = [
    (RED_HAT, "RHEL-9.6.0_HVM-20261105-x86_64-0-Hourly2-GP3", "x86_64", "2026-11-05T00:00:00.000Z"),
    (RED_HAT, "RHEL-9.6.0_HVM-20261105-arm64-0-Hourly2-GP3", "arm64", "2026-11-05T00:00:00.000Z"),
    (RED_HAT, "RHEL-9.5.0_HVM-20260510-x86_64-12-Hourly2-GP3", "x86_64", "2026-05-10T00:00:00.000Z"),
    (RED_HAT, "RHEL-8.10.0_HVM-20261101-x86_64-3-Hourly2-GP3", "x86_64", "2026-11-01T00:00:00.000Z"),
    (RED_HAT, "RHEL-9.6.0_HVM-20261105-x86_64-0-Access2-GP3", "x86_64", "2026-11-05T00:00:00.000Z"),
]

SEEDED_PREFIXES = sorted({"/".join(name.split("/")[:4]) for name, *_ in SEEDED_PARAMETERS})

# Instance refreshes, per (account, region, group): newest first.
_REFRESH_LOCK = threading.RLock()
_REFRESHES: dict = {}

FINAL_STATES = {"Successful", "Failed", "Cancelled", "RollbackFailed", "RollbackSuccessful"}


def _wrap(owner, name, make_wrapper):
    original = getattr(owner, name)
    wrapper = make_wrapper(original)
    functools.update_wrapper(wrapper, original)
    setattr(owner, name, wrapper)


def _seeded_image_id(region: str, parameter: str) -> str:
    return "ami-0" + hashlib.sha256(f"{region}/{parameter}".encode("utf-8")).hexdigest()[:16]


def patch_public_parameters() -> None:
    """The other systems' public parameters and their images.

    moto 5.2.1 loads the public parameters of Amazon Linux only
    (/aws/service/ami-amazon-linux-latest).  Seeded in every region, under
    the paths the publishers document: Canonical "/aws/service/canonical/
    ubuntu/server/<version>/stable/current/<arch>/hvm/ebs-gp3/ami-id",
    Debian "/aws/service/debian/release/<version>/latest/<arch>", Amazon
    "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base",
    SUSE "/aws/service/suse/sles/<version>/<arch>/latest", Bottlerocket
    "/aws/service/bottlerocket/aws-k8s-<version>/<arch>/latest/image_id",
    EC2 Mac "/aws/service/ec2-macos/<name>/<arch>_mac/latest/image_id".
    Each parameter names an image of the region, public, owned by its
    publisher's account (Canonical 099720109477, Debian 136693071363, the
    Windows AMIs' 801119661308 with alias amazon, SUSE 013907871322), with
    FreeTierEligible as DescribeImages answers it (Image.FreeTierEligible:
    "Indicates whether the image is eligible for Amazon Web Services Free
    Tier").  And Red Hat's images, which no parameter names
    (SEEDED_OWNER_IMAGES), public, of Red Hat's account 309956199498.
    """
    from moto.core.parse import default_timestamp_parser
    from moto.ec2.models.amis import Ami, AmiBackend
    from moto.ssm.models import Parameter, ParameterDict

    def make_load_amis(original):
        def _load_amis(self):
            original(self)
            region = self.region_name
            for parameter, owner, alias, name, arch, platform, free_tier in SEEDED_PARAMETERS:
                ami_id = _seeded_image_id(region, parameter)
                image = Ami(
                    self,
                    ami_id,
                    name=name,
                    description=name,
                    owner_id=owner,
                    owner_alias=alias,
                    public=True,
                    virtualization_type="hvm",
                    architecture=arch,
                    creation_date=default_timestamp_parser("2026-11-18T00:00:00.000Z"),
                    platform=platform,
                    hypervisor="xen",
                    root_device_type="ebs",
                    root_device_name="/dev/sda1",
                    region_name=region,
                    boot_mode="uefi" if arch != "x86_64" else "legacy-bios",
                )
                image.FreeTierEligible = free_tier
                self.amis[ami_id] = image
            for owner, name, arch, created in SEEDED_OWNER_IMAGES:
                ami_id = _seeded_image_id(region, name)
                image = Ami(
                    self,
                    ami_id,
                    name=name,
                    description=name,
                    owner_id=owner,
                    owner_alias=None,
                    public="Hourly2" in name,
                    virtualization_type="hvm",
                    architecture=arch,
                    creation_date=default_timestamp_parser(created),
                    platform=None,
                    hypervisor="xen",
                    root_device_type="ebs",
                    root_device_name="/dev/sda1",
                    region_name=region,
                    boot_mode="uefi" if arch != "x86_64" else "legacy-bios",
                )
                image.FreeTierEligible = False
                self.amis[ami_id] = image

        return _load_amis

    _wrap(AmiBackend, "_load_amis", make_load_amis)

    def make_check(original):
        def _check_loading_status(self, key):
            original(self, key)
            key = str(key or "")
            if getattr(self, "_amigo_seeded", False):
                return
            if not any(key.startswith(p) or p.startswith(key) for p in SEEDED_PREFIXES):
                return
            self._amigo_seeded = True
            now = datetime.now(timezone.utc)
            for parameter, *_ in SEEDED_PARAMETERS:
                versions = super(ParameterDict, self).__getitem__(parameter)
                versions.append(
                    Parameter(
                        account_id=self.account_id,
                        name=parameter,
                        value=_seeded_image_id(self.region_name, parameter),
                        parameter_type="String",
                        description=None,
                        allowed_pattern=None,
                        keyid=None,
                        last_modified_date=now,
                        version=1,
                        data_type="aws:ec2:image",
                    )
                )

        return _check_loading_status

    _wrap(ParameterDict, "_check_loading_status", make_check)


def _resolve_image(account_id: str, region: str, image_id):
    from moto.ec2.exceptions import InvalidParameterValueError
    from moto.ssm.models import ssm_backends

    if not isinstance(image_id, str) or not image_id.startswith("resolve:ssm:"):
        return image_id
    name = image_id[len("resolve:ssm:"):]
    backend = ssm_backends[account_id][region]
    parameter = backend.get_parameter(name)
    if parameter is None:
        raise InvalidParameterValueError(image_id)
    return parameter.value


def patch_resolve_ssm_image() -> None:
    """RunInstances and launch templates with a Systems Manager parameter
    as the image.

    EC2 User Guide, "Use a Systems Manager parameter instead of an AMI ID":
    "aws ec2 run-instances --image-id resolve:ssm:/golden-ami ..."; API
    reference, ResponseLaunchTemplateData.ImageId: "The ID of the AMI or a
    Systems Manager parameter. The Systems Manager parameter will resolve to
    the ID of the AMI at instance launch."  moto 5.2.1 keeps the text
    "resolve:ssm:..." as the instance's image.  Here the parameter is read
    when the instance is launched (also by an Auto Scaling group from its
    launch template), and the instance runs the image it names; the launch
    template keeps the parameter.
    """
    from moto.ec2.models.instances import InstanceBackend

    def make_run_instances(original):
        def run_instances(self, image_id, count, user_data, security_group_names, **kwargs):
            image_id = _resolve_image(self.account_id, self.region_name, image_id)
            return original(self, image_id, count, user_data, security_group_names, **kwargs)

        return run_instances

    _wrap(InstanceBackend, "run_instances", make_run_instances)


def patch_group_instance_images() -> None:
    """Each instance of a group with its own image and template version.

    Auto Scaling API reference, Instance: "ImageId — The ID of the Amazon
    Machine Image (AMI) used for the instance's current root volume";
    "LaunchTemplate — The launch template for the instance".  moto 5.2.1
    leaves ImageId out and names the group's current template version for
    every instance; here each instance keeps the version it was launched
    from.
    """
    from moto.autoscaling.models import FakeAutoScalingGroup, InstanceState

    InstanceState.ImageId = property(lambda self: self.instance.image_id)

    def launch_template(self):
        group = self.auto_scaling_group
        if group is None or group.ec2_launch_template is None:
            return None
        return {
            "LaunchTemplateId": group.ec2_launch_template.id,
            "LaunchTemplateName": group.ec2_launch_template.name,
            "Version": str(getattr(self, "_amigo_version", group.ec2_launch_template.default_version_number)),
        }

    InstanceState.launch_template = property(launch_template)

    def make_replace(original):
        def replace_autoscaling_group_instances(self, count_needed, propagated_tags):
            before = set(id(s) for s in self.instance_states)
            original(self, count_needed, propagated_tags)
            version = _resolved_version(self)
            for state in self.instance_states:
                if id(state) not in before:
                    state._amigo_version = version

        return replace_autoscaling_group_instances

    _wrap(FakeAutoScalingGroup, "replace_autoscaling_group_instances", make_replace)


def _resolved_version(group) -> str:
    template = group.ec2_launch_template
    if template is None:
        return ""
    return str(template.get_version(group.launch_template_version).number)


# --------------------------------------------------------------------------
# Instance refresh
# --------------------------------------------------------------------------


def _error(code: str, message: str):
    from moto.autoscaling.exceptions import AutoscalingClientError

    return AutoscalingClientError(code, message)


def _now():
    return datetime.now(timezone.utc)


def _replace_instances(group, states, template, version: str) -> None:
    """Terminates @states and launches as many from @template at @version."""
    if not states:
        return
    backend = group.autoscaling_backend
    backend.ec2_backend.terminate_instances([s.instance.id for s in states])
    group.instance_states = [s for s in group.instance_states if s not in states]
    saved = (group.ec2_launch_template, group.launch_template_version)
    group.ec2_launch_template = template
    group.launch_template_version = version
    try:
        group.replace_autoscaling_group_instances(len(states), group.get_propagated_tags())
    finally:
        group.ec2_launch_template, group.launch_template_version = saved


def _batch_size(refresh) -> int:
    """How many instances one step replaces: as many as may be out of
    service while MinHealthyPercentage of the group stays healthy
    (RefreshPreferences.MinHealthyPercentage, default 90), at least one."""
    total = max(refresh["_total"], 1)
    min_healthy = refresh["Preferences"].get("MinHealthyPercentage", 90)
    return max(1, (total * (100 - int(min_healthy))) // 100)


def _advance(group, refresh) -> None:
    """One step of a refresh, each time it is described."""
    status = refresh["Status"]
    if status in FINAL_STATES:
        return
    if status == "Pending":
        refresh["Status"] = "InProgress"
        refresh["StatusReason"] = "Replacing instances."
        return
    if status == "Cancelling":
        refresh["Status"] = "Cancelled"
        refresh["StatusReason"] = "Cancelled by user."
        refresh["EndTime"] = _now()
        return
    if status == "InProgress":
        ids = refresh["_to_replace"][: _batch_size(refresh)]
        refresh["_to_replace"] = refresh["_to_replace"][len(ids):]
        states = [s for s in group.instance_states if s.instance.id in ids]
        before = set(s.instance.id for s in group.instance_states)
        _replace_instances(group, states, refresh["_template"], refresh["_version"])
        refresh["_replaced"] += [s.instance.id for s in group.instance_states if s.instance.id not in before]
        done = refresh["_total"] - len(refresh["_to_replace"])
        refresh["PercentageComplete"] = (100 * done) // max(refresh["_total"], 1)
        refresh["InstancesToUpdate"] = len(refresh["_to_replace"])
        if not refresh["_to_replace"]:
            refresh["Status"] = "Successful"
            refresh["StatusReason"] = None
            refresh["EndTime"] = _now()
            refresh["PercentageComplete"] = 100
            # "After the instance refresh succeeds, Amazon EC2 Auto Scaling
            # updates the settings of the Auto Scaling group to reflect the
            # new desired configuration."
            if refresh.get("DesiredConfiguration"):
                group.ec2_launch_template = refresh["_template"]
                group.launch_template_version = refresh["_version"]
                group.provided_launch_template_version = refresh["_version"]
        else:
            refresh["StatusReason"] = f"Waiting for instances to warm up before continuing. {done} of {refresh['_total']} replaced."
        return
    if status == "RollbackInProgress":
        details = refresh["RollbackDetails"]
        ids = refresh["_replaced"][: _batch_size(refresh)]
        refresh["_replaced"] = refresh["_replaced"][len(ids):]
        states = [s for s in group.instance_states if s.instance.id in ids]
        _replace_instances(group, states, refresh["_previous_template"], refresh["_previous_version"])
        total = max(refresh["_rollback_total"], 1)
        done = refresh["_rollback_total"] - len(refresh["_replaced"])
        details["PercentageCompleteOnRollback"] = (100 * done) // total
        refresh["InstancesToUpdate"] = len(refresh["_replaced"])
        if not refresh["_replaced"]:
            refresh["Status"] = "RollbackSuccessful"
            refresh["StatusReason"] = "Rollback completed successfully."
            refresh["EndTime"] = _now()
        return


def _refreshes_of(backend, group_name: str) -> list:
    return _REFRESHES.setdefault((backend.account_id, backend.region_name, group_name), [])


def _public(refresh) -> dict:
    return {k: v for k, v in refresh.items() if not k.startswith("_") and v is not None}


def patch_instance_refresh() -> None:
    """StartInstanceRefresh, DescribeInstanceRefreshes, CancelInstanceRefresh
    and RollbackInstanceRefresh, as the Auto Scaling API reference has them.

    moto 5.2.1 answers "has not been implemented".  InstanceRefresh.Status:
    "Pending - The request was created, but the instance refresh has not
    started. InProgress - An instance refresh is in progress. Successful -
    An instance refresh completed successfully. Cancelling - An ongoing
    operation to cancel an instance refresh is in progress. Cancelled - The
    instance refresh is cancelled. RollbackInProgress - An instance refresh
    is being rolled back. RollbackSuccessful - The rollback completed
    successfully."  Each DescribeInstanceRefreshes moves a refresh one step
    (so tests poll without sleeping): Pending → InProgress, then as many
    instances as MinHealthyPercentage allows are terminated and launched
    again from the desired configuration (PercentageComplete and
    InstancesToUpdate move), until Successful, when the group takes the
    desired configuration.  Errors: StartInstanceRefresh
    "InstanceRefreshInProgress — The request failed because an active
    instance refresh already exists for the specified Auto Scaling group";
    CancelInstanceRefresh and RollbackInstanceRefresh
    "ActiveInstanceRefreshNotFound — The request failed because an active
    instance refresh or rollback for the specified Auto Scaling group was
    not found"; RollbackInstanceRefresh "IrreversibleInstanceRefresh — The
    request failed because a desired configuration was not found or an
    incompatible launch template (uses a Systems Manager parameter instead
    of an AMI ID) or launch template version ($Latest or $Default) is
    present on the Auto Scaling group".  A rollback replaces the instances
    the refresh launched with the group's previous configuration ("This
    restores your Auto Scaling group to the configuration that it was using
    before the start of the instance refresh").
    """
    from moto.autoscaling.responses import AutoScalingResponse
    from moto.core.responses import ActionResult

    def group_of(self, name):
        group = self.autoscaling_backend.autoscaling_groups.get(name)
        if group is None:
            raise _error("ValidationError", f"AutoScalingGroup name not found - {name}")
        return group

    def start_instance_refresh(self):
        params = self._get_params()
        name = params.get("AutoScalingGroupName")
        with _REFRESH_LOCK:
            group = group_of(self, name)
            refreshes = _refreshes_of(self.autoscaling_backend, name)
            if any(r["Status"] not in FINAL_STATES for r in refreshes):
                raise _error(
                    "InstanceRefreshInProgress",
                    "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.",
                )
            desired = params.get("DesiredConfiguration") or {}
            spec = desired.get("LaunchTemplate") or {}
            template = group.ec2_launch_template
            version = group.launch_template_version
            if spec:
                backend = group.ec2_backend
                template = (
                    backend.get_launch_template(spec["LaunchTemplateId"])
                    if spec.get("LaunchTemplateId")
                    else backend.get_launch_template_by_name(spec.get("LaunchTemplateName"))
                )
                version = spec.get("Version") or "$Default"
            preferences = dict(params.get("Preferences") or {})
            preferences.setdefault("MinHealthyPercentage", 90)
            target = str(template.get_version(version).number) if template is not None else ""
            to_replace = [
                s.instance.id
                for s in group.instance_states
                if not (preferences.get("SkipMatching") and getattr(s, "_amigo_version", None) == target
                        and template is group.ec2_launch_template)
            ]
            refresh = {
                "InstanceRefreshId": str(uuid.uuid4()),
                "AutoScalingGroupName": name,
                "Status": "Pending",
                "StatusReason": None,
                "StartTime": _now(),
                "PercentageComplete": 0,
                "InstancesToUpdate": len(to_replace),
                "Preferences": preferences,
                "DesiredConfiguration": desired or None,
                "Strategy": params.get("Strategy") or "Rolling",
                "_template": template,
                "_version": version,
                "_previous_template": group.ec2_launch_template,
                "_previous_version": group.launch_template_version,
                "_to_replace": to_replace,
                "_total": len(to_replace),
                "_replaced": [],
            }
            refreshes.insert(0, refresh)
        return ActionResult({"InstanceRefreshId": refresh["InstanceRefreshId"]})

    def describe_instance_refreshes(self):
        name = self._get_param("AutoScalingGroupName")
        ids = self._get_param("InstanceRefreshIds", [])
        with _REFRESH_LOCK:
            group = group_of(self, name)
            result = []
            for refresh in _refreshes_of(self.autoscaling_backend, name):
                if ids and refresh["InstanceRefreshId"] not in ids:
                    continue
                _advance(group, refresh)
                result.append(_public(refresh))
        return ActionResult({"InstanceRefreshes": result})

    def active_refresh(self, name, states):
        for refresh in _refreshes_of(self.autoscaling_backend, name):
            if refresh["Status"] in states:
                return refresh
        raise _error(
            "ActiveInstanceRefreshNotFound",
            f"No in progress or pending Instance Refresh found for Auto Scaling group {name}",
        )

    def cancel_instance_refresh(self):
        name = self._get_param("AutoScalingGroupName")
        with _REFRESH_LOCK:
            group_of(self, name)
            refresh = active_refresh(self, name, {"Pending", "InProgress", "Baking", "RollbackInProgress"})
            refresh["Status"] = "Cancelling"
            refresh["StatusReason"] = "Cancelling the instance refresh."
        return ActionResult({"InstanceRefreshId": refresh["InstanceRefreshId"]})

    def rollback_instance_refresh(self):
        name = self._get_param("AutoScalingGroupName")
        with _REFRESH_LOCK:
            group_of(self, name)
            refresh = active_refresh(self, name, {"Pending", "InProgress", "Baking"})
            template = refresh["_template"]
            irreversible = (
                not refresh.get("DesiredConfiguration")
                or str(refresh["_previous_version"]) in ("$Latest", "$Default")
                or (template is not None
                    and str(template.get_version(refresh["_version"]).image_id or "").startswith("resolve:ssm:"))
            )
            if irreversible:
                raise _error(
                    "IrreversibleInstanceRefresh",
                    "The instance refresh cannot be rolled back: it has no desired configuration, or the group "
                    "uses $Latest or $Default, or the launch template uses a Systems Manager parameter.",
                )
            refresh["Status"] = "RollbackInProgress"
            refresh["StatusReason"] = "Rollback started by user."
            refresh["_rollback_total"] = len(refresh["_replaced"])
            refresh["InstancesToUpdate"] = len(refresh["_replaced"])
            refresh["RollbackDetails"] = {
                "RollbackReason": "Rollback started by user.",
                "RollbackStartTime": _now(),
                "PercentageCompleteOnRollback": 0,
                "InstancesToUpdateOnRollback": len(refresh["_replaced"]),
            }
        return ActionResult({"InstanceRefreshId": refresh["InstanceRefreshId"]})

    AutoScalingResponse.start_instance_refresh = start_instance_refresh
    AutoScalingResponse.describe_instance_refreshes = describe_instance_refreshes
    AutoScalingResponse.cancel_instance_refresh = cancel_instance_refresh
    AutoScalingResponse.rollback_instance_refresh = rollback_instance_refresh


def patch_launch_template_source_version() -> None:
    """CreateLaunchTemplateVersion SourceVersion.

    EC2 API reference: "SourceVersion — The version of the launch template
    on which to base the new version. Snapshot of the source version's
    launch template data is taken and used as the base for the new version.
    ... The new version inherits the same launch parameters as the source
    version, except for parameters that you specify in LaunchTemplateData."
    moto 5.2.1 ignores SourceVersion: the new version holds only what
    LaunchTemplateData names.  Here the source version's data is the base
    and each member of LaunchTemplateData replaces its own.
    """
    import copy

    from moto.ec2.responses.launch_templates import LaunchTemplates

    def make(original):
        def create_launch_template_version(self):
            source = self._get_param("SourceVersion")
            if not source:
                return original(self)
            tmpl_id = self._get_param("LaunchTemplateId")
            name = self._get_param("LaunchTemplateName")
            template = (
                self.ec2_backend.get_launch_template(tmpl_id)
                if tmpl_id
                else self.ec2_backend.get_launch_template_by_name(name)
            )
            merged = copy.deepcopy(template.get_version(source).data)
            merged.update(self._get_param("LaunchTemplateData", {}))
            get_param = self._get_param

            def _get_param(param_name, *args, **kwargs):
                if param_name == "LaunchTemplateData":
                    return merged
                return get_param(param_name, *args, **kwargs)

            self._get_param = _get_param
            try:
                return original(self)
            finally:
                del self._get_param

        return create_launch_template_version

    _wrap(LaunchTemplates, "create_launch_template_version", make)


def apply() -> None:
    patch_launch_template_source_version()
    patch_public_parameters()
    patch_resolve_ssm_image()
    patch_group_instance_images()
    patch_instance_refresh()
