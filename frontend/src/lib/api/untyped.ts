// The API client without the generated path types, for routes the spec does not list yet
// (the earnings routes, until the backend branches are merged and schema.ts regenerated).
// Same middleware (bearer token, refresh, Accept-Language) as `api`.
import { api } from './client';

type Init = { params?: { query?: Record<string, unknown>; path?: Record<string, string> }; body?: unknown; parseAs?: 'blob' | 'text' };
type Result = { data?: unknown; error?: unknown; response: Response };

interface UntypedClient {
  GET(path: string, init?: Init): Promise<Result>;
  POST(path: string, init?: Init): Promise<Result>;
}

export const untypedApi = api as unknown as UntypedClient;
