#!/bin/sh
# The Korean translation must be valid and complete: no untranslated or
# fuzzy messages, and every message of the current sources present.
set -eu
top=${1:?usage: check-translation.sh SOURCE_ROOT BUILD_ROOT}
build=${2:?}
po="$top/po/ko.po"
msgfmt --check --check-format --check-header -o /dev/null "$po"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
echo "ko.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "ko.po is incomplete"; exit 1 ;;
esac
# Compare against a template made from the sources as they are now.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=po/POTFILES.in --output="$tmp/amigo.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/amigo.pot" -o "$tmp/merged.po"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*) echo "ko.po misses messages of the current sources: $stats"
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid' | head -20
    exit 1 ;;
esac
echo "ko.po covers every message of the sources"
