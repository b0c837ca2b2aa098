#!/bin/sh
# t0201-check: 'medbill check' passes on a consistent book and reports each
# breach of a deliberately broken one on its own line, exiting 1.
. "$TOP/tests/lib.sh"

command -v sqlite3 >/dev/null || { echo "not ok - the sqlite3 shell is needed to break the fixture"; exit 1; }
t_ok "check on an empty database" mb --db "$T/e.db" init
t_ok "an empty book is consistent" mb --db "$T/e.db" check
[ ! -s "$T/.out" ]; _result $? "no breaches printed"

mb --db "$T/a.db" init 2>/dev/null
sqlite3 "$T/a.db" <"$TOP/tests/data/ledger-small.sql"
_result $? "fixture loaded"
t_ok "the fixture is consistent" mb --db "$T/a.db" check
[ ! -s "$T/.out" ]; _result $? "no breaches printed"
t_fail "check takes no arguments" 2 mb --db "$T/a.db" check --all

cp "$T/a.db" "$T/b.db"
sqlite3 "$T/b.db" <<'END'
-- A ledger row changed in place behind the append-only triggers.
DROP TRIGGER ledger_no_update;
UPDATE ledger SET amount = -7500 WHERE id = 9;
-- A balance edited in place.
UPDATE balances SET amount = amount + 1 WHERE charge_id = 3 AND party = 1;
UPDATE balance_days SET amount = amount + 1 WHERE payer_id = 1 AND dos = '2026-10-27';
-- A claim total that is not the sum of its lines.
UPDATE claims SET total = 13000 WHERE id = 1;
-- A claim that lost its state row.
DELETE FROM claim_state WHERE claim_id = 6;
-- A credit without a reason: the reason taken off the row that made it.
UPDATE ledger SET credit_reason = NULL WHERE id = 17;
-- A reversal of a reversal, with its projection kept in step.
INSERT INTO ledger (id, kind, charge_id, claim_id, amount, posted, reverses_id, note, created_by, created_at)
VALUES (18, 'reversal', 5, 4, -4000, '2026-11-26', 16, 'undo', 'fixture', '2026-11-26T12:00:00Z');
UPDATE balances SET amount = amount - 4000 WHERE charge_id = 5 AND party = 0;
UPDATE balance_days SET amount = amount - 4000 WHERE payer_id = 0 AND dos = '2026-09-12';
-- Half a transfer.
INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted, xfer_id, created_by, created_at)
VALUES (19, 'transfer', 1, 1, 1, -500, '2026-11-26', 19, 'fixture', '2026-11-26T12:00:00Z');
UPDATE balances SET amount = amount - 500 WHERE charge_id = 1 AND party = 1;
UPDATE balance_days SET amount = amount - 500 WHERE payer_id = 1 AND dos = '2026-11-26';
END
t_fail "check finds the breaches" 1 mb --db "$T/b.db" check
cat >"$T/expect" <<'END'
projection: charge line 3, coverage 1: balance 180.01 but its ledger rows sum to 180.00
projection: charge line 4, coverage 1: balance 0.00 but its ledger rows sum to -5.00
reversal: ledger row 18 reverses row 16, which is itself a reversal
transfer: transfer 19 has 1 rows summing to -5.00 (2 rows on one charge line summing to 0.00 expected)
claim total: claim 1: total 130.00 but its 2 lines sum to 135.00
claim state: claim 6 has no status (no claim_state row)
credit: charge line 5, patient: balance -50.00 without a credit reason
END
t_cmp "one line per breach" "$T/expect" "$T/.out"
t_grep "summary on stderr" "^medbill: check found 7 breaches of the ledger invariants$" "$T/.err"
t_done
