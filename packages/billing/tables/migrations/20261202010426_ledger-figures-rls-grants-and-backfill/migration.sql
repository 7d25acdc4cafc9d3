ALTER TABLE savings_ledger_figures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Kept from the ledger: each append rewrites its opportunity and year's row, or removes it when
-- every entry of that year has been reversed.
GRANT SELECT, INSERT, UPDATE, DELETE ON savings_ledger_figures TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- The figures of the ledger as it stands, by the ledger's rule (ledger-figures.ts): the latest
-- entry per opportunity and year that no reversal withdraws.
INSERT INTO savings_ledger_figures (tenant_id, opportunity_id, fiscal_year, entry_id, amount_pence, basis, recorded_at)
SELECT DISTINCT ON (e.tenant_id, e.opportunity_id, e.fiscal_year)
       e.tenant_id, e.opportunity_id, e.fiscal_year, e.id, e.amount_pence, e.basis, e.recorded_at
  FROM savings_ledger_entries e
 WHERE e.kind <> 'reversal'
   AND NOT EXISTS (
         SELECT 1 FROM savings_ledger_entries r
          WHERE r.tenant_id = e.tenant_id AND r.kind = 'reversal' AND r.reverses_entry_id = e.id)
 ORDER BY e.tenant_id, e.opportunity_id, e.fiscal_year, e.recorded_at DESC, e.id DESC;
