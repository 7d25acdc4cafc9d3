import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppConfig, type SigningKey } from '@ssp/core';
import { createPlatformApp, type PlatformApp } from '@ssp/gateway';
import { seedOrganisationId } from '@ssp/seeds';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerQuery } from './support/queries/organisation-queries.ts';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';

// `pnpm cli token`, run as the real process an operator runs, and a server started on the same
// key file: what the CLI prints must be a token that server accepts.

// Each CLI run starts Node with tsx and loads the packages: about 1.5 s alone, several seconds on
// a busy machine, so these tests get more time than the default.
const CLI_TEST_TIMEOUT = 60_000;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = 'packages/gateway/src/cli/main.ts';
const LANCASHIRE = 'lancashire-county-council';

const folder = mkdtempSync(join(tmpdir(), 'ssp-cli-'));
const keysFile = join(folder, 'signing-keys.json');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a subprocess with only the environment it needs (no inherited TOKEN_*). */
function runCli(args: string[], signingKeysFile = keysFile): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', SIGNING_KEYS_FILE: signingKeysFile },
        timeout: 45_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const storedKids = (file = keysFile) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKey[] }).keys.map((key) => key.kid);

/** The platform as `pnpm start` wires it, on this file's database copy and the CLI's key file. */
let app: PlatformApp;
let db: TestDatabase;
let url: string;

async function startServerOnKeyFile(file: string): Promise<void> {
  db = await openTestDatabase();
  // No `keys` override: createPlatformApp opens SIGNING_KEYS_FILE itself, as in production.
  app = await createPlatformApp(loadAppConfig({ NODE_ENV: 'test', SIGNING_KEYS_FILE: file }), {
    database: db.database,
  });
  url = await app.http.listen(0, '127.0.0.1');
}

async function viewerWith(token: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(viewerQuery()),
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as {
      data?: { viewer: { subject: string; roles: string[]; organisation: { slug: string } } | null } | null;
      errors?: unknown[];
    },
  };
}

let financeToken: string;
let financeRun: CliResult;

beforeAll(async () => {
  // The first run creates the key file; the server then starts on that same file.
  financeRun = await runCli(['token', '--organisation', LANCASHIRE, '--role', 'finance']);
  financeToken = financeRun.stdout.trim();
  await startServerOnKeyFile(keysFile);
}, 2 * CLI_TEST_TIMEOUT);

afterAll(async () => {
  if (app) await app.http.close(1_000);
  await db?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('pnpm cli token', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('exits 0 and prints one JWT and nothing else', () => {
    expect(financeRun.stderr).toBe('');
    expect(financeRun.code).toBe(0);
    expect(financeRun.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('signs for the seeded organisation id and the one role asked for', () => {
    const config = loadAppConfig({ NODE_ENV: 'test' });
    const claims = decodeJwt(financeToken);
    expect(claims).toMatchObject({
      org: seedOrganisationId(LANCASHIRE),
      roles: ['finance'],
      sub: `cli:finance@${LANCASHIRE}`,
      iss: config.tokenIssuer,
      aud: config.tokenAudience,
    });
    expect(claims.client_id).toBeUndefined();
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(config.tokenTtlSeconds);
  });

  it('signs with a key of the key file, which it created owner-only', () => {
    const header = decodeProtectedHeader(financeToken);
    expect(header.alg).toBe('ES256');
    expect(storedKids()).toContain(header.kid);
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);
  });

  it('gives a token that a server started on the same key file accepts', async () => {
    const response = await viewerWith(financeToken);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer).toMatchObject({
      subject: `cli:finance@${LANCASHIRE}`,
      roles: ['FINANCE'],
      organisation: { slug: LANCASHIRE },
    });
  });

  it('reuses the key file on the next run instead of replacing it', async () => {
    const kidsBefore = storedKids();
    const again = await runCli(['token', '--organisation', LANCASHIRE, '--role', 'requester', '--subject', 'jane']);
    expect(again.code).toBe(0);
    expect(storedKids()).toEqual(kidsBefore);
    expect(decodeProtectedHeader(again.stdout.trim()).kid).toBe(decodeProtectedHeader(financeToken).kid);
    expect(decodeJwt(again.stdout.trim()).sub).toBe('jane');
  });

  it('makes platform admin tokens for the platform operator, which the server honours', async () => {
    const run = await runCli(['token', '--organisation', 'shared-services-platform', '--role', 'platform_admin']);
    expect(run.code).toBe(0);
    const response = await viewerWith(run.stdout.trim());
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer?.roles).toEqual(['PLATFORM_ADMIN']);
  });

  it('gives a token that a server on another key file refuses', async () => {
    const otherFile = join(folder, 'other', 'signing-keys.json');
    const run = await runCli(['token', '--organisation', LANCASHIRE, '--role', 'finance'], otherFile);
    expect(run.code).toBe(0);
    const response = await viewerWith(run.stdout.trim());
    expect(response.status).toBe(401);
    expect(response.challenge).toContain('error_description="the token signing key is unknown"');
  });
});

// Exit code 2, the reason and the usage on stderr, nothing on stdout.
describe('pnpm cli token refuses what it cannot sign', { timeout: CLI_TEST_TIMEOUT }, () => {
  it.each([
    [
      'an unknown organisation slug',
      ['--organisation', 'no-such-council', '--role', 'finance'],
      'No seeded organisation has the slug "no-such-council"',
    ],
    ['an unknown role', ['--organisation', LANCASHIRE, '--role', 'mayor'], 'Unknown role "mayor"'],
    [
      'platform admin for an organisation other than the operator',
      ['--organisation', LANCASHIRE, '--role', 'platform_admin'],
      'Only members of shared-services-platform can be platform admins',
    ],
    ['a missing organisation', ['--role', 'finance'], '--organisation is required'],
    ['a missing role', ['--organisation', LANCASHIRE], '--role is required'],
  ])('%s', async (_label, args, reason) => {
    const unusedKeys = join(folder, `unused-${Math.random().toString(36).slice(2)}.json`);
    const run = await runCli(['token', ...args], unusedKeys);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain('Usage:');
    // A refused command touches nothing: no key file is created.
    expect(existsSync(unusedKeys)).toBe(false);
  });
});

describe('pnpm cli keys rotate', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('adds a key to the file that tokens do not use until its lead time has passed', async () => {
    const kidsBefore = storedKids();
    const run = await runCli(['keys', 'rotate']);
    expect(run.code).toBe(0);
    const kidsAfter = storedKids();
    expect(kidsAfter).toHaveLength(kidsBefore.length + 1);
    const newKid = kidsAfter.find((kid) => !kidsBefore.includes(kid));
    expect(run.stdout).toContain(`Published key ${newKid}`);
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);

    // A token made now still uses the old key (the new one is not signing yet), and verifies.
    const token = await runCli(['token', '--organisation', LANCASHIRE, '--role', 'finance']);
    expect(decodeProtectedHeader(token.stdout.trim()).kid).toBe(decodeProtectedHeader(financeToken).kid);
    expect((await viewerWith(token.stdout.trim())).status).toBe(200);
  });
});
