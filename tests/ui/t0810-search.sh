#!/bin/sh
# t0810-search: patient search follows each key: last-name prefix,
# "last, first", account, DOB, member ID; Enter opens the patient.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture

cat >s.keys <<'KEYS'
p
c
:dump c
as
:dump cas
, l
:dump cas_l
<BS><BS><BS><BS><BS><BS>
ms000004
:dump account
<End><BS><BS><BS><BS><BS><BS><BS><BS>
2015-09-12
:dump dob
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>
bbc448812
:dump member
<BS><BS><BS><BS><BS><BS><BS><BS><BS>
zzz
:dump none
<BS><BS><BS>
cas
<Down>
<Enter>
:dump opened
KEYS
t_ok "search session" ui_run s

ui_expect cas <<'SCREEN'
 Maple Street Family Practice | Patient search               tester  2026-11-26

  Find cas
 last name, "last, first", account, date of birth or member ID

  Account      Name                             DOB         S  City
  MS000003     Castillo, Lucía                  1984-02-29  F  Middleton
  MS000002     Castillo, Mateo                  2015-09-12  M  Middleton













 2 patients

F1 Help  F5 New  F7 Charge  Enter Open  Esc Back  F10 Menu
SCREEN
t_cmp "last-name prefix 'cas'" cas.expect cas
t_grep "one key: 'c' already lists" 'Castillo, Lucía' c
t_grep "'c' lists only names from C on" '^ 2 patients$' c
t_grep "'last, first'" 'Castillo, Lucía' cas_l
t_grep "'last, first' has one row" '^ 1 patient$' cas_l
t_grep "account number" "MS000004 +O'Brien" account
t_grep "date of birth" 'Castillo, Mateo +2015-09-12' dob
t_grep "date of birth: one row" '^ 1 patient$' dob
t_grep "member ID finds both on the family plan" '^ 2 patients$' member
t_grep "no match says so" "no patient matches 'zzz'" none
t_grep "Enter opens the selected patient" '^ Maple Street Family Practice \| Patient MS000002 ' opened
t_grep "demographics shown" 'Last Castillo +First Mateo' opened

# A resize keeps what was typed, and typing goes on where it was.
cat >r.keys <<'KEYS'
p
castil
:resize 100x30
:dump wide
:resize 80x24
lo, m
:dump narrow
KEYS
t_ok "resize session" ui_run r
t_grep "wide: the text is kept" '^  Find castil$' wide
t_grep "wide: the list is kept" 'Castillo, Mateo' wide
[ "$(wc -l <wide)" -eq 30 ]; _result $? "wide: 30 rows"
t_grep "typing goes on after the resize" '^  Find castillo, m$' narrow
t_grep "and the search follows it" '^ 1 patient$' narrow
t_done
