#!/bin/sh
# t0001-basics: usage, version, init, exit codes.
. "$TOP/tests/lib.sh"

t_ok "--version" mb --version
t_grep "version text" '^medbill [0-9]' "$T/.out"
t_fail "unknown command is a usage error" 2 mb --db "$T/x.db" frobnicate
t_grep "names the command" "no command 'frobnicate'" "$T/.err"
t_fail "unknown option is a usage error" 2 mb --bogus
t_fail "missing database is a user error" 1 mb --db "$T/none.db" info
t_grep "says to init" "run 'medbill init'" "$T/.err"
t_ok "init creates the database" mb --db "$T/a.db" init
t_ok "info on it" mb --db "$T/a.db" info
t_grep "schema version shown" '^schema: [0-9]+' "$T/.out"
t_ok "MEDBILL_DB is honoured" env MEDBILL_DB="$T/b.db" "$MEDBILL" init
t_ok "XDG_DATA_HOME is honoured" env XDG_DATA_HOME="$T/xdg" "$MEDBILL" init
[ -f "$T/xdg/medbill/medbill.db" ]; _result $? "default path under XDG_DATA_HOME"
echo "not a database, just text" >"$T/text.db"
t_fail "a file that is not a database is refused" 1 mb --db "$T/text.db" info
t_grep "says so" "'$T/text.db' is not a medbill database" "$T/.err"
t_ok "help lists commands" mb --help
t_grep "help has init" '^  init' "$T/.out"
t_done
