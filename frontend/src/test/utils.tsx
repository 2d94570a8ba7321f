// Rendering helpers: the app's providers around a memory router, and a fake backend.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '@/app/AppProviders';
import { routes as appRoutes } from '@/app/routes';

export function renderRoutes(initialPath: string, routes: RouteObject[] = appRoutes) {
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} flushSync={(fn) => void flushSync(fn)} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  code: string,
  extra: {
    detail?: string;
    errors?: { field: string; message: string }[];
    headers?: Record<string, string>;
    /** More members of the problem document (`remaining_attempts`, …). */
    fields?: Record<string, unknown>;
  } = {},
): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: code,
      status,
      code,
      detail: extra.detail ?? null,
      errors: extra.errors,
      ...extra.fields,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers } },
  );
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, `?…` or empty. */
  query: string;
  authorization: string | null;
  acceptLanguage: string | null;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Replaces fetch with a router over "METHOD /path" handlers and records every call.
 * Unknown routes answer 404 so a test fails loudly rather than hanging.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.search,
      authorization: request.headers.get('Authorization'),
      acceptLanguage: request.headers.get('Accept-Language'),
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(recorded);
    const handler = handlers[`${request.method} ${url.pathname}`];
    return handler ? handler(recorded) : problem(404, 'not_found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export const sampleMe = {
  id: 'usr_1',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  roles: ['freelancer'],
  locale: 'en',
  freelancer: {
    id: 'fl_1',
    status: 'onboarding',
    tier: 'standard',
    eligible: false,
    missing_steps: ['tax_id', 'accept_terms'],
  },
};

/** An eligible freelancer (approved, every onboarding step done): the dashboard is open. */
export const eligibleFreelancerMe = {
  id: 'usr_1',
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  roles: ['freelancer'],
  freelancer: { id: 'fl_1', status: 'approved', tier: 'standard', eligible: true, missing_steps: [], onboarding_required: false },
};

export function authResponse(overrides: { access_token?: string; refresh_token?: string } = {}) {
  return {
    user: {
      id: 'usr_1',
      email: 'ada@example.com',
      full_name: 'Ada Lovelace',
      roles: ['freelancer'],
      created_at: '2026-11-27T10:00:00Z',
    },
    access_token: overrides.access_token ?? 'access-1',
    refresh_token: overrides.refresh_token ?? 'refresh-1',
    token_type: 'Bearer',
    expires_in: 900,
  };
}

export function signIn(access = 'access-1', refresh = 'refresh-1') {
  localStorage.setItem('partner_hub.access_token', access);
  localStorage.setItem('partner_hub.refresh_token', refresh);
}
