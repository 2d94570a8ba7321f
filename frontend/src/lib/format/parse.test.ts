import { describe, expect, it } from 'vitest';
import { bpsToInput, centsToInput, decimalSeparator, MAX_PRICE_CENTS, parseMoneyToCents, parsePercentToBps } from './parse';

const cents = (text: string) => parseMoneyToCents(text);
const bps = (text: string) => parsePercentToBps(text);

describe('parseMoneyToCents', () => {
  it('reads dollars and cents with integer arithmetic', () => {
    expect(cents('19.99')).toEqual({ ok: true, value: 1999 });
    // 0.29 * 100 and 1.13 * 100 are not whole numbers in floating point.
    expect(cents('0.29')).toEqual({ ok: true, value: 29 });
    expect(cents('1.13')).toEqual({ ok: true, value: 113 });
    expect(cents('4.35')).toEqual({ ok: true, value: 435 });
    expect(cents('12')).toEqual({ ok: true, value: 1200 });
    expect(cents('12.5')).toEqual({ ok: true, value: 1250 });
    expect(cents('.5')).toEqual({ ok: true, value: 50 });
    expect(cents('7.')).toEqual({ ok: true, value: 700 });
    expect(cents('0')).toEqual({ ok: true, value: 0 });
    expect(cents('007.20')).toEqual({ ok: true, value: 720 });
  });

  it('takes a comma as the decimal separator (German) and a dollar sign around the amount', () => {
    expect(cents('19,99')).toEqual({ ok: true, value: 1999 });
    expect(cents(' $ 7.20 ')).toEqual({ ok: true, value: 720 });
    expect(cents('7,20 $')).toEqual({ ok: true, value: 720 });
  });

  it('says what is wrong with what cannot be read', () => {
    expect(cents('')).toEqual({ ok: false, problem: 'required' });
    expect(cents('   ')).toEqual({ ok: false, problem: 'required' });
    expect(cents('abc')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('-5')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('1e3')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('.')).toEqual({ ok: false, problem: 'invalid' });
    // Thousands separators are refused, not guessed.
    expect(cents('1.234,56')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('1,234')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(cents('19.999')).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });

  it('refuses amounts above the limit, however many digits', () => {
    expect(cents('1000000')).toEqual({ ok: true, value: MAX_PRICE_CENTS });
    expect(cents('1000000.01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(cents('99999999999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseMoneyToCents('5.01', 500)).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('parsePercentToBps', () => {
  it('reads percentages as basis points', () => {
    expect(bps('20')).toEqual({ ok: true, value: 2000 });
    expect(bps('12.5')).toEqual({ ok: true, value: 1250 });
    expect(bps('7,25 %')).toEqual({ ok: true, value: 725 });
    expect(bps('19%')).toEqual({ ok: true, value: 1900 });
    expect(bps('0.01')).toEqual({ ok: true, value: 1 });
    expect(bps('0')).toEqual({ ok: true, value: 0 });
    expect(bps('100')).toEqual({ ok: true, value: 10_000 });
  });

  it('refuses more than 100 %, more than two decimals and anything else', () => {
    expect(bps('100.01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(bps('12.125')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(bps('twenty')).toEqual({ ok: false, problem: 'invalid' });
    expect(bps('')).toEqual({ ok: false, problem: 'required' });
  });
});

describe('back to a field', () => {
  it('writes cents with two decimals in the reader’s separator', () => {
    expect(centsToInput(1999)).toBe('19.99');
    expect(centsToInput(720, ',')).toBe('7,20');
    expect(centsToInput(5)).toBe('0.05');
    expect(centsToInput(0)).toBe('0.00');
  });

  it('writes basis points without trailing zeros', () => {
    expect(bpsToInput(2000)).toBe('20');
    expect(bpsToInput(1250, ',')).toBe('12,5');
    expect(bpsToInput(725)).toBe('7.25');
    expect(bpsToInput(1)).toBe('0.01');
  });

  it('round-trips every value it writes', () => {
    for (const value of [0, 1, 29, 113, 435, 1999, 7200, MAX_PRICE_CENTS]) {
      expect(parseMoneyToCents(centsToInput(value, ','))).toEqual({ ok: true, value });
    }
    for (const value of [0, 1, 725, 1250, 2000, 10_000]) {
      expect(parsePercentToBps(bpsToInput(value, ','))).toEqual({ ok: true, value });
    }
  });

  it('knows the decimal separator of each language', () => {
    expect(decimalSeparator('en')).toBe('.');
    expect(decimalSeparator('de')).toBe(',');
  });
});
