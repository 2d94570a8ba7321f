// Renewing the session on purpose (not after a 401): when the account itself changed —
// e.g. accepting an invitation grants the freelancer role — the next access token must
// carry the new roles. It takes the same cross-tab lock as the refresh after a 401.
import { api } from './client';

/** Exchanges the stored refresh token for a new pair; false when there is none or it is refused. */
export function refreshSession(): Promise<boolean> {
  return api.refreshSession();
}
