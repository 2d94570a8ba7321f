import { describe, expect, it } from 'vitest';
import { authResponse, json, mockApi, problem, sampleMe, signIn } from '@/test/utils';
import { createApiClient } from './client';
import { createRefresher, REFRESH_LOCK, type RefreshLocks, type RefreshOutcome } from './refresh';
import { tokenStore } from './tokens';

/** A lock manager like the browser's: one holder at a time, the others queue in order. */
function fifoLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  const names: string[] = [];
  const locks: RefreshLocks = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const run = tail.then(() => {
        names.push(name);
        return callback();
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { locks, names };
}

/** Counts exchanges; each answers a new numbered pair. */
function countingExchange() {
  const seen: string[] = [];
  const exchange = async (refreshToken: string): Promise<RefreshOutcome> => {
    seen.push(refreshToken);
    await new Promise((r) => setTimeout(r, 5));
    return { tokens: { access_token: `acc-${seen.length + 1}`, refresh_token: `ref-${seen.length + 1}` } };
  };
  return { seen, exchange };
}

describe('refresh across tabs', () => {
  it('two concurrent refresh attempts in one tab send one request (with and without Web Locks)', async () => {
    for (const locks of [fifoLocks().locks, null]) {
      signIn('acc-1', 'ref-1');
      const { seen, exchange } = countingExchange();
      const refresher = createRefresher({ exchange, locks });
      const [a, b] = await Promise.all([refresher.renew('acc-1'), refresher.renew('acc-1')]);
      expect(seen).toEqual(['ref-1']);
      expect([a, b]).toEqual(['acc-2', 'acc-2']);
      expect(tokenStore.getRefreshToken()).toBe('ref-2');
    }
  });

  it('a tab that finds the pair rotated once it holds the lock sends no request', async () => {
    signIn('acc-1', 'ref-1');
    const { seen, exchange } = countingExchange();
    // While this tab waited for the lock, another tab rotated the stored pair.
    const locks: RefreshLocks = {
      request(_name, callback) {
        tokenStore.set({ access_token: 'acc-other', refresh_token: 'ref-other' });
        return callback();
      },
    };
    const token = await createRefresher({ exchange, locks }).renew('acc-1');
    expect(token).toBe('acc-other');
    expect(seen).toEqual([]);
    expect(tokenStore.getRefreshToken()).toBe('ref-other');
  });

  it('two tabs hit by a 401 at once spend the refresh token once and both retry with the new pair', async () => {
    signIn('old', 'ref-1');
    const { locks, names } = fifoLocks();
    const { calls } = mockApi({
      'GET /api/v1/me': (req) => (req.authorization === 'Bearer new' ? json(sampleMe) : problem(401, 'unauthenticated')),
      'POST /api/v1/auth/refresh': (req) =>
        (req.body as { refresh_token: string }).refresh_token === 'ref-1'
          ? json(authResponse({ access_token: 'new', refresh_token: 'ref-2' }))
          : problem(401, 'invalid_refresh_token'),
    });
    // Two clients, like two tabs: separate in-tab guards, one localStorage, one lock manager.
    const tabA = createApiClient({ locks });
    const tabB = createApiClient({ locks });
    const [a, b] = await Promise.all([tabA.GET('/api/v1/me'), tabB.GET('/api/v1/me')]);
    expect([a.response.status, b.response.status]).toEqual([200, 200]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(names).toEqual([REFRESH_LOCK, REFRESH_LOCK]);
    expect(tokenStore.getRefreshToken()).toBe('ref-2');
  });

  it('without the lock, the same two tabs would each spend the token (what the lock prevents)', async () => {
    signIn('old', 'ref-1');
    const { calls } = mockApi({
      'GET /api/v1/me': (req) => (req.authorization === 'Bearer new' ? json(sampleMe) : problem(401, 'unauthenticated')),
      'POST /api/v1/auth/refresh': () => json(authResponse({ access_token: 'new', refresh_token: 'ref-2' })),
    });
    await Promise.all([createApiClient({ locks: null }).GET('/api/v1/me'), createApiClient({ locks: null }).GET('/api/v1/me')]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(2);
  });

  it('a deliberate refresh always exchanges, under the lock', async () => {
    signIn('acc-1', 'ref-1');
    const { locks, names } = fifoLocks();
    const { seen, exchange } = countingExchange();
    expect(await createRefresher({ exchange, locks }).force()).toBe(true);
    expect(seen).toEqual(['ref-1']);
    expect(names).toEqual([REFRESH_LOCK]);
    expect(tokenStore.getAccessToken()).toBe('acc-2');
  });

  it('a refused refresh ends the session; no answer keeps it', async () => {
    signIn('acc-1', 'ref-1');
    expect(await createRefresher({ exchange: async () => ({ failed: true }), locks: null }).renew('acc-1')).toBeNull();
    expect(tokenStore.getRefreshToken()).toBe('ref-1');
    expect(await createRefresher({ exchange: async () => ({ refused: true }), locks: null }).renew('acc-1')).toBeNull();
    expect(tokenStore.getRefreshToken()).toBeNull();
  });
});

describe('other tabs', () => {
  it('hear about a new pair or a logout through the storage event', () => {
    let heard = 0;
    const unsubscribe = tokenStore.subscribe(() => (heard += 1));
    // What the browser fires in this tab when another tab writes or clears the tokens.
    window.dispatchEvent(new StorageEvent('storage', { key: 'partner_hub.refresh_token', newValue: 'ref-9' }));
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'something_else' }));
    unsubscribe();
    expect(heard).toBe(2);
  });
});
