import { generateLargePartnership, type LargePartnership } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { type DirectoryArgs, type DirectoryData, directoryQuery } from '../support/queries/shared-support-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
let partnership: LargePartnership;
let token: string;

beforeAll(async () => {
  api = await startTestApp();
  partnership = await generateLargePartnership(api.app.database, { prefix: 'count', members: 50, peoplePerMember: 20 });
  // The last member searches: the first people found are other members' (the order is by level,
  // then member name), so every page below is a cross-member read, audited.
  token = await api.tokenFor(partnership.memberSlugs.at(-1)!, ['service_agent']);
}, 120_000);
afterAll(() => api?.close());

async function measure(args: DirectoryArgs) {
  const { result, statements } = await api.app.database.statements.measure(() =>
    api.graphql<DirectoryData>(
      directoryQuery(organisationGlobalId(api.organisationId(partnership.partnershipSlug)), args),
      token,
    ),
  );
  expect(result.body.errors).toBeUndefined();
  return { people: result.body.data!.sharedSupport!.directory.nodes, statements };
}

describe('searching the shared directory costs a fixed number of SQL statements', () => {
  it('1,000 people across 50 members: a page of 1 and a page of 100 cost the same', async () => {
    expect(partnership.people).toBe(1000);
    const one = await measure({ skillCode: 'firewalls', first: 1 });
    const hundred = await measure({ skillCode: 'firewalls', first: 100 });
    const rare = await measure({ skillCode: 'avaya', minimumLevel: 4, first: 100 });
    const withPeriod = await measure({
      skillCode: 'servers',
      first: 100,
      availableFrom: '2026-12-01',
      availableTo: '2026-12-07',
    });
    expect(one.people).toHaveLength(1);
    expect(hundred.people).toHaveLength(100);
    expect(rare.people.length).toBeGreaterThan(0);
    expect(rare.people.length).toBeLessThan(100);
    // The page of 100 spans many members, each read recorded in the same one audit statement.
    expect(new Set(hundred.people.map((p) => p.memberOrganisationId)).size).toBeGreaterThan(10);
    expect(new Set([one.statements, hundred.statements, rare.statements, withPeriod.statements])).toEqual(
      new Set([one.statements]),
    );
    // Set-up (`set local role` on PGlite; BEGIN and COMMIT on a server, where the pool connects as
    // the runtime role), the actor check with the tenant context (one statement), the partnership
    // context, the search, then for every
    // cross-member read of the page one insert of receipts (for the members read) and one of audit
    // events (for the reader).
    expect(one.people[0]!.memberName).not.toBe('Generated council 050');
    expect(one.statements).toBe(api.app.database.engine === 'pglite' ? 6 : 7);
  });

  it('every person on the page carries their skills, read in the same statement', async () => {
    const page = await measure({ skillCode: 'networks', minimumLevel: 3, first: 50 });
    expect(page.people).toHaveLength(50);
    for (const person of page.people) {
      expect(person.skills?.find((s) => s.skillCode === 'networks')?.level).toBeGreaterThanOrEqual(3);
      expect(person.fullName).toMatch(/^Generated council \d{3} engineer \d+$/);
    }
    // Highest level first.
    const levels = page.people.map((p) => p.skills!.find((s) => s.skillCode === 'networks')!.level);
    expect([...levels].sort((a, b) => b - a)).toEqual(levels);
  });
});
