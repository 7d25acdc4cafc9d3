ALTER TABLE shared_read_receipts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Receipts of reads between members are append-only: insert and read, nothing else.
GRANT SELECT, INSERT ON shared_read_receipts TO ssp_runtime, ssp_platform;
--> statement-breakpoint
CREATE TRIGGER shared_read_receipts_refuse_update_delete BEFORE UPDATE OR DELETE ON shared_read_receipts
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER shared_read_receipts_refuse_truncate BEFORE TRUNCATE ON shared_read_receipts
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
