#!/usr/bin/env python3
"""Checks the Flatpak manifest: valid JSON, the expected app id, runtime
and command, minimal permissions (no home/host file access, no device=all,
no session-bus wildcards, no direct Secret Service access), and the
.flatpakref/.flatpakrepo pair naming the same app."""
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
                   "--filesystem=~/.aws", "--filesystem=~/.aws:rw", "--socket=x11"}
for a in args:
    check(a not in forbidden_exact, f"forbidden permission {a}")
    check(not (a.startswith("--filesystem=home") or a.startswith("--filesystem=host")),
          f"forbidden file access {a}")
    check(not (a.startswith("--talk-name=") and a.endswith("*")), f"session-bus wildcard {a}")
    check(not (a.startswith("--own-name=") and a.endswith("*")), f"session-bus wildcard {a}")
for needed in ["--share=network", "--share=ipc", "--socket=wayland",
               "--socket=fallback-x11", "--device=dri", "--filesystem=~/.aws:ro"]:
    check(needed in args, f"missing {needed}")

mods = m.get("modules", [])
check(any(mod.get("name") == "amigo" and mod.get("buildsystem") == "meson" for mod in mods
          if isinstance(mod, dict)), "the amigo module must build with meson")

for name, section in (("flatpakref", "Flatpak Ref"), ("flatpakrepo", "Flatpak Repo")):
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(f"{top}/data/io.github.amigo_app.Amigo.{name}", encoding="utf-8")
    check(cp.has_section(section), f"{name}: missing [{section}]")
    if cp.has_section(section):
        check(cp.get(section, "Url", fallback="").startswith("https://"), f"{name}: Url must be https")
        if name == "flatpakref":
            check(cp.get(section, "Name", fallback="") == m.get("id"), "flatpakref names another app")

if failures:
    for f in failures:
        print("FAIL:", f)
    sys.exit(1)
print("flatpak manifest and refs OK")
