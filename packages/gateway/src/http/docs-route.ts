import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { sendText } from './landing-page.ts';

/** The documents served under `/docs/`, read from the repository's `docs/` folder. */
const DOCUMENTS: Readonly<Record<string, URL>> = {
  '/docs/partner-guide.md': new URL('../../../../docs/partner-guide.md', import.meta.url),
};

/** Serves a guide as plain text (browsers show Markdown as text; nothing in it runs). */
export async function sendDocument(response: ServerResponse, path: string): Promise<void> {
  const file = DOCUMENTS[path];
  if (!file) return sendText(response, 404, 'text/plain; charset=utf-8', 'not found\n');
  return sendText(response, 200, 'text/plain; charset=utf-8', await readFile(file, 'utf8'));
}
