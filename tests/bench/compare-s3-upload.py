#!/usr/bin/env python3
"""Amigo's multipart upload against `aws s3 cp`, interleaved.

Makes a file of --size MiB (1024 by default, random bytes), starts
s3-upload-server.py, then runs, ROUNDS times, bench-s3-upload and
`aws s3 cp FILE s3://bench/KEY --endpoint-url …` against it, alternating
which goes first. Each run's wall time comes from the clock and its peak
memory (maxrss) from wait4(). Prints each run, the median throughput of
each side and the median of the per-round ratios (Amigo / AWS CLI).

Both sides use their defaults: Amigo 8 MiB parts, 4 at a time, a SHA-256
checksum per part; the AWS CLI 8 MiB parts, 10 at a time, and its own
default checksum. The machine is shared: few rounds, run by hand.

    compare-s3-upload.py --build BUILDDIR [--size 1024] [--rounds 3]
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


def run(argv, env):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.stdout.close()
    wall = time.monotonic() - start
    if status != 0:
        sys.exit("%s failed:\n%s" % (argv[0], out.decode(errors="replace")))
    return wall, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--size", type=int, default=1024, help="MiB")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    aws = shutil.which("aws")
    if aws is None:
        sys.exit("the AWS CLI (aws) is not installed")
    bench = os.path.join(args.build, "tests", "bench", "bench-s3-upload")

    tmp = tempfile.mkdtemp(prefix="amigo-s3-bench-")
    path = os.path.join(tmp, "disk.raw")
    with open(path, "wb") as f:
        for _ in range(args.size):
            f.write(os.urandom(1024 * 1024))
    size = os.path.getsize(path)

    server = subprocess.Popen([sys.executable, os.path.join(HERE, "s3-upload-server.py")],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().strip().split("port=")[1])
        endpoint = "http://127.0.0.1:%d" % port
        env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDBENCHMARK", AWS_SECRET_ACCESS_KEY="bench-secret",
                   AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE=os.devnull,
                   AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        sides = {
            "amigo": [bench, endpoint, path, "bench"],
            "aws s3 cp": [aws, "s3", "cp", path, "s3://bench/bench/aws.raw", "--endpoint-url", endpoint,
                          "--no-progress", "--only-show-errors"],
        }
        results = {name: [] for name in sides}
        ratios = []
        for r in range(args.rounds):
            order = list(sides) if r % 2 == 0 else list(reversed(list(sides)))
            speeds = {}
            for name in order:
                wall, rss = run(sides[name], env)
                speed = size / (1024 * 1024) / wall
                speeds[name] = speed
                results[name].append((wall, speed, rss))
                print("round %d  %-10s %7.2f s  %7.1f MiB/s  peak RSS %7.1f MiB" % (r + 1, name, wall, speed, rss),
                      flush=True)
            ratios.append(speeds["amigo"] / speeds["aws s3 cp"])
        print()
        for name, rows in results.items():
            print("%-10s median %7.1f MiB/s (%.2f s), peak RSS max %.1f MiB" % (
                name, statistics.median(r[1] for r in rows), statistics.median(r[0] for r in rows),
                max(r[2] for r in rows)))
        print("median ratio amigo / aws s3 cp: %.2f× the throughput" % statistics.median(ratios))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
