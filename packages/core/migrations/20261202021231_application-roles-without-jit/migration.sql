-- The application's statements are short reads and writes of one request. PostgreSQL compiles a
-- plan with LLVM (JIT) once its cost passes 100,000, and every tenant table's scan reads
-- app.current_tenant_ids(), whose COST of 10000 (so that it is computed once, not per row) lifts
-- the plans of wide contexts past that: in a context of 10,000 schools, JIT took 2.0 s of a
-- 2.16 s statement that runs in 118 ms without it. The application's roles go without JIT; a
-- session's role settings apply as it logs in (Citus propagates them to its workers).
ALTER ROLE ssp_runtime SET jit = off;
--> statement-breakpoint
ALTER ROLE ssp_platform SET jit = off;
