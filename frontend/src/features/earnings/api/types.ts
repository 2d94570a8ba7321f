// The earnings API types, shaped exactly like the contract between the helpers
// (/work/tasks/contract.md) until the merged openapi.yaml names them.

export type EarningKind = 'commission' | 'reversal' | 'adjustment' | 'withdrawal';
export type EarningStatus = 'pending' | 'available' | 'reversed';
export type CauseType = 'invoice' | 'credit_note' | 'withdrawal' | 'adjustment' | 'appeal';

export interface EarningCause {
  type: CauseType;
  subscription_id?: string | null;
  invoice_id?: string | null;
  invoice_number?: string | null;
  plan_name?: string | null;
  seats?: number | null;
  event_kind?: string | null;
  withdrawal_id?: string | null;
  appeal_id?: string | null;
}

export interface EarningEntry {
  id: string;
  kind: EarningKind;
  status: EarningStatus;
  amount_cents: number;
  currency: string;
  available_at?: string | null;
  cleared_at?: string | null;
  reversed_at?: string | null;
  created_at: string;
  reason?: string | null;
  rate_bps?: number | null;
  base_cents?: number | null;
  reverses_entry_id?: string | null;
  clawback: boolean;
  appealable: boolean;
  cause: EarningCause;
}

export type TimelineEvent =
  | 'earned'
  | 'waiting_for_activation'
  | 'pending_until'
  | 'retimed'
  | 'available'
  | 'reversed'
  | 'clawed_back'
  | 'adjusted'
  | 'appealed'
  | 'appeal_decided'
  | 'withdrawal_requested'
  | 'withdrawal_paid'
  | 'withdrawal_failed';

export interface EarningTimelineItem {
  at: string;
  event: TimelineEvent;
  available_at?: string | null;
  amount_cents?: number | null;
  reason?: string | null;
  tier?: string | null;
  clearing_days?: number | null;
  entry_id?: string | null;
  appeal_id?: string | null;
}

export interface Balances {
  pending_cents: number;
  available_cents: number;
  withdrawn_cents: number;
  since_joining_cents: number;
  currency: string;
}

export interface EarningsPage {
  balances: Balances;
  data: EarningEntry[];
  next_cursor?: string | null;
}

export interface EarningDetail {
  entry: EarningEntry;
  timeline: EarningTimelineItem[];
  related: EarningEntry[];
}

export interface MonthlyEarnings {
  currency: string;
  months: { month: string; commission_cents: number; reversed_cents: number; net_cents: number }[];
}

export interface ForecastItem {
  subscription_id: string;
  plan_name: string;
  seats: number;
  billing_term: 'monthly' | 'yearly';
  renews_on: string;
  renewal_total_cents: number;
  commission_cents: number;
}

export interface Forecast {
  currency: string;
  days: number;
  total_cents: number;
  items: ForecastItem[];
}

export type WithdrawalStatus = 'requested' | 'paid' | 'failed';
export type PayoutMethod = 'sandbox' | 'sandbox_fail' | 'sandbox_unreachable';

export interface Withdrawal {
  id: string;
  amount_cents: number;
  currency: string;
  status: WithdrawalStatus;
  payout_method: PayoutMethod;
  failure_code?: string | null;
  failure_reason?: string | null;
  requested_at: string;
  decided_at?: string | null;
}

export interface NewWithdrawal {
  amount_cents: number;
  payout_method?: PayoutMethod;
}

export interface EarningFilters {
  kind?: EarningKind;
  status?: EarningStatus;
}

export const EARNING_KINDS: readonly EarningKind[] = ['commission', 'reversal', 'adjustment', 'withdrawal'];
export const EARNING_STATUSES: readonly EarningStatus[] = ['pending', 'available', 'reversed'];
/** The smallest withdrawal the API takes (`amount_below_minimum` below it). */
export const MIN_WITHDRAWAL_CENTS = 1000;
