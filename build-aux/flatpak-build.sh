#!/usr/bin/env bash
# Builds the Flatpak from this checkout into a local OSTree repository
# (repo/) and a single-file bundle (amigo.flatpak). Needs flatpak and
# flatpak-builder, and the GNOME runtime and SDK named in the manifest:
#   flatpak install flathub org.gnome.Platform//49 org.gnome.Sdk//49
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=flatpak/io.github.amigo_app.Amigo.json
repo=${AMIGO_FLATPAK_REPO:-repo}
for tool in flatpak flatpak-builder; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done

flatpak-builder --force-clean --repo="$repo" .flatpak-builder/build "$manifest"
flatpak build-update-repo "$repo"
flatpak build-bundle "$repo" amigo.flatpak io.github.amigo_app.Amigo
echo "Repository: $repo   Bundle: amigo.flatpak"
echo "Install the bundle with: flatpak install --user amigo.flatpak"
