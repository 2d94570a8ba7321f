// The ledger's and the payout queue's filters in the URL.
import { EARNING_KINDS, EARNING_STATUSES, WITHDRAWAL_STATUSES } from '@/lib/earnings/types';
import type { LedgerFilters } from '../api/listFreelancerEarnings';
import type { WithdrawalFilters } from '../api/listWithdrawals';
import type { EarningKind, EarningStatus, WithdrawalStatus } from '../api/types';

export { EARNING_KINDS, EARNING_STATUSES, WITHDRAWAL_STATUSES };

export const LEDGER_FILTERS = { kind: EARNING_KINDS, status: EARNING_STATUSES } as const;
export const WITHDRAWAL_FILTERS = { status: WITHDRAWAL_STATUSES } as const;

/** What the API is asked for; unset filters stay out of the query. */
export function ledgerQuery(values: { kind: string; status: string }): LedgerFilters {
  const query: LedgerFilters = {};
  if (values.kind) query.kind = values.kind as EarningKind;
  if (values.status) query.status = values.status as EarningStatus;
  return query;
}

export function withdrawalQuery(values: { status: string }): WithdrawalFilters {
  return values.status ? { status: values.status as WithdrawalStatus } : {};
}
