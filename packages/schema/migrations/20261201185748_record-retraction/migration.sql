ALTER TABLE "pay_periods" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "application_stages" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;