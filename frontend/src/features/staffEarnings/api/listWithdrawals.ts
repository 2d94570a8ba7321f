// GET /api/v1/admin/withdrawals
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage } from '@/lib/api/operations';
import type { StaffWithdrawal, WithdrawalStatus } from './types';

export interface WithdrawalFilters {
  status?: WithdrawalStatus;
}

export async function listWithdrawals(query: WithdrawalFilters & { cursor?: string; limit?: number }): Promise<CursorPage<StaffWithdrawal>> {
  return unwrap(await api.GET('/api/v1/admin/withdrawals', { params: { query } }));
}

/** The payout queue, with each freelancer's name. */
export function useWithdrawalList(filters: WithdrawalFilters) {
  return useCursorList([...staffKeys.withdrawals, 'list', filters], (cursor, limit) => listWithdrawals({ ...filters, cursor, limit }));
}
