import { type RequestContext, ValidationError } from '@ssp/core';
import { runMutationsInSavepoints } from '@ssp/gateway';
import { tables } from '@ssp/schema';
import { seedOrganisationId } from '@ssp/seeds';
import { recordAuditEvents } from '@ssp/tenants';
import { eq } from 'drizzle-orm';
import { GraphQLObjectType, type GraphQLResolveInfo, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const ORGANISATION = seedOrganisationId('rotherham-metropolitan-borough-council');

/** A mutation that writes an audit event, then answers with `outcome`. */
function writeThen(outcome: () => unknown) {
  return {
    type: GraphQLString,
    resolve: async (_root: unknown, _args: unknown, context: RequestContext) => {
      await recordAuditEvents(
        context.transaction!,
        { requestId: 'test', subject: 'test', organisationId: ORGANISATION },
        [{ organisationId: ORGANISATION, action: 'test.written', targetType: 'Test', targetId: ORGANISATION }],
      );
      return outcome();
    },
  };
}

const schema = runMutationsInSavepoints(
  new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        writeThenFail: writeThen(() => new ValidationError('found bad input after writing')),
        writeThenSucceed: writeThen(() => 'done'),
      },
    }),
  }),
);

async function run(field: 'writeThenFail' | 'writeThenSucceed'): Promise<{ value: unknown; rows: number }> {
  return db.database.inTenantTransaction([ORGANISATION], async (tx) => {
    const context = { transaction: tx } as RequestContext;
    const resolve = schema.getMutationType()!.getFields()[field]!.resolve!;
    const value = await resolve(null, {}, context, {} as GraphQLResolveInfo);
    expect(context.transaction).toBe(tx);
    const rows = await tx.select().from(tables.auditEvents).where(eq(tables.auditEvents.action, 'test.written'));
    return { value, rows: rows.length };
  });
}

describe('a mutation that answers with a typed error changes nothing', () => {
  it('undoes what it wrote before finding the input bad, and still returns the error', async () => {
    const failed = await run('writeThenFail');
    expect(failed.value).toBeInstanceOf(ValidationError);
    expect(failed.rows).toBe(0);
  });

  it('keeps what a successful mutation wrote', async () => {
    const succeeded = await run('writeThenSucceed');
    expect(succeeded).toEqual({ value: 'done', rows: 1 });
  });
});
