// Customer accounts as the API returns them to staff, for the page tests.
import { sampleMe } from '@/test/utils';
import type { CustomerAccount } from '../api/types';

export const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };

export function customerAccount(overrides: Partial<CustomerAccount> = {}): CustomerAccount {
  return {
    id: 'cac_1',
    status: 'submitted',
    account_name: 'Contoso Dental',
    address: { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' },
    primary_contact: { name: 'Carla Contact', email: 'carla@contoso.example', phone: '+1 217 555 0100' },
    existing_customer: false,
    domain: 'contosodental.onmicrosoft.com',
    rejection_reason: null,
    reviewed_at: null,
    partnership_accepted_at: null,
    created_at: '2026-12-01T09:30:00Z',
    updated_at: '2026-12-01T09:30:00Z',
    owner: { id: 'usr_9', email: 'owen@contoso.example', full_name: 'Owen Owner' },
    ...overrides,
  };
}
