// GET /api/v1/admin/commerce-settings
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { CommerceSettings } from './types';

export async function getCommerceSettings(): Promise<CommerceSettings> {
  return unwrap(await api.GET('/api/v1/admin/commerce-settings'));
}

/** The shop's settings: whether new customer accounts are approved without a review. */
export function useCommerceSettings() {
  return useQuery({ queryKey: staffKeys.commerceSettings, queryFn: getCommerceSettings });
}
