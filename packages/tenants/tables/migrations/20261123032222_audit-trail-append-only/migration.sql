-- Append-only tables refuse change from everyone, the owner included: a row trigger for UPDATE
-- and DELETE, and a statement trigger for TRUNCATE (row triggers do not fire on it). A
-- correction is a new row.
CREATE OR REPLACE FUNCTION app.refuse_change_to_append_only_table() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed (record a correcting entry instead)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
-- Insert and read only; no UPDATE, DELETE or TRUNCATE grant to either role.
GRANT SELECT, INSERT ON audit_events TO ssp_runtime, ssp_platform;
