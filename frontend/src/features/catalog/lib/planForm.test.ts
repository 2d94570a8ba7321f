import { describe, expect, it } from 'vitest';
import type { AdminPlan } from '../api/types';
import { changesPricing, newPlanBody, planChanges, planFormErrors, planFormValues, productFormErrors } from './planForm';

const plan: AdminPlan = {
  id: 'pln_basic',
  product_id: 'prd_m365',
  product_name: 'Microsoft 365',
  name: 'Microsoft 365 Business Basic',
  description: 'Web and mobile apps.',
  currency: 'USD',
  monthly_price_cents: 720,
  yearly_price_cents: 7200,
  commission_rate_bps: 1250,
  active: true,
  sort_order: 1,
  created_at: '2026-11-01T10:00:00Z',
};

const valid = {
  name: ' Business Premium ',
  description: '',
  monthly_price_cents: '26,40',
  yearly_price_cents: '264',
  commission_rate_bps: '12.5',
};

describe('planFormErrors', () => {
  it('accepts a complete plan', () => {
    expect(planFormErrors(valid)).toEqual({});
  });

  it('names every field that is wrong, with its reason', () => {
    expect(
      planFormErrors({ name: '  ', description: 'x'.repeat(2001), monthly_price_cents: '', yearly_price_cents: '19.999', commission_rate_bps: '120' }),
    ).toEqual({
      name: 'staffCatalog.validation.nameRequired',
      description: 'staffCatalog.validation.descriptionTooLong',
      monthly_price_cents: 'moneyInput.required',
      yearly_price_cents: 'moneyInput.tooManyDecimals',
      commission_rate_bps: 'moneyInput.tooLarge',
    });
  });

  it('refuses a free plan but takes a zero commission', () => {
    expect(planFormErrors({ ...valid, monthly_price_cents: '0,00', commission_rate_bps: '0' })).toEqual({
      monthly_price_cents: 'staffCatalog.validation.priceZero',
    });
  });
});

describe('plan bodies', () => {
  it('sends cents and basis points, trimmed text', () => {
    expect(newPlanBody('prd_m365', valid)).toEqual({
      product_id: 'prd_m365',
      name: 'Business Premium',
      description: '',
      monthly_price_cents: 2640,
      yearly_price_cents: 26400,
      commission_rate_bps: 1250,
    });
  });

  it('shows a plan in the reader’s decimal separator and sends nothing when nothing changed', () => {
    const values = planFormValues(plan, ',');
    expect(values).toMatchObject({ monthly_price_cents: '7,20', yearly_price_cents: '72,00', commission_rate_bps: '12,5' });
    expect(planChanges(plan, values)).toEqual({});
  });

  it('sends only what changed and says whether pricing did', () => {
    const priced = planChanges(plan, { ...planFormValues(plan, '.'), monthly_price_cents: '7.99' });
    expect(priced).toEqual({ monthly_price_cents: 799 });
    expect(changesPricing(priced)).toBe(true);
    const renamed = planChanges(plan, { ...planFormValues(plan, '.'), name: 'Basic' });
    expect(renamed).toEqual({ name: 'Basic' });
    expect(changesPricing(renamed)).toBe(false);
  });
});

describe('productFormErrors', () => {
  it('needs a name and a vendor', () => {
    expect(productFormErrors({ name: '', vendor: ' ', description: '' })).toEqual({
      name: 'staffCatalog.validation.nameRequired',
      vendor: 'staffCatalog.validation.vendorRequired',
    });
    expect(productFormErrors({ name: 'Microsoft 365', vendor: 'Microsoft', description: '' })).toEqual({});
  });
});
