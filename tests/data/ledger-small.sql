-- ledger-small.sql: a small synthetic practice for the aging and check CLI
-- tests (tests/cli/t02xx). Every name and number is made up. The balances
-- projection is derived from the ledger rows at the end, so the file is
-- consistent by construction; 'medbill check' confirms it.
BEGIN;
INSERT INTO providers (id, kind, last_name, first_name, npi, created_by, created_at)
VALUES (1, 'rendering', 'WELBY', 'MARCUS', '1234567893', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO payers (id, name, payer_id, filing_code, created_by, created_at) VALUES
 (1, 'Acme Health', 'ACME1', 'CI', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 'Blue Plan', 'BLUE1', 'BL', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 'Smith, Jones "Care"', 'SJC1', 'CI', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO patients (id, account, last_name, first_name, dob, sex, addr1, city, state, zip,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 'A1001', 'DOE', 'JANE', '1980-02-03', 'F', '1 MAIN ST', 'TOWN', 'NY', '10001',
  'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 'A1002', 'ROE', 'RICHARD', '1975-06-07', 'M', '2 MAIN ST', 'TOWN', 'NY', '10001',
  'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 'A1003', 'POE', 'ANNA', '1990-09-09', 'F', '3 MAIN ST', 'TOWN', 'NY', '10001',
  'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, effective,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 1, 1, 1, 'M100', '2026-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 1, 2, 2, 'M200', '2026-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 3, 3, 1, 'M300', '2026-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
-- Encounters aged 0, 30, 31, 75, 120 and 121 days on 2026-11-26, and one
-- after it.
INSERT INTO encounters (id, patient_id, dos, rendering_id, pos, created_by, created_at) VALUES
 (1, 1, '2026-11-26', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 1, '2026-10-27', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 1, '2026-10-26', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (4, 2, '2026-09-12', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (5, 3, '2026-07-29', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (6, 3, '2026-07-28', 1, '11', 'fixture', '2026-01-01T00:00:00Z'),
 (7, 1, '2026-11-27', 1, '11', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO diagnoses (encounter_id, seq, code) VALUES (1, 1, 'J069'), (2, 1, 'J069'),
 (3, 1, 'J069'), (4, 1, 'J069'), (5, 1, 'J069'), (6, 1, 'J069'), (7, 1, 'J069');
INSERT INTO charges (id, encounter_id, line_no, code, units, amount, ptr1, created_by, created_at) VALUES
 (1, 1, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (2, 1, 2, '36415', 1, 1500, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (3, 2, 1, '99214', 1, 18000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (4, 3, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (5, 4, 1, '99203', 1, 15000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (6, 5, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (7, 6, 1, '99215', 1, 25000, 1, 'fixture', '2026-01-01T00:00:00Z'),
 (8, 7, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO claims (id, encounter_id, coverage_id, pcn, total, created_by, created_at) VALUES
 (1, 1, 1, 'A1001-1', 13500, 'fixture', '2026-11-26T12:00:00Z'),
 (2, 2, 1, 'A1001-2', 18000, 'fixture', '2026-10-27T12:00:00Z'),
 (3, 3, 1, 'A1001-3', 12000, 'fixture', '2026-10-26T12:00:00Z'),
 (4, 4, NULL, 'A1002-4', 15000, 'fixture', '2026-09-12T12:00:00Z'),
 (5, 5, 3, 'A1003-5', 12000, 'fixture', '2026-07-29T12:00:00Z'),
 (6, 6, 3, 'A1003-6', 25000, 'fixture', '2026-07-28T12:00:00Z'),
 (7, 7, 1, 'A1001-7', 12000, 'fixture', '2026-11-27T12:00:00Z');
INSERT INTO claim_state (claim_id, status) VALUES
 (1, 'ready'), (2, 'submitted'), (3, 'partial'), (4, 'patient'), (5, 'denied'), (6, 'submitted'), (7, 'ready');
INSERT INTO claim_lines (claim_id, line_no, charge_id) VALUES
 (1, 1, 1), (1, 2, 2), (2, 1, 3), (3, 1, 4), (4, 1, 5), (5, 1, 6), (6, 1, 7), (7, 1, 8);
INSERT INTO claim_history (claim_id, status, note, created_by, created_at)
 SELECT c.id, s.status, 'fixture', c.created_by, c.created_at FROM claims c JOIN claim_state s ON s.claim_id = c.id;
INSERT INTO ledger (id, kind, charge_id, claim_id, coverage_id, amount, posted, group_code,
 reason_code, xfer_id, reverses_id, credit_reason, reference, note, created_by, created_at) VALUES
 (1, 'charge', 1, 1, 1, 12000, '2026-11-26', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-11-26T12:00:00Z'),
 (2, 'charge', 2, 1, 1, 1500, '2026-11-26', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-11-26T12:00:00Z'),
 (3, 'charge', 3, 2, 1, 18000, '2026-10-27', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-10-27T12:00:00Z'),
 (4, 'charge', 4, 3, 1, 12000, '2026-10-26', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-10-26T12:00:00Z'),
 (5, 'charge', 5, 4, NULL, 15000, '2026-09-12', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-09-12T12:00:00Z'),
 (6, 'charge', 6, 5, 3, 12000, '2026-07-29', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-07-29T12:00:00Z'),
 (7, 'charge', 7, 6, 3, 25000, '2026-07-28', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-07-28T12:00:00Z'),
 (8, 'charge', 8, 7, 1, 12000, '2026-11-27', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'fixture', '2026-11-27T12:00:00Z'),
 -- claim 3: paid 70.00, 20.00 contractual, 20.00 to the secondary, 10.00 to the patient
 (9, 'ins_payment', 4, 3, 1, -7000, '2026-11-20', NULL, NULL, NULL, NULL, NULL, 'EFT77', NULL, 'fixture', '2026-11-20T12:00:00Z'),
 (10, 'adjustment', 4, 3, 1, -2000, '2026-11-20', 'CO', '45', NULL, NULL, NULL, 'EFT77', NULL, 'fixture', '2026-11-20T12:00:00Z'),
 (11, 'transfer', 4, 3, 1, -2000, '2026-11-20', NULL, NULL, 11, NULL, NULL, NULL, NULL, 'fixture', '2026-11-20T12:00:00Z'),
 (12, 'transfer', 4, 3, 2, 2000, '2026-11-20', NULL, NULL, 11, NULL, NULL, NULL, NULL, 'fixture', '2026-11-20T12:00:00Z'),
 (13, 'transfer', 4, 3, 1, -1000, '2026-11-20', NULL, NULL, 13, NULL, NULL, NULL, NULL, 'fixture', '2026-11-20T12:00:00Z'),
 (14, 'transfer', 4, 3, NULL, 1000, '2026-11-20', NULL, NULL, 13, NULL, NULL, NULL, NULL, 'fixture', '2026-11-20T12:00:00Z'),
 -- patient 2 paid 40.00, a check that bounced and was reversed, then 160.00 with a credit
 (15, 'pat_payment', 5, 4, NULL, -4000, '2026-09-12', NULL, NULL, NULL, NULL, NULL, 'CHK 101', NULL, 'fixture', '2026-09-12T12:00:00Z'),
 (16, 'reversal', 5, 4, NULL, 4000, '2026-09-20', NULL, NULL, NULL, 15, NULL, NULL, 'check bounced', 'fixture', '2026-09-20T12:00:00Z'),
 (17, 'pat_payment', 5, 4, NULL, -16000, '2026-10-01', NULL, NULL, NULL, NULL, 'overpaid at the desk', 'CHK 102', NULL, 'fixture', '2026-10-01T12:00:00Z');
INSERT INTO balances (charge_id, party, patient_id, payer_id, claim_id, dos, amount)
 SELECT l.charge_id, coalesce(l.coverage_id, 0), e.patient_id, cv.payer_id, max(l.claim_id), e.dos, sum(l.amount)
 FROM ledger l JOIN charges ch ON ch.id = l.charge_id JOIN encounters e ON e.id = ch.encounter_id
 LEFT JOIN coverages cv ON cv.id = l.coverage_id
 GROUP BY l.charge_id, l.coverage_id;
INSERT INTO balance_days (payer_id, dos, amount)
 SELECT coalesce(payer_id, 0), dos, sum(amount) FROM balances GROUP BY 1, 2;
COMMIT;
