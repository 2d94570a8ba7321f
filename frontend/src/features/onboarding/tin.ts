// The TIN as typed: digits only, shown with the dashes of its kind while typing
// (SSN 123-45-6789, EIN 12-3456789). It is write-only: the API returns it masked.
import type { TinType } from '@/lib/api/types';

export function formatTin(input: string, type: TinType): string {
  const digits = input.replace(/\D/g, '').slice(0, 9);
  if (type === 'ein') return digits.length > 2 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
  if (digits.length > 5) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  if (digits.length > 3) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return digits;
}

export function isCompleteTin(value: string): boolean {
  return value.replace(/\D/g, '').length === 9;
}
