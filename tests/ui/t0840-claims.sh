#!/bin/sh
# t0840-claims: the claims work list: it opens on the ready claims; the
# status filter; a claim with its lines, diagnoses and status history;
# hold and release record who and when; a void asks first.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture

# A ready claim to work, entered through charge entry.
cat >visit.keys <<'KEYS'
p
castillo, m
<F7>
j020<Enter>
<Enter>
99213<Enter>
<F2>
KEYS
ui_run visit

cat >c.keys <<'KEYS'
l
:dump ready
h
:dump held
f
<Enter>
<Home><Enter>
:dump all
<Down>
<Enter>
:dump claim
<Esc>
<End>
r
:dump released
<Up>
8
:dump void
n
<Space>
:dump marked
KEYS
t_ok "claims session" ui_run c
t_grep "opens on the ready claims" '^ Status ready  Payer any  Provider any' ready
t_grep "the new claim is ready" '^  MS000002-5 +Castillo, +2026-11-26 Badger B +125\.00 +125\.00   0 ready$' ready
t_grep "hold" '^claim MS000002-5 held$' held
t_grep "status filter: any" '^ Status any ' all
t_grep "all five claims" '^ 5 claims, billed 790\.00' all
t_grep "claim header" '^ Claim MS000002-2   status submitted   frequency 1 original$' claim
t_grep "its diagnoses" '^ Diagnoses  1 ' claim
t_grep "its lines" '^  1 99213 ' claim
t_grep "its history with who" 'clerk +submitted' claim
t_grep "release" '^claim MS000002-5 released$' released
t_grep "void asks first" '^Void claim MS000004-4 \(8\)\? \(y/n\)$' void
t_grep "Space marks a claim" '^ \*MS000004-4 ' marked
ui_xml >after.xml
t_grep "hold recorded with who" 'tester' after.xml
t_ok "the ledger checks" mb --db "$T/db" check
t_done
