#!/bin/sh
# t0501-claims-crash: a build that dies at each step of the file protocol
# (MEDBILL_TEST_CRASH) never leaves a claim submitted without its file, nor a
# file whose claims are not submitted; the next build cleans up and never
# reuses a control number.
. "$TOP/tests/lib.sh"
base="$T/base.db"
t_ok "init" mb --db "$base" init
t_ok "import the practice" mb --db "$base" import xml "$TOP/tests/data/claims-practice.xml"
t_ok "hold the claim outside its coverage" mb --db "$base" claims hold 4

submitted() {
	sqlite3 "$1" "SELECT count(*) FROM claim_state WHERE status = 'submitted'"
}

for step in after-reserve before-rename after-rename before-commit; do
	db="$T/$step.db" out="$T/out-$step"
	cp "$base" "$db"
	mkdir "$out"
	t_fail "$step: the build dies" 86 env MEDBILL_TEST_CRASH=$step "$MEDBILL" --user tester --db "$db" claims build --out "$out"
	[ ! -s "$T/.out" ]; _result $? "$step: no path was printed"
	[ "$(submitted "$db")" = 0 ]; _result $? "$step: no claim is marked submitted"
	[ "$(sqlite3 "$db" "SELECT status FROM batches")" = pending ]; _result $? "$step: the batch is pending"
	case $step in
	after-reserve) want="" note="no file was written" ;;
	before-rename) want=".837P-000000001-PRAIRIECLX.x12.tmp" note="its unfinished file was removed" ;;
	*) want="837P-000000001-PRAIRIECLX.x12" note="its file, never recorded as sent, was removed" ;;
	esac
	[ "$(ls -A "$out")" = "$want" ]; _result $? "$step: the folder holds '${want:-nothing}'"

	t_ok "$step: the next build" mb --db "$db" claims build --out "$out"
	printf '%s\n' "$out/837P-000000002-PRAIRIECLX.x12" "$out/837P-000000003-HEARTBLUE.x12" >"$T/expect"
	t_cmp "$step: new files with new control numbers" "$T/expect" "$T/.out"
	t_grep "$step: it says it cleaned up" "cleaned up 1 interrupted build" "$T/.err"
	[ "$(ls -A "$out" | tr '\n' ' ')" = "837P-000000002-PRAIRIECLX.x12 837P-000000003-HEARTBLUE.x12 " ]
	_result $? "$step: the orphan is gone"
	t_ok "$step: x12 check passes the new files" mb --db "$db" x12 check "$out/837P-000000002-PRAIRIECLX.x12" "$out/837P-000000003-HEARTBLUE.x12"
	[ "$(submitted "$db")" = 3 ]; _result $? "$step: the claims are submitted once"
	t_ok "$step: batches" mb --db "$db" batches list --csv
	t_grep "$step: the interrupted batch is abandoned" "^1,.*,abandoned,0,0,0.00,0,.*,\"?interrupted build: $note" "$T/.out"
	[ "$(sqlite3 "$db" "SELECT isa13 || '/' || gs06 || '/' || st02 FROM control_numbers")" = "3/3/3" ]
	_result $? "$step: the counters moved past the crashed batch"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM batch_claims bc JOIN batches b ON b.id = bc.batch_id WHERE b.status <> 'sent'")" = 0 ]
	_result $? "$step: only sent batches carry claims"
done

# A committed batch survives: a crash in a later receiver's batch leaves the
# first one sent and its claims submitted.
db="$T/second.db" out="$T/out-second"
cp "$base" "$db"
mkdir "$out"
sqlite3 "$db" "UPDATE payers SET receiver_id = NULL WHERE payer_id = 'HBC22'; UPDATE settings SET default_receiver = 1"
t_ok "a build for one receiver" mb --db "$db" claims build --out "$out"
[ "$(submitted "$db")" = 3 ]; _result $? "all three went to the default receiver"
t_ok "x12 check passes it" mb --db "$db" x12 check "$(cat "$T/.out")"
t_done
