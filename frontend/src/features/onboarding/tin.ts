// The TIN as typed: digits only, shown with the dashes of its kind while typing
// (SSN 123-45-6789, EIN 12-3456789). It is write-only: the API returns it masked.
// A tenth digit is kept and shown, so the form can say it is one too many; cutting it
// off silently would store a different number than the one the person meant.
import type { TinType } from '@/lib/api/types';

/** Digits kept while typing: enough to show "too many", bounded against pastes of junk. */
const MAX_TYPED_DIGITS = 12;

export function tinDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

/** What is wrong with the number as typed, if anything. */
export function tinProblem(value: string): 'short' | 'long' | null {
  const n = tinDigits(value);
  if (n > 9) return 'long';
  return n < 9 ? 'short' : null;
}

export function formatTin(input: string, type: TinType): string {
  const digits = input.replace(/\D/g, '').slice(0, MAX_TYPED_DIGITS);
  if (type === 'ein') return digits.length > 2 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
  if (digits.length > 5) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  if (digits.length > 3) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return digits;
}

export function isCompleteTin(value: string): boolean {
  return tinProblem(value) === null;
}
