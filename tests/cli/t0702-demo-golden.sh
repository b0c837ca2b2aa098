#!/bin/sh
# t0702-demo-golden: the default demo practice (seed 1, today 2026-11-26) is
# the same on every machine and compiler: its aging report and summary.
# When the generator changes on purpose, update the expected text below.
. "$TOP/tests/lib.sh"

mb --db "$T/a.db" init 2>/dev/null
t_ok "demo" mb --db "$T/a.db" demo
sed 's/ in [0-9.]* s$//' "$T/.err" >"$T/summary"
echo "medbill: demo practice: 200 patients, 220 coverages, 255 encounters, 282 claims, 1564 ledger rows" >"$T/expect"
t_cmp "what it made" "$T/expect" "$T/summary"

t_ok "aging by payer" mb --db "$T/a.db" aging
cat >"$T/expect" <<'END'
A/R aging by payer as of 2026-11-26 (days since the date of service)

Payer                                0-30        31-60        61-90       91-120         120+         Total      %
BUCKEYE BLUE SHIELD                384.45       466.23       383.00       125.00       815.00      2,173.68   16.5
GREAT LAKES HEALTH PLAN          1,147.00       202.50       295.00       410.00       687.00      2,741.50   20.8
MEDICARE PART B OHIO               915.00       297.00       155.00       398.00       178.00      1,943.00   14.8
OHIO MEDICAID                        0.00       149.00        85.00       125.00       795.00      1,154.00    8.8
TRISTATE BENEFIT PLANS             500.00       413.00         0.00       310.00       752.00      1,975.00   15.0
Patient responsibility             469.97       806.59       729.54       259.01       913.82      3,178.93   24.1
Total                            3,416.42     2,334.32     1,647.54     1,627.01     4,140.82     13,166.11  100.0
%                                    25.9         17.7         12.5         12.4         31.5         100.0
END
t_cmp "aging by payer" "$T/expect" "$T/.out"

t_ok "info" mb --db "$T/a.db" info
sed 1d "$T/.out" >"$T/info"
cat >"$T/expect" <<'END'
schema: 7
practice: Maple Grove Family Medicine
npi: 1842937561
providers: 5
payers: 5
patients: 200
coverages: 220
encounters: 255
charge lines: 445
END
t_cmp "info" "$T/expect" "$T/info"
t_done
