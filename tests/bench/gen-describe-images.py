#!/usr/bin/env python3
"""Writes a realistic DescribeImages answer with N images, for benchmarks.

Shaped like what EC2 sends for `--owners amazon aws-marketplace` or a busy
account: pretty-printed (one space a level), about 1.7 KB per image,
names and descriptions in the usual styles, 1-3 block device mappings,
0-5 tags, product codes on marketplace images, deprecation and boot mode
fields on newer ones. The same N always gives the same file (fixed seed).

    gen-describe-images.py --images 100000 -o describe-images-100000.xml
"""
import argparse
import random

OWNERS = [('137112412989', 'amazon'), ('679593333241', 'aws-marketplace'),
          ('099720109477', None), ('125523088429', None), ('136693071363', None),
          ('309956199498', None), ('801119661308', 'amazon')]
OWNERS += [('%012d' % random.Random(i).randrange(10**11, 10**12), None) for i in range(40)]

DISTROS = [
    ('amzn2-ami-hvm-2.0.{date}.{n}-{arch}-gp2', 'Amazon Linux 2 AMI 2.0.{date}.{n} {arch} HVM gp2'),
    ('al2023-ami-2023.{n}.{date}.0-kernel-6.1-{arch}', 'Amazon Linux 2023 AMI 2023.{n}.{date}.0 {arch} HVM kernel-6.1'),
    ('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-{arch}-server-{date}', 'Canonical, Ubuntu, 24.04, {arch} noble image'),
    ('debian-12-{arch}-{date}-{n}', 'Debian 12 (20{date})'),
    ('RHEL-9.4.0_HVM-{date}-{arch}-{n}-Hourly2-GP3', 'Provided by Red Hat, Inc.'),
    ('Windows_Server-2022-English-Full-Base-2024.{n}.{date}', 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon'),
    ('suse-sles-15-sp6-v{date}-hvm-ssd-{arch}', 'SUSE Linux Enterprise Server 15 SP6 (HVM, 64-bit, SSD-Backed)'),
    ('my-app-{n}-build-{date}', 'Build {n} of my-app, baked by the release pipeline & tested (see <CHANGELOG>)'),
]
TAG_KEYS = ['Name', 'env', 'team', 'cost-center', 'build', 'os', 'version', 'owner']


def image(rng, i):
    owner, alias = rng.choice(OWNERS)
    arch = rng.choice(['x86_64', 'x86_64', 'x86_64', 'arm64', 'i386'])
    name_t, desc_t = rng.choice(DISTROS)
    date = '%02d%02d%02d' % (rng.randrange(18, 25), rng.randrange(1, 13), rng.randrange(1, 29))
    fmt = dict(date=date, n=rng.randrange(1, 999), arch=arch)
    name = name_t.format(**fmt) + '-%d' % i
    desc = desc_t.format(**fmt).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    windows = name.startswith('Windows')
    state = rng.choices(['available', 'pending', 'deregistered', 'failed'], [95, 3, 1, 1])[0]
    created = '20%s-%s-%sT%02d:%02d:%02d.000Z' % (date[0:2], date[2:4], date[4:6],
                                                   rng.randrange(24), rng.randrange(60), rng.randrange(60))
    image_id = 'ami-%017x' % rng.getrandbits(68)
    out = []
    w = out.append
    w('        <item>\n')
    w('            <imageId>%s</imageId>\n' % image_id)
    w('            <imageLocation>%s/%s</imageLocation>\n' % (alias or owner, name))
    w('            <imageState>%s</imageState>\n' % state)
    w('            <imageOwnerId>%s</imageOwnerId>\n' % owner)
    w('            <creationDate>%s</creationDate>\n' % created)
    w('            <isPublic>%s</isPublic>\n' % ('true' if alias or rng.random() < 0.5 else 'false'))
    if alias == 'aws-marketplace':
        w('            <productCodes>\n                <item>\n'
          '                    <productCode>%s</productCode>\n                    <type>marketplace</type>\n'
          '                </item>\n            </productCodes>\n' % ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(25)))
    w('            <architecture>%s</architecture>\n' % arch)
    w('            <imageType>machine</imageType>\n')
    if windows:
        w('            <platform>windows</platform>\n')
        w('            <platformDetails>Windows</platformDetails>\n            <usageOperation>RunInstances:0002</usageOperation>\n')
    else:
        w('            <platformDetails>Linux/UNIX</platformDetails>\n            <usageOperation>RunInstances</usageOperation>\n')
    w('            <sriovNetSupport>simple</sriovNetSupport>\n')
    if alias:
        w('            <imageOwnerAlias>%s</imageOwnerAlias>\n' % alias)
    w('            <name>%s</name>\n' % name)
    w('            <description>%s</description>\n' % desc)
    w('            <rootDeviceType>ebs</rootDeviceType>\n')
    root = '/dev/sda1' if windows else '/dev/xvda'
    w('            <rootDeviceName>%s</rootDeviceName>\n' % root)
    w('            <blockDeviceMapping>\n')
    for d in range(rng.choice([1, 1, 1, 1, 2, 3])):
        dev = root if d == 0 else '/dev/sd%s' % 'bcdefgh'[d]
        w('                <item>\n                    <deviceName>%s</deviceName>\n' % dev)
        if d == 2:
            w('                    <virtualName>ephemeral0</virtualName>\n')
        else:
            vtype = rng.choice(['gp3', 'gp2', 'gp3', 'io2', 'standard'])
            w('                    <ebs>\n')
            w('                        <snapshotId>snap-%017x</snapshotId>\n' % rng.getrandbits(68))
            w('                        <volumeSize>%d</volumeSize>\n' % rng.choice([8, 8, 10, 30, 50, 100]))
            w('                        <deleteOnTermination>true</deleteOnTermination>\n')
            w('                        <volumeType>%s</volumeType>\n' % vtype)
            if vtype in ('gp3', 'io2'):
                w('                        <iops>3000</iops>\n')
            if vtype == 'gp3':
                w('                        <throughput>125</throughput>\n')
            w('                        <encrypted>%s</encrypted>\n' % ('true' if rng.random() < 0.2 else 'false'))
            w('                    </ebs>\n')
        w('                </item>\n')
    w('            </blockDeviceMapping>\n')
    w('            <virtualizationType>hvm</virtualizationType>\n')
    ntags = rng.choice([0, 0, 0, 0, 1, 2, 3, 5])
    if ntags:
        w('            <tagSet>\n')
        for k in rng.sample(TAG_KEYS, ntags):
            v = name if k == 'Name' else '%s-%d' % (k, rng.randrange(100))
            w('                <item>\n                    <key>%s</key>\n                    <value>%s</value>\n'
              '                </item>\n' % (k, v))
        w('            </tagSet>\n')
    else:
        w('            <tagSet/>\n')
    w('            <hypervisor>xen</hypervisor>\n')
    w('            <enaSupport>true</enaSupport>\n')
    if rng.random() < 0.6:
        w('            <bootMode>%s</bootMode>\n' % rng.choice(['uefi-preferred', 'uefi', 'legacy-bios']))
        w('            <imdsSupport>v2.0</imdsSupport>\n')
    if rng.random() < 0.3:
        w('            <tpmSupport>v2.0</tpmSupport>\n')
    w('            <deprecationTime>%s</deprecationTime>\n' % created.replace(created[:4], str(int(created[:4]) + 2), 1))
    if rng.random() < 0.2:
        w('            <sourceImageId>ami-%017x</sourceImageId>\n            <sourceImageRegion>us-west-2</sourceImageRegion>\n'
          % rng.getrandbits(68))
    w('            <deregistrationProtection>disabled</deregistrationProtection>\n')
    if rng.random() < 0.5:
        w('            <lastLaunchedTime>2024-%02d-%02dT08:00:00Z</lastLaunchedTime>\n' % (rng.randrange(1, 13), rng.randrange(1, 29)))
    w('        </item>\n')
    # One space a level rather than EC2's four: ~1.5 KB an image
    return ''.join(line[(len(line) - len(line.lstrip(' '))) * 3 // 4:] + '\n'
                   for line in ''.join(out).splitlines())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--images', type=int, default=10000)
    ap.add_argument('-o', '--output', required=True)
    args = ap.parse_args()
    rng = random.Random(20240601)
    with open(args.output, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n'
                '    <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n'
                '    <imagesSet>\n')
        for i in range(args.images):
            f.write(image(rng, i))
        f.write('    </imagesSet>\n</DescribeImagesResponse>\n')


if __name__ == '__main__':
    main()
