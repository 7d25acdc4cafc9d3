// `pnpm cli <command>`: operator commands. `token` prints an access token for a seeded
// organisation and role, signed with this installation's key, for trying the API; `orgs` and
// `roles` list what it can mint for.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
// Only the light entry points: the CLI starts in a fraction of the time the platform's packages
// take to load (the database drivers, GraphQL and every domain).
import {
  JWKS_CACHE_SECONDS,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  SigningKeyStore,
  TokenIssuer,
} from '@ssp/core/auth';
import { loadAppConfig } from '@ssp/core/config';
import { encodeGlobalId } from '@ssp/core/global-id';
import { platformOperator, seedOrganisationId } from '@ssp/seeds/organisations';
import { importOrganisations } from './import-organisations.ts';
import { ROLE_DESCRIPTIONS } from './role-descriptions.ts';
import { closestSlugs, findOrganisations, organisationKinds, tokenOrganisations } from './seeded-organisations.ts';
import { describeLifetime, MAX_CLI_TOKEN_SECONDS, parseTokenLifetime } from './token-lifetime.ts';

const USAGE = `Usage:
  pnpm cli token --organisation <slug> --role <role> [--ttl 8h]
                                                       print an access token (lifetime: TOKEN_TTL_SECONDS,
                                                       or --ttl up to ${MAX_CLI_TOKEN_SECONDS / 3_600}h)
  pnpm cli orgs [--kind <kind>] [--search <text>]      list the organisations it can mint tokens for
  pnpm cli roles                                       list the roles, and what each may do
  pnpm cli import-organisations --file <csv> --parent <slug> --api <url> --token <token>
      [--mode all-or-nothing|valid-rows-only] [--dry-run] [--batch-key <key>]
                                                       onboard the organisations of a CSV file
  pnpm cli keys rotate                                 publish a new signing key (used after ${JWKS_CACHE_SECONDS}s)

Roles: ${MEMBERSHIP_ROLES.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const config = loadAppConfig();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    organisation: { type: 'string' },
    role: { type: 'string' },
    subject: { type: 'string' },
    file: { type: 'string' },
    parent: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    mode: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'batch-key': { type: 'string' },
    ttl: { type: 'string' },
    kind: { type: 'string' },
    search: { type: 'string' },
  },
});

switch (positionals.join(' ')) {
  case 'token': {
    const slug = values.organisation ?? fail('--organisation is required (pnpm cli orgs lists them)');
    const role = values.role ?? fail('--role is required (pnpm cli roles lists them)');
    if (!MEMBERSHIP_ROLES.includes(role as MembershipRole)) {
      fail(`Unknown role "${role}": one of ${MEMBERSHIP_ROLES.join(', ')} (pnpm cli roles says what each may do)`);
    }
    const organisations = tokenOrganisations();
    const organisation = organisations.find((candidate) => candidate.slug === slug);
    if (!organisation) {
      const near = closestSlugs(organisations, slug);
      fail(
        `No seeded organisation has the slug "${slug}". Closest: ${near.join(', ')}.\n` +
          `List them with: pnpm cli orgs --search <part of the name>`,
      );
    }
    if (role === 'platform_admin' && organisation.kind !== 'platform_operator') {
      fail(`Only members of ${platformOperator.slug} can be platform admins`);
    }
    let ttlSeconds = config.tokenTtlSeconds;
    try {
      if (values.ttl !== undefined) ttlSeconds = parseTokenLifetime(values.ttl);
    } catch (error) {
      fail((error as Error).message);
    }
    const keys = await SigningKeyStore.openFile(config.signingKeysFile);
    const issuer = new TokenIssuer({
      keys,
      issuer: config.tokenIssuer,
      audience: config.tokenAudience,
      ttlSeconds,
    });
    const token = await issuer.issue({
      subject: values.subject ?? `cli:${role}@${slug}`,
      organisationId: seedOrganisationId(slug),
      roles: [role as MembershipRole],
    });
    // Only the token on stdout, so `$(pnpm --silent cli token ...)` captures it; a person at a
    // terminal also reads how long it lasts (scripts get nothing else).
    process.stdout.write(`${token.accessToken}\n`);
    if (process.stderr.isTTY) {
      process.stderr.write(
        `A ${role} token for ${organisation.name}, valid for ${describeLifetime(ttlSeconds)} (until ${token.expiresAt.toISOString()})` +
          `${values.ttl === undefined ? '; --ttl 8h for longer' : ''}. Send it as "Authorization: Bearer <token>".\n`,
      );
    }
    break;
  }
  case 'orgs': {
    const organisations = tokenOrganisations();
    const kinds = organisationKinds(organisations);
    if (values.kind !== undefined && !kinds.includes(values.kind)) {
      fail(`Unknown kind "${values.kind}": one of ${kinds.join(', ')}`);
    }
    const found = findOrganisations(organisations, {
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.search !== undefined ? { search: values.search } : {}),
    });
    for (const organisation of found) {
      process.stdout.write(`${organisation.slug}\t${organisation.kind}\t${organisation.name}\n`);
    }
    process.stderr.write(
      `${found.length} of ${organisations.length} organisations` +
        `${values.kind === undefined && values.search === undefined ? ' (narrow with --kind <kind> or --search <text>)' : ''}. ` +
        'Mint a token with: pnpm cli token --organisation <slug> --role <role>\n',
    );
    break;
  }
  case 'roles': {
    for (const role of MEMBERSHIP_ROLES) process.stdout.write(`${role}\t${ROLE_DESCRIPTIONS[role]}\n`);
    break;
  }
  case 'keys rotate': {
    const keys = await SigningKeyStore.openFile(config.signingKeysFile);
    const key = await keys.rotate({ jwksCacheSeconds: JWKS_CACHE_SECONDS, tokenTtlSeconds: config.tokenTtlSeconds });
    process.stdout.write(
      `Published key ${key.kid}; a running API picks it up within seconds and signs with it from ${key.signFrom}.\n`,
    );
    break;
  }
  case 'import-organisations': {
    const file = values.file ?? fail('--file is required');
    const parent = values.parent ?? fail('--parent is required');
    const mode = (values.mode ?? 'valid-rows-only').toUpperCase().replace(/-/g, '_');
    if (mode !== 'ALL_OR_NOTHING' && mode !== 'VALID_ROWS_ONLY') fail(`Unknown mode "${values.mode}"`);
    try {
      const report = await importOrganisations({
        file,
        apiUrl: values.api ?? `http://${config.host}:${config.port}`,
        token: values.token ?? fail('--token is required (pnpm cli token --organisation <slug> --role tenant_admin)'),
        parentId: encodeGlobalId('Organisation', seedOrganisationId(parent)),
        mode,
        dryRun: values['dry-run'] ?? false,
        batchKey: values['batch-key'] ?? `import:${basename(file)}`,
      });
      if (!report.rows) fail(`Refused: ${report.message ?? report.__typename}`);
      for (const row of report.rows) {
        const detail = row.outcome === 'ERROR' ? ` (${row.field ?? 'row'}: ${row.reason})` : '';
        process.stdout.write(`row ${row.row}\t${row.outcome.toLowerCase()}\t${row.name}${detail}\n`);
      }
      process.stdout.write(
        `${report.created} created, ${report.alreadyExisted} already existed, ${report.errors} errors; ${report.written ? 'written' : 'nothing written'}\n`,
      );
      process.exit(report.errors ? 1 : 0);
    } catch (error) {
      fail((error as Error).message);
    }
    break;
  }
  default:
    fail(positionals.length ? `Unknown command "${positionals.join(' ')}"` : 'No command given');
}
