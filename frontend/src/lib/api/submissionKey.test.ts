import { describe, expect, it } from 'vitest';
import { submissionKeys } from './submissionKey';

describe('submissionKeys', () => {
  it('keeps the key while the same body is sent again and makes a new one for another body or after settling', () => {
    let n = 0;
    const keys = submissionKeys(() => `key-${(n += 1)}`);
    const body = { amount_cents: 1250, reason: 'Goodwill' };
    expect(keys.keyFor(body)).toBe('key-1');
    expect(keys.keyFor({ ...body })).toBe('key-1');
    expect(keys.keyFor({ ...body, amount_cents: 1300 })).toBe('key-2');
    keys.settle();
    expect(keys.keyFor({ ...body, amount_cents: 1300 })).toBe('key-3');
  });
});
