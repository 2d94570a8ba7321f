// Where the session's tokens live (localStorage, so a reload keeps the session) and a
// tiny subscription so React re-renders when they change, in this tab or another one.
import { useSyncExternalStore } from 'react';

const ACCESS_KEY = 'partner_hub.access_token';
const REFRESH_KEY = 'partner_hub.refresh_token';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  getAccessToken: () => read(ACCESS_KEY),
  getRefreshToken: () => read(REFRESH_KEY),
  set(tokens: TokenPair) {
    localStorage.setItem(ACCESS_KEY, tokens.access_token);
    localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
    notify();
  },
  clear() {
    const had = read(ACCESS_KEY) !== null || read(REFRESH_KEY) !== null;
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    if (had) notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  // Logging out (or in) in another tab changes this tab's session too.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === ACCESS_KEY || event.key === REFRESH_KEY) notify();
  });
}

const hasSession = () => tokenStore.getAccessToken() !== null || tokenStore.getRefreshToken() !== null;

/** True while tokens are stored; whether they are still valid is for the API to say. */
export function useIsAuthenticated(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, hasSession, () => false);
}
