#!/bin/sh
# t0611-xml-batches-errors: bad edits, control numbers, batches, batch sets,
# batch claims and findings in a file are refused with the line and the
# element, and the database is left as it was.
. "$TOP/tests/lib.sh"

# sub SECTION FROM TO IN OUT: replace the first FROM (a regular
# expression) within <SECTION>...</SECTION> by TO.
sub() {
	awk -v s="$1" -v f="$2" -v t="$3" '
		index($0, "<" s ">") { inside = 1 }
		inside && !done && $0 ~ f { sub(f, t); done = 1 }
		index($0, "</" s ">") { inside = 0 }
		{ print }' "$4" >"$5"
}
# The line of the first match of a pattern in a file.
line_of() { grep -n "$1" "$2" | head -n 1 | cut -d: -f1; }

db="$T/c.db"
mkdir "$T/out"
t_ok "init" mb --db "$db" init
t_ok "import the practice" mb --db "$db" import xml "$TOP/tests/data/claims-practice.xml"
t_ok "a payer's edit" mb --db "$db" edits add ACME_AUTH --payer ACME1 --kind required --field prior_auth \
	--severity warning --message "{payer} wants a prior authorization"
t_ok "build" mb --db "$db" claims build --out "$T/out"
t_ok "export" mb --db "$db" export xml "$T/good.xml"
t_grep "it has batch claims" "<batch-claim>" "$T/good.xml"
t_grep "and findings" "<finding " "$T/good.xml"

t_ok "init the target" mb --db "$T/t.db" init
t_ok "export it empty" mb --db "$T/t.db" export xml "$T/empty.xml"
t_ok "init another" mb --db "$T/ok.db" init
t_ok "the good file imports" mb --db "$T/ok.db" import xml "$T/good.xml"

# refused NAME FILE MESSAGE: the import fails with MESSAGE (a regular
# expression of the whole line) and the target is unchanged.
refused() {
	t_fail "$1" 1 mb --db "$T/t.db" import xml "$2"
	t_grep "$1: the line and the element" "$3" "$T/.err"
	mb --db "$T/t.db" export xml "$T/after.xml" 2>/dev/null
	t_cmp "$1: nothing was written" "$T/empty.xml" "$T/after.xml"
}

# An edit with a severity the scrubber does not know: the XSD says so.
sub edits "<severity>warning</severity>" "<severity>sometimes</severity>" "$T/good.xml" "$T/b1.xml"
n=$(line_of "<severity>sometimes" "$T/b1.xml")
refused "an unknown severity" "$T/b1.xml" \
	"^medbill: line $n: element 'severity': \[facet 'enumeration'\] the value is not an element of the set \{'error', 'warning', 'off'\}$"

# An override of a built-in edit that does not exist.
sub edits "<code>ACME_AUTH</code>" "<code>NO_SUCH</code>" "$T/good.xml" "$T/b2.xml"
sub edits "<kind>required</kind>" "<kind>builtin</kind>" "$T/b2.xml" "$T/b2b.xml"
n=$(($(line_of "<code>NO_SUCH" "$T/b2b.xml") - 1))
refused "an override of nothing" "$T/b2b.xml" \
	"^medbill: line $n: 'edit': 'code': there is no built-in edit 'NO_SUCH' to override$"

# A batch claim naming a claim the file does not have.
sub batch-claims "<claim>[0-9]*</claim>" "<claim>999</claim>" "$T/good.xml" "$T/b3.xml"
n=$(($(line_of "<claim>999</claim>" "$T/b3.xml") - 4))
refused "a batch claim of a missing claim" "$T/b3.xml" \
	"^medbill: line $n: 'batch-claim': 'claim': no claim 999 earlier in the file$"

# A batch claim of a batch the file does not have.
sub batch-claims "<batch>[0-9]*</batch>" "<batch>77</batch>" "$T/good.xml" "$T/b4.xml"
n=$(($(line_of "<batch>77</batch>" "$T/b4.xml") - 1))
refused "a batch claim of a missing batch" "$T/b4.xml" \
	"^medbill: line $n: 'batch-claim': 'batch': no batch 77 earlier in the file$"

# A batch claim in a transaction set its batch did not reserve.
sub batch-claims "<st02>[0-9]*</st02>" "<st02>99</st02>" "$T/good.xml" "$T/b5.xml"
n=$(($(line_of "<st02>99</st02>" "$T/b5.xml") - 3))
refused "an ST02 outside the batch's" "$T/b5.xml" \
	"^medbill: line $n: 'batch-claim': 'st02': 99 is outside the ST02 numbers 1 to 1 of batch 1$"

# A batch for a receiver the file does not have.
sub batches "<receiver>[0-9]*</receiver>" "<receiver>55</receiver>" "$T/good.xml" "$T/b6.xml"
n=$(($(line_of "<receiver>55</receiver>" "$T/b6.xml") - 2))
refused "a batch of a missing receiver" "$T/b6.xml" \
	"^medbill: line $n: 'batch' id 1: 'receiver': no receiver 55 earlier in the file$"

# A set of a missing batch.
sub batch-sets "<batch>[0-9]*</batch>" "<batch>8</batch>" "$T/good.xml" "$T/b7.xml"
n=$(($(line_of "<batch>8</batch>" "$T/b7.xml") - 1))
refused "a set of a missing batch" "$T/b7.xml" \
	"^medbill: line $n: 'set': 'batch': no batch 8 earlier in the file$"

# The same submitter's counters twice.
awk '/<\/control-numbers>/ { print c } /<counter /,/<\/counter>/ { c = c (c ? "\n" : "") $0 } { print }' \
	"$T/good.xml" >"$T/b8.xml"
n=$(grep -n "<counter " "$T/b8.xml" | sed -n 2p | cut -d: -f1)
refused "a submitter's counters twice" "$T/b8.xml" \
	"^medbill: line $n: 'counter': 'submitter': 'ZZ:[A-Z0-9 ]*' is given twice$"

# A control number past 999999999.
sub control-numbers "<isa13>[0-9]*</isa13>" "<isa13>1000000000</isa13>" "$T/good.xml" "$T/b9.xml"
n=$(line_of "<isa13>1000000000" "$T/b9.xml")
refused "a control number too big" "$T/b9.xml" \
	"^medbill: line $n: element 'isa13': \[facet 'maxInclusive'\] the value is greater than the maximum value allowed \('999999999'\)$"

# A finding of a claim the file does not have.
sub findings "<claim>[0-9]*</claim>" "<claim>555</claim>" "$T/good.xml" "$T/b10.xml"
n=$(($(line_of "<claim>555</claim>" "$T/b10.xml") - 1))
refused "a finding of a missing claim" "$T/b10.xml" \
	"^medbill: line $n: 'finding': 'claim': no claim 555 earlier in the file$"

# A finding cannot be 'off'.
sub findings "<severity>[a-z]*</severity>" "<severity>off</severity>" "$T/good.xml" "$T/b11.xml"
n=$(line_of "<severity>off</severity>" "$T/b11.xml")
t_ok "the edits' severities are not 'off'" test "$(grep -c '<severity>off' "$T/b11.xml")" -eq 1
refused "a finding that is off" "$T/b11.xml" \
	"^medbill: line $n: element 'severity': \[facet 'enumeration'\] the value is not an element of the set \{'error', 'warning'\}$"

# Two batches of one submitter with the same ISA13.
awk '/<\/batches>/ { gsub(/id="1"/, "id=\"9\"", c); print c } /<batch id="1"/,/<\/batch>/ { c = c (c ? "\n" : "") $0 } { print }' \
	"$T/good.xml" >"$T/b12.xml"
n=$(line_of '<batch id="9"' "$T/b12.xml")
refused "an ISA13 used twice" "$T/b12.xml" \
	"^medbill: line $n: 'batch' id 9: 'isa13': batch 1 of submitter 'ZZ:[A-Z0-9 ]*' used 1 already$"
t_done
