ALTER TABLE support_skills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sharing_agreements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_person_skills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_person_unavailability FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rota_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_person_skills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_person_unavailability FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shared_support_programmes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE help_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE help_loans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rota_shifts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rota_swaps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_template_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_plan_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_tests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The shared taxonomy is reference data: every tenant reads it, the platform path maintains it.
GRANT SELECT ON support_skills TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON support_skills TO ssp_platform;
--> statement-breakpoint
-- A member keeps its own people, their skills and the periods they cannot be called on; people
-- leave, so their rows are deleted (the published copies go with the next publication).
GRANT SELECT, INSERT, UPDATE, DELETE ON support_people, support_person_skills, support_person_unavailability TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON support_people, support_person_skills, support_person_unavailability TO ssp_platform;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON sharing_agreements TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- What a member publishes is rewritten as a whole (deleted and inserted again) whenever its
-- agreement or people change, and deleted when it opts out.
GRANT SELECT, INSERT, DELETE ON shared_members, shared_people, shared_person_skills, shared_person_unavailability TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- The partnership's own records and those its members write into it: kept, never deleted (loans
-- and shifts are the history the benefits and the rota report are counted from).
GRANT SELECT, INSERT, UPDATE ON rota_shares, shared_support_programmes, help_requests, help_loans, rota_shifts, rota_swaps, recovery_templates, recovery_template_items TO ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON recovery_plans, recovery_plan_items TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- Recovery tests are append-only: a correction is a new test.
GRANT SELECT, INSERT ON recovery_tests TO ssp_runtime, ssp_platform;
--> statement-breakpoint
CREATE TRIGGER recovery_tests_refuse_update_delete BEFORE UPDATE OR DELETE ON recovery_tests
  FOR EACH ROW EXECUTE FUNCTION app.refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER recovery_tests_refuse_truncate BEFORE TRUNCATE ON recovery_tests
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_change_to_append_only_table();
