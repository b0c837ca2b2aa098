# tests/ui/uilib.sh: helpers for the workstation's scripted tests, sourced
# after tests/lib.sh. Each test works in $T: keys go in NAME.keys, screens
# are dumped there with ':dump FILE' (relative to $T).
#
#   ui_run NAME [ARGS...]  run 'medbill --db db' on the script NAME.keys at
#                          $UI_SIZE (default 80x24); ARGS go before --db
#   ui_expect FILE         write the expected screen (stdin) to FILE.expect
cd "$T" || exit 1
UI_SIZE=${UI_SIZE:-80x24}

ui_run() {
	_n=$1; shift
	MEDBILL_TUI_SCRIPT="$T/$_n.keys" MEDBILL_TUI_SIZE=$UI_SIZE mb "$@" --db "$T/db"
}

ui_expect() {
	cat >"$T/$1.expect"
}

# ui_fixture: $T/db with the synthetic practice of tests/data/xml-practice.xml
# and the ICD-10-CM excerpt (chapters J and U).
ui_fixture() {
	mb --db "$T/db" init 2>/dev/null &&
	mb --db "$T/db" import xml "$TOP/tests/data/xml-practice.xml" 2>/dev/null &&
	mb --db "$T/db" import icd10cm "$TOP/tests/data/icd10cm_tabular_2023_mini_ch10_22.xml" \
		>/dev/null 2>&1
}

# ui_xml: the database as XML on stdout (to check what a session saved).
ui_xml() {
	mb --db "$T/db" export xml - 2>/dev/null
}
