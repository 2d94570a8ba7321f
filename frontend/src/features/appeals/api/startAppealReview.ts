// POST /api/v1/admin/appeals/{id}/review
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Appeal } from './types';

export async function startAppealReview(id: string): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/admin/appeals/{id}/review', { params: { path: { id } } }));
}

/** Takes a submitted appeal into review. */
export function useStartAppealReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startAppealReview(id),
    onSuccess: (appeal) => {
      queryClient.setQueryData(staffKeys.appeal(id), appeal);
      return queryClient.invalidateQueries({ queryKey: staffKeys.appeals });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.appeal(id) }),
  });
}
