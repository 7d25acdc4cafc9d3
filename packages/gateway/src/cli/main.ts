// `pnpm cli <command>`: operator commands. `token` prints an access token for a seeded
// organisation and role, signed with this installation's key, for trying the API.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  encodeGlobalId,
  loadAppConfig,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  SigningKeyStore,
  TokenIssuer,
} from '@ssp/core';
import { platformOperator, seedOrganisationId, seedOrganisations } from '@ssp/seeds';
import { JWKS_CACHE_SECONDS } from '../platform-app.ts';
import { importOrganisations } from './import-organisations.ts';

const USAGE = `Usage:
  pnpm cli token --organisation <slug> --role <role>   print an access token
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
  },
});

switch (positionals.join(' ')) {
  case 'token': {
    const slug = values.organisation ?? fail('--organisation is required');
    const role = values.role ?? fail('--role is required');
    if (!MEMBERSHIP_ROLES.includes(role as MembershipRole)) fail(`Unknown role "${role}"`);
    const organisation = [platformOperator, ...seedOrganisations()].find((candidate) => candidate.slug === slug);
    if (!organisation) fail(`No seeded organisation has the slug "${slug}"`);
    if (role === 'platform_admin' && organisation.kind !== 'platform_operator') {
      fail(`Only members of ${platformOperator.slug} can be platform admins`);
    }
    const keys = await SigningKeyStore.openFile(config.signingKeysFile);
    const issuer = new TokenIssuer({
      keys,
      issuer: config.tokenIssuer,
      audience: config.tokenAudience,
      ttlSeconds: config.tokenTtlSeconds,
    });
    const token = await issuer.issue({
      subject: values.subject ?? `cli:${role}@${slug}`,
      organisationId: seedOrganisationId(slug),
      roles: [role as MembershipRole],
    });
    process.stdout.write(`${token.accessToken}\n`);
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
