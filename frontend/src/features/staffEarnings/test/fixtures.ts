// Ledger entries, balances and payouts as the API returns them to staff, for the page tests.
import { sampleMe } from '@/test/utils';
import type { EarningBalances, EarningEntry, StaffWithdrawal } from '../api/types';

export const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };

export const owner = {
  id: 'fl_7',
  user_id: 'usr_7',
  full_name: 'Frida Freelancer',
  email: 'frida@example.com',
  status: 'approved',
  tier: 'standard',
  eligible: true,
  eligible_since: '2026-11-20T10:00:00Z',
  referral_code: 'frida42',
  onboarding_required: true,
  missing_steps: [],
  created_at: '2026-11-01T10:00:00Z',
};

export const balances: EarningBalances = {
  pending_cents: 18000,
  available_cents: 4550,
  withdrawn_cents: 1000,
  since_joining_cents: 23550,
  currency: 'USD',
};

export function entry(overrides: Partial<EarningEntry> = {}): EarningEntry {
  return {
    id: 'ern_1',
    kind: 'commission',
    status: 'pending',
    amount_cents: 18000,
    currency: 'USD',
    available_at: '2026-12-16T10:00:00Z',
    cleared_at: null,
    reversed_at: null,
    created_at: '2026-12-02T10:00:00Z',
    reason: null,
    rate_bps: 1500,
    base_cents: 120000,
    reverses_entry_id: null,
    clawback: false,
    appealable: false,
    cause: {
      type: 'invoice',
      subscription_id: 'sub_1',
      invoice_id: 'inv_1',
      invoice_number: 'INV-2026-0007',
      plan_name: 'Microsoft 365 Business Standard',
      seats: 8,
      event_kind: 'created',
      withdrawal_id: null,
      appeal_id: null,
    },
    ...overrides,
  };
}

export const clawback = entry({
  id: 'ern_2',
  kind: 'reversal',
  status: 'available',
  amount_cents: -2500,
  available_at: null,
  rate_bps: null,
  base_cents: null,
  reason: 'Refund after cancellation',
  reverses_entry_id: 'ern_0',
  clawback: true,
  appealable: true,
  created_at: '2026-12-03T10:00:00Z',
  cause: { type: 'credit_note', subscription_id: 'sub_2', invoice_number: 'INV-2026-0003', plan_name: 'Microsoft 365 Business Basic', seats: 1 },
});

export function withdrawal(overrides: Partial<StaffWithdrawal> = {}): StaffWithdrawal {
  return {
    id: 'wd_1',
    amount_cents: 4550,
    currency: 'USD',
    status: 'requested',
    payout_method: 'sandbox',
    failure_code: null,
    failure_reason: null,
    requested_at: '2026-12-05T10:00:00Z',
    decided_at: null,
    freelancer_id: 'fl_7',
    freelancer_name: 'Frida Freelancer',
    freelancer_email: 'frida@example.com',
    attempts: 1,
    provider_ref: null,
    ...overrides,
  };
}
