#!/bin/sh
# t0301-codes-full: the full FY2023 ICD-10-CM and HCPCS 2019 files shipped in
# data/: counts, spot checks of billable and header codes, search ranking,
# and a second import that changes nothing. (Import time and search latency
# are measured in bench/, not here.)
. "$TOP/tests/lib.sh"

DB="$T/full.db"
ICD="$TOP/data/icd10cm_tabular_2023.xml.gz"
HCPCS="$TOP/data/HCPC2019_CONTR_ANWEB.txt.gz"

t_ok "init" mb --db "$DB" init
t_ok "import the full ICD-10-CM" mb --db "$DB" import icd10cm "$ICD"
t_grep "every diag, the expansions, the billable codes" \
	"^medbill: imported ICD-10-CM FY2023: 45869 diag elements, 96821 codes, 73715 billable, 25229 notes$" "$T/.err"
t_ok "import the full HCPCS" mb --db "$DB" import hcpcs "$HCPCS"
t_grep "procedures and modifiers" "^medbill: imported HCPCS 2019: 11622 records, 6440 procedure codes, 360 modifiers$" "$T/.err"
t_ok "the same ICD-10-CM file again" mb --db "$DB" import icd10cm "$ICD"
t_grep "changes nothing" "already loaded: nothing changed" "$T/.err"
t_ok "the same HCPCS file again" mb --db "$DB" import hcpcs "$HCPCS"
t_grep "changes nothing" "already loaded: nothing changed" "$T/.err"
t_ok "codes sets" mb --db "$DB" codes sets
t_grep "ICD-10-CM stored" "^icd10cm +2023 +96821 codes +icd10cm_tabular_2023\.xml\.gz" "$T/.out"
t_grep "HCPCS stored" "^hcpcs +2019 +6800 codes +HCPC2019_CONTR_ANWEB\.txt\.gz" "$T/.out"

# billable or not, on a date of service in FY2023
for code in E11.9 S52.521A T36.0X1A J02.0 Z00.00; do
	t_ok "$code is billable" mb --db "$DB" codes check "$code" --dos 2023-06-15
done
for code in E11 S52.521 J02 T36.0X1 S52; do
	t_fail "$code is not" 1 mb --db "$DB" codes check "$code" --dos 2023-06-15
done
t_fail "S52.521 wants its 7th character" 1 mb --db "$DB" codes check S52.521 --dos 2023-06-15
t_grep "and says which" "'S52.521' is not billable without its 7th character \(S52.521A to S52.521S\)" "$T/.err"
t_fail "E11 is a header" 1 mb --db "$DB" codes check e11 --dos 2023-06-15
t_grep "and says what to use" "'E11' \(Type 2 diabetes mellitus\) is a header, not billable: use a complete code from E11.00 to E11.9" "$T/.err"

# search ranking on the whole set
t_ok "strep throat" mb --db "$DB" codes search "strep throat"
head -n 1 "$T/.out" >"$T/first"
t_grep "J02.0 first" "^J02\.0 +icd10cm " "$T/first"
t_ok "J02" mb --db "$DB" codes search J02 --system icd10cm
cut -c1-9 "$T/.out" | tr -d ' ' | tr '\n' ' ' >"$T/codes"
printf "J02 J02.0 J02.8 J02.9 " >"$T/expect"
t_cmp "J02 lists J02.0, J02.8, J02.9" "$T/expect" "$T/codes"
t_ok "type 2 diabetes" mb --db "$DB" codes search "type 2 diabetes" --limit 4
head -n 1 "$T/.out" >"$T/first"
t_grep "E11 first" "^E11 +icd10cm +Type 2 diabetes mellitus \(header, not billable\)$" "$T/first"
t_grep "E11.9 among the first" "^E11\.9 +icd10cm +Type 2 diabetes mellitus without complications$" "$T/.out"
t_ok "a complete fracture code by its words" mb --db "$DB" codes search "colles fracture right radius initial closed" --limit 3
head -n 1 "$T/.out" >"$T/first"
t_grep "S52.531A first" "^S52\.531A +icd10cm " "$T/first"
t_ok "HCPCS by words" mb --db "$DB" codes search "standard wheelchair" --system hcpcs --limit 3
head -n 1 "$T/.out" >"$T/first"
t_grep "K0001 first" "^K0001 +hcpcs +Standard wheelchair$" "$T/first"
t_ok "show an expanded code" mb --db "$DB" codes show S52.521A
t_grep "its description" "^description: Torus fracture of lower end of right radius, initial encounter for closed fracture$" "$T/.out"
t_grep "billable" "^billable:    yes$" "$T/.out"
t_grep "its category's notes" "^  excludes1 \(at S52\): traumatic amputation of forearm \(S58\.-\)$" "$T/.out"
t_ok "show a code with 7th characters to pick" mb --db "$DB" codes show S52.521
t_grep "lists them" "^  sevenChrDef \(at S52\.52\): A: initial encounter for closed fracture$" "$T/.out"
t_done
