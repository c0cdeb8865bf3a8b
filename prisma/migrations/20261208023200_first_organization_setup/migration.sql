-- Issue 17: the first-run page creates an installation's first organisation through the API. The
-- request role tingjian_app may not INSERT into organizations (SPEC §2); this function, owned by
-- the migrating owner, creates one only while there is none, and answers NULL otherwise, so the
-- API can never create a second organisation (the operator's command line does that as owner).
-- A transaction-scoped advisory lock, held until the caller's transaction ends, serialises
-- concurrent calls: the second sees the first's organisation and creates nothing. The operator's
-- command line takes the same lock (server/src/services/organization/operator.ts).
CREATE OR REPLACE FUNCTION tingjian_create_first_organization(p_code text, p_name text, p_timezone text, p_at timestamptz)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  new_id uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tingjian.organization_setup'));
  IF EXISTS (SELECT 1 FROM organizations) THEN
    RETURN NULL;
  END IF;
  INSERT INTO organizations (code, name, timezone, created_at, updated_at)
  VALUES (p_code, p_name, p_timezone, p_at, p_at)
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

REVOKE ALL ON FUNCTION tingjian_create_first_organization(text, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tingjian_create_first_organization(text, text, text, timestamptz) TO tingjian_app;
