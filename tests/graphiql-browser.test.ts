import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPHIQL_EXAMPLES } from '@ssp/gateway';
import { seedOrganisationId } from '@ssp/seeds';
import { type Browser, chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevelopmentApp, startDevelopmentApp } from './support/development-app.ts';

// Issue 16: GraphiQL stayed on "Loading..." without internet access (yoga's page fetched it from
// a CDN). Debian's Chromium, driven by Playwright, opens our GraphiQL with every request that
// leaves the machine refused and recorded: none may be attempted, and the example must run.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** An editor's text as a reader sees it (Monaco renders spaces as no-break spaces). */
const editorText = async (region: Locator): Promise<string> =>
  ((await region.textContent()) ?? '').replace(/\u00a0/g, ' ');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const present = existsSync(CHROMIUM);
if (!present) {
  console.warn(
    `Skipping the GraphiQL browser test: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does).`,
  );
}

describe.skipIf(!present)('GraphiQL in Chromium with the network cut off', () => {
  let api: DevelopmentApp;
  let browser: Browser;
  beforeAll(async () => {
    api = await startDevelopmentApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('loads from our own server only, runs the partner example with a token and shows the result', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    const local: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOOPBACK.has(url.hostname)) {
        local.push(url.pathname);
        return route.continue();
      }
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/graphql`);
    const queryEditor = page.getByRole('region', { name: 'Operation Editor' });
    // The first tab is the partner's worked example, its comment saying how to send the token.
    await expect.poll(() => editorText(queryEditor), { timeout: 30_000 }).toContain('PartnerFirstLook');
    expect(await editorText(queryEditor)).toContain('"Authorization": "Bearer <token>"');
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual(['PartnerFirstLook', 'SchoolCapabilityMatch', 'Reconciliation']);

    // Replace the header editor's placeholder with a real partner token, as the comment says.
    const partner = GRAPHIQL_EXAMPLES[0]!;
    const token = (
      await api.app.issuer.issue({
        subject: 'browser-test',
        organisationId: seedOrganisationId(partner.organisationSlug),
        roles: [partner.role],
      })
    ).accessToken;
    const headers = page.getByRole('region', { name: 'Headers' });
    await headers.locator('.monaco-editor[data-uri$="request-headers.json"]').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // insertText, not typing: the editor would close brackets and quotes typed one by one.
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));

    await page.getByRole('button', { name: /Execute query/ }).click();
    const result = page.getByRole('region', { name: 'Result Window' });
    await expect.poll(() => editorText(result), { timeout: 30_000 }).toContain('Lancashire County Council');
    const shown = await editorText(result);
    expect(shown).toContain('"subject": "browser-test"');
    expect(shown).toContain('REQUESTER');
    expect(shown).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'graphiql-partner-example.png');
    await page.screenshot({ path: screenshot });
    console.info(`GraphiQL screenshot: ${screenshot}`);

    expect(outside, 'requests that tried to leave the machine').toEqual([]);
    expect(local).toContain('/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
