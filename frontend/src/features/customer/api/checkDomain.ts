// GET /api/v1/customer/domain-availability?name=contoso → is contoso.onmicrosoft.com free?
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { DomainAvailability } from './types';
import { customerKeys } from './keys';

export async function checkDomain(name: string): Promise<DomainAvailability> {
  return unwrap(await api.GET('/api/v1/customer/domain-availability', { params: { query: { name } } }));
}

/** Asked only for a name that could be a domain (null: nothing to ask). */
export function useDomainAvailability(name: string | null) {
  return useQuery({
    queryKey: customerKeys.domain(name ?? ''),
    queryFn: () => checkDomain(name ?? ''),
    enabled: name !== null,
    staleTime: 30_000,
  });
}
