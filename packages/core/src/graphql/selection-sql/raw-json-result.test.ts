import { describe, expect, it } from 'vitest';
import { RawJson, stringifyWithRawJson } from './raw-json-result.ts';

describe('a result holding raw JSON answers', () => {
  it('is written with each answer spliced in as it came, and the rest as JSON.stringify writes it', () => {
    const answer = '{"nodes":[{"title":"a \\"quoted\\" title","n":1}]}';
    const result = {
      data: { serviceRequests: new RawJson(answer), __typename: 'Query' },
      extensions: { cost: { requestedQueryCost: 42 } },
    };
    const text = stringifyWithRawJson(result);
    expect(text).toContain(answer);
    expect(JSON.parse(text)).toEqual({
      data: { serviceRequests: JSON.parse(answer), __typename: 'Query' },
      extensions: { cost: { requestedQueryCost: 42 } },
    });
  });

  it('gives its value to anything serialising it another way', () => {
    expect(JSON.stringify({ data: { page: new RawJson('{"nodes":[]}') } })).toBe('{"data":{"page":{"nodes":[]}}}');
  });
});
