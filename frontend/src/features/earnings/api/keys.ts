import type { EarningFilters } from './types';

/** Query keys owned by the earnings feature; everything under `all` changes with money moves. */
export const earningKeys = {
  all: ['earnings'] as const,
  list: (filters: EarningFilters) => ['earnings', 'list', filters] as const,
  entry: (id: string) => ['earnings', 'entry', id] as const,
  monthly: (months: number) => ['earnings', 'monthly', months] as const,
  forecast: ['earnings', 'forecast'] as const,
  withdrawals: ['earnings', 'withdrawals'] as const,
};
