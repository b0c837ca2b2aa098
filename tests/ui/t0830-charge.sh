#!/bin/sh
# t0830-charge: charge entry. A header code is refused with the reason; a
# routine visit (2 diagnoses, 2 lines) takes a handful of keys beyond the
# codes; F2 posts the charges and the claim for the primary coverage; a bad
# pointer is refused with nothing posted.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture
mb --db "$T/db" aging --csv >aging-before.csv

cat >visit.keys <<'KEYS'
p
castillo, m
<F7>
:dump start
j02
:dump lookup
<Down><Enter>
:dump header
<BS><BS><BS>
j02
<Down><Down><Enter>
j45909<Enter>
<Enter>
99213<Enter>
36415<Enter>
:dump ready
<F2>
:dump posted
KEYS
t_ok "visit session" ui_run visit
t_grep "patient and primary coverage in the header" '^ Castillo, Mateo \(MS000002\)  DOB 2015-09-12  Primary Badger Blue Cross' start
t_grep "DOS defaults to today, POS to 11" '^ DOS 2026-11-26  Rendering Okonkwo, Emeka +POS 11$' start
t_grep "lookup by code prefix, with descriptions" '\|J02\.0    Streptococcal pharyngitis +\|' lookup
t_grep "headers are shown as not billable" '\|J02      Acute pharyngitis \(not billable\) +\|' lookup
t_grep "a header code is refused with the reason" "^'diagnosis 1': 'J02' \(Acute pharyngitis\) is a header, not billable" header
t_grep "diagnosis 1 with its description" '^  1 J02\.0    Streptococcal pharyngitis' ready
t_grep "diagnosis 2 typed without the dot" '^  2 J45\.909  Unspecified asthma' ready
t_grep "line 1 priced from the fee schedule" '^  1 99213               1    125\.00 1 +Established visit, level 3$' ready
t_grep "line 2 with pointer 1" '^  2 36415               1     25\.00 1 +Blood draw$' ready
t_grep "running total" '2 lines  total     150\.00' ready
t_grep "posted message" '^posted: claim MS000002-[0-9]+ to Badger Blue Cross, 150\.00$' posted
t_grep "the form is clear for the next visit" '0 lines  total       0\.00' posted
mb --db "$T/db" aging --csv >aging-after.csv
t_grep "the claim is in the aging: Badger Blue Cross 0-30" '^2,Badger Blue Cross,150\.00,125\.00,0\.00,210\.00,0\.00,485\.00,' aging-after.csv
ui_xml >after.xml
t_grep "diagnoses stored without the dot" '<code>J45909</code>|>J45909<' after.xml
t_ok "the ledger checks" mb --db "$T/db" check

# A pointer past the diagnoses: the message names the line, nothing is posted.
cat >bad.keys <<'KEYS'
p
castillo, l
<F7>
j020<Enter>
<Enter>
99213<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>3
<F2>
:dump bad
KEYS
ui_xml >before.xml
t_ok "bad pointer session" ui_run bad
t_grep "the pointer is refused" "^'line 1 pointer 2': 3 is not one of the 1 diagnoses|^'line 1 pointer 2'" bad
ui_xml >after2.xml
t_cmp "nothing posted" before.xml after2.xml

# A routine visit, codes typed: count the keys beyond the codes.
printf 'p\ncastillo, l\n' >find.keys
cat >routine.keys <<'KEYS'
<F7>
j020<Enter>
j45909<Enter>
<Enter>
99213<Enter>
36415<Enter>
<F2>
:dump routine
KEYS
cat find.keys routine.keys >visit2.keys
t_ok "routine visit session" ui_run visit2
t_grep "the routine visit is posted" '^posted: claim MS000003-[0-9]+ to Badger Blue Cross, 150\.00$' routine
keys=$(grep -v '^:' routine.keys | grep -o '<[^>]*>' | wc -l)
echo "# keys beyond the codes: $keys"
[ "$keys" -lt 30 ]; _result $? "a routine visit takes under 30 keys beyond the codes ($keys)"

# Eight lines scroll the grid; a modifier in the wrong column is refused by
# the domain on F2, naming the line and the field.
{
	printf 'p\ncastillo, l\n<F7>\nj020<Enter>\n<Enter>\n'
	for i in 1 2 3 4 5 6 7; do printf '99213<Tab>%02d<Enter>\n' $((i + 20)); done
	printf '99213<Tab><Tab>59<Enter>\n:dump many\n'
	printf '<Up><Up><Up><Up><Up><Up><Up><Up><Up>\n:dump top\n<F2>\n:dump refused\n'
} >many.keys
t_ok "many lines session" ui_run many
t_grep "the grid scrolled to line 8" '^  8 99213    59         1    125\.00 1 ' many
t_grep "running total of 8 lines" '8 lines  total   1,000\.00' many
t_grep "back at the top" '^  1 99213 21            1    125\.00 1 ' top
t_grep "modifier 2 without modifier 1 is refused" "^'line 8 modifier 1' is empty but modifier 2 is not$" refused

# From the main menu: pick the patient, then charge entry; Esc goes back to the menu.
cat >menu.keys <<'KEYS'
c
:dump pick
castillo, l<Enter>
:dump picked
<Esc>
:dump back
KEYS
t_ok "charge entry from the menu" ui_run menu
t_grep "the search asks for the patient" '\| Charges: pick a patient ' pick
t_grep "Enter goes on to charge entry" '\| Charges: Castillo, Lucía ' picked
t_grep "Esc goes back to the menu" '\| Main menu ' back

# A resize in the middle of a line keeps the diagnoses and the lines typed.
cat >r.keys <<'KEYS'
p
castillo, l
<F7>
j020<Enter>
<Enter>
992
:resize 120x40
:dump wide
13<Enter>
:resize 80x24
:dump narrow
KEYS
t_ok "resize session" ui_run r
t_grep "wide: diagnosis kept" '^  1 J02\.0    Streptococcal pharyngitis' wide
t_grep "wide: the half-typed code kept" '^  1 992$' wide
t_grep "wide: more line rows shown" '^ 20$' wide
t_grep "narrow: the line finished after the resize" '^  1 99213               1    125\.00 1 ' narrow
t_done
