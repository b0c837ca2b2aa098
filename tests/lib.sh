# tests/lib.sh: helpers for shell tests, sourced by tests/cli/t*.sh and
# tests/ui/t*.sh. Each test runs in its own scratch directory $T.
#
#   t_ok DESC CMD...          the command exits 0
#   t_fail DESC CODE CMD...   the command exits with CODE
#   t_cmp DESC EXPECT ACTUAL  the two files are identical (diff shown)
#   t_grep DESC PATTERN FILE  the file matches the pattern (grep -E)
#   t_done                    print the tally and exit
set -u
: "${MEDBILL:?MEDBILL must name the binary}"
: "${TOP:=$(pwd)}"
TZ=UTC LC_ALL=C.UTF-8 TERM=xterm
MEDBILL_TODAY=${MEDBILL_TODAY:-2026-11-26}
export TZ LC_ALL TERM MEDBILL_TODAY
unset MEDBILL_DB XDG_DATA_HOME
T=$(mktemp -d "${TMPDIR:-/tmp}/medbill-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
_pass=0 _fail=0

mb() { "$MEDBILL" --user tester "$@"; }

_result() {
	if [ "$1" -eq 0 ]; then
		_pass=$((_pass + 1)); echo "ok - $2"
	else
		_fail=$((_fail + 1)); echo "not ok - $2"
	fi
}

t_ok() {
	_d=$1; shift
	"$@" >"$T/.out" 2>"$T/.err"; _rc=$?
	[ $_rc -eq 0 ] || { echo "  exit $_rc: $*"; sed 's/^/  stderr: /' "$T/.err" | head -n 20; }
	_result $_rc "$_d"
}

t_fail() {
	_d=$1; _want=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"; _rc=$?
	[ $_rc -eq "$_want" ] || { echo "  want exit $_want, got $_rc: $*"; sed 's/^/  stderr: /' "$T/.err" | head -n 20; }
	[ $_rc -eq "$_want" ]; _result $? "$_d"
}

t_cmp() {
	diff -u "$2" "$3" >"$T/.diff" 2>&1; _rc=$?
	[ $_rc -eq 0 ] || head -n 60 "$T/.diff"
	_result $_rc "$1"
}

t_grep() {
	grep -Eq -- "$2" "$3"; _rc=$?
	[ $_rc -eq 0 ] || { echo "  no match for /$2/ in $3:"; head -n 20 "$3" | sed 's/^/  | /'; }
	_result $_rc "$1"
}

t_done() {
	echo "# passed $_pass failed $_fail"
	[ "$_fail" -eq 0 ]
	exit $?
}
