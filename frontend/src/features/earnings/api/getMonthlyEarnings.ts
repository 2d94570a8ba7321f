// GET /api/v1/me/earnings/monthly?months=
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { untypedApi } from '@/lib/api/untyped';
import { earningKeys } from './keys';
import type { MonthlyEarnings } from './types';

export async function getMonthlyEarnings(months: number): Promise<MonthlyEarnings> {
  return unwrap(await untypedApi.GET('/api/v1/me/earnings/monthly', { params: { query: { months } } })) as MonthlyEarnings;
}

/** Commission, reversals and net per month, oldest first, every month present. */
export function useMonthlyEarnings(months = 12) {
  return useQuery({ queryKey: earningKeys.monthly(months), queryFn: () => getMonthlyEarnings(months) });
}
