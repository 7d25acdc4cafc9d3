CREATE TABLE "savings_ledger_figures" (
	"tenant_id" uuid,
	"opportunity_id" uuid,
	"fiscal_year" smallint,
	"entry_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"basis" "ledger_basis" NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "savings_ledger_figures_pkey" PRIMARY KEY("tenant_id","fiscal_year","opportunity_id")
);
--> statement-breakpoint
ALTER TABLE "savings_ledger_figures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "savings_ledger_figures" ADD CONSTRAINT "savings_ledger_figures_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "savings_ledger_figures" ADD CONSTRAINT "savings_ledger_figures_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "savings_opportunities"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "savings_ledger_figures" ADD CONSTRAINT "savings_ledger_figures_entry_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "savings_ledger_entries"("tenant_id","id");--> statement-breakpoint
CREATE POLICY "savings_ledger_figures_tenant_isolation" ON "savings_ledger_figures" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("savings_ledger_figures"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("savings_ledger_figures"."tenant_id"));--> statement-breakpoint
CREATE POLICY "savings_ledger_figures_platform_access" ON "savings_ledger_figures" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);