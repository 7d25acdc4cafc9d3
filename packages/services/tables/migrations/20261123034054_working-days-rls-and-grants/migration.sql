ALTER TABLE working_days FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON working_days TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON working_days TO ssp_platform;
