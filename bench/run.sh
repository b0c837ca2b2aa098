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
# build, and the size of the database. DEMO_PATIENTS overrides the count;
# the database is left in $DEMO_DB when that is set, else removed.
demo_n=${DEMO_PATIENTS:-1000000}
if [ -n "${MEDBILL:-}" ]; then
	echo "== demo --patients $demo_n"
	dir=$(mktemp -d "${TMPDIR:-/tmp}/medbill-bench.XXXXXX")
	db=${DEMO_DB:-$dir/demo.db}
	rm -f "$db" "$db-wal" "$db-shm"
	if "$MEDBILL" --db "$db" init 2>/dev/null; then
		t0=$(date +%s%N)
		if "$MEDBILL" --db "$db" demo --patients "$demo_n"; then
			t1=$(date +%s%N)
			ms=$(( (t1 - t0) / 1000000 ))
			printf 'demo: %d patients in %d.%03d s (wall), database %d MB\n' "$demo_n" \
				$((ms / 1000)) $((ms % 1000)) $(( $(wc -c <"$db") / 1048576 ))
		else
			status=1
		fi
	else
		status=1
	fi
	rm -rf "$dir"
fi
exit $status
