#!/usr/bin/env bash
# Installs what Amigo needs to build, run and test on Debian 12 — only what
# is missing, so a second run is quick and needs no network.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libsecret-1-dev libxml2-dev libssl-dev
  # tests: keyring, windows, data validation, sanitizers
  dbus dbus-bin gnome-keyring xvfb xauth libxtst-dev
  # tests: HTTPS on loopback and the system CA bundle (test-client*)
  glib-networking ca-certificates
  # tests: botocore for /usr/bin/python3 (test-ui-copy-launch's helper;
  # under CI=true a missing tool fails the test instead of skipping it)
  python3-botocore
  # tests: accessibility (the AT-SPI bus and pyatspi to walk it)
  at-spi2-core python3-pyatspi
  desktop-file-utils appstream
  # fuzzing: clang with libFuzzer and the sanitizers' runtimes
  clang libclang-rt-14-dev
  # the Flatpak repository's signing, checked without a runtime
  flatpak ostree gnupg
  # runtime niceties for the demo and screenshots
  adwaita-icon-theme fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
