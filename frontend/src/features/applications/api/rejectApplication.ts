// POST /api/v1/admin/applications/{id}/reject
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Application, RejectForm } from './types';

export async function rejectApplication(id: string, body: RejectForm): Promise<Application> {
  return unwrap(await api.POST('/api/v1/admin/applications/{id}/reject', { params: { path: { id } }, body }));
}

/** Rejects a submitted application with a reason; the applicant is emailed and may appeal. */
export function useRejectApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RejectForm) => rejectApplication(id, body),
    onSuccess: (application) => {
      queryClient.setQueryData(staffKeys.application(id), application);
      return queryClient.invalidateQueries({ queryKey: staffKeys.applications });
    },
    // 409 invalid_status: someone else decided first; show what it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.application(id) }),
  });
}
