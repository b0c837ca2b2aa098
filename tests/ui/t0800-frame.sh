#!/bin/sh
# t0800-frame: the frame in scripted mode: title, key bar, help generated
# from the action table, resize, a terminal that is too small, script errors,
# and the fall-back to 'info' without a terminal.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"

mb --db "$T/db" init 2>/dev/null

cat >menu.keys <<'KEYS'
:dump menu
<Down><Down>
?
:dump help
<PgDn>
:dump help2
<Esc>
:resize 100x30
:dump wide
:resize 60x20
:dump small
:resize 80x24
:dump back
q
KEYS
t_ok "scripted session runs and quits with q" ui_run menu

ui_expect menu <<'SCREEN'
 medbill | Main menu                                         tester  2026-11-26

    Main menu

     p   Patients        find, open and add patients
     c   Charge entry    enter a visit's diagnoses and charges
     l   Claims          work the claims: scrub, batch, hold, resubmit, void
     a   A/R aging       accounts receivable aging by payer or patient
     h   Help            the keys of every screen
     q   Quit            quit medbill

    Press the letter of an entry, or move with the arrows and press Enter.











F1 Help  F3 Find  q Quit
SCREEN
t_cmp "main menu" menu.expect menu
t_grep "help lists this screen's keys first" '^ Keys of the Main menu screen$' help
t_grep "help shows F1 and ? for help" '^   F1     \?      Help       show every key' help
t_grep "help key bar" '^Esc Back  PgUp  PgDn  F10 Menu$' help
t_grep "help pages down to the global keys" 'Tab +Next +go to the next field' help2
t_grep "wide title uses the width" '^ medbill \| Main menu {60,}tester  2026-11-26$' wide
[ "$(wc -l <wide)" -eq 30 ]; _result $? "wide dump has 30 rows"
t_grep "too small says so" '^medbill needs at least 80x24 \(this is 60x20\)' small
t_cmp "back to 80x24 redraws the menu" menu.expect back

# The help screen from the global action table lists every keymap.
for g in Everywhere "Main menu" "Claims work list" "A/R aging"; do
	cat >h.keys <<KEYS
<F1>
<End>
:dump h
KEYS
	ui_run h
	cat help help2 h >all
	t_grep "help has the '$g' keys" "^ $g\$" all
done

# Monochrome terminal and a non-UTF-8 locale still work.
TERM=vt100 LC_ALL=C ui_run menu
t_cmp "vt100 in the C locale" menu.expect menu

# Script errors stop with a message naming the line.
printf 'x\n<Nope>\n' >bad.keys
t_fail "unknown key is an error" 1 ui_run bad
t_grep "names the line and key" "script line 2: unknown key 'Nope'" "$T/.err"
printf ':frobnicate\n' >bad2.keys
t_fail "unknown command is an error" 1 ui_run bad2
t_grep "names the command" "script line 1: unknown command 'frobnicate'" "$T/.err"
t_fail "missing script is an error" 1 env MEDBILL_TUI_SCRIPT="$T/none.keys" "$MEDBILL" --db "$T/db"
t_grep "names the variable" "'MEDBILL_TUI_SCRIPT': cannot read" "$T/.err"
printf 'q\n' >q.keys
UI_SIZE=huge
t_fail "bad size is an error" 1 ui_run q
UI_SIZE=80x24
t_grep "names the size variable" "'MEDBILL_TUI_SIZE'" "$T/.err"

# Without a terminal and without a script: the info summary.
t_ok "no terminal falls back to info" sh -c "'$MEDBILL' --db '$T/db' </dev/null >'$T/info' 2>&1"
t_grep "info printed" '^schema: [0-9]+' info
t_done
