"""The AWS Price List Query API (service `pricing`), which moto 5.2 lacks:
GetProducts, for the snapshot prices of the Clean Up view (issue 17).

Imported by moto-launcher.py, which wraps its WSGI app with middleware()
and passes its signature check (check_signed_request).  tests/README-moto.md
cites the reference sentences.

The prices served are TEST DATA, not AWS's prices: only us-east-1's are
AWS's figures (the Amazon EBS User Guide's $0.05 and $0.0125 per
GB-month); the other regions' are made up so that a test can tell a price
read from this stand-in from Amigo's built-in table.
"""

from __future__ import annotations

import json
import threading
import uuid

TARGET_PREFIX = "AWSPriceListService."

# (region, usage type prefix, location, standard, archive): USD per GB-month.
# Test values but us-east-1's (see above).
SEEDED_SNAPSHOT_PRICES = [
    ("us-east-1", "", "US East (N. Virginia)", "0.0500000000", "0.0125000000"),
    ("ap-northeast-2", "APN2-", "Asia Pacific (Seoul)", "0.0520000000", "0.0130000000"),
    ("eu-west-1", "EU-", "EU (Ireland)", "0.0530000000", "0.0133000000"),
    ("sa-east-1", "SAE1-", "South America (Sao Paulo)", "0.0680000000", "0.0170000000"),
]

_LOCK = threading.Lock()
# Test control (POST /amigo-test/pricing): the most items a page holds
# (GetProducts' MaxResults is a maximum), None for MaxResults alone.
_PAGE_SIZE = {"value": None}

TEST_USER_NAME = "amigo-test"
DENY_POLICY_NAME = "amigo-test-deny-pricing"
DENY_POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Action": "pricing:GetProducts", "Resource": "*"}],
})


def _price_item(region, prefix, location, usage, operation, unit, usd, description) -> str:
    """One PriceList item as GetProducts answers it (FormatVersion aws_v1):
    a JSON document in a string, of the shape of the API reference's
    example (product, serviceCode, terms.OnDemand, version,
    publicationDate)."""
    sku = uuid.uuid5(uuid.NAMESPACE_URL, f"{region}/{usage}").hex[:16].upper()
    offer = f"{sku}.JRTCKXETXF"
    rate = f"{offer}.6YS6EN2CT7"
    return json.dumps({
        "product": {
            "productFamily": "Storage Snapshot",
            "attributes": {
                "servicecode": "AmazonEC2",
                "usagetype": f"{prefix}{usage}",
                "locationType": "AWS Region",
                "location": location,
                "regionCode": region,
                "servicename": "Amazon Elastic Compute Cloud",
                "operation": operation,
            },
            "sku": sku,
        },
        "serviceCode": "AmazonEC2",
        "terms": {
            "OnDemand": {
                offer: {
                    "priceDimensions": {
                        rate: {
                            "unit": unit,
                            "endRange": "Inf",
                            "description": description,
                            "appliesTo": [],
                            "rateCode": rate,
                            "beginRange": "0",
                            "pricePerUnit": {"USD": usd},
                        }
                    },
                    "sku": sku,
                    "effectiveDate": "2026-12-01T00:00:00Z",
                    "offerTermCode": "JRTCKXETXF",
                    "termAttributes": {},
                }
            }
        },
        "version": "20261201000000",
        "publicationDate": "2026-12-01T00:00:00Z",
    }, separators=(",", ":"))


def _products() -> list[dict]:
    """Every seeded product: (product fields for the filters, item)."""
    products = []
    for region, prefix, location, standard, archive in SEEDED_SNAPSHOT_PRICES:
        for usage, operation, unit, usd, description in (
            ("EBS:SnapshotUsage", "", "GB-Mo", standard, f"${standard} per GB-Month of snapshot data stored"),
            ("EBS:SnapshotArchiveStorage", "", "GB-Mo", archive,
             f"${archive} per GB-Month of snapshot archive data stored"),
            # Another usage type of the family, per GB (not GB-month): the
            # client must pass it over.
            ("EBS:SnapshotArchiveRetrieval", "", "GB", "0.0300000000",
             "$0.03 per GB of snapshot archive data retrieved"),
        ):
            item = _price_item(region, prefix, location, usage, operation, unit, usd, description)
            fields = {"ServiceCode": "AmazonEC2", "productFamily": "Storage Snapshot",
                      "regionCode": region, "usagetype": f"{prefix}{usage}", "location": location}
            products.append({"fields": fields, "item": item})
    return products


def _matches(fields: dict, flt: dict) -> bool:
    """Filter.Type (botocore's model): TERM_MATCH "Returns only products
    that match both the given filter field and the given value"; EQUALS
    exactly; CONTAINS a substring; ANY_OF / NONE_OF a comma-separated list."""
    value = fields.get(flt["Field"])
    kind = flt["Type"]
    if kind in ("TERM_MATCH", "EQUALS"):
        return value == flt["Value"]
    if kind == "CONTAINS":
        return value is not None and flt["Value"] in value
    wanted = [v.strip() for v in flt["Value"].split(",")]
    if kind == "ANY_OF":
        return value in wanted
    return value not in wanted  # NONE_OF


class _Invalid(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def get_products(params: dict) -> dict:
    """GetProducts: "Returns a list of all products that match the filter
    criteria."  ServiceCode is required; FormatVersion "Valid values are:
    aws_v1"; MaxResults 1-100 (GetProductsMaxResults); Filters at most 50,
    each with Type, Field and Value; "only products that match all filters
    are returned".  The answer: FormatVersion, PriceList ("The list
    contains both the product metadata and the price information", each a
    JSON string) and NextToken ("The pagination token that indicates the
    next set of results to retrieve") while more remain."""
    service_code = params.get("ServiceCode")
    if not isinstance(service_code, str) or not service_code:
        raise _Invalid("InvalidParameterException", "ServiceCode is required.")
    version = params.get("FormatVersion", "aws_v1")
    if version != "aws_v1":
        raise _Invalid("InvalidParameterException", f"FormatVersion {version!r} is not aws_v1.")
    max_results = params.get("MaxResults", 100)
    if not isinstance(max_results, int) or not 1 <= max_results <= 100:
        raise _Invalid("InvalidParameterException", "MaxResults must be between 1 and 100.")
    filters = params.get("Filters") or []
    if not isinstance(filters, list) or len(filters) > 50:
        raise _Invalid("InvalidParameterException", "Filters holds at most 50 filters.")
    for flt in filters:
        if (not isinstance(flt, dict) or flt.get("Type") not in ("TERM_MATCH", "EQUALS", "CONTAINS", "ANY_OF", "NONE_OF")
                or not isinstance(flt.get("Field"), str) or not isinstance(flt.get("Value"), str)):
            raise _Invalid("InvalidParameterException", "Each filter needs a Type, a Field and a Value.")
    found = [p["item"] for p in _products()
             if p["fields"]["ServiceCode"] == service_code and all(_matches(p["fields"], f) for f in filters)]
    size = max_results
    with _LOCK:
        if _PAGE_SIZE["value"] is not None:
            size = min(size, _PAGE_SIZE["value"])
    token = params.get("NextToken")
    start = 0
    if token is not None:
        try:
            start = int(str(token).split(":", 1)[1])
            if not str(token).startswith("page:") or not 0 < start <= len(found):
                raise ValueError
        except (ValueError, IndexError):
            raise _Invalid("InvalidNextTokenException", "The NextToken is not valid.") from None
    answer = {"FormatVersion": "aws_v1", "PriceList": found[start:start + size]}
    if start + size < len(found):
        answer["NextToken"] = f"page:{start + size}"
    return answer


def control(body: dict) -> None:
    """POST /amigo-test/pricing {"deny": bool, "page_size": int|null}:
    deny attaches to the test user an IAM policy that denies
    pricing:GetProducts (moto's own policy check then refuses the call),
    false removes it; page_size caps the items of a page."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.iam.models import iam_backends

    if "deny" in body:
        iam = iam_backends[DEFAULT_ACCOUNT_ID]["aws"]
        if body["deny"]:
            iam.put_user_policy(TEST_USER_NAME, DENY_POLICY_NAME, DENY_POLICY)
        else:
            try:
                iam.delete_user_policy(TEST_USER_NAME, DENY_POLICY_NAME)
            except Exception:  # not attached
                pass
    if "page_size" in body:
        size = body["page_size"]
        if size is not None and (not isinstance(size, int) or size < 1):
            raise ValueError("page_size must be a positive integer or null")
        with _LOCK:
            _PAGE_SIZE["value"] = size


def middleware(app, check_signed_request, raw_body):
    """Answers the Price List's requests (JSON 1.1: POST /, X-Amz-Target
    AWSPriceListService.<Operation>), checked by the launcher's signature
    and policy check; and the test knob POST /amigo-test/pricing."""

    def reply(start_response, status, payload):
        data = json.dumps(payload).encode("utf-8")
        start_response(status, [("Content-Type", "application/x-amz-json-1.1"),
                                ("Content-Length", str(len(data))),
                                ("x-amzn-RequestId", str(uuid.uuid4()))])
        return [data]

    def error(start_response, status, code, message):
        return reply(start_response, status, {"__type": code, "Message": message})

    def wrapped(environ, start_response):
        path = environ.get("PATH_INFO", "/")
        if path == "/amigo-test/pricing" and environ["REQUEST_METHOD"] == "POST":
            try:
                control(json.loads((raw_body() or b"{}").decode("utf-8")))
            except (ValueError, TypeError) as problem:
                start_response("400 Bad Request", [("Content-Type", "text/plain")])
                return [str(problem).encode("utf-8")]
            return reply(start_response, "200 OK", {"ok": True})
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith(TARGET_PREFIX):
            return app(environ, start_response)
        operation = target[len(TARGET_PREFIX):]
        if operation != "GetProducts":
            return error(start_response, "400 Bad Request", "UnknownOperationException", operation)
        failure = check_signed_request(environ, operation)
        if failure is not None:
            code, message = failure
            # The Price List names a refusal AccessDeniedException (its
            # model's error shape), where moto's check says AccessDenied.
            if code == "AccessDenied":
                code = "AccessDeniedException"
            return error(start_response, "400 Bad Request", code, message)
        try:
            params = json.loads((raw_body() or b"{}").decode("utf-8"))
            if not isinstance(params, dict):
                raise _Invalid("InvalidParameterException", "The body is not a JSON object.")
            return reply(start_response, "200 OK", get_products(params))
        except ValueError:
            return error(start_response, "400 Bad Request", "InvalidParameterException", "The body is not JSON.")
        except _Invalid as problem:
            return error(start_response, "400 Bad Request", problem.code, problem.message)

    return wrapped
