import { urlForRole } from '@ssp/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { onCitus } from '../support/test-database-settings.ts';

// On Citus, a list read for one tenant must go to one shard: each statement the API sends for it
// is EXPLAINed as sent (its text and bound parameters, in the same tenant context, as the runtime
// role) and its distributed plan must be one task. A statement that relied on row-level security
// alone would go to every shard; one Citus cannot plan at all fails here with Citus's words.

const LANCASHIRE = 'lancashire-county-council';

/** The list fields of an organisation, and the root lists, each read for Lancashire alone. */
const LIST_READS: Record<string, (organisationId: string) => string> = {
  serviceRequests: () => '{ serviceRequests(first: 5) { nodes { reference } } }',
  organisations: () => '{ organisations(first: 5) { nodes { slug } } }',
  ...Object.fromEntries(
    [
      'affordabilityCharges',
      'apiClients',
      'auditTrail',
      'businessCases',
      'children',
      'contractLetters',
      'dbsChecks',
      'members',
      'payrolls',
      'reductionRequests',
      'savingsOpportunities',
      'serviceRequests',
      'subscriptions',
    ].map((field) => [
      `Organisation.${field}`,
      (id: string) => `{ organisation(id: "${id}") { ${field}(first: 5) { nodes { __typename } } } }`,
    ]),
  ),
};

/** How many tasks (shards) a distributed plan has; null for a statement Citus runs on no shard. */
function taskCount(plan: unknown): number | null {
  if (plan === null || typeof plan !== 'object') return null;
  const node = plan as Record<string, unknown>;
  const job = (node['Distributed Query'] as { Job?: { 'Task Count'?: number } } | undefined)?.Job;
  if (job?.['Task Count'] !== undefined) return job['Task Count'];
  for (const value of Object.values(node)) {
    const found = Array.isArray(value)
      ? value.map(taskCount).find((count) => count !== null)
      : typeof value === 'object'
        ? taskCount(value)
        : null;
    if (found !== null && found !== undefined) return found;
  }
  return null;
}

describe.runIf(onCitus)('on Citus: every list read for one tenant is a one-shard plan', () => {
  let api: TestApp;
  let explainer: pg.Client;
  beforeAll(async () => {
    api = await startTestApp();
    explainer = new pg.Client({ connectionString: urlForRole(api.db.serverUrl as string, 'ssp_runtime') });
    await explainer.connect();
  });
  afterAll(async () => {
    await explainer?.end();
    await api?.close();
  });

  for (const [name, query] of Object.entries(LIST_READS)) {
    it(name, async () => {
      const token = await api.tokenFor(LANCASHIRE, ['tenant_admin', 'finance']);
      const { result, statements } = await api.app.database.statements.recordWithParameters(() =>
        api.graphql({ query: query(organisationGlobalId(api.organisationId(LANCASHIRE))) }, token),
      );
      expect(result.body.errors).toBeUndefined();
      // The request's set-up (app.begin_request, app.begin_read_ahead) is a function call, not a read of a table.
      const reads = statements.filter(
        (statement) =>
          /^\s*(select|with)\b/i.test(statement.text) && !/\bapp\.begin_(request|read_ahead)\b/.test(statement.text),
      );
      expect(reads.length).toBeGreaterThan(0);
      for (const statement of reads) {
        await explainer.query('begin');
        try {
          await explainer.query('select app.set_tenant_context($1::uuid[])', [[api.organisationId(LANCASHIRE)]]);
          const { rows } = await explainer.query(`explain (format json) ${statement.text}`, statement.parameters);
          const tasks = taskCount(rows[0]['QUERY PLAN']);
          // A read of reference tables only (the registry, the catalogue) has its one task too.
          expect(tasks, statement.text).toBe(1);
        } finally {
          await explainer.query('rollback');
        }
      }
    });
  }
});
