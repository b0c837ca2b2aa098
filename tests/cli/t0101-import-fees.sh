#!/bin/sh
# t0101-import-fees: 'medbill import fees FILE.csv': fees and expected amounts,
# re-import changes nothing, every bad row reported, all or nothing.
. "$TOP/tests/lib.sh"

command -v sqlite3 >/dev/null || { echo "not ok - the sqlite3 shell is needed to load the fixture"; exit 1; }
mb --db "$T/a.db" init 2>/dev/null
sqlite3 "$T/a.db" <"$TOP/tests/data/patients-small.sql"
_result $? "fixture loaded"
fees() { sqlite3 "$T/a.db" "SELECT code, fee, description, created_by FROM fees ORDER BY code;
	SELECT code, payer_id, expected FROM fee_expected ORDER BY code, payer_id;"; }

printf '%s\r\n' 'code,fee,description,payer_id,expected' \
	'99213,120.00,"Office visit, established",,' \
	'99213,120.00,,00430,85.50' \
	'99213,120,,blue1,90' \
	'j1100,5.25,Injection,,' >"$T/fees.csv"
t_ok "import a fee schedule" mb --db "$T/a.db" import fees "$T/fees.csv"
t_grep "says what changed" "fees.csv': 4 rows; 2 fees and 2 expected amounts added or changed$" "$T/.err"
[ ! -s "$T/.out" ]; _result $? "nothing on stdout"
fees >"$T/got"
cat >"$T/expect" <<'END'
99213|12000|Office visit, established|tester
J1100|525|Injection|tester
99213|1|8550
99213|2|9000
END
t_cmp "fees and expected amounts stored" "$T/expect" "$T/got"

sqlite3 "$T/a.db" .dump >"$T/before"
t_ok "import the same file again" mb --db "$T/a.db" import fees "$T/fees.csv"
t_grep "nothing changed" "4 rows; 0 fees and 0 expected amounts added or changed$" "$T/.err"
sqlite3 "$T/a.db" .dump >"$T/after"
t_cmp "re-import changes nothing" "$T/before" "$T/after"

printf 'code,fee\n99213,125\n' >"$T/change.csv"
t_ok "a new fee for a code" mb --db "$T/a.db" import fees "$T/change.csv"
fees | head -n 1 >"$T/got"
echo '99213|12500|Office visit, established|tester' >"$T/expect"
t_cmp "fee changed, description kept" "$T/expect" "$T/got"
sqlite3 "$T/a.db" .dump >"$T/before"

# every bad row is reported with its line, and nothing is imported
printf '%s\n' 'code,fee,payer_id,expected' \
	'99211,abc,,' \
	'9921,10,,' \
	'99214,10,NOPE,5' \
	'99215,0,,' \
	'99216,10,00430,' \
	'99217,10' \
	'99218,10,,-1' \
	'99219,40,,' \
	'99219,45,,' \
	'99219,40,00430,20' \
	'99219,40,00430,21' \
	'99220,30,,' >"$T/bad.csv"
t_fail "a file with bad rows" 1 mb --db "$T/a.db" import fees "$T/bad.csv"
sed "s|$T/||" "$T/.err" >"$T/got"
cat >"$T/expect" <<'END'
medbill: 'bad.csv' line 2: 'fee': 'abc' is not an amount
medbill: 'bad.csv' line 3: 'code': '9921' is not a CPT or HCPCS code (5 digits, 4 digits and F, T or U, or a letter and 4 digits)
medbill: 'bad.csv' line 4: 'payer_id': no payer 'NOPE'
medbill: 'bad.csv' line 5: 'fee': 0.00 for '99215' is not greater than 0
medbill: 'bad.csv' line 6: 'expected' is required
medbill: 'bad.csv' line 7: the row has 2 fields but the header has 4
medbill: 'bad.csv' line 8: 'payer_id' is required with 'expected'
medbill: 'bad.csv' line 10: 'fee': 45.00 here but 40.00 on line 9
medbill: 'bad.csv' line 12: 'expected': 21.00 here but 20.00 on line 11
medbill: 'bad.csv': 9 bad rows: nothing imported
END
t_cmp "each bad row named by line and field" "$T/expect" "$T/got"
sqlite3 "$T/a.db" .dump >"$T/after"
t_cmp "nothing imported" "$T/before" "$T/after"

printf 'code,fee\n99221,10\n99222,-3\n' >"$T/neg.csv"
t_fail "a negative fee" 1 mb --db "$T/a.db" import fees "$T/neg.csv"
t_grep "names the fee" "line 3: 'fee': -3.00 for '99222' is not greater than 0" "$T/.err"
printf 'code,fee,description\n99223,10,A~B\n' >"$T/sep.csv"
t_fail "an X12 separator in a description" 1 mb --db "$T/a.db" import fees "$T/sep.csv"
t_grep "names the description" "line 2: 'description': '~' is not allowed" "$T/.err"
printf 'code,fee,description\n99223,10,One\n99223,10,Two\n' >"$T/desc.csv"
t_fail "two descriptions for a code" 1 mb --db "$T/a.db" import fees "$T/desc.csv"
t_grep "names the description" "line 3: 'description': 'Two' here but 'One' on line 2" "$T/.err"

# bad files
printf 'code,price\n99213,1\n' >"$T/h1.csv"
t_fail "an unknown column" 1 mb --db "$T/a.db" import fees "$T/h1.csv"
t_grep "names the column" "line 1: 'price' is not a column \(code, fee, description, payer_id, expected\): nothing imported$" "$T/.err"
printf 'code,description\n99213,x\n' >"$T/h2.csv"
t_fail "no fee column" 1 mb --db "$T/a.db" import fees "$T/h2.csv"
t_grep "needs code and fee" "the header row must name the columns 'code' and 'fee'" "$T/.err"
printf 'code,fee,payer_id\n99213,1,00430\n' >"$T/h3.csv"
t_fail "payer_id without expected" 1 mb --db "$T/a.db" import fees "$T/h3.csv"
t_grep "they go together" "columns 'payer_id' and 'expected' go together" "$T/.err"
printf 'code,fee,Fee\n' >"$T/h4.csv"
t_fail "a column twice" 1 mb --db "$T/a.db" import fees "$T/h4.csv"
t_grep "names the column" "column 'Fee' appears twice" "$T/.err"
: >"$T/empty.csv"
t_fail "an empty file" 1 mb --db "$T/a.db" import fees "$T/empty.csv"
t_grep "needs a header" "is empty: it needs a header row" "$T/.err"
printf 'code,fee\n99224,10\n"99225,10\n' >"$T/quote.csv"
t_fail "an unterminated quote" 1 mb --db "$T/a.db" import fees "$T/quote.csv"
t_grep "names the line" "line 3: a quoted field has no closing quote: nothing imported" "$T/.err"
t_fail "a missing file" 1 mb --db "$T/a.db" import fees "$T/none.csv"
t_grep "names the file" "none.csv" "$T/.err"
sqlite3 "$T/a.db" .dump >"$T/after"
t_cmp "no bad file changed the database" "$T/before" "$T/after"

t_fail "no file is a usage error" 2 mb --db "$T/a.db" import fees
t_fail "two files are a usage error" 2 mb --db "$T/a.db" import fees "$T/fees.csv" "$T/bad.csv"
t_done
