// POST /api/v1/admin/terms
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { PublishTermsForm, TermsVersion } from './types';

export async function publishTerms(body: PublishTermsForm): Promise<TermsVersion> {
  return unwrap(await api.POST('/api/v1/admin/terms', { body }));
}

/** Publishes a new current version; every freelancer must accept it again. */
export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishTerms,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.terms }),
        queryClient.invalidateQueries({ queryKey: staffKeys.freelancers }),
      ]),
  });
}
