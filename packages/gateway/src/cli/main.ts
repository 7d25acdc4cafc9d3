// `pnpm cli <command>`: operator commands. `token` prints an access token for a seeded
// organisation and role, signed with this installation's key, for trying the API.
import { parseArgs } from 'node:util';
import { loadAppConfig, MEMBERSHIP_ROLES, type MembershipRole, SigningKeyStore, TokenIssuer } from '@ssp/core';
import { platformOperator, seedOrganisationId, seedOrganisations } from '@ssp/seeds';
import { JWKS_CACHE_SECONDS } from '../platform-app.ts';

const USAGE = `Usage:
  pnpm cli token --organisation <slug> --role <role>   print an access token
  pnpm cli keys rotate                                 publish a new signing key (used after ${JWKS_CACHE_SECONDS}s)

Roles: ${MEMBERSHIP_ROLES.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const config = loadAppConfig();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { organisation: { type: 'string' }, role: { type: 'string' }, subject: { type: 'string' } },
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
  default:
    fail(positionals.length ? `Unknown command "${positionals.join(' ')}"` : 'No command given');
}
