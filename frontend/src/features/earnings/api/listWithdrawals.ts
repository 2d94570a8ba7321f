// GET /api/v1/me/withdrawals
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import { earningKeys } from './keys';
import type { Withdrawal } from './types';

export async function listWithdrawals(cursor: string | undefined, limit: number): Promise<CursorPage<Withdrawal>> {
  const query = { limit, ...(cursor ? { cursor } : {}) };
  return unwrap(await api.GET('/api/v1/me/withdrawals', { params: { query } }));
}

/** The freelancer's payouts, newest first. */
export function useWithdrawals() {
  return useCursorList(earningKeys.withdrawals, listWithdrawals);
}
