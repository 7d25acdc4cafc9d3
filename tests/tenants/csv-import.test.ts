import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Each CLI run starts Node with tsx and loads the packages: seconds on a busy machine.
const CLI_TEST_TIMEOUT = 60_000;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const folder = mkdtempSync(join(tmpdir(), 'ssp-import-'));

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const HEADER =
  'name,kind,nation,identifier_scheme,identifier,offerings,tenant_admin_name,tenant_admin_email,tenant_admin_issuer,tenant_admin_subject';

function csv(name: string, lines: string[]): string {
  const file = join(folder, name);
  writeFileSync(file, [HEADER, ...lines].join('\n'));
  return file;
}

function runImport(
  file: string,
  token: string,
  extra: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        'packages/gateway/src/cli/main.ts',
        'import-organisations',
        '--file',
        file,
        '--parent',
        'liverpool-direct',
        '--api',
        api.url,
        '--token',
        token,
        ...extra,
      ],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test' }, timeout: 45_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('pnpm cli import-organisations', () => {
  it(
    'onboards the rows of a CSV file through the API, reports each, and creates nothing twice when run again',
    async () => {
      const token = await api.tokenFor('liverpool-direct', ['tenant_admin']);
      const file = csv('schools.csv', [
        'Kirkby Primary School,school,england_and_wales,urn,810001,dbs-check;password-reset,Head One,head1@kirkby.test,https://sso.kirkby.test/,head1',
        'Bootle High School,school,england_and_wales,urn,810002,dbs-check,Head Two,,https://sso.kirkby.test/,head2',
        'Crosby Academy,academy,england_and_wales,urn,81x003,dbs-check,Head Three,,https://sso.kirkby.test/,head3',
      ]);
      const first = await runImport(file, token);
      expect(first.stdout).toContain('row 1\tcreated\tKirkby Primary School');
      expect(first.stdout).toContain('row 2\tcreated\tBootle High School');
      expect(first.stdout).toContain(
        'row 3\terror\tCrosby Academy (identifier.value: This is not a valid urn identifier)',
      );
      expect(first.stdout).toContain('2 created, 0 already existed, 1 errors; written');
      expect(first.code).toBe(1);

      // The same file under the same (default) batch key is the same batch: its first result again.
      const replay = await runImport(file, token);
      expect(replay.stdout).toContain('2 created, 0 already existed, 1 errors; written');
      // Under another key it is a new batch, which finds both schools already there.
      const again = await runImport(file, token, ['--batch-key', 'import:schools.csv:again']);
      expect(again.stdout).toContain('0 created, 2 already existed, 1 errors; nothing written');
      const schools = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'count' }, (tx) =>
        tx.query.organisations.findMany({ where: { identifier: { in: ['810001', '810002'] } }, columns: { id: true } }),
      );
      expect(schools).toHaveLength(2);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'refuses a file naming an offering the catalogue lacks, before sending anything',
    async () => {
      const token = await api.tokenFor('liverpool-direct', ['tenant_admin']);
      const file = csv('unknown.csv', [
        'Halewood School,school,england_and_wales,urn,810010,catering,Head,,https://sso.kirkby.test/,head10',
      ]);
      const result = await runImport(file, token);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('row 1, offerings: no offering has the code "catering"');
    },
    CLI_TEST_TIMEOUT,
  );
});
