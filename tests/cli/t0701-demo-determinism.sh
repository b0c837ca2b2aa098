#!/bin/sh
# t0701-demo-determinism: the same seed and the same day give the same practice,
# through the API writer (small) and the bulk writer (over 5000 patients).
. "$TOP/tests/lib.sh"

make_demo() {	# DB ARGS...
	_db=$1; shift
	mb --db "$_db" init 2>/dev/null && mb --db "$_db" demo "$@" 2>/dev/null
}

for db in a b; do
	t_ok "demo seed 42 ($db)" make_demo "$T/$db.db" --seed 42
	t_ok "aging by payer ($db)" sh -c "'$MEDBILL' --db '$T/$db.db' aging --csv >'$T/$db.payer.csv'"
	t_ok "aging by patient ($db)" sh -c "'$MEDBILL' --db '$T/$db.db' aging --by patient --csv >'$T/$db.patient.csv'"
	t_ok "export ($db)" mb --db "$T/$db.db" export xml "$T/$db.xml"
done
t_cmp "same aging by payer" "$T/a.payer.csv" "$T/b.payer.csv"
t_cmp "same aging by patient" "$T/a.patient.csv" "$T/b.patient.csv"
t_cmp "same export, byte for byte" "$T/a.xml" "$T/b.xml"

t_ok "demo seed 43" make_demo "$T/c.db" --seed 43
t_ok "export (seed 43)" mb --db "$T/c.db" export xml "$T/c.xml"
! cmp -s "$T/a.xml" "$T/c.xml"; _result $? "another seed, another practice"

t_ok "demo seed 42 a day later" env MEDBILL_TODAY=2026-11-27 "$MEDBILL" --user tester --db "$T/d.db" init
t_ok "demo a day later" env MEDBILL_TODAY=2026-11-27 "$MEDBILL" --user tester --db "$T/d.db" demo --seed 42
t_ok "export (a day later)" env MEDBILL_TODAY=2026-11-27 "$MEDBILL" --user tester --db "$T/d.db" export xml "$T/d.xml"
! cmp -s "$T/a.xml" "$T/d.xml"; _result $? "another day, another practice"
t_ok "check passes a day later" mb --db "$T/d.db" check

# The import of an export gives the same file again.
mb --db "$T/e.db" init 2>/dev/null
t_ok "import the demo's export" mb --db "$T/e.db" import xml "$T/a.xml"
t_ok "export it again" mb --db "$T/e.db" export xml "$T/e.xml"
t_cmp "round trip" "$T/a.xml" "$T/e.xml"

# The bulk writer.
for db in f g; do
	t_ok "demo 6000 patients ($db)" make_demo "$T/$db.db" --patients 6000 --seed 9
	t_ok "aging ($db)" sh -c "'$MEDBILL' --db '$T/$db.db' aging --by patient --csv >'$T/$db.csv'"
done
t_cmp "bulk: same aging by patient" "$T/f.csv" "$T/g.csv"
t_ok "bulk: check passes" mb --db "$T/f.db" check
t_done
