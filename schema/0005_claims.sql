-- 0005_claims.sql: the claim scrubber's edits and findings, batches of 837P
-- claims written to files, the persisted interchange control numbers and
-- what every batch carried, so that a 999, 277CA or 835 can be traced back.

-- The scrubber's edits, as data. A row with kind 'builtin' names a check
-- the scrubber knows by its code; its severity, message and fix come from
-- here. A row with a payer_id applies to that payer's claims only: with the
-- code of a built-in edit it overrides it for that payer (severity 'off'
-- turns it off); with a generic kind it adds a new edit on a named claim
-- field (see scrub.h for the field names):
--   required   the field must not be empty
--   match      the field must match the GLOB pattern in arg
--   no_match   the field must not match the GLOB pattern in arg
--   max_len    the field must be at most arg characters long
-- Message templates may use {value} {line} {n} {max} {dos} {payer} {field}.
CREATE TABLE edits (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 24),
	payer_id INTEGER REFERENCES payers(id),	-- NULL: every payer
	severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'off')),
	kind TEXT NOT NULL DEFAULT 'builtin'
		CHECK (kind IN ('builtin', 'required', 'match', 'no_match', 'max_len')),
	subject TEXT,				-- the claim field a generic edit checks
	arg TEXT,				-- its GLOB pattern or length
	field TEXT NOT NULL,			-- where it lands in the 837P: '2010AA NM109'
	message TEXT NOT NULL,
	fix TEXT NOT NULL,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	CHECK (kind = 'builtin' OR subject IS NOT NULL),
	CHECK (kind NOT IN ('match', 'no_match', 'max_len') OR arg IS NOT NULL)
);
CREATE UNIQUE INDEX edits_code_payer ON edits(code, ifnull(payer_id, 0));

-- What the last scrub of a claim found; replaced on every scrub.
CREATE TABLE scrub_findings (
	claim_id INTEGER NOT NULL REFERENCES claims(id),
	seq INTEGER NOT NULL,
	code TEXT NOT NULL,
	severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
	line_no INTEGER,			-- LX of the line; NULL for the claim
	field TEXT NOT NULL,
	message TEXT NOT NULL,
	fix TEXT NOT NULL,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	PRIMARY KEY (claim_id, seq)
) WITHOUT ROWID;

-- The last interchange (ISA13), group (GS06) and transaction set (ST02)
-- control numbers used per submitter (ISA05:ISA06). They only go up and are
-- committed before a file that uses them is written, so they are never
-- used twice, even after a crash.
CREATE TABLE control_numbers (
	submitter TEXT PRIMARY KEY,
	isa13 INTEGER NOT NULL DEFAULT 0 CHECK (isa13 BETWEEN 0 AND 999999999),
	gs06 INTEGER NOT NULL DEFAULT 0 CHECK (gs06 BETWEEN 0 AND 999999999),
	st02 INTEGER NOT NULL DEFAULT 0 CHECK (st02 BETWEEN 0 AND 999999999),
	updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER control_numbers_up BEFORE UPDATE ON control_numbers
WHEN NEW.isa13 < OLD.isa13 OR NEW.gs06 < OLD.gs06 OR NEW.st02 < OLD.st02
BEGIN SELECT RAISE(ABORT, 'control numbers never go back'); END;
CREATE TRIGGER control_numbers_kept BEFORE DELETE ON control_numbers
BEGIN SELECT RAISE(ABORT, 'control numbers are never deleted'); END;

-- A batch is one interchange (ISA/IEA) in one file, for one receiver.
-- 'pending': its control numbers are reserved and its file may be being
-- written; 'sent': the file is in place and its claims are marked submitted
-- (both in the transaction that made it 'sent'); 'abandoned': a build that
-- did not finish, cleaned up by the next one (its numbers stay used).
CREATE TABLE batches (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL DEFAULT '837P',
	receiver_id INTEGER NOT NULL REFERENCES receivers(id),
	submitter TEXT NOT NULL,
	usage TEXT NOT NULL CHECK (usage IN ('T', 'P')),
	isa13 INTEGER NOT NULL,
	gs06 INTEGER NOT NULL,
	st02_first INTEGER NOT NULL,		-- the ST02 range reserved for it
	st02_last INTEGER NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'abandoned',
		'accepted', 'partial', 'rejected')),
	path TEXT NOT NULL,			-- the file
	tmp_path TEXT NOT NULL,			-- where it is written before the rename
	claims INTEGER NOT NULL DEFAULT 0,
	lines INTEGER NOT NULL DEFAULT 0,
	total INTEGER NOT NULL DEFAULT 0,	-- cents
	bytes INTEGER NOT NULL DEFAULT 0,
	note TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	sent_at TEXT,
	UNIQUE (submitter, isa13)
);
CREATE INDEX batches_status ON batches(status);

-- Each transaction set (ST/SE) of a batch: ST02 and the BHT03 reference.
CREATE TABLE batch_sets (
	batch_id INTEGER NOT NULL REFERENCES batches(id),
	st02 INTEGER NOT NULL,
	bht03 TEXT NOT NULL UNIQUE,
	claims INTEGER NOT NULL,
	segments INTEGER NOT NULL,		-- SE01
	PRIMARY KEY (batch_id, st02)
) WITHOUT ROWID;

-- Each claim a batch carried, numbered 1..n in the order of its file (seq).
-- The line item control number (REF*6R) of its line LX is
-- '<batch>-<seq>-<LX>', so an 835 line can be traced back to the batch,
-- the claim and the charge line.
CREATE TABLE batch_claims (
	batch_id INTEGER NOT NULL REFERENCES batches(id),
	seq INTEGER NOT NULL,
	st02 INTEGER NOT NULL,
	claim_id INTEGER NOT NULL REFERENCES claims(id),
	pcn TEXT NOT NULL,			-- CLM01 as sent
	frequency TEXT NOT NULL,		-- CLM05-3 as sent
	lines INTEGER NOT NULL,
	total INTEGER NOT NULL,			-- CLM02 in cents
	PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;
CREATE INDEX batch_claims_claim ON batch_claims(claim_id);

-- The built-in edits.
INSERT INTO edits (code, severity, field, message, fix, created_by, created_at) VALUES
('BILL_NAME', 'error', '2010AA NM103', 'billing provider name is missing', 'enter the practice''s legal name in the practice settings', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_NPI', 'error', '2010AA NM109', 'billing provider NPI is missing', 'enter the practice''s 10-digit NPI in the practice settings', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_NPI_CHECK', 'error', '2010AA NM109', 'billing provider NPI {value} fails its check digit', 'correct the practice''s NPI: 10 digits whose last is the Luhn check digit', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_EIN', 'error', '2010AA REF02', 'billing provider EIN ''{value}'' is not 9 digits', 'enter the practice''s 9-digit EIN (tax ID) without the dash', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_TAXONOMY', 'error', '2000A PRV03', 'billing provider taxonomy ''{value}'' is not a taxonomy code', 'enter the practice''s 10-character NUCC taxonomy code', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_ADDRESS', 'error', '2010AA N3/N4', 'billing provider address has no {value}', 'complete the practice''s street, city and state', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_ZIP9', 'error', '2010AA N403', 'billing provider ZIP ''{value}'' is not 9 digits', 'enter the practice''s ZIP+4 (9 digits, no dash)', 'medbill', '2026-01-01T00:00:00Z'),
('BILL_PO_BOX', 'error', '2010AA N301', 'billing provider address ''{value}'' is a post office box', 'use the practice''s street address and put the box in a pay-to address', 'medbill', '2026-01-01T00:00:00Z'),
('PAYTO_ADDRESS', 'error', '2010AB N3/N4', 'pay-to address has no {value}', 'complete the pay-to address or remove it', 'medbill', '2026-01-01T00:00:00Z'),
('COVERAGE', 'error', '2000B SBR', 'the claim has no insurance coverage', 'attach the patient''s coverage to the claim, or bill the patient', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_MEMBER_ID', 'error', '2010BA NM109', 'subscriber member ID is missing', 'enter the member ID from the insurance card', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_NAME', 'error', '2010BA NM103', 'subscriber {value} is missing', 'enter the subscriber''s last and first name on the coverage', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_DOB', 'error', '2010BA DMG02', 'subscriber date of birth is missing', 'enter the subscriber''s date of birth on the coverage', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_SEX', 'error', '2010BA DMG03', 'subscriber sex ''{value}'' is not M, F or U', 'enter the subscriber''s sex on the coverage', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_ADDRESS', 'error', '2010BA N3/N4', 'subscriber address has no {value}', 'complete the subscriber''s address', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_ZIP', 'error', '2010BA N403', 'subscriber ZIP ''{value}'' is not 5 or 9 digits', 'correct the subscriber''s ZIP code', 'medbill', '2026-01-01T00:00:00Z'),
('SUB_RELATION', 'error', '2000C PAT01', 'relationship ''{value}'' of the patient to the subscriber is not a code this claim can carry', 'use 01 spouse, 19 child, 20 employee, G8 other or 18 self', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_NAME', 'error', '2010CA NM103', 'patient {value} is missing', 'enter the patient''s last and first name', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_DOB', 'error', '2010CA DMG02', 'patient date of birth is missing', 'enter the patient''s date of birth', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_DOB_AFTER_DOS', 'error', '2010CA DMG02', 'patient date of birth {value} is after the date of service {dos}', 'correct the date of birth or the date of service', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_SEX', 'error', '2010CA DMG03', 'patient sex ''{value}'' is not M, F or U', 'enter the patient''s sex', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_ADDRESS', 'error', '2010CA N3/N4', 'patient address has no {value}', 'complete the patient''s address', 'medbill', '2026-01-01T00:00:00Z'),
('PAT_ZIP', 'error', '2010CA N403', 'patient ZIP ''{value}'' is not 5 or 9 digits', 'correct the patient''s ZIP code', 'medbill', '2026-01-01T00:00:00Z'),
('PAYER_ID', 'error', '2010BB NM109', 'payer ID is missing for {payer}', 'enter the payer''s electronic payer ID', 'medbill', '2026-01-01T00:00:00Z'),
('PAYER_NAME', 'error', '2010BB NM103', 'payer name is missing', 'enter the payer''s name', 'medbill', '2026-01-01T00:00:00Z'),
('FILING_CODE', 'error', '2000B SBR09', 'claim filing indicator ''{value}'' of {payer} is not a valid code', 'set the payer''s claim filing indicator (MB, MC, BL, CI, HM, ...)', 'medbill', '2026-01-01T00:00:00Z'),
('RECEIVER', 'error', '1000B NM1', 'no receiver for {payer}', 'set the payer''s receiver or the default receiver in the settings', 'medbill', '2026-01-01T00:00:00Z'),
('PCN', 'error', '2300 CLM01', 'patient control number ''{value}'' is not 1 to 20 characters', 'the claim needs a new patient control number', 'medbill', '2026-01-01T00:00:00Z'),
('FREQUENCY', 'error', '2300 CLM05-3', 'claim frequency ''{value}'' is not 1, 7 or 8', 'resubmit or void the claim through its commands', 'medbill', '2026-01-01T00:00:00Z'),
('PAYER_CLAIM_NO', 'error', '2300 REF*F8', 'a {value} claim needs the payer''s claim number of the original', 'enter the payer''s claim control number (from the remittance) on the claim', 'medbill', '2026-01-01T00:00:00Z'),
('POS', 'error', '2300 CLM05-1', 'place of service ''{value}'' is not a valid code', 'pick a place of service code (11 office, 22 outpatient, ...)', 'medbill', '2026-01-01T00:00:00Z'),
('ACCIDENT', 'error', '2300 CLM11', 'accident {value}', 'complete the accident date, cause and state on the encounter', 'medbill', '2026-01-01T00:00:00Z'),
('PRIOR_AUTH', 'error', '2300 REF*G1', 'prior authorization ''{value}'' is longer than 50 characters', 'shorten the prior authorization number', 'medbill', '2026-01-01T00:00:00Z'),
('RENDERING', 'error', '2310B NM1', 'the rendering provider is missing', 'pick the rendering provider on the encounter', 'medbill', '2026-01-01T00:00:00Z'),
('RENDERING_NPI', 'error', '2310B NM109', 'rendering provider NPI {value} fails its check digit', 'correct the rendering provider''s NPI', 'medbill', '2026-01-01T00:00:00Z'),
('RENDERING_TAXONOMY', 'error', '2310B PRV03', 'rendering provider taxonomy ''{value}'' is not a taxonomy code', 'enter the rendering provider''s 10-character NUCC taxonomy code', 'medbill', '2026-01-01T00:00:00Z'),
('REFERRING_NPI', 'error', '2310A NM109', 'referring provider NPI {value} fails its check digit', 'correct the referring provider''s NPI', 'medbill', '2026-01-01T00:00:00Z'),
('REFERRING_NAME', 'error', '2310A NM103', 'referring provider {value} is missing', 'enter the referring provider''s last and first name', 'medbill', '2026-01-01T00:00:00Z'),
('FACILITY_NPI', 'error', '2310C NM109', 'service facility NPI {value} fails its check digit', 'correct the service facility''s NPI', 'medbill', '2026-01-01T00:00:00Z'),
('FACILITY_ADDRESS', 'error', '2310C N3/N4', 'service facility address has no {value}', 'complete the service facility''s address', 'medbill', '2026-01-01T00:00:00Z'),
('FACILITY_ZIP', 'error', '2310C N403', 'service facility ZIP ''{value}'' is not 9 digits', 'enter the facility''s ZIP+4 (9 digits, no dash)', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_NONE', 'error', '2300 HI', 'the claim has no diagnosis', 'add at least one ICD-10-CM diagnosis to the encounter', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_MAX', 'error', '2300 HI', 'the claim has {n} diagnoses, more than the 12 a claim can carry', 'keep the 12 that the lines point to', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_FORMAT', 'error', '2300 HI', 'diagnosis {n} ''{value}'' is not an ICD-10-CM code', 'enter the code as a letter, digits and letters, without the dot', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_UNKNOWN', 'error', '2300 HI', 'diagnosis {n} {value} is not in ICD-10-CM for the date of service {dos}', 'pick a code from the code set in force on the date of service', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_NOT_BILLABLE', 'error', '2300 HI', 'diagnosis {n} {value} is a category, not a billable code', 'pick a more specific code under {value}', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_DUPLICATE', 'error', '2300 HI', 'diagnosis {n} {value} repeats diagnosis {max}', 'remove the repeated diagnosis', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_SEX_AGE', 'error', '2300 HI', 'diagnosis {n} {value} does not fit the patient: {detail}', 'check the diagnosis against the patient''s sex and age', 'medbill', '2026-01-01T00:00:00Z'),
('DIAG_EXTERNAL_FIRST', 'error', '2300 HI01', 'the principal diagnosis {value} is an external cause code', 'put the injury or condition first and the external cause after it', 'medbill', '2026-01-01T00:00:00Z'),
('LINES_NONE', 'error', '2400', 'the claim has no service lines', 'add a charge line to the encounter', 'medbill', '2026-01-01T00:00:00Z'),
('LINES_MAX', 'error', '2400', 'the claim has {n} lines, more than the {max} a claim can carry', 'put it back in the ready queue: the scrubber splits a ready claim into claims of at most 50 lines', 'medbill', '2026-01-01T00:00:00Z'),
('TOTAL', 'error', '2300 CLM02', 'claim total {value} is not the sum of its lines {max}', 'rebuild the claim from its charges', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_CODE', 'error', '2400 SV101-2', 'line {line}: procedure code ''{value}'' is not a valid CPT or HCPCS code on {dos}', 'pick a procedure code in force on the date of service', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_MODIFIER', 'error', '2400 SV101-3', 'line {line}: modifier ''{value}'' is not a valid modifier', 'pick a modifier from the list (25, 59, TC, ...)', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_MODIFIER_DUP', 'error', '2400 SV101-3', 'line {line}: modifier {value} is given twice', 'remove the repeated modifier', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_POINTER_NONE', 'error', '2400 SV107', 'line {line}: no diagnosis pointer', 'point the line at one to four of the claim''s diagnoses', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_POINTER', 'error', '2400 SV107', 'line {line}: diagnosis pointer {value} points past the {n} diagnoses', 'point the line at diagnoses 1 to {n}', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_POINTER_DUP', 'error', '2400 SV107', 'line {line}: diagnosis pointer {value} is given twice', 'remove the repeated pointer', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_UNITS', 'error', '2400 SV104', 'line {line}: units {value} must be greater than 0', 'enter the number of units', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_CHARGE', 'error', '2400 SV102', 'line {line}: charge {value} must be greater than 0', 'enter the line''s charge', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_DUPLICATE', 'error', '2400 SV1', 'line {line} repeats line {n} (same code, modifiers and date)', 'remove the duplicate, or add modifier 76 or 59 when the service was really repeated', 'medbill', '2026-01-01T00:00:00Z'),
('LINE_NDC', 'error', '2410 LIN03', 'line {line}: NDC ''{value}'' is not 11 digits with a unit and quantity', 'enter the 11-digit NDC (5-4-2, no dashes), its unit and its quantity', 'medbill', '2026-01-01T00:00:00Z'),
('DOS_FUTURE', 'error', '2400 DTP*472', 'date of service {dos} is in the future', 'bill the service once it has happened', 'medbill', '2026-01-01T00:00:00Z'),
('DOS_COVERAGE', 'error', '2400 DTP*472', 'date of service {dos} is outside the coverage dates {value}', 'attach the coverage in force on the date of service', 'medbill', '2026-01-01T00:00:00Z'),
('TIMELY_FILING', 'warning', '2400 DTP*472', 'date of service {dos} is past the {max}-day filing limit of {payer} (it closed on {value})', 'send it with proof of timely filing, or write the balance off', 'medbill', '2026-01-01T00:00:00Z'),
('TIMELY_FILING_NEAR', 'warning', '2400 DTP*472', '{payer}''s {max}-day filing limit for {dos} closes on {value}, in {n} days', 'send the claim now', 'medbill', '2026-01-01T00:00:00Z'),
('DELIMITER', 'error', '{field}', '{field} contains ''{value}'', a character X12 uses as a delimiter', 'remove the character from the {field}', 'medbill', '2026-01-01T00:00:00Z');
