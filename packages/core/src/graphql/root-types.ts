import { builder } from './builder.ts';

builder.queryType({ description: 'Everything a caller can read.' });
builder.mutationType({ description: 'Everything a caller can change. Each mutation takes one `input`.' });
