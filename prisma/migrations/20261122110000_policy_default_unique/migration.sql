-- SPEC §6: one organisation default per policy key and effective date. The unique key
-- (organization_id, key, estate_id, effective_from) does not hold for defaults, whose estate_id
-- is NULL (NULLs are distinct in a unique index), so defaults get their own partial index.
CREATE UNIQUE INDEX policy_values_default_key ON policy_values (organization_id, key, effective_from) WHERE estate_id IS NULL;
