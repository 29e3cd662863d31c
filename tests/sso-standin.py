#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback stand-in for IAM Identity Center: the SSO OIDC API and the
portal API, written from their API references (botocore's `sso-oidc` and
`sso` models carry the same documentation strings). moto has neither.

    python3 tests/sso-standin.py --sts-endpoint http://127.0.0.1:4566 [--port 0]
    AMIGO_SSO_READY port=40123

The key that signs STS AssumeRole (role credentials are minted through
moto's own STS, so moto accepts them with signatures enforced) comes from
AMIGO_TEST_ACCESS_KEY_ID / AMIGO_TEST_SECRET_ACCESS_KEY, as
tests/moto-harness.sh exports them. Without --sts-endpoint the credentials
are invented (and no AWS stand-in accepts them).

SSO OIDC (all unsigned, JSON bodies; errors are 400/401 with
`x-amzn-ErrorType: <Name>Exception` and `{"error": "...",
"error_description": "..."}`):

    POST /client/register          RegisterClient
    POST /device_authorization     StartDeviceAuthorization
    POST /token                    CreateToken (device_code, authorization_code
                                   with PKCE S256, refresh_token)
    GET  /authorize?...            the authorize page: answers at once with a
                                   302 to the loopback redirect_uri with
                                   ?code=…&state=… (or ?error=access_denied)

Portal (unsigned, bearer token in `x-amz-sso_bearer_token`):

    GET /assignment/accounts       ListAccounts (next_token, max_result)
    GET /assignment/roles          ListAccountRoles (account_id, …)
    GET /federation/credentials    GetRoleCredentials (account_id, role_name)

Test control (paths no AWS client uses):

    POST /amigo-test/next-token  {"pending": N, "slow_down": N, "expire": true,
                                  "deny": true, "invalid_grant": true}
          the next CreateToken answers (of any grant type) are, in that order,
          N times AuthorizationPending, N times SlowDown, then ExpiredToken,
          AccessDenied or InvalidGrant once if asked. "deny" also makes the
          next /authorize redirect with error=access_denied.
    POST /amigo-test/config      {"interval": 1, "token_seconds": 3600,
                                  "device_expires_in": 600, "accounts": N,
                                  "roles_per_account": N}
    POST /amigo-test/expire-tokens   every access token issued so far expires
                                     (the portal answers UnauthorizedException)
    POST /amigo-test/revoke-refresh  every refresh token issued so far is
                                     refused (InvalidGrantException)
    GET  /amigo-test/stats       counts of each operation, the polls' gaps in
                                 seconds, the grant types used
    POST /amigo-test/reset       forget every client, token and knob

Bounds: loopback only, request bodies of at most 1 MiB, standard library only.
No token, secret or credential is ever written to the log.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import http.server
import ipaddress
import json
import os
import secrets
import signal
import socketserver
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

READY_PREFIX = "AMIGO_SSO_READY"
MAX_BODY = 1024 * 1024
TEST_ROLE_ARN = "arn:aws:iam::123456789012:role/amigo-test-role"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def _account_id(index):
    # The first account is moto's own, the others are made up.
    return "123456789012" if index == 0 else "%012d" % (210987654321 + index)


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.clients = {}          # clientId -> dict
        self.devices = {}          # deviceCode -> dict
        self.codes = {}            # authorization code -> dict
        self.access_tokens = {}    # token -> expiry (epoch seconds)
        self.refresh_tokens = {}   # token -> clientId
        self.knobs = {"pending": 0, "slow_down": 0, "expire": False,
                      "deny": False, "invalid_grant": False}
        self.config = {"interval": 1, "token_seconds": 3600,
                       "device_expires_in": 600, "accounts": 3,
                       "roles_per_account": 2}
        self.stats = {"operations": {}, "poll_gaps": [], "grants": [],
                      "authorize": 0}

    def count(self, operation):
        ops = self.stats["operations"]
        ops[operation] = ops.get(operation, 0) + 1

    def accounts(self):
        return [{"accountId": _account_id(i),
                 "accountName": "amigo-account-%d" % (i + 1),
                 "emailAddress": "owner%d@example.com" % (i + 1)}
                for i in range(self.config["accounts"])]

    def roles(self, account_id):
        if account_id not in [a["accountId"] for a in self.accounts()]:
            return None
        names = ["AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess",
                 "Billing", "SecurityAudit", "ViewOnlyAccess"]
        count = self.config["roles_per_account"]
        return [{"roleName": names[i] if i < len(names) else "Role%d" % i,
                 "accountId": account_id} for i in range(count)]


STATE = State()


def _sigv4_assume_role(endpoint, key_id, secret, session_name, seconds):
    """AssumeRole of amigo-test-role on moto's STS, SigV4-signed by hand."""
    body = urllib.parse.urlencode({
        "Action": "AssumeRole", "Version": "2011-06-15",
        "RoleArn": TEST_ROLE_ARN, "RoleSessionName": session_name,
        "DurationSeconds": str(seconds)})
    url = urllib.parse.urlsplit(endpoint)
    host = url.netloc
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    payload_hash = hashlib.sha256(body.encode()).hexdigest()
    content_type = "application/x-www-form-urlencoded; charset=utf-8"
    canonical = "\n".join([
        "POST", "/", "",
        "content-type:" + content_type, "host:" + host,
        "x-amz-date:" + amz_date, "",
        "content-type;host;x-amz-date", payload_hash])
    scope = day + "/us-east-1/sts/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (day, "us-east-1", "sts", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        endpoint.rstrip("/") + "/", data=body.encode(), method="POST",
        headers={"Content-Type": content_type, "X-Amz-Date": amz_date,
                 "Authorization": "AWS4-HMAC-SHA256 Credential=%s/%s, "
                 "SignedHeaders=content-type;host;x-amz-date, Signature=%s"
                 % (key_id, scope, signature)})
    with urllib.request.urlopen(request, timeout=30) as answer:
        document = ET.fromstring(answer.read())
    found = {}
    for element in document.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("AccessKeyId", "SecretAccessKey", "SessionToken",
                   "Expiration"):
            found[tag] = element.text
    expiration = datetime.datetime.fromisoformat(
        found["Expiration"].replace("Z", "+00:00"))
    return {"accessKeyId": found["AccessKeyId"],
            "secretAccessKey": found["SecretAccessKey"],
            "sessionToken": found["SessionToken"],
            "expiration": int(expiration.timestamp() * 1000)}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AmigoSsoStandIn/1"
    sts_endpoint = None
    quiet = False

    def log_message(self, fmt, *args):
        if not self.quiet:
            # The path only: query strings carry codes, never logged.
            sys.stderr.write("sso-standin: %s %s -> %s\n" % (
                self.command, urllib.parse.urlsplit(self.path).path,
                args[1] if len(args) > 1 else ""))

    # -- plumbing -----------------------------------------------------------

    def _read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return {}
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("not an object")
        return value

    def _send(self, status, value=None, headers=None):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-RequestId", secrets.token_hex(8))
        for name, header_value in (headers or {}).items():
            self.send_header(name, header_value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _oidc_error(self, name, error, description, status=400):
        self._send(status, {"error": error, "error_description": description},
                   {"x-amzn-ErrorType": name})

    def _portal_error(self, name, message, status):
        self._send(status, {"message": message}, {"x-amzn-ErrorType": name})

    # -- dispatch -----------------------------------------------------------

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        try:
            body = self._read_json()
        except (ValueError, UnicodeDecodeError):
            self._oidc_error("InvalidRequestException", "invalid_request",
                             "The request body is not a JSON object.")
            return
        routes = {"/client/register": self.register_client,
                  "/device_authorization": self.start_device_authorization,
                  "/token": self.create_token,
                  "/amigo-test/next-token": self.knob_next_token,
                  "/amigo-test/config": self.knob_config,
                  "/amigo-test/expire-tokens": self.knob_expire_tokens,
                  "/amigo-test/revoke-refresh": self.knob_revoke_refresh,
                  "/amigo-test/reset": self.knob_reset}
        route = routes.get(path)
        if route is None:
            self._send(404, {"message": "Not found"})
            return
        with STATE.lock:
            route(body)

    def do_GET(self):
        split = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(split.query))
        routes = {"/authorize": self.authorize,
                  "/assignment/accounts": self.list_accounts,
                  "/assignment/roles": self.list_account_roles,
                  "/federation/credentials": self.get_role_credentials,
                  "/amigo-test/stats": self.knob_stats}
        route = routes.get(split.path)
        if route is None:
            self._send(404, {"message": "Not found"})
            return
        if split.path == "/federation/credentials":
            # Minting talks to moto: not under the lock.
            route(query)
            return
        with STATE.lock:
            route(query)

    # -- SSO OIDC -----------------------------------------------------------

    def register_client(self, body):
        STATE.count("RegisterClient")
        if not body.get("clientName") or not body.get("clientType"):
            self._oidc_error("InvalidRequestException", "invalid_request",
                             "clientName and clientType are required.")
            return
        if body["clientType"] != "public":
            self._oidc_error("InvalidClientMetadataException",
                             "invalid_client_metadata",
                             "clientType must be public.")
            return
        now = int(time.time())
        client_id = "client-" + secrets.token_urlsafe(12)
        client_secret = secrets.token_urlsafe(32)
        STATE.clients[client_id] = {
            "secret": client_secret,
            "scopes": body.get("scopes") or [],
            "redirectUris": body.get("redirectUris") or [],
            "grantTypes": body.get("grantTypes") or [],
            "expiresAt": now + 90 * 24 * 3600}
        base = "http://%s:%d" % self.server.server_address[:2]
        self._send(200, {"clientId": client_id, "clientSecret": client_secret,
                         "clientIdIssuedAt": now,
                         "clientSecretExpiresAt": now + 90 * 24 * 3600,
                         "authorizationEndpoint": base + "/authorize",
                         "tokenEndpoint": base + "/token"})

    def _check_client(self, body):
        client = STATE.clients.get(body.get("clientId") or "")
        if client is None or client["secret"] != body.get("clientSecret") \
                or client["expiresAt"] < time.time():
            self._oidc_error("InvalidClientException", "invalid_client",
                             "The client is not registered or its secret "
                             "is wrong or expired.", 401)
            return None
        return client

    def start_device_authorization(self, body):
        STATE.count("StartDeviceAuthorization")
        if self._check_client(body) is None:
            return
        if not body.get("startUrl"):
            self._oidc_error("InvalidRequestException", "invalid_request",
                             "startUrl is required.")
            return
        device_code = secrets.token_urlsafe(32)
        user_code = "%s-%s" % (secrets.token_hex(2).upper(),
                               secrets.token_hex(2).upper())
        STATE.devices[device_code] = {
            "clientId": body["clientId"], "userCode": user_code,
            "expires": time.time() + STATE.config["device_expires_in"],
            "interval": STATE.config["interval"], "lastPoll": None}
        base = "http://%s:%d" % self.server.server_address[:2]
        self._send(200, {
            "deviceCode": device_code, "userCode": user_code,
            "verificationUri": base + "/device",
            "verificationUriComplete": base + "/device?user_code=" + user_code,
            "expiresIn": STATE.config["device_expires_in"],
            "interval": STATE.config["interval"]})

    def _issue_token(self, client_id, grant):
        STATE.stats["grants"].append(grant)
        access_token = "aoa" + secrets.token_urlsafe(40)
        refresh_token = "aor" + secrets.token_urlsafe(40)
        STATE.access_tokens[access_token] = (time.time()
                                             + STATE.config["token_seconds"])
        STATE.refresh_tokens[refresh_token] = client_id
        self._send(200, {"accessToken": access_token, "tokenType": "Bearer",
                         "expiresIn": STATE.config["token_seconds"],
                         "refreshToken": refresh_token})

    def _knob_answer(self):
        """The error a test asked for, sent; True if one was."""
        knobs = STATE.knobs
        if knobs["pending"] > 0:
            knobs["pending"] -= 1
            self._oidc_error("AuthorizationPendingException",
                             "authorization_pending",
                             "The user has not yet approved the request.")
            return True
        if knobs["slow_down"] > 0:
            knobs["slow_down"] -= 1
            self._oidc_error("SlowDownException", "slow_down",
                             "The client polls too often.")
            return "slow_down"
        for knob, name, error, text in (
                ("expire", "ExpiredTokenException", "expired_token",
                 "The device code has expired."),
                ("deny", "AccessDeniedException", "access_denied",
                 "The user denied the request."),
                ("invalid_grant", "InvalidGrantException", "invalid_grant",
                 "The grant is not valid.")):
            if knobs[knob]:
                knobs[knob] = False
                self._oidc_error(name, error, text)
                return True
        return False

    def create_token(self, body):
        STATE.count("CreateToken")
        client = self._check_client(body)
        if client is None:
            return
        grant = body.get("grantType")
        if grant == DEVICE_GRANT:
            device = STATE.devices.get(body.get("deviceCode") or "")
            if device is None or device["clientId"] != body["clientId"]:
                self._oidc_error("InvalidGrantException", "invalid_grant",
                                 "The device code is not valid.")
                return
            now = time.time()
            if device["lastPoll"] is not None:
                gap = now - device["lastPoll"]
                STATE.stats["poll_gaps"].append(round(gap, 3))
                # RFC 8628 3.5: polling faster than the interval is
                # answered slow_down (a small tolerance for timers).
                if gap < device["interval"] - 0.2:
                    device["lastPoll"] = now
                    device["interval"] += 5
                    self._oidc_error("SlowDownException", "slow_down",
                                     "The client polls too often.")
                    return
            device["lastPoll"] = now
            if now > device["expires"]:
                del STATE.devices[body["deviceCode"]]
                self._oidc_error("ExpiredTokenException", "expired_token",
                                 "The device code has expired.")
                return
            answered = self._knob_answer()
            if answered == "slow_down":
                device["interval"] += 5
            if answered:
                return
            del STATE.devices[body["deviceCode"]]
            self._issue_token(body["clientId"], "device_code")
        elif grant == "authorization_code":
            if self._knob_answer():
                return
            entry = STATE.codes.pop(body.get("code") or "", None)
            if entry is None or entry["clientId"] != body["clientId"] \
                    or entry["expires"] < time.time():
                self._oidc_error("InvalidGrantException", "invalid_grant",
                                 "The authorization code is not valid.")
                return
            if body.get("redirectUri") != entry["redirectUri"]:
                self._oidc_error("InvalidGrantException", "invalid_grant",
                                 "redirectUri differs from the one of the "
                                 "authorization request.")
                return
            verifier = body.get("codeVerifier") or ""
            challenge = base64.urlsafe_b64encode(
                hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
            if not verifier or challenge.decode() != entry["challenge"]:
                self._oidc_error("InvalidGrantException", "invalid_grant",
                                 "The code verifier does not match the "
                                 "code challenge.")
                return
            self._issue_token(body["clientId"], "authorization_code")
        elif grant == "refresh_token":
            if self._knob_answer():
                return
            owner = STATE.refresh_tokens.pop(body.get("refreshToken") or "",
                                             None)
            if owner != body["clientId"]:
                self._oidc_error("InvalidGrantException", "invalid_grant",
                                 "The refresh token is not valid.")
                return
            self._issue_token(body["clientId"], "refresh_token")
        else:
            self._oidc_error("UnsupportedGrantTypeException",
                             "unsupported_grant_type",
                             "The grant type is not supported.")

    def authorize(self, query):
        STATE.count("Authorize")
        STATE.stats["authorize"] += 1
        client = STATE.clients.get(query.get("client_id") or "")
        redirect = query.get("redirect_uri") or ""
        split = urllib.parse.urlsplit(redirect)
        try:
            loopback = ipaddress.ip_address(split.hostname or "").is_loopback
        except ValueError:
            loopback = False
        registered = False
        if client is not None:
            for uri in client["redirectUris"]:
                known = urllib.parse.urlsplit(uri)
                # RFC 8252 7.3: any port for a loopback redirect URI.
                if known.hostname == split.hostname and \
                        known.path == split.path:
                    registered = True
        if client is None or not loopback or not registered or \
                split.scheme != "http":
            self._send(400, {"error": "invalid_request",
                             "error_description": "Unknown client or "
                             "redirect URI."})
            return
        state = query.get("state") or ""
        if STATE.knobs["deny"]:
            STATE.knobs["deny"] = False
            params = {"error": "access_denied", "state": state}
        elif query.get("response_type") != "code" or \
                query.get("code_challenge_method") != "S256" or \
                not query.get("code_challenge"):
            params = {"error": "invalid_request", "state": state}
        else:
            code = secrets.token_urlsafe(24)
            STATE.codes[code] = {"clientId": query["client_id"],
                                 "redirectUri": redirect,
                                 "challenge": query["code_challenge"],
                                 "expires": time.time() + 600}
            params = {"code": code, "state": state}
        location = redirect + ("&" if split.query else "?") + \
            urllib.parse.urlencode(params)
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- portal -------------------------------------------------------------

    def _check_bearer(self):
        token = self.headers.get("x-amz-sso_bearer_token") or ""
        expiry = STATE.access_tokens.get(token)
        if expiry is None or expiry < time.time():
            self._portal_error("UnauthorizedException",
                               "Session token not found or invalid", 401)
            return False
        return True

    def _page(self, items, query, key):
        try:
            start = int(query.get("next_token") or 0)
            size = int(query.get("max_result") or 20)
        except ValueError:
            self._portal_error("InvalidRequestException",
                               "next_token or max_result is not valid", 400)
            return
        if size < 1 or size > 100 or start < 0:
            self._portal_error("InvalidRequestException",
                               "max_result must be between 1 and 100", 400)
            return
        answer = {key: items[start:start + size]}
        if start + size < len(items):
            answer["nextToken"] = str(start + size)
        self._send(200, answer)

    def list_accounts(self, query):
        STATE.count("ListAccounts")
        if self._check_bearer():
            self._page(STATE.accounts(), query, "accountList")

    def list_account_roles(self, query):
        STATE.count("ListAccountRoles")
        if not self._check_bearer():
            return
        roles = STATE.roles(query.get("account_id") or "")
        if roles is None:
            self._portal_error("ResourceNotFoundException",
                               "No access to this account", 404)
            return
        self._page(roles, query, "roleList")

    def get_role_credentials(self, query):
        with STATE.lock:
            STATE.count("GetRoleCredentials")
            if not self._check_bearer():
                return
            roles = STATE.roles(query.get("account_id") or "") or []
            if query.get("role_name") not in [r["roleName"] for r in roles]:
                self._portal_error("ResourceNotFoundException",
                                   "No access to this role", 404)
                return
            seconds = STATE.config["token_seconds"]
        try:
            if self.sts_endpoint:
                credentials = _sigv4_assume_role(
                    self.sts_endpoint, os.environ["AMIGO_TEST_ACCESS_KEY_ID"],
                    os.environ["AMIGO_TEST_SECRET_ACCESS_KEY"],
                    "amigo-sso-" + query["role_name"][:40],
                    max(900, min(seconds, 43200)))
            else:
                credentials = {
                    "accessKeyId": "ASIA" + secrets.token_hex(8).upper(),
                    "secretAccessKey": secrets.token_urlsafe(30),
                    "sessionToken": secrets.token_urlsafe(60),
                    "expiration": int((time.time() + 3600) * 1000)}
        except (OSError, KeyError, ET.ParseError, ValueError) as error:
            sys.stderr.write("sso-standin: AssumeRole failed: %s\n"
                             % type(error).__name__)
            self._portal_error("InternalServerException",
                               "Could not mint role credentials", 500)
            return
        self._send(200, {"roleCredentials": credentials})

    # -- test control -------------------------------------------------------

    def knob_next_token(self, body):
        for key in ("pending", "slow_down"):
            if key in body:
                STATE.knobs[key] = max(0, int(body[key]))
        for key in ("expire", "deny", "invalid_grant"):
            if key in body:
                STATE.knobs[key] = bool(body[key])
        self._send(200, STATE.knobs)

    def knob_config(self, body):
        for key in STATE.config:
            if key in body:
                STATE.config[key] = int(body[key])
        self._send(200, STATE.config)

    def knob_expire_tokens(self, _body):
        for token in STATE.access_tokens:
            STATE.access_tokens[token] = 0
        self._send(200, {"expired": len(STATE.access_tokens)})

    def knob_revoke_refresh(self, _body):
        count = len(STATE.refresh_tokens)
        STATE.refresh_tokens.clear()
        self._send(200, {"revoked": count})

    def knob_stats(self, _query):
        self._send(200, STATE.stats)

    def knob_reset(self, _body):
        STATE.reset()
        self._send(200, {})


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--sts-endpoint",
                        default=os.environ.get("AMIGO_TEST_ENDPOINT"))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    try:
        if not ipaddress.ip_address(args.host).is_loopback:
            raise ValueError
    except ValueError:
        sys.stderr.write("sso-standin: %s is not a loopback address\n"
                         % args.host)
        return 2
    if args.sts_endpoint:
        host = urllib.parse.urlsplit(args.sts_endpoint).hostname or ""
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError
        except ValueError:
            sys.stderr.write("sso-standin: the STS endpoint is not on "
                             "loopback\n")
            return 2
    Handler.sts_endpoint = args.sts_endpoint
    Handler.quiet = args.quiet
    server = Server((args.host, args.port), Handler)

    def stop(_signum, _frame):
        threading.Thread(target=server.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("%s port=%d" % (READY_PREFIX, server.server_address[1]), flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
