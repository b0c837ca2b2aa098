#!/bin/sh
# t0610-xml-batches: what the claim builder keeps (custom edits, control
# numbers, batches with their sets and claims, scrub findings) survives
# export -> import -> export byte for byte, and a build on the imported
# database continues after the highest control numbers.
. "$TOP/tests/lib.sh"

# The ISA13 of an 837P file.
isa13() { cut -d'*' -f14 "$1" | head -n 1; }

d="$T/d.db"
t_ok "init" mb --db "$d" init
t_ok "demo practice" mb --db "$d" demo --patients 50 --seed 3
t_ok "a payer's generic edit" mb --db "$d" edits add DEMO_AUTH --payer GLHP1 --kind required \
	--field prior_auth --severity warning --message "{payer} likes a prior authorization"
t_ok "an edit for every payer" mb --db "$d" edits add PCN_SHAPE --kind match --field pcn \
	--arg 'X*' --severity warning --message "patient control number {value} does not start with X"
t_ok "a payer's override of a built-in edit" mb --db "$d" edits add TIMELY_FILING_NEAR --payer OHMCD --severity off
mkdir "$T/out1" "$T/out2" "$T/out3" "$T/out4"
t_ok "first build" mb --db "$d" claims build --out "$T/out1"
t_ok "release the held claim" mb --db "$d" claims release 4
t_ok "resubmit a sent claim" mb --db "$d" claims resubmit 2 --payer-claim-no ICN0001
t_ok "second build" mb --db "$d" claims build --out "$T/out2"
t_grep "two claims in the second" "sent 2 claims" "$T/.err"
t_ok "a held-back claim has findings" mb --db "$d" claims resubmit 4 --payer-claim-no ICN0002
t_ok "scrub it" mb --db "$d" claims scrub
first=$(isa13 "$T"/out1/*.x12)
second=$(isa13 "$T"/out2/*.x12)
t_ok "the numbers went up" test "$second" -gt "$first"

t_ok "export" mb --db "$d" export xml "$T/d.xml"
t_grep "the summary counts them" "^medbill: and 3 edits, 1 control number counter, 2 batches \(2 transaction sets, 3 claims\), [1-9][0-9]* scrub findings$" "$T/.err"
t_grep "the counter" "<isa13>$((second + 0))</isa13>" "$T/d.xml"
t_grep "the override" "<code>TIMELY_FILING_NEAR</code>" "$T/d.xml"
t_grep "the line control numbers' batch and seq" "<batch-claim>" "$T/d.xml"
t_grep "the findings" "<finding created-by=" "$T/d.xml"

t_ok "init copy" mb --db "$T/c.db" init
t_ok "import into the copy" mb --db "$T/c.db" import xml "$T/d.xml"
t_ok "export the copy" mb --db "$T/c.db" export xml "$T/c.xml"
t_cmp "byte-identical" "$T/d.xml" "$T/c.xml"
t_ok "the copy lists the batches" mb --db "$T/c.db" claims list --batch 2
t_grep "the replacement claim in batch 2" " 78  P0000001-78 .* submitted  7 .* 2 *" "$T/.out"

# The next build on the copy uses new numbers, never one used before.
t_ok "resubmit on the copy" mb --db "$T/c.db" claims resubmit 78 --payer-claim-no ICN0003
t_ok "build on the copy" mb --db "$T/c.db" claims build --out "$T/out3"
third=$(isa13 "$T"/out3/*.x12)
t_ok "its ISA13 is past every one before" test "$third" -gt "$second"
t_grep "and its ST02 too" "^ST\*837\*0*3\*" "$T"/out3/*.x12

# A file without the counters (another system's) still never reuses a
# number: the counters are raised to the batches' highest.
sed '/<control-numbers>/,/<\/control-numbers>/d' "$T/d.xml" >"$T/nocount.xml"
t_ok "init n" mb --db "$T/n.db" init
t_ok "import without counters" mb --db "$T/n.db" import xml "$T/nocount.xml"
t_ok "export n" mb --db "$T/n.db" export xml "$T/n.xml"
t_grep "the counter is back" "<isa13>$((second + 0))</isa13>" "$T/n.xml"
t_ok "resubmit on n" mb --db "$T/n.db" claims resubmit 78 --payer-claim-no ICN0004
t_ok "build on n" mb --db "$T/n.db" claims build --out "$T/out4"
t_ok "its ISA13 is past every batch" test "$(isa13 "$T"/out4/*.x12)" -gt "$second"

# A counter ahead of the batches (numbers used elsewhere) is kept as it is.
sed '/<counter /,/<\/counter>/s|<isa13>[0-9]*</isa13>|<isa13>41</isa13>|' "$T/d.xml" >"$T/ahead.xml"
t_ok "init a" mb --db "$T/a.db" init
t_ok "import a counter ahead" mb --db "$T/a.db" import xml "$T/ahead.xml"
t_ok "export a" mb --db "$T/a.db" export xml "$T/a.xml"
t_grep "kept" "<isa13>41</isa13>" "$T/a.xml"
t_done
