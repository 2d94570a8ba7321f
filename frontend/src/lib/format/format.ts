// Numbers, money and dates in the user's language. Money is integer minor units with a
// currency (never floating point on the wire); it is divided only for display here.

/** Minor units per major unit, by ISO 4217 exponent (USD 2, JPY 0, …). */
function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** `formatMoney(123456, 'USD', 'en')` → "$1,234.56"; `… 'de'` → "1.234,56 $". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / minorUnitsPerMajor(currency));
}

/** Basis points as a percentage: 1500 → "15%" (en) or "15 %" (de); 1250 → "12.5%". */
export function formatBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A date (no time) in the user's locale, e.g. "Nov 27, 2026" / "27.11.2026". */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A moment in the user's locale and time zone, e.g. "Nov 27, 2026, 10:04 AM". */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
