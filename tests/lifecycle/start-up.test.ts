import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataFolder } from '@ssp/gateway';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm start`'s refusals, in a real child process (the start script's own command): each is
// one line on stderr and exit code 1, before anything is migrated or seeded.

const folder = mkdtempSync(join(tmpdir(), 'ssp-start-up-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function start(environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/gateway/src/main.ts'], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running; stderr: ${stderr}`));
    }, 25_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('pnpm start refuses clearly', () => {
  it('a database refusing connections: retried with backoff, then one line', async () => {
    const result = await start({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      DATABASE_CONNECT_ATTEMPTS: '3',
      PORT: '0',
    });
    expect(result).toEqual({
      code: 1,
      stderr:
        'Cannot start: Cannot reach the database at 127.0.0.1:1/nowhere after 3 attempts (connect ECONNREFUSED 127.0.0.1:1)\n',
    });
  }, 30_000);

  it('a busy port: one line, and the data folder untouched', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as { port: number }).port;
    const dataDir = join(folder, 'busy-port');
    try {
      const result = await start({ PORT: String(port), PGLITE_DATA_DIR: dataDir });
      expect(result).toEqual({
        code: 1,
        stderr: `Cannot start: Port ${port} on 127.0.0.1 is already in use (another server?): stop it or set PORT\n`,
      });
    } finally {
      busy.close();
    }
    expect(() => readdirSync(dataDir)).toThrow();
  }, 30_000);

  it('a data folder another server holds: one line, nothing migrated or seeded', async () => {
    const dataDir = join(folder, 'held');
    const unlock = await lockDataFolder(dataDir, () => undefined);
    try {
      const result = await start({ PORT: '0', PGLITE_DATA_DIR: dataDir, SIGNING_KEYS_FILE: join(folder, 'keys.json') });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^Cannot start: Another server is using the data folder .*held \(lock .*held\.lock\)/,
      );
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await unlock();
    }
  }, 30_000);
});
