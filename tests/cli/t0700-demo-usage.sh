#!/bin/sh
# t0700-demo-usage: 'medbill demo' options, bad values, and refusing a database in use.
. "$TOP/tests/lib.sh"

mb --db "$T/a.db" init 2>/dev/null

for bad in 0 -5 abc 12x 1.5 "" 5000001 99999999999999999999; do
	t_fail "--patients '$bad' is a usage error" 2 mb --db "$T/a.db" demo --patients "$bad"
	t_grep "names --patients" "^medbill: '--patients' needs a whole number from 1 to 5000000" "$T/.err"
	t_grep "shows the usage" '^usage: medbill demo \[--patients N\] \[--seed S\]' "$T/.err"
done
t_fail "--patients without a value" 2 mb --db "$T/a.db" demo --patients
t_grep "names --patients" "'--patients' needs a whole number" "$T/.err"
t_fail "--patients=0" 2 mb --db "$T/a.db" demo --patients=0
t_grep "names the value" "not '0'" "$T/.err"
for bad in -1 abc 0x10 18446744073709551616 " 7"; do
	t_fail "--seed '$bad' is a usage error" 2 mb --db "$T/a.db" demo --seed "$bad"
	t_grep "names --seed" "^medbill: '--seed' needs a whole number from 0 to 18446744073709551615" "$T/.err"
done
t_fail "an unknown argument" 2 mb --db "$T/a.db" demo --frobs 3
t_grep "names it" "'demo' does not take '--frobs'" "$T/.err"
t_fail "a stray word" 2 mb --db "$T/a.db" demo 200
t_grep "names it" "'demo' does not take '200'" "$T/.err"

# Nothing was written by the refusals.
t_ok "export after refusals" mb --db "$T/a.db" export xml "$T/empty.xml"
mb --db "$T/fresh.db" init 2>/dev/null
t_ok "export of a fresh database" mb --db "$T/fresh.db" export xml "$T/fresh.xml"
t_cmp "the refusals wrote nothing" "$T/fresh.xml" "$T/empty.xml"
t_fail "a database that does not exist" 1 mb --db "$T/none.db" demo
t_grep "says to init" "run 'medbill init'" "$T/.err"
[ ! -e "$T/none.db" ]; _result $? "and is not created"

t_ok "demo on an empty database" mb --db "$T/a.db" demo --patients 40 --seed=18446744073709551615
t_grep "reports what it made" '^medbill: demo practice: 40 patients, [0-9]+ coverages, [0-9]+ encounters, [0-9]+ claims, [0-9]+ ledger rows in [0-9.]+ s$' "$T/.err"
[ ! -s "$T/.out" ]; _result $? "nothing on stdout"
t_ok "check passes" mb --db "$T/a.db" check
t_ok "export" mb --db "$T/a.db" export xml "$T/before.xml"

t_fail "demo again is refused" 1 mb --db "$T/a.db" demo
t_grep "says the database is in use" "^medbill: the database already holds the practice: 'demo' fills an empty database only" "$T/.err"
t_ok "export again" mb --db "$T/a.db" export xml "$T/after.xml"
t_cmp "the refusal changed nothing" "$T/before.xml" "$T/after.xml"

# A database filled by an XML import is refused too.
mb --db "$T/b.db" init 2>/dev/null
t_ok "import a practice" mb --db "$T/b.db" import xml "$TOP/tests/data/xml-practice.xml"
t_fail "demo on an imported practice" 1 mb --db "$T/b.db" demo
t_grep "names what is there" "already holds the practice" "$T/.err"

t_ok "help demo" mb help demo
t_grep "help tells the default" "N patients \(default 200\)" "$T/.out"
t_done
