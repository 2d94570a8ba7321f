// Renewing the session on purpose (not after a 401): when the account itself changed —
// e.g. accepting an invitation grants the freelancer role — the next access token must
// carry the new roles.
import { api } from './client';
import { tokenStore } from './tokens';

/** Exchanges the stored refresh token for a new pair; false when there is none or it is refused. */
export async function refreshSession(): Promise<boolean> {
  const refreshToken = tokenStore.getRefreshToken();
  if (!refreshToken) return false;
  const { data } = await api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
  if (!data) return false;
  tokenStore.set(data);
  return true;
}
