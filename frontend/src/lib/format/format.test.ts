import { describe, expect, it } from 'vitest';
import { formatBps, formatDate, formatMoney } from './format';

// Intl puts a narrow no-break space in some locales' output; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats cents as dollars in the user’s language', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(plain(formatMoney(123456, 'USD', 'de'))).toBe('1.234,56 $');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
  });

  it('never loses a cent to floating point', () => {
    expect(formatMoney(1, 'USD', 'en')).toBe('$0.01');
    expect(formatMoney(1999, 'USD', 'en')).toBe('$19.99');
    expect(formatMoney(-250, 'USD', 'en')).toBe('-$2.50');
  });

  it('respects currencies without minor units', () => {
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });
});

describe('formatBps', () => {
  it('shows basis points as a percentage', () => {
    expect(formatBps(1500, 'en')).toBe('15%');
    expect(formatBps(1250, 'en')).toBe('12.5%');
    expect(plain(formatBps(2000, 'de'))).toBe('20 %');
  });
});

describe('formatDate', () => {
  it('writes dates the way the user’s language does', () => {
    expect(formatDate('2026-11-27T10:00:00Z', 'en')).toBe('Nov 27, 2026');
    expect(formatDate('2026-11-27T10:00:00Z', 'de')).toBe('27.11.2026');
  });

  it('leaves an unreadable date as it came', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
