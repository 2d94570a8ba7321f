// Signing up or in without leaving the checkout: POST /api/v1/auth/register (as a
// customer) or /auth/login, and GET /api/v1/me to know who is buying. The session is
// stored like the login page stores it; /me shares the auth feature's cache key.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '@/i18n';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { tokenStore, useIsAuthenticated } from '@/lib/api/tokens';
import type { AuthResponse, LoginRequest } from '@/lib/api/types';
import { CURRENT_USER_QUERY_KEY } from '@/lib/session/currentUser';

export interface CustomerSignUp {
  full_name: string;
  email: string;
  password: string;
}

export type InlineAuth = { mode: 'register'; body: CustomerSignUp } | { mode: 'login'; body: LoginRequest };

async function authenticate(request: InlineAuth): Promise<AuthResponse> {
  if (request.mode === 'login') return unwrap(await api.POST('/api/v1/auth/login', { body: request.body }));
  const body = { ...request.body, role: 'customer' as const, locale: currentLanguage() };
  return unwrap(await api.POST('/api/v1/auth/register', { body }));
}

/** Registers a customer or logs in; the cart stays where it is. */
export function useInlineAuth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authenticate,
    onSuccess: (auth) => {
      queryClient.removeQueries({ queryKey: CURRENT_USER_QUERY_KEY });
      tokenStore.set(auth);
    },
  });
}

/** Who is signed in (null query while nobody is). */
export function useBuyer() {
  const authenticated = useIsAuthenticated();
  return useQuery({
    queryKey: CURRENT_USER_QUERY_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/me')),
    enabled: authenticated,
    staleTime: 30_000,
  });
}
