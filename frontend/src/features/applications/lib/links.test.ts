import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './links';

describe('safeHttpUrl', () => {
  it('keeps http(s) links and drops anything else', () => {
    expect(safeHttpUrl('https://example.com/me')).toBe('https://example.com/me');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
