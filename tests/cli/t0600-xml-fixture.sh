#!/bin/sh
# t0600-xml-fixture: import the synthetic practice, export it byte for byte,
# round trip through a new database, and refuse a database that holds data.
. "$TOP/tests/lib.sh"

FIX="$TOP/tests/data/xml-practice.xml"

t_ok "init" mb --db "$T/a.db" init
t_ok "import the fixture" mb --db "$T/a.db" import xml "$FIX"
t_grep "summary on stderr" "imported 4 providers, 3 payers, 4 fees, 4 patients, 4 coverages, 4 encounters \(6 charge lines\), 4 claims, 17 ledger rows from" "$T/.err"
[ ! -s "$T/.out" ]; _result $? "import writes nothing on stdout"
t_ok "export" mb --db "$T/a.db" export xml "$T/a.xml"
t_cmp "export equals the fixture byte for byte" "$FIX" "$T/a.xml"
[ "$(stat -c %a "$T/a.xml")" = 600 ]; _result $? "the export is mode 0600"
ls "$T"/a.xml.tmp* >/dev/null 2>&1; [ $? -ne 0 ]; _result $? "no temporary file left"
t_ok "export to standard output" mb --db "$T/a.db" export xml -
t_cmp "stdout export equals the file export" "$T/a.xml" "$T/.out"
t_ok "ledger invariants hold after the import" mb --db "$T/a.db" check

# Only a regular file is replaced: a link and a pipe are written through.
ln -s a-real.xml "$T/a-link.xml"
t_ok "export through a symbolic link" mb --db "$T/a.db" export xml "$T/a-link.xml"
[ -L "$T/a-link.xml" ]; _result $? "the link is still a link"
t_cmp "the link's target has the export" "$FIX" "$T/a-real.xml"
mkfifo "$T/pipe"
cat "$T/pipe" >"$T/from-pipe.xml" &
t_ok "export into a named pipe" mb --db "$T/a.db" export xml "$T/pipe"
wait
[ -p "$T/pipe" ]; _result $? "the pipe is still a pipe"
t_cmp "the pipe carried the export" "$FIX" "$T/from-pipe.xml"

# Export, import into a new database, export again: the same bytes.
t_ok "init b" mb --db "$T/b.db" init
t_ok "import the export" mb --db "$T/b.db" import xml "$T/a.xml"
t_ok "export b" mb --db "$T/b.db" export xml "$T/b.xml"
t_cmp "round trip is byte-identical" "$T/a.xml" "$T/b.xml"

# The balances are rebuilt from the ledger: the aging sees them.
t_ok "aging by payer" mb --db "$T/b.db" aging --csv
t_grep "the open balances by payer" "^2,Badger Blue Cross,0.00,125.00,0.00,210.00,0.00,335.00,100.0" "$T/.out"

# An empty database exports the empty document.
t_ok "init c" mb --db "$T/c.db" init
t_ok "export empty" mb --db "$T/c.db" export xml "$T/c.xml"
cat >"$T/empty.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<medbill version="1">
  <receivers/>
  <providers/>
  <payers/>
  <fees/>
  <patients/>
  <coverages/>
  <encounters/>
  <claims/>
  <ledger/>
  <edits/>
  <control-numbers/>
  <batches/>
  <batch-sets/>
  <batch-claims/>
  <findings/>
</medbill>
XML
t_cmp "empty export" "$T/empty.xml" "$T/c.xml"
t_ok "the empty document imports" mb --db "$T/c.db" import xml "$T/empty.xml"

# A database that holds data is refused and left as it was.
t_fail "import into a database with data" 1 mb --db "$T/a.db" import xml "$FIX"
t_grep "says why" "already holds a practice: import into a new database" "$T/.err"
t_ok "export after the refusal" mb --db "$T/a.db" export xml "$T/a2.xml"
t_cmp "unchanged" "$FIX" "$T/a2.xml"

# Usage and files.
t_fail "import needs a file" 2 mb --db "$T/a.db" import xml
t_fail "export needs a file" 2 mb --db "$T/a.db" export xml
t_fail "missing file" 1 mb --db "$T/c.db" import xml "$T/nope.xml"
t_grep "names the file" "cannot open '.*nope.xml'" "$T/.err"
t_fail "export into a missing folder" 1 mb --db "$T/a.db" export xml "$T/no/such/x.xml"
t_grep "says it cannot write it" "cannot write '.*no/such/x.xml': No such file or directory$" "$T/.err"
t_fail "no database" 1 mb --db "$T/none.db" import xml "$FIX"
t_ok "help import xml" mb help import xml
t_grep "help tells all or nothing" "all or" "$T/.out"
t_done
