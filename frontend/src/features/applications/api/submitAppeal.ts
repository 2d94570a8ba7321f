// POST /api/v1/appeals
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Appeal, NewAppeal } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { applicationKeys } from './keys';

export async function submitAppeal(body: NewAppeal): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/appeals', { body }));
}

/** Appeals a decision; the application turns `appealed`, so it and /me reload. */
export function useSubmitAppeal() {
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();
  return useMutation({
    mutationFn: submitAppeal,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationKeys.mine }),
        queryClient.invalidateQueries({ queryKey: ['appeals'] }),
        refreshMe(),
      ]);
    },
  });
}
