#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback HTTP proxy that breaks EC2 answers on purpose.

It stands in front of the local moto server (tests/moto-harness.sh) and
forwards every request unchanged (the Host header included, so SigV4
signatures still match), unless a fault was scheduled for it through the
control API. The fault tests (tests/test-fault.c) point Amigo's real client
at it.

    python3 tests/fault-proxy.py --upstream http://127.0.0.1:4566 [--port 0]
    AMIGO_PROXY_READY port=40123

Control API, on the same port under /__fault__ (a path AWS clients never
post to):

    POST /__fault__          {"mode": "throttle", "count": 2, "action": "DescribeRegions"}
    POST /__fault__/reset    forget every fault, the clock skew and the log
    GET  /__fault__/log      {"seen": {"DescribeRegions": 3}, "forwarded": {...},
                              "faults": {"throttle": 2}, "skew_rejected": 0,
                              "abandoned": 0, "connections": 1, "pending": [...]}

A fault applies to the next `count` (default 1) requests that match it:
`action` is the exact EC2 Action (or the X-Amz-Target of a JSON call) and
`match` a substring of the request body (e.g. "Action=RunInstances");
either may be left out. The first pending fault that matches is used.

| mode          | what the client gets |
| ------------- | -------------------- |
| throttle      | 503 with EC2's RequestLimitExceeded error document (not forwarded) |
| html500       | 500 with an HTML page, text/html (not forwarded) |
| reset         | the connection reset (RST) without an answer (not forwarded) |
| truncate      | moto's answer with its full Content-Length but only part of its body, then the connection closes |
| drop-response | the request reaches moto and takes effect, then the connection is reset instead of answered |
| delay         | the answer after `seconds` (at most 30); a client that hangs up meanwhile is not forwarded |
| bad-xml       | 200 with malformed XML (not forwarded) |
| empty         | 200 with an empty body (not forwarded) |
| huge          | 200 with one text node of `size` bytes (default 8 MiB, at most 64 MiB) (not forwarded) |
| non-utf8      | 200 with bytes that are not UTF-8 in an XML document that says it is (not forwarded) |
| aws-error     | 400 with EC2's error document for `code` and `message` (any text, escaped as XML) (not forwarded) |
| wrong-root    | 200 with a well-formed document whose root is `<Unexpected>`, not the action's response (not forwarded) |
| slowdown      | 503 with S3's SlowDown error document (not forwarded) |

S3 requests (signed for `s3`) have no Action: their `action` is the S3
operation told by method and query — UploadPart, CompleteMultipartUpload,
CreateMultipartUpload, ListParts, AbortMultipartUpload, ListMultipartUploads,
PutObject, GetObject, HeadObject (see s3_action).

`{"mode": "skew", "seconds": 3600}` is not a one-off fault but the proxy's
clock: from then on (until `"seconds": 0` or a reset) every answer's Date
header says now + seconds, and a signed request whose X-Amz-Date is more
than 5 minutes away from that clock is refused as EC2 does, 400
RequestExpired, "Request has expired." (the SigV4 window; EC2's common
errors page words it in 15 minutes). A request signed with the proxy's time
is forwarded: moto itself does not check request times.

Bounds: it listens on and forwards to loopback addresses only, reads
request bodies of at most 16 MiB, keeps at most 100 pending faults, drops
connections idle for 30 s or after 10 000 requests, serves at most
--max-lifetime seconds (default 1800) and exits 0 on SIGTERM/SIGINT.
Standard library only.
"""

import argparse
import calendar
import email.utils
import http.client
import http.server
import ipaddress
import json
import select
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid
from xml.sax.saxutils import escape as xml_escape

CONTROL_PATH = "/__fault__"
MAX_REQUEST_BODY = 16 * 1024 * 1024
MAX_UPSTREAM_BODY = 512 * 1024 * 1024
IDLE_TIMEOUT = 30
UPSTREAM_TIMEOUT = 60
MAX_DELAY = 30.0
MAX_HUGE = 64 * 1024 * 1024
DEFAULT_HUGE = 8 * 1024 * 1024
MAX_COUNT = 1000
MAX_SKEW = 10 * 365 * 24 * 3600
SKEW_WINDOW = 5 * 60
MAX_EVENTS = 500
MAX_RULES = 100
MAX_REQUESTS_PER_CONNECTION = 10000
EC2_XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/"

MODES = {
    "throttle", "html500", "reset", "truncate", "drop-response", "delay",
    "bad-xml", "empty", "huge", "non-utf8", "aws-error", "wrong-root", "slowdown",
}

# Hop-by-hop headers (RFC 9110 7.6.1) are not forwarded.
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
    "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
}


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class State:
    """Faults to come, the clock skew and what was seen; one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.rules = []
        self.skew = 0
        self.seen = {}
        self.forwarded = {}
        self.faults = {}
        self.skew_rejected = 0
        self.abandoned = 0
        self.connections = 0
        self.events = []

    def snapshot(self):
        return {
            "seen": dict(self.seen),
            "forwarded": dict(self.forwarded),
            "faults": dict(self.faults),
            "skew": self.skew,
            "skew_rejected": self.skew_rejected,
            "abandoned": self.abandoned,
            "connections": self.connections,
            "pending": [dict(r) for r in self.rules],
            "events": list(self.events),
        }

    def count(self, table, key):
        table[key] = table.get(key, 0) + 1

    def event(self, action, what):
        if len(self.events) >= MAX_EVENTS:
            del self.events[0]
        self.events.append({"action": action, "what": what})

    def take_rule(self, action, body):
        """The first pending rule matching this request, its count used."""
        for rule in self.rules:
            if rule.get("action") is not None and rule["action"] != action:
                continue
            if rule.get("match") is not None and rule["match"].encode() not in body:
                continue
            rule["count"] -= 1
            if rule["count"] <= 0:
                self.rules.remove(rule)
            return dict(rule)
        return None


def parse_rule(doc):
    if not isinstance(doc, dict):
        raise ValueError("the body must be a JSON object")
    mode = doc.get("mode")
    if mode == "skew":
        seconds = doc.get("seconds", 0)
        if not isinstance(seconds, int) or isinstance(seconds, bool) or abs(seconds) > MAX_SKEW:
            raise ValueError("skew needs integer seconds within ten years")
        return {"mode": "skew", "seconds": seconds}
    if mode not in MODES:
        raise ValueError("unknown mode %r; known: %s, skew" % (mode, ", ".join(sorted(MODES))))
    rule = {"mode": mode}
    count = doc.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_COUNT:
        raise ValueError("count must be an integer from 1 to %d" % MAX_COUNT)
    rule["count"] = count
    for key in ("action", "match"):
        value = doc.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError("%s must be a string" % key)
        rule[key] = value
    if mode == "delay":
        seconds = doc.get("seconds", 1)
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) \
                or not 0 <= seconds <= MAX_DELAY:
            raise ValueError("delay needs seconds from 0 to %g" % MAX_DELAY)
        rule["seconds"] = seconds
    if mode == "huge":
        size = doc.get("size", DEFAULT_HUGE)
        if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_HUGE:
            raise ValueError("size must be from 1 to %d bytes" % MAX_HUGE)
        rule["size"] = size
    if mode == "aws-error":
        for key in ("code", "message"):
            value = doc.get(key)
            if not isinstance(value, str) or not 1 <= len(value) <= 1024:
                raise ValueError("aws-error needs a %s of 1 to 1024 characters" % key)
            rule[key] = value
    return rule


def request_action(headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target
    try:
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    except ValueError:
        return "-"
    values = form.get("Action")
    return values[0] if values else "-"


def s3_action(method, path, headers):
    """The S3 operation of a request signed for S3, else "-"."""
    if "/s3/aws4_request" not in headers.get("Authorization", ""):
        return "-"
    parts = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
    has_key = parts.path.strip("/").count("/") >= 1
    if "uploads" in query:
        return "CreateMultipartUpload" if method == "POST" else "ListMultipartUploads"
    if "uploadId" in query:
        if method == "PUT":
            return "UploadPart"
        return {"POST": "CompleteMultipartUpload", "GET": "ListParts",
                "DELETE": "AbortMultipartUpload"}.get(method, "-")
    if has_key:
        return {"PUT": "PutObject", "GET": "GetObject", "HEAD": "HeadObject",
                "DELETE": "DeleteObject"}.get(method, "-")
    return {"PUT": "CreateBucket", "HEAD": "HeadBucket", "GET": "ListObjects"}.get(method, "-")


def parse_amz_date(value):
    try:
        return calendar.timegm(time.strptime(value, "%Y%m%dT%H%M%SZ"))
    except (TypeError, ValueError):
        return None


def ec2_error_document(code, message):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            "<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>"
            "<RequestID>%s</RequestID></Response>"
            % (xml_escape(code), xml_escape(message), uuid.uuid4())).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AmigoFaultProxy/1"
    timeout = IDLE_TIMEOUT

    # ---- plumbing --------------------------------------------------------

    def setup(self):
        super().setup()
        with self.server.state.lock:
            self.server.state.connections += 1

    def handle(self):
        # BaseHTTPRequestHandler.handle(), with a bound on keep-alive requests.
        self.close_connection = True
        self.handle_one_request()
        for _ in range(MAX_REQUESTS_PER_CONNECTION):
            if self.close_connection:
                break
            self.handle_one_request()

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            sys.stderr.write("fault-proxy: %s\n" % (fmt % args))

    def now(self):
        return time.time() + self.server.state.skew

    def start_answer(self, status, reason=None, headers=(), date=None):
        self.send_response_only(status, reason)
        names = set()
        for name, value in headers:
            names.add(name.lower())
            self.send_header(name, value)
        if "date" not in names:
            self.send_header("Date", email.utils.formatdate(date or self.now(), usegmt=True))
        if "server" not in names:
            self.send_header("Server", self.server_version)

    def answer(self, status, body, content_type, reason=None, extra=()):
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        headers.extend(extra)
        self.start_answer(status, reason, headers)
        self.end_headers()
        self.wfile.write(body)

    def reset_connection(self):
        """Close with SO_LINGER 0, so the peer gets a RST, not a FIN."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        # The socket closes for real once the reader made by makefile() is gone.
        self.rfile.close()
        self.connection.close()

    def read_body(self):
        if self.headers.get("Transfer-Encoding"):
            self.answer(411, b"chunked request bodies are not supported\n", "text/plain")
            self.close_connection = True
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_REQUEST_BODY:
            self.answer(413, b"bad or too large Content-Length\n", "text/plain")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def forward(self, body):
        """Sends the request to moto; returns (status, reason, headers, body)."""
        upstream = self.server.upstream
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port or 80,
                                          timeout=UPSTREAM_TIMEOUT)
        try:
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    conn.putheader(name, value)
            conn.putheader("Content-Length", str(len(body)))
            conn.putheader("Connection", "close")
            conn.endheaders(body)
            resp = conn.getresponse()
            data = resp.read(MAX_UPSTREAM_BODY + 1)
            if len(data) > MAX_UPSTREAM_BODY:
                raise OSError("the upstream answer is larger than %d bytes" % MAX_UPSTREAM_BODY)
            headers = [(n, v) for n, v in resp.getheaders()
                       if n.lower() not in HOP_BY_HOP and n.lower() != "content-length"]
            return resp.status, resp.reason, headers, data
        finally:
            conn.close()

    def send_forwarded(self, status, reason, headers, data, send_len=None):
        if self.server.state.skew:
            headers = [(n, v) for n, v in headers if n.lower() != "date"]
        headers = headers + [("Content-Length", str(len(data)))]
        self.start_answer(status, reason, headers)
        self.end_headers()
        self.wfile.write(data if send_len is None else data[:send_len])

    def client_hung_up_during(self, seconds):
        """Waits up to @seconds; True as soon as the client closes."""
        deadline = time.monotonic() + seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            readable, _, _ = select.select([self.connection], [], [], min(remaining, 1.0))
            if readable:
                try:
                    peeked = self.connection.recv(1, socket.MSG_PEEK)
                except OSError:
                    return True
                if not peeked:
                    return True
                # Data from the client (pipelining): just wait out the delay.
                time.sleep(max(0.0, deadline - time.monotonic()))
                return False

    # ---- control API -----------------------------------------------------

    def control(self, body):
        state = self.server.state
        path = self.path.split("?", 1)[0]
        if self.command == "GET" and path == CONTROL_PATH + "/log":
            with state.lock:
                doc = state.snapshot()
            return self.answer(200, json.dumps(doc).encode(), "application/json")
        if self.command == "POST" and path == CONTROL_PATH + "/reset":
            with state.lock:
                state.reset()
            return self.answer(200, b'{"ok": true}', "application/json")
        if self.command == "POST" and path == CONTROL_PATH:
            try:
                rule = parse_rule(json.loads(body.decode("utf-8")))
            except (ValueError, UnicodeDecodeError) as e:
                return self.answer(400, json.dumps({"error": str(e)}).encode(), "application/json")
            with state.lock:
                if rule["mode"] == "skew":
                    state.skew = rule["seconds"]
                elif len(state.rules) >= MAX_RULES:
                    rule = None
                else:
                    state.rules.append(rule)
            if rule is None:
                return self.answer(400, b'{"error": "too many pending faults"}', "application/json")
            return self.answer(200, b'{"ok": true}', "application/json")
        self.answer(404, b'{"error": "no such control path"}', "application/json")

    # ---- requests ----------------------------------------------------------

    def handle_any(self):
        body = self.read_body()
        if body is None:
            return
        if self.path == CONTROL_PATH or self.path.startswith(CONTROL_PATH + "/"):
            return self.control(body)

        state = self.server.state
        action = request_action(self.headers, body)
        if action == "-":
            action = s3_action(self.command, self.path, self.headers)
        with state.lock:
            state.count(state.seen, action)
            skew = state.skew
            rule = None
            if skew:
                signed = parse_amz_date(self.headers.get("X-Amz-Date"))
                if signed is not None and abs(signed - (time.time() + skew)) > SKEW_WINDOW:
                    state.skew_rejected += 1
                    state.event(action, "skew-rejected")
                    rule = {"mode": "skew-rejected"}
            if rule is None:
                rule = state.take_rule(action, body)
                if rule is not None:
                    state.count(state.faults, rule["mode"])
                    state.event(action, rule["mode"])
                else:
                    state.event(action, "forwarded")

        mode = rule["mode"] if rule else None
        xml = "text/xml;charset=UTF-8"

        if mode == "skew-rejected":
            return self.answer(400, ec2_error_document("RequestExpired", "Request has expired."), xml)
        if mode == "throttle":
            return self.answer(503, ec2_error_document("RequestLimitExceeded", "Request limit exceeded."),
                               xml)
        if mode == "slowdown":
            doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
                   "<Message>Please reduce your request rate.</Message>"
                   "<RequestId>%s</RequestId></Error>" % uuid.uuid4().hex[:16].upper()).encode()
            return self.answer(503, doc, "application/xml")
        if mode == "html500":
            page = (b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
                    b"<body><h1>Internal Server Error</h1><p>The gateway failed.</p></body></html>\n")
            return self.answer(500, page, "text/html; charset=utf-8")
        if mode == "reset":
            return self.reset_connection()
        if mode == "bad-xml":
            doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<%sResponse xmlns="%s">'
                   "<requestId>%s</requestId><regionInfo><item><regionName>eu-west-1"
                   "</item></regionInfo>" % (action, EC2_XMLNS, uuid.uuid4())).encode()
            return self.answer(200, doc, xml)
        if mode == "empty":
            return self.answer(200, b"", xml)
        if mode == "aws-error":
            return self.answer(400, ec2_error_document(rule["code"], rule["message"]), xml)
        if mode == "wrong-root":
            doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<Unexpected xmlns="%s">'
                   "<requestId>%s</requestId></Unexpected>" % (EC2_XMLNS, uuid.uuid4())).encode()
            return self.answer(200, doc, xml)
        if mode == "non-utf8":
            doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<%sResponse xmlns="%s">'
                   "<requestId>%s</requestId><return>caf" % (action, EC2_XMLNS, uuid.uuid4())).encode()
            doc += b"\xe9 \xff\xfe</return></" + action.encode() + b"Response>"
            return self.answer(200, doc, xml)
        if mode == "huge":
            head = ('<?xml version="1.0" encoding="UTF-8"?>\n<%sResponse xmlns="%s">'
                    "<requestId>%s</requestId><return>" % (action, EC2_XMLNS, uuid.uuid4())).encode()
            tail = ("</return></%sResponse>" % action).encode()
            size = rule["size"]
            self.start_answer(200, None, [("Content-Type", xml),
                                          ("Content-Length", str(len(head) + size + len(tail)))])
            self.end_headers()
            self.wfile.write(head)
            block = b"A" * 65536
            left = size
            while left > 0:
                self.wfile.write(block[:min(left, len(block))])
                left -= min(left, len(block))
            self.wfile.write(tail)
            return None
        if mode == "delay":
            if self.client_hung_up_during(rule["seconds"]):
                with state.lock:
                    state.abandoned += 1
                    state.event(action, "abandoned")
                self.close_connection = True
                return None

        # Everything else reaches moto.
        try:
            status, reason, headers, data = self.forward(body)
        except (OSError, http.client.HTTPException) as e:
            self.log_message("upstream failed: %s", e)
            return self.answer(502, ("upstream failed: %s\n" % e).encode(), "text/plain")
        with state.lock:
            state.count(state.forwarded, action)

        if mode == "drop-response":
            return self.reset_connection()
        if mode == "truncate":
            self.close_connection = True
            return self.send_forwarded(status, reason, headers, data, send_len=len(data) // 2)
        return self.send_forwarded(status, reason, headers, data)

    def do_POST(self):
        self.guarded()

    do_GET = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_POST

    def guarded(self):
        try:
            self.handle_any()
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--upstream", required=True, help="moto's URL, http://127.0.0.1:PORT")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--max-lifetime", type=float, default=1800.0,
                        help="seconds after which the proxy stops by itself")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args()

    upstream = urllib.parse.urlsplit(args.upstream)
    if upstream.scheme != "http" or not upstream.hostname or not is_loopback(upstream.hostname):
        print("fault-proxy: the upstream must be an http:// loopback URL", file=sys.stderr)
        return 2
    if not is_loopback(args.host):
        print("fault-proxy: refusing to listen on a non-loopback address", file=sys.stderr)
        return 2

    Server.address_family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    server = Server((args.host.strip("[]"), args.port), Handler)
    server.state = State()
    server.upstream = upstream
    server.quiet = args.quiet

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    lifetime = threading.Timer(args.max_lifetime, stop)
    lifetime.daemon = True
    lifetime.start()

    print("AMIGO_PROXY_READY port=%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        lifetime.cancel()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
