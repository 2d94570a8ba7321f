// Renewing the session's token pair, once at a time across every tab of the browser.
//
// The API rotates the refresh token on each use and treats a second use of an old one as
// theft (it revokes the whole family). Two tabs that refresh at the same moment would
// therefore log the user out everywhere. So a refresh runs under the Web Lock
// `partner-hub-refresh`, which the browser grants to one tab at a time; the tab that gets
// the lock second re-reads the stored pair first and, when the first tab already rotated
// it, uses that pair instead of spending the old refresh token again. Tokens live in
// localStorage, so the other tabs learn about a new pair or a logout from the `storage`
// event (see tokens.ts). Inside one tab, concurrent callers share one promise; without
// `navigator.locks` (older browsers, tests) that in-tab guard is all there is.
import { tokenStore, type TokenPair } from './tokens';

export const REFRESH_LOCK = 'partner-hub-refresh';

/** The part of the Web Locks API a refresh needs (`navigator.locks` fits). */
export interface RefreshLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** What the refresh endpoint said: a new pair, a refusal (the session is over), or no answer. */
export type RefreshOutcome = { tokens: TokenPair } | { refused: true } | { failed: true };

export interface RefresherOptions {
  /** Calls POST /auth/refresh with the given refresh token. */
  exchange: (refreshToken: string) => Promise<RefreshOutcome>;
  /** Defaults to the browser's `navigator.locks` when it exists. */
  locks?: RefreshLocks | null;
}

function browserLocks(): RefreshLocks | null {
  const locks = globalThis.navigator?.locks;
  if (!locks) return null;
  // The DOM typing wraps the callback's promise once more than it resolves to.
  return { request: <T>(name: string, callback: () => Promise<T>) => locks.request(name, callback) as Promise<T> };
}

export interface Refresher {
  /**
   * A fresh access token after `stale` was refused (null when the session is over or the
   * API could not be reached). When another tab already replaced `stale`, returns the
   * replacement without calling the API.
   */
  renew(stale: string | null): Promise<string | null>;
  /** Always exchanges the stored refresh token (the account changed: new roles). */
  force(): Promise<boolean>;
}

export function createRefresher({ exchange, locks = browserLocks() }: RefresherOptions): Refresher {
  let inTab: Promise<string | null> | null = null;

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => (locks ? locks.request(REFRESH_LOCK, work) : work());

  async function exchangeStored(): Promise<string | null> {
    const refreshToken = tokenStore.getRefreshToken();
    if (!refreshToken) {
      tokenStore.clear();
      return null;
    }
    const outcome = await exchange(refreshToken);
    if ('tokens' in outcome) {
      tokenStore.set(outcome.tokens);
      return outcome.tokens.access_token;
    }
    // Network trouble is not a verdict on the session: keep the tokens.
    if ('refused' in outcome) tokenStore.clear();
    return null;
  }

  function renew(stale: string | null): Promise<string | null> {
    inTab ??= exclusive(async () => {
      // Read under the lock: the tab that held it before may have rotated the pair.
      const current = tokenStore.getAccessToken();
      if (current && current !== stale) return current;
      return exchangeStored();
    }).finally(() => {
      inTab = null;
    });
    return inTab;
  }

  async function force(): Promise<boolean> {
    // Wait for a renewal already under way in this tab, then take the lock ourselves.
    await inTab?.catch(() => null);
    return exclusive(async () => (await exchangeStored()) !== null);
  }

  return { renew, force };
}
