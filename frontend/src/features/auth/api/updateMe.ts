// PATCH /api/v1/me
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Me, UpdateMeRequest } from '@/lib/api/types';
import { authKeys } from './keys';

export async function updateMe(body: UpdateMeRequest): Promise<Me> {
  return unwrap(await api.PATCH('/api/v1/me', { body }));
}

/** Changes the account's language (of its emails and server messages) or name. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(authKeys.me, me),
  });
}
