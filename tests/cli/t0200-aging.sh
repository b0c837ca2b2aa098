#!/bin/sh
# t0200-aging: 'medbill aging' by payer and by patient, --as-of, --csv, bad input.
. "$TOP/tests/lib.sh"

command -v sqlite3 >/dev/null || { echo "not ok - the sqlite3 shell is needed to load the fixture"; exit 1; }
mb --db "$T/a.db" init 2>/dev/null
sqlite3 "$T/a.db" <"$TOP/tests/data/ledger-small.sql"
_result $? "fixture loaded"

t_ok "aging by payer (default), today pinned" mb --db "$T/a.db" aging
cat >"$T/expect" <<'END'
A/R aging by payer as of 2026-11-26 (days since the date of service)

Payer                                0-30        31-60        61-90       91-120         120+         Total      %
Acme Health                        315.00         0.00         0.00         0.00         0.00        315.00   44.7
Blue Plan                            0.00        20.00         0.00         0.00         0.00         20.00    2.8
Smith, Jones "Care"                  0.00         0.00         0.00       120.00       250.00        370.00   52.5
Patient responsibility               0.00        10.00       -10.00         0.00         0.00          0.00    0.0
Total                              315.00        30.00       -10.00       120.00       250.00        705.00  100.0
%                                    44.7          4.3         -1.4         17.0         35.5         100.0
END
t_cmp "aging by payer text" "$T/expect" "$T/.out"
[ ! -s "$T/.err" ]; _result $? "nothing on stderr"

t_ok "aging --by payer --as-of a day later" mb --db "$T/a.db" aging --by payer --as-of 2026-11-27
cat >"$T/expect" <<'END'
A/R aging by payer as of 2026-11-27 (days since the date of service)

Payer                                0-30        31-60        61-90       91-120         120+         Total      %
Acme Health                        255.00       180.00         0.00         0.00         0.00        435.00   52.7
Blue Plan                            0.00        20.00         0.00         0.00         0.00         20.00    2.4
Smith, Jones "Care"                  0.00         0.00         0.00         0.00       370.00        370.00   44.8
Patient responsibility               0.00        10.00       -10.00         0.00         0.00          0.00    0.0
Total                              255.00       210.00       -10.00         0.00       370.00        825.00  100.0
%                                    30.9         25.5         -1.2          0.0         44.8         100.0
END
t_cmp "as-of moves dates across bucket edges and takes in later services" "$T/expect" "$T/.out"

t_ok "aging --csv" mb --db "$T/a.db" aging --csv
printf '%s\r\n' \
	'id,payer,0-30,31-60,61-90,91-120,120+,total,percent' \
	'1,Acme Health,315.00,0.00,0.00,0.00,0.00,315.00,44.7' \
	'2,Blue Plan,0.00,20.00,0.00,0.00,0.00,20.00,2.8' \
	'3,"Smith, Jones ""Care""",0.00,0.00,0.00,120.00,250.00,370.00,52.5' \
	',Patient responsibility,0.00,10.00,-10.00,0.00,0.00,0.00,0.0' \
	',Total,315.00,30.00,-10.00,120.00,250.00,705.00,100.0' >"$T/expect"
t_cmp "csv by payer is RFC 4180 with a header" "$T/expect" "$T/.out"

t_ok "aging --by=patient --csv --as-of=2026-10-26" mb --db "$T/a.db" aging --by=patient --csv --as-of=2026-10-26
printf '%s\r\n' \
	'id,account,patient,0-30,31-60,61-90,91-120,120+,total,percent' \
	'1,A1001,"DOE, JANE",10.00,0.00,0.00,0.00,0.00,10.00,0.0' \
	'2,A1002,"ROE, RICHARD",0.00,-10.00,0.00,0.00,0.00,-10.00,0.0' \
	',,Total,10.00,-10.00,0.00,0.00,0.00,0.00,0.0' >"$T/expect"
t_cmp "csv by patient as of an earlier date" "$T/expect" "$T/.out"

t_ok "aging by patient text" mb --db "$T/a.db" aging --by patient
t_grep "patient rows name the account" '^DOE, JANE \(A1001\) +0\.00 +10\.00' "$T/.out"
t_grep "credit shows negative" '^ROE, RICHARD \(A1002\) +0\.00 +0\.00 +-10\.00' "$T/.out"

t_ok "before any service the report is empty" mb --db "$T/a.db" aging --as-of 2020-01-01 --csv
printf '%s\r\n' 'id,payer,0-30,31-60,61-90,91-120,120+,total,percent' \
	',Total,0.00,0.00,0.00,0.00,0.00,0.00,0.0' >"$T/expect"
t_cmp "only the header and a zero total" "$T/expect" "$T/.out"

cp "$T/a.db" "$T/long.db"
sqlite3 "$T/long.db" "UPDATE payers SET name = 'Northwest Regional Health Alliance' WHERE id = 1"
t_ok "a long payer name" mb --db "$T/long.db" aging
t_grep "widens the name column instead of cutting the name" \
	'^Northwest Regional Health Alliance +315\.00 ' "$T/.out"
t_grep "the header follows" '^Payer {29}  {8}0-30 ' "$T/.out"

# Bad input: usage errors with a message naming the option; nothing on stdout.
t_fail "bad --by" 2 mb --db "$T/a.db" aging --by provider
t_grep "names --by" "^medbill: 'by': 'provider' is not 'payer' or 'patient'$" "$T/.err"
t_grep "prints the usage" '^usage: medbill aging \[--by payer\|patient\]' "$T/.err"
[ ! -s "$T/.out" ]; _result $? "nothing on stdout"
t_fail "bad --as-of" 2 mb --db "$T/a.db" aging --as-of 2026-02-30
t_grep "not a real date" "^medbill: 'as-of': '2026-02-30' is not a real date$" "$T/.err"
t_fail "malformed --as-of" 2 mb --db "$T/a.db" aging --as-of 11/26/2026
t_grep "not a date" "^medbill: 'as-of': '11/26/2026' is not a date \(YYYY-MM-DD\)$" "$T/.err"
t_fail "--as-of without a value" 2 mb --db "$T/a.db" aging --as-of
t_grep "needs a date" "'--as-of' needs a date" "$T/.err"
t_fail "--by without a value" 2 mb --db "$T/a.db" aging --by
t_fail "unknown argument" 2 mb --db "$T/a.db" aging --by payer extra
t_grep "names it" "unknown argument 'extra'" "$T/.err"
t_fail "missing database" 1 mb --db "$T/none.db" aging
t_grep "says to init" "run 'medbill init'" "$T/.err"
t_ok "help aging" mb help aging
t_grep "help explains the buckets" '31-60' "$T/.out"
t_done
