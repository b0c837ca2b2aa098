#!/bin/sh
# t0400-x12-check-samples: 'x12 check' accepts the public 5010 samples (their
# pre-2012 data edits print as warnings), our own 837P output, files with and
# without newlines; it reports the one real error in the 271 samples.
. "$TOP/tests/lib.sh"

D=$TOP/tests/data/x12
cp "$D"/*.837 "$D"/*.270 "$D"/*.271 "$D"/*.txt "$D"/*.997 "$T"/
cp "$TOP/tests/data/x837/golden.837" "$T"/
cd "$T" || exit 1
chk() { mb --db "$T/none.db" x12 check "$@"; }

# Every 837P sample passes; what it prints is exactly its legacy warnings.
for f in 837P_lfh_*.837; do
	t_ok "$f passes" chk "$f"
	cp "$T/.out" "$T/$f.out"
done
cat >"$T/want" <<'EOF'
837P_lfh_autoaccident.x222a1fixed.837:9: NM1*09: warning: NPI '1253695747' fails its check digit
837P_lfh_autoaccident.x222a1fixed.837:11: N4*03: warning: the billing provider ZIP code '99997' must have 9 digits (ZIP+4)
837P_lfh_autoaccident.x222a1fixed.837:29: NM1*09: warning: NPI '2366552595' fails its check digit
837P_lfh_autoaccident.x222a1fixed.837:31: NM1*09: warning: NPI '1235767887' fails its check digit
837P_lfh_autoaccident.x222a1fixed.837:33: N4*03: warning: the service facility ZIP code '99622' must have 9 digits (ZIP+4)
837P_lfh_cob.example3.B.x222a1fixed.837:9: NM1*09: warning: NPI '1999996666' fails its check digit
837P_lfh_cob.example3.B.x222a1fixed.837:11: N4*03: warning: the billing provider ZIP code '33111' must have 9 digits (ZIP+4)
837P_lfh_cob.example3.B.x222a1fixed.837:16: N4*03: warning: ZIP code '3111' is not 5 or 9 digits
837P_lfh_cob.example3.B.x222a1fixed.837:33: NM1*09: warning: NPI '1999996666' fails its check digit
837P_lfh_cob.example3.B.x222a1fixed.837:36: NM1*09: warning: NPI '1581234567' fails its check digit
837P_lfh_cob.example3.B.x222a1fixed.837:38: N4*03: warning: the service facility ZIP code '33111' must have 9 digits (ZIP+4)
837P_lfh_drug.example10.1.x222a1fixed.837:11: N4*03: warning: the billing provider ZIP code '89109' must have 9 digits (ZIP+4)
837P_lfh_example1.x222a1fixed.837:9: PRV*03: warning: '203BF0100Y' is not a provider taxonomy code
837P_lfh_example2.x222a1fixed.837:9: PRV*03: warning: '203BF0100Y' is not a provider taxonomy code
837P_lfh_example2.x222a1fixed.837:10: NM1*09: warning: NPI '9876543210' fails its check digit
837P_lfh_example2.x222a1fixed.837:12: N4*03: warning: the billing provider ZIP code '33111' must have 9 digits (ZIP+4)
837P_lfh_example2.x222a1fixed.837:28: NM1*09: warning: NPI '5812345679' fails its check digit
837P_lfh_example2.x222a1fixed.837:30: N4*03: warning: the service facility ZIP code '33111' must have 9 digits (ZIP+4)
EOF
cat 837P_lfh_*.837.out >"$T/got"
t_cmp "sample warnings, exactly" "$T/want" "$T/got"

# All of them at once, with a summary line each.
t_ok "all 837P samples in one run" chk -v 837P_lfh_*.837
t_grep "summary of example1" '^837P_lfh_example1.x222a1fixed.837: 44 segments, 1 interchange, 1 transaction set, 1 claim: 0 errors, 2 warnings$' "$T/.out"
t_grep "summary of cob" '^837P_lfh_cob.example3.B.x222a1fixed.837: 66 segments, 1 interchange, 1 transaction set, 1 claim: 0 errors, 7 warnings$' "$T/.out"
# The samples all reuse one sender's ISA13: across files that is a warning.
t_grep "ISA13 reused across files" "^837P_lfh_drug.example10.1.x222a1fixed.837:1: ISA\*13: warning: sender 000000005 already used interchange control number 000000907 in 837P_lfh_autoaccident.x222a1fixed.837$" "$T/.out"

# Our own output: not a word.
t_ok "golden 837P passes" chk golden.837
[ ! -s "$T/.out" ]; _result $? "golden 837P: no output at all"

# The same file on one line, and with CRLF, reads the same.
tr -d '\n' <golden.837 >oneline.837
t_ok "one-line file passes" chk oneline.837
[ ! -s "$T/.out" ]; _result $? "one-line file: no output"
sed 's/$/\r/' 837P_lfh_drug.example10.1.x222a1fixed.837 >crlf.837
t_ok "CRLF file passes" chk crlf.837
t_grep "CRLF: same segment numbers" "^crlf.837:11: N4\*03: warning: the billing provider ZIP" "$T/.out"
sed 's/~/~\n\n/g' 837P_lfh_example1.x222a1fixed.837 >blank.837
t_ok "blank lines between segments" chk blank.837

# The other transaction sets: the envelope is checked.
for f in 270_lfh_dependent.270 270_lfh_subscriber.270 271_lfh_dependent.271 271_lfh_subscriber.271 \
	277CA_imsweb_accepted.txt 277CA_imsweb_rejected.txt 835_keiron_emedny_sample.txt \
	835_pyx12_mult_loops.txt 999_imsweb_rejected.txt 999_pyx12_834_lui_id_5010.999.txt \
	837P_lfh_example1.x222a1fixed.837.997; do
	t_ok "$f: envelope passes" chk "$f"
done
# This public sample really has a wrong SE02.
t_fail "271 error sample: SE02 does not match" 1 chk 271_lfh_subscriber-error.271
echo "271_lfh_subscriber-error.271:10: SE*02: '4323' does not match ST02 '4321'" >"$T/want"
t_cmp "271 error sample: the exact line" "$T/want" "$T/.out"

# Usage and files that are not X12.
t_fail "no file is a usage error" 2 chk
t_grep "usage names the command" 'usage: medbill x12 check' "$T/.err"
t_fail "bad option is a usage error" 2 chk --frob golden.837
t_fail "missing file" 1 chk nosuch.837
t_grep "missing file named" "cannot open 'nosuch.837'" "$T/.err"
t_fail "a license text is not X12" 1 chk LICENSE-pyx12-BSD-3.txt
echo "LICENSE-pyx12-BSD-3.txt:1: ISA*00: not an X12 interchange: it does not begin with an ISA segment" >"$T/want"
t_cmp "not X12: the exact line" "$T/want" "$T/.out"
: >empty.837
t_fail "an empty file" 1 chk empty.837
echo "empty.837:0: ISA*00: the file is empty" >"$T/want"
t_cmp "empty file: the exact line" "$T/want" "$T/.out"
t_fail "one bad file fails the run" 1 chk golden.837 empty.837
t_ok "standard input" sh -c "\"$MEDBILL\" --db \"$T/none.db\" x12 check - <golden.837"
t_done
