// The earnings ledger's shapes as the API sends them (contract of issue 9). Until the
// backend's routes are in openapi.yaml they are written out here, exactly as agreed;
// once generated they are aliases of the generated schema.

export type EarningKind = 'commission' | 'reversal' | 'adjustment' | 'withdrawal';
export type EarningStatus = 'pending' | 'available' | 'reversed';
export type WithdrawalStatus = 'requested' | 'paid' | 'failed';
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
  /** null: waiting for the subscription's activation. */
  available_at?: string | null;
  cleared_at?: string | null;
  reversed_at?: string | null;
  created_at: string;
  reason?: string | null;
  rate_bps?: number | null;
  base_cents?: number | null;
  reverses_entry_id?: string | null;
  /** A reversal of an already-available commission. */
  clawback: boolean;
  /** A reversal, clawback or adjustment without an open appeal. */
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

export interface EarningBalances {
  pending_cents: number;
  available_cents: number;
  withdrawn_cents: number;
  since_joining_cents: number;
  currency: string;
}

/** GET /admin/freelancers/{id}/earnings */
export interface FreelancerEarningsPage {
  freelancer_id: string;
  balances: EarningBalances;
  data: EarningEntry[];
  next_cursor?: string | null;
}

/** GET /admin/freelancers/{id}/earnings/{entry_id} */
export interface EarningDetail {
  entry: EarningEntry;
  timeline: EarningTimelineItem[];
  related: EarningEntry[];
}

export interface StaffWithdrawal {
  id: string;
  amount_cents: number;
  currency: string;
  status: WithdrawalStatus;
  payout_method: string;
  failure_code?: string | null;
  failure_reason?: string | null;
  requested_at: string;
  decided_at?: string | null;
  freelancer_id: string;
  freelancer_name: string;
  freelancer_email?: string;
  /** Payout attempts so far (more than 1 after support retried it). */
  attempts?: number;
  provider_ref?: string | null;
}

export interface LedgerViolation {
  code: string;
  freelancer_id?: string | null;
  entry_id?: string | null;
  detail: string;
}

/** GET /admin/ledger/verify */
export interface LedgerReport {
  ok: boolean;
  checked_at: string;
  violations: LedgerViolation[];
}

/** POST /admin/freelancers/{id}/adjustments */
export interface AdjustmentRequest {
  amount_cents: number;
  reason: string;
  /** A debit beyond the available funds is refused (409 insufficient_funds) unless true. */
  allow_negative?: boolean;
}

export const EARNING_KINDS = ['commission', 'reversal', 'adjustment', 'withdrawal'] as const satisfies readonly EarningKind[];
export const EARNING_STATUSES = ['pending', 'available', 'reversed'] as const satisfies readonly EarningStatus[];
export const WITHDRAWAL_STATUSES = ['requested', 'paid', 'failed'] as const satisfies readonly WithdrawalStatus[];

/** The largest adjustment support may post, either way: $10,000.00. */
export const MAX_ADJUSTMENT_CENTS = 1_000_000;
