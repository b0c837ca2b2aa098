#!/bin/sh
# t0403-x12-check-codes: with a database that has ICD-10-CM loaded, each
# diagnosis must be billable on the dates of service of the claim's lines.
. "$TOP/tests/lib.sh"

cp "$TOP/tests/data/x837/golden.837" "$T/g.837"
cd "$T" || exit 1
t_ok "init" mb --db "$T/c.db" init
t_ok "load ICD-10-CM FY2023" mb --db "$T/c.db" import icd10cm "$TOP/data/icd10cm_tabular_2023.xml.gz"

t_ok "golden passes against the code set" mb --db "$T/c.db" x12 check g.837
[ ! -s "$T/.out" ]; _result $? "golden: no problem printed"
t_grep "dates past the newest code set are named" 'warning: date of service 2026-11-02 falls in ICD-10-CM FY2027' "$T/.err"

# A category (header) is not billable.
sed '27s/ABK:J069/ABK:J06/' g.837 >header.837
t_fail "a header code is rejected" 1 mb --db "$T/c.db" x12 check header.837
cat >"$T/want" <<'EOF'
header.837:27: HI*01: diagnosis 1 is not billable on 2026-11-02: 'J06' (Acute upper respiratory infections of multiple and unspecified sites) is a header, not billable: use a complete code from J06.0 to J06.9
EOF
t_cmp "header: exact line" "$T/want" "$T/.out"

# A code that is not in ICD-10-CM at all.
sed '27s/ABF:R509/ABF:R5099/' g.837 >unknown.837
t_fail "an unknown code is rejected" 1 mb --db "$T/c.db" x12 check unknown.837
t_grep "unknown: the second diagnosis" '^unknown.837:27: HI\*02: diagnosis 2 is not billable on 2026-11-02: ' "$T/.out"

# --no-codes, or no database, checks the structure only.
t_ok "--no-codes skips the code set" mb --db "$T/c.db" x12 check --no-codes header.837
t_ok "no database: structure only" mb --db "$T/none.db" x12 check header.837
[ ! -f "$T/none.db" ]; _result $? "x12 check does not create a database"
t_done
