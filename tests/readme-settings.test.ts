import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 16: "The port comes from PORT (default 4000), written nowhere but the config file." The
// README's settings table must name every setting the config reads, with the config's default.

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Each setting of the config's environment schema and its default as written there (null: none). */
function configSettings(): Map<string, string | null> {
  const source = read('packages/core/src/config/app-config.ts');
  const schema = source.slice(source.indexOf('z.object({'), source.indexOf('});'));
  const settings = new Map<string, string | null>();
  for (const match of schema.matchAll(/^\s+([A-Z][A-Z0-9_]+): (z\..*?)(?:,\s*$|$)/gm)) {
    const fallback = /\.default\((.+)\)\s*$/.exec(match[2]!);
    settings.set(match[1]!, fallback ? fallback[1]!.replace(/^'|'$/g, '').replace(/_/g, '') : null);
  }
  return settings;
}

/** The README's settings table: setting name to its default cell. */
function readmeSettings(): Map<string, string> {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Settings'));
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([A-Z][A-Z0-9_]+)`\s*\|\s*([^|]+?)\s*\|/gm))
    rows.set(match[1]!, match[2]!);
  return rows;
}

describe("the README's settings table", () => {
  it('names every setting of the config with its default', () => {
    const config = configSettings();
    expect(config.get('PORT')).toBe('4000');
    const readme = readmeSettings();
    for (const [setting, fallback] of config) {
      const cell = readme.get(setting);
      expect(cell, `${setting} is missing from the README's settings table`).toBeDefined();
      if (fallback === null) expect(cell, setting).toMatch(/^unset/);
      else expect(cell?.replace(/`/g, '').split(' ')[0], setting).toBe(fallback);
    }
  });

  it('also names LOG_LEVEL, which the logger reads', () => {
    expect(read('packages/gateway/src/platform-app.ts')).toContain('process.env.LOG_LEVEL');
    expect(readmeSettings().has('LOG_LEVEL')).toBe(true);
  });

  it("names the tests' own settings (tests/support reads them)", () => {
    const support = read('tests/support/test-database-settings.ts');
    const read_ = [...support.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]);
    expect(read_).toEqual(expect.arrayContaining(['TEST_DATABASE_URL', 'TEST_CITUS_WORKER_URLS']));
    for (const setting of read_) expect(readmeSettings().has(setting as string), setting).toBe(true);
  });
});
