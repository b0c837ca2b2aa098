#!/bin/sh
# t0402-x12-check-837p: the 837P rules. Corrupted copies of the public
# samples (structure, HL tree, code values, claim arithmetic) and of our own
# golden 837P (data edits, which are errors for files created since 2012),
# each rejected with the exact error lines.
. "$TOP/tests/lib.sh"

D=$TOP/tests/data/x12
cp "$D/837P_lfh_example1.x222a1fixed.837" "$T/e1.837"
cp "$D/837P_lfh_cob.example3.B.x222a1fixed.837" "$T/cob.837"
cp "$D/837P_lfh_autoaccident.x222a1fixed.837" "$T/auto.837"
cp "$TOP/tests/data/x837/golden.837" "$T/g.837"
cd "$T" || exit 1

rejects() {
	cat >"$T/$1.want"
	mb --db "$T/none.db" x12 check "$1.837" >"$T/$1.out" 2>"$T/$1.err"
	_rc=$?
	[ $_rc -eq 1 ] || echo "  exit $_rc"
	[ $_rc -eq 1 ]; _result $? "$1: rejected"
	grep -v ': warning: ' "$T/$1.out" >"$T/$1.got"
	t_cmp "$1: exact error lines" "$T/$1.want" "$T/$1.got"
}

# ---- loops and segments ----
sed -e '12d' -e 's/^SE\*40\*/SE*39*/' e1.837 >no-n4.837
rejects no-n4 <<'EOF'
no-n4.837:10: NM1*00: loop 2010AA (billing provider name) lacks its required N4 segment
EOF

sed -e '/^HI\*/d' -e 's/^SE\*40\*/SE*39*/' e1.837 >no-hi.837
rejects no-hi <<'EOF'
no-hi.837:30: SV1*07: pointer 1 points past the 0 diagnosis codes in HI
no-hi.837:33: SV1*07: pointer 1 points past the 0 diagnosis codes in HI
no-hi.837:36: SV1*07: pointer 2 points past the 0 diagnosis codes in HI
no-hi.837:39: SV1*07: pointer 2 points past the 0 diagnosis codes in HI
no-hi.837:27: CLM*00: loop 2300 (claim information) lacks its required HI segment (HI01 ABK BK)
EOF

sed -e '/^NM1\*PR\*/d' -e 's/^SE\*40\*/SE*39*/' e1.837 >no-payer.837
rejects no-payer <<'EOF'
no-payer.837:17: HL*00: loop 2000B (subscriber hierarchical level) lacks its required loop 2010BB (payer name)
EOF

awk 'NR==11{l=$0; next} NR==12{print; print l; next} {print}' e1.837 >swapped.837
rejects swapped <<'EOF'
swapped.837:12: N3*00: N3 is out of order in loop 2010AA (billing provider name)
swapped.837:10: NM1*00: loop 2010AA (billing provider name) lacks its required N3 segment
EOF

sed -e 's/^LX\*2~/ABC*1~\nLX*2~/' -e 's/^SE\*40\*/SE*41*/' e1.837 >stray.837
rejects stray <<'EOF'
stray.837:33: ABC*00: ABC is not expected here (in loop 2400, service line number)
EOF

sed 's/^REF\*EI\*/REF*ZZ*/' e1.837 >ref-zz.837
rejects ref-zz <<'EOF'
ref-zz.837:13: REF*01: 'ZZ' is not a valid REF01 code in loop 2010AA (billing provider name)
ref-zz.837:10: NM1*00: loop 2010AA (billing provider name) lacks its required REF segment (REF01 EI SY)
EOF

sed -e 's/^N3\*234 SEAWAY ST~/N3*234 SEAWAY ST~\nN3*SUITE 2~/' -e 's/^SE\*40\*/SE*41*/' e1.837 >two-n3.837
rejects two-n3 <<'EOF'
two-n3.837:12: N3*00: N3 appears more than 1 time in loop 2010AA (billing provider name)
EOF

# 51 service lines in one claim.
awk '/^LX\*1~/{for (i = 1; i <= 51; i++) printf "LX*%d~\nSV1*HC:99213*1*UN*1***1~\nDTP*472*D8*20061003~\n", i; skip=1; next}
	/^SE\*/{skip=0} skip{next} {print}' e1.837 |
	sed -e 's/^CLM\*26463774\*100.00\*/CLM*26463774*51*/' -e 's/^SE\*40\*/SE*181*/' >lines51.837
rejects lines51 <<'EOF'
lines51.837:180: LX*00: loop 2400 (service line number) repeats more than 50 times in loop 2300
EOF

# ---- the HL tree ----
sed 's/^HL\*3\*2\*23\*0~/HL*4*2*23*0~/' e1.837 >hl-seq.837
rejects hl-seq <<'EOF'
hl-seq.837:21: HL*01: HL '4' out of sequence: HL 3 comes next
EOF

sed 's/^HL\*3\*2\*23\*0~/HL*3*1*23*0~/' e1.837 >hl-parent.837
rejects hl-parent <<'EOF'
hl-parent.837:21: HL*02: parent HL '1' is not the enclosing subscriber HL 2
EOF

sed 's/^HL\*2\*1\*22\*1~/HL*2*1*22*0~/' e1.837 >hl04-0.837
rejects hl04-0 <<'EOF'
hl04-0.837:17: HL*04: HL 2 has child HL 3 but its HL04 is 0
EOF

sed 's/^HL\*3\*2\*23\*0~/HL*3*2*23*1~/' e1.837 >hl04-c.837
rejects hl04-c <<'EOF'
hl04-c.837:21: HL*04: a patient HL has no children: HL04 must be 0
EOF

sed 's/^HL\*2\*1\*22\*0~/HL*2*1*22*1~/' "$D/837P_lfh_example2.x222a1fixed.837" >hl04-1.837
rejects hl04-1 <<'EOF'
hl04-1.837:17: HL*04: HL 2 says it has children (HL04 1) but no patient HL follows
EOF

sed 's/^HL\*1\*\*20\*1~/HL*1*9*20*1~/' e1.837 >hl-root.837
rejects hl-root <<'EOF'
hl-root.837:8: HL*02: a billing provider HL has no parent, not '9'
EOF

awk '/^CLM\*/{skip=1} /^SE\*/{skip=0} skip{next} {print}' e1.837 | sed 's/^SE\*40\*/SE*25*/' >no-claim.837
rejects no-claim <<'EOF'
no-claim.837:21: HL*00: loop 2000C (patient hierarchical level) lacks its required loop 2300 (claim information)
EOF

# ---- code values ----
sed 's/\*11:B:1\*/*11:A:1*/' e1.837 >clm05-2.837
rejects clm05-2 <<'EOF'
clm05-2.837:27: CLM*05: 'A' is not B, the facility code qualifier (CLM05-2)
EOF

sed 's/\*11:B:1\*/*30:B:1*/' e1.837 >pos.837
rejects pos <<'EOF'
pos.837:27: CLM*05: '30' is not a place of service code (CLM05-1)
EOF

sed 's/\*11:B:1\*/*11:B:5*/' e1.837 >freq.837
rejects freq <<'EOF'
freq.837:27: CLM*05: '5' is not a claim frequency code (CLM05-3: 1, 7 or 8)
EOF

sed 's/\*Y\*A\*Y\*I~/*Y*D*Y*I~/' e1.837 >clm07.837
rejects clm07 <<'EOF'
clm07.837:27: CLM*07: 'D' is not a assignment code (A, B, C)
EOF

sed 's/^SBR\*P\*\*2222-SJ\*\*\*\*\*\*CI~/SBR*P**2222-SJ******XX~/' e1.837 >sbr09.837
rejects sbr09 <<'EOF'
sbr09.837:18: SBR*09: 'XX' is not a claim filing indicator code
EOF

sed 's/^SBR\*P\*\*2222-SJ/SBR*Q**2222-SJ/' e1.837 >sbr01.837
rejects sbr01 <<'EOF'
sbr01.837:18: SBR*01: 'Q' is not a payer responsibility code
EOF

sed 's/^DMG\*D8\*19730501\*M~/DMG*D8*19730501*X~/' e1.837 >dmg03.837
rejects dmg03 <<'EOF'
dmg03.837:26: DMG*03: 'X' is not a sex code (F, M, U)
EOF

sed 's/^DMG\*D8\*19730501\*M~/DMG*D8*19730231*M~/' e1.837 >dmg02.837
rejects dmg02 <<'EOF'
dmg02.837:26: DMG*02: '19730231' is not a birth date (CCYYMMDD)
EOF

sed 's/^PAT\*19~/PAT*18~/' e1.837 >pat01.837
rejects pat01 <<'EOF'
pat01.837:22: PAT*01: '18' is not a patient relationship code
EOF

sed 's/\*1023\*CH~/*1023*ZZ~/' e1.837 >bht06.837
rejects bht06 <<'EOF'
bht06.837:4: BHT*06: 'ZZ' is not a claim identifier (CH, RP, 31)
EOF

sed 's/^NM1\*85\*2\*/NM1*85*3*/' e1.837 >nm102.837
rejects nm102 <<'EOF'
nm102.837:10: NM1*02: '3' is not an entity type (1 person, 2 organization)
EOF

sed 's/\*\*\*\*\*XX\*1912301953~/*****SV*1912301953~/' e1.837 >nm108.837
rejects nm108 <<'EOF'
nm108.837:10: NM1*08: 'SV' is not a valid identification code qualifier in loop 2010AA (XX)
EOF

sed 's/^N4\*MIAMI\*FL\*33413~/N4*MIAMI*XY*33413~/' e1.837 >state.837
rejects state <<'EOF'
state.837:25: N4*02: 'XY' is not a US state code
EOF

sed 's/^SV1\*HC:99213\*40.00\*UN\*1.00/SV1*HC:99213*40.00*DA*1.00/' e1.837 >sv103.837
rejects sv103 <<'EOF'
sv103.837:31: SV1*03: 'DA' is not a unit code (UN, MJ)
EOF

sed 's/^SV1\*HC:99213\*40.00\*UN\*1.00/SV1*HC:99213*40.00*UN*0/' e1.837 >units.837
rejects units <<'EOF'
units.837:31: SV1*04: '0' is not a quantity above zero
EOF

sed 's/^SV1\*HC:99213\*/SV1*HC:9921*/' e1.837 >proc.837
rejects proc <<'EOF'
proc.837:31: SV1*01: '9921' is not a CPT or HCPCS code
EOF

sed 's/^DTP\*472\*D8\*20061003~/DTP*472*D8*20061332~/' e1.837 >date.837
rejects date <<'EOF'
date.837:32: DTP*03: '20061332' is not a date (CCYYMMDD)
date.837:35: DTP*03: '20061332' is not a date (CCYYMMDD)
EOF

sed '0,/^DTP\*472\*D8\*20061003~/s//DTP*472*RD8*20061005-20061003~/' e1.837 >range.837
rejects range <<'EOF'
range.837:32: DTP*03: date range '20061005-20061003' ends before it begins
EOF

sed 's/^CAS\*PR\*1\*21.89\*\*2\*15.00~/CAS*XX*1*21.89**2*15.00~/' cob.837 >cas01.837
rejects cas01 <<'EOF'
cas01.837:40: CAS*01: 'XX' is not a valid CAS01 code in loop 2320 (other subscriber information)
EOF

sed 's/^OI\*\*\*Y\*P\*\*Y~/OI***Y*P**Q~/' cob.837 >oi06.837
rejects oi06 <<'EOF'
oi06.837:43: OI*06: 'Q' is not a release of information code (I, Y)
EOF

sed 's/^SBR\*P\*01\*/SBR*S*01*/' cob.837 >sbr2320.837
rejects sbr2320 <<'EOF'
sbr2320.837:39: SBR*01: other payer responsibility S is the same as the claim's (SBR01 of 2000B)
EOF

sed 's/^SVD\*999996666\*40.00\*/SVD*111111111*40.00*/' cob.837 >svd01.837
rejects svd01 <<'EOF'
svd01.837:51: SVD*01: '111111111' is not an other payer of this claim (2330B NM109)
EOF

# ---- claim arithmetic and references ----
sed 's/^CLM\*26463774\*100.00\*/CLM*26463774*110.00*/' e1.837 >clm02.837
rejects clm02 <<'EOF'
clm02.837:27: CLM*02: claim total 110.00 is not the sum of its lines, 100.00
EOF

sed 's/^SV1\*HC:87070\*15.00\*/SV1*HC:87070*15.001*/' e1.837 >amount.837
rejects amount <<'EOF'
amount.837:34: SV1*02: '15.001' is not an amount
EOF

sed 's/^LX\*3~/LX*4~/' e1.837 >lx.837
rejects lx <<'EOF'
lx.837:36: LX*01: line number '4' out of sequence: 3 comes next
EOF

sed 's/^SV1\*HC:99214\*35.00\*UN\*1.00\*\*\*2~/SV1*HC:99214*35.00*UN*1.00***3~/' e1.837 >pointer.837
rejects pointer <<'EOF'
pointer.837:37: SV1*07: pointer 3 points past the 2 diagnosis codes in HI
EOF

sed 's/^SV1\*HC:99214\*35.00\*UN\*1.00\*\*\*2~/SV1*HC:99214*35.00*UN*1.00***2:2~/' e1.837 >pointer2.837
rejects pointer2 <<'EOF'
pointer2.837:37: SV1*07: pointer 2 is listed twice
EOF

sed 's/^SV1\*HC:99214\*35.00\*UN\*1.00\*\*\*2~/SV1*HC:99214*35.00*UN*1.00~/' e1.837 >no-pointer.837
rejects no-pointer <<'EOF'
no-pointer.837:37: SV1*07: the diagnosis pointers are missing (SV107)
EOF

sed 's/BF:V7389/BF:V73.89/' e1.837 >dot.837
rejects dot <<'EOF'
dot.837:29: HI*02: 'V73.89': diagnosis codes are sent without the dot
EOF

sed 's/^HI\*BK:0340\*BF:V7389~/HI*BK:0340*BF:0340~/' e1.837 >dup-dx.837
rejects dup-dx <<'EOF'
dup-dx.837:29: HI*02: diagnosis '0340' is listed twice
EOF

sed 's/^HI\*BK:0340\*BF:V7389~/HI*BK:0340*ABF:J069~/' e1.837 >mixed.837
rejects mixed <<'EOF'
mixed.837:29: HI*02: 'ABF' mixes ICD-9 and ICD-10-CM in one claim (HI01 is BK)
mixed.837:29: HI*02: 'J069' is not an ICD-9-CM code
EOF

sed 's/^HI\*BK:0340\*BF:V7389~/HI*ABK:J020*ABF:Z0000~/' e1.837 >icd10-early.837
rejects icd10-early <<'EOF'
icd10-early.837:29: HI*01: ICD-10-CM codes (ABK) on a service date before 2015-10-01: use ICD-9 (BK)
EOF

sed '/^DTP\*439/d; s/^SE\*39\*/SE*38*/' auto.837 >no-439.837
rejects no-439 <<'EOF'
no-439.837:25: CLM*11: related cause AA needs DTP*439, the accident date
EOF

sed 's/\*\*AA:::CA~/**AA~/' auto.837 >no-state.837
rejects no-state <<'EOF'
no-state.837:25: CLM*11: an auto accident needs its state (CLM11-4)
EOF

# ---- data edits, on our own (2026) output ----
sed '10s/1234567893/1234567890/' g.837 >npi.837
rejects npi <<'EOF'
npi.837:10: NM1*09: NPI '1234567890' fails its check digit
EOF

sed '10s/1234567893/123456789/' g.837 >npi9.837
rejects npi9 <<'EOF'
npi9.837:10: NM1*09: NPI '123456789' is not 10 digits
EOF

sed '12s/021101234/02110/' g.837 >zip5.837
rejects zip5 <<'EOF'
zip5.837:12: N4*03: the billing provider ZIP code '02110' must have 9 digits (ZIP+4)
EOF

sed '59s/021102345/02110/' g.837 >zip-facility.837
rejects zip-facility <<'EOF'
zip-facility.837:59: N4*03: the service facility ZIP code '02110' must have 9 digits (ZIP+4)
EOF

sed '21s/02169/0216/' g.837 >zip4.837
rejects zip4 <<'EOF'
zip4.837:21: N4*03: ZIP code '0216' is not 5 or 9 digits
EOF

sed '13s/041234567/04123456/' g.837 >ein.837
rejects ein <<'EOF'
ein.837:13: REF*02: EIN '04123456' is not 9 digits
EOF

sed 's/^CLM\*PCN1002\*/CLM*PCN1001*/' g.837 >dup-clm.837
rejects dup-clm <<'EOF'
dup-clm.837:54: CLM*01: claim PCN1001 was already in this file at segment 24
EOF

sed 's/^CLM\*PCN1001\*/CLM*PCN1001PCN1001PCN1001*/' g.837 >long-pcn.837
rejects long-pcn <<'EOF'
long-pcn.837:24: CLM*01: 'PCN1001PCN1001PCN1001' is longer than the 20 characters receivers keep
EOF

sed '/^REF\*F8\*/d; s/^SE\*135\*0002~/SE*133*0002~/' g.837 >no-f8.837
rejects no-f8 <<'EOF'
no-f8.837:96: CLM*05: frequency 7 (replacement or void) needs REF*F8, the payer's claim control number
no-f8.837:113: CLM*05: frequency 8 (replacement or void) needs REF*F8, the payer's claim control number
EOF

sed '27s/HI\*ABK:J069\*ABF:R509/HI*BK:4659*BF:7806/' g.837 >icd9-late.837
rejects icd9-late <<'EOF'
icd9-late.837:27: HI*01: ICD-9 codes (BK) on a service date on or after 2015-10-01: use ICD-10-CM (ABK)
EOF

sed '37s/REF\*6R\*502/REF*6R*501/' g.837 >dup-6r.837
rejects dup-6r <<'EOF'
dup-6r.837:37: REF*02: line item control number '501' is used twice in claim PCN1001
EOF

# The same edits in a pre-2012 transaction are warnings: the file passes.
sed -e '10s/1234567893/1234567890/' -e 's/\*B20261126-1\*20261126\*/*B20261126-1*20061126*/' g.837 >old.837
t_ok "pre-2012 data edit passes" mb --db "$T/none.db" x12 check old.837
echo "old.837:10: NM1*09: warning: NPI '1234567890' fails its check digit" >"$T/want"
t_cmp "pre-2012 data edit: a warning" "$T/want" "$T/.out"
t_done
