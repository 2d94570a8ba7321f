// GET /api/v1/admin/freelancers/{id}/earnings
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { EarningKind, EarningStatus, FreelancerEarningsPage } from './types';

export interface LedgerFilters {
  kind?: EarningKind;
  status?: EarningStatus;
}

export async function listFreelancerEarnings(id: string, query: LedgerFilters & { cursor?: string; limit?: number }): Promise<FreelancerEarningsPage> {
  return unwrap(await api.GET('/api/v1/admin/freelancers/{id}/earnings', { params: { path: { id }, query } }));
}

/** A freelancer's ledger, newest first; every page carries the balances (the first page's are shown). */
export function useFreelancerEarnings(id: string, filters: LedgerFilters) {
  const list = useCursorList<FreelancerEarningsPage['data'][number]>([...staffKeys.earnings(id), 'list', filters], (cursor, limit) =>
    listFreelancerEarnings(id, { ...filters, cursor, limit }),
  );
  const first = list.data?.pages[0] as FreelancerEarningsPage | undefined;
  return { ...list, balances: first?.balances };
}
