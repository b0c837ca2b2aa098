#!/bin/sh
# bench/tui.sh: the workstation's speed, through the scripted mode, on the
# 1M-patient demo database:
#   - patient search: the time to handle and draw each type-ahead key
#     (target p99 <= 5 ms);
#   - the A/R aging screen: the time from the key that opens it until it is
#     drawn (target <= 100 ms).
# Environment: MEDBILL (the binary), B (build dir); BENCH_DB (default
# $B/bench-demo.db, made with 'medbill demo' when missing), BENCH_PATIENTS
# (default 1000000).
B=${B:-build}
MEDBILL=${MEDBILL:-./medbill}
N=${BENCH_PATIENTS:-1000000}
DB=${BENCH_DB:-$B/bench-demo.db}
TZ=UTC LC_ALL=C.UTF-8 TERM=xterm MEDBILL_TODAY=${MEDBILL_TODAY:-2026-11-26}
export TZ LC_ALL TERM MEDBILL_TODAY
tmp=$(mktemp -d "${TMPDIR:-/tmp}/medbill-bench-tui.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$DB" ]; then
	echo "making the demo database ($N patients) in $DB..."
	"$MEDBILL" --db "$DB" init 2>/dev/null &&
	"$MEDBILL" --db "$DB" demo --patients "$N" >/dev/null || { rm -f "$DB"; exit 1; }
fi

# Type-ahead: prefixes typed a key at a time and erased again, names with
# and without a first name, an account number, a date of birth.
{
	echo p
	for w in mar joh wil and tho gar lee bro dav mil smi jon tay whi har cla lew rob wal you \
		"smith, j" "garcia, m" "lee, a" P0001234 1980-05-17 ; do
		printf '%s\n' "$w" | sed 's/./&\n/g' | sed '/^$/d; s/^ $/<Space>/; s/^<$/<lt>/'
		i=0
		while [ $i -lt ${#w} ]; do echo '<BS>'; i=$((i + 1)); done
	done
	echo '<Esc>'
	for i in 1 2 3 4 5 6; do echo a; echo '<Esc>'; done
} >"$tmp/keys"
MEDBILL_TUI_SCRIPT="$tmp/keys" MEDBILL_TUI_TIMES="$tmp/times" "$MEDBILL" --db "$DB" || exit 1

# p(q): the q-th percentile of the numbers on stdin (microseconds), in ms.
pct() {
	sort -n | awk -v q="$1" '{ v[NR] = $1 } END {
		if (!NR) { print "-"; exit }
		i = int((q / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR;
		printf "%.2f", v[i] / 1000 }'
}
# Column 3 is the wall clock, column 4 the CPU time: on a busy machine the
# wall clock also counts the time other processes had the CPU.
for c in 3 4; do
	awk -F '\t' -v c=$c '$2 == "Patient search" && $1 != "p" && $1 != "Esc" { print $c }' \
		"$tmp/times" >"$tmp/search$c"
	awk -F '\t' -v c=$c '$1 == "a" && $2 == "A/R aging" { print $c }' "$tmp/times" >"$tmp/aging$c"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc 2>/dev/null) cores"
echo "patient search, $(wc -l <"$tmp/search3") type-ahead keys on $N patients (target p99 <= 5 ms):"
for c in 3 4; do
	[ $c = 3 ] && what="wall clock" || what="CPU time  "
	echo "  $what p50 $(pct 50 <"$tmp/search$c") ms, p99 $(pct 99 <"$tmp/search$c") ms," \
		"max $(pct 100 <"$tmp/search$c") ms"
done
echo "A/R aging screen opened $(wc -l <"$tmp/aging3") times (target <= 100 ms):"
for c in 3 4; do
	[ $c = 3 ] && what="wall clock" || what="CPU time  "
	echo "  $what first $(head -n 1 "$tmp/aging$c" | pct 50) ms, median $(pct 50 <"$tmp/aging$c") ms," \
		"max $(pct 100 <"$tmp/aging$c") ms"
done
