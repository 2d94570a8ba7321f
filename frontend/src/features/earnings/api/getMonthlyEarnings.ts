// GET /api/v1/me/earnings/monthly?months=
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { earningKeys } from './keys';
import type { MonthlyEarnings } from './types';

export async function getMonthlyEarnings(months: number): Promise<MonthlyEarnings> {
  return unwrap(await api.GET('/api/v1/me/earnings/monthly', { params: { query: { months } } }));
}

/** Commission, reversals and net per month, oldest first, every month present. */
export function useMonthlyEarnings(months = 12) {
  return useQuery({ queryKey: earningKeys.monthly(months), queryFn: () => getMonthlyEarnings(months) });
}
