import { encodeGlobalId, type MembershipRole } from '@ssp/core';
import { seedOrganisationId } from '@ssp/seeds';
import type { GraphiQLOptions } from 'graphql-yoga';

/** One worked example GraphiQL opens on: who runs it, and the operation they would send. */
export interface GraphiqlExample {
  /** The tab's audience, as the comment at its top names it. */
  audience: string;
  /** The seeded organisation and role whose token runs it (`pnpm cli token` takes both). */
  organisationSlug: string;
  role: MembershipRole;
  query: string;
  variables: Record<string, unknown>;
}

const LANCASHIRE = 'lancashire-county-council';
const lancashireId = encodeGlobalId('Organisation', seedOrganisationId(LANCASHIRE));

/** How to get a token for an example, as a shell command a developer can paste. */
export function tokenCommand(example: Pick<GraphiqlExample, 'organisationSlug' | 'role'>): string {
  return `pnpm cli token --organisation ${example.organisationSlug} --role ${example.role}`;
}

/** A worked example: the comment at its top says who it is for and how to send the token. */
function example(
  audience: string,
  user: Pick<GraphiqlExample, 'organisationSlug' | 'role'>,
  operation: string,
  variables: Record<string, unknown> = {},
): GraphiqlExample {
  return { audience, ...user, query: `${header(user, audience)}${operation}`, variables };
}

/** Words wrapped to the width of GraphiQL's query editor at its default size. */
function wrapped(text: string, width = 50): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

function header(example: Pick<GraphiqlExample, 'organisationSlug' | 'role'>, audience: string): string {
  return [
    ...wrapped(audience),
    '',
    'Every call needs a token. In Headers below:',
    '  {"Authorization": "Bearer <token>"}',
    'In development, mint one in a terminal:',
    `  pnpm cli token --role ${example.role} --ttl 8h \\`,
    `    --organisation ${example.organisationSlug}`,
    '(pnpm cli orgs and pnpm cli roles list the choices.)',
    ...wrapped("A partner's machine client gets its token from POST /oauth/token: see /docs/partner-guide.md."),
    'Then press the run button (or Ctrl+Enter).',
  ]
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n')
    .concat('\n');
}

const partner = { organisationSlug: LANCASHIRE, role: 'requester' } as const;
const tenantAdmin = { organisationSlug: LANCASHIRE, role: 'tenant_admin' } as const;
const finance = { organisationSlug: LANCASHIRE, role: 'finance' } as const;

/** The three users GraphiQL opens for: a partner, a tenant admin, finance (issue 16). */
export const GRAPHIQL_EXAMPLES: readonly GraphiqlExample[] = [
  example(
    'Partner developer: who the token acts for, and what it may ask for',
    partner,
    `query PartnerFirstLook {
  viewer {
    subject
    roles
    tokenExpiresAt
    organisation { name slug }
  }
  serviceCatalogue(first: 5) {
    nodes {
      code
      name
      serviceLine { name }
      unitPrice { amount currency }
      currentSla { fulfilmentAmount fulfilmentUnit }
    }
  }
}
`,
  ),
  example(
    'Tenant admin: does the catalogue meet what a new school needs?',
    tenantAdmin,
    `query SchoolCapabilityMatch($input: CapabilityMatchInput!) {
  capabilityMatch(input: $input) {
    fitPercent
    requirements {
      requirement
      status
      offerings { code name unitPrice { amount } }
      notAllowedForKind { code }
    }
  }
}
`,
    {
      input: { kind: 'SCHOOL', requirementLines: ['Payroll', 'DBS checks for volunteers', 'Grounds maintenance'] },
    },
  ),
  example(
    "Finance: Lancashire's 2017/18 savings against its £3m reduction",
    finance,
    `query Reconciliation($organisationId: ID!, $fiscalYear: String!, $asOf: DateTime) {
  savingsReconciliation(organisationId: $organisationId, fiscalYear: $fiscalYear, asOf: $asOf) {
    fiscalYear
    reductionRequested { amount }
    savingsAgainstCharge { actual { amount } estimated { amount } total { amount } }
    balance { amount }
    categories { category total { amount } }
  }
}
`,
    { organisationId: lancashireId, fiscalYear: '2017/18', asOf: '2018-03-01T00:00:00Z' },
  ),
];

/** The Authorization header the header editor opens with, a placeholder to replace. */
export const PLACEHOLDER_HEADERS = JSON.stringify({ Authorization: 'Bearer <paste a token here>' }, null, 2);

/**
 * GraphiQL's options: a tab per example with the header editor open on the Authorization
 * placeholder. Headers are not persisted, so a pasted token does not outlive the browser tab.
 */
export function graphiqlOptions(): GraphiQLOptions {
  return {
    title: 'Shared services platform',
    defaultTabs: GRAPHIQL_EXAMPLES.map((example) => ({
      query: example.query,
      variables: JSON.stringify(example.variables, null, 2),
      headers: PLACEHOLDER_HEADERS,
    })),
    headers: PLACEHOLDER_HEADERS,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
  };
}
