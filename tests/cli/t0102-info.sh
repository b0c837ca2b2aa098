#!/bin/sh
# t0102-info: 'medbill info' summarizes the practice and what the database holds.
. "$TOP/tests/lib.sh"

command -v sqlite3 >/dev/null || { echo "not ok - the sqlite3 shell is needed to load the fixture"; exit 1; }
mb --db "$T/a.db" init 2>/dev/null
t_ok "info on an empty database" mb --db "$T/a.db" info
sed 1,2d "$T/.out" >"$T/got"
cat >"$T/expect" <<'END'
practice: (not set up: 'medbill demo' or 'medbill import xml FILE')
providers: 0
payers: 0
patients: 0
coverages: 0
encounters: 0
charge lines: 0
END
t_cmp "says the practice is not set up" "$T/expect" "$T/got"

sqlite3 "$T/a.db" <"$TOP/tests/data/patients-small.sql"
_result $? "fixture loaded"
t_ok "info on a practice" mb --db "$T/a.db" info
t_grep "database path first" "^database: $T/a.db$" "$T/.out"
t_grep "schema version" '^schema: [0-9]+$' "$T/.out"
sed 1,2d "$T/.out" >"$T/got"
cat >"$T/expect" <<'END'
practice: Maple Test Family Practice
npi: 1234567893
providers: 2
payers: 2
patients: 6
coverages: 2
encounters: 1
charge lines: 1
END
t_cmp "name, NPI and counts" "$T/expect" "$T/got"
t_fail "info takes no arguments" 2 mb --db "$T/a.db" info extra
t_done
