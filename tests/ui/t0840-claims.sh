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

# '/' finds a claim in the list.
cat >find.keys <<'KEYS'
l
f
<Enter>
<Home><Enter>
/
o'brien<Enter>
<Enter>
:dump found
<Esc>
/
<Home>nobody<Enter>
:dump notfound
KEYS
t_ok "find session" ui_run find
t_grep "'/' then Enter opens the claim found" '^ Claim MS000004-4 ' found
t_grep "not found says so" "^'nobody' is not in the list$" notfound

# Build a batch of the marked claim: the file and its control numbers; the
# claim is then submitted and shows the scrubber's findings.
mkdir out
cat >b.keys <<'KEYS'
l
<Space>
b
:dump folder
KEYS
printf '<BS>%.0s' $(seq 1 80) >>b.keys
cat >>b.keys <<KEYS

$T/out<Enter>
:dump built
<Esc>
:dump after
f
<Enter>
<Home><Enter>
<End><Enter>
:dump claim
KEYS
t_ok "batch session" ui_run b
t_grep "asks for the folder" '^Write the batch of the marked claims to folder: ' folder
t_grep "the file" "\\| $T/out/837P-[0-9]+-LAKESIDECLX\\.x12 +\\|" built
t_grep "its control numbers" '\\|   ISA13 000000001  GS06 1  ST02 0001-0001 +\\|' built
t_grep "what it carries" '\\|   1 claim, 1 line, 125\\.00 +\\|' built
t_grep "sent" '^1 claim sent in 1 file$' after
t_grep "no ready claim left" '^ 0 claims' after
t_grep "the claim was submitted" '^ Claim MS000002-5   status submitted' claim
t_grep "the scrubber had nothing to say" '^ Findings of the scrubber: none$' claim
ls out/837P-*.x12 >/dev/null 2>&1; _result $? "the 837P file is written"
t_ok "x12 check accepts it" mb --db "$T/db" x12 check out/837P-*.x12
t_done
