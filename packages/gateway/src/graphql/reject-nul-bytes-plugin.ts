import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The input path of the first string holding U+0000 within `value`, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function nulRefusal(field: string): GraphQLError {
  return new GraphQLError('Text may not contain the NUL character (U+0000)', {
    extensions: { code: 'VALIDATION', field, http: { status: 400 } },
  });
}

/**
 * The argument of the first string literal holding U+0000 within `document` ('query' outside
 * any argument), or null. Remembered per document: yoga reuses the parsed document of a query
 * text it has seen, so each query text is walked once.
 */
const nulLiteralOf = new WeakMap<DocumentNode, string | null>();
function nulLiteral(document: DocumentNode): string | null {
  const known = nulLiteralOf.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    [Kind.STRING]: (node, _key, _parent, _path, ancestors) => {
      if (found !== null || !node.value.includes('\u0000')) return;
      const argument = [...ancestors]
        .reverse()
        .find((ancestor) => !Array.isArray(ancestor) && (ancestor as { kind?: string }).kind === Kind.ARGUMENT);
      found = argument ? (argument as { name: { value: string } }).name.value : 'query';
    },
  });
  nulLiteralOf.set(document, found);
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000, so a string carrying it fails deep in the driver as a
 * masked "Unexpected error.". Refused here instead, in variables and in literals alike, as a
 * validation error naming the input, before any resolver or transaction runs.
 */
export function rejectNulBytesPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const field = nulPath(args.variableValues ?? {}, '') ?? nulLiteral(args.document);
      if (field !== null) setResultAndStopExecution({ errors: [nulRefusal(field)] });
    },
  };
}
