#!/usr/bin/env python3
"""A static EC2 stand-in for the Clean Up benchmark: the account's own images
in several regions, their snapshots, what refers to them, and EC2's
request-rate limits.

Answers, per region (the region of the request's SigV4 credential scope):
DescribeImages Owner=self (MaxResults a page), DescribeSnapshots
Owner=self (the images' snapshots, MaxResults a page),
DescribeImageReferences (ImageId.N; every fifth image is used by an
instance) and GetAllowedImagesSettings (disabled).  moto would be the
bottleneck at thousands of images; these answers are prepared.

Rate limits as EC2 applies them ("Request throttling for the Amazon EC2
API": a token bucket per account and Region for each category of
action; non-mutating actions have a bucket of 100 tokens refilled at 20
a second): a request that finds the bucket empty is answered 503
RequestLimitExceeded.  GET /stats answers the counts as JSON.

It checks no signature.  Loopback only; prints its port on stdout.

    cleanup-server.py --images 5000 --regions us-east-1,eu-west-1,ap-northeast-1,sa-east-1
"""
import argparse
import json
import random
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NS = 'http://ec2.amazonaws.com/doc/2016-11-15/'
OWNER = '123456789012'
BUCKET_SIZE = 100
REFILL_PER_SECOND = 20


class Region:
    def __init__(self, name, n, rng):
        self.name = name
        self.images = []
        self.snapshots = []
        for i in range(n):
            image_id = 'ami-%017x' % rng.getrandbits(68)
            n_snapshots = rng.choice([1, 1, 2])
            snaps = []
            for _ in range(n_snapshots):
                snapshot_id = 'snap-%017x' % rng.getrandbits(68)
                size = rng.choice([8, 8, 16, 30, 100])
                tier = 'archive' if rng.random() < 0.1 else 'standard'
                snaps.append((snapshot_id, size, tier))
                self.snapshots.append((snapshot_id, size, tier))
            launched = None
            if rng.random() < 0.6:
                launched = '2026-%02d-%02dT%02d:00:00Z' % (rng.randrange(1, 12), rng.randrange(1, 28), rng.randrange(24))
            created = '20%02d-%02d-%02dT10:00:00.000Z' % (rng.randrange(22, 26), rng.randrange(1, 13), rng.randrange(1, 28))
            self.images.append((image_id, 'nightly-%s-%05d' % (name, i), created, launched, snaps, i % 5 == 0))
        self.by_id = {image[0]: image for image in self.images}

    def image_xml(self, image):
        image_id, name, created, launched, snaps, _ = image
        mappings = ''.join(
            '<item><deviceName>/dev/xvd%s</deviceName><ebs><snapshotId>%s</snapshotId>'
            '<volumeSize>%d</volumeSize><deleteOnTermination>true</deleteOnTermination>'
            '<volumeType>gp3</volumeType></ebs></item>' % ('abcdefgh'[k], s[0], s[1])
            for k, s in enumerate(snaps))
        return ('<item><imageId>%s</imageId><imageState>available</imageState>'
                '<imageOwnerId>%s</imageOwnerId><creationDate>%s</creationDate>'
                '<isPublic>false</isPublic><architecture>x86_64</architecture>'
                '<imageType>machine</imageType><name>%s</name><rootDeviceType>ebs</rootDeviceType>'
                '<rootDeviceName>/dev/xvda</rootDeviceName><blockDeviceMapping>%s</blockDeviceMapping>'
                '<virtualizationType>hvm</virtualizationType>%s</item>'
                % (image_id, OWNER, created, name, mappings,
                   '<lastLaunchedTime>%s</lastLaunchedTime>' % launched if launched else ''))


class Bucket:
    def __init__(self):
        self.tokens = BUCKET_SIZE
        self.at = time.monotonic()
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            now = time.monotonic()
            self.tokens = min(BUCKET_SIZE, self.tokens + (now - self.at) * REFILL_PER_SECOND)
            self.at = now
            if self.tokens < 1:
                return False
            self.tokens -= 1
            return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    regions = {}
    buckets = {}
    stats = {'requests': 0, 'throttled': 0, 'by_action': {}}
    lock = threading.Lock()

    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body):
        data = body.encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'text/xml;charset=UTF-8')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, code, message):
        self.answer(status, '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>'
                            '<Code>%s</Code><Message>%s</Message></Error></Errors>'
                            '<RequestID>bench</RequestID></Response>\n' % (code, message))

    def do_GET(self):
        if self.path == '/stats':
            with self.lock:
                data = json.dumps(self.stats)
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data.encode('utf-8'))
        else:
            self.error(404, 'NotFound', self.path)

    def page(self, items, params, size_default=1000):
        size = int(params.get('MaxResults', [str(size_default)])[0])
        start = int(params.get('NextToken', ['0'])[0])
        chunk = items[start:start + size]
        token = '<nextToken>%d</nextToken>' % (start + size) if start + size < len(items) else ''
        return chunk, token

    def do_POST(self):
        length = int(self.headers.get('Content-Length', '0'))
        params = urllib.parse.parse_qs(self.rfile.read(length).decode('utf-8'))
        action = params.get('Action', [''])[0]
        scope = re.search(r'Credential=[^/]+/\d{8}/([^/]+)/', self.headers.get('Authorization', ''))
        region = self.regions.get(scope.group(1) if scope else '')
        with self.lock:
            self.stats['requests'] += 1
            self.stats['by_action'][action] = self.stats['by_action'].get(action, 0) + 1
        if region is None:
            self.error(401, 'AuthFailure', 'unknown region')
            return
        if not self.buckets[region.name].take():
            with self.lock:
                self.stats['throttled'] += 1
            self.error(503, 'RequestLimitExceeded', 'Request limit exceeded.')
            return
        head = '<?xml version="1.0" encoding="UTF-8"?>\n<%sResponse xmlns="%s"><requestId>bench</requestId>' % (action, NS)
        tail = '</%sResponse>\n' % action
        if action == 'DescribeImages':
            chunk, token = self.page(region.images, params)
            self.answer(200, head + '<imagesSet>' + ''.join(region.image_xml(i) for i in chunk) + '</imagesSet>' + token + tail)
        elif action == 'DescribeSnapshots':
            chunk, token = self.page(region.snapshots, params)
            items = ''.join('<item><snapshotId>%s</snapshotId><volumeSize>%d</volumeSize><status>completed</status>'
                            '<ownerId>%s</ownerId><storageTier>%s</storageTier>'
                            '<fullSnapshotSizeInBytes>%d</fullSnapshotSizeInBytes></item>'
                            % (s[0], s[1], OWNER, s[2], s[1] * (1 << 30) // 2) for s in chunk)
            self.answer(200, head + '<snapshotSet>' + items + '</snapshotSet>' + token + tail)
        elif action == 'DescribeImageReferences':
            ids = [v[0] for k, v in params.items() if k.startswith('ImageId.')]
            refs = ''.join('<item><imageId>%s</imageId><resourceType>ec2:Instance</resourceType>'
                           '<arn>arn:aws:ec2:%s:%s:instance/i-%s</arn></item>' % (i, region.name, OWNER, i[4:])
                           for i in ids if i in region.by_id and region.by_id[i][5])
            self.answer(200, head + '<imageReferenceSet>' + refs + '</imageReferenceSet>' + tail)
        elif action == 'GetAllowedImagesSettings':
            self.answer(200, head + '<state>disabled</state><managedBy>account</managedBy>' + tail)
        else:
            self.error(400, 'InvalidAction', action)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--images', type=int, default=5000)
    ap.add_argument('--regions', default='us-east-1,eu-west-1,ap-northeast-1,sa-east-1')
    ap.add_argument('--port', type=int, default=0)
    args = ap.parse_args()
    names = args.regions.split(',')
    rng = random.Random(20261207)
    for k, name in enumerate(names):
        n = args.images // len(names) + (1 if k < args.images % len(names) else 0)
        Handler.regions[name] = Region(name, n, rng)
        Handler.buckets[name] = Bucket()
    server = ThreadingHTTPServer(('127.0.0.1', args.port), Handler)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == '__main__':
    main()
