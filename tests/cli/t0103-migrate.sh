#!/bin/sh
# t0103-migrate: a database made by an older medbill (here schema 6, built
# from the migration files themselves) is brought up to date when it is
# opened: migration 0007 moves every claim's status and batch into
# claim_state without losing one, and the book stays consistent.
. "$TOP/tests/lib.sh"
db="$T/old.db"
{
	for f in "$TOP"/schema/000[1-6]_*.sql; do
		echo "BEGIN;"
		cat "$f"
		echo "COMMIT;"
	done
	echo "PRAGMA user_version = 6;"
	cat <<'END'
BEGIN;
INSERT INTO providers (id, kind, last_name, first_name, npi, created_by, created_at)
VALUES (1, 'rendering', 'WELBY', 'MARCUS', '1234567893', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO payers (id, name, payer_id, filing_code, created_by, created_at)
VALUES (1, 'Acme Health', 'ACME1', 'CI', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO patients (id, account, last_name, first_name, dob, sex, addr1, city, state, zip,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 'A1001', 'DOE', 'JANE', '1980-02-03', 'F', '1 MAIN ST', 'TOWN', 'NY', '10001',
  'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, effective,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 1, 1, 1, 'M100', '2026-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO encounters (id, patient_id, dos, rendering_id, pos, created_by, created_at) VALUES
 (1, 1, '2026-11-02', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 1, '2026-11-09', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 1, '2026-11-16', 1, '11', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO diagnoses (encounter_id, seq, code) VALUES (1, 1, 'J069'), (2, 1, 'J069'), (3, 1, 'J069');
INSERT INTO charges (id, encounter_id, line_no, code, units, amount, ptr1, created_by, created_at) VALUES
 (1, 1, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (2, 2, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (3, 3, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO claims (id, encounter_id, coverage_id, pcn, status, total, batch_id, created_by, created_at) VALUES
 (1, 1, 1, 'A1001-1', 'paid', 12000, 7, 'fixture', '2026-11-03T12:00:00Z'),
 (2, 2, 1, 'A1001-2', 'submitted', 12000, 8, 'fixture', '2026-11-10T12:00:00Z'),
 (3, 3, 1, 'A1001-3', 'ready', 12000, NULL, 'fixture', '2026-11-17T12:00:00Z');
INSERT INTO claim_lines (claim_id, line_no, charge_id) VALUES (1, 1, 1), (2, 1, 2), (3, 1, 3);
COMMIT;
END
} | sqlite3 "$db"
_result $? "a schema 6 database"

t_ok "info opens and migrates it" mb --db "$db" info
t_grep "schema 7" "^schema: 7$" "$T/.out"
[ "$(sqlite3 "$db" "SELECT group_concat(v, ' ') FROM (SELECT claim_id || ':' || status || ':' || ifnull(batch_id, '-') AS v
	FROM claim_state ORDER BY claim_id)")" = "1:paid:7 2:submitted:8 3:ready:-" ]
_result $? "every claim keeps its status and batch"
[ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('claims') WHERE name IN ('status', 'batch_id')")" = 0 ]
_result $? "the claim row no longer carries them"
t_ok "check passes" mb --db "$db" check
t_ok "claims list" mb --db "$db" claims list --status submitted --csv
t_grep "the submitted claim with its batch" '^2,A1001-2,.*,submitted,1,120\.00,8,' "$T/.out"
t_ok "hold the ready claim" mb --db "$db" claims hold 3
[ "$(sqlite3 "$db" "SELECT status FROM claim_state WHERE claim_id = 3")" = hold ]
_result $? "its status changed"
[ "$(sqlite3 "$db" "SELECT count(*) FROM claim_history WHERE claim_id = 3 AND status = 'hold' AND created_by = 'tester'")" = 1 ]
_result $? "with its history row"
t_done
