import { readFileSync } from 'node:fs';
import { GRAPHIQL_EXAMPLES, platformSchema } from '@ssp/gateway';
import { seedOrganisationId } from '@ssp/seeds';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevelopmentApp, startDevelopmentApp } from './support/development-app.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// Issue 16, what a partner developer meets first: the worked examples GraphiQL opens on, the `/`
// page, the schema and the guide over HTTP.

let dev: DevelopmentApp;
let production: TestApp;
beforeAll(async () => {
  [dev, production] = await Promise.all([startDevelopmentApp(), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), production?.close()]);
});

async function tokenFor(slug: string, role: (typeof GRAPHIQL_EXAMPLES)[number]['role']): Promise<string> {
  const issued = await dev.app.issuer.issue({
    subject: 'first-hour',
    organisationId: seedOrganisationId(slug),
    roles: [role],
  });
  return issued.accessToken;
}

describe('the worked examples GraphiQL opens on', () => {
  it('are one per user: partner, tenant admin, finance', () => {
    expect(GRAPHIQL_EXAMPLES.map((example) => example.role)).toEqual(['requester', 'tenant_admin', 'finance']);
  });

  it.each(GRAPHIQL_EXAMPLES.map((example) => [example.audience, example] as const))(
    '%s: valid against the schema, and answers with data and no error for its user',
    async (_audience, example) => {
      expect(validate(platformSchema(), parse(example.query))).toEqual([]);
      expect(example.query).toContain(`pnpm cli token --role ${example.role}`);
      const response = await fetch(`${dev.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(example.organisationSlug, example.role)}`,
        },
        body: JSON.stringify({ query: example.query, variables: example.variables }),
      });
      const body = (await response.json()) as { data?: Record<string, { __typename?: string }>; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      for (const [field, value] of Object.entries(body.data ?? {})) {
        expect(value, field).not.toBeNull();
        // A union answer must be the success type, not a typed error.
        if (value.__typename !== undefined) expect(value.__typename, field).not.toMatch(/Error$/);
      }
    },
  );

  it('the finance example shows the reconciliation the seeds reproduce (2017/18: £2,476k delivered)', async () => {
    const example = GRAPHIQL_EXAMPLES[2]!;
    const response = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor(example.organisationSlug, example.role)}`,
      },
      body: JSON.stringify({ query: example.query, variables: example.variables }),
    });
    const body = (await response.json()) as {
      data: { savingsReconciliation: { reductionRequested: { amount: string } } };
    };
    expect(body.data.savingsReconciliation.reductionRequested.amount).toBe('3000000.00');
  });
});

describe('GraphiQL', () => {
  it('is served in development with its code inlined: no script, style or font from elsewhere', async () => {
    const response = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).toContain('PartnerFirstLook');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="?https?:|unpkg\.com|jsdelivr/);
  });

  it('is not served outside development (the environment decides, as before)', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('renderYogaGraphiQL');
  });
});

describe('the / page', () => {
  it('says what the service is and links GraphiQL, the schema, the JWKS and the guide, each of which answers', async () => {
    const response = await fetch(`${dev.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/shared-services partnership/);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(links).toEqual(
      expect.arrayContaining(['/graphql', '/schema.graphql', '/.well-known/jwks.json', '/docs/partner-guide.md']),
    );
    expect(links.every((link) => link.startsWith('/'))).toBe(true);
    const token = await tokenFor('lancashire-county-council', 'requester');
    for (const link of links) {
      const linked = await fetch(`${dev.url}${link}`, {
        headers: { accept: 'text/html', authorization: `Bearer ${token}` },
      });
      expect(linked.status, link).toBe(200);
    }
    expect(html).toContain('pnpm cli token --organisation lancashire-county-council --role requester');
  });

  it('says GraphiQL is off where it is off, and links no GraphiQL there', async () => {
    const html = await (await fetch(`${production.url}/`)).text();
    expect(html).toContain('GraphiQL is off in this mode');
    expect(html).not.toContain('href="/graphql"');
  });
});

describe('/schema.graphql and /docs/partner-guide.md', () => {
  it('serve the checked-in schema to a caller with a token, and say how to send one otherwise', async () => {
    const anonymous = await fetch(`${dev.url}/schema.graphql`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/Authorization: Bearer <token>/);
    const token = await tokenFor('lancashire-county-council', 'requester');
    const response = await fetch(`${dev.url}/schema.graphql`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  });

  it('serve the partner guide as it is in docs/', async () => {
    const response = await fetch(`${dev.url}/docs/partner-guide.md`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync(new URL('../docs/partner-guide.md', import.meta.url), 'utf8'));
  });
});
