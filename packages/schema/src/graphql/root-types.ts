import { builder } from './builder.ts';

builder.queryType({
  description:
    'Everything a caller can read. A query that fails raises a top-level error whose `extensions.code` is an `ErrorCode` (docs/errors.md).',
});
builder.mutationType({
  description:
    'Everything a caller can change. Each mutation takes one `input` and answers with a union of its payload and the typed errors (`Error`, each with a `code`); when it answers with an error, nothing was changed. Only a missing token (`UNAUTHENTICATED`) and query limits are top-level errors here (docs/errors.md).',
});
