#!/usr/bin/env bash
# Signs a throwaway OSTree repository with build-aux/flatpak-build.sh
# --sign-only (no GNOME runtime needed), then checks as a user's flatpak and
# ostree would: the summary verifies with the key the script published into
# the .flatpakref/.flatpakrepo, the app's commit verifies on pull, and the
# same repository is refused under another key. Nothing in the checkout is
# written: the public key and refs go to a temporary folder.
set -euo pipefail
top=${1:?usage: check-flatpak-signing.sh SOURCE_ROOT}

for tool in gpg ostree flatpak; do
  if ! command -v "$tool" >/dev/null; then
    if [ "${CI:-}" = true ]; then echo "FAIL: $tool is missing" >&2; exit 1; fi
    echo "SKIP: $tool is missing"; exit 77
  fi
done

tmp=$(mktemp -d)
trap 'gpgconf --homedir "$tmp/gnupg" --kill all 2>/dev/null || true; rm -rf "$tmp"' EXIT
app=io.github.amigo_app.Amigo
ref=app/$app/x86_64/master
fail() { echo "FAIL: $*" >&2; exit 1; }

# An app commit as flatpak-builder leaves it (metadata in xa.metadata).
mkdir -p "$tmp/tree/files"
printf '[Application]\nname=%s\nruntime=org.gnome.Platform/x86_64/49\n' "$app" > "$tmp/tree/metadata"
ostree --repo="$tmp/repo" init --mode=archive
ostree --repo="$tmp/repo" commit -b "$ref" \
  --add-metadata-string=xa.metadata="$(cat "$tmp/tree/metadata")" "$tmp/tree" >/dev/null
mkdir "$tmp/refs"
cp "$top/data/$app.flatpakref" "$top/data/$app.flatpakrepo" "$tmp/refs/"
sed -i '/^GPGKey=/d' "$tmp/refs/"*

# First use: no key named, none in the folder — the script makes one.
AMIGO_GPG_HOMEDIR="$tmp/gnupg" AMIGO_GPG_PUBKEY_FILE="$tmp/pub.gpg" \
AMIGO_FLATPAK_REF_DIR="$tmp/refs" \
  "$top/build-aux/flatpak-build.sh" --sign-only "$tmp/repo" > "$tmp/log" 2>&1 \
  || { cat "$tmp/log"; fail "signing failed"; }
grep -q "making one" "$tmp/log" || fail "no key was made on first use"
[ -s "$tmp/pub.gpg" ] || fail "no public key written"
if gpg --batch --homedir "$tmp/check" --import "$tmp/pub.gpg" 2>&1 | grep -qi "secret key"; then
  fail "the published key file holds a secret key"
fi
b64=$(base64 -w0 "$tmp/pub.gpg")
for f in "$tmp/refs/"*; do
  grep -qx "GPGKey=$b64" "$f" || fail "$(basename "$f") lacks the published GPGKey"
done

# The summary, as flatpak checks it, with the key from the .flatpakrepo.
grep '^GPGKey=' "$tmp/refs/$app.flatpakrepo" | cut -d= -f2- | base64 -d > "$tmp/from-ref.gpg"
export FLATPAK_USER_DIR="$tmp/user"
flatpak remote-add --user --gpg-import="$tmp/from-ref.gpg" amigo "file://$tmp/repo"
flatpak remote-ls --user amigo | grep -q "$app" || fail "remote-ls does not list the app"

# The commit, as a pull checks it.
ostree --repo="$tmp/pull" init --mode=bare-user
ostree --repo="$tmp/pull" remote add --set=gpg-verify=true --gpg-import="$tmp/from-ref.gpg" \
  amigo "file://$tmp/repo"
ostree --repo="$tmp/pull" pull amigo "$ref" >/dev/null || fail "the signed commit does not verify"

# Another key must not verify it.
mkdir -m 700 "$tmp/other"
gpg --batch --homedir "$tmp/other" --passphrase '' --quick-generate-key "other <o@example.com>" \
  ed25519 sign never 2>/dev/null
gpg --batch --homedir "$tmp/other" --export > "$tmp/other.gpg"
gpgconf --homedir "$tmp/other" --kill all 2>/dev/null || true
ostree --repo="$tmp/pull2" init --mode=bare-user
ostree --repo="$tmp/pull2" remote add --set=gpg-verify=true --gpg-import="$tmp/other.gpg" \
  other "file://$tmp/repo"
if ostree --repo="$tmp/pull2" pull other "$ref" >/dev/null 2>&1; then
  fail "a commit verified under a key that did not sign it"
fi
if flatpak remote-add --user --gpg-import="$tmp/other.gpg" other "file://$tmp/repo" 2>/dev/null \
   && flatpak remote-ls --user other >/dev/null 2>&1; then
  fail "the summary verified under a key that did not sign it"
fi

# The committed key and refs agree with each other.
want=$(base64 -w0 "$top/data/amigo-repo.gpg")
for f in "$top/data/$app.flatpakref" "$top/data/$app.flatpakrepo"; do
  grep -qx "GPGKey=$want" "$f" || fail "$(basename "$f"): GPGKey is not data/amigo-repo.gpg"
done
echo "flatpak signing OK"
