#!/bin/sh
# t0503-edits: the scrubber's edits are data: list them, add a payer's edit
# and override a built-in one without touching the builder.
. "$TOP/tests/lib.sh"
db="$T/c.db"
t_ok "init" mb --db "$db" init
t_ok "import the practice" mb --db "$db" import xml "$TOP/tests/data/claims-practice.xml"

t_ok "edits list" mb --db "$db" edits list
t_grep "the NPI edit" '^BILL_NPI_CHECK +error +all +2010AA NM109 +billing provider NPI \{value\} fails its check digit$' "$T/.out"
t_grep "the pointer edit" '^LINE_POINTER .*line \{line\}: diagnosis pointer \{value\} points past the \{n\} diagnoses$' "$T/.out"
t_ok "edits list --csv" mb --db "$db" edits list --csv
t_grep "CSV header" '^edit_id,code,payer_id,severity,kind,field,arg,where,message,fix' "$T/.out"

# A new edit for one payer.
t_ok "add a payer's edit" mb --db "$db" edits add ACME_AUTH --payer ACME1 --kind required --field prior_auth \
	--where "2300 REF*G1" --message "{payer} wants a prior authorization" --fix "call Acme for a number"
t_fail "the claims without one fail" 1 mb --db "$db" claims scrub 1 2 3
cat >"$T/expect" <<'EOT'
claim 1 (CG1001-1): 1 error, 0 warnings
  error   ACME_AUTH  2300 REF*G1: Acme Health Plan wants a prior authorization
          fix: call Acme for a number
EOT
t_cmp "only Acme's claim without one" "$T/expect" "$T/.out"
t_ok "a pattern on the member ID" mb --db "$db" edits add HBC_MEMBER --payer HBC22 --kind match --field member_id \
	--arg 'XHB[0-9]*' --severity warning --message "member ID {value} is not XHB and digits"
t_ok "it passes" mb --db "$db" claims scrub 3

# A built-in edit made an error for one payer, then turned off.
sqlite3 "$db" "UPDATE payers SET timely_days = 40 WHERE payer_id = 'NEMCD'"
sqlite3 "$db" "UPDATE payers SET timely_days = 30 WHERE payer_id = 'HBC22'"
t_ok "near the filing limit: a warning" mb --db "$db" claims scrub 3
t_grep "warning" "warning TIMELY_FILING_NEAR  2400 DTP\*472: Heartland Blue Cross's 30-day filing limit for 2026-11-04 closes on 2026-12-04, in 8 days" "$T/.out"
t_ok "make it an error for this payer" mb --db "$db" edits add TIMELY_FILING_NEAR --payer HBC22 --severity error
t_fail "now it stops the claim" 1 mb --db "$db" claims scrub 3
t_fail "cannot add it twice" 1 mb --db "$db" edits add TIMELY_FILING_NEAR --payer HBC22 --severity off
t_grep "the database says so" "breaks a rule of the database" "$T/.err"

# Refusals.
t_fail "an override needs a payer" 1 mb --db "$db" edits add POS --severity off
t_grep "says so" "'payer': an override of built-in edit 'POS' is for one payer" "$T/.err"
t_fail "an unknown field" 1 mb --db "$db" edits add X1 --kind required --field shoe --message m
t_grep "names the field" "'field': 'shoe' is not a claim field an edit can check" "$T/.err"
t_fail "an unknown payer" 1 mb --db "$db" edits add X2 --payer NOPE --kind required --field pcn --message m
t_grep "names the payer" "'--payer': no payer with payer ID 'NOPE'" "$T/.err"
t_fail "a bad severity" 1 mb --db "$db" edits add X3 --severity loud --kind required --field pcn --message m
t_grep "names the severity" "'severity': 'loud' is not error, warning or off" "$T/.err"
t_fail "no code" 2 mb --db "$db" edits add --kind required
t_done
