ALTER TABLE affordability_charges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reduction_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE savings_opportunities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE savings_ledger_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE statement_credits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A charge is set and later changed (the audit trail keeps each before and after); an
-- opportunity moves from proposed to accepted or rejected, then delivered.
GRANT SELECT, INSERT, UPDATE ON affordability_charges, savings_opportunities TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- A reduction request is a fact once made: insert and read only.
GRANT SELECT, INSERT ON reduction_requests TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- The savings ledger and statement credits are append-only: insert and read only, and triggers
-- refuse UPDATE, DELETE and TRUNCATE from everyone, the owner included. A correction is a new entry.
GRANT SELECT, INSERT ON savings_ledger_entries, statement_credits TO ssp_runtime, ssp_platform;
--> statement-breakpoint
CREATE TRIGGER savings_ledger_entries_refuse_update_delete BEFORE UPDATE OR DELETE ON savings_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER savings_ledger_entries_refuse_truncate BEFORE TRUNCATE ON savings_ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER statement_credits_refuse_update_delete BEFORE UPDATE OR DELETE ON statement_credits
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER statement_credits_refuse_truncate BEFORE TRUNCATE ON statement_credits
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
