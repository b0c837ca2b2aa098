-- 0007_claim_state.sql: a claim's workflow state in a narrow table of its
-- own. The claim row (encounter, coverage, CLM01, frequency, total) is
-- written once; the state (its status and the last batch that carried it)
-- changes through the claim's life, often for thousands of claims at once:
-- a build marks every claim it sends submitted, an 835 marks them paid. A
-- row of about 20 bytes keeps such an update to a few pages where the wide
-- claim rows spread it over the whole claims table.
CREATE TABLE claim_state (
	claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
	status TEXT NOT NULL,
	batch_id INTEGER			-- the last batch that carried it
);
INSERT INTO claim_state (claim_id, status, batch_id) SELECT id, status, batch_id FROM claims;
DROP INDEX claims_status;
DROP INDEX claims_batch;
ALTER TABLE claims DROP COLUMN status;
ALTER TABLE claims DROP COLUMN batch_id;
CREATE INDEX claim_state_status ON claim_state(status);
CREATE INDEX claim_state_batch ON claim_state(batch_id) WHERE batch_id IS NOT NULL;
