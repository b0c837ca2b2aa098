#!/bin/sh
# t0520-msp: the Medicare secondary payer type (SBR05) of a coverage, end to
# end: the XML fixture round-trips with it byte for byte; a bad code is
# refused on import; the 837P carries it in 2000B (Medicare is the claim's
# secondary payer) and in 2320 (Medicare is the other, secondary payer) and
# not when Medicare is primary (golden hand-checked, passes 'x12 check');
# without it the scrubber holds the claims, naming the field and the fix.
. "$TOP/tests/lib.sh"
FIX="$TOP/tests/data/msp-practice.xml"
G="$TOP/tests/data/msp"
db="$T/m.db"
out="$T/out"
mkdir "$out"

t_ok "init" mb --db "$db" init
t_ok "ICD-10-CM excerpt" mb --db "$db" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
t_ok "import the practice" mb --db "$db" import xml "$FIX"
t_ok "export" mb --db "$db" export xml "$T/a.xml"
t_cmp "round trip with insurance-type is byte-identical" "$FIX" "$T/a.xml"
[ "$(grep -c '<insurance-type>' "$T/a.xml")" -eq 3 ]; _result $? "three coverages carry the element"

t_ok "scrub: every claim is clean" mb --db "$db" claims scrub
t_grep "scrub summary" "scrubbed 3 claims: 0 with errors" "$T/.err"
t_ok "build" mb --db "$db" claims build --out "$out"
f="$out/837P-000000001-PRAIRIECLX.x12"
t_grep "one file" "sent 3 claims \(4 lines, 398.00\) in 1 file" "$T/.err"
t_cmp "golden: Medicare secondary, Medicare as other payer, Medicare primary" "$G/msp-prairie.x12" "$f"
t_ok "x12 check passes the file" mb --db "$db" x12 check "$f"
t_grep "2000B: Medicare secondary, working aged" '^SBR\*S\*18\*\*\*12\*\*\*\*MB~$' "$f"
t_grep "2320: Medicare secondary to workers' comp" '^SBR\*S\*18\*\*\*15\*\*\*\*MB~$' "$f"
t_grep "2000B: Medicare primary, no SBR05" '^SBR\*P\*18\*\*\*\*\*\*\*MB~$' "$f"
t_grep "2320: the commercial primary, no SBR05" '^SBR\*P\*18\*GRP9100\*\*\*\*\*\*CI~$' "$f"
sed 's/^SBR\*S\*18\*\*\*15\*\*\*\*MB~$/SBR*S*18*******MB~/' "$f" >"$T/no05.x12"
t_fail "x12 check: a Medicare secondary without SBR05 is refused" 1 mb x12 check "$T/no05.x12"
t_grep "names the element and the rule" 'no05.x12:46: SBR\*05: the insurance type \(SBR05\) is required when Medicare \(MB\) is not the primary payer' "$T/.out"

# The same practice from a file of before the element: it imports, and the
# scrubber holds the two claims that need the code.
grep -v '<insurance-type>' "$FIX" >"$T/old.xml"
db2="$T/n.db"
mb --db "$db2" init 2>/dev/null
t_ok "a file without insurance-type imports" mb --db "$db2" import xml "$T/old.xml"
mb --db "$db2" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml" >/dev/null 2>&1
t_fail "scrub exits 1" 1 mb --db "$db2" claims scrub
cat >"$T/expect" <<'EOT'
claim 1 (CG2001-1): 1 error, 0 warnings
  error   MSP_TYPE  2000B SBR05: Medicare Part B Plains is Medicare as the secondary payer: its coverage needs an insurance type (MSP type, why Medicare is not primary)
          fix: enter the insurance type on the patient's Medicare Part B Plains coverage: 12 working aged, 13 ESRD, 14 no-fault, 15 workers' comp, 16 federal, 41 black lung, 42 VA, 43 disabled, 47 liability
claim 2 (CG2002-2): 1 error, 0 warnings
  error   MSP_TYPE  2320 SBR05: Medicare Part B Plains is Medicare as the secondary payer: its coverage needs an insurance type (MSP type, why Medicare is not primary)
          fix: enter the insurance type on the patient's Medicare Part B Plains coverage: 12 working aged, 13 ESRD, 14 no-fault, 15 workers' comp, 16 federal, 41 black lung, 42 VA, 43 disabled, 47 liability
EOT
t_cmp "the findings name the field and the fix" "$T/expect" "$T/.out"
mkdir "$T/out2"
t_ok "build sends the Medicare primary claim only" mb --db "$db2" claims build --out "$T/out2"
t_grep "one sent" "sent 1 claim \(1 line, 75.00\) in 1 file" "$T/.err"
t_grep "two held" "2 claims held back by the scrubber" "$T/.err"
t_ok "x12 check passes it" mb --db "$db2" x12 check "$T/out2"/*.x12
grep -q 'CG2001\|CG2002' "$T/out2"/*.x12; [ $? -eq 1 ]; _result $? "the held claims are not in the file"

# A code outside the list is refused on import, naming the element; nothing is written.
sed 's|<insurance-type>15</insurance-type>|<insurance-type>99</insurance-type>|' "$FIX" >"$T/bad.xml"
db3="$T/b.db"
mb --db "$db3" init 2>/dev/null
t_fail "a bad code is refused" 1 mb --db "$db3" import xml "$T/bad.xml"
t_grep "the message names the element" "element 'insurance-type'" "$T/.err"
t_ok "info" mb --db "$db3" info
t_grep "nothing was imported" '^coverages: 0$' "$T/.out"
t_done
