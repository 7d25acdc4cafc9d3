import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCE_DOCUMENTS_URL } from './source-documents.ts';

// The documents are kept exactly as the partnership published them: the seeds quote them word for
// word, so an edit would break a quotation silently. Their SHA-256 sums were taken when they were
// copied in (`sha256sum` format, beside the folder).
const keptCopy = fileURLToPath(SOURCE_DOCUMENTS_URL);
const published = new Map(
  readFileSync(new URL('../source-documents.sha256', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [sum, file] = line.split(/\s+\*?/);
      return [file!, sum!] as const;
    }),
);

describe('the source documents kept in the repository', () => {
  it('are the published documents, every one and nothing else', () => {
    expect(published.size).toBeGreaterThanOrEqual(6);
    expect(readdirSync(keptCopy).sort()).toEqual([...published.keys()].sort());
  });

  it.each([...published])('%s is byte for byte as published', (file, sum) => {
    expect(
      createHash('sha256')
        .update(readFileSync(new URL(file, SOURCE_DOCUMENTS_URL)))
        .digest('hex'),
    ).toBe(sum);
  });
});
