import { describe, expect, it } from 'vitest';
import { taxFormErrors, taxFormValues, taxRateBody } from './taxForm';

describe('the tax-rate form', () => {
  it('needs a country, a rate up to 100 % and a label', () => {
    expect(taxFormErrors({ country: '', rate_bps: '', label: ' ' })).toEqual({
      country: 'staffTaxRates.validation.countryRequired',
      rate_bps: 'moneyInput.required',
      label: 'staffTaxRates.validation.labelRequired',
    });
    expect(taxFormErrors({ country: 'DE', rate_bps: '100,5', label: 'USt.' })).toEqual({ rate_bps: 'moneyInput.tooLarge' });
    expect(taxFormErrors({ country: 'DE', rate_bps: '19', label: 'x'.repeat(101) })).toEqual({ label: 'staffTaxRates.validation.labelTooLong' });
  });

  it('sends basis points, read exactly, and a trimmed label', () => {
    expect(taxFormErrors({ country: 'DE', rate_bps: '19', label: ' USt. ' })).toEqual({});
    expect(taxRateBody({ country: 'DE', rate_bps: '19', label: ' USt. ' })).toEqual({ country: 'DE', rate_bps: 1900, label: 'USt.' });
    expect(taxRateBody({ country: 'AT', rate_bps: '7,7', label: 'MwSt.' })).toEqual({ country: 'AT', rate_bps: 770, label: 'MwSt.' });
  });

  it('shows a saved rate in the reader’s decimal separator', () => {
    const rate = { country: 'CH', rate_bps: 810, label: 'MWST', updated_at: '2026-12-01T00:00:00Z' };
    expect(taxFormValues(rate, ',')).toEqual({ country: 'CH', rate_bps: '8,1', label: 'MWST' });
    expect(taxFormValues(undefined, '.')).toEqual({ country: '', rate_bps: '', label: '' });
  });
});
