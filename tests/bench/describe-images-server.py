#!/usr/bin/env python3
"""A static EC2 stand-in that answers DescribeImages with generated pages.

For the listing benchmark (bench-list-images, compare-list-images.py): it
serves N images made by gen-describe-images.py (the same realistic images,
the same seed), MaxResults at a time (1 000 when not given, as the
benchmark's clients ask), each page ending with a <nextToken> until the
last. moto itself would be the bottleneck at 50 000 images (it builds
every answer from Python objects, seconds a page); this replays prepared
pages so that what is measured is the client.

It checks nothing: no signature, no parameters but Action, MaxResults and
NextToken. Loopback only. It prints its port on the first line of stdout,
and with --first-byte-log appends to that file, for every first page (a
request without NextToken), the wall-clock time (seconds since the epoch)
at which it starts sending the answer: a client's first rows are measured
against it.

    describe-images-server.py --images 50000 [--port 0] [--first-byte-log FILE]
"""
import argparse
import importlib.util
import os
import random
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('gen', os.path.join(HERE, 'gen-describe-images.py'))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n'
        ' <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n'
        ' <imagesSet>\n')


class Pages:
    def __init__(self, n):
        rng = random.Random(20240601)
        self.images = [gen.image(rng, i) for i in range(n)]
        self.cache = {}
        self.lock = threading.Lock()

    def page(self, size, index):
        key = (size, index)
        with self.lock:
            body = self.cache.get(key)
        if body is None:
            start = index * size
            chunk = self.images[start:start + size]
            more = start + size < len(self.images)
            tail = ' </imagesSet>\n'
            if more:
                tail += ' <nextToken>page-%d-%d</nextToken>\n' % (size, index + 1)
            body = (HEAD + ''.join(chunk) + tail + '</DescribeImagesResponse>\n').encode('utf-8')
            with self.lock:
                self.cache[key] = body
        return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    pages = None
    first_byte_log = None

    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body):
        self.send_response(status)
        self.send_header('Content-Type', 'text/xml;charset=UTF-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get('Content-Length', '0'))
        params = urllib.parse.parse_qs(self.rfile.read(length).decode('utf-8'))
        if params.get('Action', [''])[0] != 'DescribeImages':
            self.answer(400, b'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>'
                             b'<Code>InvalidAction</Code><Message>Only DescribeImages here</Message>'
                             b'</Error></Errors><RequestID>bench</RequestID></Response>\n')
            return
        size = int(params.get('MaxResults', ['1000'])[0])
        token = params.get('NextToken', [None])[0]
        index = int(token.rsplit('-', 1)[1]) if token else 0
        body = self.pages.page(size, index)
        if token is None and self.first_byte_log:
            with open(self.first_byte_log, 'a') as log:
                log.write('%.6f\n' % time.time())
        self.answer(200, body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--images', type=int, default=50000)
    ap.add_argument('--port', type=int, default=0)
    ap.add_argument('--first-byte-log')
    args = ap.parse_args()
    Handler.pages = Pages(args.images)
    Handler.first_byte_log = args.first_byte_log
    # Every page ready before the first client comes: a page costs the
    # server nothing while clients are timed.
    for i in range((args.images + 999) // 1000):
        Handler.pages.page(1000, i)
    server = ThreadingHTTPServer(('127.0.0.1', args.port), Handler)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == '__main__':
    main()
