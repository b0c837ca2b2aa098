#!/bin/sh
# t0509-claims-writer: the builder reads on one connection and records on
# another, from a writer thread. Earlier findings are replaced, not doubled;
# a failure while recording (here a trigger that refuses one claim's status
# change) stops the build cleanly: its batch is abandoned with the reason, no
# file is left, its claims stay ready, and a batch committed before it stays
# sent.
. "$TOP/tests/lib.sh"
base="$T/base.db"
t_ok "init" mb --db "$base" init
t_ok "import the practice" mb --db "$base" import xml "$TOP/tests/data/claims-practice.xml"
t_fail "scrub: claim 4 is outside its coverage" 1 mb --db "$base" claims scrub

count() { sqlite3 "$1" "$2"; }

# Findings: claim 4's error is stored once; claim 1's stale finding goes.
db="$T/findings.db" out="$T/out-findings"
cp "$base" "$db"
mkdir "$out"
sqlite3 "$db" "INSERT INTO scrub_findings (claim_id, seq, code, severity, line_no, field, message, fix,
	created_by, created_at) VALUES (1, 1, 'OLD', 'warning', NULL, 'x', 'stale', 'none', 't', '2026-01-01T00:00:00Z')"
t_ok "build" mb --db "$db" claims build --out "$out"
[ "$(count "$db" "SELECT group_concat(claim_id || ':' || code) FROM scrub_findings")" = "4:DOS_COVERAGE" ]
_result $? "only claim 4's finding is left, once"
[ "$(count "$db" "SELECT group_concat(v) FROM (SELECT claim_id || ':' || status AS v FROM claim_state ORDER BY claim_id)")" = \
	"1:submitted,2:submitted,3:submitted,4:ready" ]
_result $? "the three clean claims are submitted, claim 4 waits"
[ "$(count "$db" "SELECT count(*) FROM claim_history WHERE status = 'submitted' AND created_by = 'tester'")" = 3 ]
_result $? "each submitted claim has its history row"

# A failure in the second receiver's batch (claim 3 goes to HEARTBLUE), as its
# claims are marked submitted.
db="$T/second.db" out="$T/out-second"
cp "$base" "$db"
mkdir "$out"
sqlite3 "$db" "CREATE TRIGGER refuse BEFORE UPDATE OF status ON claim_state WHEN old.claim_id = 3
	BEGIN SELECT RAISE(ABORT, 'claim 3 refused by the test'); END"
t_fail "the build fails" 1 mb --db "$db" claims build --out "$out"
t_grep "it names the cause" "claim 3 refused by the test" "$T/.err"
[ "$(ls -A "$out")" = "837P-000000001-PRAIRIECLX.x12" ]
_result $? "only the first batch's file is there"
[ "$(count "$db" "SELECT group_concat(v) FROM (SELECT claim_id || ':' || status AS v FROM claim_state ORDER BY claim_id)")" = \
	"1:submitted,2:submitted,3:ready,4:ready" ]
_result $? "the first batch's claims are submitted, claim 3 is still ready"
[ "$(count "$db" "SELECT group_concat(v, ' ') FROM (SELECT id || ':' || status AS v FROM batches ORDER BY id)")" = "1:sent 2:abandoned" ]
_result $? "the first batch is sent, the second abandoned"
count "$db" "SELECT note FROM batches WHERE id = 2" >"$T/note"
t_grep "the abandoned batch says why" "build failed: .*claim 3 refused by the test" "$T/note"
[ "$(count "$db" "SELECT count(*) FROM batch_claims WHERE batch_id = 2")" = 0 ]
_result $? "the abandoned batch carries no claim"
t_ok "x12 check passes the first file" mb --db "$db" x12 check "$out/837P-000000001-PRAIRIECLX.x12"

# A failure on the writer thread (recording claim 2 in its batch) stops the
# build before the second receiver.
db="$T/first.db" out="$T/out-first"
cp "$base" "$db"
mkdir "$out"
sqlite3 "$db" "CREATE TRIGGER refuse BEFORE INSERT ON batch_claims WHEN new.claim_id = 2
	BEGIN SELECT RAISE(ABORT, 'claim 2 refused by the test'); END"
t_fail "the build fails" 1 mb --db "$db" claims build --out "$out"
t_grep "it names the cause" "claim 2 refused by the test" "$T/.err"
[ -z "$(ls -A "$out")" ]; _result $? "no file is left"
[ "$(count "$db" "SELECT count(*) FROM claim_state WHERE status = 'ready'")" = 4 ]
_result $? "every claim is still ready"
[ "$(count "$db" "SELECT group_concat(claim_id || ':' || code) FROM scrub_findings")" = "4:DOS_COVERAGE" ]
_result $? "claim 4's finding is as it was"
[ "$(count "$db" "SELECT count(*) FROM claim_history WHERE status = 'submitted'")" = 0 ]
_result $? "no history row was written"

# Once the trigger is gone the next build sends everything with new numbers.
sqlite3 "$db" "DROP TRIGGER refuse"
t_ok "the next build" mb --db "$db" claims build --out "$out"
printf '%s\n' "$out/837P-000000002-PRAIRIECLX.x12" "$out/837P-000000003-HEARTBLUE.x12" >"$T/expect"
t_cmp "new files with new control numbers" "$T/expect" "$T/.out"
t_ok "x12 check passes them" mb --db "$db" x12 check "$out/837P-000000002-PRAIRIECLX.x12" \
	"$out/837P-000000003-HEARTBLUE.x12"
t_done
