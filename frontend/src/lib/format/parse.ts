// What staff type into money and percentage fields, read exactly. The API counts money in
// integer cents and rates in integer basis points, so the typed text is split into its
// whole and fractional digits and put together with integer arithmetic: "19.99" is 1999
// cents, never 19.99 * 100 = 1998.9999999999998. Either "." or "," separates the
// decimals (English and German staff type differently); thousands separators are
// refused rather than guessed ("1,234" could be either).

/** Why a typed amount or rate cannot be read; `moneyInput.<code>` is its message. */
export type NumberInputProblem = 'required' | 'invalid' | 'tooManyDecimals' | 'tooLarge';

export type Parsed = { ok: true; value: number } | { ok: false; problem: NumberInputProblem };

/** The largest price the catalogue takes: $1,000,000.00 per seat. */
export const MAX_PRICE_CENTS = 100_000_000;
/** 100 % in basis points. */
export const MAX_BPS = 10_000;

const DECIMAL = /^(\d*)(?:[.,](\d*))?$/;

/** Whole and hundredths from `text` (two decimals at most), in hundredths. */
function parseHundredths(text: string, max: number): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'required' };
  const match = DECIMAL.exec(trimmed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (!whole && !fraction)) return { ok: false, problem: 'invalid' };
  if (fraction.length > 2) return { ok: false, problem: 'tooManyDecimals' };
  // Anything past nine digits is far above every limit, and stays out of Number().
  const significant = whole.replace(/^0+/, '');
  if (significant.length > 9) return { ok: false, problem: 'tooLarge' };
  const value = Number(significant || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return value > max ? { ok: false, problem: 'tooLarge' } : { ok: true, value };
}

/** "19.99", "19,99", "$19.99", "19" → cents; up to `max` cents. */
export function parseMoneyToCents(text: string, max = MAX_PRICE_CENTS): Parsed {
  return parseHundredths(text.trim().replace(/^\$\s*/, '').replace(/\s*\$$/, ''), max);
}

/** "20", "12.5", "7,25 %" → basis points (2000, 1250, 725); at most 100 %. */
export function parsePercentToBps(text: string, max = MAX_BPS): Parsed {
  return parseHundredths(text.trim().replace(/\s*%$/, ''), max);
}

/** The decimal separator of `locale` ("." in English, "," in German). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** Cents as a form field's text, always with two decimals: 1999 → "19.99" / "19,99". */
export function centsToInput(cents: number, separator = '.'): string {
  const whole = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${whole}${separator}${rest}`;
}

/** Basis points as a form field's percentage: 2000 → "20", 1250 → "12.5" / "12,5". */
export function bpsToInput(bps: number, separator = '.'): string {
  const whole = Math.trunc(bps / 100);
  const rest = String(Math.abs(bps % 100)).padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}${separator}${rest}` : String(whole);
}
