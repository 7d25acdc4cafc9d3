import { loadAppConfig, type MembershipRole, SigningKeyStore } from '@ssp/core';
import { createPlatformApp, type PlatformApp } from '@ssp/gateway';
import { seedOrganisationId } from '@ssp/seeds';
import type { Logger } from 'pino';
import { expect } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * An authenticated GraphQL response body as it must be exactly: `body` and the query price the
 * server adds to every authenticated answer (`extensions.cost`, its numbers checked elsewhere).
 */
export function withCost(body: Record<string, unknown>): Record<string, unknown> {
  return { ...body, extensions: { cost: expect.objectContaining({ requestedQueryCost: expect.any(Number) }) } };
}

/** A response body without its `extensions.cost` (which changes as the budget is spent). */
export function withoutCost(body: { extensions?: Record<string, unknown> }): Record<string, unknown> {
  const { extensions, ...rest } = body;
  const { cost: _cost, ...others } = extensions ?? {};
  return Object.keys(others).length > 0 ? { ...rest, extensions: others } : rest;
}

/** A GraphQL operation as the query factories build it. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

export interface TestApp {
  url: string;
  app: PlatformApp;
  db: TestDatabase;
  keys: SigningKeyStore;
  /** The fixed id of a seeded organisation. */
  organisationId(slug: string): string;
  /** A token from our own issuer for a seeded organisation with these roles. */
  tokenFor(slug: string, roles: MembershipRole[], subject?: string): Promise<string>;
  /** POSTs an operation to /graphql over real HTTP. */
  graphql<Data = Record<string, unknown>>(operation: Operation, token?: string): Promise<GraphqlResponse<Data>>;
  close(): Promise<void>;
}

/**
 * Starts the whole platform on a free port over this test file's own database copy; `settings`
 * are environment variables on top of the test defaults (tight budgets, for instance).
 */
export async function startTestApp(
  settings: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  const keys = await SigningKeyStore.createInMemory();
  const app = await createPlatformApp(loadAppConfig({ NODE_ENV: 'test', ...settings }), {
    database: db.database,
    keys,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const url = await app.http.listen(0, '127.0.0.1');
  return {
    url,
    app,
    db,
    keys,
    organisationId: seedOrganisationId,
    tokenFor: async (slug, roles, subject) =>
      (
        await app.issuer.issue({
          subject: subject ?? `test:${roles.join('+')}@${slug}`,
          organisationId: seedOrganisationId(slug),
          roles,
        })
      ).accessToken,
    graphql: async <Data>(operation: Operation, token?: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(operation),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphqlResponse<Data>['body'],
      };
    },
    close: async () => {
      await app.http.close(1_000);
      await db.close();
    },
  };
}
