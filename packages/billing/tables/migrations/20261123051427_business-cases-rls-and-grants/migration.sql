ALTER TABLE business_cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_workstreams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_line_amounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_stated_figures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_stated_figure_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE business_case_line_opportunities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A business case is recorded as the document states it, in one step, and read from then on: its
-- figures are computed from the lines, so nothing is ever updated. Linking a line to the savings
-- opportunities that deliver it only adds rows.
GRANT SELECT, INSERT ON business_cases, business_case_workstreams, business_case_lines, business_case_line_amounts,
  business_case_stated_figures, business_case_stated_figure_lines, business_case_line_opportunities
  TO ssp_runtime, ssp_platform;
