#!/bin/sh
# t0899-tmux: real-terminal smoke tests in tmux: start, move, resize, quit
# with q, with Ctrl-C and on a crash signal; the terminal is restored each
# time (stty settings and the normal screen). Skipped, with a note, when
# tmux is not installed: nothing is counted then.
. "$TOP/tests/lib.sh"
cd "$T" || exit 1

if ! command -v tmux >/dev/null 2>&1; then
	echo "# skip: tmux is not installed, the real-terminal tests did not run"
	t_done
fi

mb --db "$T/db" init 2>/dev/null
RUN=0
tm() { tmux -S "$T/tmux$RUN.sock" "$@"; }
trap 'for s in "$T"/tmux*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$T"' EXIT

# The pane runs this: medbill between two stty readings, then waits.
cat >pane.sh <<PANE
stty -g >before
sh -c 'echo \$\$ >pid; exec "$MEDBILL" --db "$T/db" --user tester'
echo "rc=\$?" >rc
stty -g >after
echo MEDBILL-DONE
exec sleep 120
PANE

# wait_for TEXT: poll the pane (up to 10 s) until it shows TEXT.
wait_for() {
	_i=0
	while [ $_i -lt 200 ]; do
		tm capture-pane -p >screen 2>/dev/null
		grep -q -- "$1" screen && return 0
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "  timed out waiting for '$1'; the pane shows:"; sed 's/^/  | /' screen
	return 1
}

start() {
	rm -f before after rc pid
	tm kill-server 2>/dev/null
	RUN=$((RUN + 1))
	tm -f /dev/null new-session -d -x 80 -y 24 "env TERM=xterm-256color MEDBILL_TODAY=2026-11-26 sh $T/pane.sh"
}

restored() {
	wait_for MEDBILL-DONE; _result $? "$1: back at the shell"
	[ -s before ] && cmp -s before after; _result $? "$1: stty settings restored"
	[ "$(tm display -p '#{alternate_on}')" = 0 ]; _result $? "$1: normal screen restored"
}

start
wait_for "Main menu"; _result $? "starts on the main menu"
t_grep "title line" '^ medbill \| Main menu +tester  2026-11-26' screen
tm send-keys F1
wait_for "Keys of the Main menu screen"; _result $? "F1 opens help"
tm send-keys PageDown
wait_for "go to the next field"; _result $? "PgDn pages the help"
tm resize-window -x 100 -y 30
wait_for "Help                                                                  tester"; _result $? "resize redraws at 100 columns"
tm send-keys Escape
wait_for "Press the letter"; _result $? "Esc goes back to the menu"
tm send-keys q
restored "quit with q"
grep -q 'rc=0' rc; _result $? "q exits 0"

start
wait_for "Main menu"
tm send-keys C-c
restored "Ctrl-C"

start
wait_for "Main menu"
kill -SEGV "$(cat pid)"
restored "crash signal"
grep -q 'rc=139' rc; _result $? "the crash is still reported as SIGSEGV"
t_done
