#!/bin/sh
# t0002-install: an installed tree (PREFIX/bin + PREFIX/share/medbill) finds
# its data wherever it is installed, and the man page renders.
. "$TOP/tests/lib.sh"

mkdir -p "$T/usr/bin" "$T/usr/share/medbill"
cp "$MEDBILL" "$T/usr/bin/medbill"
cp -R "$TOP/data/." "$T/usr/share/medbill/"
unset MEDBILL_DATA
t_ok "installed binary runs init" "$T/usr/bin/medbill" --db "$T/i.db" init
t_ok "the shipped tables were loaded" "$T/usr/bin/medbill" --db "$T/i.db" codes search 45 --system carc --limit 1
t_grep "CARC 45 came back" '^45 +carc +Charge exceeds' "$T/.out"
rm -rf "$T/usr/share/medbill"
t_fail "without its data it says which file is missing" 1 "$T/usr/bin/medbill" --db "$T/j.db" init
t_grep "names the file" "cannot open '.*carc.csv'" "$T/.err"
if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$TOP/doc/medbill.1" >"$T/.out" 2>"$T/man.err"
	[ ! -s "$T/man.err" ]; _result $? "man page renders without warnings"
else
	echo "# groff missing: man page not rendered"
fi
t_done
