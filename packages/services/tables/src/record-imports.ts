import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { foreignKey, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recordKind } from './service-enums.ts';

/**
 * One import of payroll or recruitment records that was written (a refused or dry-run import
 * leaves nothing). Its key makes the import idempotent: the same key with the same rows answers
 * with this row's counts; with other rows it is a conflict.
 */
export const recordImports = pgTable.withRLS(
  'record_imports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    importKey: text('import_key').notNull(),
    kind: recordKind('kind').notNull(),
    /** SHA-256 of the kind and the rows as parsed: what makes a retry "the same import". */
    inputHash: text('input_hash').notNull(),
    rowCount: integer('row_count').notNull(),
    /** Rows that were corrections of records already held (the rest are new records). */
    corrections: integer('corrections').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'record_imports_pkey', columns: [t.tenantId, t.id] }),
    unique('record_imports_tenant_key_key').on(t.tenantId, t.importKey),
    foreignKey({ name: 'record_imports_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    ...tenantPolicies('record_imports', t.tenantId),
  ],
);
