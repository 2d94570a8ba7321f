// The catalogue as the API returns it to staff, for the page tests.
import { sampleMe } from '@/test/utils';
import type { AdminPlan, Catalog } from '../api/types';

export const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };

export function plan(overrides: Partial<AdminPlan> = {}): AdminPlan {
  return {
    id: 'pln_basic',
    product_id: 'prd_m365',
    product_name: 'Microsoft 365',
    name: 'Microsoft 365 Business Basic',
    description: 'Web and mobile apps, email and 1 TB of storage.',
    currency: 'USD',
    monthly_price_cents: 720,
    yearly_price_cents: 7200,
    commission_rate_bps: 1500,
    active: true,
    sort_order: 1,
    created_at: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

export function catalog(plans = [plan(), plan({ id: 'pln_old', name: 'Microsoft 365 Old Plan', active: false, sort_order: 2 })]): Catalog {
  return {
    products: [
      {
        id: 'prd_m365',
        name: 'Microsoft 365',
        vendor: 'Microsoft',
        description: 'Office apps and email.',
        created_at: '2026-11-01T10:00:00Z',
        plans,
      },
    ],
  };
}
