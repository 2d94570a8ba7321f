// POST /api/v1/admin/appeals/{id}/decide
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Appeal, DecideForm } from './types';

export async function decideAppeal(id: string, body: DecideForm): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/admin/appeals/{id}/decide', { params: { path: { id } }, body }));
}

/** Upholds or denies an appeal; upholding an application appeal approves the application. */
export function useDecideAppeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecideForm) => decideAppeal(id, body),
    onSuccess: async (appeal) => {
      queryClient.setQueryData(staffKeys.appeal(id), appeal);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.appeals }),
        // The appealed application (and its applicant's status) changed with the decision.
        queryClient.invalidateQueries({ queryKey: staffKeys.applications }),
        queryClient.invalidateQueries({ queryKey: staffKeys.freelancers }),
      ]);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.appeal(id) }),
  });
}
