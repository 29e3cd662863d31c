#!/usr/bin/env python3
"""Checks the Flatpak manifest: valid JSON, the expected app id, runtime
and command, minimal permissions (no home/host file access, no device=all,
no session-bus wildcards, no direct Secret Service access), and the
.flatpakref/.flatpakrepo pair naming the same app."""
import base64
import configparser
import json
import sys

top = sys.argv[1]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


with open(f"{top}/flatpak/io.github.amigo_app.Amigo.json", encoding="utf-8") as f:
    m = json.load(f)

check(m.get("id") == "io.github.amigo_app.Amigo", "app id")
check(m.get("command") == "amigo", "command must be amigo")
check(m.get("runtime") == "org.gnome.Platform", "runtime must be org.gnome.Platform")
check(m.get("sdk") == "org.gnome.Sdk", "sdk must be org.gnome.Sdk")
try:
    check(int(m.get("runtime-version", "0")) >= 49, "runtime-version must be 49 or newer")
except ValueError:
    failures.append("runtime-version must be a stable number, not " + repr(m.get("runtime-version")))

args = m.get("finish-args", [])
forbidden_exact = {"--filesystem=home", "--filesystem=host", "--filesystem=host-os",
                   "--filesystem=host-etc", "--device=all", "--socket=session-bus",
                   "--socket=system-bus", "--talk-name=org.freedesktop.secrets",
                   "--filesystem=~/.aws", "--filesystem=~/.aws:rw", "--filesystem=~/.aws:ro",
                   "--socket=x11"}
for a in args:
    check(a not in forbidden_exact, f"forbidden permission {a}")
    check(not (a.startswith("--filesystem=home") or a.startswith("--filesystem=host")),
          f"forbidden file access {a}")
    check(not (a.startswith("--talk-name=") and a.endswith("*")), f"session-bus wildcard {a}")
    # Of ~/.aws, only the files Amigo reads, and never for writing.
    if a.startswith("--filesystem=~/.aws"):
        check(a.endswith(":ro"), f"{a} must be read-only")
        check(a[len("--filesystem="):-len(":ro")] in ("~/.aws/config", "~/.aws/credentials"),
              f"{a}: Amigo reads only ~/.aws/config and ~/.aws/credentials")
    check(not (a.startswith("--own-name=") and a.endswith("*")), f"session-bus wildcard {a}")
for needed in ["--share=network", "--share=ipc", "--socket=wayland",
               "--socket=fallback-x11", "--device=dri",
               "--filesystem=~/.aws/config:ro", "--filesystem=~/.aws/credentials:ro"]:
    check(needed in args, f"missing {needed}")

mods = m.get("modules", [])
check(any(mod.get("name") == "amigo" and mod.get("buildsystem") == "meson" for mod in mods
          if isinstance(mod, dict)), "the amigo module must build with meson")

with open(f"{top}/data/amigo-repo.gpg", "rb") as f:
    pubkey = f.read()
pubkey_b64 = base64.b64encode(pubkey).decode()
# An OpenPGP public-key packet (tag 6), never a secret key (tag 5 or 7).
# Old format: 0b10TTTTLL with T = 6; new format: 0b11TTTTTT = 0xc6.
first = pubkey[0] if pubkey else 0
check(first in (0x98, 0x99, 0x9a, 0xc6), "data/amigo-repo.gpg must start with a public-key packet")

for name, section in (("flatpakref", "Flatpak Ref"), ("flatpakrepo", "Flatpak Repo")):
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(f"{top}/data/io.github.amigo_app.Amigo.{name}", encoding="utf-8")
    check(cp.has_section(section), f"{name}: missing [{section}]")
    if cp.has_section(section):
        check(cp.get(section, "Url", fallback="").startswith("https://"), f"{name}: Url must be https")
        # Signed: the key users verify the repository with.
        key = cp.get(section, "GPGKey", fallback="")
        check(key == pubkey_b64, f"{name}: GPGKey must be data/amigo-repo.gpg, base64")
        if name == "flatpakref":
            check(cp.get(section, "Name", fallback="") == m.get("id"), "flatpakref names another app")

if failures:
    for f in failures:
        print("FAIL:", f)
    sys.exit(1)
print("flatpak manifest and refs OK")
