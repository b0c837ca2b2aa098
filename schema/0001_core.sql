-- 0001_core.sql: the practice, its people and payers, encounters, claims and
-- the append-only ledger with its open-balance projection.
--
-- Dates are ISO 8601 text (YYYY-MM-DD); timestamps are YYYY-MM-DDTHH:MM:SSZ.
-- Money is integer cents. Every row records who wrote it and when.

-- The billing provider (loop 2010AA); one row.
CREATE TABLE practice (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	name TEXT NOT NULL,
	npi TEXT NOT NULL,
	ein TEXT NOT NULL,
	taxonomy TEXT NOT NULL,
	addr1 TEXT NOT NULL, addr2 TEXT, city TEXT NOT NULL, state TEXT NOT NULL, zip TEXT NOT NULL,
	phone TEXT,
	payto_addr1 TEXT, payto_addr2 TEXT, payto_city TEXT, payto_state TEXT, payto_zip TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);

-- Clearinghouses and payers that receive interchanges (loop 1000B, ISA08, GS03).
CREATE TABLE receivers (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	receiver_id TEXT NOT NULL,		-- NM109 of 1000B
	isa_qual TEXT NOT NULL DEFAULT 'ZZ',	-- ISA07
	isa_id TEXT NOT NULL,			-- ISA08
	gs_id TEXT NOT NULL,			-- GS03
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);

-- Submitter and interchange settings; one row.
CREATE TABLE settings (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	submitter_name TEXT NOT NULL,
	submitter_id TEXT NOT NULL,		-- NM109 of 1000A
	contact_name TEXT NOT NULL,
	contact_phone TEXT, contact_email TEXT,
	isa_qual TEXT NOT NULL DEFAULT 'ZZ',	-- ISA05
	isa_id TEXT NOT NULL,			-- ISA06
	gs_id TEXT NOT NULL,			-- GS02
	usage TEXT NOT NULL DEFAULT 'T' CHECK (usage IN ('T', 'P')),	-- ISA15
	default_receiver INTEGER REFERENCES receivers(id),
	updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);

CREATE TABLE providers (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('rendering', 'referring', 'facility')),
	last_name TEXT NOT NULL,		-- or the organisation's name
	first_name TEXT,
	npi TEXT NOT NULL,
	taxonomy TEXT,
	addr1 TEXT, addr2 TEXT, city TEXT, state TEXT, zip TEXT,
	active INTEGER NOT NULL DEFAULT 1,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);

CREATE TABLE payers (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	payer_id TEXT NOT NULL UNIQUE,		-- NM109 of 2010BB
	filing_code TEXT NOT NULL,		-- SBR09: MB, MC, BL, CI, HM, ...
	addr1 TEXT, addr2 TEXT, city TEXT, state TEXT, zip TEXT,
	timely_days INTEGER NOT NULL DEFAULT 365 CHECK (timely_days > 0),
	receiver_id INTEGER REFERENCES receivers(id),
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);

CREATE TABLE patients (
	id INTEGER PRIMARY KEY,
	account TEXT NOT NULL UNIQUE,
	last_name TEXT NOT NULL COLLATE NOCASE,
	first_name TEXT NOT NULL COLLATE NOCASE,
	middle_name TEXT,
	dob TEXT NOT NULL,
	sex TEXT NOT NULL CHECK (sex IN ('M', 'F', 'U')),
	addr1 TEXT NOT NULL, addr2 TEXT, city TEXT NOT NULL, state TEXT NOT NULL, zip TEXT NOT NULL,
	phone TEXT,
	guarantor_id INTEGER REFERENCES patients(id),	-- NULL: the patient is their own guarantor
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX patients_name ON patients(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX patients_dob ON patients(dob);

CREATE TABLE coverages (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients(id),
	payer_id INTEGER NOT NULL REFERENCES payers(id),
	seq INTEGER NOT NULL CHECK (seq IN (1, 2, 3)),	-- primary, secondary, tertiary
	member_id TEXT NOT NULL,
	group_no TEXT,
	relationship TEXT NOT NULL DEFAULT '18',	-- 18 self, 01 spouse, 19 child, 20 employee, G8 other
	sub_last TEXT, sub_first TEXT, sub_middle TEXT, sub_dob TEXT, sub_sex TEXT,
	sub_addr1 TEXT, sub_addr2 TEXT, sub_city TEXT, sub_state TEXT, sub_zip TEXT,
	effective TEXT NOT NULL,
	end_date TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX coverages_patient ON coverages(patient_id, seq);
CREATE INDEX coverages_member ON coverages(member_id);

CREATE TABLE encounters (
	id INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients(id),
	dos TEXT NOT NULL,
	rendering_id INTEGER NOT NULL REFERENCES providers(id),
	referring_id INTEGER REFERENCES providers(id),
	facility_id INTEGER REFERENCES providers(id),
	pos TEXT NOT NULL,
	prior_auth TEXT,
	onset_date TEXT,
	accident_date TEXT,
	accident_code TEXT CHECK (accident_code IS NULL OR accident_code IN ('AA', 'EM', 'OA')),
	accident_state TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX encounters_patient ON encounters(patient_id, dos);

CREATE TABLE diagnoses (
	encounter_id INTEGER NOT NULL REFERENCES encounters(id),
	seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 12),
	code TEXT NOT NULL,			-- ICD-10-CM without the dot
	PRIMARY KEY (encounter_id, seq)
) WITHOUT ROWID;

CREATE TABLE charges (
	id INTEGER PRIMARY KEY,
	encounter_id INTEGER NOT NULL REFERENCES encounters(id),
	line_no INTEGER NOT NULL,
	code TEXT NOT NULL,
	mod1 TEXT, mod2 TEXT, mod3 TEXT, mod4 TEXT,
	units INTEGER NOT NULL CHECK (units > 0),
	amount INTEGER NOT NULL CHECK (amount > 0),	-- cents, the line's total charge
	ptr1 INTEGER NOT NULL CHECK (ptr1 BETWEEN 1 AND 12),
	ptr2 INTEGER CHECK (ptr2 BETWEEN 1 AND 12),
	ptr3 INTEGER CHECK (ptr3 BETWEEN 1 AND 12),
	ptr4 INTEGER CHECK (ptr4 BETWEEN 1 AND 12),
	ndc TEXT, ndc_unit TEXT, ndc_qty TEXT,
	note TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL,
	UNIQUE (encounter_id, line_no)
);

CREATE TABLE claims (
	id INTEGER PRIMARY KEY,
	encounter_id INTEGER NOT NULL REFERENCES encounters(id),
	coverage_id INTEGER REFERENCES coverages(id),	-- NULL: patient responsibility, never sent
	pcn TEXT NOT NULL UNIQUE CHECK (length(pcn) BETWEEN 1 AND 20),	-- CLM01
	frequency TEXT NOT NULL DEFAULT '1' CHECK (frequency IN ('1', '7', '8')),
	original_id INTEGER REFERENCES claims(id),
	payer_claim_no TEXT,			-- the payer's ICN, for REF*F8
	status TEXT NOT NULL,
	total INTEGER NOT NULL,			-- cents: the sum of its lines
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_encounter ON claims(encounter_id);

-- The charge lines a claim carries, in order (a split claim carries a part).
CREATE TABLE claim_lines (
	claim_id INTEGER NOT NULL REFERENCES claims(id),
	line_no INTEGER NOT NULL,		-- LX01
	charge_id INTEGER NOT NULL REFERENCES charges(id),
	PRIMARY KEY (claim_id, line_no)
) WITHOUT ROWID;
CREATE INDEX claim_lines_charge ON claim_lines(charge_id);

CREATE TABLE claim_history (
	id INTEGER PRIMARY KEY,
	claim_id INTEGER NOT NULL REFERENCES claims(id),
	status TEXT NOT NULL,
	note TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX claim_history_claim ON claim_history(claim_id);

CREATE TABLE fees (
	code TEXT PRIMARY KEY,
	fee INTEGER NOT NULL CHECK (fee > 0),
	description TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE fee_expected (
	code TEXT NOT NULL REFERENCES fees(code),
	payer_id INTEGER NOT NULL REFERENCES payers(id),
	expected INTEGER NOT NULL CHECK (expected >= 0),
	PRIMARY KEY (code, payer_id)
) WITHOUT ROWID;

-- The ledger: append-only. Each row moves money on one charge line for one
-- party: coverage_id is the insurance party, NULL is the patient.
-- amount is the signed effect on that party's balance (a charge is positive,
-- a payment or adjustment negative). A transfer is two rows sharing xfer_id.
CREATE TABLE ledger (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('charge', 'ins_payment', 'pat_payment', 'adjustment',
		'transfer', 'refund', 'writeoff', 'reversal')),
	charge_id INTEGER NOT NULL REFERENCES charges(id),
	claim_id INTEGER REFERENCES claims(id),
	coverage_id INTEGER REFERENCES coverages(id),
	amount INTEGER NOT NULL,
	posted TEXT NOT NULL,			-- accounting date
	group_code TEXT CHECK (group_code IS NULL OR group_code IN ('CO', 'CR', 'OA', 'PI', 'PR')),
	reason_code TEXT,			-- CARC
	xfer_id INTEGER,			-- pairs the two rows of a transfer
	reverses_id INTEGER UNIQUE REFERENCES ledger(id),
	credit_reason TEXT,			-- why a balance may go negative (overpayment, prepayment)
	reference TEXT,				-- check or EFT number
	note TEXT,
	created_by TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX ledger_charge ON ledger(charge_id);
CREATE INDEX ledger_claim ON ledger(claim_id);

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: post a reversal'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: post a reversal'); END;

-- The open-balance projection, kept in the same transaction as each ledger
-- row: one row per charge line and party. party is the coverage id, 0 for
-- the patient. Aging and account views read this, never the ledger.
CREATE TABLE balances (
	charge_id INTEGER NOT NULL REFERENCES charges(id),
	party INTEGER NOT NULL,
	patient_id INTEGER NOT NULL REFERENCES patients(id),
	payer_id INTEGER REFERENCES payers(id),	-- NULL for the patient party
	claim_id INTEGER REFERENCES claims(id),
	dos TEXT NOT NULL,
	amount INTEGER NOT NULL,
	PRIMARY KEY (charge_id, party)
) WITHOUT ROWID;
CREATE INDEX balances_payer ON balances(payer_id, dos) WHERE amount <> 0;
CREATE INDEX balances_patient ON balances(patient_id);
