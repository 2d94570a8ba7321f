// The typed API client. Every request carries the stored access token; a 401 triggers
// one refresh (shared by concurrent requests and, through a Web Lock, by every tab: see
// refresh.ts) and one retry with the new token. If the refresh is refused, the tokens are
// dropped and the app falls back to the login page. Every request, the token exchange
// included, says the UI's language in Accept-Language, so the server's problem texts
// (`detail`, `errors[].message`) come back in that language.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import i18n from '@/i18n';
import { createRefresher, type RefreshLocks, type RefreshOutcome } from './refresh';
import type { paths } from './schema';
import { tokenStore } from './tokens';

export type ApiClient = Client<paths> & {
  /** Exchanges the stored refresh token for a new pair now; false when refused or impossible. */
  refreshSession(): Promise<boolean>;
};

/** Endpoints that take no bearer token and must never trigger a refresh. */
const PUBLIC_AUTH_PATHS = new Set<string>([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
]);

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** The lock manager that makes one refresh at a time across tabs (default: navigator.locks). */
  locks?: RefreshLocks | null;
  /** The UI's language, asked per request (default: i18next's resolved language). */
  language?: () => string | undefined;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  // Resolved per call so tests can replace globalThis.fetch after the client exists.
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';

  const bare = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl });

  const language = options.language ?? (() => i18n.resolvedLanguage);
  const acceptLanguage: Middleware = {
    onRequest({ request }) {
      const lang = language();
      if (lang) request.headers.set('Accept-Language', lang);
      return request;
    },
  };
  bare.use(acceptLanguage);
  // Before `auth`: the clone it keeps for a retry after a refresh carries the header too.
  client.use(acceptLanguage);

  async function exchange(refreshToken: string): Promise<RefreshOutcome> {
    let result;
    try {
      result = await bare.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
    } catch {
      return { failed: true };
    }
    if (result.data) return { tokens: result.data };
    const status = result.response.status;
    return status === 400 || status === 401 || status === 403 ? { refused: true } : { failed: true };
  }
  const refresher = createRefresher({ exchange, ...(options.locks !== undefined ? { locks: options.locks } : {}) });

  // Clones of outgoing requests, kept until their response arrives, so a request whose
  // body the first fetch consumed can be sent again after a refresh.
  const pending = new Map<string, { request: Request; token: string | null }>();

  const auth: Middleware = {
    onRequest({ request, schemaPath, id }) {
      if (PUBLIC_AUTH_PATHS.has(schemaPath)) return undefined;
      const token = tokenStore.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      pending.set(id, { request: request.clone(), token });
      return request;
    },
    async onResponse({ response, id, options }) {
      const sent = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !sent) return undefined;
      // Another request (or tab) may already have refreshed while this one was in flight.
      const token = await refresher.renew(sent.token);
      if (!token) return undefined;
      sent.request.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(sent.request);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
  client.use(auth);
  return Object.assign(client, { refreshSession: () => refresher.force() });
}

/** The app's client: same origin as the page (the backend serves the SPA). */
export const api = createApiClient();
