// GET /api/v1/admin/catalog
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Catalog } from './types';

export async function getCatalog(): Promise<Catalog> {
  return unwrap(await api.GET('/api/v1/admin/catalog'));
}

/** Every product with its plans, retired ones included. */
export function useCatalog() {
  return useQuery({ queryKey: staffKeys.catalog, queryFn: getCatalog });
}
