import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it.each([
    ['/app', '/app'],
    ['/admin?tab=users#x', '/admin?tab=users#x'],
    [null, '/app'],
    ['', '/app'],
    ['https://evil.example/', '/app'],
    ['//evil.example/', '/app'],
    ['/\\evil.example', '/app'],
    ['javascript:alert(1)', '/app'],
    ['/login?next=/app', '/app'],
  ])('%s → %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
