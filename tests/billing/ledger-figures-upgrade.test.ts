import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformSchema } from '@ssp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase } from '../support/fresh-database.ts';

// A database whose ledger was written before the kept figures existed (savings_ledger_figures,
// billing's migration 20261202010416) gets them from its entries when it is migrated: the
// backfill applies the ledger's rule (latest entry per opportunity and year that no reversal
// withdraws), so the reconciliation as it stands reads the same figures the entries give.

const FIRST_WITH_FIGURES = '20261202010416_ledger-figures';

let before: string;
let db: FreshDatabase;
beforeAll(async () => {
  // The history as it stood just before the kept figures: every earlier migration, in one folder.
  before = mkdtempSync(join(tmpdir(), 'ssp-before-figures-'));
  for (const folder of platformSchema.migrationsFolders) {
    for (const name of readdirSync(folder)) {
      if (name < FIRST_WITH_FIGURES) cpSync(join(folder, name), join(before, name), { recursive: true });
    }
  }
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.close();
  rmSync(before, { recursive: true, force: true });
});

const COUNCIL = '6c1f0b52-7e37-4d1c-9d55-0d5e3f7a0001';
const OPPORTUNITY = ['6c1f0b52-7e37-4d1c-9d55-0d5e3f7a0101', '6c1f0b52-7e37-4d1c-9d55-0d5e3f7a0102'];
const entry = (n: number) => `6c1f0b52-7e37-4d1c-9d55-0d5e3f7a1${String(n).padStart(3, '0')}`;

describe('migrating a database whose ledger predates the kept figures', () => {
  it('keeps, for each opportunity and year, the latest entry no reversal withdraws', async () => {
    await db.migrateFromOneFolder(before);
    await db.query(
      `insert into organisations (id, slug, name, kind, nation) values ($1, 'upgrade-council', 'Upgrade Council', 'county_council', 'england_and_wales')`,
      [COUNCIL],
    );
    for (const [index, id] of OPPORTUNITY.entries()) {
      await db.query(
        `insert into savings_opportunities (tenant_id, id, title, category, cashable, recurrence, counts_against, status,
           proposed_by_organisation_id, proposed_by, idempotency_key, input_hash)
         values ($1, $2, $3, 'printing', true, 'recurring', 'affordability_charge', 'delivered', $1, 'test', $3, 'test')`,
        [COUNCIL, id, `Saving ${index}`],
      );
    }
    // Opportunity 0, 2018: an estimate, an actual (the figure), a restatement then reversed, so
    // the actual is the figure again. 2019: an estimate withdrawn, so no figure. Opportunity 1,
    // 2018: two estimates, the later one the figure.
    const rows: [
      n: number,
      opportunity: number,
      year: number,
      kind: string,
      pence: number,
      reverses: number | null,
      minute: number,
    ][] = [
      [1, 0, 2018, 'estimate', 1000, null, 1],
      [2, 0, 2018, 'actual', 1200, null, 2],
      [3, 0, 2018, 'restatement', 1300, null, 3],
      [4, 0, 2018, 'reversal', -1300, 3, 4],
      [5, 0, 2019, 'estimate', 500, null, 5],
      [6, 0, 2019, 'reversal', -500, 5, 6],
      [7, 1, 2018, 'estimate', 700, null, 7],
      [8, 1, 2018, 'estimate', 750, null, 8],
    ];
    for (const [n, opportunity, year, kind, pence, reverses, minute] of rows) {
      const basis = kind === 'reversal' ? null : kind === 'estimate' ? 'estimated' : 'actual';
      await db.query(
        `insert into savings_ledger_entries (tenant_id, id, opportunity_id, fiscal_year, kind, amount_pence, basis,
           reverses_entry_id, reason, recorded_by, recorded_at, idempotency_key, input_hash)
         values ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, 'test', timestamptz '2019-01-01 09:00Z' + make_interval(mins => $10::int), $2::text, 'test')`,
        [
          COUNCIL,
          entry(n),
          OPPORTUNITY[opportunity],
          year,
          kind,
          pence,
          basis,
          reverses === null ? null : entry(reverses),
          kind === 'reversal' || kind === 'restatement' ? 'test' : null,
          minute,
        ],
      );
    }

    await db.migrateByPackage();

    const kept = await db.query(
      `select opportunity_id, fiscal_year, entry_id, amount_pence::text as pence, basis::text as basis
         from savings_ledger_figures order by opportunity_id, fiscal_year`,
    );
    expect(kept).toEqual([
      { opportunity_id: OPPORTUNITY[0], fiscal_year: 2018, entry_id: entry(2), pence: '1200', basis: 'actual' },
      { opportunity_id: OPPORTUNITY[1], fiscal_year: 2018, entry_id: entry(8), pence: '750', basis: 'estimated' },
    ]);
  }, 120_000);
});
