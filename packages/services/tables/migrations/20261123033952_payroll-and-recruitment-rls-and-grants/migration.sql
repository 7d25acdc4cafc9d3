ALTER TABLE payrolls FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE pay_periods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payroll_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payroll_errors FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dbs_checks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contract_letters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Operational records the partnership keeps for each customer; corrected in place when a date
-- was keyed wrongly, never deleted (the KPIs are computed from them).
GRANT SELECT, INSERT, UPDATE ON payrolls, pay_periods, payroll_changes, payroll_errors, dbs_checks, contract_letters
  TO ssp_runtime, ssp_platform;
