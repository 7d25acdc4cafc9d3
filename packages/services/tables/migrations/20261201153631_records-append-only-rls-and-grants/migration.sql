ALTER TABLE record_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vacancies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE application_stages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Payroll and recruitment records are bitemporal and append-only: a correction is a new version
-- (corrects_id, version), never an update, so what was known at any instant can be read back.
-- Insert and read only, and triggers refuse UPDATE, DELETE and TRUNCATE from everyone.
REVOKE UPDATE, DELETE, TRUNCATE ON payrolls, pay_periods, payroll_changes, payroll_errors, dbs_checks, contract_letters
  FROM ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT SELECT, INSERT ON vacancies, applications, application_stages, record_imports TO ssp_runtime, ssp_platform;
--> statement-breakpoint
CREATE TRIGGER payrolls_refuse_update_delete BEFORE UPDATE OR DELETE ON payrolls
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER payrolls_refuse_truncate BEFORE TRUNCATE ON payrolls
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER pay_periods_refuse_update_delete BEFORE UPDATE OR DELETE ON pay_periods
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER pay_periods_refuse_truncate BEFORE TRUNCATE ON pay_periods
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER payroll_changes_refuse_update_delete BEFORE UPDATE OR DELETE ON payroll_changes
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER payroll_changes_refuse_truncate BEFORE TRUNCATE ON payroll_changes
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER payroll_errors_refuse_update_delete BEFORE UPDATE OR DELETE ON payroll_errors
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER payroll_errors_refuse_truncate BEFORE TRUNCATE ON payroll_errors
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER dbs_checks_refuse_update_delete BEFORE UPDATE OR DELETE ON dbs_checks
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER dbs_checks_refuse_truncate BEFORE TRUNCATE ON dbs_checks
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER contract_letters_refuse_update_delete BEFORE UPDATE OR DELETE ON contract_letters
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER contract_letters_refuse_truncate BEFORE TRUNCATE ON contract_letters
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER vacancies_refuse_update_delete BEFORE UPDATE OR DELETE ON vacancies
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER vacancies_refuse_truncate BEFORE TRUNCATE ON vacancies
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER applications_refuse_update_delete BEFORE UPDATE OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER applications_refuse_truncate BEFORE TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER application_stages_refuse_update_delete BEFORE UPDATE OR DELETE ON application_stages
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER application_stages_refuse_truncate BEFORE TRUNCATE ON application_stages
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
-- The log of written imports is a fact too: it answers every retry of its key.
CREATE TRIGGER record_imports_refuse_update_delete BEFORE UPDATE OR DELETE ON record_imports
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER record_imports_refuse_truncate BEFORE TRUNCATE ON record_imports
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
