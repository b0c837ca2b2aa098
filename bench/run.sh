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

# The demo practice at a million patients (medbill demo): how long it takes to
# build, and the size of the database. It is made afresh in $B/bench-demo.db,
# which bench/tui.sh then uses (with BENCH_DB set, in a scratch file instead,
# leaving BENCH_DB alone). DEMO_PATIENTS (else BENCH_PATIENTS) overrides the
# count.
demo_n=${DEMO_PATIENTS:-${BENCH_PATIENTS:-1000000}}
demo_tmp=$(mktemp -d "${TMPDIR:-/tmp}/medbill-bench-demo.XXXXXX")
if [ -n "${BENCH_DB:-}" ]; then demo_db=$demo_tmp/demo.db; else demo_db=$B/bench-demo.db; fi
echo "== demo --patients $demo_n"
rm -f "$demo_db" "$demo_db-wal" "$demo_db-shm" "$demo_db-journal"
if "${MEDBILL:-./medbill}" --db "$demo_db" init 2>/dev/null; then
	t0=$(date +%s%N)
	if "${MEDBILL:-./medbill}" --db "$demo_db" demo --patients "$demo_n"; then
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		printf 'demo: %d patients in %d.%03d s (wall), database %d MB\n' "$demo_n" \
			$((ms / 1000)) $((ms % 1000)) $(( $(wc -c <"$demo_db") / 1048576 ))
	else
		rm -f "$demo_db"
		status=1
	fi
else
	status=1
fi
rm -rf "$demo_tmp"

# The workstation: type-ahead search and the A/R aging screen (bench/tui.sh).
echo "== tui"
sh bench/tui.sh || status=1

exit $status
