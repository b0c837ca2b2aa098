#!/bin/sh
# tests/run.sh: run every unit test (cmocka) and every shell test
# (tests/cli, tests/ui), then print "N passed, N failed" as the last line.
# Environment: B (build dir), MEDBILL (the binary under test).
B=${B:-build}
MEDBILL=${MEDBILL:-$(pwd)/medbill}
export MEDBILL
TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm MEDBILL_TODAY=2026-11-26
export TZ LC_ALL LANG TERM MEDBILL_TODAY
unset MEDBILL_DB XDG_DATA_HOME
TOP=$(pwd)
export TOP
pass=0 fail=0
failed=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	pass=$((pass + p)) fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed="$failed $name"
		echo "FAIL: $name"; sed 's/^/    /' "$log" | tail -n 40
	else
		echo "ok: $name ($p)"
	fi
done

for t in tests/cli/t[0-9]*.sh tests/ui/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	sh "$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^# passed \([0-9]*\) failed \([0-9]*\)$/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^# passed \([0-9]*\) failed \([0-9]*\)$/\2/p' "$log" | tail -n 1)
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	pass=$((pass + p)) fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed="$failed $name"
		echo "FAIL: $name"; sed 's/^/    /' "$log" | tail -n 40
	else
		echo "ok: $name ($p)"
	fi
done

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
