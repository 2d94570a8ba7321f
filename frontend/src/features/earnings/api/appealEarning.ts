// POST /api/v1/appeals {subject_type: "earning"}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Appeal } from '@/lib/api/types';
import { earningKeys } from './keys';

export async function appealEarning(entryId: string, explanation: string): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/appeals', { body: { subject_type: 'earning', subject_id: entryId, explanation } }));
}

/** Appeals a reversal, clawback or adjustment; the entry is no longer appealable afterwards. */
export function useAppealEarning(entryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (explanation: string) => appealEarning(entryId, explanation),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: earningKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['appeals'] }),
      ]);
    },
  });
}
