#!/usr/bin/env python3
"""Amigo's listing against `aws ec2 describe-images`, interleaved.

Starts describe-images-server.py (N generated images, 1 000 a page), then
runs, ROUNDS times, bench-list-images and the AWS CLI against it, one
after the other, alternating which goes first. Each run's CPU time
(user + sys) and peak memory (maxrss) come from wait4(); its wall time
from the clock. This machine's speed swings for minutes at a time, so the
comparison uses the best CPU time of each side, with the median wall time
beside it. Amigo's first rows are measured against the server's first
byte (the server logs when it starts sending the first page).

The CLI is asked what the window asks: `--owners amazon --page-size 1000
--no-include-deprecated`; its JSON output goes to /dev/null. When `aws`
is not installed, `--cli botocore` runs botocore's paginator instead (the
same code path without the output).

    compare-list-images.py --build BUILDDIR [--images 50000] [--rounds 3]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

BOTOCORE = r'''
import sys, botocore.session
s = botocore.session.get_session()
c = s.create_client("ec2", region_name="us-east-1", endpoint_url=sys.argv[1])
n = 0
for page in c.get_paginator("describe_images").paginate(Owners=["amazon"], IncludeDeprecated=False,
                                                         PaginationConfig={"PageSize": 1000}):
    n += len(page["Images"])
print("images: %d" % n)
'''


def run(argv, env, stdout):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit('%s failed (%d): %s' % (argv[0], proc.returncode, err))
    return {'wall': wall, 'cpu': usage.ru_utime + usage.ru_stime, 'rss': usage.ru_maxrss / 1024.0}


def last_line(path):
    with open(path) as f:
        lines = f.read().split()
    return float(lines[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', required=True)
    ap.add_argument('--images', type=int, default=50000)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--cli', choices=['aws', 'botocore'], default='aws' if shutil.which('aws') else 'botocore')
    args = ap.parse_args()

    tmp = tempfile.mkdtemp()
    log = os.path.join(tmp, 'first-byte.log')
    server = subprocess.Popen([sys.executable, os.path.join(HERE, 'describe-images-server.py'),
                               '--images', str(args.images), '--first-byte-log', log],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        url = 'http://127.0.0.1:%d' % port
        env = dict(os.environ, AWS_ACCESS_KEY_ID='AKIDBENCHMARKEXAMPLE',
                   AWS_SECRET_ACCESS_KEY='bench/secret/not/a/real/one', AWS_DEFAULT_REGION='us-east-1',
                   AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_PAGER='')
        amigo = [os.path.join(args.build, 'tests', 'bench', 'bench-list-images'), url, 'us-east-1', 'amazon']
        if args.cli == 'aws':
            cli = ['aws', 'ec2', 'describe-images', '--endpoint-url', url, '--region', 'us-east-1',
                   '--owners', 'amazon', '--page-size', '1000', '--no-include-deprecated', '--output', 'json']
            # Once, untimed: the CLI sees every image too.
            out = subprocess.run(cli + ['--query', 'length(Images)'], env=env, check=True,
                                 capture_output=True, text=True).stdout.strip()
            print('aws CLI lists %s images' % out)
        else:
            cli = [sys.executable, '-c', BOTOCORE, url]

        results = {'amigo': [], 'cli': []}
        for r in range(args.rounds):
            order = ['amigo', 'cli'] if r % 2 == 0 else ['cli', 'amigo']
            for side in order:
                if side == 'amigo':
                    out_path = os.path.join(tmp, 'amigo.out')
                    with open(out_path, 'w') as out:
                        res = run(amigo, env, out)
                    first_byte = last_line(log)
                    fields = dict(line.split(': ', 1) for line in open(out_path).read().splitlines())
                    res['images'] = int(fields['images'])
                    res['first'] = float(fields['first-batch-seconds'])
                    res['after_first_byte'] = float(fields['first-batch-epoch']) - first_byte
                else:
                    with open(os.devnull, 'w') as out:
                        res = run(cli, env, out)
                results[side].append(res)
                print('round %d %-5s wall %6.2f s  cpu %6.2f s  rss %6.1f MiB%s' % (
                    r + 1, side, res['wall'], res['cpu'], res['rss'],
                    ('  images %d  first batch %.3f s (%.0f ms after the first byte)'
                     % (res['images'], res['first'], res['after_first_byte'] * 1000)) if side == 'amigo' else ''),
                    flush=True)

        a, c = results['amigo'], results['cli']
        best = lambda rs, k: min(x[k] for x in rs)
        med = lambda rs, k: statistics.median(x[k] for x in rs)
        print()
        print('| %d images, %d rounds | Amigo | %s | ratio |' % (args.images, args.rounds,
                                                              'aws CLI' if args.cli == 'aws' else 'botocore'))
        print('| --- | --- | --- | --- |')
        print('| best CPU (user+sys) | %.2f s | %.2f s | %.1f× |' % (best(a, 'cpu'), best(c, 'cpu'),
                                                                   best(c, 'cpu') / best(a, 'cpu')))
        print('| median wall | %.2f s | %.2f s | %.1f× |' % (med(a, 'wall'), med(c, 'wall'),
                                                           med(c, 'wall') / med(a, 'wall')))
        print('| first rows (median) | %.3f s after start, %.0f ms after the first byte | at the end | |'
              % (med(a, 'first'), med(a, 'after_first_byte') * 1000))
        print('| peak memory (max) | %.0f MiB | %.0f MiB | %.1f× less |' % (max(x['rss'] for x in a),
                                                                       max(x['rss'] for x in c),
                                                                       max(x['rss'] for x in c) / max(x['rss'] for x in a)))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
