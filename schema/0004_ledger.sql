-- 0004_ledger.sql: what the claims, the ledger checks and aging need beyond
-- the core tables.

-- The claim builder's batch a claim was sent in (NULL: none). The batches
-- table is the builder's; only the number is kept here, for filtering.
ALTER TABLE claims ADD COLUMN batch_id INTEGER;
CREATE INDEX claims_batch ON claims(batch_id) WHERE batch_id IS NOT NULL;

-- The ledger in (charge line, party) order with the amount: a balance is a
-- range of this index, and the projection check reads it in order with no
-- sort. It covers every use of the core index on charge_id alone.
DROP INDEX IF EXISTS ledger_charge;
CREATE INDEX ledger_charge_party ON ledger(charge_id, coverage_id, amount);
CREATE INDEX ledger_xfer ON ledger(xfer_id) WHERE xfer_id IS NOT NULL;
CREATE INDEX ledger_reversal ON ledger(reverses_id) WHERE reverses_id IS NOT NULL;

-- Per-day sums of the balances projection by payer (0: patient
-- responsibility), kept in the same transaction as balances: the by-payer
-- aging reads a few hundred of these rows instead of millions of balances.
CREATE TABLE balance_days (
	payer_id INTEGER NOT NULL,
	dos TEXT NOT NULL,
	amount INTEGER NOT NULL,
	PRIMARY KEY (payer_id, dos)
) WITHOUT ROWID;

-- The by-payer drill-down and the per-day sums' check read this one in
-- (payer, dos) order with no table lookups; it replaces the core index on
-- (payer_id, dos).
DROP INDEX IF EXISTS balances_payer;
CREATE INDEX balances_payer_aging ON balances(payer_id, dos, amount, claim_id, patient_id)
	WHERE amount <> 0;
-- Patient-responsibility aging and its drill-down, covering the amount.
CREATE INDEX balances_patient_aging ON balances(patient_id, dos, amount)
	WHERE party = 0 AND amount <> 0;
-- Credits are few: the credit check reads only them.
CREATE INDEX balances_credit ON balances(charge_id, party) WHERE amount < 0;
