// POST /api/v1/admin/applications/{id}/approve
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Application, ApproveForm } from './types';

export async function approveApplication(id: string, body: ApproveForm): Promise<Application> {
  return unwrap(await api.POST('/api/v1/admin/applications/{id}/approve', { params: { path: { id } }, body }));
}

/** Approves a submitted application; the applicant is emailed. */
export function useApproveApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveForm) => approveApplication(id, body),
    onSuccess: (application) => {
      queryClient.setQueryData(staffKeys.application(id), application);
      return queryClient.invalidateQueries({ queryKey: staffKeys.applications });
    },
    // 409 invalid_status: someone else decided first; show what it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: staffKeys.application(id) }),
  });
}
