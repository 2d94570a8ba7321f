// The earnings ledger's shapes, named after the schemas in openapi.yaml (nothing here is
// written by hand), and the limits the forms check before sending.
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type EarningKind = Schemas['EarningKind'];
export type EarningStatus = Schemas['EarningStatus'];
export type WithdrawalStatus = Schemas['WithdrawalStatus'];
export type EarningEntry = Schemas['EarningEntry'];
export type EarningCause = EarningEntry['cause'];
export type CauseType = EarningCause['type'];
export type EarningTimelineItem = Schemas['EarningTimelineItem'];
export type TimelineEvent = EarningTimelineItem['event'];
export type EarningBalances = Schemas['Balances'];
/** GET /admin/freelancers/{id}/earnings */
export type FreelancerEarningsPage = Schemas['FreelancerEarningsPage'];
/** GET /admin/freelancers/{id}/earnings/{entry_id} */
export type EarningDetail = Schemas['EarningDetail'];
/** A payout in support's queue, with whose it is. */
export type StaffWithdrawal = Schemas['QueuedWithdrawal'];
export type LedgerViolation = Schemas['Violation'];
/** GET /admin/ledger/verify */
export type LedgerReport = Schemas['LedgerReport'];
/** POST /admin/freelancers/{id}/adjustments */
export type AdjustmentRequest = Schemas['NewAdjustment'];

export const EARNING_KINDS = ['commission', 'reversal', 'adjustment', 'withdrawal'] as const satisfies readonly EarningKind[];
export const EARNING_STATUSES = ['pending', 'available', 'reversed'] as const satisfies readonly EarningStatus[];
export const WITHDRAWAL_STATUSES = ['requested', 'paid', 'failed'] as const satisfies readonly WithdrawalStatus[];

/** The largest adjustment support may post, either way: $10,000.00. */
export const MAX_ADJUSTMENT_CENTS = 1_000_000;
