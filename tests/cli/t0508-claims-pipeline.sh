#!/bin/sh
# t0508-claims-pipeline: the builder's two threads (the store's and the 837P
# generator's) keep the claims' order, numbers and records together: a claim
# the generator refuses comes back out of the batch, and on a few thousand
# claims every line control number in the file is the one recorded.
. "$TOP/tests/lib.sh"
db="$T/c.db"
out="$T/out"
mkdir "$out"

t_ok "init" mb --db "$db" init
t_ok "ICD-10-CM excerpt" mb --db "$db" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
t_ok "import the practice" mb --db "$db" import xml "$TOP/tests/data/claims-practice.xml"
# A pointer past the diagnoses, with the scrubber's edit for it off: only the generator sees it.
t_ok "a bad pointer on claim 1" sqlite3 "$db" \
	"UPDATE charges SET ptr1 = 9 WHERE id = (SELECT charge_id FROM claim_lines WHERE claim_id = 1 AND line_no = 1)"
t_ok "the pointer edit off for its payer" mb --db "$db" edits add LINE_POINTER --payer ACME1 --severity off
t_ok "build" mb --db "$db" claims build --out "$out"
t_grep "two sent" "sent 2 claims \(3 lines, 323.00\) in 2 files" "$T/.err"
t_grep "two held" "2 claims held back by the scrubber" "$T/.err"
[ "$(sqlite3 "$db" "SELECT group_concat(batch_id || ':' || seq || ':' || claim_id, ' ') FROM batch_claims")" = "1:1:2 2:1:3" ]
_result $? "the refused claim is out of the batch; the next one took its number"
[ "$(sqlite3 "$db" "SELECT status FROM claim_state WHERE claim_id = 1")" = ready ]; _result $? "the refused claim stays ready"
t_ok "its finding" sqlite3 "$db" "SELECT code || ' ' || message FROM scrub_findings WHERE claim_id = 1"
t_grep "names the generator and the field" \
	"^X12 the 837P generator refused the claim: claim 'CG1001-1': 'line 1 diagnosis pointer 1': 9 points past the 2 diagnoses$" \
	"$T/.out"
[ "$(grep -o 'REF\*6R\*[^~]*' "$out"/837P-000000001-*.x12 | tr '\n' ' ')" = "REF*6R*1-1-1 REF*6R*1-1-2 " ]
_result $? "the file carries the next claim under the refused one's number"
[ "$(sqlite3 "$db" "SELECT group_concat(claims || '/' || segments, ' ') FROM batch_sets")" = "1/37 1/33" ]
_result $? "each set records its one claim and its segments"
t_ok "x12 check passes both files" mb --db "$db" x12 check "$out"/*.x12

# A sex and age edit: the store's thread resolves it, the generator's thread reports it.
sdb="$T/s.db"
sout="$T/sout"
mkdir "$sout"
t_ok "init" mb --db "$sdb" init
t_ok "ICD-10-CM excerpt" mb --db "$sdb" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
t_ok "import the practice" mb --db "$sdb" import xml "$TOP/tests/data/claims-practice.xml"
printf 'system,code_from,code_to,sex,age_min,age_max,message\nicd10cm,J0100,J0100,F,0,124,synthetic edit: female patients only\n' \
	>"$T/sexage.csv"
t_ok "a sex and age edit on claim 3's first diagnosis" mb --db "$sdb" import sex-age "$T/sexage.csv"
t_ok "build" mb --db "$sdb" claims build --out "$sout"
t_grep "two sent" "sent 2 claims \(4 lines, 348.50\) in 1 file" "$T/.err"
t_ok "claim 3's findings" sqlite3 "$sdb" "SELECT code || ' ' || message FROM scrub_findings WHERE claim_id = 3"
t_grep "the edit's message" "^DIAG_SEX_AGE .*synthetic edit: female patients only" "$T/.out"
[ "$(sqlite3 "$sdb" "SELECT status FROM claim_state WHERE claim_id = 3")" = ready ]; _result $? "claim 3 stays ready"

# Many claims: more than the ring between the threads holds, several times over.
big="$T/big.db"
bout="$T/bout"
mkdir "$bout"
t_ok "init a demo practice" mb --db "$big" init
t_ok "demo" mb --db "$big" demo --patients 1500
t_ok "every covered original claim ready" sqlite3 "$big" \
	"UPDATE claim_state SET status = 'ready' WHERE claim_id IN
	(SELECT id FROM claims WHERE coverage_id IS NOT NULL AND frequency = '1')"
t_ok "build" mb --db "$big" claims build --out "$bout"
n=$(sqlite3 "$big" "SELECT count(*) FROM batch_claims")
[ "$n" -gt 1000 ]; _result $? "over a thousand claims sent ($n)"
[ "$(sqlite3 "$big" "SELECT count(*) FROM claim_state WHERE status = 'submitted' AND batch_id IS NOT NULL")" = "$n" ]
_result $? "each sent claim is marked submitted"
[ "$(sqlite3 "$big" "SELECT count(*) = max(seq) FROM batch_claims GROUP BY batch_id" | sort -u)" = 1 ]
_result $? "claim numbers run without a gap in every batch"
[ "$(sqlite3 "$big" "SELECT (SELECT sum(claims) FROM batch_sets) = (SELECT count(*) FROM batch_claims)")" = 1 ]
_result $? "the sets account for every claim"
sqlite3 "$big" "WITH RECURSIVE l(b, s, n, lines) AS (
	SELECT batch_id, seq, 1, lines FROM batch_claims
	UNION ALL SELECT b, s, n + 1, lines FROM l WHERE n < lines)
	SELECT b || '-' || s || '-' || n FROM l ORDER BY b, s, n" >"$T/expect"
cat "$bout"/*.x12 | tr '~' '\n' | sed -n 's/^REF\*6R\*//p' | sort -t- -k1,1n -k2,2n -k3,3n >"$T/got"
t_cmp "every line control number in the files is a recorded claim's line" "$T/expect" "$T/got"
[ "$(cat "$bout"/*.x12 | tr '~' '\n' | grep -c '^CLM\*')" = "$n" ]; _result $? "one CLM per recorded claim"
t_ok "x12 check passes the files" mb --db "$big" x12 check "$bout"/*.x12
t_done
