#!/bin/sh
# t0100-patients-search: 'medbill patients search' by name, account, member ID
# and date of birth; --limit, --csv; bad input.
. "$TOP/tests/lib.sh"

command -v sqlite3 >/dev/null || { echo "not ok - the sqlite3 shell is needed to load the fixture"; exit 1; }
mb --db "$T/a.db" init 2>/dev/null
sqlite3 "$T/a.db" <"$TOP/tests/data/patients-small.sql"
_result $? "fixture loaded"
sqlite3 "$T/a.db" .dump >"$T/before"

t_ok "last-name prefix" mb --db "$T/a.db" patients search smi
cat >"$T/expect" <<'END'
      id  account      name                             dob         sex
       3  A102         smith, Alex                      1985-03-12  U
       2  A101         Smith, Jordan Lee                1985-03-12  F
       1  A100         Smithers, Wayland                1970-01-01  M
END
t_cmp "names in order, any case" "$T/expect" "$T/.out"
[ ! -s "$T/.err" ]; _result $? "nothing on stderr"

t_ok "an account number matches first" mb --db "$T/a.db" patients search SMITH
cat >"$T/expect" <<'END'
      id  account      name                             dob         sex
       4  SMITH        Smyth, Jo                        1990-01-01  F
       3  A102         smith, Alex                      1985-03-12  U
       2  A101         Smith, Jordan Lee                1985-03-12  F
       1  A100         Smithers, Wayland                1970-01-01  M
END
t_cmp "account first, then names" "$T/expect" "$T/.out"

t_ok "last, first" mb --db "$T/a.db" patients search "smith, jo"
cat >"$T/expect" <<'END'
      id  account      name                             dob         sex
       2  A101         Smith, Jordan Lee                1985-03-12  F
END
t_cmp "last and first prefixes" "$T/expect" "$T/.out"

t_ok "account, any case" mb --db "$T/a.db" patients search a104
t_grep "finds the account" '^       5  A104 ' "$T/.out"
t_ok "member ID, any case" mb --db "$T/a.db" patients search xyz123
t_grep "finds the member" '^       5  A104 +Jones, Mary Ann' "$T/.out"

t_ok "DOB as YYYY-MM-DD" mb --db "$T/a.db" patients search 1985-03-12
cp "$T/.out" "$T/iso"
t_ok "DOB as MM/DD/YYYY" mb --db "$T/a.db" patients search 03/12/1985
t_cmp "both date forms agree" "$T/iso" "$T/.out"
t_grep "two born that day" '^       2  A101 ' "$T/.out"

t_ok "--limit" mb --db "$T/a.db" patients search smi --limit 1
[ "$(wc -l <"$T/.out")" -eq 2 ]; _result $? "header and one row"

t_ok "--csv" mb --db "$T/a.db" patients search smith --csv --limit=2
printf '%s\r\n' \
	'id,account,last_name,first_name,middle_name,dob,sex,phone' \
	'4,SMITH,Smyth,Jo,,1990-01-01,F,' \
	'3,A102,smith,Alex,,1985-03-12,U,' >"$T/expect"
t_cmp "RFC 4180 with a header row, id first" "$T/expect" "$T/.out"
t_ok "--csv with quotes and commas" mb --db "$T/a.db" patients search quill --csv
printf '%s\r\n' \
	'id,account,last_name,first_name,middle_name,dob,sex,phone' \
	'6,A105,Quill,"Anne ""Annie""","B, C",1999-09-09,F,' >"$T/expect"
t_cmp "fields with quotes or commas are quoted" "$T/expect" "$T/.out"

t_ok "no match is not an error" mb --db "$T/a.db" patients search nobody
[ ! -s "$T/.out" ]; _result $? "no match prints no rows"
t_grep "no match says so" "no patient matches 'nobody'" "$T/.err"
t_ok "no match with --csv prints the header" mb --db "$T/a.db" patients search nobody --csv
printf '%s\r\n' 'id,account,last_name,first_name,middle_name,dob,sex,phone' >"$T/expect"
t_cmp "header only" "$T/expect" "$T/.out"

# bad input
t_fail "blank text" 1 mb --db "$T/a.db" patients search "  "
t_grep "names the text" "^medbill: 'text' is required" "$T/.err"
[ ! -s "$T/.out" ]; _result $? "nothing on stdout"
t_fail "a comma without a last name" 1 mb --db "$T/a.db" patients search ", jo"
t_grep "says what is missing" "^medbill: 'text': give a last name before the comma$" "$T/.err"
t_fail "no text is a usage error" 2 mb --db "$T/a.db" patients search
t_fail "two texts are a usage error" 2 mb --db "$T/a.db" patients search smith jones
t_fail "a bad limit is a usage error" 2 mb --db "$T/a.db" patients search smith --limit x
t_grep "names the option" "'--limit'" "$T/.err"
t_fail "an unknown option is a usage error" 2 mb --db "$T/a.db" patients search smith --bogus
sqlite3 "$T/a.db" .dump >"$T/after"
t_cmp "searching changes nothing" "$T/before" "$T/after"
t_done
