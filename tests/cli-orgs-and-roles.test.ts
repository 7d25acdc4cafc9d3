import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMBERSHIP_ROLES } from '@ssp/core';
import { platformOperator, seedOrganisations } from '@ssp/seeds';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 16: "the CLI cannot list the seeded organisations' slugs (a wrong slug says only that it
// is not seeded)", and "tokens last 15 minutes". Run as the process a developer runs.

const CLI_TEST_TIMEOUT = 60_000;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = mkdtempSync(join(tmpdir(), 'ssp-cli-orgs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'packages/gateway/src/cli/main.ts', ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          SIGNING_KEYS_FILE: join(folder, 'signing-keys.json'),
        },
        timeout: 45_000,
      },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const everyOrganisation = [platformOperator, ...seedOrganisations()];
const rows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));

describe('pnpm cli orgs', () => {
  it(
    'lists every organisation a token can be minted for, by slug',
    async () => {
      const { code, stdout, stderr } = await runCli(['orgs']);
      expect(code).toBe(0);
      const slugs = rows(stdout).map(([slug]) => slug);
      expect(slugs).toEqual(everyOrganisation.map((organisation) => organisation.slug).sort());
      expect(stderr).toContain(`${everyOrganisation.length} of ${everyOrganisation.length} organisations`);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'narrows by kind and by part of the slug or name',
    async () => {
      const { code, stdout } = await runCli(['orgs', '--kind', 'county_council', '--search', 'LANC']);
      expect(code).toBe(0);
      expect(rows(stdout)).toEqual([['lancashire-county-council', 'county_council', 'Lancashire County Council']]);
      const schools = rows((await runCli(['orgs', '--kind', 'school'])).stdout);
      const expected = everyOrganisation.filter((organisation) => organisation.kind === 'school');
      expect(schools.length).toBe(expected.length);
      expect(schools.every(([, kind]) => kind === 'school')).toBe(true);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'refuses an unknown kind, naming the kinds there are',
    async () => {
      const { code, stderr } = await runCli(['orgs', '--kind', 'skool']);
      expect(code).toBe(2);
      expect(stderr).toContain('Unknown kind "skool"');
      expect(stderr).toContain('school');
    },
    CLI_TEST_TIMEOUT,
  );
});

describe('pnpm cli roles', () => {
  it(
    'lists every role with what it may do',
    async () => {
      const { code, stdout } = await runCli(['roles']);
      expect(code).toBe(0);
      const listed = rows(stdout);
      expect(listed.map(([role]) => role)).toEqual([...MEMBERSHIP_ROLES]);
      for (const [role, description] of listed) expect(description?.length, role).toBeGreaterThan(10);
    },
    CLI_TEST_TIMEOUT,
  );
});

describe('pnpm cli token', () => {
  it(
    'answers a wrong slug with the closest ones and how to list them',
    async () => {
      const { code, stdout, stderr } = await runCli([
        'token',
        '--organisation',
        'lancs-county-council',
        '--role',
        'requester',
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/Closest: lancashire-county-council,/);
      expect(stderr).toContain('pnpm cli orgs --search');
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'mints a longer-lived development token with --ttl, within a day, the token alone on stdout',
    async () => {
      const { code, stdout, stderr } = await runCli([
        'token',
        '--organisation',
        'lancashire-county-council',
        '--role',
        'requester',
        '--ttl',
        '8h',
      ]);
      expect(code, stderr).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      const claims = decodeJwt(stdout.trim());
      expect(claims.exp! - claims.iat!).toBe(8 * 3_600);
      // Nothing but the token for a script (the lifetime line is for a terminal).
      expect(stderr).toBe('');

      const standard = await runCli(['token', '--organisation', 'lancashire-county-council', '--role', 'requester']);
      const standardClaims = decodeJwt(standard.stdout.trim());
      expect(standardClaims.exp! - standardClaims.iat!).toBe(900);

      const tooLong = await runCli([
        'token',
        '--organisation',
        'lancashire-county-council',
        '--role',
        'requester',
        '--ttl',
        '2d',
      ]);
      expect(tooLong.code).toBe(2);
      expect(tooLong.stdout).toBe('');
      expect(tooLong.stderr).toContain('--ttl must be from 60 seconds to 24 hours');
    },
    CLI_TEST_TIMEOUT * 2,
  );
});
