import { describe, expect, it } from 'vitest';
import { isValidSeats, quote } from './pricing';

const standard = { monthly_price_cents: 1500, yearly_price_cents: 15000 };

describe('quote', () => {
  it('prices monthly billing per seat per month', () => {
    expect(quote(standard, 'monthly', 5)).toEqual({
      term: 'monthly',
      seats: 5,
      unitPerTermCents: 1500,
      unitPerMonthCents: 1500,
      totalPerTermCents: 7500,
      totalPerMonthCents: 7500,
      savingBps: null,
    });
  });

  it('prices yearly billing per seat per year, with the monthly equivalent and the saving', () => {
    const q = quote(standard, 'yearly', 5);
    expect(q.unitPerTermCents).toBe(15000);
    expect(q.unitPerMonthCents).toBe(1250);
    expect(q.totalPerTermCents).toBe(75000);
    expect(q.totalPerMonthCents).toBe(6250);
    // 12 × $15 = $180 against $150: a sixth saved.
    expect(q.savingBps).toBe(1667);
  });

  it('rounds the monthly equivalent to whole cents, and only that', () => {
    const odd = { monthly_price_cents: 999, yearly_price_cents: 9999 };
    const q = quote(odd, 'yearly', 7);
    expect(q.unitPerMonthCents).toBe(833); // 833.25
    expect(q.totalPerTermCents).toBe(69993);
    expect(q.totalPerMonthCents).toBe(5833); // 5832.75, not 7 × 833
    expect(Number.isInteger(q.totalPerMonthCents)).toBe(true);
  });

  it('claims no saving when a year costs as much as twelve months', () => {
    expect(quote({ monthly_price_cents: 1000, yearly_price_cents: 12000 }, 'yearly', 1).savingBps).toBeNull();
  });

  it('scales linearly up to 50 seats', () => {
    expect(quote(standard, 'monthly', 50).totalPerTermCents).toBe(75000);
    expect(quote(standard, 'yearly', 50).totalPerTermCents).toBe(750000);
  });
});

describe('isValidSeats', () => {
  it('accepts whole seats from 1 to 50 only', () => {
    expect([1, 25, 50].every(isValidSeats)).toBe(true);
    expect([0, 51, -1, 2.5, Number.NaN, '5', null, ''].some(isValidSeats)).toBe(false);
  });
});
