import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idempotencyInputHash } from './idempotency-key.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('idempotencyInputHash', () => {
  it('hashes a list of values as the SHA-256 of its JSON, bigints as decimal text', () => {
    expect(idempotencyInputHash(['a', 1, 12345678901234567890n, null])).toBe(
      sha256('["a",1,"12345678901234567890",null]'),
    );
  });

  it('gives an onboarding input the hash onboarding stored before it used this helper', () => {
    // Onboarding stored sha256(JSON.stringify(input without its key)); retries of those keys
    // must still match. The value is that formula's, pinned.
    const input = {
      parentId: 'T3JnYW5pc2F0aW9uOjE=',
      name: 'Bowland High School',
      kind: 'school',
      nation: 'england',
      identifier: 'URN 119722',
      subscriptions: [{ offeringId: 'U2VydmljZU9mZmVyaW5nOjI=', unitPrice: '1250.00' }],
      admin: { issuer: 'https://login.example/', subject: 'head@bowland.example', roles: ['tenant_admin'] },
    };
    expect(idempotencyInputHash(input)).toBe(sha256(JSON.stringify(input)));
    expect(idempotencyInputHash(input)).toBe('6e370c35f497b059e70f50fe67427ac57097a73d33e6b4980a0427233ff9c4af');
  });

  it('tells apart inputs that differ in one value, or only in order', () => {
    expect(idempotencyInputHash(['a', 'b'])).not.toBe(idempotencyInputHash(['b', 'a']));
    expect(idempotencyInputHash({ amount: 1n })).not.toBe(idempotencyInputHash({ amount: 2n }));
  });
});
