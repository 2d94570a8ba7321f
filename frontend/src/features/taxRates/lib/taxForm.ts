// The tax-rate form's rules, shared by the modal and its tests. The rate is typed in
// percent and read exactly (@/lib/format/parse); the fields carry the API's names so a
// server error lands on the field it is about.
import { bpsToInput, parsePercentToBps } from '@/lib/format/parse';
import type { TaxRate, TaxRateForm } from '../api/types';

export const LABEL_MAX = 100;

export type TaxFormValues = { country: string; rate_bps: string; label: string };

export function taxFormValues(rate: TaxRate | undefined, separator: string): TaxFormValues {
  return rate ? { country: rate.country, rate_bps: bpsToInput(rate.rate_bps, separator), label: rate.label } : { country: '', rate_bps: '', label: '' };
}

/** What is wrong with each field, as translation keys; empty when the rate may be sent. */
export function taxFormErrors(values: TaxFormValues): Partial<Record<keyof TaxFormValues, string>> {
  const errors: Partial<Record<keyof TaxFormValues, string>> = {};
  if (!/^[A-Z]{2}$/.test(values.country)) errors.country = 'staffTaxRates.validation.countryRequired';
  const rate = parsePercentToBps(values.rate_bps);
  if (!rate.ok) errors.rate_bps = `moneyInput.${rate.problem}`;
  const label = values.label.trim();
  if (!label) errors.label = 'staffTaxRates.validation.labelRequired';
  else if (label.length > LABEL_MAX) errors.label = 'staffTaxRates.validation.labelTooLong';
  return errors;
}

/** The country and the body that sets its rate (the form validated the values first). */
export function taxRateBody(values: TaxFormValues): TaxRateForm & { country: string } {
  const rate = parsePercentToBps(values.rate_bps);
  if (!rate.ok) throw new Error(`unvalidated tax form: ${rate.problem}`);
  return { country: values.country, rate_bps: rate.value, label: values.label.trim() };
}
