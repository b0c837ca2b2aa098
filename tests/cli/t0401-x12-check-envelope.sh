#!/bin/sh
# t0401-x12-check-envelope: corrupted copies of a public 837P sample, made
# here with sed and awk, each rejected with the exact error line: ISA width
# and fields, control numbers, counts, missing trailers, duplicates, syntax.
. "$TOP/tests/lib.sh"

cp "$TOP/tests/data/x12/837P_lfh_example1.x222a1fixed.837" "$T/e1.837"
cd "$T" || exit 1

# rejects NAME: check NAME.837; exit 1, and its error lines (warnings aside)
# are exactly the text on stdin.
rejects() {
	cat >"$T/$1.want"
	mb --db "$T/none.db" x12 check "$1.837" >"$T/$1.out" 2>"$T/$1.err"
	_rc=$?
	[ $_rc -eq 1 ] || echo "  exit $_rc"
	[ $_rc -eq 1 ]; _result $? "$1: rejected"
	grep -v ': warning: ' "$T/$1.out" >"$T/$1.got"
	t_cmp "$1: exact error lines" "$T/$1.want" "$T/$1.got"
}

sed '1s/000000005      \*/000000005     */' e1.837 >isa-width.837
rejects isa-width <<'EOF'
isa-width.837:1: ISA*00: the ISA is 105 characters long, not 106
isa-width.837:1: ISA*06: '000000005     ' is 14 characters wide, not 15
EOF

sed '1s/\*T\*:~/*X*:~/' e1.837 >isa-usage.837
rejects isa-usage <<'EOF'
isa-usage.837:1: ISA*15: 'X' is not T (test) or P (production)
EOF

sed '1s/\*00501\*/*00601*/' e1.837 >isa-version.837
rejects isa-version <<'EOF'
isa-version.837:1: ISA*12: '00601' is not a supported version (00501)
EOF

sed '1s/\*131031\*/*131331*/' e1.837 >isa-date.837
rejects isa-date <<'EOF'
isa-date.837:1: ISA*09: '131331' is not a date (YYMMDD)
EOF

sed 's/^IEA\*1\*000000907/IEA*1*000000908/' e1.837 >iea02.837
rejects iea02 <<'EOF'
iea02.837:44: IEA*02: '000000908' does not match ISA13 '000000907'
EOF

sed 's/^IEA\*1\*/IEA*2*/' e1.837 >iea01.837
rejects iea01 <<'EOF'
iea01.837:44: IEA*01: IEA01 says 2 functional groups, the interchange has 1
EOF

sed 's/^GE\*1\*1~/GE*1*2~/' e1.837 >ge02.837
rejects ge02 <<'EOF'
ge02.837:43: GE*02: '2' does not match GS06 '1'
EOF

sed 's/^GE\*1\*/GE*3*/' e1.837 >ge01.837
rejects ge01 <<'EOF'
ge01.837:43: GE*01: GE01 says 3 transaction sets, the group has 1
EOF

sed 's/^SE\*40\*0021/SE*40*0022/' e1.837 >se02.837
rejects se02 <<'EOF'
se02.837:42: SE*02: '0022' does not match ST02 '0021'
EOF

sed 's/^SE\*40\*/SE*39*/' e1.837 >se01.837
rejects se01 <<'EOF'
se01.837:42: SE*01: SE01 says 39 segments, the transaction set has 40
EOF

sed '/^IEA/d' e1.837 >no-iea.837
rejects no-iea <<'EOF'
no-iea.837:43: GE*00: the file ends inside interchange 000000907 (no IEA)
EOF

sed '/^SE\*/d' e1.837 >no-se.837
rejects no-se <<'EOF'
no-se.837:42: GE*00: GE before SE closed transaction set 0021
EOF

sed 's/^GS\*HC\*/GS*HP*/' e1.837 >gs01.837
rejects gs01 <<'EOF'
gs01.837:3: ST*01: transaction set 837 does not belong in a functional group HP (GS01 HC)
EOF

sed 's/^ST\*837\*0021\*005010X222A1~/ST*837*0021*005010X223A2~/' e1.837 >st03.837
rejects st03 <<'EOF'
st03.837:3: ST*03: '005010X223A2' is not the group's version 005010X222A1 (GS08)
EOF

# Two transaction sets with the same ST02 in one group.
awk '/^ST\*/{s=1} s{b=b $0 "\n"} /^SE\*/{s=0; printf "%s%s", b, b; b=""; next} !s{print}' e1.837 |
	sed 's/^GE\*1\*/GE*2*/' >dup-st.837
rejects dup-st <<'EOF'
dup-st.837:43: ST*02: transaction set control number 0021 was already used at segment 3
dup-st.837:67: CLM*01: claim 26463774 was already in this file at segment 27
EOF

# The same interchange twice in one file.
cat e1.837 e1.837 >dup-isa.837
rejects dup-isa <<'EOF'
dup-isa.837:45: ISA*13: interchange control number 000000907 was already used at segment 1
dup-isa.837:71: CLM*01: claim 26463774 was already in this file at segment 27
EOF

sed 's/^N3\*234 SEAWAY ST~/N3*234 SEAWAY ST*~/' e1.837 >trailing.837
rejects trailing <<'EOF'
trailing.837:11: N3*02: trailing element separator (an empty last element)
EOF

sed 's/^SV1\*HC:99213\*40.00\*UN\*1.00\*\*\*1~/SV1*HC:99213:*40.00*UN*1.00***1~/' e1.837 >trailing-comp.837
rejects trailing-comp <<'EOF'
trailing-comp.837:31: SV1*01: trailing component separator
EOF

sed '$s/~$//' e1.837 >unterminated.837
rejects unterminated <<'EOF'
unterminated.837:44: IEA*00: the last segment has no segment terminator
EOF

sed 's/^LX\*2~/LX*2~\nGS*HC*XX*YY*20061015*1023*2*X*005010X222A1~/' e1.837 >gs-inside.837
rejects gs-inside <<'EOF'
gs-inside.837:34: GS*00: GS before SE closed transaction set 0021
gs-inside.837:34: GS*00: GS before GE closed group 1
gs-inside.837:35: SV1*00: SV1 segment outside a transaction set
gs-inside.837:43: SE*00: SE segment outside a transaction set
gs-inside.837:44: GE*01: GE01 says 1 transaction sets, the group has 0
gs-inside.837:44: GE*02: '1' does not match GS06 '2'
gs-inside.837:45: IEA*01: IEA01 says 1 functional groups, the interchange has 2
EOF

sed 's/^DTP\*472\*D8\*20061003~/DTP*472*D8*20061003*X~/' e1.837 >too-many.837
rejects too-many <<'EOF'
too-many.837:32: DTP*04: DTP has at most 3 elements
too-many.837:35: DTP*04: DTP has at most 3 elements
EOF

sed 's/^NM1\*IL\*1\*SMITH\*JANE/NM1*IL*1*SMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITH*JANE/' e1.837 >too-long.837
rejects too-long <<'EOF'
too-long.837:19: NM1*03: 'SMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITHSMITH' has 65 characters, not 1 to 60
EOF

sed 's/^LX\*1~/LX*A~/' e1.837 >not-number.837
rejects not-number <<'EOF'
not-number.837:30: LX*01: 'A' is not a whole number
not-number.837:30: LX*01: line number 'A' out of sequence: 1 comes next
EOF

sed 's/^N4\*MIAMI\*FL\*331110000~/N4*MIAMI*FL*331110000~\nIEA*1*000000907~/' e1.837 >outside.837
rejects outside <<'EOF'
outside.837:13: IEA*00: IEA before SE closed transaction set 0021
outside.837:13: IEA*00: IEA before GE closed group 1
outside.837:14: REF*00: REF segment outside an interchange (after IEA, before ISA)
EOF
t_done
