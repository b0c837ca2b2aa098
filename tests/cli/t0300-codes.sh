#!/bin/sh
# t0300-codes: the shipped tables, importing the ICD-10-CM excerpt and a few
# HCPCS records, search, show, check, and bad files that change nothing.
. "$TOP/tests/lib.sh"

MINI="$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml"
SAMPLE="$TOP/tests/data/hcpcs_2019_sample.txt"
DB="$T/c.db"

t_ok "init loads the shipped tables" mb --db "$DB" init
t_ok "codes sets before any import" mb --db "$DB" codes sets
t_grep "nothing loaded yet" "^no code files loaded" "$T/.out"
t_ok "a group code" mb --db "$DB" codes show CO --system group
t_grep "group CO described" "^description: Contractual Obligations" "$T/.out"
t_ok "a CARC" mb --db "$DB" codes show 45 --system carc
t_grep "CARC 45 described" "^description: Charge exceeds fee schedule" "$T/.out"
t_ok "a POS" mb --db "$DB" codes show 11 --system pos
t_grep "POS 11 is the office" "^description: OFFICE" "$T/.out"
t_ok "a taxonomy code" mb --db "$DB" codes show 207Q00000X
t_grep "taxonomy described" "^description: Family Medicine Physician" "$T/.out"
t_ok "our CPT modifier" mb --db "$DB" codes show 25 --system modifier
t_grep "modifier 25 in our words" "^description: Separate, significant evaluation" "$T/.out"

t_ok "import the ICD-10-CM excerpt" mb --db "$DB" import icd10cm "$MINI"
t_grep "counts reported" "^medbill: imported ICD-10-CM FY2023: 457 diag elements, 457 codes, 350 billable, 987 notes$" "$T/.err"
t_ok "import it again" mb --db "$DB" import icd10cm "$MINI"
t_grep "nothing changed" "already loaded: nothing changed" "$T/.err"
t_ok "codes sets" mb --db "$DB" codes sets
t_grep "FY2023 with its dates of service" "^icd10cm +2023 +457 codes .*dates of service 2022-10-01 to 2023-09-30" "$T/.out"

# search
t_ok "search words" mb --db "$DB" codes search "strep throat"
head -n 1 "$T/.out" >"$T/first"
t_grep "strep throat ranks J02.0 first" "^J02\.0 +icd10cm +Streptococcal pharyngitis$" "$T/first"
t_ok "search a code prefix" mb --db "$DB" codes search J02 --system icd10cm
cat >"$T/expect" <<'EOF'
J02       icd10cm   Acute pharyngitis (header, not billable)
J02.0     icd10cm   Streptococcal pharyngitis
J02.8     icd10cm   Acute pharyngitis due to other specified organisms
J02.9     icd10cm   Acute pharyngitis, unspecified
EOF
t_cmp "J02 lists its codes in order" "$T/expect" "$T/.out"
t_ok "search without the dot, in CSV" mb --db "$DB" codes search j029 --csv
printf 'system,code,billable,description\r\nicd10cm,J02.9,1,"Acute pharyngitis, unspecified"\r\n' >"$T/expect"
t_cmp "CSV output" "$T/expect" "$T/.out"
t_ok "search with a limit" mb --db "$DB" codes search pneumonia --limit 2
t_grep "two lines" "^J18\.9 " "$T/.out"
[ "$(wc -l <"$T/.out")" -eq 2 ]; _result $? "the limit holds"
t_fail "nothing found" 1 mb --db "$DB" codes search zzyzx
t_grep "says so" "no code matches 'zzyzx'" "$T/.err"
t_fail "no text" 2 mb --db "$DB" codes search
t_fail "a bad limit" 2 mb --db "$DB" codes search flu --limit 0
t_fail "an unknown system" 1 mb --db "$DB" codes search flu --system icd9
t_grep "names the system" "'system': 'icd9' is not a code system" "$T/.err"

# show
t_ok "show a code" mb --db "$DB" codes show j02.0
cat >"$T/expect" <<'EOF'
code:        J02.0
system:      icd10cm
description: Streptococcal pharyngitis
billable:    yes
valid:       2022-10-01 to 2023-09-30 (FY2023)
chapter:     10
section:     J00-J06
notes:
  inclusionTerm: Septic pharyngitis
  inclusionTerm: Streptococcal sore throat
  excludes2: scarlet fever (A38.-)
  includes (at J02): acute sore throat
  excludes1 (at J02): acute laryngopharyngitis (J06.0)
  excludes1 (at J02): peritonsillar abscess (J36)
  excludes1 (at J02): pharyngeal abscess (J39.1)
  excludes1 (at J02): retropharyngeal abscess (J39.0)
  excludes2 (at J02): chronic pharyngitis (J31.2)
EOF
t_cmp "J02.0 with its notes and its header's" "$T/expect" "$T/.out"
t_ok "show a header" mb --db "$DB" codes show J02
t_grep "not billable" "^billable:    no" "$T/.out"
t_fail "show an unknown code" 1 mb --db "$DB" codes show Q99.99
t_grep "not a code" "'Q99.99' is not a code in any code set loaded" "$T/.err"
t_fail "show a malformed code" 1 mb --db "$DB" codes show "J0#2"
t_grep "names the field" "'code': 'J0#2' holds a character" "$T/.err"

# check (the scrubber's question)
t_fail "a header is not billable" 1 mb --db "$DB" codes check J02 --dos 2023-03-01
t_grep "says why" "'J02' \(Acute pharyngitis\) is a header, not billable: use a complete code from J02.0 to J02.9" "$T/.err"
t_ok "a leaf is" mb --db "$DB" codes check J02.0 --dos 2023-03-01
t_grep "on its fiscal year" "^J02\.0: billable on 2023-03-01 \(FY2023\)$" "$T/.out"
t_ok "a later date of service" mb --db "$DB" codes check J020
t_grep "checked against the newest year" "^J02\.0: billable on 2026-11-26 \(FY2023\)$" "$T/.out"
t_grep "warns with the year to load" "warning: .*FY2027.*load the FY2027 tabular file" "$T/.err"
t_fail "a bad date" 1 mb --db "$DB" codes check J02.0 --dos 2023-02-30
t_grep "names the field" "'dos'" "$T/.err"
t_ok "CPT by its format" mb --db "$DB" codes check 99213 --system proc
t_fail "not a procedure code" 1 mb --db "$DB" codes check 9921 --system proc
t_ok "a modifier" mb --db "$DB" codes check 59 --system modifier
t_ok "a Level II modifier before any HCPCS import" mb --db "$DB" codes check QW --system modifier
t_ok "the telemedicine modifier" mb --db "$DB" codes check 95 --system modifier --dos 2024-03-01
t_fail "not before it existed" 1 mb --db "$DB" codes check 93 --system modifier --dos 2021-05-01
t_grep "with its date" "'93' takes effect on 2022-01-01" "$T/.err"
t_fail "not a modifier" 1 mb --db "$DB" codes check Z9 --system modifier
t_fail "an unassigned place of service" 1 mb --db "$DB" codes check 28 --system pos
t_ok "a place of service" mb --db "$DB" codes check 11 --system pos

# HCPCS
t_fail "no HCPCS yet" 1 mb --db "$DB" codes check A4206 --system proc --dos 2019-06-01
t_grep "says to import" "no HCPCS code set is loaded" "$T/.err"
t_ok "import HCPCS records" mb --db "$DB" import hcpcs "$SAMPLE"
t_grep "counts reported" "^medbill: imported HCPCS 2019: 22 records, 6 procedure codes, 3 modifiers$" "$T/.err"
t_ok "a HCPCS code" mb --db "$DB" codes check A4206 --system proc --dos 2019-06-01
t_fail "a terminated one" 1 mb --db "$DB" codes check G8891 --system proc --dos 2019-06-01
t_grep "with its date" "'G8891' was ended on 2014-12-31" "$T/.err"
t_ok "search HCPCS" mb --db "$DB" codes search "syringe needle" --system hcpcs
t_grep "A4206" "^A4206 +hcpcs +Syringe with needle, sterile, 1 cc or less, each$" "$T/.out"
t_ok "show HCPCS" mb --db "$DB" codes show G8891
t_grep "joined description" "^description: Documentation of medical reason\(s\) for most recent ldl-c not under control \(e\.g\., patients with palliative goals for whom treatment of hypertension with standard treatment goals is not clinically appropriate\)$" "$T/.out"
t_grep "its dates" "^valid:       2012-01-01 to 2014-12-31$" "$T/.out"

# bad files change nothing
mb --db "$DB" codes sets >"$T/sets.before"
mb --db "$DB" codes search J02 --limit 50 >"$T/search.before"
gzip -c "$MINI" | head -c 20000 >"$T/cut.xml.gz"
t_fail "a truncated gzip" 1 mb --db "$DB" import icd10cm "$T/cut.xml.gz"
t_grep "says so with a line" "cut\.xml\.gz' line [0-9]+: the gzip data is truncated or damaged" "$T/.err"
sed '1716s/<\/desc>/<\/dsc>/' "$MINI" >"$T/bad.xml"
t_fail "XML that is not well-formed" 1 mb --db "$DB" import icd10cm "$T/bad.xml"
t_grep "with the line" "bad\.xml' line 1716: the XML is not well-formed" "$T/.err"
head -c 100000 "$MINI" >"$T/short.xml"
t_fail "XML cut short" 1 mb --db "$DB" import icd10cm "$T/short.xml"
t_grep "with the line" "short\.xml' line 2564: the XML is not well-formed" "$T/.err"
sed '19s/ *\r$/\r/' "$SAMPLE" >"$T/badlen.txt"
t_fail "a record of the wrong length" 1 mb --db "$DB" import hcpcs "$T/badlen.txt"
t_grep "names the line" "badlen\.txt' line 19: a record of [0-9]+ bytes, expected 320" "$T/.err"
gzip -c "$SAMPLE" | head -c 1000 >"$T/cut.txt.gz"
t_fail "a truncated HCPCS gzip" 1 mb --db "$DB" import hcpcs "$T/cut.txt.gz"
t_grep "says so" "gzip data is truncated or damaged" "$T/.err"
t_fail "a missing file" 1 mb --db "$DB" import icd10cm "$T/none.xml"
t_grep "names it" "cannot open '.*none\.xml'" "$T/.err"
t_fail "no file" 2 mb --db "$DB" import icd10cm
mb --db "$DB" codes sets >"$T/sets.after"
mb --db "$DB" codes search J02 --limit 50 >"$T/search.after"
t_cmp "the code sets are as before" "$T/sets.before" "$T/sets.after"
t_cmp "the search index is as before" "$T/search.before" "$T/search.after"

t_ok "init again keeps everything" mb --db "$DB" init
mb --db "$DB" codes sets >"$T/sets.after"
t_cmp "the code sets are as before" "$T/sets.before" "$T/sets.after"
t_ok "help lists the importers" mb --help
t_grep "import icd10cm" "^  import icd10cm FILE" "$T/.out"
t_grep "codes search" "^  codes search TEXT" "$T/.out"
t_done
