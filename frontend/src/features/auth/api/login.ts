// POST /api/v1/auth/login
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { tokenStore } from '@/lib/api/tokens';
import type { AuthResponse, LoginRequest } from '@/lib/api/types';
import { authKeys } from './keys';

export async function login(body: LoginRequest): Promise<AuthResponse> {
  return unwrap(await api.POST('/api/v1/auth/login', { body }));
}

/** Logs in and stores the session's tokens. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (auth) => {
      queryClient.removeQueries({ queryKey: authKeys.me });
      tokenStore.set(auth);
    },
  });
}
