#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A minimal S3-compatible server for the upload benchmark (loopback only).

moto keeps every part in memory and copies it several times, which makes it
the bottleneck for a 1 GiB upload; this server does what a multipart upload
needs and nothing else, the same for every client: CreateBucket (PUT
/bucket), CreateMultipartUpload (POST ?uploads), UploadPart (PUT
?partNumber&uploadId: the body is read in 1 MiB blocks, MD5-hashed for the
ETag, and discarded), CompleteMultipartUpload (POST ?uploadId), PutObject,
AbortMultipartUpload, HeadObject. It does not check signatures or store
objects. Path-style addressing only.

    s3-upload-server.py [--port 0]   → prints "S3_BENCH_READY port=N"
"""
import argparse
import hashlib
import http.server
import sys
import threading
import urllib.parse
import uuid

BLOCK = 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def read_body(self):
        """Reads and hashes the body (Content-Length or chunked); keeps none of it."""
        md5 = hashlib.md5()
        total = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b""):
                        pass
                    break
                left = size
                while left:
                    data = self.rfile.read(min(left, BLOCK))
                    md5.update(data)
                    left -= len(data)
                    total += len(data)
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length") or 0)
            while left:
                data = self.rfile.read(min(left, BLOCK))
                if not data:
                    break
                md5.update(data)
                left -= len(data)
                total += len(data)
        return md5.hexdigest(), total

    def answer(self, status=200, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if body:
            self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        parts = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        segments = parts.path.lstrip("/").split("/", 1)
        bucket = segments[0]
        key = segments[1] if len(segments) > 1 else ""
        etag, _ = self.read_body()
        if self.command == "POST" and "uploads" in query:
            upload_id = uuid.uuid4().hex
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult>'
                    "<Bucket>%s</Bucket><Key>%s</Key><UploadId>%s</UploadId>"
                    "</InitiateMultipartUploadResult>" % (bucket, key, upload_id)).encode()
            return self.answer(200, body)
        if self.command == "PUT" and key:
            return self.answer(200, headers=[("ETag", '"%s"' % etag)])
        if self.command == "POST" and "uploadId" in query:
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUploadResult>'
                    "<Bucket>%s</Bucket><Key>%s</Key><ETag>\"%s-1\"</ETag>"
                    "</CompleteMultipartUploadResult>" % (bucket, key, uuid.uuid4().hex)).encode()
            return self.answer(200, body)
        if self.command == "DELETE":
            return self.answer(204)
        return self.answer(200)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = handle_any


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    print("S3_BENCH_READY port=%d" % server.server_port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
