import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCE_DOCUMENTS_URL } from './source-documents.ts';

// The partnership's own copy of the documents, where a checkout has it beside the repository.
const publishedCopy = new URL('../../../shared/source-documents/', import.meta.url);
const keptCopy = fileURLToPath(SOURCE_DOCUMENTS_URL);

describe('the source documents kept in the repository', () => {
  it('hold every document the seeds quote', () => {
    const files = readdirSync(keptCopy);
    expect(files).toContain('README.md');
    expect(files.filter((file) => file.endsWith('.txt')).length).toBeGreaterThanOrEqual(5);
  });

  it.runIf(existsSync(publishedCopy))(
    'are byte for byte the published documents, where those are beside the clone',
    () => {
      const published = readdirSync(publishedCopy).sort();
      expect(readdirSync(keptCopy).sort()).toEqual(published);
      for (const file of published) {
        expect(
          readFileSync(new URL(file, SOURCE_DOCUMENTS_URL)).equals(readFileSync(new URL(file, publishedCopy))),
          file,
        ).toBe(true);
      }
    },
  );
});
