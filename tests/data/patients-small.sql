-- patients-small.sql: a small synthetic practice for the patient search,
-- fee import and info CLI tests (tests/cli/t01xx). Every name and number is
-- made up; the NPIs carry valid check digits.
BEGIN;
INSERT INTO practice (id, name, npi, ein, taxonomy, addr1, city, state, zip, phone,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 'Maple Test Family Practice', '1234567893', '123456789', '207Q00000X', '100 Test Way',
  'Springfield', 'IL', '627011234', '2175550100',
  'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO providers (id, kind, last_name, first_name, npi, taxonomy, created_by, created_at) VALUES
 (1, 'rendering', 'Testdoc', 'Alex', '1679576722', '207Q00000X', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 'referring', 'Sender', 'Robin', '1245319599', NULL, 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO payers (id, name, payer_id, filing_code, created_by, created_at) VALUES
 (1, 'Test Medicare', '00430', 'MB', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 'Blue Test Plan', 'BLUE1', 'BL', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO patients (id, account, last_name, first_name, middle_name, dob, sex, addr1, city,
 state, zip, phone, created_by, created_at, updated_by, updated_at) VALUES
 (1, 'A100', 'Smithers', 'Wayland', NULL, '1970-01-01', 'M', '1 Sample St', 'Springfield',
  'IL', '62701', NULL, 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 'A101', 'Smith', 'Jordan', 'Lee', '1985-03-12', 'F', '2 Sample St', 'Springfield',
  'IL', '62701', '2175550111', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (3, 'A102', 'smith', 'Alex', NULL, '1985-03-12', 'U', '3 Sample St', 'Springfield',
  'IL', '62701', NULL, 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (4, 'SMITH', 'Smyth', 'Jo', NULL, '1990-01-01', 'F', '4 Sample St', 'Springfield',
  'IL', '62701', NULL, 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (5, 'A104', 'Jones', 'Mary Ann', NULL, '2000-02-29', 'F', '5 Sample St', 'Springfield',
  'IL', '62701', NULL, 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (6, 'A105', 'Quill', 'Anne "Annie"', 'B, C', '1999-09-09', 'F', '6 Sample St', 'Springfield',
  'IL', '62701', NULL, 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO coverages (id, patient_id, payer_id, seq, member_id, relationship, effective,
 created_by, created_at, updated_by, updated_at) VALUES
 (1, 5, 1, 1, 'XYZ123', '18', '2026-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z'),
 (2, 2, 2, 1, 'B777', '18', '2025-01-01', 'fixture', '2026-01-01T00:00:00Z', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO encounters (id, patient_id, dos, rendering_id, pos, created_by, created_at) VALUES
 (1, 2, '2026-11-02', 1, '11', 'fixture', '2026-01-01T00:00:00Z');
INSERT INTO diagnoses (encounter_id, seq, code) VALUES (1, 1, 'E119');
INSERT INTO charges (id, encounter_id, line_no, code, units, amount, ptr1, created_by, created_at)
VALUES (1, 1, 1, '99213', 1, 12000, 1, 'fixture', '2026-01-01T00:00:00Z');
COMMIT;
