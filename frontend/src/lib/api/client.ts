// The typed API client. Every request carries the stored access token; a 401 triggers
// one refresh (shared by concurrent requests) and one retry with the new token. If the
// refresh is refused, the tokens are dropped and the app falls back to the login page.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { tokenStore } from './tokens';

export type ApiClient = Client<paths>;

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
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  // Resolved per call so tests can replace globalThis.fetch after the client exists.
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';

  const bare = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl });

  let refreshing: Promise<string | null> | null = null;

  async function doRefresh(): Promise<string | null> {
    const refreshToken = tokenStore.getRefreshToken();
    if (!refreshToken) {
      tokenStore.clear();
      return null;
    }
    let result;
    try {
      result = await bare.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
    } catch {
      // Network trouble is not a verdict on the session: keep the tokens.
      return null;
    }
    if (result.data) {
      tokenStore.set(result.data);
      return result.data.access_token;
    }
    if (result.response.status === 400 || result.response.status === 401 || result.response.status === 403) {
      tokenStore.clear();
    }
    return null;
  }

  /** One refresh at a time: concurrent 401s wait for the same answer. */
  function refreshOnce(): Promise<string | null> {
    refreshing ??= doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

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
      const current = tokenStore.getAccessToken();
      // Another request may already have refreshed while this one was in flight.
      const token = current && current !== sent.token ? current : await refreshOnce();
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
  return client;
}

/** The app's client: same origin as the page (the backend serves the SPA). */
export const api = createApiClient();
