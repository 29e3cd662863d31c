"""VM Import/Export and AMIs stored in S3, for Amigo's moto stand-in.

moto 5.2.1 has none of these EC2 actions (its server answers an unknown
action with an HTML 500): ImportImage, ImportSnapshot,
DescribeImportImageTasks, DescribeImportSnapshotTasks, CancelImportTask,
ExportImage, DescribeExportImageTasks, CreateStoreImageTask,
DescribeStoreImageTasks, CreateRestoreImageTask.  `apply()` adds them to
moto's EC2 responses, following the EC2 API reference (the documentation
strings of botocore's EC2 model) and the VM Import/Export User Guide; each
behaviour and the sentence it follows is listed in tests/README-moto.md,
section "VM Import/Export and AMIs in S3".

The tasks move on by themselves, on a clock: every `step_seconds` (3 s by
default; `POST /amigo-test/vm-import {"step_seconds": 0.05}` or the
environment variable AMIGO_MOTO_VM_STEP_SECONDS for tests) a task takes its
next documented state.  Disk images are read from moto's own S3, so what a
test uploads (signed, through moto's S3 API) is what the import validates.

A test that must see every state of an import (not only those that fall
between two of its polls on a busy machine) sets
`POST /amigo-test/vm-import {"import_steps": "describe"}`: then an import
task (ImportImage, ImportSnapshot) takes its next state each time a
Describe call answers it, and no longer on the clock.
"""

from __future__ import annotations

import fnmatch
import io
import json
import os
import tarfile
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timezone

STEP_SECONDS = float(os.environ.get("AMIGO_MOTO_VM_STEP_SECONDS", "3"))
IMPORT_STEPS_BY_DESCRIBE = False   # True: an import task moves on per Describe call that answers it
CANCEL_ANSWER_SECONDS = 0.0        # how long CancelImportTask's answer is held back (a slow network)
EXPORT_OBJECT_SIZE = 3 * 1024 * 1024 + 4321   # an exported disk: a few MiB, not a multiple of a part
STORED_AMI_MAGIC = b"AMIGO-MOTO-STORED-AMI\n"
DEFAULT_ROLE = "vmimport"
ROLE_MESSAGE = (
    "The service role {role} provided does not exist or does not have sufficient "
    "permissions for the service to continue"
)
NO_ACCESS = "ClientError: Disk validation failed [We do not have access to the given resource. Reason 403 Forbidden]"

# ImportImage: Status stays "active" while StatusMessage tells the step
# (VM Import/Export User Guide, "Monitor an import image task"), then
# "completed" with the AMI's id.
IMPORT_IMAGE_STEPS = (
    ("pending", 2),
    ("validating", 10),
    ("validated", 19),
    ("converting", 28),
    ("updating", 41),
    ("updating", 55),
    ("booting", 68),
    ("booting", 76),
    ("preparing ami", 88),
    ("preparing ami", 96),
)
IMPORT_SNAPSHOT_STEPS = (
    ("pending", 3),
    ("validating", 15),
    ("validated", 30),
    ("converting", 55),
    ("converting", 80),
)
EXPORT_STEPS = (
    ("validating", 5),
    ("validated", 18),
    ("converting", 37),
    ("updating", 58),
    ("updating", 81),
)
STORE_STEPS = (0, 11, 27, 46, 63, 85)

_LOCK = threading.RLock()
_TICKER = None


def _now() -> float:
    return time.monotonic()


def _utc() -> datetime:
    return datetime.now(timezone.utc)


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _state(backend) -> dict:
    """Tasks belong to one account in one Region: kept on moto's EC2
    backend of that account and Region."""
    with _LOCK:
        state = backend.__dict__.get("_amigo_vm")
        if state is None:
            state = {"import_image": {}, "import_snapshot": {}, "export": {}, "store": []}
            backend.__dict__["_amigo_vm"] = state
        return state


def _s3(account_id: str):
    from moto.s3.models import s3_backends

    return s3_backends[account_id]["aws"]


def _read_object(account_id: str, bucket: str, key: str):
    """The object's bytes, or None when the bucket or key is missing."""
    try:
        found = _s3(account_id).get_object(bucket, key)
    except Exception:  # MissingBucket, MissingKey
        return None
    if found is None:
        return None
    return found.value


def _bucket_exists(account_id: str, bucket: str) -> bool:
    try:
        _s3(account_id).get_bucket(bucket)
    except Exception:
        return False
    return True


def _put_object(account_id: str, bucket: str, key: str, value: bytes) -> None:
    _s3(account_id).put_object(bucket, key, value)


# --------------------------------------------------------------------------
# Disk image formats: what VM Import/Export accepts
# --------------------------------------------------------------------------

def _is_vmdk(data: bytes) -> bool:
    # A sparse or stream-optimized extent starts with "KDMV"; a descriptor
    # file with "# Disk DescriptorFile".
    return data[:4] == b"KDMV" or data[:21] == b"# Disk DescriptorFile"


def _is_vhd(data: bytes) -> bool:
    # The footer's cookie "conectix": the last 512 bytes (fixed), copied at
    # the start (dynamic).
    return data[:8] == b"conectix" or data[-512:-504] == b"conectix"


def _is_vhdx(data: bytes) -> bool:
    return data[:8] == b"vhdxfile"


def _is_raw(data: bytes) -> bool:
    # A whole disk: an MBR (0x55AA at 510) or a GPT header ("EFI PART" at 512).
    return (len(data) >= 512 and data[510:512] == b"\x55\xaa") or data[512:520] == b"EFI PART"


def _is_ova(data: bytes) -> bool:
    """An OVA is a tar archive holding an OVF descriptor and its disks."""
    if data[257:262] != b"ustar":
        return False
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            names = archive.getnames()
    except tarfile.TarError:
        return False
    return any(name.lower().endswith(".ovf") for name in names)


FORMAT_CHECKS = {
    "VMDK": (_is_vmdk, "Unsupported VMDK File Format"),
    "VHD": (_is_vhd, "Unsupported VHD File Format"),
    "VHDX": (_is_vhdx, "Unsupported VHDX File Format"),
    "RAW": (_is_raw, "Unsupported RAW File Format"),
    "OVA": (_is_ova, "Unsupported OVA format"),
}


def _detect_format(data: bytes):
    for name in ("OVA", "VHDX", "VMDK", "VHD", "RAW"):
        if FORMAT_CHECKS[name][0](data):
            return name
    return None


def _validate_disk(account_id: str, container: dict):
    """(format, size, None) or (None, 0, status message) for one disk
    container, read from moto's S3."""
    bucket, key = _container_location(container)
    data = _read_object(account_id, bucket, key) if bucket and key else None
    if data is None:
        return None, 0, NO_ACCESS
    wanted = (container.get("Format") or "").upper()
    if wanted:
        check = FORMAT_CHECKS.get(wanted)
        if check is None or not check[0](data):
            reason = check[1] if check else f"Unsupported {wanted} File Format"
            return None, 0, f"ClientError: Disk validation failed [{reason}]"
        return wanted, len(data), None
    detected = _detect_format(data)
    if detected is None:
        return None, 0, "ClientError: Disk validation failed [Unsupported file format]"
    return detected, len(data), None


def _container_location(container: dict):
    bucket = (container.get("UserBucket") or {}).get("S3Bucket")
    key = (container.get("UserBucket") or {}).get("S3Key")
    url = container.get("Url")
    if not bucket and url:
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme == "s3":
            bucket, key = parsed.netloc, parsed.path.lstrip("/")
        else:  # https://bucket.s3.amazonaws.com/key or path style
            host = parsed.netloc.split(".")
            if len(host) > 3:
                bucket, key = host[0], parsed.path.lstrip("/")
            else:
                parts = parsed.path.lstrip("/").split("/", 1)
                bucket, key = parts[0], parts[1] if len(parts) > 1 else ""
    return bucket, key


# --------------------------------------------------------------------------
# The service role (VM Import/Export User Guide, "Required service role")
# --------------------------------------------------------------------------

def _policy_document(text) -> dict:
    if isinstance(text, dict):
        return text
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return json.loads(urllib.parse.unquote(text))


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _allows(document: dict, action: str, resource: str) -> bool:
    for statement in _as_list(document.get("Statement")):
        if statement.get("Effect") != "Allow":
            continue
        if not any(fnmatch.fnmatchcase(action.lower(), a.lower()) for a in _as_list(statement.get("Action"))):
            continue
        if any(fnmatch.fnmatchcase(resource, r) for r in _as_list(statement.get("Resource"))):
            return True
    return False


def _trusts_vmie(document: dict) -> bool:
    for statement in _as_list(document.get("Statement")):
        principal = statement.get("Principal") or {}
        services = _as_list(principal.get("Service")) if isinstance(principal, dict) else []
        actions = _as_list(statement.get("Action"))
        if (statement.get("Effect") == "Allow" and "vmie.amazonaws.com" in services
                and any(fnmatch.fnmatchcase("sts:AssumeRole", a) for a in actions)):
            return True
    return False


def _check_role(account_id: str, role_name: str, needs) -> None:
    """ImportImage/ImportSnapshot/ExportImage refuse at once when the role is
    missing, does not trust vmie.amazonaws.com, or its inline policies do not
    allow each (action, resource) of @needs."""
    from moto.iam.models import iam_backends

    iam = iam_backends[account_id]["global"]
    refusal = _ec2_error("InvalidParameter", ROLE_MESSAGE.format(role=role_name))
    try:
        role = iam.get_role(role_name)
    except Exception:
        raise refusal
    if not _trusts_vmie(_policy_document(role.assume_role_policy_document)):
        raise refusal
    documents = [_policy_document(doc) for doc in role.policies.values()]
    for action, resource in needs:
        if not any(_allows(doc, action, resource) for doc in documents):
            raise refusal


# --------------------------------------------------------------------------
# The clock: tasks move on by themselves
# --------------------------------------------------------------------------

def _all_states():
    from moto.ec2.models import ec2_backends

    for account_backends in list(ec2_backends.values()):
        for backend in list(account_backends.values()):
            state = backend.__dict__.get("_amigo_vm")
            if state is not None:
                yield backend, state


def _steps_done(task) -> int:
    if "describes" in task:  # stepped by Describe calls, not by the clock
        return task["describes"]
    return int((_now() - task["started"]) / STEP_SECONDS) if STEP_SECONDS > 0 else 1 << 30


def _new_import_task(task: dict) -> dict:
    """Puts an import task on the clock, or on Describe calls when the
    test asked for that (`import_steps`)."""
    if IMPORT_STEPS_BY_DESCRIBE:
        task["describes"] = 0
    return task


def _tick() -> None:
    with _LOCK:
        for backend, state in list(_all_states()):
            for task in state["import_image"].values():
                _advance_import(backend, task, IMPORT_IMAGE_STEPS, _finish_import_image)
            for task in state["import_snapshot"].values():
                _advance_import(backend, task, IMPORT_SNAPSHOT_STEPS, _finish_import_snapshot)
            for task in state["export"].values():
                _advance_export(backend, task)
            for task in state["store"]:
                _advance_store(backend, task)
            for image_id, due in list(state.get("pending_images", {}).items()):
                if _now() >= due:
                    image = backend.amis.get(image_id)
                    if image is not None:
                        image.state = "available"
                    del state["pending_images"][image_id]


def _ticker() -> None:
    while True:
        time.sleep(0.05)
        try:
            _tick()
        except Exception as error:  # keep the clock going; say why
            print(f"moto_vmimport: {error!r}", flush=True)


def _advance_import(backend, task, steps, finish) -> None:
    if task["Status"] != "active":
        if task["Status"] == "deleting":
            task["Status"] = "deleted"
        return
    done = _steps_done(task)
    if done >= 1 and not task.get("validated"):
        task["validated"] = True
        for disk in task["disks"]:
            fmt, size, failure = _validate_disk(backend.account_id, disk["container"])
            if failure is not None:
                task["Status"], task["StatusMessage"] = "deleted", failure
                task.pop("Progress", None)
                return
            disk["format"], disk["size"] = fmt, size
    if done >= len(steps):
        finish(backend, task)
        return
    task["StatusMessage"], progress = steps[done]
    task["Progress"] = str(progress)


def _finish_import_image(backend, task) -> None:
    from moto.ec2.models.amis import Ami
    from moto.ec2.utils import random_ami_id

    image_id = random_ami_id()
    image = Ami(
        backend,
        image_id,
        name=task["ImportTaskId"],
        description=task.get("Description") or "",
        architecture=task["Architecture"],
        platform="windows" if task.get("Platform") == "Windows" else None,
        virtualization_type="hvm",
        root_device_type="ebs",
        root_device_name="/dev/sda1",
        boot_mode=task.get("BootMode") or "legacy-bios",
        region_name=backend.region_name + "a",
        snapshot_description=f"Created by AWS-VMImport service for {task['ImportTaskId']}",
    )
    image.ena_support = True
    backend.amis[image_id] = image
    task.update(Status="completed", StatusMessage=None, ImageId=image_id)
    task.pop("Progress", None)
    snapshot = image.ebs_snapshot
    task["SnapshotDetails"] = [
        {
            "DeviceName": "/dev/sda1",
            "DiskImageSize": float(disk["size"]),
            "Format": disk["format"],
            "SnapshotId": snapshot.id if i == 0 else None,
            "Status": "completed",
            "UserBucket": disk["container"].get("UserBucket"),
        }
        for i, disk in enumerate(task["disks"])
    ]


def _finish_import_snapshot(backend, task) -> None:
    disk = task["disks"][0]
    gib = max(1, -(-disk["size"] // (1024 ** 3)))
    volume = backend.create_volume(size=gib, zone_name=backend.region_name + "a")
    snapshot = backend.create_snapshot(volume.id, f"Created by AWS-VMImport service for {task['ImportTaskId']}")
    backend.delete_volume(volume.id)
    task.update(Status="completed", StatusMessage=None, SnapshotId=snapshot.id)
    task.pop("Progress", None)


def _disk_of_format(fmt: str, size: int) -> bytes:
    """A small disk image of @fmt, filled with a pattern (so that a
    download resumed with a range can be checked byte for byte)."""
    pattern = bytes(range(256)) * (size // 256 + 1)
    body = bytearray(pattern[:size])
    if fmt == "VMDK":
        body[0:4] = b"KDMV"
    elif fmt == "VHD":
        body[0:8] = b"conectix"
        body[-512:-504] = b"conectix"
    else:  # RAW: an MBR
        body[510:512] = b"\x55\xaa"
    return bytes(body)


def _advance_export(backend, task) -> None:
    if task["Status"] != "active":
        if task["Status"] == "deleting":
            task["Status"] = "deleted"
        return
    done = _steps_done(task)
    if done >= len(EXPORT_STEPS):
        location = task["S3ExportLocation"]
        key = f"{location.get('S3Prefix') or ''}{task['ExportImageTaskId']}.{task['DiskImageFormat'].lower()}"
        if not _bucket_exists(backend.account_id, location["S3Bucket"]):
            task.update(Status="deleted", StatusMessage=NO_ACCESS.replace("Disk validation", "Export"))
            task.pop("Progress", None)
            return
        _put_object(backend.account_id, location["S3Bucket"], key,
                    _disk_of_format(task["DiskImageFormat"], EXPORT_OBJECT_SIZE))
        task.update(Status="completed", StatusMessage=None)
        task.pop("Progress", None)
        return
    task["StatusMessage"], progress = EXPORT_STEPS[done]
    task["Progress"] = str(progress)


def _advance_store(backend, task) -> None:
    if task["StoreTaskState"] != "InProgress":
        return
    done = _steps_done(task)
    if done >= len(STORE_STEPS):
        if not _bucket_exists(backend.account_id, task["Bucket"]):
            task["StoreTaskState"] = "Failed"
            task["StoreTaskFailureReason"] = f"The bucket {task['Bucket']} does not exist."
            return
        _put_object(backend.account_id, task["Bucket"], task["S3objectKey"], task.pop("payload"))
        task["StoreTaskState"], task["ProgressPercentage"] = "Completed", 100
        return
    task["ProgressPercentage"] = STORE_STEPS[done]


# --------------------------------------------------------------------------
# The actions
# --------------------------------------------------------------------------

def _tags(specs, resource_type: str):
    tags = []
    for spec in specs or []:
        if spec.get("ResourceType") != resource_type:
            raise _ec2_error(
                "InvalidParameterValue",
                f"'{spec.get('ResourceType')}' is not a valid taggable resource type for this operation.",
            )
        tags.extend(spec.get("Tags", []))
    return tags


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:17]}"


def _idempotent(response, table: str, make):
    """VM Import ClientToken: "The token to enable idempotency for VM import
    requests": the same token answers the same task."""
    token = response._get_param("ClientToken")
    state = _state(response.ec2_backend)
    tokens = state.setdefault(f"tokens_{table}", {})
    if token and token in tokens:
        return tokens[token]
    task = make()
    if token:
        tokens[token] = task
    return task


def _filter_tasks(tasks, filters, state_key="Status", state_filter="task-state"):
    for flt in filters or []:
        name, values = flt.get("Name"), flt.get("Values") or []
        if name == state_filter:
            tasks = [t for t in tasks if t.get(state_key) in values]
        elif name == "bucket":
            tasks = [t for t in tasks if t.get("Bucket") in values]
        else:
            raise _ec2_error("InvalidParameterValue", f"The filter '{name}' is invalid")
    return tasks


def _page(response, items, max_results_name="MaxResults"):
    max_results = response._get_int_param(max_results_name)
    token = response._get_param("NextToken")
    start = int(token) if token and token.isdigit() else 0
    if token and not token.isdigit():
        raise _ec2_error("InvalidPaginationToken", f"The token '{token}' is invalid.")
    if not max_results:
        return items[start:], None
    end = start + max_results
    return items[start:end], (str(end) if end < len(items) else None)


def _public(task: dict) -> dict:
    return {k: v for k, v in task.items() if k[:1].isupper() and v is not None}


def _import_image_task_view(task: dict) -> dict:
    view = _public(task)
    view.pop("SnapshotId", None)
    return view


def _import_snapshot_task_view(task: dict) -> dict:
    disk = task["disks"][0]
    detail = {
        "Status": task["Status"],
        "StatusMessage": task.get("StatusMessage"),
        "Progress": task.get("Progress"),
        "SnapshotId": task.get("SnapshotId"),
        "Format": disk.get("format") or (disk["container"].get("Format") or "").upper() or None,
        "DiskImageSize": float(disk["size"]) if disk.get("size") else None,
        "UserBucket": disk["container"].get("UserBucket"),
        "Encrypted": task.get("Encrypted"),
        "KmsKeyId": task.get("KmsKeyId"),
        "Description": task.get("Description"),
    }
    return {
        "ImportTaskId": task["ImportTaskId"],
        "Description": task.get("Description"),
        "SnapshotTaskDetail": {k: v for k, v in detail.items() if v is not None},
        "Tags": task.get("Tags") or None,
    }


def _check_kms(response):
    encrypted = response._get_bool_param("Encrypted", False)
    kms_key_id = response._get_param("KmsKeyId")
    if kms_key_id and not encrypted:
        # KmsKeyId: "If a KmsKeyId is specified, the Encrypted flag must also be set."
        raise _ec2_error("InvalidParameterCombination",
                         "KmsKeyId requires Encrypted to be set to true.")
    return encrypted, kms_key_id


def _import_image(self):
    from moto.core.responses import ActionResult

    backend = self.ec2_backend
    containers = self._get_param("DiskContainers", [])
    if not containers:
        raise _ec2_error("MissingParameter", "The request must contain the parameter DiskContainer")
    architecture = self._get_param("Architecture") or "x86_64"
    if architecture not in ("i386", "x86_64", "arm64"):
        raise _ec2_error("InvalidParameterValue", f"Value ({architecture}) for parameter Architecture is invalid.")
    boot_mode = self._get_param("BootMode")
    if boot_mode == "uefi-preferred":
        # BootMode: "The uefi-preferred boot mode isn't supported for importing images."
        raise _ec2_error("InvalidParameterValue", "The uefi-preferred boot mode isn't supported for importing images.")
    license_type = self._get_param("LicenseType")
    if license_type and license_type not in ("AWS", "BYOL"):
        raise _ec2_error("InvalidParameterValue", f"Value ({license_type}) for parameter LicenseType is invalid.")
    platform = self._get_param("Platform")
    if platform and platform not in ("Windows", "Linux"):
        raise _ec2_error("InvalidParameterValue", f"Value ({platform}) for parameter Platform is invalid.")
    for container in containers:
        fmt = (container.get("Format") or "").upper()
        if fmt and fmt not in FORMAT_CHECKS:
            raise _ec2_error("InvalidParameterValue", f"Value ({container.get('Format')}) for parameter Format is invalid.")
        if not container.get("SnapshotId") and not any(_container_location(container)):
            raise _ec2_error("InvalidParameter", "A disk container needs a Url, a UserBucket or a SnapshotId.")
    encrypted, kms_key_id = _check_kms(self)
    tags = _tags(self._get_param("TagSpecifications", []), "import-image-task")
    role = self._get_param("RoleName") or DEFAULT_ROLE
    needs = []
    for container in containers:
        bucket, key = _container_location(container)
        if bucket:
            needs.append(("s3:GetObject", f"arn:aws:s3:::{bucket}/{key}"))
    self.error_on_dryrun()
    _check_role(backend.account_id, role, needs)

    def make():
        task = {
            "ImportTaskId": _new_id("import-ami"),
            "Architecture": architecture,
            "Description": self._get_param("Description"),
            "Encrypted": encrypted,
            "KmsKeyId": kms_key_id,
            "LicenseType": license_type or "BYOL",
            "Platform": platform,
            "BootMode": boot_mode,
            "Hypervisor": self._get_param("Hypervisor"),
            "Progress": "1",
            "Status": "active",
            "StatusMessage": "pending",
            "Tags": tags,
            "disks": [{"container": c} for c in containers],
            "started": _now(),
        }
        _new_import_task(task)
        with _LOCK:
            _state(backend)["import_image"][task["ImportTaskId"]] = task
        return task

    with _LOCK:
        task = _idempotent(self, "import_image", make)
        return ActionResult(_import_image_task_view(task))


def _import_snapshot(self):
    from moto.core.responses import ActionResult

    backend = self.ec2_backend
    container = self._get_param("DiskContainer") or {}
    bucket, key = _container_location(container)
    if not bucket:
        raise _ec2_error("MissingParameter", "The request must contain the parameter DiskContainer")
    fmt = (container.get("Format") or "").upper()
    if fmt and fmt not in ("VHD", "VMDK", "RAW"):
        # SnapshotDiskContainer Format: "Valid values: VHD | VMDK | RAW"
        raise _ec2_error("InvalidParameterValue", f"Value ({container.get('Format')}) for parameter Format is invalid.")
    encrypted, kms_key_id = _check_kms(self)
    tags = _tags(self._get_param("TagSpecifications", []), "import-snapshot-task")
    role = self._get_param("RoleName") or DEFAULT_ROLE
    self.error_on_dryrun()
    _check_role(backend.account_id, role, [("s3:GetObject", f"arn:aws:s3:::{bucket}/{key}")])

    def make():
        task = {
            "ImportTaskId": _new_id("import-snap"),
            "Description": self._get_param("Description"),
            "Encrypted": encrypted,
            "KmsKeyId": kms_key_id,
            "Progress": "1",
            "Status": "active",
            "StatusMessage": "pending",
            "Tags": tags,
            "disks": [{"container": container}],
            "started": _now(),
        }
        _new_import_task(task)
        with _LOCK:
            _state(backend)["import_snapshot"][task["ImportTaskId"]] = task
        return task

    with _LOCK:
        task = _idempotent(self, "import_snapshot", make)
        return ActionResult(_import_snapshot_task_view(task))


def _describe_import_tasks(self, table, view, result_key):
    from moto.core.responses import ActionResult

    ids = self._get_param("ImportTaskIds", [])
    with _LOCK:
        tasks = _state(self.ec2_backend)[table]
        if ids:
            missing = [i for i in ids if i not in tasks]
            if missing:
                raise _ec2_error("InvalidConversionTaskId",
                                 f"The specified conversion task ID {missing[0]} doesn't exist.")
            chosen = [tasks[i] for i in ids]
        else:
            chosen = list(tasks.values())
        chosen = _filter_tasks(chosen, self._get_param("Filters", []))
        page, token = _page(self, chosen)
        finish = _finish_import_image if table == "import_image" else _finish_import_snapshot
        steps = IMPORT_IMAGE_STEPS if table == "import_image" else IMPORT_SNAPSHOT_STEPS
        for task in page:
            if "describes" in task:  # this answer shows the state it reached; the next one, the next state
                _advance_import(self.ec2_backend, task, steps, finish)
        result = {result_key: [view(t) for t in page]}
        for task in page:
            if "describes" in task and task["Status"] == "active":
                task["describes"] += 1
    if token:
        result["NextToken"] = token
    return ActionResult(result)


def _describe_import_image_tasks(self):
    return _describe_import_tasks(self, "import_image", _import_image_task_view, "ImportImageTasks")


def _describe_import_snapshot_tasks(self):
    return _describe_import_tasks(self, "import_snapshot", _import_snapshot_task_view, "ImportSnapshotTasks")


def _cancel_import_task(self):
    from moto.core.responses import ActionResult

    task_id = self._get_param("ImportTaskId")
    if not task_id:
        raise _ec2_error("MissingParameter", "The request must contain the parameter ImportTaskId")
    self.error_on_dryrun()
    with _LOCK:
        state = _state(self.ec2_backend)
        task = state["import_image"].get(task_id) or state["import_snapshot"].get(task_id)
        if task is None:
            raise _ec2_error("InvalidConversionTaskId",
                             f"The specified conversion task ID {task_id} doesn't exist.")
        if task["Status"] != "active":
            raise _ec2_error("IncorrectState",
                             f"The import task {task_id} is {task['Status']} and can't be canceled.")
        task["Status"] = "deleting"
        task["StatusMessage"] = self._get_param("CancelReason") or "Canceled by the user"
        task.pop("Progress", None)
    # The cancel is done; its answer may still be on its way while the
    # clock deletes the task and a Describe call sees it deleted.
    if CANCEL_ANSWER_SECONDS > 0:
        time.sleep(CANCEL_ANSWER_SECONDS)
    return ActionResult({"ImportTaskId": task_id, "PreviousState": "active", "State": "deleting"})


def _export_image(self):
    from moto.core.responses import ActionResult

    backend = self.ec2_backend
    image_id = self._get_param("ImageId")
    fmt = self._get_param("DiskImageFormat")
    location = self._get_param("S3ExportLocation") or {}
    for name, value in (("ImageId", image_id), ("DiskImageFormat", fmt), ("S3ExportLocation", location.get("S3Bucket"))):
        if not value:
            raise _ec2_error("MissingParameter", f"The request must contain the parameter {name}")
    if fmt not in ("VMDK", "RAW", "VHD"):
        raise _ec2_error("InvalidParameterValue", f"Value ({fmt}) for parameter DiskImageFormat is invalid.")
    description = self._get_param("Description")
    if description and len(description) > 255:
        raise _ec2_error("InvalidParameterValue", "The description can have at most 255 characters.")
    images = backend.describe_images(ami_ids=[image_id])
    if not images:
        from moto.ec2.exceptions import InvalidAMIIdError

        raise InvalidAMIIdError(image_id)
    image = images[0]
    if image.owner_id != backend.account_id:
        raise _ec2_error("AuthFailure", f"Not authorized for image:{image_id}")
    tags = _tags(self._get_param("TagSpecifications", []), "export-image-task")
    role = self._get_param("RoleName") or DEFAULT_ROLE
    prefix = location.get("S3Prefix") or ""
    self.error_on_dryrun()
    _check_role(backend.account_id, role,
                [("s3:PutObject", f"arn:aws:s3:::{location['S3Bucket']}/{prefix}export-ami-x.{fmt.lower()}")])

    def make():
        task = {
            "ExportImageTaskId": _new_id("export-ami"),
            "ImageId": image_id,
            "Description": description,
            "DiskImageFormat": fmt,
            "RoleName": role,
            "S3ExportLocation": {"S3Bucket": location["S3Bucket"], "S3Prefix": prefix or None},
            "Progress": "0",
            "Status": "active",
            "StatusMessage": "pending",
            "Tags": tags,
            "started": _now(),
        }
        with _LOCK:
            _state(backend)["export"][task["ExportImageTaskId"]] = task
        return task

    with _LOCK:
        task = _idempotent(self, "export", make)
        return ActionResult(_public(task))


def _describe_export_image_tasks(self):
    from moto.core.responses import ActionResult

    ids = self._get_param("ExportImageTaskIds", [])
    with _LOCK:
        tasks = _state(self.ec2_backend)["export"]
        if ids:
            missing = [i for i in ids if i not in tasks]
            if missing:
                raise _ec2_error("InvalidExportImageTaskId.NotFound",
                                 f"The export image task ID '{missing[0]}' does not exist")
            chosen = [tasks[i] for i in ids]
        else:
            chosen = list(tasks.values())
        chosen = _filter_tasks(chosen, self._get_param("Filters", []))
        page, token = _page(self, chosen)
        views = []
        for task in page:
            view = _public(task)
            for key in ("DiskImageFormat", "RoleName"):  # not members of ExportImageTask
                view.pop(key, None)
            views.append(view)
    result = {"ExportImageTasks": views}
    if token:
        result["NextToken"] = token
    return ActionResult(result)


def _create_store_image_task(self):
    from moto.core.responses import ActionResult

    backend = self.ec2_backend
    image_id = self._get_param("ImageId")
    bucket = self._get_param("Bucket")
    if not image_id or not bucket:
        raise _ec2_error("MissingParameter", "The request must contain the parameters ImageId and Bucket")
    images = backend.describe_images(ami_ids=[image_id])
    if not images:
        from moto.ec2.exceptions import InvalidAMIIdError

        raise InvalidAMIIdError(image_id)
    image = images[0]
    if image.owner_id != backend.account_id:
        raise _ec2_error("AuthFailure", f"Not authorized for image:{image_id}")
    self.error_on_dryrun()
    payload = STORED_AMI_MAGIC + json.dumps({
        "name": image.name,
        "description": image.description,
        "architecture": image.architecture,
        "boot_mode": getattr(image, "boot_mode", None),
        "virtualization_type": image.virtualization_type,
        "platform": image.platform,
        "source_image_id": image_id,
        "source_region": backend.region_name,
    }).encode("utf-8") + b"\n" + bytes(range(256)) * 4096
    key = f"{image_id}.bin"
    with _LOCK:
        state = _state(backend)
        if any(t["AmiId"] == image_id and t["StoreTaskState"] == "InProgress" for t in state["store"]):
            raise _ec2_error("IncorrectState",
                             f"A store task for {image_id} is already in progress.")
        state["store"].insert(0, {
            "AmiId": image_id,
            "Bucket": bucket,
            "S3objectKey": key,
            "ProgressPercentage": 0,
            "StoreTaskState": "InProgress",
            "TaskStartTime": _utc(),
            "payload": payload,
            "started": _now(),
        })
    return ActionResult({"ObjectKey": key})


def _describe_store_image_tasks(self):
    from moto.core.responses import ActionResult

    ids = self._get_param("ImageIds", [])
    if ids and self._get_param("MaxResults"):
        # MaxResults: "You cannot specify this parameter and the ImageIds
        # parameter in the same call."
        raise _ec2_error("InvalidParameterCombination",
                         "The parameter ImageIds cannot be used with the parameter MaxResults")
    with _LOCK:
        tasks = list(_state(self.ec2_backend)["store"])  # newest first
        if ids:
            latest = {}
            for task in tasks:
                latest.setdefault(task["AmiId"], task)
            chosen = [latest[i] for i in ids if i in latest]
        else:
            chosen = _filter_tasks(tasks, self._get_param("Filters", []), "StoreTaskState")
        page, token = _page(self, chosen)
        views = [{k: v for k, v in t.items() if k[:1].isupper() and v is not None} for t in page]
    result = {"StoreImageTaskResults": views}
    if token:
        result["NextToken"] = token
    return ActionResult(result)


def _create_restore_image_task(self):
    from moto.core.responses import ActionResult
    from moto.ec2.models.amis import Ami
    from moto.ec2.utils import random_ami_id

    backend = self.ec2_backend
    bucket = self._get_param("Bucket")
    key = self._get_param("ObjectKey")
    if not bucket or not key:
        raise _ec2_error("MissingParameter", "The request must contain the parameters Bucket and ObjectKey")
    specs = self._get_param("TagSpecifications", [])
    for spec in specs:
        if spec.get("ResourceType") not in ("image", "snapshot"):
            raise _ec2_error("InvalidParameterValue",
                             f"'{spec.get('ResourceType')}' is not a valid taggable resource type for this operation.")
    data = _read_object(backend.account_id, bucket, key)
    if data is None:
        raise _ec2_error("InvalidParameterValue", f"The object s3://{bucket}/{key} does not exist or is not accessible.")
    if not data.startswith(STORED_AMI_MAGIC):
        raise _ec2_error("InvalidParameterValue",
                         f"The object s3://{bucket}/{key} is not an AMI stored with CreateStoreImageTask.")
    stored = json.loads(data[len(STORED_AMI_MAGIC):].split(b"\n", 1)[0])
    name = self._get_param("Name") or stored.get("name")
    if any(image.name == name and image.owner_id == backend.account_id for image in backend.amis.values()):
        raise _ec2_error("InvalidAMIName.Duplicate", f"AMI name {name} is already in use by AMI")
    self.error_on_dryrun()
    image_id = random_ami_id()
    image = Ami(
        backend,
        image_id,
        name=name,
        description=stored.get("description"),
        architecture=stored.get("architecture"),
        virtualization_type=stored.get("virtualization_type") or "hvm",
        platform=stored.get("platform"),
        boot_mode=stored.get("boot_mode") or "legacy-bios",
        root_device_type="ebs",
        state="pending",
        region_name=backend.region_name + "a",
    )
    image.ena_support = True
    for spec in specs:
        target = [image] if spec["ResourceType"] == "image" else [image.ebs_snapshot]
        for resource in target:
            backend.create_tags([resource.id], {t["Key"]: t["Value"] for t in spec.get("Tags", [])})
    with _LOCK:
        backend.amis[image_id] = image
        _state(backend).setdefault("pending_images", {})[image_id] = _now() + 3 * STEP_SECONDS
    return ActionResult({"ImageId": image_id})


ACTIONS = {
    "import_image": _import_image,
    "import_snapshot": _import_snapshot,
    "describe_import_image_tasks": _describe_import_image_tasks,
    "describe_import_snapshot_tasks": _describe_import_snapshot_tasks,
    "cancel_import_task": _cancel_import_task,
    "export_image": _export_image,
    "describe_export_image_tasks": _describe_export_image_tasks,
    "create_store_image_task": _create_store_image_task,
    "describe_store_image_tasks": _describe_store_image_tasks,
    "create_restore_image_task": _create_restore_image_task,
}


def apply() -> None:
    """Adds the actions to moto's EC2 responses and starts the clock."""
    global _TICKER
    from moto.ec2.responses.amis import AmisResponse

    for name, function in ACTIONS.items():
        setattr(AmisResponse, name, function)
    if _TICKER is None:
        _TICKER = threading.Thread(target=_ticker, name="amigo-vm-clock", daemon=True)
        _TICKER.start()


def _seed_object(environ, start_response):
    from moto.core import DEFAULT_ACCOUNT_ID

    query = urllib.parse.parse_qs(environ.get("QUERY_STRING") or "")
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    try:
        bucket, key = query["bucket"][0], query["key"][0]
        region = query.get("region", ["us-east-1"])[0]
        account = query.get("account", [DEFAULT_ACCOUNT_ID])[0]
        if not _bucket_exists(account, bucket):
            _s3(account).create_bucket(bucket, region)
        _put_object(account, bucket, key, body)
        status, answer = "200 OK", {"ok": True, "size": len(body)}
    except (KeyError, IndexError) as error:
        status, answer = "400 Bad Request", {"ok": False, "error": f"missing {error}"}
    payload = json.dumps(answer).encode("utf-8")
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


def control_middleware(app):
    """Test knobs, unsigned, loopback only, outside any AWS protocol:

      POST /amigo-test/vm-import {"step_seconds": 0.05}
        how long each task state lasts (3 s by default)
      POST /amigo-test/vm-import {"import_steps": "describe"}
        import tasks created from now on take their next state per Describe
        call that answers them ("clock", the default: on the clock)
      POST /amigo-test/vm-import {"cancel_answer_seconds": 2}
        CancelImportTask's answer held back that long after the task is
        cancelled, as a slow network would (0, the default: at once)
      POST /amigo-test/s3-object?bucket=B&key=K&region=R  (body: the bytes)
        puts an object into moto's S3 for the test account, creating the
        bucket in R if needed: a fixture for tests of the EC2 side that do
        not exercise Amigo's own S3 upload
    """
    def middleware(environ, start_response):
        if environ.get("PATH_INFO") == "/amigo-test/s3-object" and environ.get("REQUEST_METHOD") == "POST":
            return _seed_object(environ, start_response)
        if environ.get("PATH_INFO") != "/amigo-test/vm-import" or environ.get("REQUEST_METHOD") != "POST":
            return app(environ, start_response)
        global STEP_SECONDS, IMPORT_STEPS_BY_DESCRIBE, CANCEL_ANSWER_SECONDS
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length) or b"{}")
            if "step_seconds" in body:
                STEP_SECONDS = float(body["step_seconds"])
            if "import_steps" in body:
                if body["import_steps"] not in ("clock", "describe"):
                    raise ValueError(f"import_steps: {body['import_steps']!r} is not clock or describe")
                IMPORT_STEPS_BY_DESCRIBE = body["import_steps"] == "describe"
            if "cancel_answer_seconds" in body:
                CANCEL_ANSWER_SECONDS = float(body["cancel_answer_seconds"])
                if not 0 <= CANCEL_ANSWER_SECONDS <= 30:
                    raise ValueError("cancel_answer_seconds must be from 0 to 30")
            status, answer = "200 OK", {"ok": True}
        except (ValueError, TypeError, KeyError) as error:
            status, answer = "400 Bad Request", {"ok": False, "error": str(error)}
        payload = json.dumps(answer).encode("utf-8")
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
        return [payload]

    return middleware
