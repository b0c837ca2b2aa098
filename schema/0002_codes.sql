-- 0002_codes.sql: the code sets.
--
-- Loaded from the official files by 'medbill import': ICD-10-CM by fiscal
-- year, HCPCS Level II, and a CPT file the practice licenses. Loaded from the
-- shipped tables in data/ by 'medbill init': modifiers, place of service,
-- CARC, RARC, claim adjustment groups, claim status category (507) and claim
-- status (508), service type (1365), provider taxonomy. One FTS5 index serves
-- type-ahead search over the searchable systems.
--
-- Codes are kept upper case and without the ICD-10-CM dot (E119); dates are
-- ISO text.

-- One row per file loaded: what, which version, and its fingerprint, so
-- that importing the same file again changes nothing.
CREATE TABLE code_sets (
	system TEXT NOT NULL,			-- icd10cm, hcpcs, cpt, sex-age
	version TEXT NOT NULL,			-- icd10cm: the fiscal year ('2023')
	source TEXT NOT NULL,			-- the file's base name
	fingerprint TEXT NOT NULL,		-- FNV-1a of its decompressed bytes, hex
	codes INTEGER NOT NULL,
	valid_from TEXT, valid_to TEXT,		-- icd10cm FY N: (N-1)-10-01 .. N-09-30
	imported_by TEXT NOT NULL, imported_at TEXT NOT NULL,
	PRIMARY KEY (system, version)
) WITHOUT ROWID;

-- ICD-10-CM: every diag of the Tabular List and every 7th-character
-- expansion, per fiscal year. A newer year never replaces an older one.
CREATE TABLE icd10cm_codes (
	code TEXT NOT NULL,			-- without the dot: S52521A
	fy INTEGER NOT NULL,
	description TEXT NOT NULL,
	billable INTEGER NOT NULL CHECK (billable IN (0, 1)),	-- a leaf: a complete code
	chapter INTEGER NOT NULL,
	section TEXT NOT NULL,			-- 'S50-S59'
	PRIMARY KEY (code, fy)
) WITHOUT ROWID;

-- The notes a coder needs, as the Tabular List gives them, in order.
CREATE TABLE icd10cm_notes (
	code TEXT NOT NULL,
	fy INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	kind TEXT NOT NULL,			-- includes, inclusionTerm, excludes1, excludes2,
						-- codeFirst, useAdditionalCode, codeAlso, notes,
						-- sevenChrNote, sevenChrDef
	note TEXT NOT NULL,
	PRIMARY KEY (code, fy, seq)
) WITHOUT ROWID;

-- HCPCS Level II procedures, from the CMS annual file (the newest file loaded wins).
CREATE TABLE hcpcs_codes (
	code TEXT PRIMARY KEY,
	short_desc TEXT NOT NULL,
	long_desc TEXT NOT NULL,
	coverage TEXT,				-- C D I M S
	action TEXT,				-- the CMS action code of the file's year
	added TEXT,
	action_effective TEXT,
	terminated TEXT,			-- last date of service it may be used, or NULL
	version TEXT NOT NULL			-- the file's year
) WITHOUT ROWID;

-- CPT from a file the practice licenses from the AMA. Empty unless loaded:
-- medbill ships no CPT descriptions.
CREATE TABLE cpt_codes (
	code TEXT PRIMARY KEY,
	description TEXT NOT NULL
) WITHOUT ROWID;

-- The code lists: modifiers (HCPCS from the CMS file, common CPT ones in our
-- own words), place of service, CARC, RARC, group codes, 507, 508, 1365.
CREATE TABLE ref_codes (
	list TEXT NOT NULL CHECK (list IN ('modifier', 'pos', 'carc', 'rarc', 'group',
		'csc507', 'csc508', 'stc1365')),
	code TEXT NOT NULL,
	description TEXT NOT NULL,
	effective TEXT,
	deactivated TEXT,			-- last date it may be used, or NULL
	modified TEXT,
	notes TEXT,
	source TEXT NOT NULL,			-- the file it came from, or 'medbill'
	PRIMARY KEY (list, code)
) WITHOUT ROWID;

-- NUCC Health Care Provider Taxonomy.
CREATE TABLE taxonomy_codes (
	code TEXT PRIMARY KEY,			-- 207Q00000X
	grouping TEXT NOT NULL,
	classification TEXT NOT NULL,
	specialization TEXT,
	display_name TEXT,
	section TEXT,
	definition TEXT
) WITHOUT ROWID;

-- Sex and age edits per code: loadable ('medbill import sex-age FILE.csv'),
-- empty until loaded (the CDC XML carries none). A code matches a row when
-- its first characters fall in code_from .. code_to (prefixes without dots:
-- 'O00' .. 'O9A' matches O09.529).
CREATE TABLE code_sex_age_edits (
	system TEXT NOT NULL CHECK (system IN ('icd10cm', 'hcpcs', 'cpt')),
	code_from TEXT NOT NULL,
	code_to TEXT NOT NULL,
	sex TEXT CHECK (sex IS NULL OR sex IN ('M', 'F')),	-- the only sex allowed
	age_min INTEGER CHECK (age_min IS NULL OR age_min >= 0),	-- in whole years, inclusive
	age_max INTEGER CHECK (age_max IS NULL OR age_max >= 0),
	message TEXT NOT NULL,
	PRIMARY KEY (system, code_from, code_to),
	CHECK (code_from <= code_to)
) WITHOUT ROWID;

-- Type-ahead search: one row per searchable code (ICD-10-CM from the newest
-- fiscal year loaded), kept in step by the importers; code_fts indexes its
-- text through the triggers below.
CREATE TABLE code_search (
	id INTEGER PRIMARY KEY,
	system TEXT NOT NULL,			-- icd10cm hcpcs cpt modifier pos carc rarc
	code TEXT NOT NULL,			-- upper case, without the dot
	display TEXT NOT NULL,			-- as shown: J02.0
	description TEXT NOT NULL,
	terms TEXT NOT NULL DEFAULT '',		-- more words that find it: inclusion terms
	billable INTEGER NOT NULL DEFAULT 1,
	UNIQUE (system, code)
);
CREATE INDEX code_search_code ON code_search(code);

-- Only which rows hold a word is kept (detail=none: the ranking is done by
-- the domain), with prefix indexes so that a word being typed is found fast.
CREATE VIRTUAL TABLE code_fts USING fts5(description, terms,
	content='code_search', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8', detail=none);

CREATE TRIGGER code_search_ai AFTER INSERT ON code_search BEGIN
	INSERT INTO code_fts(rowid, description, terms) VALUES (new.id, new.description, new.terms);
END;
CREATE TRIGGER code_search_ad AFTER DELETE ON code_search BEGIN
	INSERT INTO code_fts(code_fts, rowid, description, terms)
		VALUES ('delete', old.id, old.description, old.terms);
END;
CREATE TRIGGER code_search_au AFTER UPDATE ON code_search BEGIN
	INSERT INTO code_fts(code_fts, rowid, description, terms)
		VALUES ('delete', old.id, old.description, old.terms);
	INSERT INTO code_fts(rowid, description, terms) VALUES (new.id, new.description, new.terms);
END;
