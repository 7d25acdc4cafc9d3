ALTER TABLE calendar_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE nation_calendars FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Calendars are reference data: every tenant reads them (its SLA clocks count on them); only the
-- platform path changes them. A version is history: appended, never changed.
GRANT SELECT ON calendar_versions, nation_calendars TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT ON calendar_versions TO ssp_platform;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON nation_calendars TO ssp_platform;
--> statement-breakpoint
-- An import that no longer lists a holiday removes it from the current calendar (the version
-- keeps what was removed).
GRANT DELETE ON bank_holidays TO ssp_platform;
--> statement-breakpoint
CREATE TRIGGER calendar_versions_refuse_update_delete BEFORE UPDATE OR DELETE ON calendar_versions
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER calendar_versions_refuse_truncate BEFORE TRUNCATE ON calendar_versions
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
-- A database seeded before calendars were data: its bank holidays become each nation's version 1.
INSERT INTO calendar_versions (nation, version, source, added, removed)
  SELECT nation, 1, 'generator', jsonb_agg(jsonb_build_object('date', date, 'name', name) ORDER BY date), '[]'::jsonb
  FROM bank_holidays GROUP BY nation;
--> statement-breakpoint
INSERT INTO nation_calendars (nation, version, holiday_epoch_days)
  SELECT nation, 1, array_agg(date - date '1970-01-01' ORDER BY date) FROM bank_holidays GROUP BY nation;
