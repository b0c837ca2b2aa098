#!/bin/sh
# t0603-xml-demo: the demo practice survives export -> import -> export byte
# for byte, with its ledger invariants and aging intact.
. "$TOP/tests/lib.sh"

t_ok "init" mb --db "$T/d.db" init
t_ok "demo practice" mb --db "$T/d.db" demo --patients 50 --seed 3
t_ok "export" mb --db "$T/d.db" export xml "$T/d.xml"
t_grep "everything was written" "exported [1-9][0-9]* providers, [1-9][0-9]* payers, [1-9][0-9]* fees, 50 patients, [1-9][0-9]* coverages, [1-9][0-9]* encounters \([1-9][0-9]* charge lines\), [1-9][0-9]* claims, [1-9][0-9]* ledger rows" "$T/.err"
t_grep "a practice and settings" "<settings " "$T/d.xml"
t_grep "claims with history" "<event id=" "$T/d.xml"
t_ok "init copy" mb --db "$T/c.db" init
t_ok "import into the copy" mb --db "$T/c.db" import xml "$T/d.xml"
t_ok "export the copy" mb --db "$T/c.db" export xml "$T/c.xml"
t_cmp "byte-identical" "$T/d.xml" "$T/c.xml"
t_ok "check on the copy" mb --db "$T/c.db" check
t_ok "aging of the original" mb --db "$T/d.db" aging --by payer --csv
cp "$T/.out" "$T/aging-d.csv"
t_ok "aging of the copy" mb --db "$T/c.db" aging --by payer --csv
t_cmp "the rebuilt balances age the same" "$T/aging-d.csv" "$T/.out"
t_ok "patient aging of the original" mb --db "$T/d.db" aging --by patient --csv
cp "$T/.out" "$T/aging-pd.csv"
t_ok "patient aging of the copy" mb --db "$T/c.db" aging --by patient --csv
t_cmp "patient balances too" "$T/aging-pd.csv" "$T/.out"
t_done
