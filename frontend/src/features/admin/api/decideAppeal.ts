// POST /api/v1/admin/appeals/{id}/decide
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { adminKeys } from './keys';
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
      queryClient.setQueryData(adminKeys.appeal(id), appeal);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.appeals }),
        // The appealed application (and its applicant's status) changed with the decision.
        queryClient.invalidateQueries({ queryKey: adminKeys.applications }),
        queryClient.invalidateQueries({ queryKey: adminKeys.freelancers }),
      ]);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: adminKeys.appeal(id) }),
  });
}
