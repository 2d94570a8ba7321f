import { describe, expect, it } from 'vitest';
import { pictureProblem } from './picture';
import { formatTin, isCompleteTin } from './tin';

describe('formatTin', () => {
  it('shows an SSN as 123-45-6789 while typing', () => {
    expect(formatTin('123', 'ssn')).toBe('123');
    expect(formatTin('1234', 'ssn')).toBe('123-4');
    expect(formatTin('123456789', 'ssn')).toBe('123-45-6789');
    expect(formatTin('123-45-67890000', 'ssn')).toBe('123-45-6789');
  });

  it('shows an EIN as 12-3456789', () => {
    expect(formatTin('123456789', 'ein')).toBe('12-3456789');
    expect(formatTin('123-45-6789', 'ein')).toBe('12-3456789');
  });

  it('knows when all nine digits are there', () => {
    expect(isCompleteTin('123-45-678')).toBe(false);
    expect(isCompleteTin('123-45-6789')).toBe(true);
  });
});

describe('pictureProblem', () => {
  it('accepts PNG, JPEG and WebP up to 2 MiB', () => {
    expect(pictureProblem({ type: 'image/png', size: 2 * 1024 * 1024 })).toBeNull();
    expect(pictureProblem({ type: 'image/webp', size: 10 })).toBeNull();
    expect(pictureProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(pictureProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 + 1 })).toBe('size');
  });
});
