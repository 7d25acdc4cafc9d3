import { readFileSync } from 'node:fs';

/**
 * The source documents the seed data comes from, kept in the repository (`seeds/source-documents`)
 * so that a clone with nothing beside it seeds and passes its tests. They are verbatim copies of the
 * partnership's published documents; a test compares them with the originals when those are present.
 */
export const SOURCE_DOCUMENTS_URL = new URL('../source-documents/', import.meta.url);

export function sourceDocumentUrl(file: string): URL {
  return new URL(file, SOURCE_DOCUMENTS_URL);
}

const collapsedTexts = new Map<string, string>();

/** A document's text with every run of whitespace collapsed to one space, for finding quotes. */
export function sourceDocumentText(file: string): string {
  let text = collapsedTexts.get(file);
  if (text === undefined) {
    text = readFileSync(sourceDocumentUrl(file), 'utf8').replace(/\s+/g, ' ').trim();
    collapsedTexts.set(file, text);
  }
  return text;
}
