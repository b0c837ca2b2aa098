#!/bin/sh
# bench/run.sh: run every benchmark built from bench/*.c (make bench).
# Environment: B (build dir), MEDBILL (the binary). Benchmarks print their
# own measurements; they are not pass/fail tests.
B=${B:-build}
TZ=UTC LC_ALL=C.UTF-8 MEDBILL_TODAY=2026-11-26
export TZ LC_ALL MEDBILL_TODAY
status=0
for b in "$B"/bench/*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b" || status=1
done

# The workstation: type-ahead search and the A/R aging screen (bench/tui.sh).
echo "== tui"
sh bench/tui.sh || status=1
exit $status
