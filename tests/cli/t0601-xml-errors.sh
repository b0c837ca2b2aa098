#!/bin/sh
# t0601-xml-errors: malformed XML, XSD violations and broken domain rules in
# an import: each names the line and the element and leaves the database as
# it was (all or nothing).
. "$TOP/tests/lib.sh"

FIX="$TOP/tests/data/xml-practice.xml"
line_of() { grep -n -m 1 -- "$1" "$FIX" | cut -d: -f1; }

mb --db "$T/e.db" init 2>/dev/null
mb --db "$T/e.db" export xml "$T/before.xml" 2>/dev/null

# bad DESC PATTERN FILE: the import fails with PATTERN and changes nothing.
bad() {
	t_fail "$1" 1 mb --db "$T/e.db" import xml "$3"
	t_grep "$1: message" "$2" "$T/.err"
	[ "$(wc -l <"$T/.err")" -eq 1 ]; _result $? "$1: one line on stderr"
	mb --db "$T/e.db" export xml "$T/after.xml" 2>/dev/null
	t_cmp "$1: database unchanged" "$T/before.xml" "$T/after.xml"
}
# variant SED-SCRIPT: the fixture edited, as $T/v.xml
variant() { sed "$1" "$FIX" >"$T/v.xml"; }

# ---- malformed XML ----
n=$(line_of '</ledger>')
variant 's|</ledger>|</ledgr>|'
bad "mismatched tag" "^medbill: line $n: malformed XML: opening and ending tag mismatch: ledger line [0-9]+ and ledgr$" "$T/v.xml"

n=$(line_of '<encounter id="3"')
head -n $((n + 2)) "$FIX" >"$T/v.xml"
bad "file cut short" "^medbill: line $((n + 2)): malformed XML: the file ends before '</medbill>' or goes on after it$" "$T/v.xml"

cp "$FIX" "$T/v.xml"
echo '<medbill version="1"/>' >>"$T/v.xml"
bad "content after the end" "^medbill: line $(($(wc -l <"$FIX") + 1)): malformed XML: the file ends before '</medbill>' or goes on after it$" "$T/v.xml"

n=$(line_of '<last-name>Lindqvist')
sed 's|Lindqvist|Lindqvist\xe9|' "$FIX" >"$T/v.xml"
bad "not UTF-8" "^medbill: line $n: malformed XML: input is not proper UTF-8" "$T/v.xml"

printf 'account,last\nMS1,Doe\n' >"$T/v.xml"
bad "not XML at all" "^medbill: line 1: malformed XML" "$T/v.xml"

printf '<?xml version="1.0"?>\n<!DOCTYPE medbill [\n<!ENTITY a "aaaa">\n]>\n<medbill version="1"/>\n' >"$T/v.xml"
bad "a DOCTYPE" "^medbill: line [0-9]+: a DOCTYPE is not allowed" "$T/v.xml"

# ---- XSD violations: the element is named ----
n=$(line_of '<sex>M</sex>')
variant "${n}s|<sex>M</sex>|<sex>X</sex>|"
bad "bad enumeration" "^medbill: line $n: element 'sex': \[facet 'enumeration'\] the value is not an element of the set \{'M', 'F', 'U'\}$" "$T/v.xml"

n=$(line_of '<npi>1234567893</npi>')
variant "${n}d"
bad "missing element" "^medbill: line $n: element 'ein': this element is not expected\. Expected is \( npi \)$" "$T/v.xml"

n=$(line_of '<last-name>Lindqvist')
variant 's|<last-name>Lindqvist</last-name>|&<nickname>Arnie</nickname>|'
bad "unknown element" "^medbill: line $n: element 'nickname': this element is not expected" "$T/v.xml"

n=$(line_of '<total>205.00</total>')
variant 's|<total>205.00</total>|<total>205.001</total>|'
bad "three decimals" "^medbill: line $n: element 'total': \[facet 'pattern'\]" "$T/v.xml"

n=$(line_of '<birth-date>1951-06-30')
variant 's|<birth-date>1951-06-30|<birth-date>1951-02-30|'
bad "no such date" "^medbill: line $n: element 'birth-date': the value is not a valid value of the atomic type 'date'$" "$T/v.xml"
grep -q 1951-02-30 "$T/.err"; [ $? -ne 0 ]; _result $? "the bad value (PHI) is not echoed"

variant 's|<medbill version="1">|<medbill version="2">|'
bad "unknown version" "^medbill: line 2: element 'medbill', attribute 'version'" "$T/v.xml"

n=$(line_of '<patient id="1"')
variant 's|<patient id="1" created-by="clerk" created-at="2026-03-02T10:00:00Z"|<patient id="1" created-by="clerk"|'
bad "half a stamp" "^medbill: line $n: 'patient' id 1: 'created-by' and 'created-at' go together$" "$T/v.xml"

# ---- domain rules: the record's line, its id and the field ----
n=$(line_of '<provider id="1"')
variant 's|<npi>1555555550</npi>|<npi>1555555551</npi>|'
bad "bad NPI check digit" "^medbill: line $n: 'provider' id 1: 'npi': '1555555551' fails its check digit$" "$T/v.xml"

n=$(line_of '<patient id="1"')
variant 's|<birth-date>1951-06-30|<birth-date>2031-06-30|'
bad "birth date in the future" "^medbill: line $n: 'patient' id 1: 'dob': .*future" "$T/v.xml"

n=$(line_of '<patient id="4"')
variant 's|<account>MS000004</account>|<account>MS000003</account>|'
bad "account used twice" "^medbill: line $n: 'patient' id 4: 'account': 'MS000003' is already used" "$T/v.xml"

n=$(line_of '<coverage id="4"')
variant 's|<payer>3</payer>|<payer>9</payer>|'
bad "coverage of an unknown payer" "^medbill: line $n: 'coverage' id 4: 'payer': no payer 9$" "$T/v.xml"

n=$(line_of '<patient id="2"')
variant 's|<guarantor>3</guarantor>|<guarantor>30</guarantor>|'
bad "guarantor not in the file" "^medbill: line $n: 'patient' id 2: 'guarantor': no patient 30 in the file$" "$T/v.xml"

n=$(line_of '<claim id="4"')
variant 's|<charge>6</charge>|<charge>66</charge>|'
bad "claim line of an unknown charge" "^medbill: line $n: 'claim' id 4: 'charge': no charge line 66 earlier in the file$" "$T/v.xml"

# The last record is the bad one: everything before it is rolled back too.
n=$(line_of '<entry id="17"')
variant 's|<charge>6</charge>\(.*\)|<charge>6</charge>\1|; /<entry id="17"/,/<\/entry>/s|<charge>6</charge>|<charge>60</charge>|'
bad "last ledger row of an unknown charge" "^medbill: line $n: 'entry' id 17: 'charge': no charge line 60 earlier in the file$" "$T/v.xml"

n=$(line_of '<entry id="7"')
variant 's|<reverses>6</reverses>|<reverses>99</reverses>|'
bad "reversal of an unknown row" "^medbill: line $n: 'entry' id 7: 'reverses': no ledger row 99 earlier in the file$" "$T/v.xml"

# The good file still imports into the database the failures left alone.
t_ok "the fixture imports after all that" mb --db "$T/e.db" import xml "$FIX"
t_done
