// GET /api/v1/me/subscriptions?status=&plan_id=&from=&to=&limit=&cursor=
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CursorPage } from '@/lib/api/operations';
import { useCursorList } from '@/lib/api/pagination';
import type { ReferredSubscription, SalesFilters } from './types';

export async function listSales(filters: SalesFilters, cursor: string | undefined, limit: number): Promise<CursorPage<ReferredSubscription>> {
  const query = { ...filters, limit, ...(cursor ? { cursor } : {}) };
  return unwrap(await api.GET('/api/v1/me/subscriptions', { params: { query } }));
}

/** Every subscription bought through the freelancer's link, any status, newest first. */
export function useSales(filters: SalesFilters) {
  return useCursorList(['dashboard', 'sales', filters], (cursor, limit) => listSales(filters, cursor, limit));
}
