// TEMPORARY (issue 8, until the commerce routes are in openapi.yaml): the typed client
// refuses paths the generated schema does not know yet, so the client's pages call them
// through this untyped view of the same client (same middleware: token, refresh,
// Accept-Language). Each feature's api/pendingTypes.ts mirrors the contract's shapes.
// Deleted once schema.ts has the routes: then `pendingApi` becomes `api`.
import { api } from './client';

interface PendingInit {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | boolean | undefined> };
  body?: unknown;
  headers?: Record<string, string>;
  parseAs?: 'json' | 'blob';
}

type PendingResult<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

interface PendingClient {
  GET<T>(path: string, init?: PendingInit): PendingResult<T>;
  POST<T>(path: string, init?: PendingInit): PendingResult<T>;
  PUT<T>(path: string, init?: PendingInit): PendingResult<T>;
  PATCH<T>(path: string, init?: PendingInit): PendingResult<T>;
}

export const pendingApi = api as unknown as PendingClient;
