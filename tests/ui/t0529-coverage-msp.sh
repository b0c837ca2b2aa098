#!/bin/sh
# t0529-coverage-msp: the coverage dialog's MSP type (SBR05, why Medicare is
# not the primary payer): a bad code gives the domain's message when the
# field is left; F4 picks from the list, whose name shows beside the field;
# the code is saved with the patient and exported.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture

cat >msp.keys <<'KEYS'
p
<F5>
Testa<Tab>Rosa<Tab>M<Tab>1950-04-01<Tab>F<Tab>6085550199<Tab>12 Elm St<Tab><Tab>Madison<Tab>wi<Tab>53703
<F5>
<F4>
<Enter>
<Tab>1eg4te5mk73<Tab><Tab><Tab>2026-01-01<Tab><Tab>99<Tab>
:dump bad
<F4>
:dump pick
<Down><Down><Enter>
:dump picked
<F2>
:dump accepted
<F2>
:dump saved
KEYS
t_ok "MSP type session" ui_run msp
t_grep "the message names the field" "^'insurance type': '99' is not an MSP type \(12 13 14 15 16 41 42 43 47\)$" bad
t_grep "the field is on the form" 'MSP type 99' bad
t_grep "the list offers none" '\| +none \(Medicare primary or no Medicare\) +\|' pick
t_grep "the list names the codes" '\| 43  disabled, LGHP +\|' pick
t_grep "the picked code and its name" 'MSP type 13 end-stage renal' picked
t_grep "the coverage waits for the save" '^  1 Medicare Part B +1EG4TE5MK73 +self +2026-01-01 +\*$' accepted
t_grep "saved" '^patient P[0-9]+ Testa saved \(new\)$' saved
ui_xml >after.xml
t_grep "the MSP type is stored" '<insurance-type>13</insurance-type>' after.xml
t_done
