-- Access control (SPEC §2, SEC-3, SEC-6): defence in depth below the GraphQL schema.
-- Hand-written: Prisma's schema language cannot express roles, row-level security, grants or
-- CHECK constraints.

-- The role every API request runs as (SET LOCAL ROLE inside the request's transaction). Roles are
-- cluster-wide on a PostgreSQL server, so it may already exist from another database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tingjian_app') THEN
    CREATE ROLE tingjian_app NOLOGIN;
  END IF;
  -- The connecting user must be able to switch to it (a superuser always can).
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tingjian_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO tingjian_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tingjian_app;
REVOKE ALL ON "_prisma_migrations" FROM tingjian_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tingjian_app;

-- Append-only records: the event timeline (SPEC §5), the access log (SEC-3), revisions (SEC-6),
-- classification history (SEC-5) and login attempts are never changed or removed by the API.
REVOKE UPDATE, DELETE ON complaint_events, access_logs, record_revisions, classification_changes, login_attempts FROM tingjian_app;

-- SPEC §2: no query ever crosses organisations. Every table with an organization_id is confined
-- to the organisation of the request (the GUC tingjian.organization_id, set per transaction);
-- unset means no rows at all. A later migration that adds a table calls this function for it
-- (a test fails for any organisation-owned table without the policy).
CREATE OR REPLACE FUNCTION tingjian_enable_tenant_isolation(tbl regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format($p$CREATE POLICY tenant_isolation ON %s TO tingjian_app
    USING (organization_id = NULLIF(current_setting('tingjian.organization_id', true), '')::uuid)
    WITH CHECK (organization_id = NULLIF(current_setting('tingjian.organization_id', true), '')::uuid)$p$, tbl);
END $$;

DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
           WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    PERFORM tingjian_enable_tenant_isolation(format('public.%I', t)::regclass);
  END LOOP;
END $$;

-- Organisations: their code and name are shown on the sign-in page, so any request may read
-- them; only the request's own organisation may be changed.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON organizations FOR SELECT TO tingjian_app USING (true);
CREATE POLICY organization_write ON organizations FOR UPDATE TO tingjian_app
  USING (id = NULLIF(current_setting('tingjian.organization_id', true), '')::uuid);
REVOKE INSERT, DELETE ON organizations FROM tingjian_app;

-- Domain ranges the API also validates; the database refuses them from any path.
ALTER TABLE working_time_slots ADD CONSTRAINT working_time_slots_weekday_check CHECK (weekday BETWEEN 1 AND 7);
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_follows_weekday_check CHECK (follows_weekday IS NULL OR follows_weekday BETWEEN 1 AND 7);
ALTER TABLE callback_ratings ADD CONSTRAINT callback_ratings_rating_check CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_rating_check CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
ALTER TABLE working_time_slots ADD CONSTRAINT working_time_slots_minutes_check CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440);
