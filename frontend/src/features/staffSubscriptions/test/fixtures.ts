// Subscriptions as the API returns them to staff, for the page tests.
import { sampleMe } from '@/test/utils';
import type { StaffSubscription, SubscriptionEvent, SubscriptionEventKind } from '../api/types';

type Subscription = Omit<StaffSubscription, 'customer'>;

export const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };

export const customer: StaffSubscription['customer'] = { id: 'usr_5', email: 'kim@fabrikam.example', full_name: 'Kim Customer' };

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_1',
    plan_id: 'pln_standard',
    plan_name: 'Microsoft 365 Business Standard',
    billing_term: 'yearly',
    seats: 8,
    scheduled_seats: null,
    status: 'active',
    auto_renew: true,
    activated_at: '2026-12-02T10:00:00Z',
    term_start: '2026-12-01T10:00:00Z',
    current_term_end: '2027-12-01T10:00:00Z',
    cancellation_allowed_until: '2026-12-08T10:00:00Z',
    unit_price_cents: 15000,
    renewal_unit_price_cents: 15600,
    renewal_total_cents: 124800,
    currency: 'USD',
    account_id: 'cac_1',
    freelancer: { id: 'fl_7', display_name: 'Frida Freelancer' },
    self_referral: false,
    created_at: '2026-12-01T10:00:00Z',
    ended_at: null,
    ...overrides,
  };
}

export function event(kind: SubscriptionEventKind, overrides: Partial<SubscriptionEvent> = {}): SubscriptionEvent {
  return {
    id: `sev_${kind}`,
    kind,
    status_before: null,
    status_after: 'pending',
    seats: 5,
    amount_cents: null,
    invoice_id: null,
    actor_id: null,
    data: {},
    created_at: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}
