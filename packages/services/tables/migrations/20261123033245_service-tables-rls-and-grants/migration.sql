ALTER TABLE service_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_offerings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sla_definitions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE bank_holidays FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_request_status_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_request_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Reference data: every tenant reads it; only the platform path maintains it (never deleted:
-- requests point at offerings and SLA versions).
GRANT SELECT ON service_lines, service_offerings, sla_definitions, bank_holidays TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON service_lines, service_offerings, sla_definitions, bank_holidays TO ssp_platform;
--> statement-breakpoint
-- Subscriptions are created on the platform path (onboarding); tenants read them.
GRANT SELECT ON subscriptions TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON subscriptions TO ssp_platform;
--> statement-breakpoint
-- Requests: raised and updated by tenants and the partnership's agents. Never deleted.
GRANT SELECT, INSERT, UPDATE ON service_requests TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- Status history and comments are append-only.
GRANT SELECT, INSERT ON service_request_status_changes, service_request_comments TO ssp_runtime, ssp_platform;
--> statement-breakpoint
CREATE TRIGGER service_request_status_changes_refuse_update_delete BEFORE UPDATE OR DELETE ON service_request_status_changes
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER service_request_status_changes_refuse_truncate BEFORE TRUNCATE ON service_request_status_changes
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER service_request_comments_refuse_update_delete BEFORE UPDATE OR DELETE ON service_request_comments
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER service_request_comments_refuse_truncate BEFORE TRUNCATE ON service_request_comments
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
