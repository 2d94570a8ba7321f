// The earnings API types, named after the operations in openapi.yaml (nothing here is
// written by hand), and the few constants the pages need.
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type EarningsPage = ResultOf<'list_my_earnings'>;
export type EarningEntry = EarningsPage['data'][number];
export type Balances = EarningsPage['balances'];
export type EarningKind = EarningEntry['kind'];
export type EarningStatus = EarningEntry['status'];
export type EarningDetail = ResultOf<'get_my_earning'>;
export type EarningTimelineItem = EarningDetail['timeline'][number];
export type MonthlyEarnings = ResultOf<'get_monthly_earnings'>;
export type Forecast = ResultOf<'get_earnings_forecast'>;
export type Withdrawal = ResultOf<'create_withdrawal'>;
export type WithdrawalStatus = Withdrawal['status'];
export type PayoutMethod = Withdrawal['payout_method'];
export type NewWithdrawal = BodyOf<'create_withdrawal'>;
export type EarningFilters = Pick<QueryOf<'list_my_earnings'>, 'kind' | 'status'>;

export const EARNING_KINDS: readonly EarningKind[] = ['commission', 'reversal', 'adjustment', 'withdrawal'];
export const EARNING_STATUSES: readonly EarningStatus[] = ['pending', 'available', 'reversed'];
/** The smallest withdrawal the API takes (`amount_below_minimum` below it). */
export const MIN_WITHDRAWAL_CENTS = 1000;
