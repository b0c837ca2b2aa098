#!/bin/sh
# t0820-patient: the patient screen: a bad DOB gives its message when the
# field is left and saves nothing; a new patient with a coverage (payer
# picked from the list) is saved in one step; unsaved changes ask first.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture
ui_xml >before.xml

cat >bad.keys <<'KEYS'
p
<F5>
Testa<Tab>Rosa<Tab><Tab>2026-13-45<Tab>
:dump dob
<F2>
:dump save
<Esc>
:dump leave
n
<Esc>
y
:dump left
KEYS
t_ok "bad DOB session" ui_run bad
t_grep "the message names the field" "^'dob': '2026-13-45' is not a real date$" dob
t_grep "F2 keeps the message" "^'dob': '2026-13-45' is not a real date$" save
t_grep "leaving asks first" "^Leave Patient and lose the unsaved changes\? \(y/n\)$" leave
t_grep "after y, the search screen" '^ Maple Street Family Practice \| Patient search' left
ui_xml >after.xml
t_cmp "nothing was saved" before.xml after.xml

cat >new.keys <<'KEYS'
p
<F5>
Testa<Tab>Rosa<Tab>M<Tab>1990-04-01<Tab>F<Tab>6085550199<Tab>12 Elm St<Tab><Tab>Madison<Tab>wi<Tab>53703
<F5>
<F4>
:dump payers
<Down><Enter>
<Tab>w123456<Tab>G1<Tab><Tab>2026-01-01
:dump coverage
<F2>
:dump accepted
<F2>
:dump saved
KEYS
t_ok "new patient session" ui_run new
t_grep "payers to pick from" '\| Badger Blue Cross +BBC77 +BL \|' payers
t_grep "the picked payer" 'Payer Badger Blue Cross' coverage
t_grep "the coverage waits for the save" '^  1 Badger Blue Cross +W123456 +G1 +self +2026-01-01 +\*$' accepted
t_grep "saved message" '^patient P[0-9]+ Testa saved \(new\)$' saved
t_grep "the title has the new account" '^ Maple Street Family Practice \| Patient P[0-9]+ ' saved
ui_xml >new.xml
t_grep "patient stored" '<last-name>Testa</last-name>' new.xml
t_grep "DOB stored" '<birth-date>1990-04-01</birth-date>' new.xml
t_grep "coverage stored, member ID upper-cased" '<member-id>W123456</member-id>' new.xml
t_ok "the ledger still checks" mb --db "$T/db" check

# A dependent's coverage: the relationship picked from the list opens the
# subscriber's fields, which the domain then requires.
cat >dep.keys <<'KEYS'
p
testa
<Enter>
<F6>
<Enter>
<Tab><Tab>
<F4>
:dump rels
<Down><Down><Enter>
<F2>
:dump required
Testa<Tab>Marco<Tab><Tab>1962-07-30<Tab>M<Tab>12 Elm St<Tab><Tab>Madison<Tab>WI<Tab>53703
<F2>
:dump accepted
<F2>
:dump saved
<F6><F6>
<End>x
<C-c>
:dump quit
n
:dump stayed
<C-c>
y
KEYS
t_ok "dependent session" ui_run dep
t_grep "relationships to pick from" '\| 19  child +\|' rels
t_grep "the subscriber is required" "^'subscriber last name' is required$" required
t_grep "accepted as a child" '^  1 Badger Blue Cross +W123456 +G1 +child +2026-01-01 +\*$' accepted
t_grep "saved" '^patient P[0-9]+ Testa saved$' saved
ui_xml >dep.xml
t_grep "relationship stored" '<relationship>19</relationship>' dep.xml
t_grep "subscriber stored" 'Marco' dep.xml
t_grep "quitting with unsaved changes asks first" '^Quit and lose the unsaved changes in Patient\? \(y/n\)$' quit
t_grep "n stays" '^ Maple Street Family Practice \| Patient P[0-9]+ ' stayed
t_grep "the typed change was not saved" '<last-name>Testa</last-name>' dep.xml
t_done
