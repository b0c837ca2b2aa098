-- 0006_msp.sql: the Medicare Secondary Payer (MSP) insurance type code of a
-- coverage, SBR05 of loops 2000B and 2320 in the 837P (005010X222A1). The
-- guide requires it when the payer files as Medicare (claim filing
-- indicator MA or MB) and Medicare is not the primary payer; it says why
-- Medicare is secondary:
--   12 working aged beneficiary or spouse with an employer group health plan
--   13 end-stage renal disease beneficiary in the coordination period
--   14 no-fault insurance, including auto, is primary
--   15 workers' compensation
--   16 public health service or other federal agency
--   41 black lung
--   42 veterans' administration
--   43 disabled beneficiary under 65 with a large group health plan
--   47 other liability insurance is primary
-- NULL: none. The domain checks the code; existing rows stay loadable and
-- the scrubber's MSP_TYPE edit holds a Medicare secondary claim without it.
ALTER TABLE coverages ADD COLUMN insurance_type TEXT
	CHECK (insurance_type IS NULL OR insurance_type IN
		('12', '13', '14', '15', '16', '41', '42', '43', '47'));

-- The scrubber's edit: '{field}' is 2000B SBR05 (the claim's payer) or 2320
-- SBR05 (another payer), {value} the Medicare payer, {n} its order.
INSERT INTO edits (code, severity, field, message, fix, created_by, created_at) VALUES
('MSP_TYPE', 'error', '{field}', '{value} is Medicare as the {n} payer: its coverage needs an insurance type (MSP type, why Medicare is not primary)', 'enter the insurance type on the patient''s {value} coverage: 12 working aged, 13 ESRD, 14 no-fault, 15 workers'' comp, 16 federal, 41 black lung, 42 VA, 43 disabled, 47 liability', 'medbill', '2026-01-01T00:00:00Z');
