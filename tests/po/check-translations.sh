#!/bin/sh
# Checks that po/zh_CN.po is complete: every file with translatable strings is
# listed in po/POTFILES.in, and every message extracted from them has a
# non-fuzzy Chinese translation.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

root=${1:?source root}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Files that mark strings for translation but are missing from POTFILES.in.
grep -rlE '(\b_|\bN_|\bC_|\bNC_)\(|translatable="yes"' \
     src resources data/desktop --include='*.c' --include='*.ui' --include='*.in' \
     --include='*.xml' 2>/dev/null | sort > "$tmp/marked"
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$tmp/listed"
missing=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:"; echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $(cat "$tmp/listed"); do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done

# The same keywords as po/meson.build; .ui, metainfo and schema files are
# recognised through gettext's ITS rules.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
         --keyword=g_dngettext:2,3 -f po/POTFILES.in -o "$tmp/atlas.pot"
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$tmp/atlas.pot" -o "$tmp/zh_CN.po"
msgfmt --check --statistics -o /dev/null "$tmp/zh_CN.po" 2>"$tmp/stats" || status=1
cat "$tmp/stats"
if grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
  echo "untranslated or fuzzy messages:"
  msgattrib --untranslated "$tmp/zh_CN.po" | grep -A1 '^msgid' | head -40
  msgattrib --only-fuzzy "$tmp/zh_CN.po" | grep -A1 '^msgid' | head -40
  status=1
fi
exit $status
