// GET /api/v1/me/earnings/{id}
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { earningKeys } from './keys';
import type { EarningDetail } from './types';

export async function getEarningEntry(id: string): Promise<EarningDetail> {
  return unwrap(await api.GET('/api/v1/me/earnings/{id}', { params: { path: { id } } }));
}

/** One entry with its timeline and the entries it is tied to (its reversals, the commission it reverses). */
export function useEarningEntry(id: string | undefined) {
  return useQuery({ queryKey: earningKeys.entry(id ?? ''), queryFn: () => getEarningEntry(id ?? ''), enabled: Boolean(id) });
}
