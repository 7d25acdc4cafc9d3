import { loadAppConfig } from '@ssp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misspeltFieldQuery, schemaQueryTypeQuery } from './support/queries/document-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// Production-safe defaults wherever NODE_ENV is not `development` (issue 11: `pnpm start` ran as
// development, with suggestions and GraphiQL on, and anonymous introspection in both modes).

process.env.LOG_LEVEL ??= 'silent';

describe('the mode', () => {
  it('is production when NODE_ENV is unset', () => {
    expect(loadAppConfig({}).environment).toBe('production');
  });

  it('refuses a configured token lifetime longer than the maximum', () => {
    expect(() => loadAppConfig({ TOKEN_TTL_SECONDS: '7200', TOKEN_MAX_LIFETIME_SECONDS: '3600' })).toThrow(
      /TOKEN_TTL_SECONDS is longer than TOKEN_MAX_LIFETIME_SECONDS/,
    );
  });
});

async function graphiqlPage(api: TestApp): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
  return { status: response.status, text: await response.text() };
}

const anonymousIntrospection = (api: TestApp) => api.graphql(schemaQueryTypeQuery());

describe.each(['production', 'test'])('NODE_ENV=%s', (mode) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ NODE_ENV: mode });
  });
  afterAll(() => api?.close());

  it('serves no GraphiQL', async () => {
    const page = await graphiqlPage(api);
    expect(page.text).not.toMatch(/graphiql/i);
  });

  it('suggests no field names', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const response = await api.graphql(misspeltFieldQuery(), token);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/did you mean/i);
  });

  it('answers introspection only with a token', async () => {
    expect((await anonymousIntrospection(api)).status).toBe(401);
  });
});

describe('NODE_ENV=development, asked for explicitly', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ NODE_ENV: 'development' });
  });
  afterAll(() => api?.close());

  it('serves GraphiQL and suggests field names', async () => {
    const page = await graphiqlPage(api);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/graphiql/i);
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const response = await api.graphql(misspeltFieldQuery(), token);
    expect(JSON.stringify(response.body)).toMatch(/did you mean/i);
  });

  it('still answers introspection only with a token', async () => {
    expect((await anonymousIntrospection(api)).status).toBe(401);
  });
});
