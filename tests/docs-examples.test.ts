import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppConfig } from '@ssp/core';
import { bannerExample, startBanner } from '@ssp/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevelopmentApp, startDevelopmentApp } from './support/development-app.ts';
import { withoutCost } from './support/test-app.ts';

// Issue 16: "a guide for partner developers, every example executed by a test so it cannot go
// stale". Every `sh` block of docs/partner-guide.md runs, in order, in one bash against a real
// server (the address the guide writes, http://127.0.0.1:4000, swapped for this server's), with
// `pnpm cli token` minting on the server's own key file as on a developer's machine. A `json`
// block right after an `sh` block is the sample answer: the real one must have its shape, and
// its values wherever the sample does not write "…".

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUIDE = join(REPO_ROOT, 'docs', 'partner-guide.md');
const GUIDE_ADDRESS = 'http://127.0.0.1:4000';

interface Block {
  language: string;
  text: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, in order. */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[index]!);
    if (!open) continue;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== '```'; index += 1) body.push(lines[index]!);
    blocks.push({ language: open[1] ?? '', text: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** Where the sample differs from the answer: a missing key, a different value, a shorter list. */
function differences(sample: unknown, actual: unknown, path = '$'): string[] {
  if (typeof sample === 'string' && sample.includes('…')) return actual === undefined ? [`${path} is missing`] : [];
  if (Array.isArray(sample)) {
    if (!Array.isArray(actual)) return [`${path} is not a list`];
    if (actual.length < sample.length) return [`${path} has ${actual.length} items, the sample ${sample.length}`];
    return sample.flatMap((item, index) => differences(item, actual[index], `${path}[${index}]`));
  }
  if (sample !== null && typeof sample === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path} is not an object`];
    return Object.entries(sample).flatMap(([key, value]) =>
      differences(value, (actual as Record<string, unknown>)[key], `${path}.${key}`),
    );
  }
  return Object.is(sample, actual)
    ? []
    : [`${path} is ${JSON.stringify(actual)}, the sample ${JSON.stringify(sample)}`];
}

function run(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('bash', ['-c', script], { cwd: REPO_ROOT, env, timeout: 240_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const blocks = fencedBlocks(readFileSync(GUIDE, 'utf8'));
const shellBlocks = blocks.filter((block) => block.language === 'sh');

describe('docs/partner-guide.md', () => {
  it('covers the partner journey: credentials, /oauth/token, a request, its SLA, the report', () => {
    const shell = shellBlocks.map((block) => block.text).join('\n');
    for (const step of [
      'createApiClient',
      '/oauth/token',
      'raiseServiceRequest',
      'fulfilmentSla',
      'performanceReport',
    ]) {
      expect(shell, step).toContain(step);
    }
    // Only blocks the test runs or checks: nothing in the guide escapes it.
    expect(blocks.filter((block) => block.language !== 'sh' && block.language !== 'json')).toEqual([]);
    for (const block of blocks.filter((candidate) => candidate.language === 'json')) {
      expect(() => JSON.parse(block.text), `the json block at line ${block.line}`).not.toThrow();
    }
  });

  describe('every example, run against a server', () => {
    let api: DevelopmentApp;
    const folder = mkdtempSync(join(tmpdir(), 'ssp-docs-'));
    const keysFile = join(folder, 'signing-keys.json');
    beforeAll(async () => {
      api = await startDevelopmentApp({ signingKeysFile: keysFile });
    });
    afterAll(async () => {
      await api?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('runs in order, each block succeeding and answering like the sample after it', async () => {
      const steps = shellBlocks.map((block, index) => {
        const output = join(folder, `block-${index}.out`);
        // A brace group runs in this shell, so a block's variables reach the next one.
        return `echo "guide block at line ${block.line}" >&2\n{\n${block.text.replaceAll(GUIDE_ADDRESS, api.url)}\n} > ${output}`;
      });
      const { code, stderr } = await run(`set -euo pipefail\n${steps.join('\n')}\n`, {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SIGNING_KEYS_FILE: keysFile,
        NODE_ENV: 'development',
      });
      expect(code, `the guide's examples failed:\n${stderr}`).toBe(0);

      let checked = 0;
      for (const [index, block] of shellBlocks.entries()) {
        const next = blocks[blocks.indexOf(block) + 1];
        if (next?.language !== 'json') continue;
        const printed = readFileSync(join(folder, `block-${index}.out`), 'utf8');
        let answer: unknown;
        expect(() => {
          answer = JSON.parse(printed);
        }, `the block at line ${block.line} printed no JSON:\n${printed}`).not.toThrow();
        expect(differences(JSON.parse(next.text), answer), `the sample at line ${next.line}`).toEqual([]);
        checked += 1;
      }
      expect(checked).toBeGreaterThanOrEqual(6);
    }, 300_000);

    it("the start banner's paste-ready example answers who the token acts for", async () => {
      const banner = startBanner({ url: api.url, config: loadAppConfig({ NODE_ENV: 'development' }), graphiql: true });
      const example = bannerExample(api.url);
      for (const line of example) expect(banner).toContain(line);
      expect(banner).toContain(`${api.url}/graphql`);
      const { code, stdout, stderr } = await run(`set -euo pipefail\n${example.join('\n')}\n`, {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SIGNING_KEYS_FILE: keysFile,
      });
      expect(code, stderr).toBe(0);
      expect(withoutCost(JSON.parse(stdout))).toEqual({
        data: {
          viewer: {
            subject: 'cli:requester@lancashire-county-council',
            roles: ['REQUESTER'],
            organisation: { name: 'Lancashire County Council' },
          },
        },
      });
    }, 120_000);
  });
});
