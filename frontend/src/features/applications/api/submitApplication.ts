// POST /api/v1/applications
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Application, ApplicationForm } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { applicationKeys } from './keys';

export async function submitApplication(body: ApplicationForm): Promise<Application> {
  return unwrap(await api.POST('/api/v1/applications', { body }));
}

/** Applies; the new application replaces the cached one and /me's missing steps reload. */
export function useSubmitApplication() {
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();
  return useMutation({
    mutationFn: submitApplication,
    onSuccess: async (application) => {
      queryClient.setQueryData(applicationKeys.mine, application);
      await refreshMe();
    },
  });
}
