// POST /api/v1/auth/register
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { tokenStore } from '@/lib/api/tokens';
import type { AuthResponse, RegisterRequest } from '@/lib/api/types';
import { authKeys } from './keys';

/** The account gets the UI's language (for its emails) unless `body` names one. */
export async function register(body: RegisterRequest): Promise<AuthResponse> {
  return unwrap(await api.POST('/api/v1/auth/register', { body: { ...body, locale: body.locale ?? currentLanguage() } }));
}

/** Creates the account; the response is a session, so the new user is logged in. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (auth) => {
      queryClient.removeQueries({ queryKey: authKeys.me });
      tokenStore.set(auth);
    },
  });
}
