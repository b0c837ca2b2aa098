#!/bin/sh
# t0500-claims-build: scrub, build, list and batches on an imported practice,
# with the 837P files compared byte for byte with hand-checked goldens.
. "$TOP/tests/lib.sh"
G="$TOP/tests/data/golden"
db="$T/c.db"
out="$T/out"
mkdir "$out"

t_ok "init" mb --db "$db" init
t_ok "ICD-10-CM excerpt" mb --db "$db" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
t_ok "import the practice" mb --db "$db" import xml "$TOP/tests/data/claims-practice.xml"

t_fail "scrub exits 1: a claim is outside its coverage" 1 mb --db "$db" claims scrub
cat >"$T/expect" <<'EOT'
claim 4 (CG1004-4): 1 error, 0 warnings
  error   DOS_COVERAGE  2400 DTP*472: date of service 2026-11-05 is outside the coverage dates 2026-01-01 to 2026-10-31
          fix: attach the coverage in force on the date of service
EOT
t_cmp "scrub prints the problem, the field and the fix" "$T/expect" "$T/.out"
t_grep "scrub summary" "scrubbed 4 claims: 1 with errors, 0 with warnings only" "$T/.err"
t_grep "one warning for the code-set year" "dates of service in FY2027 were checked against ICD-10-CM FY2023" "$T/.err"
t_ok "scrub of clean claims exits 0" mb --db "$db" claims scrub 1 3
t_grep "two scrubbed" "scrubbed 2 claims: 0 with errors" "$T/.err"

t_ok "build" mb --db "$db" claims build --out "$out"
printf '%s\n' "$out/837P-000000001-PRAIRIECLX.x12" "$out/837P-000000002-HEARTBLUE.x12" >"$T/expect"
t_cmp "each file's path on its own line" "$T/expect" "$T/.out"
t_grep "build summary" "sent 3 claims \(5 lines, 458.50\) in 2 files" "$T/.err"
t_grep "held back" "1 claim held back by the scrubber" "$T/.err"
t_cmp "golden: the clearinghouse's interchange" "$G/cli-prairie.x12" "$out/837P-000000001-PRAIRIECLX.x12"
t_cmp "golden: the Blue plan's interchange" "$G/cli-heartblue.x12" "$out/837P-000000002-HEARTBLUE.x12"
t_ok "x12 check passes both files" mb --db "$db" x12 check "$out/837P-000000001-PRAIRIECLX.x12" "$out/837P-000000002-HEARTBLUE.x12"
t_ok "x12 check passes every golden 837P" mb --db "$db" x12 check "$G"/*.x12
[ "$(ls "$G"/*.x12 | wc -l)" -eq 14 ]; _result $? "fourteen goldens"
[ "$(stat -c %a "$out/837P-000000001-PRAIRIECLX.x12")" = 600 ]; _result $? "batch files are mode 0600"
[ -z "$(ls -A "$out" | grep -v '^837P-')" ]; _result $? "no temporary file is left"

t_ok "claims list" mb --db "$db" claims list
cat >"$T/expect" <<'EOT'
    ID  PCN                   DOS         PATIENT                 PAYER                 STATUS     F       TOTAL  BATCH  SCRUB
     1  CG1001-1              2026-11-02  Hollis, Maren           Acme Health Plan      submitted  1      135.50      1
     2  CG1002-2              2026-11-03  Hollis, Theo            Acme Health Plan      submitted  1      213.00      1
     3  CG1003-3              2026-11-04  Quintero, Rafael        Heartland Blue Cross  submitted  1      110.00      2
     4  CG1004-4              2026-11-05  Ng, Lena                Acme Health Plan      ready      1       75.00      -  errors
EOT
t_cmp "claims list text" "$T/expect" "$T/.out"
t_ok "claims list --csv" mb --db "$db" claims list --csv
printf '%s\r\n' 'claim_id,pcn,patient_id,patient,dos,payer,status,frequency,total,batch_id,errors,warnings' \
	'1,CG1001-1,1,"Hollis, Maren",2026-11-02,Acme Health Plan,submitted,1,135.50,1,0,0' \
	'2,CG1002-2,2,"Hollis, Theo",2026-11-03,Acme Health Plan,submitted,1,213.00,1,0,0' \
	'3,CG1003-3,3,"Quintero, Rafael",2026-11-04,Heartland Blue Cross,submitted,1,110.00,2,0,0' \
	'4,CG1004-4,4,"Ng, Lena",2026-11-05,Acme Health Plan,ready,1,75.00,,1,0' >"$T/expect"
t_cmp "claims list CSV (RFC 4180, CRLF)" "$T/expect" "$T/.out"
t_ok "claims list --status ready" mb --db "$db" claims list --status ready --csv
[ "$(wc -l <"$T/.out")" -eq 2 ] && grep -q '^4,' "$T/.out"; _result $? "only the ready claim"
t_ok "claims list --batch 2" mb --db "$db" claims list --batch 2 --csv
[ "$(wc -l <"$T/.out")" -eq 2 ] && grep -q '^3,' "$T/.out"; _result $? "only batch 2's claim"
t_fail "unknown status" 1 mb --db "$db" claims list --status lost
t_grep "names the status" "'status'" "$T/.err"
t_fail "bad batch number" 2 mb --db "$db" claims list --batch x

t_ok "batches list --csv" mb --db "$db" batches list --csv
sed "s|$out|OUT|" "$T/.out" >"$T/got"
printf '%s\r\n' 'batch_id,created_at,sent_at,receiver,submitter,usage,isa13,gs06,st02_first,st02_last,status,claims,lines,total,bytes,path,note' \
	"1,2026-11-26T12:00:00Z,2026-11-26T12:00:00Z,Prairie Claims Exchange,ZZ:CGFM01,T,000000001,1,0001,0001,sent,2,4,348.50,$(stat -c %s "$out/837P-000000001-PRAIRIECLX.x12"),OUT/837P-000000001-PRAIRIECLX.x12," \
	"2,2026-11-26T12:00:00Z,2026-11-26T12:00:00Z,Heartland Blue Gateway,ZZ:CGFM01,T,000000002,2,0002,0002,sent,1,1,110.00,$(stat -c %s "$out/837P-000000002-HEARTBLUE.x12"),OUT/837P-000000002-HEARTBLUE.x12," >"$T/expect"
t_cmp "batches list CSV" "$T/expect" "$T/got"
t_ok "batches list" mb --db "$db" batches list
t_grep "batches list text" '^    2  2026-11-26T12:00:00Z  Heartland Blue Gatew  000000002  T  sent            1        110.00  /' "$T/.out"

t_ok "history records who and when" sqlite3 "$db" "SELECT count(*) FROM claim_history WHERE status = 'submitted' AND created_by = 'tester' AND created_at = '2026-11-26T12:00:00Z'"
[ "$(cat "$T/.out")" = 3 ]; _result $? "three submitted events by tester"

t_ok "a second build sends nothing" mb --db "$db" claims build --out "$out"
[ ! -s "$T/.out" ]; _result $? "no path printed"
t_grep "the held claim is named" "1 claim held back" "$T/.err"
t_ok "hold the bad claim" mb --db "$db" claims hold 4 --note "waiting for the new card"
t_ok "nothing ready" mb --db "$db" claims build --out "$out"
t_grep "says nothing is ready" "nothing is ready to send" "$T/.err"
[ "$(ls "$out" | wc -l)" -eq 2 ]; _result $? "no new file"
t_done
