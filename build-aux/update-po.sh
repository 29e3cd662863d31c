#!/bin/sh
# Regenerates po/amigo.pot from the sources and merges it into every
# translation. Run after changing user-visible strings, then translate
# what msgattrib --untranslated po/ko.po shows.
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --package-name=amigo --msgid-bugs-address=https://github.com/amigo-app/amigo/issues \
  --files-from=po/POTFILES.in --output=po/amigo.pot
for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/amigo.pot
done
