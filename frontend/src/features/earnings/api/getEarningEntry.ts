// GET /api/v1/me/earnings/{id}
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/problem';
import { untypedApi } from '@/lib/api/untyped';
import { earningKeys } from './keys';
import type { EarningDetail } from './types';

export async function getEarningEntry(id: string): Promise<EarningDetail> {
  return unwrap(await untypedApi.GET(`/api/v1/me/earnings/${encodeURIComponent(id)}`)) as EarningDetail;
}

/** One entry with its timeline and the entries it is tied to (its reversals, the commission it reverses). */
export function useEarningEntry(id: string | undefined) {
  return useQuery({ queryKey: earningKeys.entry(id ?? ''), queryFn: () => getEarningEntry(id ?? ''), enabled: Boolean(id) });
}
