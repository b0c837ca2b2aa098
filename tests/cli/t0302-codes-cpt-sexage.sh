#!/bin/sh
# t0302-codes-cpt-sexage: a licensed CPT file (synthetic descriptions: medbill
# ships none) and the loadable sex and age edits.
. "$TOP/tests/lib.sh"

DB="$T/c.db"
t_ok "init" mb --db "$DB" init
t_ok "CPT by its format alone" mb --db "$DB" codes show 99213 --system cpt
t_grep "no description without a licensed file" "^description: \(none: CPT descriptions come only from a licensed CPT file" "$T/.out"

printf 'code,description\r\n99213,Test visit for the suite\r\n99214,"Longer test visit, level four"\r\n' >"$T/cpt.csv"
t_ok "import a CPT file" mb --db "$DB" import cpt "$T/cpt.csv"
t_grep "counted" "^medbill: imported CPT: 2 codes$" "$T/.err"
t_ok "again" mb --db "$DB" import cpt "$T/cpt.csv"
t_grep "nothing changed" "already loaded: nothing changed" "$T/.err"
t_ok "its description shows" mb --db "$DB" codes show 99214 --system cpt
t_grep "the licensed text" "^description: Longer test visit, level four$" "$T/.out"
t_ok "search it" mb --db "$DB" codes search "test visit" --system cpt
t_grep "both" "^99214 +cpt " "$T/.out"
t_fail "a CPT code not in the file" 1 mb --db "$DB" codes check 99215 --system proc
t_grep "says so" "'99215' is not in the CPT file loaded" "$T/.err"
printf '99213,Test visit\n99X13,Bad\n' >"$T/bad.csv"
t_fail "a bad CPT file" 1 mb --db "$DB" import cpt "$T/bad.csv"
t_grep "line and field" "bad\.csv' line 2: 'code': '99X13' is not a CPT code" "$T/.err"
t_ok "the loaded file is kept" mb --db "$DB" codes check 99214 --system proc

cat >"$T/edits.csv" <<'CSV'
system,code_from,code_to,sex,age_min,age_max,message
icd10cm,O00,O9A,F,12,55,pregnancy codes need a female patient aged 12 to 55
CSV
t_ok "import sex and age edits" mb --db "$DB" import sex-age "$T/edits.csv"
t_grep "counted" "^medbill: imported 1 sex and age edits$" "$T/.err"
t_ok "listed among the sets" mb --db "$DB" codes sets
t_grep "sex-age" "^sex-age +1 +1 codes +edits\.csv" "$T/.out"
printf 'code_from,code_to,sex,age_min,age_max,message\nO00,O9A,F,abc,,bad age\n' >"$T/bad-edits.csv"
t_fail "a bad edit" 1 mb --db "$DB" import sex-age "$T/bad-edits.csv"
t_grep "line and field" "bad-edits\.csv' line 2: 'age_min': 'abc' is not an age" "$T/.err"
t_done
