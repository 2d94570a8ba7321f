// PUT /api/v1/admin/commerce-settings
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { CommerceSettings } from './types';

export async function updateCommerceSettings(body: CommerceSettings): Promise<CommerceSettings> {
  return unwrap(await api.PUT('/api/v1/admin/commerce-settings', { body }));
}

/** Saves the settings (audited); the answer replaces the cached ones. */
export function useUpdateCommerceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCommerceSettings,
    onSuccess: (settings) => queryClient.setQueryData(staffKeys.commerceSettings, settings),
  });
}
