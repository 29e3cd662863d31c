#!/usr/bin/env bash
# Builds the Flatpak from this checkout into a local OSTree repository
# (repo/) and a single-file bundle (amigo.flatpak), both signed with the
# repository's GPG key. Needs flatpak, flatpak-builder and gpg, and the
# GNOME runtime and SDK named in the manifest:
#   flatpak install flathub org.gnome.Platform//49 org.gnome.Sdk//49
#
# The key: --gpg-key KEYID (or AMIGO_GPG_KEY) in --gpg-homedir DIR (or
# AMIGO_GPG_HOMEDIR, default ~/.local/share/amigo/flatpak-gnupg). When no
# key is named and that folder holds none, one is made there on first use.
# Only its public half ever enters the checkout: data/amigo-repo.gpg and the
# GPGKey= lines of the .flatpakref and .flatpakrepo, which this script
# rewrites when the key changes (commit them). The private key stays in the
# GPG folder, outside the checkout.
#
# `--sign-only REPO` signs an existing repository's refs and summary and
# stops (what tests/check-flatpak-signing.sh exercises without a runtime).
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.amigo_app.Amigo
manifest=flatpak/$app_id.json
repo=${AMIGO_FLATPAK_REPO:-repo}
bundle=${AMIGO_FLATPAK_BUNDLE:-amigo.flatpak}
key_id=${AMIGO_GPG_KEY:-}
gpg_home=${AMIGO_GPG_HOMEDIR:-${XDG_DATA_HOME:-$HOME/.local/share}/amigo/flatpak-gnupg}
pubkey_file=${AMIGO_GPG_PUBKEY_FILE:-data/amigo-repo.gpg}
ref_dir=${AMIGO_FLATPAK_REF_DIR:-data}
ref_files=("$ref_dir/$app_id.flatpakref" "$ref_dir/$app_id.flatpakrepo")
sign_only=

while [ $# -gt 0 ]; do
  case "$1" in
    --gpg-key) key_id=$2; shift 2 ;;
    --gpg-homedir) gpg_home=$2; shift 2 ;;
    --sign-only) sign_only=1; repo=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
  done
}

# The signing key: the one named, or the folder's only secret key, or a
# new one made now.
ensure_key() {
  mkdir -p "$gpg_home"
  chmod 700 "$gpg_home"
  if [ -z "$key_id" ]; then
    key_id=$(gpg --homedir "$gpg_home" --batch --with-colons --list-secret-keys 2>/dev/null \
               | awk -F: '$1 == "fpr" { print $10; exit }')
  fi
  if [ -z "$key_id" ]; then
    echo "No signing key given: making one in $gpg_home (keep that folder safe)"
    gpg --homedir "$gpg_home" --batch --passphrase '' \
        --quick-generate-key "Amigo Flatpak repository <amigo-app@users.noreply.github.com>" \
        rsa4096 sign never
    key_id=$(gpg --homedir "$gpg_home" --batch --with-colons --list-secret-keys \
               | awk -F: '$1 == "fpr" { print $10; exit }')
  fi
  gpg --homedir "$gpg_home" --batch --list-secret-keys "$key_id" >/dev/null \
    || { echo "no secret key $key_id in $gpg_home" >&2; exit 1; }
}

# The public half into the checkout, and into the .flatpakref/.flatpakrepo.
publish_public_key() {
  local tmp b64 f
  tmp=$(mktemp)
  gpg --homedir "$gpg_home" --batch --export "$key_id" > "$tmp"
  if ! cmp -s "$tmp" "$pubkey_file"; then
    mv "$tmp" "$pubkey_file"
    chmod 644 "$pubkey_file"
    echo "The repository key changed: commit $pubkey_file and ${ref_files[*]}"
  else
    rm -f "$tmp"
  fi
  b64=$(base64 -w0 "$pubkey_file")
  for f in "${ref_files[@]}"; do
    [ -f "$f" ] || continue
    if grep -q '^GPGKey=' "$f"; then
      sed -i "s|^GPGKey=.*|GPGKey=$b64|" "$f"
    else
      printf 'GPGKey=%s\n' "$b64" >> "$f"
    fi
  done
}

sign_repo() {
  local ref
  for ref in $(ostree --repo="$repo" refs); do
    flatpak build-sign --gpg-sign="$key_id" --gpg-homedir="$gpg_home" "$repo" "$ref" 2>/dev/null \
      || ostree --repo="$repo" gpg-sign --gpg-homedir="$gpg_home" "$ref" "$key_id"
  done
  flatpak build-update-repo --gpg-sign="$key_id" --gpg-homedir="$gpg_home" "$repo"
}

need gpg
ensure_key
publish_public_key

if [ -n "$sign_only" ]; then
  need flatpak ostree
  sign_repo
  echo "Signed $repo with $key_id"
  exit 0
fi

need flatpak flatpak-builder ostree
flatpak-builder --force-clean --gpg-sign="$key_id" --gpg-homedir="$gpg_home" \
  --repo="$repo" .flatpak-builder/build "$manifest"
sign_repo
flatpak build-bundle --gpg-keys="$pubkey_file" "$repo" "$bundle" "$app_id"
gpg --homedir "$gpg_home" --batch --yes --local-user "$key_id" --detach-sign \
  --output "$bundle.sig" "$bundle"
echo "Repository: $repo   Bundle: $bundle (signature: $bundle.sig)   Key: $key_id"
echo "Install the bundle with: flatpak install --user $bundle"
