#!/bin/sh
# t0502-claims-lifecycle: hold, release, resubmit (frequency 7), void
# (frequency 8), named builds, and the refusals, each with a clear message
# and the database unchanged.
. "$TOP/tests/lib.sh"
db="$T/c.db"
out="$T/out"
mkdir "$out"
t_ok "init" mb --db "$db" init
t_ok "import the practice" mb --db "$db" import xml "$TOP/tests/data/claims-practice.xml"

snap() { sqlite3 "$db" "SELECT id, status, frequency, ifnull(original_id, ''), ifnull(payer_claim_no, '') FROM claims ORDER BY id; SELECT count(*) FROM claim_history; SELECT count(*) FROM batches"; }

# Usage errors (exit 2) and user errors (exit 1) change nothing.
snap >"$T/before"
t_fail "build needs --out" 2 mb --db "$db" claims build
t_grep "says so" "'--out DIR' is required" "$T/.err"
t_fail "an --out that is not a folder" 1 mb --db "$db" claims build --out "$T/nope"
t_grep "names the folder" "'--out': '$T/nope' is not a folder" "$T/.err"
t_fail "an unknown payer" 1 mb --db "$db" claims build --out "$out" --payer NOBODY
t_grep "names the payer" "'--payer': no payer with payer ID 'NOBODY'" "$T/.err"
t_fail "a claim id that is not a number" 2 mb --db "$db" claims build --out "$out" 1x
t_fail "an unknown claim" 1 mb --db "$db" claims build --out "$out" 99
t_grep "names the claim" "no claim 99" "$T/.err"
t_fail "an unknown option" 2 mb --db "$db" claims build --out "$out" --fast
t_fail "resubmit needs a claim id" 2 mb --db "$db" claims resubmit
t_fail "a ready claim is not replaced" 1 mb --db "$db" claims resubmit 1 --payer-claim-no X1
t_grep "says why" "claim 1 is ready: only a claim the payer has received can be replaced" "$T/.err"
t_fail "release of a ready claim" 1 mb --db "$db" claims release 1
t_grep "says why" "claim 1 is ready: it cannot be released" "$T/.err"
t_fail "hold of an unknown claim" 1 mb --db "$db" claims hold 77
t_fail "scrub of an unknown claim" 1 mb --db "$db" claims scrub 77
t_grep "names it" "no claim 77" "$T/.err"
snap >"$T/after"
t_cmp "nothing changed" "$T/before" "$T/after"

# Hold and release.
t_ok "hold" mb --db "$db" claims hold 2 --note "check the referral"
t_grep "held" "claim 2 is on hold" "$T/.err"
t_fail "a held claim cannot be built by name" 1 mb --db "$db" claims build --out "$out" 2
t_grep "says it is not ready" "claim 2 is hold, not ready" "$T/.err"
t_ok "build by name, one payer's claims only" mb --db "$db" claims build --out "$out" --payer ACME1 1
t_grep "one file" "837P-000000001-PRAIRIECLX.x12$" "$T/.out"
t_ok "x12 check passes it" mb --db "$db" x12 check "$(cat "$T/.out")"
t_ok "release" mb --db "$db" claims release 2
t_grep "ready again" "claim 2 is ready" "$T/.err"
t_ok "the history has who and why" sqlite3 "$db" "SELECT status || '|' || note || '|' || created_by FROM claim_history WHERE claim_id = 2 ORDER BY id"
printf '%s\n' "ready|posted encounter 2|setup" "hold|check the referral|tester" "ready|released|tester" >"$T/expect"
t_cmp "claim 2's history" "$T/expect" "$T/.out"
t_ok "hold the claim outside its coverage" mb --db "$db" claims hold 4
t_ok "build the rest" mb --db "$db" claims build --out "$out"
[ "$(wc -l <"$T/.out")" -eq 2 ]; _result $? "two more files"
t_ok "x12 check passes them" mb --db "$db" x12 check $(cat "$T/.out")

# Replacement and void of sent claims.
t_fail "resubmit without the payer's claim number" 1 mb --db "$db" claims resubmit 1
t_grep "asks for it" "'payer claim number': claim 1 has none on file" "$T/.err"
t_ok "resubmit" mb --db "$db" claims resubmit 1 --payer-claim-no 26310000777
[ "$(cat "$T/.out")" = 5 ]; _result $? "prints the new claim's id"
t_grep "says what it did" "claim 5 \(frequency 7\) replaces claim 1 and is ready to send" "$T/.err"
t_ok "void" mb --db "$db" claims void 3 --payer-claim-no 26310000888
[ "$(cat "$T/.out")" = 6 ]; _result $? "prints the void's id"
t_fail "a void claim cannot be replaced again" 1 mb --db "$db" claims resubmit 1 --payer-claim-no 1
t_grep "says why" "claim 1 is void" "$T/.err"
t_ok "list the ready claims" mb --db "$db" claims list --status ready --csv
printf '%s\r\n' 'claim_id,pcn,patient_id,patient,dos,payer,status,frequency,total,batch_id,errors,warnings' \
	'5,CG1001-5,1,"Hollis, Maren",2026-11-02,Acme Health Plan,ready,7,135.50,,0,0' \
	'6,CG1003-6,3,"Quintero, Rafael",2026-11-04,Heartland Blue Cross,ready,8,110.00,,0,0' >"$T/expect"
t_cmp "the replacement and the void are ready" "$T/expect" "$T/.out"
t_ok "build them" mb --db "$db" claims build --out "$out"
f1=$(sed -n 1p "$T/.out") f2=$(sed -n 2p "$T/.out")
t_ok "x12 check passes the replacement and the void" mb --db "$db" x12 check "$f1" "$f2"
t_grep "frequency 7" "^CLM\*CG1001-5\*135.5\*\*\*11:B:7\*Y\*A\*Y\*Y~$" "$f1"
t_grep "REF*F8 of the replacement" "^REF\*F8\*26310000777~$" "$f1"
t_grep "frequency 8" "^CLM\*CG1003-6\*110\*\*\*11:B:8\*Y\*A\*Y\*Y~$" "$f2"
t_grep "REF*F8 of the void" "^REF\*F8\*26310000888~$" "$f2"
t_ok "list void claims" mb --db "$db" claims list --status void --csv
grep -q '^1,.*,void,1,' "$T/.out" && grep -q '^3,.*,void,1,' "$T/.out"; _result $? "the originals are void"
t_done
